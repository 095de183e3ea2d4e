"""What a merge must not bring into the file it writes (docs/sensitive-data.md).

Called once per merged source by :mod:`.apply`, inside the merge transaction, on the rows
this merge inserted or changed (``change_seq = seq``):

- Always: audit rows of local-only tables (user accounts, bookkeeping) are dropped, they
  never leave their file; password hashes and lockout fields are stripped from any audit
  row that carries them (files written before schema v8 did).
- On a pull without health data: a person of another center keeps only the specific-needs
  codes every role may see; the health and protection codes are withheld and the field is
  marked as withheld (its field dot becomes :data:`WITHHELD_DOT`, lower than any real write)
  so that this file can never overwrite the real value when it is merged back, and so that
  a later pull with health data restores it. The routing of a placement decision of
  another center's household (explanations, relaxed rules: "isolation", "maternity") is
  withheld the same way; its beds stay. Audit rows of health records lose their
  values, and person audit rows lose the withheld codes. Conflict records about withheld
  values are not kept here (the central file keeps them for a reviewer who may see them).

Kept apart from the merge itself on purpose: the merge stays a pure join of two files and
this is the one place that decides what a file may hold.
"""

from __future__ import annotations

import json
from . import dbapi as sqlite3
from typing import Any

from .rules import HEALTH_TABLES, LOCAL_TABLES

# Never in an audit row, of any table: the desktop's audit writer (storage/versioning.py)
# and the merge use this one list.
SECRET_AUDIT_FIELDS: tuple[str, ...] = ("password_hash", "failed_attempts", "locked_until")

# Specific-needs codes only roles with a permission may see (docs/sensitive-data.md). The
# desktop's permission matrix (domain/permissions.py) takes its prefixes from here.
HEALTH_NEED_PREFIXES: tuple[str, ...] = ("SM-", "CR-TP")  # medical conditions, teen pregnancy
PROTECTION_NEED_PREFIXES: tuple[str, ...] = ("SV-", "WR-WR")  # SGBV survivors, women at risk
RESTRICTED_NEED_PREFIXES: tuple[str, ...] = HEALTH_NEED_PREFIXES + PROTECTION_NEED_PREFIXES

# Fields of synced tables that hold specific-needs codes.
NEED_FIELDS: dict[str, str] = {"person": "specific_needs"}

# JSON fields of synced event tables whose parts derive from health data: the placement
# suggestion's explanations and relaxed rules name the routing (isolation, maternity) that
# the screenings decided. Withheld like the needs for households of other centers; the
# assignments (which beds) stay.
DERIVED_FIELDS: dict[str, tuple[str, tuple[str, ...]]] = {
    "placement_decision": ("suggestion", ("explanations", "relaxed")),
}

# The dot of a withheld field: lower than every real write (hlc 0, empty site, counter 0),
# so any real value wins over it in a merge and it never wins over a real value.
WITHHELD_DOT: list[Any] = [0, "", 0]


def is_restricted(code: Any) -> bool:
    return isinstance(code, str) and code.startswith(RESTRICTED_NEED_PREFIXES)


def _codes(raw: Any) -> list:
    try:
        value = json.loads(raw) if isinstance(raw, (str, bytes)) else raw
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def _visible(codes: Any) -> list:
    return [c for c in (codes if isinstance(codes, list) else []) if not is_restricted(c)]


def _has_table(conn: sqlite3.Connection, table: str) -> bool:
    return conn.execute("SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = ?",
                        (table,)).fetchone() is not None


def strip_secrets(conn: sqlite3.Connection, seq: int | None = None) -> tuple[int, int]:
    """Drop audit rows of local-only tables and strip secret fields from audit rows (those
    of change ``seq``, or every row when None). Returns (rows dropped, rows stripped)."""
    if not _has_table(conn, "audit_event"):
        return 0, 0
    only = "" if seq is None else " AND change_seq = :seq"
    local = ", ".join(f"'{t}'" for t in sorted(LOCAL_TABLES))
    dropped = conn.execute(f"DELETE FROM main.audit_event WHERE table_name IN ({local})"
                           + only, {"seq": seq}).rowcount
    paths = ", ".join(f"'$.{f}'" for f in SECRET_AUDIT_FIELDS)
    carries = " OR ".join(f"json_type(changes, '$.{f}') IS NOT NULL"
                          for f in SECRET_AUDIT_FIELDS)
    stripped = conn.execute(
        f"UPDATE main.audit_event SET changes = json_remove(changes, {paths}) "
        f"WHERE json_valid(changes) AND ({carries})" + only, {"seq": seq}).rowcount
    return dropped, stripped


def _own_people(own_center: str | None) -> str:
    """SQL condition on ``p`` (a person of main): registered at or staying at this center."""
    return ("(coalesce(p.center_id, '') = :own OR EXISTS (SELECT 1 FROM main.stay s"
            " WHERE s.person_id = p.id AND s.center_id = :own AND s.deleted = 0))"
            ) if own_center else "0"


