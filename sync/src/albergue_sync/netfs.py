"""Refuse to write an SQLite file that sits on a network file system (SYNC.md guarantee 11).

SQLite's locks are unreliable over NFS and SMB and its WAL needs shared memory that a network
share cannot give: two writers there can corrupt the file. A central file is written by one
process on the central machine (``albergue-sync serve`` or ``dropfolder``), on a local disk.

Linux: the longest mount point of ``/proc/mounts`` that holds the path, and its type.
Windows: a UNC path (``\\\\server\\share``) or a drive that ``GetDriveTypeW`` calls remote.
Elsewhere nothing is detected (macOS users are told in the docs).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .i18n import SyncRefused
from .server import messages  # noqa: F401  (the Spanish of the refusal below)

# File system types of /proc/mounts that are network (or user-space remote) file systems.
NETWORK_TYPES = frozenset({
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "sshfs", "9p",
    "afs", "ceph", "glusterfs", "fuse.glusterfs", "lustre", "ncpfs", "coda", "davfs",
    "fuse.davfs2", "fuse.rclone", "fuse.s3fs", "gpfs", "ocfs2", "gfs2", "virtiofs",
})
_DRIVE_REMOTE = 4  # GetDriveTypeW: DRIVE_REMOTE


def _unescape(field: str) -> str:
    """/proc/mounts escapes spaces, tabs, newlines and backslashes as octal."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and len(field[i + 1:i + 4]) == 3 and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def mount_type(path: Path, mounts_text: str | None = None) -> str | None:
    """The file system type of the mount that holds ``path`` (Linux), or None."""
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text("utf-8", errors="replace")
        except OSError:
            return None
    target = str(_existing(path))
    best, best_type = "", None
    for line in mounts_text.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point, fstype = _unescape(parts[1]), parts[2]
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fstype
    return best_type


def _existing(path: Path) -> Path:
    """``path`` resolved, or its nearest existing parent (a central file not made yet)."""
    path = Path(path).absolute()
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate.resolve()
    return path


def is_network_type(fstype: str | None) -> bool:
    if not fstype:
        return False
    fstype = fstype.lower()
    return fstype in NETWORK_TYPES or fstype.startswith(("smb", "nfs", "fuse.sshfs"))


def _windows_remote(path: Path) -> bool:  # pragma: no cover - Windows
    text = str(Path(path).absolute())
    if text.startswith("\\\\"):
        return True  # \\server\share (and \\?\UNC\...)
    import ctypes  # noqa: PLC0415

    drive = os.path.splitdrive(text)[0]
    if not drive:
        return False
    return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == _DRIVE_REMOTE  # type: ignore[attr-defined]


def network_kind(path: Path) -> str | None:
    """A description of the network file system ``path`` is on, or None when local (or
    unknown)."""
    if sys.platform == "win32":  # pragma: no cover - Windows
        return "red de Windows" if _windows_remote(path) else None
    fstype = mount_type(path)
    return fstype if is_network_type(fstype) else None


def refuse_network(path: Path, kind: str | None = None) -> None:
    """SyncRefused when the SQLite file ``path`` (existing or to be created) is on a network
    file system. ``kind`` overrides the detection (tests)."""
    kind = kind if kind is not None else network_kind(path)
    if kind:
        raise SyncRefused(
            "{path} is on a network file system ({kind}). SQLite cannot be written safely "
            "there (its locks are unreliable and WAL does not work): two centers writing at "
            "once can damage the file. Keep the central file on a local disk of the central "
            "machine and use `albergue-sync serve` (or `albergue-sync dropfolder` with a "
            "shared folder of export files).", path=str(path), kind=kind)
