"""A center talking to ``albergue-sync serve``: enroll once, then push and pull over HTTPS.

- :func:`connect` (:mod:`.connection`): a one-time code from the central (it carries the
  fingerprint of the server's certificate). The certificate the server presents must match
  it; it is then pinned (only it is trusted) with the per-center credential in the
  connection file beside the center's database (``.NAME.albergue-server.json``,
  owner-only).
- :func:`push`: the same export file the USB path merges (``status.export``: a consistent
  snapshot, in a private folder beside the database), gzip-compressed, uploaded in chunks
  at the server's offset; a cut connection resumes where the server stands (or the upload
  starts again when the bytes arrived damaged); then waits for the merge's answer. The same
  bytes merged before are a no-op at the server.
- :func:`pull`: the central's pull file for this center, downloaded with ``Range`` resume,
  hash-checked, decompressed and merged with the ordinary pull (``merge_files`` with
  ``direction="pull"``): bookmarks make it incremental, as from a USB stick.

Errors are :class:`ServerRefused` (a SyncRefused: Spanish message, exit code 1) with a
``code``: offline, certificate, unknown_credential, revoked, refused, ..."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import httpx

from . import connection, files, keyfile
from .connection import (
    Connection, ServerRefused, connect, http_client, refusal, request, retrying,
    transport_error,
)
from .engine import Options, SourceReport, merge_files, read_bookmarks, seq_mark
from .server.pullfile import gunzip_file, gzip_file, sha256_file
from .trim import trim

__all__ = ["CHUNK", "Connection", "PullResult", "PushResult", "ServerRefused", "connect",
           "pull", "push"]

CHUNK = 256 * 1024


@dataclass
class PushResult:
    state: str  # merged
    sha256: str
    size: int  # compressed bytes
    raw_size: int  # the export file
    reports: list[dict] = field(default_factory=list)
    resumed: int = 0  # times the upload went on after a cut connection
    seconds: float = 0.0
    since: int = 0  # the export was cut to the changes after this one (0: whole file)
    seq: int = 0  # the last change of this database the push carried


@dataclass
class PullResult:
    seq: int
    size: int
    reports: list[SourceReport] = field(default_factory=list)
    resumed: int = 0


# --- push ------------------------------------------------------------------------------

def push(db: Path, conn: Connection | None = None, *, chunk: int = CHUNK,
         transport: httpx.BaseTransport | None = None, wait: float = 600.0,
         cancelled: Callable[[], bool] | None = None, whole: bool = False) -> PushResult:
    """Send this database's changes to the server and wait for its merge: the export file
    (``status.export``) cut to what the central has not merged yet (``trim.py``; the whole
    file with ``whole``, the first time, or when the central's bookmark does not match)."""
    from .status import export  # noqa: PLC0415 (status imports the engine)

    db = Path(db)
    conn = conn or Connection.load(db)
    started = time.perf_counter()
    with files.WorkDir(db) as work, http_client(conn, transport) as client:
        snapshot = work.path / "export.sqlite"
        export(db, snapshot)
        info = files.inspect(snapshot)
        since = 0
        if not whole:
            seen, _n = retrying(conn, partial(_bookmark, client, conn, info.site_id),
                                 cancelled)
            since = _since(snapshot, info, seen)
        for _attempt in range(2):
            packed = work.path / f"export-{since}.sqlite.gz"
            staged = work.path / f"export-{since}.sqlite"
            shutil.copyfile(snapshot, staged)
            keyfile.copy_keys(snapshot, staged, key_file=False)
            trim(staged, since)
            travel_key = files.reencrypt(staged)  # its own key: not this database's
            gzip_file(staged, packed)
            sha, size = sha256_file(packed), packed.stat().st_size
            result = _upload(client, conn, packed, sha, size, travel_key, chunk, wait,
                             cancelled)
            if result.state != "stale" or since == 0:
                break
            since = 0  # the central's bookmark moved back: the whole file
        result.raw_size = staged.stat().st_size
        result.since, result.seq = since, info.seq_last
        for made in (snapshot, *work.path.glob("export-*.sqlite")):
            keyfile.forget(made)  # the work folder goes: its keys leave memory too
    result.seconds = time.perf_counter() - started
    return result


def _bookmark(client: httpx.Client, conn: Connection, site_id: str) -> dict:
    return request(client, conn, "GET", "/v1/bookmark", params={"site": site_id}).json()


def _since(snapshot: Path, info: files.FileInfo, seen: dict) -> int:
    """Where to cut the export: the central's bookmark of this site, when it is of this
    epoch and the change it ends at is still this file's (not a restored backup)."""
    if seen.get("epoch") != info.epoch or "seq_merged" not in seen:
        return 0
    since = int(seen["seq_merged"])
    if since > info.seq_last:
        return 0
    db = files.connect(snapshot, readonly=True)
    try:
        mark = seq_mark(db, since)
    finally:
        db.close()
    return since if mark == seen.get("seq_mark") else 0


def _upload(client: httpx.Client, conn: Connection, packed: Path, sha: str, size: int,
            key: bytes, chunk: int, wait: float, cancelled: Callable[[], bool] | None
            ) -> PushResult:
    """Upload ``packed`` (encrypted under ``key``: the key goes with the request that
    opens or resumes the upload, over the pinned TLS connection, never with the bytes)."""
    resumed = 0
    for _restart in range(5):  # a corrupt arrival starts the upload again
        upload, n = retrying(conn, lambda: request(
            client, conn, "POST", "/v1/uploads",
            json={"sha256": sha, "size": size, "key": key.hex()}).json(), cancelled)
        resumed += n
        with open(packed, "rb") as fh:
            while upload["state"] == "receiving":
                if cancelled is not None and cancelled():
                    raise ServerRefused("cancelled", "Sending was cancelled; what arrived "
                                        "is kept and the next send goes on from there.")
                fh.seek(upload["offset"])
                body = fh.read(chunk)
                upload, n = retrying(conn, partial(_send_chunk, client, conn, upload, body),
                                      cancelled)
                resumed += n
        deadline = time.monotonic() + wait
        while upload["state"] in ("queued", "merging") and time.monotonic() < deadline:
            upload, n = retrying(conn, partial(_wait_merge, client, conn, upload["id"]),
                                  cancelled)
            resumed += n
        if upload["state"] in ("merged", "stale"):
            return PushResult(upload["state"], sha, size, 0, upload.get("report") or [],
                              resumed)
        if upload["state"] == "refused":
            raise ServerRefused("refused", upload["message"], **(upload.get("params") or {}))
        if upload["state"] in ("queued", "merging"):
            raise ServerRefused("pending", "The central received the changes but has not "
                                "merged them yet; it will. Look again later.")
    raise ServerRefused("corrupt", "The file kept arriving damaged at the server; try again "
                        "on a better connection.")


def _wait_merge(client: httpx.Client, conn: Connection, upload_id: str) -> dict:
    return request(client, conn, "GET", f"/v1/uploads/{upload_id}",
                    params={"wait": "30"}).json()


def _send_chunk(client: httpx.Client, conn: Connection, upload: dict, body: bytes) -> dict:
    try:
        response = request(client, conn, "PATCH", f"/v1/uploads/{upload['id']}",
                            content=body, headers={"Upload-Offset": str(upload["offset"])})
    except ServerRefused as exc:
        if exc.code != "offline":
            raise
        # the connection was cut: where does the server stand now?
        state = request(client, conn, "GET", f"/v1/uploads/{upload['id']}").json()
        if state["offset"] == upload["offset"] and state["state"] == "receiving":
            raise  # nothing arrived: retried
        return state
    return response.json()  # 200, or 409 with the server's offset


# --- pull ------------------------------------------------------------------------------

def pull(db: Path, conn: Connection | None = None, *,
         transport: httpx.BaseTransport | None = None,
         cancelled: Callable[[], bool] | None = None,
         progress: Callable[[int, int, str, str], None] | None = None) -> PullResult:
    """Bring the central's changes into this database (health records of other centers
    only when the central enrolled this center with them)."""
    db = Path(db)
    conn = conn or Connection.load(db)
    files.inspect(db)
    with files.WorkDir(db) as work, http_client(conn, transport) as client:
        packed = work.path / "central.sqlite.gz"
        resumed = 0
        central, n = retrying(conn, partial(_bookmark, client, conn, ""), cancelled)
        since = _pull_since(db, central, conn.with_health)
        for _restart in range(5):
            offer, n = retrying(conn, partial(_offer, client, conn, since, central),
                                 cancelled)
            resumed += n
            packed.unlink(missing_ok=True)
            try:
                n = _download(client, conn, offer, packed, cancelled)
            except ServerRefused as exc:
                if exc.code == "no_pull":  # the central changed meanwhile: a new file
                    continue
                raise
            resumed += n
            if sha256_file(packed) == offer["sha256"]:
                break
        else:
            raise ServerRefused("corrupt", "The file kept arriving damaged from the server; "
                                "try again on a better connection.")
        central = work.path / "central.sqlite"
        try:
            gunzip_file(packed, central, 1 << 40)
            keyfile.remember(central, bytes.fromhex(str(offer["key"])))  # memory only
        except (OSError, EOFError, ValueError, KeyError) as exc:
            raise files.damaged(Path("central"), exc) from exc
        try:
            reports = merge_files(db, [central], Options(
                direction="pull", with_health=conn.with_health, progress=progress,
                cancelled=cancelled))
        finally:
            keyfile.forget(central)
    for report in reports:
        report.path = conn.url
    return PullResult(int(offer["seq"]), int(offer["size"]), reports, resumed)


def _offer(client: httpx.Client, conn: Connection, since: int, central: dict) -> dict:
    return request(client, conn, "POST", "/v1/pulls", json={
        "since": since, "epoch": central.get("central_epoch", "")}).json()


def _pull_since(db: Path, central: dict, with_health: bool) -> int:
    """This center's bookmark of the central file (same epoch; with health records when
    they are now wanted and were not before: 0, the whole file)."""
    conn = files.connect(db, readonly=False)  # only read
    try:
        seen = read_bookmarks(conn).get(str(central.get("central_site")))
    finally:
        conn.close()
    if not seen or seen["epoch"] != central.get("central_epoch"):
        return 0
    if with_health and not seen["with_health"]:
        return 0
    return int(seen["seq_merged"])


def _download(client: httpx.Client, conn: Connection, offer: dict, dest: Path,
              cancelled: Callable[[], bool] | None) -> int:
    """Download into ``dest``, resuming at its size after a cut. Returns the resumptions.
    The retry budget counts cuts in a row that brought no byte (an encrypted pull file does
    not compress: a slow, cut link needs more connections than the budget)."""
    size, resumed = int(offer["size"]), 0
    url = conn.url + f"/v1/pulls/{offer['name']}"
    headers = {"Authorization": f"Bearer {conn.token}"}
    retries = connection.RETRIES if conn.retries is None else conn.retries
    attempt, before = 0, -1
    while True:
        have = dest.stat().st_size if dest.exists() else 0
        if have >= size:
            return resumed
        if have > before:  # bytes arrived: the budget counts cuts that brought nothing
            attempt, before = 0, have
        if cancelled is not None and cancelled():
            raise ServerRefused("cancelled", "Receiving was cancelled; nothing was changed.")
        try:
            with client.stream("GET", url, headers={**headers,
                                                    "Range": f"bytes={have}-"}) as response:
                if response.status_code in (401, 403, 404):
                    response.read()
                    raise refusal(response)
                if response.status_code == 200:  # the server sent it whole
                    dest.unlink(missing_ok=True)
                elif response.status_code != 206:
                    response.read()
                    raise refusal(response)
                with open(dest, "ab") as fh:
                    for block in response.iter_bytes():
                        fh.write(block)
        except httpx.TransportError as exc:
            if attempt >= retries:
                raise transport_error(conn.url, exc) from exc
            attempt += 1
            resumed += 1
            time.sleep(min(1.0, 0.02 * attempt))
