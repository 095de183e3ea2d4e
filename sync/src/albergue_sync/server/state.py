"""What the sync server keeps apart from the central file: enrolled centers and their
credentials, one-time enrollment codes, upload sessions and the hashes of merged uploads.

An SQLite file of its own (``server.sqlite`` in the server's folder, beside its
certificate; never synced, never inside the central file), opened through
:mod:`albergue_sync.dbapi` as a plain (not encrypted) file: it holds no personal data.
Secrets are stored hashed: credentials and enrollment codes are long random strings, so
SHA-256 is enough (a password hash would only slow every request down). The data key of
an upload (sent by the center with it, docs/sync-server.md "Encrypted files") is kept
only wrapped under the central file's data key (XChaCha20-Poly1305, the upload id as
associated data), until the upload is merged or dropped."""

from __future__ import annotations

import base64
import hashlib
import secrets

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from nacl import bindings, exceptions, utils

from .. import dbapi
from ..i18n import SyncRefused

STATE_NAME = "server.sqlite"
CODE_SECRET_BYTES = 10
CODE_VALID = timedelta(days=3)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS enrollment (
    code_hash TEXT PRIMARY KEY, center_code TEXT NOT NULL, with_health INTEGER NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL, used_at TEXT);
CREATE TABLE IF NOT EXISTS credential (
    id TEXT PRIMARY KEY, center_code TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    with_health INTEGER NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT,
    last_seen_at TEXT);
CREATE TABLE IF NOT EXISTS upload (
    id TEXT PRIMARY KEY, credential_id TEXT NOT NULL, center_code TEXT NOT NULL,
    sha256 TEXT NOT NULL, size INTEGER NOT NULL, state TEXT NOT NULL, message TEXT,
    report TEXT, created_at TEXT NOT NULL, finished_at TEXT);
CREATE INDEX IF NOT EXISTS ix_upload_hash ON upload (center_code, sha256);
CREATE TABLE IF NOT EXISTS upload_key (
    upload_id TEXT PRIMARY KEY, nonce BLOB NOT NULL, wrapped BLOB NOT NULL);
CREATE TABLE IF NOT EXISTS merged (
    sha256 TEXT PRIMARY KEY, center_code TEXT NOT NULL, upload_id TEXT NOT NULL,
    merged_at TEXT NOT NULL);
