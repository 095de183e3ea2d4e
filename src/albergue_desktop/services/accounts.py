"""Signing in and managing accounts: argon2 passwords, lockout after repeated failures,
and an audit event for every sign-in, failed sign-in and account change."""

from __future__ import annotations

from datetime import datetime, timedelta

from albergue_sync import SyncRefused
from albergue_sync.crypto_keys import WrongSecret
from sqlmodel import Session, col, select

from ..domain import clock
from ..domain.enums import Role
from ..domain.errors import AlbergueError, NotFoundError, RuleViolation, StorageError
from ..domain.permissions import Permission, allows
from ..storage.db import Database
from ..storage.tables import AuditEvent, User
from ..storage.versioning import utcnow
from .auth import hash_password, verify_password
from .context import Actor

MAX_FAILED_ATTEMPTS = 5
LOCKOUT = timedelta(minutes=5)


class SignInError(AlbergueError):
    """Wrong credentials, inactive or locked account (message safe to show)."""


def _audit(session: Session, action: str, username: str, user_id: str | None,
           **changes) -> None:
    session.add(AuditEvent(at=utcnow(), username=username, action=action,
                           table_name="app_user", row_id=user_id, changes=changes))


def _actor(user: User) -> Actor:
    return Actor(username=user.username, role=user.role, center_id=user.center_id)


def sign_in(db: Database, username: str, password: str, *,
            now: datetime | None = None) -> Actor:
    """Check the password. Five failures in a row lock the account for five minutes.
    Failures are committed (counter, lock, audit event) before the error is raised."""
    now = now or utcnow()
    username = username.strip().lower()
    _unlock(db, username, password)
    failure: SignInError | None = None
    with db.session(username, audit=False) as session:
        user = session.exec(select(User).where(User.username == username,
                                               User.deleted == False)).first()  # noqa: E712
        # Always one argon2 verification (a dummy hash for an unknown user): the same cost
        # and, for an unknown user or a wrong password, the same message.
        password_ok = verify_password(None if user is None else user.password_hash, password)
        if user is None:
            _audit(session, "sign_in_failed", username, None, reason="unknown user")
            failure = SignInError("Wrong username or password.")
        elif not user.active and password_ok:  # only the account's owner learns it
            _audit(session, "sign_in_failed", username, user.id, reason="inactive")
            failure = SignInError("This account is deactivated. Ask an administrator.")
        elif not user.active:
            _audit(session, "sign_in_failed", username, user.id, reason="inactive")
            failure = SignInError("Wrong username or password.")
        elif user.locked_until is not None and user.locked_until > now:
            _audit(session, "sign_in_failed", username, user.id, reason="locked")
            failure = SignInError(
                "Too many failed attempts. The account is locked until {time}.",
                time=_local_time(user.locked_until))
        elif not password_ok:
            user.failed_attempts += 1
            # the attempt counter is a lockout field: never in the audit log
            _audit(session, "sign_in_failed", username, user.id, reason="wrong password")
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until, user.failed_attempts = now + LOCKOUT, 0
                failure = SignInError(
                    "Too many failed attempts. The account is locked until {time}.",
                    time=_local_time(user.locked_until))
            else:
                failure = SignInError("Wrong username or password.")
            session.add(user)
        else:
            if user.failed_attempts or user.locked_until:
                user.failed_attempts, user.locked_until = 0, None
                session.add(user)
            _audit(session, "sign_in", username, user.id)
            actor = _actor(user)
    if failure is not None:
        raise failure
    if not db.has_key_for(username):  # a user synced in, or of a converted file
        db.wrap_key_for(username, password)
    return actor


def _unlock(db: Database, username: str, password: str) -> None:
    """An encrypted file not yet open in this process: the user's key slot is the password
    check for the file (docs/encryption.md); then the accounts table governs as usual."""
    if not db.locked:
        return
    try:
        db.unlock(username, password)
    except WrongSecret as exc:
        raise SignInError("Wrong username or password.") from exc
    except SyncRefused as exc:  # a damaged key file
        raise StorageError("{path} is damaged: {detail}", path=str(db.path),
                           detail=str(exc)) from exc
    clock.follow(db)  # a demo file runs on its own day (domain/clock.py)


def verify_actor_password(db: Database, actor: Actor, password: str) -> bool:
    """Unlocking an idle session: the signed-in user's password again (audited)."""
    try:
        sign_in(db, actor.username, password)
        return True
    except SignInError:
        return False


def _local_time(moment: datetime) -> str:
    return moment.astimezone().strftime("%H:%M")


def list_users(db: Database, actor: Actor) -> list[User]:
    actor.require(Permission.MANAGE_USERS)
    with db.session(actor.username) as session:
        return list(session.exec(select(User).where(User.deleted == False)  # noqa: E712
                                 .order_by(User.username)))


def _user(session: Session, user_id: str) -> User:
    user = session.get(User, user_id)
    if user is None or user.deleted:
        raise NotFoundError("user", user_id)
    return user


