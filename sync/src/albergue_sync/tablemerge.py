"""Merging one table of an attached source (schema ``src``) into the target (``main``) inside
the caller's transaction: new rows set-based, rows on both sides through the pure row merge,
then orphans and duplicate keys among the rows this merge touched.

Every row the merge inserts or changes gets the same new target ``change_seq`` (the merge is
one transaction, so a later reader sees all of it or none of it); vv, fv and hlc come from
the merge, never from the target's clock.
"""

from __future__ import annotations

import functools
import json
from . import dbapi as sqlite3
from dataclasses import dataclass
from typing import Any

from .rowmerge import Conflict, data_fields_of, dump_json, field_dots, merge_row
from .rules import APPEND_ONLY, DUPLICATE_KEYS, LOCAL_TABLES, MERGED_TABLES, SYNCED_COLUMNS

CHUNK = 2000


@dataclass
class TableCounts:
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    max_hlc: int = 0


@functools.lru_cache(maxsize=4096)
def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def columns(conn: sqlite3.Connection, table: str, db: str = "main") -> list[tuple[str, str]]:
    """(name, declared type) of each column, in table order."""
    return [(r[1], (r[2] or "").upper()) for r in conn.execute(
        f"PRAGMA {db}.table_info({q(table)})")]


def all_columns(conn: sqlite3.Connection, db: str, tables: list[str],
                ) -> dict[str, list[tuple[str, str]]]:
    """:func:`columns` of each of ``tables`` in ``db``, in one query (once per source rather
    than once per table)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for table, name, decl in conn.execute(
            "SELECT t.value, c.name, c.type FROM json_each(?) t, "
            "pragma_table_info(t.value, ?) c ORDER BY t.value, c.cid",
            (json.dumps(tables), db)):
        out.setdefault(table, []).append((name, (decl or "").upper()))
    return out


_TABLES_BY_SCHEMA: dict[str, list[str]] = {}
_COLUMNS_BY_SCHEMA: dict[str, dict[str, list[tuple[str, str]]]] = {}


# id(connection) -> (the connection, schema cookie of its main file, schema key). The main
# file of a connection stays the same file for the connection's life, and any change to its
# schema moves the cookie; holding the connection keeps its id from being reused.
_MAIN_KEYS: dict[int, tuple[sqlite3.Connection, int, str]] = {}


def _schema_key(conn: sqlite3.Connection, db: str) -> str:
    cookie = None
    if db == "main":  # asked several times per source: the cookie spares reading the schema
        cookie = conn.execute("PRAGMA main.schema_version").fetchone()[0]
        known = _MAIN_KEYS.get(id(conn))
        if known is not None and known[0] is conn and known[1] == cookie:
            return known[2]
    key = conn.execute(f"SELECT group_concat(name || ':' || coalesce(sql, ''), ';') "
                       f"FROM {db}.sqlite_master WHERE type = 'table'").fetchone()[0] or ""
    if cookie is not None:
        if len(_MAIN_KEYS) > 16:
            _MAIN_KEYS.clear()
        _MAIN_KEYS[id(conn)] = (conn, cookie, key)
    return key


def synced_tables(conn: sqlite3.Connection, db: str = "main") -> list[str]:
    """Tables that carry the sync stamps, parents before children (foreign keys). Kept per
    schema text: it depends on nothing else, and every merge step asks for it."""
    key = _schema_key(conn, db)
    found = _TABLES_BY_SCHEMA.get(key)
    if found is None:
        if len(_TABLES_BY_SCHEMA) > 16:
            _TABLES_BY_SCHEMA.clear()
        found = _TABLES_BY_SCHEMA[key] = _synced_tables(conn, db)
    return list(found)


def synced_columns(conn: sqlite3.Connection, db: str, tables: list[str],
                   ) -> dict[str, list[tuple[str, str]]]:
    """:func:`all_columns` of ``tables`` (synced tables of ``db``; others are left out),
    kept per schema text like :func:`synced_tables`: the central file and its sources
    usually share one schema, so a merge reads the columns once, not twice per source."""
    key = _schema_key(conn, db)
    found = _COLUMNS_BY_SCHEMA.get(key)
    if found is None:
        if len(_COLUMNS_BY_SCHEMA) > 16:
            _COLUMNS_BY_SCHEMA.clear()
        found = _COLUMNS_BY_SCHEMA[key] = all_columns(conn, db, synced_tables(conn, db))
    return {t: list(found[t]) for t in tables if t in found}


def _synced_tables(conn: sqlite3.Connection, db: str) -> list[str]:
    # Two queries over the table-valued pragmas rather than two PRAGMAs per table: this
    # runs several times per source, and an incremental merge is otherwise cheap.
    cols: dict[str, set[str]] = {}
    for table, column in conn.execute(
            f"SELECT m.name, c.name FROM {db}.sqlite_master m, "
            f"pragma_table_info(m.name, ?) c WHERE m.type = 'table' "
            f"AND m.sql LIKE '%change_seq%'", (db,)):
        cols.setdefault(table, set()).add(column)
    tables = [n for n in sorted(cols) if n not in LOCAL_TABLES and SYNCED_COLUMNS <= cols[n]]
    parents: dict[str, set[str]] = {t: set() for t in tables}
    for table, parent in conn.execute(
            f"SELECT m.name, f.\"table\" FROM {db}.sqlite_master m, "
            f"pragma_foreign_key_list(m.name, ?) f WHERE m.type = 'table'", (db,)):
        if table in parents and parent in parents and parent != table:
            parents[table].add(parent)
    rank = {t: i for i, t in enumerate(MERGED_TABLES)}
    ordered: list[str] = []
    pending = sorted(tables, key=lambda t: (rank.get(t, len(rank)), t))
    while pending:
        ready = next((t for t in pending if parents[t] <= set(ordered)), pending[0])
        ordered.append(ready)
        pending.remove(ready)
    return ordered


def to_json_value(decl: str, raw: Any) -> Any:
    """A raw SQL value as the JSON a conflict record keeps (booleans and JSON decoded)."""
    if raw is None:
        return None
    if decl == "JSON":
        try:
            return json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            return raw
    if decl == "BOOLEAN":
        return bool(raw)
    return raw


def to_raw(decl: str, value: Any) -> Any:
    if value is None:
        return None
    if decl == "JSON":
        return json.dumps(value)
    if decl == "BOOLEAN":
        return int(bool(value))
    return value


def _row_filter(table: str, own_health_only: bool) -> str:
    """Extra condition on ``s`` (the source row) when health rows of other centers stay out:
    only rows of people of this center (registered or staying here), or already here."""
    if not own_health_only:
        return ""
    return (f" AND (EXISTS (SELECT 1 FROM main.{q(table)} m2 WHERE m2.id = s.id)"
            f" OR s.person_id IN (SELECT id FROM src.person WHERE center_id = :own)"
            f" OR s.person_id IN (SELECT person_id FROM src.stay WHERE center_id = :own"
            f" AND deleted = 0))")


def _since_filter(own_health_only: bool) -> str:
    """Rows changed since the bookmark; when health rows of other centers stay out, also the
    unchanged health rows of a person who became this center's since the bookmark (a
    transfer in, a check-in): they were left out of the earlier pulls."""
    if not own_health_only:
        return "s.change_seq > :since"
    return ("(s.change_seq > :since"
            " OR s.person_id IN (SELECT person_id FROM src.stay WHERE center_id = :own"
            " AND change_seq > :since)"
            " OR s.person_id IN (SELECT id FROM src.person WHERE center_id = :own"
            " AND change_seq > :since))")


def merge_table(conn: sqlite3.Connection, table: str, *, since: int, seq: int,
                own_health_only: bool = False, own_center: str | None = None,
                main_columns: dict[str, list[tuple[str, str]]] | None = None,
                src_columns: dict[str, list[tuple[str, str]]] | None = None,
                ) -> tuple[TableCounts, list[Conflict]]:
    """Merge ``src.table`` rows with ``change_seq > since`` into ``main.table``. With
    ``own_health_only``, only rows of people of ``own_center`` are taken. ``main_columns``
    and ``src_columns``: :func:`all_columns` of each side, when the caller has them."""
    cols = main_columns[table] if main_columns else columns(conn, table)
    names = [c for c, _ in cols]
    src_names = {c for c, _ in (src_columns.get(table, []) if src_columns is not None
                                else columns(conn, table, "src"))}
    missing = [c for c in names if c not in src_names]
    if missing:
        raise sqlite3.DatabaseError(f"source table {table} lacks columns {missing}")
    where = _since_filter(own_health_only) + _row_filter(table, own_health_only)
    args = {"since": since, "seq": seq, "own": own_center}
    counts = TableCounts()
    # How many rows to read, their clock, and how many the target lacks: an incremental
    # merge skips the INSERT (its statement carries the table's triggers, costly to
    # prepare) when every row is known, and the join when every row is new.
    counts.read, hlc, absent = conn.execute(
        f"SELECT count(*), max(s.hlc), sum(NOT EXISTS (SELECT 1 FROM main.{q(table)} m "
        f"WHERE m.id = s.id)) FROM src.{q(table)} s WHERE {where}", args).fetchone()
    counts.max_hlc = int(hlc or 0)
    if not counts.read:
        return counts, []
    if absent:
        select_new = ", ".join(":seq" if c == "change_seq" else f"s.{q(c)}" for c in names)
        cur = conn.execute(
            f"INSERT INTO main.{q(table)} ({', '.join(map(q, names))}) SELECT {select_new} "
            f"FROM src.{q(table)} s WHERE {where} AND NOT EXISTS "
            f"(SELECT 1 FROM main.{q(table)} m WHERE m.id = s.id)", args)
        counts.new = cur.rowcount
    if counts.new == counts.read:
        return counts, []
    if table in APPEND_ONLY:
        counts.updated = _restamp_events(conn, table, names, where, args)
        counts.unchanged = counts.read - counts.new - counts.updated
        return counts, []
    fields = data_fields_of(names)
    both = ", ".join([*(f"s.{q(c)}" for c in names), *(f"m.{q(c)}" for c in names)])
    cur = conn.execute(
        f"SELECT {both} FROM src.{q(table)} s JOIN main.{q(table)} m ON m.id = s.id "
        f"WHERE {where} AND m.change_seq <> :seq AND (s.vv IS NOT m.vv OR s.fv IS NOT m.fv)",
        args)
    conflicts: list[Conflict] = []
    width = len(names)
    while batch := cur.fetchmany(CHUNK):
        # Only the columns that change are written: an unchanged name does not fire the
        # full-text triggers, an unchanged key does not touch its index.
        updates: dict[tuple[str, ...], list[list[Any]]] = {}
        for raw in batch:
            source, target = dict(zip(names, raw[:width])), dict(zip(names, raw[width:]))
            result = merge_row(table, target, source, fields)
            conflicts += result.conflicts
            if result.changed:
                row = result.row
                row["vv"], row["fv"], row["change_seq"] = dump_json(row["vv"]), \
                    dump_json(row["fv"]), seq
                changed = tuple(c for c in names if c != "id" and row[c] != target[c])
                updates.setdefault(changed, []).append([*(row[c] for c in changed), row["id"]])
        for changed, params in updates.items():
            conn.executemany(f"UPDATE main.{q(table)} SET "
                             + ", ".join(f"{q(c)} = ?" for c in changed) + " WHERE id = ?",
                             params)
            counts.updated += len(params)
    counts.unchanged = counts.read - counts.new - counts.updated
    return counts, conflicts


# The columns of an append-only event that may differ between two files holding the same
# event: its stamps, and its link in the audit hash chain (auditchain.py). Two copies of a
# file that are both rekeyed move the same event to two new sites (recovery.rekey), each
# rechained at the start of its site's chain; its content (changes, who, when, what) is
# the same and is never overwritten here.
EVENT_STAMPS = ("site_id", "vv", "fv", "chain_site", "chain_seq", "payload_hash", "prev_hash",
                "chain_hash")


def _restamp_events(conn: sqlite3.Connection, table: str, names: list[str], where: str,
                    args: dict) -> int:
    """Events both files hold under different stamps: every file keeps the same one (the
    greatest by :func:`_event_order`), so that all files converge. A target that holds
    greater stamps than the source moves its event to this merge's change without changing
    it: the source reads only what changed since its bookmark, and would otherwise never
    see the greater stamps again (a rekeyed file that pulled them before its rekey, or a
    file that took the lesser ones from a third file). Returns rows updated."""
    stamps = [c for c in EVENT_STAMPS if c in names]
    if "site_id" not in stamps:
        return 0
    differ = " OR ".join(f"s.{q(c)} IS NOT m.{q(c)}" for c in stamps)
    both = ", ".join([*(f"s.{q(c)}" for c in stamps), *(f"m.{q(c)}" for c in stamps)])
    rows = conn.execute(
        f"SELECT s.id, {both} FROM src.{q(table)} s JOIN main.{q(table)} m ON m.id = s.id "
        f"WHERE {where} AND m.change_seq <> :seq AND ({differ})", args).fetchall()
    width = len(stamps)
    updates, kept = [], []
    for raw in rows:
        source = dict(zip(stamps, raw[1:1 + width]))
        target = dict(zip(stamps, raw[1 + width:]))
        if _event_order(source) > _event_order(target):
            updates.append([*(source[c] for c in stamps), args["seq"], raw[0]])
        else:
            kept.append((args["seq"], raw[0]))
    conn.executemany(f"UPDATE main.{q(table)} SET "
                     + ", ".join(f"{q(c)} = ?" for c in stamps)
                     + ", change_seq = ? WHERE id = ?", updates)
    conn.executemany(f"UPDATE main.{q(table)} SET change_seq = ? WHERE id = ?", kept)
    return len(updates) + len(kept)


def _event_order(row: dict[str, Any]) -> tuple:
    """A total order on the stamps of one event, the same in every file."""
    return tuple("" if row.get(c) is None else str(row.get(c)) for c in EVENT_STAMPS)


def _dot_of(fv_raw: Any, site_id: str, field: str):
    star, named = field_dots({"fv": fv_raw, "site_id": site_id, "hlc": 0})
    return named.get(field, star)


def find_orphans(conn: sqlite3.Connection, table: str, seq: int) -> list[Conflict]:
    """Rows touched by this merge whose parent row is absent: kept, and logged."""
    found = []
    for fk in conn.execute(f"PRAGMA main.foreign_key_list({q(table)})").fetchall():
        parent, column, target_col = fk[2], fk[3], fk[4] or "id"
        rows = conn.execute(
            f"SELECT c.id, c.{q(column)}, c.fv, c.site_id FROM main.{q(table)} c "
            f"WHERE c.change_seq = ? AND c.{q(column)} IS NOT NULL AND NOT EXISTS "
            f"(SELECT 1 FROM main.{q(parent)} p WHERE p.{q(target_col)} = c.{q(column)})",
            (seq,)).fetchall()
        for row_id, value, fv, site in rows:
            found.append(Conflict("orphan", table, row_id, column, None, None, value,
                                  _dot_of(fv, site, column), {"parent_table": parent}))
    return found


def find_duplicates(conn: sqlite3.Connection, table: str, seq: int) -> list[Conflict]:
    """Live rows touched by this merge that share a human key (center code, folio) with
    another live row. Logged on the row with the greater id, so every file logs the same."""
    key = DUPLICATE_KEYS.get(table)
    if key is None:
        return []
    rows = conn.execute(
        f"SELECT a.id, b.id, a.{q(key)}, a.fv, a.site_id, b.fv, b.site_id "
        f"FROM main.{q(table)} a JOIN main.{q(table)} b ON b.{q(key)} = a.{q(key)} "
        f"AND b.id <> a.id AND b.deleted = 0 "
        f"WHERE a.change_seq = ? AND a.deleted = 0 AND a.{q(key)} IS NOT NULL", (seq,))
    found = {}
    for a_id, b_id, value, a_fv, a_site, b_fv, b_site in rows:
        (row, fv, site), other = ((a_id, a_fv, a_site), b_id) if a_id > b_id \
            else ((b_id, b_fv, b_site), a_id)
        conflict = Conflict("duplicate", table, row, key, None, None, value,
                            _dot_of(fv, site, key), {"other_id": other}, extra=other)
        found[conflict.id] = conflict
    return list(found.values())


def find_stay_clashes(conn: sqlite3.Connection, seq: int) -> list[Conflict]:
    """States no single center could create but a merge can: a person with two open stays,
    or a bed with two occupants (e.g. a transfer and a check-in made at two centers before
    they synced). Logged for review, keyed by the set of stays so every file logs the same."""
    if "stay" not in synced_tables(conn):
        return []
    found = []
    for key, field in (("person_id", "open_stays"), ("bed_id", "occupants")):
        table = "person" if key == "person_id" else "bed"
        rows = conn.execute(
            f"SELECT s.{key}, group_concat(s.id) FROM main.stay s "
            f"WHERE s.{key} IN (SELECT {key} FROM main.stay WHERE change_seq = ?) "
            f"AND s.check_out IS NULL AND s.deleted = 0 AND s.{key} IS NOT NULL "
            f"GROUP BY s.{key} HAVING count(*) > 1", (seq,)).fetchall()
        for owner, ids in rows:
            stays = sorted(ids.split(","))
            found.append(Conflict("stay", table, owner, field, None, None, stays, None,
                                  {"stays": stays}, extra=",".join(stays)))
    return found


def find_deleted_people_in_stays(conn: sqlite3.Connection, seq: int) -> list[Conflict]:
    """Open stays (touched by this merge, or of a person it touched) whose person is deleted:
    a delete at one center and a check-in at another before they synced. Logged per stay."""
    # Two indexed lookups (stays this merge touched; open stays of people it touched), not
    # one OR over both tables' change_seq, which no index serves: the cost follows the
    # changes, not the number of open stays in the target.
    rows = conn.execute(
        "SELECT s.id, s.person_id FROM main.stay s JOIN main.person p ON p.id = s.person_id "
        "WHERE s.change_seq = :seq AND s.check_out IS NULL AND s.deleted = 0 "
        "AND p.deleted = 1 "
        "UNION "
        "SELECT s.id, s.person_id FROM main.person p JOIN main.stay s "
        "ON s.person_id = p.id AND s.check_out IS NULL AND s.deleted = 0 "
        "WHERE p.change_seq = :seq AND p.deleted = 1 ORDER BY 1", {"seq": seq}).fetchall()
    return [Conflict("deleted_person", "stay", stay_id, "person_id", None, None, person_id,
                     None, {"person_id": person_id}) for stay_id, person_id in rows]
