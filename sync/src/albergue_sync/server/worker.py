"""The one writer of the central file: a single thread that merges complete, checked
uploads one at a time, through the engine's ordinary entry point (``merge_files``, the same
call as ``albergue-sync merge``). Request handlers only enqueue.

A server stopped or killed mid-merge loses nothing: the engine's transaction rolls back,
the upload stays ``queued``/``merging`` in the server's state, and the next start merges it
again (a merge that already committed is merged again as a no-op: merges are idempotent)."""

from __future__ import annotations

import json
import logging
import queue

import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

from .. import dbapi as sqlite3
from .. import files, keyfile
from ..engine import Options, ProgressFn
from ..trim import trimmed_since
from ..i18n import SyncRefused
from . import state as st
from .pullfile import gunzip_file
from .store import CentralStore

log = logging.getLogger(__name__)

# The decompressed file may be at most this many times the compressed upload (and 4 GiB).
MAX_RATIO, MAX_FILE = 200, 4 << 30


def file_center_code(path: Path, central: CentralStore | None = None) -> str | None:
    """The code of the center a center file belongs to (meta center_id -> center.code); a
    trimmed export may not carry its center row any more: then the central's row."""
    conn = files.connect(path, readonly=True)
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'center_id'").fetchone()
        center_id = row[0] if row else None
        code = conn.execute("SELECT code FROM center WHERE id = ?", (center_id,)).fetchone()
    finally:
        conn.close()
    if code is None and center_id is not None and central is not None:
        return central.center_code(center_id)
    return code[0] if code else None


class MergeWorker:
    def __init__(self, central: CentralStore, state: st.ServerState, uploads: Path,
                 notify: Callable[[str], None] | None = None,
                 before_merge: Callable[[str], None] | None = None) -> None:
        self.central = central
        self.state = state
        self.uploads = Path(uploads)
        self.notify = notify or (lambda _id: None)
        self.before_merge = before_merge  # tests: a hook run just before a merge starts
        self.progress: ProgressFn | None = None  # the engine's progress (tests, a console)
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="albergue-merge", daemon=True)
        self.merged = 0

    def start(self) -> None:
        for upload_id in self.state.pending():  # left by a server that stopped or was killed
            self._queue.put(upload_id)
        self.prune()
        self._thread.start()

    def prune(self) -> int:
        """Remove the bytes of uploads no longer needed (merged, refused, expired); they
        hold personal data. Returns the files removed."""
        live = self.state.live_uploads()
        removed = 0
        for part in self.uploads.glob("*.gz"):
            if part.name[:-3] not in live:
                part.unlink(missing_ok=True)
                removed += 1
        return removed

    def stop(self) -> None:
        self._queue.put(None)
        self._thread.join(timeout=120)

    def submit(self, upload_id: str) -> None:
        self._queue.put(upload_id)

    def idle(self) -> bool:
        return self._queue.unfinished_tasks == 0

    def _run(self) -> None:
        while True:
            upload_id = self._queue.get()
            try:
                if upload_id is None:
                    return
                self._merge(upload_id)
            finally:
                self._queue.task_done()

    def bookmark(self, site_id: str) -> dict | None:
        """The central's bookmark of a source site (None: never merged)."""
        return self.central.bookmark(site_id)

    def _covered(self, source: Path) -> bool:
        """A trimmed export (``trim.py``) merges only onto a bookmark of the same epoch that
        reaches the change it was cut at; a whole file always does."""
        conn = files.connect(source, readonly=True)
        try:
            since = trimmed_since(conn)
            meta = dict(conn.execute("SELECT key, value FROM meta"))
        finally:
            conn.close()
        if since == 0:
            return True
        seen = self.bookmark(meta["site_id"])
        return (seen is not None and seen["epoch"] == meta.get("epoch")
                and int(seen["seq_merged"]) >= since)

    def _merge(self, upload_id: str) -> None:
        upload = self.state.upload(upload_id)
        if upload is None or upload["state"] not in (st.QUEUED, st.MERGING):
            return
        self.state.set_state(upload_id, st.MERGING)
        part = self.uploads / f"{upload_id}.gz"
        source: Path | None = None
        try:
            with files.WorkDir(self.uploads) as work:
                source = work.path / f"centro-{upload['center']}-{upload_id}.sqlite"
                try:
                    gunzip_file(part, source, min(MAX_FILE, MAX_RATIO * max(1, upload["size"])))
                except (OSError, EOFError, ValueError) as exc:
                    raise SyncRefused("The file sent is not a compressed Albergue file "
                                      "({detail}); nothing was merged.",
                                      detail=str(exc)) from exc
                key = self.state.upload_key(upload_id)
                if key is None:
                    raise SyncRefused("The server does not have the key of the file sent; "
                                      "nothing was merged. Send it again.")
                keyfile.remember(source, key)  # in memory only, for this merge
                files.inspect(source)
                code = file_center_code(source, self.central)
                if code != upload["center"]:
                    raise SyncRefused("This server enrolled this computer for center {center}, "
                                      "but the file sent belongs to center {found}; nothing "
                                      "was merged.", center=upload["center"],
                                      found=code or "-")
                if not self._covered(source):
                    self.state.set_state(upload_id, st.STALE)
                    part.unlink(missing_ok=True)
                    return
                if self.before_merge is not None:
                    self.before_merge(upload_id)
                reports = self.central.merge(source, Options(progress=self.progress))
            for report in reports:
                report.path = f"centro {upload['center']}"
            self.state.mark_merged(upload_id, upload["sha256"], upload["center"],
                                   json.dumps([asdict(r) for r in reports]))
            self.merged += 1
            part.unlink(missing_ok=True)
        except SyncRefused as exc:
            # the engine names its private copy; the center knows its file as its own
            label = f"el archivo del centro {upload['center']}"
            params = {k: label if str(v).startswith(str(files.work_root(self.uploads)))
                      else str(v) for k, v in exc.params.items()}
            central = str(getattr(self.central, "path", "\0"))
            params = {k: v.replace(central, "central") for k, v in params.items()}
            self.state.set_state(upload_id, st.REFUSED, message=exc.msgid,
                                 report=json.dumps(params))
            part.unlink(missing_ok=True)
        except (OSError, sqlite3.Error) as exc:  # a full disk, a busy file: try next start
            self.state.set_state(upload_id, st.QUEUED, message=str(exc))
        except Exception as exc:  # noqa: BLE001 - the one writer must outlive a bad file
            log.exception("merge of upload %s failed", upload_id)
            self.state.set_state(upload_id, st.REFUSED, message=(
                "The central could not merge this file ({detail}); nothing of it was "
                "merged."), report=json.dumps({"detail": type(exc).__name__}))
            part.unlink(missing_ok=True)
        finally:
            if source is not None:
                keyfile.forget(source)
            self.notify(upload_id)
