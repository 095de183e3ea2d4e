"""The one place where synced rows get their version stamps and audit events.

A ``before_flush`` listener on every Albergue session stamps each new or changed
:class:`SyncedBase` row: hybrid logical clock (``hlc``), local ``change_seq``, the version
vector ``vv`` (site -> counter) and the per-field dots ``fv`` (field -> [hlc, site, counter])
of docs/sync-design.md, plus created/updated at and by. It also appends an :class:`AuditEvent` per
change. Physical deletes of synced rows are refused: set the tombstone instead.

The clock and the stamps are the sync engine's (``albergue_sync.stamps``: one implementation
for both). The clock state (``hlc_last``, ``seq_last``) lives in the ``meta`` table and is
advanced in the same transaction as the rows it stamps, so it survives restarts and a laptop
clock that goes backwards.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from datetime import date, datetime, timezone
from typing import Any

from albergue_sync import auditchain, redact, stamps
from albergue_sync.stamps import HLC_COUNTER_BITS, hlc_to_ms, next_hlc  # noqa: F401
from albergue_sync.stamps import now_ms as wall_clock_ms
from sqlalchemy import event, inspect, text
from sqlalchemy.orm import Session

from .tables import BOOKKEEPING_FIELDS, AuditEvent, SyncedBase


def utcnow() -> datetime:
    """Aware UTC now. Timestamp columns store UTC and read back as aware UTC datetimes."""
    return datetime.now(timezone.utc)


# Fields whose values never enter the audit log, of any table: a password hash (even old)
# is an offline-crackable secret, and lockout counters tell an attacker where to aim. The
# account services write their own audit events without them (services/accounts.py); the
# sync engine strips them too (albergue_sync/redact.py) and a schema migration cleaned old rows.
AUDIT_SECRET_FIELDS = frozenset(redact.SECRET_AUDIT_FIELDS)


def _jsonable(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


class WriteContext:
    """What a session needs to stamp rows: this file's site id and the acting user."""

    def __init__(self, site_id: str, username: str | None, *, audit: bool = True,
                 clock=wall_clock_ms) -> None:
        self.site_id = site_id
        self.username = username
        self.audit = audit
        self.clock = clock


def _reserve(session: Session, count: int, clock) -> tuple[int, int]:
    """Advance seq_last by ``count`` and the HLC once; return (first seq, hlc)."""
    conn = session.connection()
    rows: dict[str, str] = dict(conn.execute(text(
        "SELECT key, value FROM meta WHERE key IN ('seq_last', 'hlc_last')")).all())
    seq_last = int(rows.get("seq_last", 0))
    hlc = next_hlc(int(rows.get("hlc_last", 0)), clock())
    conn.execute(text("UPDATE meta SET value = :v WHERE key = 'seq_last'"),
                 {"v": str(seq_last + count)})
    conn.execute(text("UPDATE meta SET value = :v WHERE key = 'hlc_last'"), {"v": str(hlc)})
    return seq_last + 1, hlc


def _data_fields(obj: SyncedBase) -> list[str]:
    return [c.key for c in inspect(obj).mapper.column_attrs if c.key not in BOOKKEEPING_FIELDS]


def _changed_fields(obj: SyncedBase) -> dict[str, tuple[Any, Any]]:
    state = inspect(obj)
    changes: dict[str, tuple[Any, Any]] = {}
    for name in _data_fields(obj):
        hist = state.attrs[name].history
        if not hist.has_changes():
            continue
        old = hist.deleted[0] if hist.deleted else None
        new = hist.added[0] if hist.added else None
        if old != new:
            changes[name] = (old, new)
    return changes


def new_row_stamp(ctx: WriteContext, seq: int, hlc: int, now: datetime) -> dict[str, Any]:
    """Bookkeeping columns of a new row with the dot (hlc, site, seq). "*" is the dot of
    every field not listed: one entry instead of one per column."""
    return {
        "site_id": ctx.site_id, "created_at": now, "created_by": ctx.username,
        "updated_at": now, "updated_by": ctx.username,
        **stamps.new_stamp(ctx.site_id, seq, hlc),
    }


def _stamp(obj: SyncedBase, ctx: WriteContext, seq: int, hlc: int, now: datetime,
           fields: list[str], *, is_new: bool) -> None:
    """Give ``obj`` the dot (hlc, site, seq): for a new row as the dot of all its fields
    (key ``"*"``), for an update as the dot of each changed field."""
    if is_new:
        for name, value in new_row_stamp(ctx, seq, hlc, now).items():
            setattr(obj, name, value)
        return
    obj.vv, obj.fv = stamps.stamp_update(obj.vv, obj.fv, fields, ctx.site_id, seq, hlc)
    obj.hlc, obj.change_seq = hlc, seq
    obj.updated_at, obj.updated_by = now, ctx.username


