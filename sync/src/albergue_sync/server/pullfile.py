"""The file a center pulls: the central file as of now, without what that center may not
hold, compressed. The center merges it with the ordinary pull (``merge_files`` with
``direction="pull"``), so bookmarks, checks and redaction are those of the USB path.

A center enrolled without health data gets a copy where the rule of a pull without health
data (``albergue_sync.redact``, ``tablemerge._row_filter``) has already been applied on the
central machine: health records of people who are not this center's (registered here or
with a live stay here) are removed, the health audit payloads are withheld, and the
restricted specific-needs codes of other centers' people are withheld (their field dot
becomes ``redact.WITHHELD_DOT``, as the center's own merge would make it). So those values
never cross the network to a center that may not hold them. The center's merge applies the
same rules again (a no-op).

Every pull file is encrypted under a data key of its own (``files.reencrypt``; never the
central's key), held in this process's memory only and given to the enrolled center in
the authenticated answer to ``POST /v1/pulls``: the compressed file on the server's disk
and on the wire opens with nothing else (docs/sync-server.md, "Encrypted files")."""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import auditchain, files, keyfile, redact
from ..rules import HEALTH_TABLES
from ..trim import trim, write_changes
from .store import CentralStore

CHUNK = 1 << 20


@dataclass(frozen=True)
class PullFile:
    path: Path  # gzip of an Albergue file
    sha256: str
    size: int
    seq: int  # the central's change it holds
    center: str  # the center it was made for
    since: int = 0  # trimmed to the changes after this central change (trim.py)
    key: bytes = b""  # the data key the file is encrypted under (memory only)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(CHUNK), b""):
            h.update(block)
    return h.hexdigest()


def gzip_file(source: Path, dest: Path) -> None:
    """Deterministic gzip (no name, no time): the same file gives the same bytes."""
    tmp = dest.with_name(dest.name + ".tmp")
    with open(source, "rb") as src, open(tmp, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=6, mtime=0) as gz:
            shutil.copyfileobj(src, gz, CHUNK)
        raw.flush()
        os.fsync(raw.fileno())
    os.replace(tmp, dest)


def gunzip_file(source: Path, dest: Path, limit: int) -> None:
    """Decompress, refusing more than ``limit`` bytes (a compressed bomb)."""
    written = 0
    with gzip.open(source, "rb") as gz, open(dest, "wb") as out:
        for block in iter(lambda: gz.read(CHUNK), b""):
            written += len(block)
            if written > limit:
                raise ValueError("too large")
            out.write(block)


def withhold_for_center(path: Path, center_code: str) -> None:
    """Apply the pull-without-health rule to the copy ``path`` for center ``center_code``."""
    conn = files.connect(path, readonly=False)  # the same opening as every engine file
    try:
        conn.execute("BEGIN IMMEDIATE")
        row = conn.execute("SELECT id FROM center WHERE code = ? AND deleted = 0 "
                           "ORDER BY id LIMIT 1", (center_code,)).fetchone()
        own = row[0] if row else None
        own_people = ("SELECT id FROM person WHERE center_id = :own UNION SELECT person_id "
                      "FROM stay WHERE center_id = :own AND deleted = 0")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = "
                                             "'table'")}
        for table in sorted(HEALTH_TABLES & tables):
            conn.execute(f"DELETE FROM {table} WHERE person_id IS NULL OR person_id NOT IN "
                         f"({own_people})", {"own": own})
        seqs = [r[0] for r in conn.execute(
            "SELECT change_seq FROM person UNION SELECT change_seq FROM audit_event "
            "UNION SELECT change_seq FROM sync_conflict")]
        for seq in seqs:
            redact.withhold(conn, seq, own)
            auditchain.mark_redacted(conn, seq)
        conn.execute("COMMIT")
        conn.execute("VACUUM")  # removed values leave no trace in free pages
    finally:
        conn.close()


