"""The central store behind the server: what the server needs from "the central", so that
a national program can put another store behind the same API (docs/sync-server.md, "Beyond
one machine"). The server never touches the central file but through this.

:class:`SqliteCentral` is the store of today: one Albergue SQLite file on a local disk,
merged through the engine's ordinary entry point (``merge_files``). Another store (for
example PostgreSQL) keeps the same merge rules (``rowmerge``, ``rules``, ``redact``) and
produces and consumes the same file form, so the centers do not change."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from .. import files
from ..engine import Options, SourceReport, merge_files, read_bookmarks


class CentralStore(Protocol):
    def inspect(self) -> files.FileInfo:
        """Identity and clocks of the central (site, epoch, last change)."""

    def bookmark(self, site_id: str) -> dict | None:
        """How far the central merged a source site (epoch, seq_merged, seq_mark)."""

    def center_code(self, center_id: str) -> str | None:
        """The code of a center the central knows."""

    def merge(self, source: Path, options: Options) -> list[SourceReport]:
        """Merge one center export file (whole or trimmed), atomically. The only write."""

    def snapshot(self, dest: Path) -> None:
        """A consistent Albergue file of the central as of now (for the pull files)."""


class SqliteCentral:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def inspect(self) -> files.FileInfo:
        return files.inspect(self.path)

    def bookmark(self, site_id: str) -> dict | None:
        conn = files.connect(self.path, readonly=False)  # only read
        try:
            return read_bookmarks(conn).get(site_id)
        finally:
            conn.close()

    def center_code(self, center_id: str) -> str | None:
        conn = files.connect(self.path, readonly=False)  # only read
        try:
            row = conn.execute("SELECT code FROM center WHERE id = ?", (center_id,)).fetchone()
        finally:
            conn.close()
        return row[0] if row else None

    def merge(self, source: Path, options: Options) -> list[SourceReport]:
        return merge_files(self.path, [source], options)

    def snapshot(self, dest: Path) -> None:
        files.snapshot(self.path, dest)
