"""Albergue files as the engine sees them: checked read-only, snapshotted with the SQLite
backup API, upgraded on a temporary copy, created, re-identified.

Nothing here opens a file for writing unless asked to: the checks read through a read-only
connection (``immutable`` when no WAL is present, so no ``-wal``/``-shm`` files appear next to
a file that is refused).
"""

from __future__ import annotations

import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from . import schema
from .i18n import SyncRefused

BUSY_TIMEOUT_MS = 10_000
HLC_COUNTER_BITS = 16


def uri(path: Path, *, readonly: bool) -> str:
    """SQLite URI of ``path``. Read-only URIs of files without a WAL are ``immutable``: the
    read creates no side files and takes no locks (a file with a WAL is read normally so
    its latest committed changes are seen)."""
    text = f"file:{quote(str(Path(path).resolve()))}"
    if not readonly:
        return text
    wal = Path(f"{path}-wal")
    return text + ("?mode=ro" if wal.exists() else "?mode=ro&immutable=1")


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


def check_header(path: Path) -> None:
    if not path.exists():
        raise SyncRefused("{path} does not exist.", path=str(path))
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise SyncRefused("Cannot read {path}: {detail}", path=str(path),
                          detail=exc.strerror or str(exc)) from exc
    if len(header) < 100 or header[:16] != schema.SQLITE_HEADER:
        raise SyncRefused("{path} is not an Albergue database (it is not an SQLite file).",
                          path=str(path))
    # A copy cut short (a USB stick pulled out): the header says how many pages there are.
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if counter_valid and pages and path.stat().st_size < pages * page_size \
            and not Path(f"{path}-wal").exists():
        raise SyncRefused("{path} is damaged ({detail}). Nothing was merged; make a new copy "
                          "of that file.", path=str(path), detail="truncated")


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


def inspect(path: Path) -> FileInfo:
    """Header and meta of an existing Albergue file, read-only. Refuses what is not one, and
    files of a newer schema."""
    path = Path(path)
    check_header(path)
    try:
        conn = connect(path, readonly=True)
    except sqlite3.Error as exc:
        raise damaged(path, exc) from exc
    try:
        info = FileInfo(path, read_meta(conn, path))
    finally:
        conn.close()
    if info.schema_version > schema.CURRENT_SCHEMA_VERSION:
        raise SyncRefused("{path} uses schema {found}, newer than this albergue-sync (schema "
                          "{supported}). Update Albergue on this computer first.",
                          path=str(path), found=info.schema_version,
                          supported=schema.CURRENT_SCHEMA_VERSION)
    return info


def snapshot(source: Path, dest: Path) -> None:
    """A consistent copy of ``source`` (live or not) through the SQLite backup API, as a
    self-contained file (rollback journal, no WAL), checked with ``quick_check``."""
    try:
        src = connect(source, readonly=True)
        try:
            out = sqlite3.connect(dest, isolation_level=None)
            try:
                src.backup(out)
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
    """A new, empty Albergue file with its own site (WAL mode, like the desktop's files)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".creating")
    tmp.unlink(missing_ok=True)
    conn = sqlite3.connect(tmp, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        schema.initialize(conn)
        conn.execute("COMMIT")
        conn.execute("PRAGMA journal_mode = WAL")
    finally:
        conn.close()
    os.replace(tmp, path)
    return inspect(path)


def rekey(path: Path) -> FileInfo:
    """Give a file a new site id and epoch: for a restored backup or a copy that kept being
    used, so its next writes cannot be mistaken for writes other files already have. Its
    writes made after the fork move to the new site too: see :func:`recovery.rekey`."""
    from .recovery import rekey as rekey_history  # noqa: PLC0415 (recovery imports files)

    rekey_history(Path(path))
    return inspect(path)