"""

# Upload states: receiving -> queued -> merging -> merged | refused; a complete upload whose
# hash does not match goes to ``corrupt`` (the client starts again); a trimmed export the
# central's bookmark no longer covers goes to ``stale`` (the client sends the whole file).
RECEIVING, QUEUED, MERGING, MERGED, REFUSED, CORRUPT, STALE = (
    "receiving", "queued", "merging", "merged", "refused", "corrupt", "stale")
EXPIRED = "expired"  # an upload left unfinished for UNFINISHED_KEPT (its bytes are removed)
UNFINISHED_KEPT = timedelta(days=7)


def now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def format_code(secret: bytes, fingerprint: bytes) -> str:
    """A one-time enrollment code: the secret and the certificate fingerprint, in base32
    (no 0/1 confusion for a typed code), in groups of six."""
    text = base64.b32encode(secret + fingerprint).decode("ascii").rstrip("=")
    return "-".join(text[i:i + 6] for i in range(0, len(text), 6))


def parse_code(code: str, fingerprint_bytes: int) -> tuple[str, bytes]:
    """(secret as text, certificate fingerprint prefix) of a typed code; SyncRefused when it
    is not one."""
    text = "".join(ch for ch in code.upper() if ch.isalnum())
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except ValueError:
        raw = b""
    if len(raw) != CODE_SECRET_BYTES + fingerprint_bytes:
        raise SyncRefused("That is not an enrollment code of an Albergue server; check it "
                          "and type it again.")
    return raw[:CODE_SECRET_BYTES].hex(), raw[CODE_SECRET_BYTES:]


@dataclass(frozen=True)
class Credential:
    id: str
    center_code: str
    with_health: bool
    revoked: bool


class ServerState:
    """Thread-safe access to the server's own file (one connection, one lock)."""

    def __init__(self, folder: Path, wrap_key: bytes | None = None) -> None:
        """``wrap_key``: the central file's data key (the server signed in to it), which
        wraps the upload keys kept here; None for the commands that only enroll and
        revoke."""
        folder = Path(folder)
        self._wrap_key = wrap_key
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.folder = folder
        self.path = folder / STATE_NAME
        self._lock = threading.Lock()
        self._conn = dbapi.connect(self.path, isolation_level=None, check_same_thread=False)
        self._conn.execute("PRAGMA journal_mode = WAL")
        self._conn.execute("PRAGMA synchronous = FULL")
        self._conn.execute("PRAGMA busy_timeout = 10000")
        self._conn.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def _run(self, sql: str, args: tuple = ()) -> list[tuple]:
        with self._lock:
            return self._conn.execute(sql, args).fetchall()

    # --- enrollment ---------------------------------------------------------------------
    def new_enrollment(self, center_code: str, fingerprint: bytes, *,
                       with_health: bool = False) -> str:
        secret = secrets.token_bytes(CODE_SECRET_BYTES)
        created = datetime.now(timezone.utc)
        self._run("INSERT INTO enrollment VALUES (?, ?, ?, ?, ?, NULL)",
                  (digest(secret.hex()), center_code, int(with_health),
                   created.isoformat(timespec="seconds"),
                   (created + CODE_VALID).isoformat(timespec="seconds")))
        return format_code(secret, fingerprint)

    def redeem(self, secret_hex: str, center: str | None = None) -> tuple[Credential, str]:
        """Use a one-time code: a new credential for its center. Returns (credential,
        token): the token is shown once, only its hash is kept. ``center``: the code of the
        database being enrolled; a code of another center is refused and stays unused."""
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                row = conn.execute("SELECT center_code, with_health, expires_at, used_at FROM "
                                   "enrollment WHERE code_hash = ?",
                                   (digest(secret_hex),)).fetchone()
                if row is None or row[3] is not None or row[2] < now_text():
                    raise SyncRefused("That enrollment code is not valid: it was already used, "
                                      "it expired or it was mistyped. Ask the central for a "
                                      "new one.")
                if center is not None and center != row[0]:
                    raise SyncRefused("That code is for center {center}, but this database "
                                      "belongs to center {own}. Ask the central for a code "
                                      "of center {own}.", center=row[0], own=center)
                token = "alb_" + secrets.token_urlsafe(32)
                cred = Credential("cr_" + secrets.token_hex(8), row[0], bool(row[1]), False)
                conn.execute("UPDATE enrollment SET used_at = ? WHERE code_hash = ?",
                             (now_text(), digest(secret_hex)))
                conn.execute("INSERT INTO credential VALUES (?, ?, ?, ?, ?, NULL, NULL)",
                             (cred.id, cred.center_code, digest(token), int(cred.with_health),
                              now_text()))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        return cred, token

    def credential(self, token: str) -> Credential | None:
        rows = self._run("SELECT id, center_code, with_health, revoked_at FROM credential "
                         "WHERE token_hash = ?", (digest(token),))
        if not rows:
            return None
        cid, code, health, revoked = rows[0]
        return Credential(cid, code, bool(health), revoked is not None)

    def seen(self, cred: Credential) -> None:
        self._run("UPDATE credential SET last_seen_at = ? WHERE id = ?", (now_text(), cred.id))

    def revoke(self, center_code: str) -> int:
        """Revoke every live credential of a center (and its unused codes)."""
        with self._lock:
            count = self._conn.execute(
                "UPDATE credential SET revoked_at = ? WHERE center_code = ? AND revoked_at "
                "IS NULL", (now_text(), center_code)).rowcount
            self._conn.execute("UPDATE enrollment SET used_at = ? WHERE center_code = ? AND "
                               "used_at IS NULL", (now_text(), center_code))
        return count

    def centers(self) -> list[dict]:
        rows = self._run("SELECT id, center_code, with_health, created_at, revoked_at, "
                         "last_seen_at FROM credential ORDER BY center_code, created_at")
        return [dict(zip(("id", "center", "with_health", "created_at", "revoked_at",
                          "last_seen_at"), r)) for r in rows]

    # --- uploads ------------------------------------------------------------------------
    def find_upload(self, center_code: str, sha256: str) -> dict | None:
        """The newest upload of these bytes by this center that is not corrupt."""
        rows = self._run("SELECT id FROM upload WHERE center_code = ? AND sha256 = ? AND "
                         "state NOT IN (?, ?, ?) ORDER BY created_at DESC LIMIT 1",
                         (center_code, sha256, CORRUPT, STALE, EXPIRED))
        return self.upload(rows[0][0]) if rows else None

    def new_upload(self, cred: Credential, sha256: str, size: int) -> dict:
        upload_id = "up_" + secrets.token_hex(12)
        self._run("INSERT INTO upload VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL)",
                  (upload_id, cred.id, cred.center_code, sha256, size, RECEIVING, now_text()))
        return self.upload(upload_id)  # type: ignore[return-value]

    def upload(self, upload_id: str) -> dict | None:
        rows = self._run("SELECT id, credential_id, center_code, sha256, size, state, message, "
                         "report FROM upload WHERE id = ?", (upload_id,))
        if not rows:
            return None
        return dict(zip(("id", "credential_id", "center", "sha256", "size", "state",
                         "message", "report"), rows[0]))

    def _aad(self, upload_id: str) -> bytes:
        return f"albergue-upload-key-v1|{upload_id}".encode()

    def set_upload_key(self, upload_id: str, key: bytes) -> None:
        """Keep the data key of an upload, wrapped under the central's data key."""
        if self._wrap_key is None:
            raise RuntimeError("the server has not unlocked its central file")
        nonce = utils.random(bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES)
        box = bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
            key, self._aad(upload_id), nonce, self._wrap_key)
        self._run("INSERT OR REPLACE INTO upload_key VALUES (?, ?, ?)",
                  (upload_id, nonce, box))

    def upload_key(self, upload_id: str) -> bytes | None:
        """The data key an upload was sent under; None when the server does not have it
        (or it does not open with this central's key)."""
        rows = self._run("SELECT nonce, wrapped FROM upload_key WHERE upload_id = ?",
                         (upload_id,))
        if not rows or self._wrap_key is None:
            return None
        try:
            return bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
                rows[0][1], self._aad(upload_id), rows[0][0], self._wrap_key)
        except exceptions.CryptoError:
            return None

    def set_state(self, upload_id: str, state: str, message: str | None = None,
                  report: str | None = None) -> None:
        finished = now_text() if state in (MERGED, REFUSED, CORRUPT, STALE) else None
        if finished is not None:
            self._run("DELETE FROM upload_key WHERE upload_id = ?", (upload_id,))
        self._run("UPDATE upload SET state = ?, message = ?, report = coalesce(?, report), "
                  "finished_at = ? WHERE id = ?", (state, message, report, finished,
                                                   upload_id))

    def pending(self) -> list[str]:
        """Uploads complete and checked but not merged yet (a server stopped or killed
        before it merged them), oldest first."""
        return [r[0] for r in self._run("SELECT id FROM upload WHERE state IN (?, ?) "
                                        "ORDER BY created_at", (QUEUED, MERGING))]

    def live_uploads(self) -> set[str]:
        """Uploads whose bytes are still needed (being received, or waiting to be merged);
        an unfinished one older than UNFINISHED_KEPT expires first."""
        cutoff = (datetime.now(timezone.utc) - UNFINISHED_KEPT).isoformat(timespec="seconds")
        self._run("UPDATE upload SET state = ?, finished_at = ? WHERE state = ? AND "
                  "created_at < ?", (EXPIRED, now_text(), RECEIVING, cutoff))
        self._run("DELETE FROM upload_key WHERE upload_id NOT IN (SELECT id FROM upload "
                  "WHERE state IN (?, ?, ?))", (RECEIVING, QUEUED, MERGING))
        return {r[0] for r in self._run("SELECT id FROM upload WHERE state IN (?, ?, ?)",
                                        (RECEIVING, QUEUED, MERGING))}

    def was_merged(self, sha256: str) -> bool:
        return bool(self._run("SELECT 1 FROM merged WHERE sha256 = ?", (sha256,)))

    def mark_merged(self, upload_id: str, sha256: str, center_code: str, report: str) -> None:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            self._conn.execute("INSERT OR IGNORE INTO merged VALUES (?, ?, ?, ?)",
                               (sha256, center_code, upload_id, now_text()))
            self._conn.execute("UPDATE upload SET state = ?, message = NULL, report = ?, "
                               "finished_at = ? WHERE id = ?",
                               (MERGED, report, now_text(), upload_id))
            self._conn.execute("DELETE FROM upload_key WHERE upload_id = ?", (upload_id,))
            self._conn.execute("COMMIT")
