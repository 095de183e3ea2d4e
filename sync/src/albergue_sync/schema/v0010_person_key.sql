-- Schema version 10: the list and search key of a person, and indexes for the counts.
-- Frozen once released. Design: docs/person-key-and-counts.md.

-- person is a table with a text primary key, so its rowid is hidden and VACUUM may renumber
-- it: the full-text index and the list order must not rest on it. person_key gives every
-- person an explicit INTEGER PRIMARY KEY (kept by VACUUM) that sorts by registration
-- (created_at, carried by sync from the center that registered the person), not by arrival
-- in this file: n = created_at in Unix milliseconds * 2^20 + the next free number among the
-- people registered in the same millisecond (a bulk import registers many at once).
-- Local to this file: it has no sync columns, so the sync engine neither sends nor merges it.
CREATE TABLE person_key (
	n INTEGER NOT NULL PRIMARY KEY,
	person_id VARCHAR NOT NULL UNIQUE
);

INSERT INTO person_key (n, person_id)
SELECT base * 1048576 + row_number() OVER (PARTITION BY base ORDER BY created_at, id) - 1, id
FROM (SELECT id, created_at,
             coalesce(CAST(round((julianday(created_at) - 2440587.5) * 86400000.0)
                           AS INTEGER), 0) AS base
      FROM person);

DROP TRIGGER person_fts_ai;
DROP TRIGGER person_fts_au;
DROP TRIGGER person_fts_ad;
DROP TRIGGER identity_document_fts_ai;
DROP TRIGGER identity_document_fts_au;

DELETE FROM person_fts;

INSERT INTO person_fts (rowid, name, ident)
SELECT k.n,
       p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
       coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
         || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                             WHERE d.person_id = p.id AND d.deleted = 0), '')
FROM person p JOIN person_key k ON k.person_id = p.id WHERE p.deleted = 0;

-- One trigger per event, the key first, so no step depends on the order SQLite fires
-- triggers in.
CREATE TRIGGER person_key_ai AFTER INSERT ON person BEGIN
    INSERT INTO person_key (n, person_id)
    SELECT coalesce((SELECT k.n + 1 FROM person_key k
                     WHERE k.n >= b.base AND k.n < b.base + 1048576
                     ORDER BY k.n DESC LIMIT 1), b.base), new.id
    FROM (SELECT coalesce(CAST(round((julianday(new.created_at) - 2440587.5) * 86400000.0)
                               AS INTEGER), 0) * 1048576 AS base) b;
    INSERT INTO person_fts (rowid, name, ident)
    SELECT k.n,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p JOIN person_key k ON k.person_id = p.id
    WHERE p.id = new.id AND p.deleted = 0;
END;

CREATE TRIGGER person_fts_au AFTER UPDATE OF given_names, surnames, document_name, folio, curp,
    rfc, deleted ON person BEGIN
    DELETE FROM person_fts WHERE rowid = (SELECT n FROM person_key WHERE person_id = old.id);
    INSERT INTO person_fts (rowid, name, ident)
    SELECT k.n,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p JOIN person_key k ON k.person_id = p.id
    WHERE p.id = new.id AND p.deleted = 0;
END;

CREATE TRIGGER person_key_ad AFTER DELETE ON person BEGIN
    DELETE FROM person_fts WHERE rowid = (SELECT n FROM person_key WHERE person_id = old.id);
    DELETE FROM person_key WHERE person_id = old.id;
END;

CREATE TRIGGER identity_document_fts_ai AFTER INSERT ON identity_document BEGIN
    DELETE FROM person_fts
    WHERE rowid = (SELECT n FROM person_key WHERE person_id = new.person_id);
    INSERT INTO person_fts (rowid, name, ident)
    SELECT k.n,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p JOIN person_key k ON k.person_id = p.id
    WHERE p.id = new.person_id AND p.deleted = 0;
END;

CREATE TRIGGER identity_document_fts_au AFTER UPDATE OF number_key, deleted, person_id
    ON identity_document BEGIN
    DELETE FROM person_fts WHERE rowid IN
        (SELECT n FROM person_key WHERE person_id IN (old.person_id, new.person_id));
    INSERT INTO person_fts (rowid, name, ident)
    SELECT k.n,
           p.given_names || ' ' || p.surnames || ' ' || coalesce(p.document_name, ''),
           coalesce(p.folio, '') || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ') FROM identity_document d
                                 WHERE d.person_id = p.id AND d.deleted = 0), '')
    FROM person p JOIN person_key k ON k.person_id = p.id
    WHERE p.id IN (old.person_id, new.person_id) AND p.deleted = 0;
END;

-- Counts answered from an index: the live people (the count after every save), and the
-- people with stays (present and discharged, without joining every stay to its person).
CREATE INDEX ix_person_live ON person (deleted, merged_into_id)
    WHERE deleted = 0 AND merged_into_id IS NULL;

CREATE INDEX ix_stay_live_person ON stay (person_id, deleted) WHERE deleted = 0;
