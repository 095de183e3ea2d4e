"""Converting a plain database file of an earlier version into an encrypted one, in place,
losing nothing (docs/encryption.md section 3).

The plain file is exported with ``sqlcipher_export`` into ``<name>.cifrando`` under a new
data key, the copy is verified (``quick_check``, the row count of every table and the whole
``meta`` table equal to the plain file's), the key file is written (a slot for the user
converting, and the recovery code), and the encrypted copy is renamed over the plain file.
Until then the plain file is the backup: it stays as it was, and a hard link of it
(``<name>.antes-de-cifrar``) guards the moment of the rename; the link is removed as soon as
the encrypted file is in place, so no readable copy of the people's data is left behind.
A kill at any point leaves the plain file or the verified encrypted one; what a killed
run left is cleaned by the next open (:func:`finish_pending`).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from albergue_sync import dbapi as sqlite3
from albergue_sync import keyfile

from ..domain.errors import StorageError

WORK_SUFFIX = ".cifrando"
BACKUP_SUFFIX = ".antes-de-cifrar"


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def finish_pending(path: Path) -> None:
    """What a killed conversion left beside ``path``: a half-made encrypted copy, or the
    plain hard link when the encrypted file is already in place (readable data: removed).
    While ``path`` is still plain, its link is the same file and is only unlinked."""
    for leftover in (_side(path, WORK_SUFFIX), _side(path, BACKUP_SUFFIX)):
        for extra in ("", "-journal", "-wal", "-shm"):
            Path(f"{leftover}{extra}").unlink(missing_ok=True)


def _counts(conn, db: str) -> dict[str, int]:
    """Rows of every table (a full-text index through its shadow tables)."""
    tables = [r[0] for r in conn.execute(
        f"SELECT name FROM {db}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")]
    return {t: conn.execute(f'SELECT count(*) FROM {db}."{t}"').fetchone()[0] for t in tables}


def convert_plain(path: Path, username: str, password: str) -> str:
    """Encrypt the plain file at ``path`` (closed by the caller) in place; returns the new
    recovery code (to show once). ``username``'s slot is made with ``password``; the other
    users get theirs when they next sign in to the open file, or when an administrator
    resets their password."""
    path = Path(path)
    finish_pending(path)
    size = path.stat().st_size + sum(
        Path(f"{path}{s}").stat().st_size for s in ("-wal",) if Path(f"{path}{s}").exists())
    if shutil.disk_usage(path.parent).free < 2 * size + 1024 * 1024:
        raise StorageError("The disk is full; nothing was saved. Free some space and try again.")
    work = _side(path, WORK_SUFFIX)
    key = keyfile.create(work, keep=False)  # the key file is renamed with the database
    try:
        plain = sqlite3.connect(path, isolation_level=None)
        try:
            plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            problems = [r[0] for r in plain.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise StorageError("{path} is damaged ({detail}). Nothing was changed in it; "
                                   "restore it from a backup or ask for help.",
                                   path=str(path), detail="; ".join(problems))
            plain.execute("ATTACH DATABASE ? AS enc KEY ?", (str(work), f"x'{key.hex()}'"))
            plain.execute("SELECT sqlcipher_export('enc')")
            version = plain.execute("PRAGMA main.user_version").fetchone()[0]
            plain.execute(f"PRAGMA enc.user_version = {int(version)}")
            before, meta = _counts(plain, "main"), plain.execute(
                "SELECT key, value FROM main.meta ORDER BY key").fetchall()
            after, meta_after = _counts(plain, "enc"), plain.execute(
                "SELECT key, value FROM enc.meta ORDER BY key").fetchall()
            plain.execute("DETACH DATABASE enc")
        finally:
            plain.close()
        check = sqlite3.connect(work, isolation_level=None, key=key)
        try:
            problems = [r[0] for r in check.execute("PRAGMA quick_check(5)")]
            virtual = [r[0] for r in check.execute(
                "SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")]
            for table in virtual:  # the full-text index answers in the encrypted copy
                check.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            check.execute("PRAGMA journal_mode = WAL")
        finally:
            check.close()
        if problems != ["ok"] or before != after or meta != meta_after:
            raise StorageError("{path} could not be encrypted ({detail}); it was left as it "
                               "was.", path=str(path), detail="verification")
        keyfile.add_user(work, username, password, key=key)
        code = keyfile.add_recovery(work, key=key)
        # the plain file's own WAL (checkpointed, empty) must not outlive it
        for extra in ("-wal", "-shm"):
            Path(f"{path}{extra}").unlink(missing_ok=True)
        backup = _side(path, BACKUP_SUFFIX)
        try:
            os.link(path, backup)
        except OSError:
            backup = path  # no hard links here (FAT stick): the rename below is atomic anyway
        os.replace(keyfile.keys_path(work), keyfile.keys_path(path))
        os.replace(work, path)
        keyfile.remember(path, key)
        if backup != path:
            backup.unlink()
    except BaseException:
        for extra in ("", "-wal", "-shm", "-journal", keyfile.SUFFIX):
            Path(f"{work}{extra}").unlink(missing_ok=True)
        raise
    return code