def withhold(conn: sqlite3.Connection, seq: int, own_center: str | None) -> int:
    """Apply the pull-without-health rules to the rows of change ``seq``. Returns the number
    of rows changed or dropped."""
    changed = 0
    args = {"seq": seq, "own": own_center}
    for table, field in NEED_FIELDS.items():
        if not _has_table(conn, table):
            continue
        rows = conn.execute(
            f"SELECT p.id, p.{field}, p.fv FROM main.{table} p WHERE p.change_seq = :seq "
            f"AND NOT {_own_people(own_center) if table == 'person' else '0'}", args).fetchall()
        updates: list[tuple] = []
        for row_id, raw, fv_raw in rows:
            codes = _codes(raw)
            kept = _visible(codes)
            if kept == codes:
                continue  # nothing to withhold: the real value and its dot stay
            fv = json.loads(fv_raw) if fv_raw else {}
            fv[field] = WITHHELD_DOT
            updates.append((json.dumps(kept), json.dumps(fv, sort_keys=True), row_id))
        conn.executemany(f"UPDATE main.{table} SET {field} = ?, fv = ? WHERE id = ?", updates)
        changed += len(updates)
    for table, (field, keys) in DERIVED_FIELDS.items():
        if not _has_table(conn, table) or not _has_table(conn, "household"):
            continue
        own = ("(coalesce(h.center_id, '') = :own OR EXISTS (SELECT 1 FROM main.person p WHERE "
               f"p.household_id = h.id AND {_own_people(own_center)}))") if own_center else "0"
        rows = conn.execute(
            f"SELECT d.id, d.{field}, d.fv FROM main.{table} d WHERE d.change_seq = :seq "
            f"AND NOT EXISTS (SELECT 1 FROM main.household h WHERE h.id = d.household_id "
            f"AND {own})", args).fetchall()
        updates = []
        for row_id, raw, fv_raw in rows:
            try:
                value = json.loads(raw) if raw else {}
            except ValueError:
                value = {}
            if not isinstance(value, dict) or not any(value.get(k) for k in keys):
                continue
            value = {**value, **{k: [] for k in keys}}
            fv = json.loads(fv_raw) if fv_raw else {}
            fv[field] = WITHHELD_DOT
            updates.append((json.dumps(value, ensure_ascii=False),
                            json.dumps(fv, sort_keys=True), row_id))
        conn.executemany(f"UPDATE main.{table} SET {field} = ?, fv = ? WHERE id = ?", updates)
        changed += len(updates)
    if _has_table(conn, "audit_event"):
        health = ", ".join(f"'{t}'" for t in sorted(HEALTH_TABLES))
        changed += conn.execute(
            f"UPDATE main.audit_event SET changes = '{{}}' WHERE change_seq = :seq "
            f"AND table_name IN ({health}) AND changes NOT IN ('{{}}', '')", args).rowcount
        for table, field in NEED_FIELDS.items():
            rows = conn.execute(
                "SELECT id, changes FROM main.audit_event WHERE change_seq = :seq "
                "AND table_name = :table AND json_valid(changes) "
                f"AND json_type(changes, '$.{field}') IS NOT NULL",
                {**args, "table": table}).fetchall()
            updates = []
            for row_id, raw in rows:
                changes = json.loads(raw)
                pair = changes.get(field)
                new = [_visible(v) for v in pair] if isinstance(pair, list) else [[], []]
                if new != pair:
                    changes[field] = new
                    updates.append((json.dumps(changes, ensure_ascii=False), row_id))
            conn.executemany("UPDATE main.audit_event SET changes = ? WHERE id = ?", updates)
            changed += len(updates)
    if _has_table(conn, "sync_conflict"):
        # conflicts about values this file did not receive: health records it does not hold,
        # needs of people of other centers
        for table in sorted(HEALTH_TABLES):
            if _has_table(conn, table):
                changed += conn.execute(
                    f"DELETE FROM main.sync_conflict WHERE change_seq = :seq AND table_name = "
                    f"'{table}' AND row_id NOT IN (SELECT id FROM main.{table})", args).rowcount
        for table, field in NEED_FIELDS.items():
            changed += conn.execute(
                f"DELETE FROM main.sync_conflict WHERE change_seq = :seq AND table_name = "
                f"'{table}' AND field = '{field}' AND row_id NOT IN "
                f"(SELECT p.id FROM main.{table} p WHERE {_own_people(own_center)})",
                args).rowcount
    return changed


def redact_merged(conn: sqlite3.Connection, seq: int, *, withhold_health: bool,
                  own_center: str | None) -> tuple[int, int]:
    """Everything above, for the rows of change ``seq`` (one merged source). Returns (audit
    rows dropped: inserted by this merge, they do not count as new; rows changed)."""
    dropped, changed = strip_secrets(conn, seq)
    if withhold_health:
        changed += withhold(conn, seq, own_center)
    return dropped, changed
