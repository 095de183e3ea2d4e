"""Who is running ``albergue-sync``: THE password check of Albergue, and signing in against a
file's own ``app_user`` table (no desktop needed on the central machine).

:func:`verify_password` is the one argon2id verification; the desktop's
``albergue_desktop.services.auth`` calls it (the desktop may import the engine, never the
reverse). An unknown user costs the same argon2 verification as a known one (against
:data:`DUMMY_HASH`) and gets the same message as a wrong password: no user enumeration by
timing or by message.

:func:`sign_in_file` applies the desktop's lockout (five failures in a row lock the account
for five minutes, ``services/accounts.py``), records the sign-in or the failure in the file's
audit log, and checks that the role may synchronize. The rule for which commands need a user is
in sync/README.md.
"""

from __future__ import annotations

import json
from . import dbapi as sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from . import auditchain, files, keyfile
from .crypto_keys import WrongSecret
from .i18n import SyncRefused
from .rowmerge import dump_json
from .stamps import new_id

MIN_PASSWORD_LENGTH = 8
MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)
# Roles holding Permission.SYNC in the desktop's matrix (domain/permissions.py); a desktop
# test checks the two agree.
SYNC_ROLES = frozenset({"coordinacion", "supervision", "admin"})
# Roles that may own a new central file (its first account): they manage users or supervise.
CENTRAL_OWNER_ROLES = frozenset({"admin", "supervision"})

_hasher = PasswordHasher()
# Verified against when the user does not exist: same parameters, same cost.
DUMMY_HASH = _hasher.hash("albergue-no-such-user-dummy-password")
WRONG_CREDENTIALS = "Wrong username or password."


class SignInRefused(SyncRefused):
    """Wrong credentials, locked or inactive account, or a role that may not do this."""


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise SyncRefused("The password must have at least {min} characters.",
                          min=MIN_PASSWORD_LENGTH)


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when ``password`` matches ``password_hash``. ``None`` (no such user) is checked
    against :data:`DUMMY_HASH` so it costs the same, and is always False."""
    try:
        ok = _hasher.verify(password_hash or DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and password_hash is not None


def _parse_time(text: str | None) -> datetime | None:
    if not text:
        return None
    moment = datetime.fromisoformat(str(text))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _db_time(moment: datetime) -> str:
    # as SQLAlchemy stores a naive UTC DateTime
    return moment.astimezone(timezone.utc).replace(tzinfo=None).isoformat(sep=" ")


class _Writer:
    """Versioned writes on an open transaction (one change number per row, like the desktop)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        self.site, self.seq = meta["site_id"], int(meta["seq_last"])
        self.start = self.seq
        self.hlc = files.next_hlc(int(meta["hlc_last"]), files.now_ms())
        self.now = files.utc_text()

    def next(self) -> int:
        self.seq += 1
        return self.seq

    def audit(self, *, user: str, action: str, row_id: str | None, changes: dict) -> None:
        seq = self.next()
        row = {"id": new_id(), "site_id": self.site, "created_at": self.now,
               "created_by": user, "updated_at": self.now, "updated_by": user, "deleted": 0,
               "hlc": self.hlc, "change_seq": seq, "vv": dump_json({self.site: seq}),
               "fv": dump_json({"*": [self.hlc, self.site, seq]}), "at": self.now,
               "username": user, "action": action, "table_name": "app_user",
               "row_id": row_id, "changes": json.dumps(changes)}
        if auditchain.has_chain(self.conn):  # a link of the site's (local) hash chain
            auditchain.insert(self.conn, row)
        else:
            names = list(row)
            self.conn.execute(f"INSERT INTO audit_event ({', '.join(names)}) VALUES "
                              f"({', '.join('?' for _ in names)})", [row[n] for n in names])

    def update_user(self, user_id: str, by: str, **values) -> None:
        seq = self.next()
        vv_text, fv_text = self.conn.execute("SELECT vv, fv FROM app_user WHERE id = ?",
                                             (user_id,)).fetchone()
        vv, fv = json.loads(vv_text or "{}"), json.loads(fv_text or "{}")
        vv[self.site] = seq
        for name in values:
            fv[name] = [self.hlc, self.site, seq]
        values.update(vv=dump_json(vv), fv=dump_json(fv), hlc=self.hlc, change_seq=seq,
                      updated_at=self.now, updated_by=by)
        self.conn.execute(f"UPDATE app_user SET {', '.join(f'{k} = ?' for k in values)} "
                          f"WHERE id = ?", [*values.values(), user_id])

    def finish(self) -> None:
        if self.seq == self.start:
            return  # nothing written: the file stays as it was
        self.conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                              [(str(self.seq), "seq_last"), (str(self.hlc), "hlc_last")])


def _transaction(path: Path, work):
    files.inspect(path)
    conn = files.connect(path, readonly=False)
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            writer = _Writer(conn)
            result = work(conn, writer)
            writer.finish()
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    return result


