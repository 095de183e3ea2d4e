"""Opening an Albergue database file: checks, migrations, pragmas, sessions.

``Database.open(path)`` refuses files that are not SQLite, SQLite files of other programs,
files from a newer Albergue, empty (0-byte) files and damaged files (``PRAGMA quick_check``)
with a typed :class:`StorageError` and a translated message; creates and initializes a new
file (mode 0600 on POSIX, in a 0700 data folder), and upgrades an older one in place.
Every new file is a SQLCipher file under its own data key (docs/encryption.md): an encrypted
file whose key this process does not hold opens *locked* (:attr:`Database.locked`) and
:meth:`Database.unlock` opens it with a user's password. Every connection comes from
``albergue_sync.dbapi`` (keyed). Threat model and file permissions: docs/threat-model.md.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from albergue_sync import SyncRefused
from albergue_sync import dbapi as sqlite3
from albergue_sync import files as sync_files
from albergue_sync import keyfile
from platformdirs import user_data_dir
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from ..domain.errors import SchemaTooNewError, StorageError
from . import migrations, versioning
from .encrypt import finish_pending

BUSY_TIMEOUT_MS = 10_000


class AlbergueSession(Session):
    """Session class whose flushes are stamped by :mod:`.versioning`."""


versioning.install(AlbergueSession)


PRIVATE_DIR_MODE = 0o700
PRIVATE_FILE_MODE = 0o600


def data_dir() -> Path:
    """The user's Albergue data folder (platformdirs); not created here."""
    return Path(user_data_dir("Albergue", "Albergue"))


def default_db_path() -> Path:
    """``ALBERGUE_DB`` if set, else ``albergue.sqlite`` in the user's data directory."""
    env = os.environ.get("ALBERGUE_DB")
    if env:
        return Path(env).expanduser()
    return data_dir() / "albergue.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "albergue-demo.sqlite"


