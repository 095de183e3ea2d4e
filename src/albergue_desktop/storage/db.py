"""Opening an Albergue database file: checks, migrations, pragmas, sessions.

``Database.open(path)`` refuses files that are not SQLite, SQLite files of other programs and
files from a newer Albergue (typed :class:`StorageError` with a translated message), creates
and initializes a new file, and upgrades an older one in place.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from albergue_sync import SyncRefused
from albergue_sync import files as sync_files
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ..domain.errors import SchemaTooNewError, StorageError
from . import migrations, versioning

BUSY_TIMEOUT_MS = 10_000


class AlbergueSession(Session):
    """Session class whose flushes are stamped by :mod:`.versioning`."""


versioning.install(AlbergueSession)


def default_db_path() -> Path:
    """``ALBERGUE_DB`` if set, else ``albergue.sqlite`` in the user's data directory."""
    env = os.environ.get("ALBERGUE_DB")
    if env:
        return Path(env).expanduser()
    return Path(user_data_dir("Albergue", "Albergue")) / "albergue.sqlite"


def demo_db_path() -> Path:
    return Path(user_data_dir("Albergue", "Albergue")) / "albergue-demo.sqlite"


def _set_pragmas(dbapi_conn, _record) -> None:
    # Let SQLAlchemy emit BEGIN itself (pysqlite's implicit transactions skip DDL/SELECT).
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def _begin(conn) -> None:
    conn.exec_driver_sql("BEGIN")


def inspect_file(path: Path) -> int | None:
    """Schema version of an existing Albergue file; None for a missing or empty file.
    Raises :class:`StorageError` for anything that is not an Albergue database. The check
    itself is the sync engine's (``albergue_sync.files.file_meta``): one for both."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        meta = sync_files.file_meta(path)
    except SyncRefused as exc:  # another program's file, or not SQLite at all
        if "another program" in exc.msgid:
            raise StorageError("{path} is an SQLite database from another program, not "
                               "Albergue.", path=str(path)) from exc
        raise StorageError("{path} is not an Albergue database (it is not an SQLite file).",
                           path=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        raise StorageError("{path} is damaged: {detail}", path=str(path), detail=str(exc)) from exc
    return None if meta is None else int(meta.get("schema_version", 0))


def _prepare(path: Path) -> None:
    """Create or upgrade the file so it holds the current schema."""
    found = inspect_file(path)
    if found is not None and found > migrations.CURRENT_SCHEMA_VERSION:
        raise SchemaTooNewError(str(path), found, migrations.CURRENT_SCHEMA_VERSION)
    if found == migrations.CURRENT_SCHEMA_VERSION:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("BEGIN IMMEDIATE")
        try:
            if found is None:
                # meta identity (site, epoch, clocks) + schema, up to the version checked
                migrations.initialize(conn, migrations.CURRENT_SCHEMA_VERSION)
            else:
                migrations.apply(conn, found, migrations.CURRENT_SCHEMA_VERSION)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    except sqlite3.DatabaseError as exc:  # also a migration failing on the data it finds
        raise _storage_error(exc, path) from exc
    finally:
        conn.close()


def _storage_error(exc: Exception, path: Path) -> StorageError:
    detail = str(exc)
    if "full" in detail.lower():
        return StorageError("The disk is full; nothing was saved. Free some space and try again.")
    if "locked" in detail.lower() or "busy" in detail.lower():
        return StorageError("The database is busy; try again in a moment.")
    return StorageError("Cannot open {path}: {detail}", path=str(path), detail=detail)


class Database:
    """An open Albergue database file."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        with engine.connect() as conn:
            meta = dict(conn.exec_driver_sql("SELECT key, value FROM meta").all())
        self.site_id: str = meta["site_id"]
        self.epoch: str = meta["epoch"]
        self.schema_version = int(meta["schema_version"])

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Database:
        path = Path(path).expanduser().resolve()
        _prepare(path)
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _set_pragmas)
        event.listen(engine, "begin", _begin)
        try:
            return cls(path, engine)
        except OperationalError as exc:
            engine.dispose()
            raise _storage_error(exc, path) from exc

    def close(self) -> None:
        self.engine.dispose()

    def meta(self, key: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.exec_driver_sql("SELECT value FROM meta WHERE key = ?", (key,)).first()
        return row[0] if row else None

    @contextmanager
    def session(self, username: str | None = None, *, audit: bool = True) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error. Disk-full and busy
        errors become :class:`StorageError` with a message for the user."""
        session = AlbergueSession(self.engine, expire_on_commit=False)
        session.info["write_context"] = versioning.WriteContext(self.site_id, username,
                                                                audit=audit)
        try:
            yield session
            session.commit()
        except OperationalError as exc:
            session.rollback()
            raise _storage_error(exc.orig or exc, self.path) from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
