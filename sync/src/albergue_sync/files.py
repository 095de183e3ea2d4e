"""Albergue files as the engine sees them: checked, read (in place or from a recovered
copy), upgraded on a temporary copy, created, re-identified.

A source is never read in SQLite's ``immutable`` mode (which would read a writer's
uncommitted pages, or the pages of a writer killed mid-transaction, as committed). A source
that needs no recovery (:func:`needs_recovery`: no ``-wal`` with frames, no ``-journal``
with content) is read where it lies, inside a read transaction with normal locking
(:func:`open_in_place`). Any other (or one SQLite refuses to read so: a hot journal on a
read-only connection, read-only media for a WAL file) goes through :func:`recovered_copy`:
the file is copied with its ``-wal``/``-journal`` into a private work folder beside the
target (:class:`WorkDir`, never the system temp folder: the copies hold personal data) and
the copy is opened normally, so SQLite rolls a hot journal back, replays only the committed
frames of a WAL and ignores an unfinished transaction. A read-only USB stick is therefore
enough. A killed merge leaves its work folder behind; the next one removes it."""

from __future__ import annotations

import os
import shutil
from . import dbapi as sqlite3
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import quote

from . import keyfile, schema
from .i18n import SyncRefused

BUSY_TIMEOUT_MS = 10_000
HLC_COUNTER_BITS = 16


def uri(path: Path, *, readonly: bool) -> str:
    """SQLite URI of ``path``; ``readonly`` opens it with ``mode=ro`` (locks and journal
    checks as usual: never ``immutable``). Read-only: the engine's own copies and a source in
    rollback-journal mode read in place (:func:`open_in_place`); a file that may be in WAL
    mode (a target, a central) is opened normally and only read, since ``mode=ro`` would
    leave its ``-wal``/``-shm`` behind."""
    text = f"file:{quote(str(Path(path).resolve()))}"
    return text + "?mode=ro" if readonly else text


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    conn = sqlite3.connect(uri(path, readonly=readonly), uri=True, isolation_level=None,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return conn


def now_ms() -> int:
    return time.time_ns() // 1_000_000


def next_hlc(last: int, wall_ms: int) -> int:
    """Same hybrid logical clock as the desktop's versioning: milliseconds in the high bits,
    a counter in the low 16 bits when the wall clock has not advanced."""
    candidate = wall_ms << HLC_COUNTER_BITS
    return candidate if candidate > last else last + 1


def hlc_to_ms(hlc: int) -> int:
    return hlc >> HLC_COUNTER_BITS


def utc_text(ms: int | None = None) -> str:
    """A timestamp as the desktop stores it (UTC, ``YYYY-MM-DD HH:MM:SS.ffffff``)."""
    ms = now_ms() if ms is None else ms
    seconds, millis = divmod(ms, 1000)
    try:
        base = time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(seconds))
    except (OverflowError, OSError, ValueError):
        return f"+{seconds}s"
    return f"{base}.{millis * 1000:06d}"


@dataclass(frozen=True)
class FileInfo:
    """What a quick read-only look at an Albergue file tells."""

    path: Path
    meta: dict[str, str]

    @property
    def site_id(self) -> str:
        return self.meta["site_id"]

    @property
    def epoch(self) -> str:
        return self.meta.get("epoch", "")

    @property
    def schema_version(self) -> int:
        return int(self.meta.get("schema_version", 0))

    @property
    def seq_last(self) -> int:
        return int(self.meta.get("seq_last", 0))

    @property
    def hlc_last(self) -> int:
        return int(self.meta.get("hlc_last", 0))

    @property
    def center_id(self) -> str | None:
        return self.meta.get("center_id")


def check_header(path: Path, *, shown: Path | None = None) -> None:
    shown = path if shown is None else shown
    if not path.exists():
        raise SyncRefused("{path} does not exist.", path=str(shown))
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise SyncRefused("Cannot read {path}: {detail}", path=str(shown),
                          detail=exc.strerror or str(exc)) from exc
    if len(header) == 100 and sqlite3.is_encrypted(path):
        return  # encrypted (no readable header): damage shows when its pages are read
    if len(header) < 100 or header[:16] != schema.SQLITE_HEADER:
        raise SyncRefused("{path} is not an Albergue database (it is not an SQLite file).",
                          path=str(shown))
    # A copy cut short (a USB stick pulled out): the header says how many pages there are.
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if counter_valid and pages and path.stat().st_size < pages * page_size \
            and not Path(f"{path}-wal").exists():
        raise SyncRefused("{path} is damaged ({detail}). Nothing was merged; make a new copy "
                          "of that file.", path=str(shown), detail="truncated")