class PullFiles:
    """Pull files of the current state of the central file, made on demand: one snapshot of
    the central per central change, and from it one file per (center, health, since),
    shared by every request for it until the central changes."""

    def __init__(self, central: CentralStore, folder: Path) -> None:
        self.central = central
        self.folder = Path(folder)
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._files: dict[str, PullFile] = {}
        self._base: tuple[str, Path] | None = None

    def get(self, center_code: str, with_health: bool, since: int = 0, epoch: str = ""
            ) -> PullFile:
        with self._lock:
            info = self.central.inspect()
            if epoch != info.epoch or since > info.seq_last:
                since = 0  # another epoch of the central (or a stranger bookmark): whole file
            state = f"{info.epoch}-{info.seq_last}"
            key = f"{state}-{center_code}-{int(with_health)}-{since}"
            known = self._files.get(key)
            if known is not None and known.path.exists():
                return known
            base = self._base_snapshot(state)
            made = self._make(base, key, center_code, with_health, since)
            self._files[key] = made
            return made

    def path_of(self, name: str) -> PullFile | None:
        with self._lock:
            for pull in self._files.values():
                if pull.path.name == name:
                    return pull
        return None

    def _base_snapshot(self, state: str) -> Path:
        if self._base is not None and self._base[0] == state and self._base[1].exists():
            return self._base[1]
        if self._base is not None:
            self._base[1].unlink(missing_ok=True)
            keyfile.forget(self._base[1])
        self._forget_older(state)
        base = self.folder / f"central-{state}.sqlite"
        self.central.snapshot(base)  # consistent, even while a merge writes
        self._base = (state, base)
        return base

    def _make(self, base: Path, key: str, center_code: str, with_health: bool, since: int
              ) -> PullFile:
        work = self.folder / f"{key}.sqlite"
        work.unlink(missing_ok=True)
        try:
            own = _center_id(base, center_code)
            keep = None if with_health else own
            # the changes only, written directly (cost follows them, not the central); the
            # whole central (or one of an older schema): a copy, cut down
            if since == 0 or not _written_changes(base, work, since, keep):
                work.unlink(missing_ok=True)
                shutil.copyfile(base, work)
                keyfile.copy_keys(base, work, key_file=False)  # the central's key, in memory
                trim(work, since, keep_health_of_center=keep)
            seq = files.inspect(work).seq_last
            if not with_health:
                withhold_for_center(work, center_code)
            data_key = files.reencrypt(work)  # its own key: not the central's
            digest = hashlib.sha256(key.encode()).hexdigest()[:16]
            out = self.folder / f"pull-{digest}.sqlite.gz"
            gzip_file(work, out)
        finally:
            work.unlink(missing_ok=True)
            keyfile.forget(work)
            for side in ("-wal", "-shm", "-journal", keyfile.SUFFIX):
                Path(f"{work}{side}").unlink(missing_ok=True)
        return PullFile(out, sha256_file(out), out.stat().st_size, seq, center_code, since,
                        data_key)

    def _forget_older(self, state: str) -> None:
        """Files of older central changes are dropped once no request can still be starting
        on them; a download in progress keeps its open file (POSIX) or, cut, starts again
        on a new file."""
        for key in [k for k in self._files if not k.startswith(f"{state}-")]:
            old = self._files.pop(key)
            try:
                old.path.unlink(missing_ok=True)
            except OSError:
                pass  # still open for a download (Windows): removed with the folder later


def _written_changes(base: Path, dest: Path, since: int, keep: str | None) -> bool:
    try:
        write_changes(base, dest, since, keep_health_of_center=keep)
    except ValueError:  # not of the current schema
        return False
    return True


def _center_id(path: Path, center_code: str) -> str | None:
    conn = files.connect(path, readonly=False)
    try:
        row = conn.execute("SELECT id FROM center WHERE code = ? AND deleted = 0 ORDER BY id "
                           "LIMIT 1", (center_code,)).fetchone()
    finally:
        conn.close()
    return row[0] if row else None
