"""Reading and resolving the conflict log of a file.

Resolving a conflict is itself a change that syncs: the chosen value is written to the row
as a new write stamped by this file's site (a new dot, so it is causally after both values
and wins everywhere), with an audit event, and the conflict record gets the resolution and
its dot, so every file that merges this one learns both.
"""

from __future__ import annotations

import json
import os
import re
from . import dbapi as sqlite3
from datetime import date, datetime
from pathlib import Path
from typing import Any

from . import auditchain, conflictlog, files
from .i18n import SyncRefused, translate
from .rowmerge import _key, dump_json, parse_json
from .stamps import new_id
from .tablemerge import columns, q, to_json_value, to_raw

RESOLVER = "albergue-sync"


def list_conflicts(path: Path, *, include_resolved: bool = False) -> list[dict[str, Any]]:
    files.inspect(path)
    conn = files.connect(path, readonly=False)  # only read (mode=ro would leave -wal/-shm)
    try:
        where = "" if include_resolved else "WHERE resolved = 0"
        cur = conn.execute(f"SELECT * FROM sync_conflict {where} "
                           "ORDER BY table_name, row_id, field, id")
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur]
    finally:
        conn.close()
    for row in rows:
        for name in ("winner_value", "winner_dot", "loser_value", "loser_dot", "detail",
                     "resolved_value", "resolved_dot"):
            row[name] = parse_json(row[name])
        row["resolved"] = bool(row["resolved"])
    return rows


def _find(conn: sqlite3.Connection, path: Path, conflict_id: str) -> dict[str, Any]:
    cur = conn.execute("SELECT * FROM sync_conflict WHERE id LIKE ? || '%'", (conflict_id,))
    names = [d[0] for d in cur.description]
    found = [dict(zip(names, r)) for r in cur.fetchall()]
    if not found:
        raise SyncRefused("No conflict {id} in {path}.", id=conflict_id, path=str(path))
    if len(found) > 1:
        raise SyncRefused("{id} matches several conflicts; give more characters.",
                          id=conflict_id)
    return found[0]


def resolve(path: Path, conflict_id: str, value_json: str, *, user: str = RESOLVER,
            ) -> dict[str, Any]:
    """Resolve a conflict with ``value_json`` (JSON text). For a field conflict the value is
    written to the field; for a deleted-record conflict ``true`` keeps the record deleted and
    ``false`` restores it; orphans and duplicates are only marked as reviewed."""
    try:
        value = json.loads(value_json)
    except ValueError as exc:
        raise SyncRefused("The value is not valid JSON: {detail}", detail=str(exc)) from exc
    files.inspect(path)
    conn = files.connect(path, readonly=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conflict = _find(conn, path, conflict_id)
            meta = dict(conn.execute("SELECT key, value FROM meta"))
            site, seq = meta["site_id"], int(meta["seq_last"])
            hlc = files.next_hlc(int(meta["hlc_last"]), files.now_ms())
            now = files.utc_text()
            writes = _writes_for(conflict, value)
            if conflict["kind"] == "field":
                check_resolution(conn, conflict, value, (hlc, site, seq + 1))
            if writes:
                seq += 1
                old = _write_row(conn, path, conflict, writes, site=site, seq=seq, hlc=hlc,
                                 now=now, user=user)
                conflictlog.refresh_winners(conn, seq)  # every record of it names the value
                seq += 1
                _audit(conn, conflict, {k: [old[k], v] for k, v in writes.items()}, site=site,
                       seq=seq, hlc=hlc, now=now, user=user)
            seq += 1
            conn.execute(
                "UPDATE sync_conflict SET resolved = 1, resolved_value = ?, resolved_by = ?, "
                "resolved_at = ?, resolved_dot = ?, change_seq = ? WHERE id = ?",
                (dump_json(value), user, now, dump_json([hlc, site, seq]), seq,
                 conflict["id"]))
            conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                             [(str(seq), "seq_last"), (str(hlc), "hlc_last")])
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    return {**conflict, "resolved": True, "resolved_value": value, "resolved_by": user}


_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fits(decl: str, value: Any) -> bool:
    """Does a JSON value fit a column of SQL type ``decl`` (as the desktop stores it)?"""
    if value is None or decl == "JSON":
        return True
    if decl == "BOOLEAN":
        return isinstance(value, bool)
    if decl == "INTEGER":
        return isinstance(value, int) and not isinstance(value, bool)
    if decl in ("FLOAT", "REAL"):
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if not isinstance(value, str):
        return False
    try:
        if decl == "DATE":
            return bool(_DATE.match(value)) and date.fromisoformat(value) is not None
        if decl == "DATETIME":
            return len(value) >= 10 and datetime.fromisoformat(value) is not None
    except ValueError:
        return False
    return True