def sign_in_file(path: Path, username: str, password: str, *, command: str,
                 roles: frozenset[str] = SYNC_ROLES, now: datetime | None = None) -> str:
    """Check ``username``/``password`` against the ``app_user`` table of ``path``; the
    account must be active, not locked, and of one of ``roles``. A failure is committed to
    the file's audit log (and the lockout counter) before the error is raised; a success is
    recorded by :func:`record_sign_in` once the command succeeded. Returns the username."""
    now = now or datetime.now(timezone.utc)
    username = username.strip().lower()
    if sqlite3.is_encrypted(path) and keyfile.key_for(path) is None:
        # the user's key slot is the password check for an encrypted file
        try:
            keyfile.unlock(path, username, password)
        except WrongSecret as exc:
            raise SignInRefused(WRONG_CREDENTIALS) from exc
    keyfile.offer(username, password)  # sources that share this account open with it

    def work(conn: sqlite3.Connection, w: _Writer):
        row = conn.execute(
            "SELECT id, role, password_hash, active, failed_attempts, locked_until "
            "FROM app_user WHERE username = ? AND deleted = 0", (username,)).fetchone()
        user_id, role, password_hash, active, failed, locked = row or (None,) * 6
        locked_until = _parse_time(locked)
        # the argon2 verification always runs (a dummy hash for an unknown user)
        ok = verify_password(password_hash, password)
        if row is None:
            w.audit(user=username, action="sign_in_failed", row_id=None,
                    changes={"reason": "unknown user", "command": command})
            return SignInRefused(WRONG_CREDENTIALS)
        if locked_until is not None and locked_until > now:
            w.audit(user=username, action="sign_in_failed", row_id=user_id,
                    changes={"reason": "locked", "command": command})
            return SignInRefused("Too many failed attempts. The account is locked until "
                                 "{time}.", time=locked_until.astimezone().strftime("%H:%M"))
        if not ok:
            w.audit(user=username, action="sign_in_failed", row_id=user_id,
                    changes={"reason": "wrong password", "command": command})
            failed = (failed or 0) + 1
            if failed >= MAX_FAILED_ATTEMPTS and user_id is not None:
                until = now + LOCKOUT
                w.update_user(user_id, username, failed_attempts=0, locked_until=_db_time(until))
                return SignInRefused("Too many failed attempts. The account is locked until "
                                     "{time}.", time=until.astimezone().strftime("%H:%M"))
            if user_id is not None:  # an unknown user has no counter (and the same answer)
                w.update_user(user_id, username, failed_attempts=failed)
            return SignInRefused(WRONG_CREDENTIALS)
        if not active:
            w.audit(user=username, action="sign_in_failed", row_id=user_id,
                    changes={"reason": "inactive", "command": command})
            return SignInRefused("This account is deactivated. Ask an administrator.")
        if role not in roles:
            w.audit(user=username, action="sign_in_refused", row_id=user_id,
                    changes={"reason": "role", "command": command})
            return SignInRefused("The user {user} ({role}) may not run albergue-sync {command} "
                                 "on {path}.", user=username, role=role, command=command,
                                 path=str(path))
        return None

    # A check that passes writes nothing yet: a command refused afterwards (a bad source)
    # leaves the file byte for byte as it was; record_sign_in() runs once it succeeded.
    refused = _transaction(path, work)
    if refused is not None:
        raise refused
    return username


def record_sign_in(path: Path, username: str, *, command: str) -> None:
    """The audit event of a successful ``albergue-sync`` command run by ``username`` (and the
    end of its run of failed attempts)."""
    def work(conn: sqlite3.Connection, w: _Writer):
        user_id, failed, locked = conn.execute(
            "SELECT id, failed_attempts, locked_until FROM app_user WHERE username = ? "
            "AND deleted = 0", (username,)).fetchone()
        if failed or locked:
            w.update_user(user_id, username, failed_attempts=0, locked_until=None)
        w.audit(user=username, action="sign_in", row_id=user_id,
                changes={"via": "albergue-sync", "command": command})

    _transaction(path, work)


def create_account(path: Path, username: str, password: str, *, role: str = "admin",
                   full_name: str | None = None, by: str | None = None) -> str:
    """Add an account of no center to ``path`` (the first account of a new central file),
    audited. Refused when the username is taken or the password is too short."""
    username = username.strip().lower()
    if not username:
        raise SyncRefused("The administrator's username is required.")
    password_hash = hash_password(password)

    def work(conn: sqlite3.Connection, w: _Writer):
        if conn.execute("SELECT 1 FROM app_user WHERE username = ?", (username,)).fetchone():
            raise SyncRefused("The user {user} already exists in {path}.", user=username,
                              path=str(path))
        seq, user_id = w.next(), new_id()
        columns = {r[1] for r in conn.execute("PRAGMA table_info(app_user)")}
        row = {"id": user_id, "site_id": w.site, "created_at": w.now, "created_by": by or username,
               "updated_at": w.now, "updated_by": by or username, "deleted": 0,
               "hlc": w.hlc, "change_seq": seq, "vv": dump_json({w.site: seq}),
               "fv": dump_json({"*": [w.hlc, w.site, seq]}), "username": username,
               "full_name": full_name or username, "role": role, "center_id": None,
               "password_hash": password_hash, "active": 1, "failed_attempts": 0,
               "locked_until": None}
        row = {k: v for k, v in row.items() if k in columns}
        conn.execute(f"INSERT INTO app_user ({', '.join(row)}) "
                     f"VALUES ({', '.join('?' for _ in row)})", list(row.values()))
        w.audit(user=by or username, action="create_user", row_id=user_id,
                changes={"username": username, "role": role, "via": "albergue-sync"})
        return user_id

    _transaction(path, work)
    if keyfile.key_for(path) is not None:
        keyfile.add_user(path, username, password)
    return username