def reset_password(db: Database, actor: Actor, user_id: str, new_password: str) -> None:
    actor.require(Permission.MANAGE_USERS)
    password_hash = hash_password(new_password)
    with db.session(actor.username) as session:
        user = _user(session, user_id)
        user.password_hash, user.failed_attempts, user.locked_until = password_hash, 0, None
        # the administrator knows this password: the user must choose their own at the next
        # sign-in (the sign-in screen asks; the command line refuses until then)
        user.must_change_password = True
        session.add(user)
        # no hash and no lockout field in the audit log (storage.versioning skips them)
        _audit(session, "password_reset", actor.username, user.id, user=user.username)
    db.wrap_key_for(user.username, new_password)


def must_change_password(db: Database, username: str) -> bool:
    """True after an administrator's reset, until the user chose a new password."""
    with db.read_session() as session:
        user = session.exec(select(User).where(User.username == username.strip().lower(),
                                               User.deleted == False)).first()  # noqa: E712
        return bool(user is not None and user.must_change_password)


def change_own_password(db: Database, actor: Actor, current: str, new_password: str) -> None:
    """A user changes their own password (the current one proves it is them; a wrong one
    counts toward the lockout like a failed sign-in). Clears the reset flag; audited."""
    sign_in(db, actor.username, current)
    if new_password == current:
        raise RuleViolation("Choose a password different from the current one.")
    password_hash = hash_password(new_password)
    with db.session(actor.username) as session:
        user = session.exec(select(User).where(User.username == actor.username,
                                               User.deleted == False)).one()  # noqa: E712
        user.password_hash, user.must_change_password = password_hash, False
        session.add(user)
        _audit(session, "password_changed", actor.username, user.id, user=user.username)
    db.wrap_key_for(actor.username, new_password)


def password_resets_for(db: Database, actor: Actor) -> list[AuditEvent]:
    """The administrator resets of the signed-in user's own password (shown to them)."""
    with db.read_session() as session:
        user = session.exec(select(User).where(User.username == actor.username)).first()
        if user is None:
            return []
        return list(session.exec(select(AuditEvent).where(
            AuditEvent.action == "password_reset", AuditEvent.row_id == user.id)
            .order_by(col(AuditEvent.at).desc())))


def _not_self(actor: Actor, user: User) -> None:
    """An administrator cannot lock themselves out (deactivate or demote their own account)."""
    if user.username == actor.username:
        raise RuleViolation("You cannot deactivate your own account or change your own role.")


def set_active(db: Database, actor: Actor, user_id: str, active: bool) -> None:
    actor.require(Permission.MANAGE_USERS)
    with db.session(actor.username) as session:
        user = _user(session, user_id)
        if not active:
            _not_self(actor, user)
        user.active = active
        session.add(user)
    if not active:  # a reactivated user gets a slot again with an administrator's reset
        db.drop_key_for(user.username)


def _sensitive(role: str) -> list[str]:
    """What a role opens of the restricted data: health, protection."""
    return [name for name, permission in (("health", Permission.VIEW_HEALTH),
                                          ("protection", Permission.PROTECTION))
            if allows(role, permission)]


def set_role(db: Database, actor: Actor, user_id: str, role: str) -> None:
    """Change a user's role. Granting access to health or protection data is audited as
    ``grant_sensitive_role`` and listed for supervisors (:func:`sensitive_role_grants`)."""
    actor.require(Permission.MANAGE_USERS)
    role = str(Role(role))
    with db.session(actor.username) as session:
        user = _user(session, user_id)
        if user.role != role:
            _not_self(actor, user)
        granted = [s for s in _sensitive(role) if s not in _sensitive(user.role)]
        previous, user.role = user.role, role
        session.add(user)
        if granted:
            _audit(session, "grant_sensitive_role", actor.username, user.id,
                   user=user.username, role=[previous, role], access=granted)


def sensitive_role_grants(db: Database, actor: Actor) -> list[AuditEvent]:
    """Every grant of a health or protection role (creation included), newest first: for
    supervisors and administrators (the users screen lists them)."""
    if not (actor.can(Permission.MANAGE_USERS) or actor.can(Permission.REVIEW_SYNC)):
        actor.require(Permission.MANAGE_USERS)
    with db.read_session() as session:
        return list(session.exec(select(AuditEvent).where(
            AuditEvent.action == "grant_sensitive_role").order_by(col(AuditEvent.at).desc())))


def full_name(db: Database, username: str) -> str:
    """The full name of a user (the username itself when unknown), for greetings."""
    with db.read_session() as session:
        user = session.exec(select(User).where(User.username == username)).first()
        return user.full_name if user is not None and user.full_name else username


def has_users(db: Database) -> bool:
    """False on a brand-new file: the app then shows the first-run setup (a locked file
    has the users of its key slots)."""
    if db.locked:
        return True
    with db.read_session() as session:
        return session.exec(select(User.id)).first() is not None