def check_resolution(conn: sqlite3.Connection, conflict: dict[str, Any], value: Any,
                     dot: tuple[int, str, int]) -> None:
    """Refuse (with a reason) a value for a field conflict that the column cannot hold, or
    that the merge rules would undo at the next merge: the resolution is written as a new
    write with ``dot``; if the value of either side would still beat it (a stay's check-out
    only moves forward: an empty one loses to any set one), it would come back."""
    table, name = conflict["table_name"], conflict["field"]
    info = {r[1]: r for r in conn.execute(f"PRAGMA table_info({q(table)})")}
    if name not in info:
        raise SyncRefused("The field {field} is not in the table {table} of this file.",
                          field=name, table=table)
    decl, notnull = (info[name][2] or "").upper(), bool(info[name][3])
    if decl.startswith("VARCHAR"):
        decl = "VARCHAR"
    if value is None and notnull:
        raise SyncRefused("{field} cannot be left empty.", field=name)
    if not _fits(decl, value):
        raise SyncRefused("{value} is not a valid value for {field} ({kind}).",
                          value=dump_json(value), field=name,
                          kind=translate(_KINDS.get(decl, decl)))
    for fk in conn.execute(f"PRAGMA foreign_key_list({q(table)})").fetchall():
        if fk[3] == name and value is not None and not conn.execute(
                f"SELECT 1 FROM {q(fk[2])} WHERE {q(fk[4] or 'id')} = ? AND deleted = 0",
                (value,)).fetchone():
            raise SyncRefused("{value} is not a record of {parent} in this file.",
                              value=dump_json(value), parent=fk[2])
    mine = _key(table, name, value, dot)
    for side in ("winner", "loser"):
        other_dot = parse_json(conflict[f"{side}_dot"])
        other = parse_json(conflict[f"{side}_value"])
        if other_dot and _key(table, name, other, tuple(other_dot)) > mine:
            raise SyncRefused(
                "This value would be undone by the next merge: {field} only moves forward "
                "and {other} would win again. Choose a set value.", field=name,
                other=dump_json(other))


_KINDS = {"BOOLEAN": "true/false", "INTEGER": "integer", "FLOAT": "number",
          "DATE": "date YYYY-MM-DD", "DATETIME": "date and time YYYY-MM-DD HH:MM:SS",
          "VARCHAR": "text"}


def _writes_for(conflict: dict[str, Any], value: Any) -> dict[str, Any]:
    if conflict["kind"] == "field":
        return {conflict["field"]: value}
    if conflict["kind"] == "delete":
        if not isinstance(value, bool):
            raise SyncRefused("A deleted-record conflict is resolved with true (keep it "
                              "deleted) or false (restore it).")
        if value:
            return {}
        return {"deleted": False, "deleted_at": None, "deleted_by": None,
                "delete_reason": None}
    return {}


def _write_row(conn, path, conflict, writes, *, site, seq, hlc, now, user) -> dict[str, Any]:
    """Write ``writes`` to the conflict's row as one stamped write; returns the old values."""
    table = conflict["table_name"]
    types = dict(columns(conn, table))
    cur = conn.execute(f"SELECT vv, fv, {', '.join(map(q, writes))} FROM {q(table)} "
                       f"WHERE id = ?", (conflict["row_id"],))
    row = cur.fetchone()
    if row is None:
        raise SyncRefused("The row {table} {row} of this conflict is not in {path}.",
                          table=table, row=conflict["row_id"], path=str(path))
    vv, fv = parse_json(row[0]) or {}, parse_json(row[1]) or {}
    vv[site] = seq
    for name in writes:
        fv[name] = [hlc, site, seq]
    assignments = {name: to_raw(types.get(name, ""), v) for name, v in writes.items()}
    assignments.update(vv=dump_json(vv), fv=dump_json(fv), hlc=hlc, change_seq=seq,
                       updated_at=now, updated_by=user)
    conn.execute(f"UPDATE {q(table)} SET {', '.join(f'{q(k)} = ?' for k in assignments)} "
                 f"WHERE id = ?", [*assignments.values(), conflict["row_id"]])
    return {name: to_json_value(types.get(name, ""), raw) for name, raw in zip(writes, row[2:])}


def _audit(conn, conflict, changes, *, site, seq, hlc, now, user) -> None:
    auditchain.insert(conn, {
        "id": new_id(), "site_id": site, "created_at": now, "created_by": user,
        "updated_at": now, "updated_by": user, "deleted": 0, "hlc": hlc, "change_seq": seq,
        "vv": dump_json({site: seq}), "fv": dump_json({"*": [hlc, site, seq]}), "at": now,
        "username": user, "action": "resolve_conflict", "table_name": conflict["table_name"],
        "row_id": conflict["row_id"], "changes": json.dumps(changes)})


def user_name() -> str:
    return os.environ.get("ALBERGUE_USER") or RESOLVER
