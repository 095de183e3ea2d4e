"""The app's private temporary folder: ``<data folder>/tmp/<pid>-<random>/`` (0700).

Temporary files of the app hold personal data: openpyxl's write-only sheets while an export
runs, the PDF previews of the report screen, copies made while saving. The system temp
folder (``/tmp``) is shared with every user and program of the computer and is not emptied
when the app is killed. :func:`install` points Python's :mod:`tempfile` at a folder of this
process inside the user's private data folder (``tempfile.tempdir``, the documented default
of every ``tempfile`` call, openpyxl's included), removes it at a normal exit, and removes
the folders of processes that died (a killed export) at the next start. Threat model:
docs/threat-model.md (T4, T7)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import time
from pathlib import Path

from .db import data_dir, ensure_private_dir

TMP_NAME = "tmp"
# When it cannot be known whether a folder's process is alive (Windows), a folder untouched
# this long is stale: no export or preview of the app lasts two days.
STALE_SECONDS = 2 * 24 * 3600


def tmp_root(base: Path | None = None) -> Path:
    return (base if base is not None else data_dir()) / TMP_NAME


def _alive(pid: int) -> bool | None:
    """True/False when the OS says so; None when it cannot be known here."""
    if os.name != "posix":
        return None
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    except OSError:
        return None
    return True


def _owner_pid(entry: Path) -> int | None:
    head = entry.name.split("-", 1)[0]
    return int(head) if head.isdigit() else None


def clean_stale(root: Path, *, now: float | None = None) -> list[Path]:
    """Remove what dead processes left in ``root``: folders of processes that no longer
    run, and anything else (not a folder of a live process) older than
    :data:`STALE_SECONDS`. Returns what was removed."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(root.iterdir())
    except FileNotFoundError:
        return removed
    for entry in entries:
        pid = _owner_pid(entry)
        if pid == os.getpid():
            continue
        alive = _alive(pid) if pid is not None else False
        if alive is None or alive:
            try:
                old = now - entry.lstat().st_mtime > STALE_SECONDS
            except OSError:
                continue
            if alive or not old:
                continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
        removed.append(entry)
    return removed


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def install(base: Path | None = None) -> Path:
    """Clean what earlier runs left, make this process's private temp folder and make it
    the default of :mod:`tempfile`. Returns the folder."""
    base = base if base is not None else data_dir()
    ensure_private_dir(base)  # mkdir(parents=True) would leave the data folder 0755
    root = ensure_private_dir(tmp_root(base))
    clean_stale(root)
    mine = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=root))  # 0700
    tempfile.tempdir = str(mine)
    atexit.register(_remove, mine)
    return mine
