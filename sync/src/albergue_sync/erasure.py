"""Erasure of a person in every file (docs/erasure.md).

A person is erased by setting ``person.erased_at`` (a forward-only field, rules.FORWARD_FIELDS:
a set value beats NULL in every merge, so no concurrent edit can clear it). Wherever that
value is present, :func:`wipe` makes the file hold only de-identified data about the person:

- the person's personal fields are replaced by fixed values (names empty, birth date reduced
  to its year, documents, contact, notes, protection codes gone; sex, nationality, arrival
  date, center and household kept for the counts). The replacement is a pure function of the
  merged row, so every file reaches the same values whatever the merge order, and a
  concurrent edit that wins the field merge is blanked again in the same transaction;
- the person's documents, photo and health and protection rows are removed (physically: a
  tombstone would keep the values); rows kept for the counts (stays, discharges, placements,
  schooling) lose their free text;
- the payloads of the audit rows of those rows are replaced (``auditchain.redact``: the chain
  is over payload hashes, so it stays verifiable) and the conflict records about them are
  removed.

It runs after every merge (apply.py), on the rows of every erased person, so a row that a
file which had not yet seen the erasure sends again is removed again on arrival. Qt-free and
SQL-only: the desktop's erasure service runs it in its own transaction.
"""

from __future__ import annotations

import json
from typing import Any

from . import auditchain
from . import dbapi as sqlite3

# person column -> SQL expression of its erased value (a pure function of the row).
PERSON_WIPE: dict[str, str] = {
    "given_names": "''",
    "surnames": "''",
    "document_name": "NULL",
    "birth_date": "CASE WHEN birth_date IS NULL THEN NULL "
                  "ELSE substr(birth_date, 1, 4) || '-07-01' END",
    "birth_date_estimated": "CASE WHEN birth_date IS NULL THEN birth_date_estimated ELSE 1 END",
    "phone": "NULL",
    "emergency_contact_name": "NULL",
    "emergency_contact_phone": "NULL",
    "migratory_status_from": "NULL",
    "migratory_status_until": "NULL",
    "curp": "NULL",
    "rfc": "NULL",
    "specific_needs": "'[]'",
    "work_experience": "'[]'",
    "notes": "NULL",
    "folio": "NULL",
    "search_key": "''",
    "deleted": "1",
    "deleted_at": "coalesce(deleted_at, erased_at)",
}

# Rows removed with the person: identity, photo, health and protection records, the
# paperwork that carries tax and social security numbers, duplicate reviews naming them.
# table -> the columns that point at the person.
REMOVED: dict[str, tuple[str, ...]] = {
    "identity_document": ("person_id",),
    "person_photo": ("person_id",),
    "vaccination": ("person_id",),
    "screening": ("person_id",),
    "dispensing": ("person_id",),
    "referral": ("person_id",),
    "consultation": ("person_id",),
    "pregnancy_visit": ("person_id",),
    "birth": ("person_id", "newborn_id"),
    "mental_health_note": ("person_id",),
    "allergy": ("person_id",),
    "asylum_application": ("person_id",),
    "protection_referral": ("person_id",),
    "work_paperwork": ("person_id",),
    "duplicate_review": ("person_a_id", "person_b_id"),
}

# Rows kept for the counts (dates, center, outcome) without their free text.
# table -> (person column, columns set to NULL).
KEPT: dict[str, tuple[str, tuple[str, ...]]] = {
    "stay": ("person_id", ("notes",)),
    "discharge": ("person_id", ("destination_detail", "transport_detail")),
    "job_placement": ("person_id", ("notes",)),
    "school_enrollment": ("person_id", ("missing_documents",)),
}

# Append-only rows that name the person: the link is cut, the movement stays (stock).
UNLINKED: dict[str, tuple[str, ...]] = {"stock_movement": ("person_id", "dispensing_id")}

ERASED_PAYLOAD: dict[str, Any] = {"erased": True}
_ERASED = "SELECT id FROM {db}.person WHERE erased_at IS NOT NULL"


