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

from platformdirs import user_data_dir
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ..domain.errors import SchemaTooNewError, StorageError
from . import migrations, versioning

SQLITE_HEADER = migrations.SQLITE_HEADER
APP_ID = migrations.APP_ID
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


# Execution option naming how a transaction begins. Write sessions take the write lock at
# BEGIN (``IMMEDIATE``): a deferred transaction that reads first and writes later decides on a
# snapshot another connection may already have changed, and cannot upgrade to a writer then
# (two windows adding beds at once). Read sessions begin deferred and never wait for a writer.
BEGIN_OPTION = "albergue_begin"


def _begin(conn) -> None:
    if conn.get_execution_options().get(BEGIN_OPTION) == "IMMEDIATE":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _refuse_writes(session: Session, _flush_context, _instances) -> None:
    if session.info.get("read_only") and (session.new or session.dirty or session.deleted):
        raise RuntimeError("A read session cannot write; use Database.session().")


event.listen(AlbergueSession, "before_flush", _refuse_writes)


def inspect_file(path: Path) -> int | None:
    """Schema version of an existing Albergue file; None for a missing or empty file.
    Raises :class:`StorageError` for anything that is not an Albergue database."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != SQLITE_HEADER:
        raise StorageError("{path} is not an Albergue database (it is not an SQLite file).",
                           path=str(path))
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            if "meta" not in tables:
                if tables:
                    raise StorageError(
                        "{path} is an SQLite database from another program, not Albergue.",
                        path=str(path))
                return None
            row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
            if row is None or row[0] != APP_ID:
                raise StorageError(
                    "{path} is an SQLite database from another program, not Albergue.",
                    path=str(path))
            version = conn.execute(
                "SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            return int(version[0]) if version else 0
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StorageError("{path} is damaged: {detail}", path=str(path), detail=str(exc)) from exc


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
        self.write_engine = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        with engine.connect() as conn:
            meta: dict[str, str] = dict(conn.exec_driver_sql(
                "SELECT key, value FROM meta").all())
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
        """A unit of work that may write: it begins with ``BEGIN IMMEDIATE`` (the write lock
        is held from the first statement, so what it reads is what it writes over), commits
        on success and rolls back on any error. Disk-full and busy errors become
        :class:`StorageError` with a message for the user. Use :meth:`read_session` for reads:
        it does not wait for (or hold up) a writer."""
        session = AlbergueSession(self.write_engine, expire_on_commit=False)
        session.info["write_context"] = versioning.WriteContext(self.site_id, username,
                                                                audit=audit)
        with self._unit_of_work(session) as unit:
            yield unit

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A read-only unit of work: a deferred transaction (one consistent snapshot in WAL)
        that never takes the write lock, so it answers while a pull or an import writes.
        Flushing a change in it raises ``RuntimeError``."""
        session = AlbergueSession(self.engine, expire_on_commit=False)
        session.info["read_only"] = True
        with self._unit_of_work(session) as unit:
            yield unit

    @contextmanager
    def _unit_of_work(self, session: Session) -> Iterator[Session]:
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
