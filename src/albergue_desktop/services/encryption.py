"""Encrypting a plain file of an earlier version when its administrator signs in
(docs/encryption.md section 3): the conversion itself is :mod:`storage.encrypt`."""

from __future__ import annotations

from ..domain.enums import Role
from ..storage.db import Database
from ..storage.encrypt import convert_plain
from ..storage.tables import AuditEvent
from ..storage.versioning import utcnow
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
    """A recovery code for an encrypted file (at its first-run setup): shown once, it opens
    the file when every password is lost. None for a plain file."""
    if not db.encrypted:
        return None
    from albergue_sync import keyfile

    return keyfile.add_recovery(db.path)
