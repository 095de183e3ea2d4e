"""The conflict log (``sync_conflict``): recording what a merge did not keep, and merging the
logs of two files (union by id, each record joined with :func:`rowmerge.merge_conflict`), so
all-with-all merges give every file the same conflicts and resolutions.

A record's id depends only on the write that lost (kind, row, field, loser dot): the same
lost write gives the same record whatever the merge order. Its winner is not what the merge
that detected it saw but what the row holds: :func:`refresh_winners` re-reads it after every
merge for the records of the rows that merge touched (three concurrent edits a < b < c give
the records "a lost, c kept" and "b lost, c kept" in every order, never "a lost, b kept"
while the row holds c). See docs/sync-recovery.md.
"""

from __future__ import annotations

from . import dbapi as sqlite3
from typing import Any

from .rowmerge import Conflict, dump_json, field_dots, merge_conflict, parse_json
from .rules import APPEND_ONLY
from .tablemerge import columns, q, synced_tables, to_json_value

TABLE = "sync_conflict"


def _json_or_null(value: Any) -> str | None:
    return None if value is None else dump_json(value)


def _record_row(conn: sqlite3.Connection, c: Conflict, types: dict, *, seq: int, site_id: str,
                now_text: str) -> dict[str, Any]:
    decl = types.setdefault(c.table, dict(columns(conn, c.table))).get(c.field, "")
    winner = True if c.kind == "delete" else to_json_value(decl, c.winner_value)
    return {
        "id": c.id, "kind": c.kind, "table_name": c.table, "row_id": c.row_id,
        "field": c.field,
        "winner_value": _json_or_null(winner),
        "winner_dot": _json_or_null(list(c.winner_dot) if c.winner_dot else None),
        "loser_value": _json_or_null(to_json_value(decl, c.loser_value)),
        "loser_dot": _json_or_null(list(c.loser_dot) if c.loser_dot else None),
        "detail": dump_json(c.detail), "detected_at": now_text, "detected_by": site_id,
        "resolved": 0, "resolved_value": None, "resolved_by": None, "resolved_at": None,
        "resolved_dot": None, "change_seq": seq,
    }


def _upsert(conn: sqlite3.Connection, names: list[str], row: dict[str, Any], seq: int) -> str:
    """Insert a record or join it with the one already there. Returns new/updated/same."""
    found = conn.execute(f"SELECT {', '.join(map(q, names))} FROM main.{TABLE} WHERE id = ?",
                         (row["id"],)).fetchone()
    if found is None:
        conn.execute(f"INSERT INTO main.{TABLE} ({', '.join(map(q, names))}) VALUES "
                     f"({', '.join('?' for _ in names)})", [row[n] for n in names])
        return "new"
    existing = dict(zip(names, found))
    merged = merge_conflict(existing, row)
    if merged == existing:
        return "same"
    merged["change_seq"] = seq
    conn.execute(f"UPDATE main.{TABLE} SET {', '.join(f'{q(n)} = ?' for n in names)} "
                 f"WHERE id = ?", [*(merged[n] for n in names), row["id"]])
    return "updated"


def record(conn: sqlite3.Connection, conflicts: list[Conflict], *, seq: int, site_id: str,
           now_text: str) -> tuple[int, int]:
    """Write conflicts found by this merge. Returns (new, updated) record counts."""
    names = [c for c, _ in columns(conn, TABLE)]
    types: dict[str, dict[str, str]] = {}
    new = updated = 0
    for conflict in {c.id: c for c in conflicts}.values():
        outcome = _upsert(conn, names, _record_row(conn, conflict, types, seq=seq,
                                                   site_id=site_id, now_text=now_text), seq)
        new += outcome == "new"
        updated += outcome == "updated"
    return new, updated


def merge_incoming(conn: sqlite3.Connection, *, since: int, seq: int) -> tuple[int, int, int]:
    """Merge the source's conflict records changed after ``since``. Returns (read, new,
    updated)."""
    names = [c for c, _ in columns(conn, TABLE)]
    rows = conn.execute(f"SELECT {', '.join(map(q, names))} FROM src.{TABLE} "
                        f"WHERE change_seq > ?", (since,)).fetchall()
    new = updated = 0
    for raw in rows:
        row = dict(zip(names, raw))
        row["change_seq"] = seq
        outcome = _upsert(conn, names, row, seq)
        new += outcome == "new"
        updated += outcome == "updated"
    return len(rows), new, updated


def record_id(row: dict[str, Any]) -> str:
    """The id a record (as stored) would get from :class:`Conflict`: for re-keyed dots."""
    detail = parse_json(row.get("detail")) or {}
    extra = ""
    if row["kind"] == "duplicate":
        extra = detail.get("other_id", "")
    elif row["kind"] == "stay":
        extra = ",".join(detail.get("stays", []))
    loser = parse_json(row.get("loser_dot"))
    return Conflict(row["kind"], row["table_name"], row["row_id"], row["field"],
                    loser_dot=tuple(loser) if loser else None, extra=extra).id


def refresh_winners(conn: sqlite3.Connection, seq: int, db: str = "main",
                    tables: set[str] | None = None) -> int:
    """Make every field-conflict record of a row changed at ``seq`` (or a record written at
    ``seq``) name the value and dot the row holds now. Returns the records changed.
    ``tables``: those whose rows changed at ``seq``, when the caller knows (the tables of
    the records written at ``seq`` are added here); None looks at every table."""
    changed = 0
    cols = ("c.id, c.row_id, c.field, c.winner_value, c.winner_dot, r.fv, r.site_id, "
            "r.hlc")
    wanted = None
    if tables is not None:
        wanted = set(tables) | {r[0] for r in conn.execute(
            f"SELECT DISTINCT table_name FROM {db}.{TABLE} WHERE change_seq = ?", (seq,))}
    for table in synced_tables(conn, db):
        if table in APPEND_ONLY or (wanted is not None and table not in wanted):
            continue  # never merged field by field: no field conflicts
        # Driven by the indexes (row change_seq, conflict (table_name, row_id), conflict
        # change_seq; CROSS JOIN fixes the loop order): the cost follows what this merge
        # changed, not the size of the log.
        found = conn.execute(
            f"SELECT {cols} FROM {db}.{q(table)} r CROSS JOIN {db}.{TABLE} c "
            f"ON c.table_name = :t AND c.row_id = r.id "
            f"WHERE r.change_seq = :seq AND c.kind = 'field' "
            f"UNION SELECT {cols} FROM {db}.{TABLE} c CROSS JOIN {db}.{q(table)} r "
            f"ON r.id = c.row_id WHERE c.change_seq = :seq AND c.table_name = :t "
            f"AND c.kind = 'field'", {"t": table, "seq": seq}).fetchall()
        if not found:
            continue
        decl = dict(columns(conn, table, db))
        for cid, row_id, name, winner_value, winner_dot, fv, site, hlc in found:
            if name not in decl:
                continue
            raw = conn.execute(f"SELECT {q(name)} FROM {db}.{q(table)} WHERE id = ?",
                               (row_id,)).fetchone()[0]
            star, named = field_dots({"fv": fv, "site_id": site, "hlc": hlc})
            value = _json_or_null(to_json_value(decl[name], raw))
            dot = dump_json(list(named.get(name, star)))
            if (value, dot) != (winner_value, winner_dot):
                conn.execute(f"UPDATE {db}.{TABLE} SET winner_value = ?, winner_dot = ?, "
                             f"change_seq = ? WHERE id = ?", (value, dot, seq, cid))
                changed += 1
    return changed
