"""Synchronizing this database with the central's sync server by itself (docs/sync-server.md).

The desktop's background job (``ui/sync/auto.py``) calls :func:`push` often and :func:`pull`
on a cadence, on a thread of its own (never the worker that saves): a push only reads this
file (a consistent snapshot through SQLite's backup API; WAL lets saves go on meanwhile); a
pull is one short merge transaction. :func:`state` says what the window shows: synced, N
changes pending, offline since, or refused and why.

What the job remembers (last push, offline since, the refusal) is kept beside the database
in ``.NAME.albergue-server-status.json``, not in it: writing it must not make a change that
the next push would have to carry.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from albergue_sync import client
from albergue_sync import files as sync_files
from albergue_sync.client import Connection, ServerRefused
from albergue_sync.engine import changed_tables
from albergue_sync.rules import LOCAL_TABLES

from ..domain.permissions import Permission
from ..storage.db import Database
from .context import Actor

JOB_RETRIES = 3  # the job tries again on its next turn anyway
SYNCED, PENDING, OFFLINE, REFUSED, NOT_ENROLLED = (
    "synced", "pending", "offline", "refused", "not_enrolled")


@dataclass(frozen=True)
class SyncState:
    state: str  # synced | pending | offline | refused | not_enrolled
    pending: int = 0  # records of this file changed since the central merged it
    offline_since: datetime | None = None
    reason: str | None = None  # why the server refused (in the interface language)
    last_ok: datetime | None = None
    url: str | None = None


def _status_path(db: Database) -> Path:
    path = Path(db.path).absolute()
    return path.parent / f".{path.name}.albergue-server-status.json"


def _read(db: Database) -> dict:
    try:
        return json.loads(_status_path(db).read_text("utf-8"))
    except (OSError, ValueError):
        return {}


def _write(db: Database, data: dict) -> None:
    path = _status_path(db)
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh)
    os.replace(tmp, path)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _time(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def last_ok(db: Database) -> datetime | None:
    """When a push or pull with the server last succeeded (UTC), or None."""
    return _time(_read(db).get("last_ok"))


def enrolled(db: Database) -> bool:
    return Connection.path_for(db.path).exists()


def pending_changes(db: Database, since: int) -> tuple[int, int]:
    """What the next push carries: (records changed after change ``since``, audit events
    after it). Audit events of local tables never leave the file and do not count."""
    conn = sync_files.connect(db.path, readonly=False)  # only read
    try:
        counts = changed_tables(conn, since)
        local = ", ".join(f"'{t}'" for t in sorted(LOCAL_TABLES))
        own_audit = conn.execute(f"SELECT count(*) FROM audit_event WHERE change_seq > ? AND "
                                 f"table_name IN ({local})", (since,)).fetchone()[0]
    finally:
        conn.close()
    audit = counts.pop("audit_event", (0, 0))[0]
    return sum(n for n, _ in counts.values()), max(0, audit - own_audit)


def state(db: Database) -> SyncState:
    """What the window shows, read from the status file and this database."""
    if not enrolled(db):
        return SyncState(NOT_ENROLLED)
    data = _read(db)
    url = data.get("url")
    if data.get("refused"):
        return SyncState(REFUSED, reason=data["refused"], url=url,
                         last_ok=_time(data.get("last_ok")))
    pending, _audit = pending_changes(db, int(data.get("pushed_seq", 0)))
    if data.get("offline_since"):
        return SyncState(OFFLINE, pending, _time(data["offline_since"]), url=url,
                         last_ok=_time(data.get("last_ok")))
    return SyncState(PENDING if pending else SYNCED, pending, url=url,
                     last_ok=_time(data.get("last_ok")))


def _record(db: Database, exc: BaseException | None, **done: object) -> None:
    data = _read(db)
    data.update(done)
    if exc is None:
        data.update(refused=None, offline_since=None, last_ok=_now())
    elif isinstance(exc, ServerRefused) and exc.code == "offline":
        data["offline_since"] = data.get("offline_since") or _now()
    else:
        data.update(refused=str(exc), offline_since=None)
    _write(db, data)


def push(db: Database, actor: Actor) -> SyncState:
    """Send this file's changes if there are any. Offline or refused is recorded, not
    raised: the job tries again later; the window shows why."""
    actor.require(Permission.SYNC)
    if not enrolled(db):
        return SyncState(NOT_ENROLLED)
    conn = Connection.load(db.path)
    conn.retries = JOB_RETRIES
    data = _read(db)
    if not data.get("refused") and not data.get("offline_since") \
            and sum(pending_changes(db, int(data.get("pushed_seq", 0)))) == 0:
        return state(db)
    try:
        result = client.push(db.path, conn)
    except ServerRefused as exc:
        _record(db, exc, url=conn.url)
    else:
        _record(db, None, url=conn.url, pushed_seq=result.seq)
    return state(db)


def pull(db: Database, actor: Actor) -> tuple[SyncState, int]:
    """Bring the central's changes in. Returns (the state, rows this file changed)."""
    actor.require(Permission.SYNC)
    if not enrolled(db):
        return SyncState(NOT_ENROLLED), 0
    conn = Connection.load(db.path)
    conn.retries = JOB_RETRIES
    changed = 0
    try:
        result = client.pull(db.path, conn)
    except ServerRefused as exc:
        _record(db, exc, url=conn.url)
    else:
        changed = sum(r.new + r.updated for r in result.reports)
        _record(db, None, url=conn.url, pulled_at=_now())
    return state(db), changed


def connect(db: Database, actor: Actor, url: str, code: str) -> SyncState:
    """Enroll this file with the central's server (a one-time code from the central)."""
    actor.require(Permission.SYNC)
    client.connect(db.path, url, code)
    _write(db, {"url": url})
    return state(db)
