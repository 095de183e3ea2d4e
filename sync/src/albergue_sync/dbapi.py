"""The DB-API module every connection to an Albergue file goes through: SQLCipher's
(``sqlcipher3.dbapi2``, the same API as the standard ``sqlite3``), with a :func:`connect`
that keys the connection first. Design: docs/encryption.md ("One place opens connections").

The sync modules import it as ``sqlite3`` (their SQL and error handling are SQLite's); the
desktop's SQLAlchemy engine uses it as its DBAPI module. An encrypted file is keyed with
the data key this process unlocked for it (:mod:`.keyfile`), or one opened through a peer
slot; a plain file (an earlier version's, before conversion, or a foreign one) opens as
SQLite would."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from . import keyfile
from .i18n import SyncRefused

if TYPE_CHECKING:  # the type checker knows the standard module; sqlcipher3's API is the same
    from sqlite3 import (  # noqa: F401
        Connection, Cursor, DatabaseError, Error, IntegrityError, InterfaceError,
        NotSupportedError, OperationalError, ProgrammingError, Row, complete_statement,
        sqlite_version, sqlite_version_info,
    )
    from sqlite3 import connect as _connect
else:
    from sqlcipher3.dbapi2 import (  # noqa: F401
        Connection, Cursor, DatabaseError, Error, IntegrityError, InterfaceError,
        NotSupportedError, OperationalError, ProgrammingError, Row, complete_statement,
        sqlite_version, sqlite_version_info,
    )
    from sqlcipher3.dbapi2 import connect as _connect

import sqlcipher3.dbapi2 as driver  # noqa: E402, F401 (the module itself: SQLAlchemy's DBAPI)

SQLITE_HEADER = b"SQLite format 3\x00"


def path_of(database: str | os.PathLike[str]) -> Path | None:
    """The file behind a path or a ``file:`` URI; None for an in-memory database."""
    text = os.fspath(database)
    if text.startswith("file:"):
        text = unquote(text[5:].split("?", 1)[0])
    if not text or text == ":memory:":
        return None
    return Path(text)


def is_encrypted(path: Path) -> bool:
    """A file with bytes that do not start as SQLite's, beside its key file (or with a key
    this process holds): an Albergue encrypted file. Random bytes without a key file are
    not (the callers refuse them as "not an SQLite file")."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(16)
    except OSError:
        return False
    if not header or header == SQLITE_HEADER:
        return False
    return keyfile.key_for(path) is not None or keyfile.has_keys(path)


def key_pragma(key: bytes) -> str:
    return f"PRAGMA key = \"x'{key.hex()}'\""


def find_key(path: Path) -> bytes | None:
    """The data key to open ``path`` with: unlocked in this process, else through a peer
    slot; None for a plain or missing file. Raises :class:`SyncRefused` for an encrypted
    file this process cannot open."""
    key = keyfile.key_for(path)
    if key is not None or not is_encrypted(path):
        return key
    key = keyfile.unlock_by_peer(path)
    if key is None:
        raise SyncRefused("{path} is encrypted and cannot be opened here: sign in to it, or "
                          "to a file it synchronizes with (a center file opens on the "
                          "central file it sent to, and back).", path=str(path))
    return key


def connect(database: str | os.PathLike[str], *args: Any, key: bytes | None = None,
            **kwargs: Any) -> Connection:
    """``sqlite3.connect`` with the file's key sent first (``PRAGMA key``, a raw 256-bit key:
    no key derivation in SQLCipher). ``key`` overrides the lookup (a new file being
    created encrypted)."""
    path = path_of(database)
    if key is None and path is not None:
        key = find_key(path)
    conn = _connect(database, *args, **kwargs)
    if key is not None:
        conn.execute(key_pragma(key))
    return conn


def attach_key(path: Path) -> str:
    """The ``KEY`` value for ``ATTACH DATABASE ? AS name KEY ?``: the attached file's raw key,
    or '' for a plain file (without KEY, SQLCipher would use the main file's key)."""
    key = find_key(path)
    return "" if key is None else f"x'{key.hex()}'"