def ensure_private_dir(folder: Path) -> Path:
    """Create ``folder`` (and parents) readable by this user only: 0700 on POSIX, tightened
    if it already exists with wider rights. Windows keeps the profile folder's ACL (the
    user's own AppData)."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR_MODE)
    if os.name == "posix":
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode != PRIVATE_DIR_MODE:
            os.chmod(folder, PRIVATE_DIR_MODE)
    return folder


def _is_in_data_dir(path: Path) -> bool:
    try:
        return path.parent == data_dir().resolve()
    except OSError:
        return False


def _make_private(path: Path) -> None:
    """0600 for a database file and its -wal / -shm / -journal companions (POSIX)."""
    if os.name != "posix":
        return
    for file in (path, *(Path(f"{path}{s}") for s in ("-wal", "-shm", "-journal"))):
        try:
            if stat.S_IMODE(file.stat().st_mode) & 0o077:
                os.chmod(file, PRIVATE_FILE_MODE)
        except FileNotFoundError:
            pass


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
    """Schema version of an existing Albergue file; None for a missing file or a valid
    SQLite file without tables. Raises :class:`StorageError` for anything that is not an
    intact Albergue database: an empty (0-byte) file is refused, never initialized (it is
    usually a copy that failed, and a fresh database in its place would hide the loss).
    "Is this an Albergue file" is the sync engine's check (``albergue_sync.files.file_meta``):
    one for both."""
    if not path.exists():
        return None
    if path.stat().st_size == 0:
        raise StorageError("{path} is empty (0 bytes): it is not an Albergue database. If it "
                           "should hold data, restore it from a backup or copy it again; to "
                           "start a new database, choose a file name that does not exist.",
                           path=str(path))
    with open(path, "rb") as fh:
        header = fh.read(100)
    encrypted = sqlite3.is_encrypted(path)
    if header[:16] != migrations.SQLITE_HEADER and not encrypted:
        raise StorageError("{path} is not an Albergue database (it is not an SQLite file).",
                           path=str(path))
    # a hot file's header may be ahead of its pages until recovery; an encrypted file's
    # page count is inside its encrypted first page
    if not _is_hot(path) and not encrypted:
        _refuse_truncated(path, header)
    full_check = needs_full_check(path)  # before connecting: a hot WAL is looked at first
    try:
        meta = sync_files.file_meta(path)
        if meta is not None and full_check:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                _quick_check(conn, path)
            finally:
                conn.close()
    except SyncRefused as exc:  # another program's file, or not SQLite at all
        if "another program" in exc.msgid:
            raise StorageError("{path} is an SQLite database from another program, not "
                               "Albergue.", path=str(path)) from exc
        raise StorageError("{path} is not an Albergue database (it is not an SQLite file).",
                           path=str(path)) from exc
    except sqlite3.DatabaseError as exc:
        if encrypted and "not a database" in str(exc):  # a failed page check (HMAC)
            raise StorageError("{path} is damaged: its key does not open it (the file or its "
                               "key file is damaged, or they are of different copies). "
                               "Nothing was changed in it; restore it from a backup.",
                               path=str(path)) from exc
        raise StorageError("{path} is damaged: {detail}", path=str(path), detail=str(exc)) from exc
    return None if meta is None else int(meta.get("schema_version", 0))


# quick_check reads the whole file: ~10 ms per MB measured here (docs/threat-model.md), so a
# center file (a few thousand people, ~15 MB) is always checked, while a 100,000-person
# central file (~480 MB, seconds) is checked when its last writer did not close it cleanly.
FULL_CHECK_MAX_BYTES = 64 * 1024 * 1024


def needs_full_check(path: Path) -> bool:
    """Whether opening ``path`` runs ``PRAGMA quick_check``: always for a file of up to
    :data:`FULL_CHECK_MAX_BYTES`; for a larger one when it is "hot" (a non-empty ``-wal`` or
    a ``-journal`` beside it: the last writer crashed, was killed or lost power, or is still
    writing), which is when damage happens. Truncated copies are caught for every size by
    :func:`_refuse_truncated`; a damaged page of a clean large file by SQLite on first read."""
    try:
        return path.stat().st_size <= FULL_CHECK_MAX_BYTES or _is_hot(path)
    except OSError:
        return True


def _is_hot(path: Path) -> bool:
    try:
        wal = Path(f"{path}-wal")
        return (wal.exists() and wal.stat().st_size > 0) or Path(f"{path}-journal").exists()
    except OSError:
        return True


def _refuse_truncated(path: Path, header: bytes) -> None:
    """A copy cut short (a USB stick pulled out, a full disk): the header says how many
    pages the file has (when its "valid-for" counter matches); fewer bytes on disk is
    damage, found without reading the file."""
    if len(header) < 100:
        raise StorageError("{path} is damaged ({detail}). Nothing was changed in it; restore "
                           "it from a backup or ask for help.", path=str(path),
                           detail=f"{len(header)} bytes")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if header[24:28] != header[92:96] or not pages:
        return  # written by an old SQLite: the in-header size is not reliable
    size, expected = path.stat().st_size, pages * page_size
    if size < expected:
        raise StorageError("{path} is incomplete ({size} of {expected} bytes): the copy was "
                           "cut short. Nothing was changed in it; restore it from a backup or "
                           "copy it again.", path=str(path), size=size, expected=expected)


def _quick_check(conn: sqlite3.Connection, path: Path) -> None:
    """``PRAGMA quick_check``: every page and index readable and well formed (not the
    slower index-vs-table cross check of ``integrity_check``). Cost measured in
    docs/threat-model.md. A damaged file is refused before anything writes to it."""
    problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise StorageError("{path} is damaged ({detail}). Nothing was changed in it; restore "
                           "it from a backup or ask for help.", path=str(path),
                           detail="; ".join(problems))


def _prepare(path: Path, *, encrypt: bool = True) -> None:
    """Create or upgrade the file so it holds the current schema. A new file is encrypted
    under a new data key (its key file beside it) unless ``encrypt`` is False."""
    found = inspect_file(path)
    if found is not None and found > migrations.CURRENT_SCHEMA_VERSION:
        raise SchemaTooNewError(str(path), found, migrations.CURRENT_SCHEMA_VERSION)
    private = _is_in_data_dir(path) or path == default_db_path().resolve()
    if private:
        ensure_private_dir(path.parent)
        _make_private(path)
    if found == migrations.CURRENT_SCHEMA_VERSION:
        return
    created = False
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        try:  # created readable by this user only; SQLite gives -wal/-shm the same mode
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE_MODE))
            created = True
        except FileExistsError:
            pass
        except OSError as exc:
            raise _storage_error(exc, path) from exc
    try:
        if created and encrypt:
            keyfile.create(path)
        _create_or_upgrade(path, found)
    except BaseException:
        if created:  # ours and empty: no 0-byte file stays behind to be refused next time
            for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm"),
                         keyfile.keys_path(path)):
                file.unlink(missing_ok=True)
            keyfile.forget(path)
        raise


def _create_or_upgrade(path: Path, found: int | None) -> None:
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

    engine: Engine
    write_engine: Engine
    site_id: str
    epoch: str
    schema_version: int

    def __init__(self, path: Path) -> None:
        self.path = path
        self.locked = True

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, encrypt: bool = True) -> Database:
        """Open (creating or upgrading) ``path``. An encrypted file whose key this process
        does not hold (nor reaches through a peer slot) is returned locked: nothing is read
        from it until :meth:`unlock`. ``encrypt`` False makes a new file plain (benchmarks
        comparing against plain files)."""
        path = Path(path).expanduser().resolve()
        db = cls(path)
        finish_pending(path)  # what a killed conversion left beside it
        if path.exists() and sqlite3.is_encrypted(path):
            try:
                key = keyfile.key_for(path) or keyfile.unlock_by_peer(path)
            except SyncRefused as exc:
                raise StorageError("{path} is damaged: {detail}", path=str(path),
                                   detail=str(exc)) from exc
            if key is None:
                return db
        db._connect(encrypt=encrypt)
        return db

    def unlock(self, username: str, password: str) -> None:
        """Unwrap the data key with ``username``'s password (the password check for the
        file: :class:`albergue_sync.crypto_keys.WrongSecret` when it does not open), then
        open the file as :meth:`open` does."""
        if self.locked:
            keyfile.unlock(self.path, username, password)
            self._connect()

    def unlock_with_recovery(self, code: str) -> None:
        if self.locked:
            keyfile.unlock_recovery(self.path, code)
            self._connect()

    @property
    def encrypted(self) -> bool:
        return keyfile.key_for(self.path) is not None

    def _connect(self, *, encrypt: bool = True) -> None:
        path = self.path
        _prepare(path, encrypt=encrypt)
        # the URL names the file (a file's pool, not one connection); creator keys it
        engine = create_engine(f"sqlite:///{path}", module=sqlite3.driver, creator=lambda: (
            sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)))
        event.listen(engine, "connect", _set_pragmas)
        event.listen(engine, "begin", _begin)
        try:
            with engine.connect() as conn:
                meta: dict[str, str] = dict(conn.exec_driver_sql(
                    "SELECT key, value FROM meta").all())
        except OperationalError as exc:
            engine.dispose()
            raise _storage_error(exc, path) from exc
        self.engine = engine
        self.write_engine = engine.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        self.site_id = meta["site_id"]
        self.epoch = meta["epoch"]
        self.schema_version = int(meta["schema_version"])
        self.locked = False

    def close(self) -> None:
        if not self.locked:
            self.engine.dispose()

    def reopen(self) -> None:
        """Open again after :meth:`close` (the file was converted in place)."""
        self.locked = True
        self._connect()

    def wrap_key_for(self, username: str, password: str) -> None:
        """Give ``username`` a key slot under ``password`` (account created, password
        changed or reset; a user signing in without one). No-op on a plain file."""
        if self.encrypted:
            keyfile.add_user(self.path, username, password)

    def has_key_for(self, username: str) -> bool:
        return (not self.encrypted
                or keyfile.user_label(username) in keyfile.load(self.path).slots)

    def drop_key_for(self, username: str) -> None:
        if self.encrypted:
            keyfile.remove_user(self.path, username)

    def meta(self, key: str) -> str | None:
        """A value of the ``meta`` table; None while the file is locked."""
        if self.locked:
            return None
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
        self._require_unlocked()
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
        self._require_unlocked()
        session = AlbergueSession(self.engine, expire_on_commit=False)
        session.info["read_only"] = True
        with self._unit_of_work(session) as unit:
            yield unit

    def _require_unlocked(self) -> None:
        if self.locked:
            raise StorageError("{path} is encrypted: sign in to open it.", path=str(self.path))

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
