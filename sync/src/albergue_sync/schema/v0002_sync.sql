-- Schema version 2: what the sync engine keeps in each file. Frozen once released.

-- Codes and folios are unique per creating site, and only the file of that site enforces it
-- (a trigger: the desktop writes with its own site id). A merge never aborts on them: two
-- laptops set up with the same center code, or a restored backup that reused a folio, must
-- still merge; the engine logs such pairs as 'duplicate' conflicts.
DROP INDEX ux_center_code;

CREATE INDEX ix_center_code ON center (code, site_id);

CREATE TRIGGER center_code_unique_insert BEFORE INSERT ON center
WHEN NEW.code IS NOT NULL AND NEW.site_id = (SELECT value FROM meta WHERE key = 'site_id')
 AND EXISTS (SELECT 1 FROM center c WHERE c.code = NEW.code AND c.site_id = NEW.site_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: center.code, center.site_id'); END;

CREATE TRIGGER center_code_unique_update BEFORE UPDATE OF code, site_id ON center
WHEN NEW.code IS NOT NULL AND NEW.site_id = (SELECT value FROM meta WHERE key = 'site_id')
 AND EXISTS (SELECT 1 FROM center c WHERE c.code = NEW.code AND c.site_id = NEW.site_id
             AND c.id <> NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: center.code, center.site_id'); END;

DROP INDEX ux_person_folio;

CREATE INDEX ix_person_folio ON person (folio, site_id);

CREATE TRIGGER person_folio_unique_insert BEFORE INSERT ON person
WHEN NEW.folio IS NOT NULL AND NEW.site_id = (SELECT value FROM meta WHERE key = 'site_id')
 AND EXISTS (SELECT 1 FROM person p WHERE p.folio = NEW.folio AND p.site_id = NEW.site_id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: person.folio, person.site_id'); END;

CREATE TRIGGER person_folio_unique_update BEFORE UPDATE OF folio, site_id ON person
WHEN NEW.folio IS NOT NULL AND NEW.site_id = (SELECT value FROM meta WHERE key = 'site_id')
 AND EXISTS (SELECT 1 FROM person p WHERE p.folio = NEW.folio AND p.site_id = NEW.site_id
             AND p.id <> NEW.id)
BEGIN SELECT RAISE(ABORT, 'UNIQUE constraint failed: person.folio, person.site_id'); END;

-- Bookmark per source file merged into this one (local to the file, never synced).
CREATE TABLE sync_source (
	site_id VARCHAR(32) NOT NULL, 
	epoch VARCHAR NOT NULL, 
	seq_merged INTEGER NOT NULL, 
	merged_at DATETIME NOT NULL, 
	direction VARCHAR NOT NULL, 
	with_health BOOLEAN NOT NULL, 
	source_path VARCHAR, 
	rows_new INTEGER NOT NULL, 
	rows_updated INTEGER NOT NULL, 
	rows_unchanged INTEGER NOT NULL, 
	conflicts INTEGER NOT NULL, 
	seq_mark VARCHAR, 
	PRIMARY KEY (site_id)
);

-- Values the merge did not keep; synced between files (union by id).
CREATE TABLE sync_conflict (
	id VARCHAR(64) NOT NULL, 
	kind VARCHAR NOT NULL, 
	table_name VARCHAR NOT NULL, 
	row_id VARCHAR(36) NOT NULL, 
	field VARCHAR NOT NULL, 
	winner_value JSON, 
	winner_dot JSON, 
	loser_value JSON, 
	loser_dot JSON, 
	detail JSON NOT NULL, 
	detected_at DATETIME NOT NULL, 
	detected_by VARCHAR(32) NOT NULL, 
	resolved BOOLEAN NOT NULL, 
	resolved_value JSON, 
	resolved_by VARCHAR, 
	resolved_at DATETIME, 
	resolved_dot JSON, 
	change_seq INTEGER NOT NULL, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_sync_conflict_change_seq ON sync_conflict (change_seq);

CREATE INDEX ix_sync_conflict_resolved ON sync_conflict (resolved);

CREATE INDEX ix_sync_conflict_row ON sync_conflict (table_name, row_id);
