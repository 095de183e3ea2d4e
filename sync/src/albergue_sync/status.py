"""What a file holds, for ``albergue-sync status`` and for export."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from . import files, keyfile
from .engine import read_bookmarks
from .i18n import SyncRefused
from .tablemerge import synced_tables


def status(path: Path) -> dict[str, Any]:
    info = files.inspect(path)
    conn = files.connect(path, readonly=False)  # only read
    try:
        sources = sorted(read_bookmarks(conn).values(), key=lambda b: b["merged_at"],
                         reverse=True)
        tables = {}
        for table in synced_tables(conn):
            live, deleted = conn.execute(
                f"SELECT count(*) - coalesce(sum(deleted), 0), coalesce(sum(deleted), 0) "
                f"FROM {table}").fetchone()
            tables[table] = {"live": live, "deleted": deleted}
        has_log = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'sync_conflict'").fetchone()
        open_conflicts = conn.execute(
            "SELECT count(*) FROM sync_conflict WHERE resolved = 0").fetchone()[0] \
            if has_log else 0
    finally:
        conn.close()
    return {
        "path": str(path), "site_id": info.site_id, "epoch": info.epoch,
        "schema_version": info.schema_version, "seq_last": info.seq_last,
        "center_id": info.center_id,
        "sources": [{**s, "with_health": bool(s["with_health"])} for s in sources],
        "tables": tables, "open_conflicts": open_conflicts,
    }


def export(source: Path, dest: Path) -> dict[str, Any]:
    """A consistent, self-contained copy of a (possibly live) Albergue file, written next to
    ``dest`` and renamed into place, so a half-written copy never carries the final name."""
    info = files.inspect(source)
    if dest.resolve() == source.resolve():
        raise SyncRefused("The copy must go to another file than {path}.", path=str(source))
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".partial")
    tmp.unlink(missing_ok=True)
    try:
        files.snapshot(source, tmp)
        copied = files.inspect(tmp)
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest)
        keyfile.copy_keys(source, dest)  # the copy opens as its source does
    finally:
        tmp.unlink(missing_ok=True)
        keyfile.forget(tmp)
    return {"source": str(source), "path": str(dest), "site_id": info.site_id,
            "seq": copied.seq_last, "size": dest.stat().st_size}
