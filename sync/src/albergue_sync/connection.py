"""A center's connection to ``albergue-sync serve``: the enrollment (:func:`connect`), the
connection file beside the center's database (pinned certificate and credential), and the
requests with their errors (:class:`ServerRefused`, a SyncRefused: Spanish message, exit code
1, with a ``code``: offline, certificate, unknown_credential, revoked, refused, ...). A cut
connection is retried with a short growing pause (:func:`retrying`). See
docs/sync-server.md; :mod:`.client` pushes and pulls through it."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from . import files
from .i18n import SyncRefused
from .server import messages  # noqa: F401  (the catalog of the messages below)
from .server import tls
from .server.state import parse_code

RETRIES = 30
TIMEOUT = httpx.Timeout(30.0, connect=10.0)


class ServerRefused(SyncRefused):
    """The server (or the way to it) refused; ``code`` says why."""

    def __init__(self, code: str, msgid: str, /, **params: object) -> None:
        self.code = code
        super().__init__(msgid, **params)


@dataclass
class Connection:
    url: str
    cert_pem: str
    token: str
    center: str
    credential: str
    with_health: bool = False
    # how often a cut connection is retried within one push or pull (None: RETRIES); a
    # background job that tries again later anyway gives up sooner
    retries: int | None = field(default=None, compare=False)

    @staticmethod
    def path_for(db: Path) -> Path:
        db = Path(db).absolute()
        return db.parent / f".{db.name}.albergue-server.json"

    def save(self, db: Path) -> Path:
        path = self.path_for(db)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump({k: v for k, v in asdict(self).items() if k != "retries"}, fh,
                      indent=1)
        os.replace(tmp, path)
        return path

    @classmethod
    def load(cls, db: Path) -> Connection:
        path = cls.path_for(db)
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(**data)
        except FileNotFoundError:
            raise ServerRefused("not_enrolled", "This computer is not enrolled with a sync "
                                "server yet: run albergue-sync connect --url URL --code CODE "
                                "first.") from None
        except (OSError, ValueError, TypeError) as exc:
            raise ServerRefused("not_enrolled", "Cannot read {path}: {detail}",
                                path=str(path), detail=str(exc)) from exc


def http_client(conn_or_pem: Connection | str, transport: httpx.BaseTransport | None = None
            ) -> httpx.Client:
    pem = conn_or_pem.cert_pem if isinstance(conn_or_pem, Connection) else conn_or_pem
    return httpx.Client(verify=tls.client_context(pem), timeout=TIMEOUT, transport=transport)


def transport_error(url: str, exc: Exception) -> ServerRefused:
    text = str(exc)
    if "CERTIFICATE_VERIFY_FAILED" in text or "certificate verify failed" in text:
        return ServerRefused("certificate", "The server at {url} presented a certificate "
                             "other than the one this computer enrolled with: it may not be "
                             "the central. Nothing was sent. If the central got a new "
                             "certificate, enroll this computer again.", url=url)
    return ServerRefused("offline", "Cannot reach the sync server at {url} ({detail}). The "
                         "changes stay on this computer; they are sent when it is reachable.",
                         url=url, detail=text or type(exc).__name__)


def refusal(response: httpx.Response) -> ServerRefused:
    try:
        body = response.json()
        return ServerRefused(str(body.get("error", "refused")), str(body["message"]),
                             **dict(body.get("params") or {}))
    except (ValueError, KeyError, TypeError):
        return ServerRefused("refused", "The sync server answered {status}.",
                             status=response.status_code)


def request(client: httpx.Client, conn: Connection, method: str, path: str,
             **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {conn.token}", **kwargs.pop("headers", {})}
    try:
        response = client.request(method, conn.url.rstrip("/") + path, headers=headers,
                                  **kwargs)
    except httpx.TransportError as exc:
        raise transport_error(conn.url, exc) from exc
    if response.status_code in (401, 403, 400, 404, 503):
        raise refusal(response)
    return response


def retrying(conn: Connection, action: Callable[[], Any], cancelled: Callable[[], bool]
              | None = None) -> tuple[Any, int]:
    """Run ``action`` again after a cut connection (not after a certificate or a refusal),
    with a short growing pause, up to ``conn.retries`` times. Returns (result, retries)."""
    retries = RETRIES if conn.retries is None else conn.retries
    for attempt in range(retries + 1):
        try:
            return action(), attempt
        except ServerRefused as exc:
            if exc.code != "offline" or attempt == retries:
                raise
            if cancelled is not None and cancelled():
                raise
            time.sleep(min(1.0, 0.02 * (attempt + 1)))
    raise AssertionError("unreachable")


# --- enrollment ------------------------------------------------------------------------

def connect(db: Path, url: str, code: str, *, transport: httpx.BaseTransport | None = None
            ) -> Connection:
    """Enroll the center database ``db`` with the server at ``url`` using a one-time code."""
    files.inspect(db)
    secret, fingerprint = parse_code(code, tls.FINGERPRINT_BYTES)
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        raise ServerRefused("bad_url", "The server address must look like "
                            "https://HOST:PORT.")
    try:
        pem = tls.fetch_certificate(parts.hostname, parts.port or 443)
    except OSError as exc:
        raise transport_error(url, exc) from exc
    if tls.fingerprint_pem(pem)[:len(fingerprint)] != fingerprint:
        raise ServerRefused("certificate", "The server at {url} presented a certificate "
                            "that does not match the enrollment code: it may not be the "
                            "central. Nothing was sent.", url=url)
    own = _center_code(db)
    with http_client(pem, transport) as client:
        try:
            response = client.post(url.rstrip("/") + "/v1/enroll",
                                   json={"secret": secret, "center": own})
        except httpx.TransportError as exc:
            raise transport_error(url, exc) from exc
        if response.status_code != 200:
            raise refusal(response)
        body = response.json()
    if own is not None and body["center"] != own:
        raise ServerRefused("wrong_center", "That code is for center {center}, but this "
                            "database belongs to center {own}. Ask the central for a code "
                            "of center {own}.", center=body["center"], own=own)
    conn = Connection(url.rstrip("/"), pem, body["token"], body["center"],
                      body["credential"], bool(body["with_health"]))
    conn.save(db)
    return conn


def _center_code(db: Path) -> str | None:
    sql = ("SELECT c.code FROM meta m JOIN center c ON c.id = m.value "
           "WHERE m.key = 'center_id'")
    conn = files.connect(db, readonly=False)  # only read
    try:
        row = conn.execute(sql).fetchone()
    finally:
        conn.close()
    return row[0] if row else None