def read_meta(conn: sqlite3.Connection, path: Path, db: str = "main") -> dict[str, str]:
    """The meta table of an Albergue file; refuses foreign or damaged files."""
    try:
        tables = {r[0] for r in conn.execute(
            f"SELECT name FROM {db}.sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            raise SyncRefused("{path} is an SQLite database from another program, not "
                              "Albergue.", path=str(path))
        meta = dict(conn.execute(f"SELECT key, value FROM {db}.meta"))
    except sqlite3.DatabaseError as exc:
        raise damaged(path, exc) from exc
    if meta.get("app") != schema.APP_ID or "site_id" not in meta:
        raise SyncRefused("{path} is an SQLite database from another program, not Albergue.",
                          path=str(path))
    return meta


def damaged(path: Path, exc: BaseException | str) -> SyncRefused:
    return SyncRefused("{path} is damaged ({detail}). Nothing was merged; make a new copy of "
                       "that file.", path=str(path), detail=str(exc))


def _foreign(path: Path) -> SyncRefused:
    return SyncRefused("{path} is an SQLite database from another program, not Albergue.",
                       path=str(path))


def file_meta(path: Path, *, shown: Path | None = None) -> dict[str, str] | None:
    """The ``meta`` of an existing Albergue file (opened normally, only read); None for an
    SQLite file without any table yet (a new, empty database). The one check of "is this an
    Albergue file" for the engine and the desktop (``storage/db.py inspect_file``).

    Raises SyncRefused for a file that is not SQLite or belongs to another program, and
    ``sqlite3.DatabaseError`` for a damaged one (each caller words that its own way)."""
    path = Path(path)
    shown = Path(shown) if shown is not None else path
    with open(path, "rb") as fh:
        header = fh.read(16)
    if header != schema.SQLITE_HEADER and not sqlite3.is_encrypted(path):
        raise SyncRefused("{path} is not an Albergue database (it is not an SQLite file).",
                          path=str(shown))
    conn = connect(path, readonly=False)
    try:
        tables = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "meta" not in tables:
            if tables:
                raise _foreign(shown)
            return None
        meta = dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()
    if meta.get("app") != schema.APP_ID or "site_id" not in meta:
        raise _foreign(shown)
    return meta


def inspect(path: Path, *, shown: Path | None = None) -> FileInfo:
    """Header and meta of an existing Albergue file (opened normally, only read). Refuses
    what is not one, and files of a newer schema. ``shown``: the path to name in messages
    and in the result (the user's file, when ``path`` is the engine's copy of it)."""
    path = Path(path)
    shown = Path(shown) if shown is not None else path
    check_header(path, shown=shown)
    try:
        meta = file_meta(path, shown=shown)
    except sqlite3.DatabaseError as exc:
        raise damaged(shown, exc) from exc
    if meta is None:
        raise _foreign(shown)
    return _supported(FileInfo(shown, meta))


def inspect_conn(conn: sqlite3.Connection, shown: Path) -> FileInfo:
    """:func:`inspect` on an open connection (a source being read in place or its copy)."""
    return _supported(FileInfo(Path(shown), read_meta(conn, Path(shown))))


def _supported(info: FileInfo) -> FileInfo:
    shown = info.path
    if info.schema_version > schema.CURRENT_SCHEMA_VERSION:
        raise SyncRefused("{path} uses schema {found}, newer than this albergue-sync (schema "
                          "{supported}). Update Albergue on this computer first.",
                          path=str(shown), found=info.schema_version,
                          supported=schema.CURRENT_SCHEMA_VERSION)
    return info


# --- private work folder and recovered copies ----------------------------------------------

WORK_SUFFIX = ".albergue-sync"
_LOCK_NAME = "in-use.lock"
_UNLOCKED_GRACE_S = 60  # a run folder without its lock file yet (just being made)
GUARD_TIMEOUT_MS = 500  # wait for a source's writer before copying without its lock


def work_root(near: Path) -> Path:
    """The private folder of temporary copies made for merging into ``near``: beside it,
    hidden (``.NAME.albergue-sync``), in a folder the app writes anyway."""
    near = Path(near).absolute()
    return near.parent / f".{near.name}{WORK_SUFFIX}"


def _try_lock(fh: IO[bytes]) -> bool:
    """Take an exclusive lock on an open file without waiting; False when another open
    file (another run, alive) holds it."""
    try:
        if sys.platform == "win32":  # pragma: no cover - Windows
            import msvcrt  # noqa: PLC0415

            msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
        else:
            import fcntl  # noqa: PLC0415

            fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def clean_stale(root: Path) -> int:
    """Remove run folders under ``root`` left by runs that were killed (their lock is free).
    Returns how many were removed."""
    removed = 0
    try:
        runs = [p for p in root.iterdir() if p.is_dir()]
    except OSError:
        return 0
    for run in runs:
        lock = run / _LOCK_NAME
        try:
            if not lock.exists():
                if time.time() - run.stat().st_mtime < _UNLOCKED_GRACE_S:
                    continue
                stale = True
            else:
                with open(lock, "r+b") as fh:
                    stale = _try_lock(fh)
        except OSError:
            continue
        if stale:
            shutil.rmtree(run, ignore_errors=True)
            removed += not run.exists()
    return removed


class WorkDir:
    """One run's private folder under :func:`work_root` (mode 700), locked while in use.
    Creating one first removes the folders of killed runs; :meth:`cleanup` removes it (and
    the root, when empty)."""

    def __init__(self, near: Path) -> None:
        self.root = work_root(near)
        try:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            clean_stale(self.root)
            self.path = Path(tempfile.mkdtemp(prefix="run-", dir=self.root))
            self._lock: IO[bytes] | None = open(self.path / _LOCK_NAME, "wb")
        except OSError as exc:
            raise SyncRefused("Cannot write {path}: {detail}", path=str(self.root),
                              detail=exc.strerror or str(exc)) from exc
        _try_lock(self._lock)
        self._count = 0

    def file(self, stem: str = "copy") -> Path:
        self._count += 1
        return self.path / f"{stem}-{self._count}.sqlite"

    def cleanup(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None
        shutil.rmtree(self.path, ignore_errors=True)
        try:
            self.root.rmdir()
        except OSError:
            pass  # another run is using it, or it is not empty

    def __enter__(self) -> WorkDir:
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()


def rollback_mode(path: Path) -> bool:
    """The header's write version: 1 rollback journal, 2 WAL."""
    with open(path, "rb") as fh:
        header = fh.read(20)
    return len(header) >= 20 and header[18] == 1


def _copy_with_journals(source: Path, dest: Path) -> bool:
    """Copy the file and its journal or WAL; True when there was one."""
    shutil.copyfile(source, dest)
    found = False
    for side in ("-wal", "-journal"):
        extra = Path(f"{source}{side}")
        try:
            shutil.copyfile(extra, Path(f"{dest}{side}"))
            found = True
        except FileNotFoundError:
            pass
    return found


def recovered_copy(source: Path, dest: Path) -> None:
    """Copy ``source`` with its ``-wal``/``-journal`` to ``dest`` and open the copy normally:
    SQLite then recovers it as it would after a crash (a hot rollback journal is rolled
    back; a WAL contributes only its committed frames; an unfinished transaction is left
    out). The copy ends self-contained (no side files); a file copied without any journal
    or WAL needs no recovery and is left as copied.

    A file in rollback-journal mode is copied under a shared lock when one can be taken (a
    live writer then cannot commit halfway through the copy); a WAL is safe to copy as is,
    since its frames are checksummed and only a commit frame makes them count."""
    source, dest = Path(source), Path(dest)
    check_header(source)
    key = sqlite3.find_key(source)
    if key is not None:
        keyfile.remember(dest, key)
    try:
        guard = None
        if rollback_mode(source):
            try:
                guard = connect(source, readonly=True)
                # A writer committing gets a moment; one stuck mid-transaction does not
                # hold the merge up (its pages are rolled back in the copy).
                guard.execute(f"PRAGMA busy_timeout = {GUARD_TIMEOUT_MS}")
                guard.execute("BEGIN")
                guard.execute("SELECT count(*) FROM sqlite_master").fetchone()
            except sqlite3.Error:
                # A hot journal (READONLY_ROLLBACK) or a writer holding its lock: copy as is;
                # the copy's recovery rolls the unfinished transaction back.
                if guard is not None:
                    guard.close()
                guard = None
        try:
            journals = _copy_with_journals(source, dest)
        finally:
            if guard is not None:
                guard.close()
    except OSError as exc:
        raise SyncRefused("Cannot read {path}: {detail}", path=str(source),
                          detail=exc.strerror or str(exc)) from exc
    if not journals:
        return  # a closed file: nothing to recover
    try:
        conn = sqlite3.connect(dest, isolation_level=None)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # recovery
            conn.execute("PRAGMA journal_mode = DELETE")  # checkpoints and drops a WAL
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(source, exc) from exc
    for side in ("-wal", "-shm", "-journal"):
        Path(f"{dest}{side}").unlink(missing_ok=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def needs_recovery(source: Path) -> bool:
    """Whether ``source`` may hold data SQLite would have to recover before a reader sees
    only committed data: a ``-wal`` with frames, or a ``-journal`` with content (a hot
    journal of a killed writer, or a live writer's). Looked up beside the file."""
    source = Path(source)
    return _size(Path(f"{source}-wal")) > 0 or _size(Path(f"{source}-journal")) > 0


def open_in_place(source: Path) -> sqlite3.Connection | None:
    """A connection reading ``source`` where it lies, inside a read transaction (the
    committed state, held until the connection closes), when it needs no recovery; None
    when it does or when SQLite will not read it so (then read a :func:`recovered_copy`).

    Never ``immutable``: normal locking, so a writer cannot commit halfway through what is
    read, and an unfinished transaction is not seen. A file in rollback-journal mode is
    opened ``mode=ro`` (SQLite refuses a hot journal there: SQLITE_READONLY_ROLLBACK, and
    the copy rolls it back). A file in WAL mode is opened normally and only read
    (``query_only``): ``mode=ro`` would leave ``-wal``/``-shm`` beside it, while a normal
    connection removes them when it closes; on read-only media it cannot open its ``-shm``
    and the copy serves. A writer stuck mid-transaction does not hold the merge up
    (GUARD_TIMEOUT_MS, then the copy)."""
    source = Path(source)
    check_header(source)
    if needs_recovery(source):
        return None
    try:
        rollback = rollback_mode(source)
    except OSError as exc:
        raise SyncRefused("Cannot read {path}: {detail}", path=str(source),
                          detail=exc.strerror or str(exc)) from exc
    conn = None
    try:
        conn = connect(source, readonly=rollback)
        conn.execute(f"PRAGMA busy_timeout = {GUARD_TIMEOUT_MS}")
        conn.execute("PRAGMA query_only = 1")
        conn.execute("BEGIN")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()  # takes the lock
    except sqlite3.Error:
        if conn is not None:
            conn.close()
        return None
    return conn


def source_state(source: Path) -> tuple[bytes, int]:
    """What changes when a file read in place is written: the header's change counter
    (every commit in rollback-journal mode) and the size of its ``-wal``."""
    with open(source, "rb") as fh:
        header = fh.read(28)
    return header[24:28], _size(Path(f"{source}-wal"))


def quick_check(path: Path, shown: Path) -> None:
    """``PRAGMA quick_check`` of an engine copy; refuses ``shown`` when it fails."""
    try:
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA quick_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(shown, exc) from exc
    if problems != ["ok"]:
        raise damaged(shown, "; ".join(problems[:3]))


def snapshot(source: Path, dest: Path) -> None:
    """A consistent copy of ``source`` (live or not) through the SQLite backup API, as a
    self-contained file (rollback journal, no WAL), checked with ``quick_check``. An
    encrypted source gives a copy under the same key (remembered for ``dest``; its key
    file is the caller's: :func:`keyfile.copy_keys`), its pages copied as they are when
    they hold every committed change (:func:`_copy_pages`)."""
    try:
        src = connect(source, readonly=False)  # only read; opened normally (locks, recovery)
        key = keyfile.key_for(source)
        if key is not None:
            keyfile.remember(dest, key)
        try:
            out = None
            if key is None or not _copy_pages(src, source, dest):
                out = sqlite3.connect(dest, isolation_level=None)
                src.backup(out)
            else:
                out = sqlite3.connect(dest, isolation_level=None)
            try:
                out.execute("PRAGMA journal_mode = DELETE")
                problems = [r[0] for r in out.execute("PRAGMA quick_check")]
            finally:
                out.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise damaged(source, exc) from exc
    if problems != ["ok"]:
        raise damaged(source, "; ".join(problems[:3]))


def _copy_pages(src: sqlite3.Connection, source: Path, dest: Path) -> bool:
    """Copy an encrypted file's bytes as they are (the backup API would decrypt and
    encrypt every page again under the same key), inside a read transaction, when the file
    itself holds every committed change: committed WAL frames are checkpointed first, and
    if a ``-wal`` with frames or a ``-journal`` remains (a writer is active), False (the
    backup API copies it). A reader of a fully checkpointed WAL file reads the database
    file only and no checkpoint may write into it until it ends; in rollback-journal mode
    its shared lock keeps writers from committing."""
    try:
        src.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error:
        if src.in_transaction:
            src.execute("ROLLBACK")
        return False
    try:
        if _size(Path(f"{source}-wal")) > 0 or _size(Path(f"{source}-journal")) > 0:
            return False
        shutil.copyfile(source, dest)
        return True
    finally:
        src.execute("ROLLBACK")


def upgrade(path: Path, from_version: int) -> None:
    """Bring a file (a temporary copy, or a target) to the current schema in one
    transaction."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            schema.apply(conn, from_version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()


def create(path: Path) -> FileInfo:
    """A new, empty Albergue file with its own site (WAL mode, like the desktop's files),
    encrypted under a new data key (its key file has no slot yet: the caller adds the
    accounts' slots, or links it to the file it was made for: :func:`keyfile.link`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".creating")
    tmp.unlink(missing_ok=True)
    key = keyfile.create(path)
    conn = sqlite3.connect(tmp, isolation_level=None, key=key)
    try:
        conn.execute("BEGIN IMMEDIATE")
        schema.initialize(conn)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    os.replace(tmp, path)
    return inspect(path)


def reencrypt(path: Path) -> bytes:
    """Put the private copy ``path`` (closed, not a live file) under a new random data key,
    in place (``PRAGMA rekey`` rewrites every page), and return that key (remembered for
    ``path``; no key file). A file that travels over the network (a push upload, a pull
    file) is sent under a key of its own, delivered inside the authenticated request:
    never the key of the database it was copied from (docs/sync-server.md, "Encrypted
    files")."""
    from .crypto_keys import new_data_key  # noqa: PLC0415

    key = new_data_key()
    conn = connect(path, readonly=False)  # keyed with its current key (or plain)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")  # SQLCipher rekeys a rollback file
        if keyfile.key_for(path) is None:  # a plain copy: export it encrypted
            tmp = path.with_name(path.name + ".cifrando")
            tmp.unlink(missing_ok=True)
            conn.execute("ATTACH DATABASE ? AS enc KEY ?", (str(tmp), f"x'{key.hex()}'"))
            conn.execute("SELECT sqlcipher_export('enc')")
            conn.execute("DETACH DATABASE enc")
        else:
            tmp = None
            conn.execute(f"PRAGMA rekey = \"x'{key.hex()}'\"")
    finally:
        conn.close()
    if tmp is not None:
        os.replace(tmp, path)
    keyfile.remember(path, key)
    return key


def rekey(path: Path) -> FileInfo:
    """Give a file a new site id and epoch: for a restored backup or a copy that kept being
    used, so its next writes cannot be mistaken for writes other files already have. Its
    writes made after the fork move to the new site too: see :func:`recovery.rekey`."""
    from .recovery import rekey as rekey_history  # noqa: PLC0415 (recovery imports files)

    rekey_history(Path(path))
    return inspect(path)
