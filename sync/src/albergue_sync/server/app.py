"""The HTTPS API of ``albergue-sync serve`` (Starlette). See docs/sync-server.md.

Every route but ``/v1/hello`` and ``/v1/enroll`` needs ``Authorization: Bearer TOKEN`` of a
live credential: an unknown one gets 401, a revoked one 403. Errors are JSON
``{"error": CODE, "message": MSGID, "params": {...}}``; the client words them in its
language from the sync catalog.

Push: ``GET /v1/bookmark?site=ID`` says how far the central merged that site (the client
trims its export there: ``albergue_sync.trim``); ``POST /v1/uploads`` ({sha256, size} of
the gzip of an export file, and ``key``: the data key that file is encrypted under) opens
or resumes an upload session (the same bytes already merged: answered ``merged`` at once);
``PATCH /v1/uploads/ID`` with ``Upload-Offset: N`` appends a chunk at the server's offset
(another offset: 409 with the right one); the last byte triggers the hash check, then the
upload is queued for the one merge worker. ``GET /v1/uploads/ID?wait=S`` waits up to S
seconds for the merge. Pull: ``POST /v1/pulls`` names a pull file of the central as of now
for this center and gives its data key (``since``: the center's bookmark of the central,
same ``epoch``), ``GET /v1/pulls/NAME`` downloads it (``Range`` supported)."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from pathlib import Path

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, JSONResponse, Response
from starlette.routing import Route

from .. import __version__, dbapi
from ..i18n import SyncRefused
from . import state as st
from .pullfile import PullFiles, sha256_file
from .store import SqliteCentral
from .worker import MergeWorker

MAX_UPLOAD = 2 << 30
API = "albergue-sync/1"


def _error(status: int, code: str, msgid: str, **params: object) -> JSONResponse:
    return JSONResponse({"error": code, "message": msgid, "params": params}, status_code=status)


class _Waiters:
    """Long polls waiting for an upload's merge; woken from the worker thread."""

    def __init__(self) -> None:
        self.loop: asyncio.AbstractEventLoop | None = None
        self._events: dict[str, set[asyncio.Event]] = {}

    def wake(self, upload_id: str) -> None:  # any thread
        if self.loop is not None and not self.loop.is_closed():
            self.loop.call_soon_threadsafe(self._fire, upload_id)

    def _fire(self, upload_id: str) -> None:
        for event in self._events.pop(upload_id, set()):
            event.set()

    async def wait(self, upload_id: str, seconds: float) -> None:
        event = asyncio.Event()
        self._events.setdefault(upload_id, set()).add(event)
        try:
            await asyncio.wait_for(event.wait(), seconds)
        except TimeoutError:
            pass
        finally:
            self._events.get(upload_id, set()).discard(event)