def _tables(conn: sqlite3.Connection, db: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for table, column in conn.execute(
            f"SELECT m.name, c.name FROM {db}.sqlite_master m, pragma_table_info(m.name, ?) c "
            f"WHERE m.type = 'table'", (db,)):
        out.setdefault(table, set()).add(column)
    return out


def erased_people(conn: sqlite3.Connection, db: str = "main") -> list[str]:
    if "erased_at" not in {r[1] for r in conn.execute(f"PRAGMA {db}.table_info(person)")}:
        return []
    return [r[0] for r in conn.execute(_ERASED.format(db=db))]


def wipe(conn: sqlite3.Connection, db: str = "main", seq: int | None = None) -> int:
    """Make ``db`` hold nothing personal about its erased people. Returns the rows changed,
    removed or redacted (0 when everything was already wiped: a merge that brings nothing
    new writes nothing). ``seq``: the merge's change number, to find the audit rows and
    conflict records it brought about rows that are gone."""
    erased = erased_people(conn, db)
    if not erased:
        return 0
    tables = _tables(conn, db)
    ids = json.dumps(erased)
    args = {"ids": ids}
    member = "IN (SELECT value FROM json_each(:ids))"
    changed = 0
    stale = " OR ".join(f"{col} IS NOT ({expr})" for col, expr in PERSON_WIPE.items()
                        if col in tables["person"])
    newly = [r[0] for r in conn.execute(
        f"SELECT id FROM {db}.person WHERE id {member} AND ({stale})", args)]
    if newly:
        sets = ", ".join(f"{col} = {expr}" for col, expr in PERSON_WIPE.items()
                         if col in tables["person"])
        changed += conn.execute(f"UPDATE {db}.person SET {sets} WHERE id {member}",
                                {"ids": json.dumps(newly)}).rowcount
    audited: list[tuple[str, str]] = [("person", pid) for pid in erased]
    conflict_rows: set[str] = set(erased)
    for table, (column, fields) in KEPT.items():
        cols = tables.get(table)
        if not cols:
            continue
        wanted = [f for f in fields if f in cols]
        dirty = " OR ".join(f"{f} IS NOT NULL" for f in wanted) or "0"
        rows = [r[0] for r in conn.execute(
            f"SELECT id FROM {db}.{table} WHERE {column} {member}", args)]
        audited += [(table, r) for r in rows]
        conflict_rows.update(rows)
        if wanted:
            changed += conn.execute(
                f"UPDATE {db}.{table} SET {', '.join(f'{f} = NULL' for f in wanted)} "
                f"WHERE {column} {member} AND ({dirty})", args).rowcount
    for table, (column, *links) in UNLINKED.items():
        if table in tables:
            sets = ", ".join(f"{c} = NULL" for c in (column, *links) if c in tables[table])
            changed += conn.execute(f"UPDATE {db}.{table} SET {sets} WHERE {column} {member}",
                                    args).rowcount
    removed: list[tuple[str, str]] = []
    for table, columns in REMOVED.items():
        if table not in tables:
            continue
        where = " OR ".join(f"{c} {member}" for c in columns)
        removed += [(table, r[0]) for r in conn.execute(
            f"SELECT id FROM {db}.{table} WHERE {where}", args)]
    if removed:
        gone = json.dumps([r for _, r in removed])
        # links from rows that stay (a dispensing's consultation, a referral's) are cut first
        for table, column in (("dispensing", "consultation_id"), ("referral", "consultation_id"),
                              ("stock_movement", "dispensing_id")):
            if table in tables and column in tables[table]:
                changed += conn.execute(
                    f"UPDATE {db}.{table} SET {column} = NULL WHERE {column} IN "
                    f"(SELECT value FROM json_each(?))", (gone,)).rowcount
        for table in REMOVED:
            if table in tables:
                changed += conn.execute(
                    f"DELETE FROM {db}.{table} WHERE id IN (SELECT value FROM json_each(?))",
                    (gone,)).rowcount
        audited += removed
        conflict_rows.update(r for _, r in removed)
    changed += _redact_audit(conn, db, audited, seq, tables)
    changed += _drop_conflicts(conn, db, conflict_rows, seq, tables)
    if newly and "person_fts" in tables:
        # the full-text index keeps deleted tokens in its segments until they are merged
        conn.execute(f"INSERT INTO {db}.person_fts(person_fts) VALUES ('optimize')")
    return changed


def _redact_audit(conn: sqlite3.Connection, db: str, rows: list[tuple[str, str]],
                  seq: int | None, tables: dict[str, set[str]]) -> int:
    if "audit_event" not in tables:
        return 0
    pairs = json.dumps([list(r) for r in rows])
    found = [r[0] for r in conn.execute(
        f"SELECT a.id FROM json_each(?) j CROSS JOIN {db}.audit_event a "
        f"ON a.table_name = json_extract(j.value, '$[0]') "
        f"AND a.row_id = json_extract(j.value, '$[1]') "
        f"WHERE a.changes NOT IN ('{{}}', '', ?) AND a.action <> 'erase'",
        (pairs, json.dumps(ERASED_PAYLOAD)))]
    if seq is not None:
        # events this merge brought about removed rows that did not come with them
        for table in REMOVED:
            if table in tables:
                found += [r[0] for r in conn.execute(
                    f"SELECT a.id FROM {db}.audit_event a WHERE a.change_seq = ? "
                    f"AND a.table_name = ? AND a.changes NOT IN ('{{}}', '', ?) "
                    f"AND NOT EXISTS (SELECT 1 FROM {db}.{table} t WHERE t.id = a.row_id)",
                    (seq, table, json.dumps(ERASED_PAYLOAD)))]
    found = sorted(set(found))
    if found:
        if db == "main":
            auditchain.redact(conn, found, ERASED_PAYLOAD)
        else:  # pragma: no cover - every caller wipes main
            raise ValueError(db)
    return len(found)


def _drop_conflicts(conn: sqlite3.Connection, db: str, rows: set[str], seq: int | None,
                    tables: dict[str, set[str]]) -> int:
    if "sync_conflict" not in tables:
        return 0
    ids = json.dumps(sorted(rows))
    count = conn.execute(
        f"DELETE FROM {db}.sync_conflict WHERE row_id IN (SELECT value FROM json_each(?)) "
        f"OR EXISTS (SELECT 1 FROM json_each(?) e WHERE instr(sync_conflict.detail, e.value))",
        (ids, json.dumps(erased_people(conn, db)))).rowcount
    if seq is not None:
        for table in REMOVED:
            if table in tables:
                count += conn.execute(
                    f"DELETE FROM {db}.sync_conflict WHERE change_seq = ? AND table_name = ? "
                    f"AND row_id NOT IN (SELECT id FROM {db}.{table})", (seq, table)).rowcount
    return count
