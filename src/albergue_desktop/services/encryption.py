"""Encrypting a plain file of an earlier version when its administrator signs in
(docs/encryption.md section 3): the conversion itself is :mod:`storage.encrypt`."""

from __future__ import annotations

from albergue_sync import keyfile
from albergue_sync.crypto_keys import WrongSecret
from sqlmodel import select

from ..domain.enums import Role
from ..domain.errors import AlbergueError
from ..storage.db import Database
from ..storage.encrypt import convert_plain
from ..storage.tables import AuditEvent, User
from ..storage.versioning import utcnow
from .auth import check_password_strength, hash_password
from .context import Actor


def needs_encryption(db: Database, actor: Actor) -> bool:
    """A plain file, signed in to by an administrator (who then holds the first key slot
    and sees the recovery code); other users keep working until then."""
    return not db.locked and not db.encrypted and actor.role == Role.ADMIN


def encrypt_on_sign_in(db: Database, actor: Actor, password: str) -> str | None:
    """Convert ``db``'s plain file in place (closed and reopened around it); returns the
    recovery code to show once, or None when there was nothing to do. Audited."""
    if not needs_encryption(db, actor):
        return None
    db.close()
    try:
        code = convert_plain(db.path, actor.username, password)
    finally:
        db.reopen()
    with db.session(actor.username) as session:
        session.add(AuditEvent(at=utcnow(), username=actor.username, action="file_encrypted",
                               table_name="meta", row_id=None, changes={}))
    return code


def new_recovery_code(db: Database) -> str | None:
    """A recovery code for an encrypted file (replacing a former one): shown once, it opens
    the file when every password is lost. None for a plain file."""
    if not db.encrypted:
        return None
    return keyfile.add_recovery(db.path)


def on_sign_in(db: Database, actor: Actor, password: str, *,
               new_file: bool = False) -> str | None:
    """After an administrator's sign-in in the app: a plain file is encrypted, and a
    ``new_file`` (just set up) without a recovery code gets one; returns the code to show
    once, or None."""
    if actor.role != Role.ADMIN or db.locked:
        return None
    if not db.encrypted:
        return encrypt_on_sign_in(db, actor, password)
    if not new_file or keyfile.RECOVERY in keyfile.load(db.path).slots:
        return None
    return new_recovery_code(db)


def recover(db: Database, code: str, username: str, new_password: str) -> str:
    """Every password lost: the recovery code opens the file, ``username`` gets
    ``new_password`` (and a key slot for it), and a new recovery code replaces the used one
    (returned, to show once). A file without any account (a central file made by a push
    from a center) gets ``username`` as its first administrator, as its first-run setup
    would. Audited. :class:`RecoveryRefused` for a wrong code or an unknown user."""
    try:
        if db.locked:
            db.unlock_with_recovery(code)
        else:  # the key is in memory already: the code is still checked
            keyfile.unlock_recovery(db.path, code)
    except WrongSecret as exc:
        raise RecoveryRefused("The recovery code is wrong.") from exc
    check_password_strength(new_password)
    username = username.strip().lower()
    password_hash = hash_password(new_password)
    with db.session(username) as session:
        if session.exec(select(User)).first() is None:
            first_account = True
        else:
            first_account = False
            user = session.exec(select(User).where(User.username == username,
                                                   User.deleted == False)).first()  # noqa: E712
            if user is None:
                raise RecoveryRefused("The user {username} does not exist in this file.",
                                      username=username)
            user.password_hash, user.failed_attempts, user.locked_until = password_hash, 0, None
            user.must_change_password, user.active = False, True
            session.add(user)
            session.add(AuditEvent(at=utcnow(), username=username, action="password_recovered",
                                   table_name="app_user", row_id=user.id,
                                   changes={"user": username}))
    if first_account:
        from .sync_files import init_central_database

        init_central_database(db, admin_username=username, admin_password=new_password)
    else:
        db.wrap_key_for(username, new_password)
    return keyfile.add_recovery(db.path)


class RecoveryRefused(AlbergueError):
    """A wrong recovery code, or a user the file does not have."""