def stamp_new_rows(session: Session, rows: Sequence[MutableMapping[str, Any]]) -> None:
    """Stamp plain row mappings for a bulk INSERT exactly as the flush hook stamps new
    objects: same clock, same ``change_seq`` sequence, same stamp columns. For bulk loads
    (demo data, imports) that bypass the ORM; no AuditEvent is written for them."""
    if not rows:
        return
    ctx: WriteContext | None = session.info.get("write_context")
    if ctx is None:
        raise RuntimeError("Writes need a session opened by Database.session().")
    first_seq, hlc = _reserve(session, len(rows), ctx.clock)
    now = utcnow()
    for offset, row in enumerate(rows):
        row.update(new_row_stamp(ctx, first_seq + offset, hlc, now))


def _before_flush(session: Session, flush_context, instances) -> None:
    ctx: WriteContext | None = session.info.get("write_context")
    synced_new = [o for o in session.new if isinstance(o, SyncedBase)]
    if any(isinstance(o, SyncedBase) for o in session.deleted):
        raise RuntimeError("Synced rows are never deleted physically; set the tombstone.")
    updates = []
    for obj in session.dirty:
        if isinstance(obj, SyncedBase) and session.is_modified(obj, include_collections=False):
            changes = _changed_fields(obj)
            if changes:
                updates.append((obj, changes))
    if not synced_new and not updates:
        return
    if ctx is None:
        raise RuntimeError("Writes need a session opened by Database.session().")
    now = utcnow()
    audits: list[AuditEvent] = []
    if ctx.audit:
        for obj in synced_new:
            if not isinstance(obj, AuditEvent):
                audits.append(AuditEvent(at=now, username=ctx.username, action="create",
                                         table_name=str(obj.__tablename__), row_id=obj.id))
        for obj, changes in updates:
            shown = {k: v for k, v in changes.items() if k not in AUDIT_SECRET_FIELDS}
            if not shown:
                continue  # only secrets changed: the service audits the action itself
            action = "delete" if changes.get("deleted", (False, False))[1] else "update"
            audits.append(AuditEvent(
                at=now, username=ctx.username, action=action, table_name=str(obj.__tablename__),
                row_id=obj.id,
                changes={k: [_jsonable(o), _jsonable(n)] for k, (o, n) in shown.items()}))
        session.add_all(audits)
    to_stamp = len(synced_new) + len(updates) + len(audits)
    first_seq, hlc = _reserve(session, to_stamp, ctx.clock)
    seq = first_seq
    for obj in [*synced_new, *audits]:
        _stamp(obj, ctx, seq, hlc, now, [], is_new=True)
        seq += 1
    for obj, changes in updates:
        _stamp(obj, ctx, seq, hlc, now, list(changes), is_new=False)
        seq += 1
    _chain([o for o in [*synced_new, *audits] if isinstance(o, AuditEvent)], session)


def _chain(events: list[AuditEvent], session: Session) -> None:
    """Link new audit rows into their site's hash chain (albergue_sync.auditchain), in the
    order they were stamped. Runs after :func:`_reserve`, which holds the write lock, so no
    other writer can take the same link."""
    rows = [{"id": e.id, "site_id": e.site_id, "at": e.at, "username": e.username,
             "action": e.action, "table_name": e.table_name, "row_id": e.row_id,
             "changes": e.changes} for e in events]
    chain_rows(session, rows)
    for event_row, row in zip(events, rows):
        for name in ("chain_site", "chain_seq", "payload_hash", "prev_hash", "chain_hash"):
            setattr(event_row, name, row[name])


def chain_rows(session: Session, rows: list[dict[str, Any]]) -> None:
    """:func:`_chain` for audit rows as dicts (the bulk insert path, storage/bulk.py): the
    chain fields are set in each dict."""
    if not rows:
        return
    conn = session.connection()
    tips: dict[str, Any] = {}
    for row in rows:
        chain = auditchain.chain_key(row["site_id"], row["table_name"])
        if chain not in tips:
            found = conn.execute(text(auditchain.TIP_SQL), {"chain": chain}).first()
            tips[chain] = (int(found[0]), found[1]) if found else None
        linked = auditchain.link(tips[chain], chain, {
            k: row[k] for k in ("id", "at", "username", "action", "table_name", "row_id",
                                "changes")})
        row.update(linked)
        tips[chain] = (row["chain_seq"], row["chain_hash"])


def install(session_class: type[Session]) -> None:
    event.listen(session_class, "before_flush", _before_flush)


def clock_is_before_release(today: date | None = None) -> bool:
    """True when this machine's date is earlier than the app's release: the clock is wrong
    (docs/sync-design.md: a laptop clock off by hours or years breaks ordering without
    explanation)."""
    from .. import RELEASE_DATE

    return (today or date.today()) < date.fromisoformat(RELEASE_DATE)
