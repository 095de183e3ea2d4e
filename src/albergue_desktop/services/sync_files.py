"""Sending this database to the central file and bringing the central registry back, from
the desktop (the Sync screen runs these off the GUI thread).

"Enviar" (push) merges a consistent snapshot of this database (SQLite backup API through
``albergue_sync.status.export``, into a private folder beside this database: see
``albergue_sync.files.WorkDir``; the app keeps the file open) into the central file,
creating it when missing. "Traer" (pull) merges the central file into this database,
health records of other centers only when asked. Both go through the sync engine, one
transaction per file: a refusal or a cancel leaves the target as it was (a central file
this push was creating is removed again). The time of the last synchronization is kept in
this file's ``meta`` (local, never synced).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from albergue_sync import Options, SourceReport, SyncRefused, merge_files
from albergue_sync import files as sync_work
from albergue_sync import keyfile
from albergue_sync.status import export
from sqlalchemy import text
from sqlmodel import select

from ..domain.enums import Role
from ..domain.errors import RuleViolation
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.report_queries import parse_ts
from ..storage.tables import Meta, User
from ..storage.versioning import utcnow
from .auth import check_password_strength
from .centers import create_user
from .context import Actor

# progress(done, total, stage, detail); stage "export", "check" or "merge" (see albergue_sync)
Progress = Callable[[int, int, str, str], None]
LAST_AT, LAST_DIRECTION, LAST_CENTRAL = "sync_last_at", "sync_last_direction", \
    "sync_last_central"


@dataclass(frozen=True)
class SyncSummary:
    direction: str  # push | pull
    central: Path
    reports: list[SourceReport] = field(default_factory=list)
    finished_at: datetime = field(default_factory=utcnow)
    created: bool = False  # the central file was created by this push
    # the recovery code of a central file created by this push (shown once): it opens the
    # file on the central computer, where `albergue recover` makes its first administrator
    recovery_code: str | None = None

    @property
    def changed(self) -> int:
        return sum(r.new + r.updated for r in self.reports)


def _options(progress: Progress | None, cancelled: Callable[[], bool] | None,
             **kwargs) -> Options:
    return Options(progress=progress, cancelled=cancelled, **kwargs)


def _remember(db: Database, actor: Actor, direction: str, central: Path) -> datetime:
    now = utcnow()
    with db.session(actor.username) as session:
        for key, value in ((LAST_AT, now.isoformat()), (LAST_DIRECTION, direction),
                           (LAST_CENTRAL, str(central))):
            session.merge(Meta(key=key, value=value))
    return now


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal", keyfile.SUFFIX):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _link(db: Database, central: Path) -> None:
    """This file and the central file it pushed to each get a slot of the other's key
    (docs/encryption.md "Files that travel"): the central's operators open this center's
    files, and this center opens its central for a pull."""
    if db.encrypted and keyfile.key_for(central) is not None:
        keyfile.link(db.path, central)


def _not_itself(db: Database, central: Path) -> None:
    if central == db.path:
        raise SyncRefused("{source} is the same database as {target} (site {site}); a file "
                          "cannot be merged into itself.", source=str(db.path),
                          target=str(central), site=db.site_id[:8])


def _named(exc: SyncRefused, snapshot: Path, path: Path) -> SyncRefused:
    """The same refusal naming this database instead of its temporary snapshot."""
    params = {k: str(path) if v == str(snapshot) else v for k, v in exc.params.items()}
    named = type(exc)(exc.msgid, **params)
    named.reports = getattr(exc, "reports", [])
    return named


def push(db: Database, actor: Actor, central: Path, *, progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None) -> SyncSummary:
    """Merge this database into ``central`` (created if missing)."""
    actor.require(Permission.SYNC)
    central = Path(central).expanduser().resolve()
    _not_itself(db, central)
    created = not central.exists() or central.stat().st_size == 0
    try:
        # The snapshot holds personal data: it goes to the app's own folder (beside this
        # database, removed afterwards, or by the next sync if this one is killed).
        with sync_work.WorkDir(db.path) as work:
            if progress is not None:
                progress(0, 1, "export", str(db.path))
            snapshot = work.path / db.path.name
            export(db.path, snapshot)
            try:
                reports = merge_files(central, [snapshot], _options(progress, cancelled))
            except SyncRefused as exc:
                raise _named(exc, snapshot, db.path) from exc
    except OSError as exc:
        if created:
            _remove(central)
        raise SyncRefused("Cannot write {path}: {detail}", path=str(central),
                          detail=exc.strerror or str(exc)) from exc
    except BaseException:
        if created:
            _remove(central)  # nothing was merged: no half-made central file stays behind
        raise
    for report in reports:
        report.path = str(db.path)  # the snapshot was a temporary copy of this file
    _link(db, central)
    code = keyfile.add_recovery(central) if created and db.encrypted else None
    finished = _remember(db, actor, "push", central)
    return SyncSummary("push", central, reports, finished, created, code)


def pull(db: Database, actor: Actor, central: Path, *, with_health: bool = False,
         progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None) -> SyncSummary:
    """Merge ``central`` into this database: people, households, documents and stays of
    every center; health records of other centers only ``with_health``."""
    actor.require(Permission.SYNC)
    if with_health:
        # it brings other centers' health records and protection codes too
        # (albergue_sync/redact.py withholds both otherwise; docs/sensitive-data.md)
        actor.require(Permission.VIEW_HEALTH)
        actor.require(Permission.PROTECTION)
    central = Path(central).expanduser().resolve()
    _not_itself(db, central)
    try:
        reports = merge_files(db.path, [central], _options(
            progress, cancelled, direction="pull", with_health=with_health))
    except OSError as exc:
        raise SyncRefused("Cannot read {path}: {detail}", path=str(central),
                          detail=exc.strerror or str(exc)) from exc
    finished = _remember(db, actor, "pull", central)
    return SyncSummary("pull", central, reports, finished)


@dataclass(frozen=True)
class LastSync:
    at: datetime
    direction: str  # push | pull | merge (sources merged into this file: a central file)
    # | server (the last exchange with the central's sync server that succeeded)


def last_sync(db: Database) -> LastSync | None:
    """The latest synchronization of this file: a push or pull made from this computer, or
    a merge of a center file into it (a central file merged with ``albergue-sync``)."""
    found: list[LastSync] = []
    with db.read_session() as session:
        conn = session.connection()
        meta = dict(conn.execute(text(
            "SELECT key, value FROM meta WHERE key IN (:a, :d)"),
            {"a": LAST_AT, "d": LAST_DIRECTION}).all())
        merged = conn.execute(text(
            "SELECT max(merged_at) FROM sync_source WHERE direction = 'merge'")).scalar()
    if meta.get(LAST_AT):
        found.append(LastSync(datetime.fromisoformat(meta[LAST_AT]),
                              meta.get(LAST_DIRECTION, "push")))
    if merged:
        found.append(LastSync(parse_ts(merged), "merge"))
    from .sync_server import last_ok  # noqa: PLC0415 (sync_server imports this package)

    server = last_ok(db)
    if server is not None:
        found.append(LastSync(server, "server"))
    return max(found, key=lambda s: s.at) if found else None


# --- a central file opened in the app -------------------------------------------------------

def needs_central_setup(db: Database) -> bool:
    """A file made by merging center files (``albergue-sync merge``, or "Enviar" to a new
    central file): it has centers but no users and belongs to no center. Its first run
    creates only an administrator."""
    with db.read_session() as session:
        conn = session.connection()
        users = conn.execute(text("SELECT count(*) FROM app_user")).scalar_one()
        centers = conn.execute(text(
            "SELECT count(*) FROM center WHERE deleted = 0")).scalar_one()
        own = conn.execute(text("SELECT value FROM meta WHERE key = 'center_id'")).scalar()
    return users == 0 and centers > 0 and own is None


def init_central_database(db: Database, *, admin_username: str, admin_password: str,
                          admin_full_name: str | None = None) -> User:
    """First run of a central file: its first administrator, of no center (a supervisor
    account is then created by that administrator)."""
    with db.session() as session:
        if session.exec(select(User)).first() is not None:
            raise RuleViolation("This database is already set up.")
    check_password_strength(admin_password)
    return create_user(db, None, username=admin_username,
                       full_name=admin_full_name or admin_username, role=Role.ADMIN,
                       password=admin_password)