class SyncServer:
    """The application and what it owns: the server state, the merge worker, the pull
    files."""

    def __init__(self, central: Path, folder: Path, fingerprint: bytes) -> None:
        self.central = Path(central)
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        # the server signed in to the central (``serve --user``): its data key is in memory
        central_key = dbapi.find_key(self.central)
        if central_key is None:
            raise SyncRefused("{path} is not encrypted: the sync server serves only an "
                              "encrypted central file. Sign in to it once with the app as an "
                              "administrator (it is encrypted then), and start the server "
                              "with --user USER.", path=str(self.central))
        self.state = st.ServerState(self.folder, wrap_key=central_key)
        self.uploads = self.folder / "uploads"
        self.uploads.mkdir(mode=0o700, exist_ok=True)
        self.waiters = _Waiters()
        self.store = SqliteCentral(self.central)
        self.worker = MergeWorker(self.store, self.state, self.uploads,
                                  notify=self.waiters.wake)
        self.pulls = PullFiles(self.store, self.folder / "pulls")
        self._locks: dict[str, asyncio.Lock] = {}
        self.app = Starlette(routes=[
            Route("/v1/hello", self.hello, methods=["GET"]),
            Route("/v1/enroll", self.enroll, methods=["POST"]),
            Route("/v1/uploads", self.open_upload, methods=["POST"]),
            Route("/v1/uploads/{id}", self.get_upload, methods=["GET"]),
            Route("/v1/uploads/{id}", self.put_chunk, methods=["PATCH"]),
            Route("/v1/bookmark", self.get_bookmark, methods=["GET"]),
            Route("/v1/pulls", self.open_pull, methods=["POST"]),
            Route("/v1/pulls/{name}", self.get_pull, methods=["GET"]),
        ], lifespan=self._lifespan)

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Starlette) -> AsyncIterator[None]:
        self.waiters.loop = asyncio.get_running_loop()
        self.worker.start()
        try:
            yield
        finally:
            await run_in_threadpool(self.worker.stop)

    # --- helpers ------------------------------------------------------------------------
    def _credential(self, request: Request) -> st.Credential | JSONResponse:
        header = request.headers.get("authorization", "")
        token = header[7:].strip() if header.lower().startswith("bearer ") else ""
        cred = self.state.credential(token) if token else None
        if cred is None:
            return _error(401, "unknown_credential",
                          "This server does not know this computer. Enroll it again with a "
                          "new code from the central.")
        if cred.revoked:
            return _error(403, "revoked",
                          "The central revoked the access of this computer (center {center}). "
                          "Ask the central for a new enrollment code.",
                          center=cred.center_code)
        return cred

    def _offset(self, upload: dict) -> int:
        part = self.uploads / f"{upload['id']}.gz"
        if upload["state"] != st.RECEIVING:
            return int(upload["size"])
        return part.stat().st_size if part.exists() else 0

    def _describe(self, upload: dict) -> dict:
        params = json.loads(upload["report"]) if upload["state"] == st.REFUSED and \
            upload["report"] else {}
        report = json.loads(upload["report"]) if upload["state"] == st.MERGED and \
            upload["report"] else None
        return {"id": upload["id"], "state": upload["state"], "size": upload["size"],
                "offset": self._offset(upload), "sha256": upload["sha256"],
                "message": upload["message"] if upload["state"] == st.REFUSED else None,
                "params": params, "report": report}

    def _own_upload(self, request: Request, cred: st.Credential) -> dict | None:
        upload = self.state.upload(request.path_params["id"])
        return upload if upload is not None and upload["center"] == cred.center_code else None

    # --- routes -------------------------------------------------------------------------
    async def hello(self, request: Request) -> Response:
        return JSONResponse({"api": API, "version": __version__})

    async def enroll(self, request: Request) -> Response:
        try:
            body = await request.json()
            secret = str(body["secret"])
            center = None if body.get("center") is None else str(body["center"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return _error(400, "bad_request", "The request is not valid.")
        try:
            cred, token = await run_in_threadpool(self.state.redeem, secret, center)
        except SyncRefused as exc:
            code = "wrong_center" if "own" in exc.params else "bad_code"
            return _error(403, code, exc.msgid, **exc.params)
        return JSONResponse({"credential": cred.id, "token": token, "center": cred.center_code,
                             "with_health": cred.with_health})

    async def open_upload(self, request: Request) -> Response:
        cred = self._credential(request)
        if isinstance(cred, JSONResponse):
            return cred
        try:
            body = await request.json()
            sha, size = str(body["sha256"]).lower(), int(body["size"])
            # the data key the export was encrypted under (docs/sync-server.md)
            key = bytes.fromhex(str(body["key"]))
        except (ValueError, KeyError, TypeError):
            return _error(400, "bad_request", "The request is not valid.")
        if len(sha) != 64 or not 0 < size <= MAX_UPLOAD or len(key) != 32:
            return _error(400, "bad_request", "The request is not valid.")
        self.state.seen(cred)
        upload = self.state.find_upload(cred.center_code, sha)
        if upload is None or upload["size"] != size or upload["state"] == st.REFUSED:
            upload = self.state.new_upload(cred, sha, size)
            if self.state.was_merged(sha):  # the same export, merged before: a no-op
                self.state.mark_merged(upload["id"], sha, cred.center_code, "[]")
                upload = self.state.upload(upload["id"]) or upload
        if upload["state"] in (st.RECEIVING, st.QUEUED, st.MERGING):
            self.state.set_upload_key(upload["id"], key)  # wrapped under the central's key
        return JSONResponse(self._describe(upload))

    async def get_upload(self, request: Request) -> Response:
        cred = self._credential(request)
        if isinstance(cred, JSONResponse):
            return cred
        upload = self._own_upload(request, cred)
        if upload is None:
            return _error(404, "no_upload", "The server does not have that upload; send it "
                                            "again.")
        try:
            wait = min(float(request.query_params.get("wait", "0")), 60.0)
        except ValueError:
            wait = 0.0
        if wait > 0 and upload["state"] in (st.QUEUED, st.MERGING):
            await self.waiters.wait(upload["id"], wait)
            upload = self.state.upload(upload["id"]) or upload
        return JSONResponse(self._describe(upload))

    async def put_chunk(self, request: Request) -> Response:
        cred = self._credential(request)
        if isinstance(cred, JSONResponse):
            return cred
        upload = self._own_upload(request, cred)
        if upload is None:
            return _error(404, "no_upload", "The server does not have that upload; send it "
                                            "again.")
        lock = self._locks.setdefault(upload["id"], asyncio.Lock())
        async with lock:
            upload = self.state.upload(upload["id"]) or upload
            if upload["state"] != st.RECEIVING:
                return JSONResponse(self._describe(upload))
            offset = self._offset(upload)
            try:
                claimed = int(request.headers.get("upload-offset", "-1"))
            except ValueError:
                claimed = -1
            if claimed != offset:
                return JSONResponse({**self._describe(upload), "error": "offset"},
                                    status_code=409)
            part = self.uploads / f"{upload['id']}.gz"
            size = int(upload["size"])
            written = offset
            with open(part, "ab") as fh:
                try:
                    async for chunk in request.stream():
                        if written + len(chunk) > size:
                            fh.truncate(offset)
                            return _error(400, "too_long", "The request is not valid.")
                        fh.write(chunk)
                        written += len(chunk)
                except ClientDisconnect:
                    pass  # what arrived is kept: the client resumes at the new offset
                fh.flush()
                await run_in_threadpool(_fsync, fh.fileno())
            if written == size:
                await self._complete(upload, part)
                self._locks.pop(upload["id"], None)  # complete: no chunk comes any more
            upload = self.state.upload(upload["id"]) or upload
            return JSONResponse(self._describe(upload))

    async def _complete(self, upload: dict, part: Path) -> None:
        if await run_in_threadpool(sha256_file, part) != upload["sha256"]:
            part.unlink(missing_ok=True)
            self.state.set_state(upload["id"], st.CORRUPT,
                                 message="The file arrived damaged; it is sent again.")
            return
        self.state.set_state(upload["id"], st.QUEUED)
        self.worker.submit(upload["id"])

    async def get_bookmark(self, request: Request) -> Response:
        """How far the central merged a site (so the client sends only what follows)."""
        cred = self._credential(request)
        if isinstance(cred, JSONResponse):
            return cred
        seen = await run_in_threadpool(self.worker.bookmark,
                                       request.query_params.get("site", ""))
        central = await run_in_threadpool(self.store.inspect)
        return JSONResponse({"central_site": central.site_id, "central_epoch": central.epoch,
                             **{k: seen[k] for k in ("epoch", "seq_merged", "seq_mark")
                                if seen}})

    async def open_pull(self, request: Request) -> Response:
        cred = self._credential(request)
        if isinstance(cred, JSONResponse):
            return cred
        self.state.seen(cred)
        try:
            body = await request.json()
            since, epoch = int(body.get("since", 0)), str(body.get("epoch", ""))
        except (ValueError, TypeError, AttributeError):
            since, epoch = 0, ""
        try:
            pull = await run_in_threadpool(self.pulls.get, cred.center_code, cred.with_health,
                                           since, epoch)
        except SyncRefused as exc:
            return _error(503, "central", exc.msgid, **exc.params)
        return JSONResponse({"name": pull.path.name, "sha256": pull.sha256, "size": pull.size,
                             "seq": pull.seq, "since": pull.since, "key": pull.key.hex(),
                             "with_health": cred.with_health})

    async def get_pull(self, request: Request) -> Response:
        cred = self._credential(request)
        if isinstance(cred, JSONResponse):
            return cred
        pull = self.pulls.path_of(request.path_params["name"])
        if pull is None or pull.center != cred.center_code or not pull.path.exists():
            return _error(404, "no_pull", "The central changed since this download started; "
                                          "it starts again.")
        return FileResponse(pull.path, media_type="application/gzip")


def _fsync(fd: int) -> None:
    import os  # noqa: PLC0415

    os.fsync(fd)
