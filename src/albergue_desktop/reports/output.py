"""Writing report files safely: into a temporary file beside the target, then ``os.replace``.
A crash, a full disk or a failing writer never leaves a half-written report behind, and a
previous file of the same name stays intact until the new one is complete."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..domain.errors import AlbergueError

_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}


class ReportError(AlbergueError):
    """A report or spreadsheet could not be produced or read (message for the user)."""


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform (Windows)
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomically(out: str | os.PathLike[str], write: Callable[[Path], None]) -> Path:
    """Call ``write(tmp_path)`` and move the result to ``out`` only once it is complete."""
    out = Path(out).expanduser()
    folder = out.parent if str(out.parent) else Path(".")
    if not folder.is_dir():
        raise ReportError("The folder {folder} does not exist.", folder=str(folder))
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise _os_error(exc, out) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        write(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o666 & ~_umask())
        os.replace(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _os_error(exc, out) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    _fsync_dir(folder)
    return out


def _os_error(exc: OSError, out: Path) -> ReportError:
    if exc.errno in _DISK_FULL:
        return ReportError("The disk is full; the file {path} was not saved. Free some space "
                           "and try again.", path=str(out))
    if isinstance(exc, PermissionError):
        return ReportError("Cannot write {path}: permission denied.", path=str(out))
    return ReportError("Cannot write {path}: {detail}", path=str(out),
                       detail=exc.strerror or str(exc))
