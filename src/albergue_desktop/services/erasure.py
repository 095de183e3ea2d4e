"""Erasing a person: only de-identified fields are kept, in this file and, through sync, in
every file (docs/erasure.md). Separate from ``people.delete_person`` (a tombstone that keeps
everything): an erasure cannot be undone, needs ``Permission.DATA_REQUESTS`` and a reason.

Also the retention rule: erase the people who left more than N months ago.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from albergue_sync import erasure
from sqlalchemy import text
from sqlmodel import Session

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import AuditEvent, Person
from .context import Actor
from .stays import close_open_stay, take_write_lock

ERASE_ACTION = "erase"


def _check_reason(reason: str) -> str:
    if not reason or not reason.strip():
        raise ValidationError([FieldError("reason", "A reason is required.")])
    return reason.strip()


def _erase_in(session: Session, actor: Actor, person: Person, reason: str,
              now: datetime) -> None:
    if not person.deleted:
        close_open_stay(session, person.id, when=now, reason="other", destination=None)
        person.deleted, person.deleted_at, person.deleted_by = True, now, actor.username
    person.erased_at, person.erased_by = now, actor.username
    person.delete_reason = reason
    session.add(person)
    session.flush()


def _wipe(session: Session, erased: list[str], reason: str, actor: Actor, now: datetime) -> None:
    """Wipe (raw SQL, same transaction), then one audit event per person with the reason."""
    raw = session.connection().connection.driver_connection
    erasure.wipe(raw)  # type: ignore[arg-type]
    session.expire_all()
    session.add_all([AuditEvent(at=now, username=actor.username, action=ERASE_ACTION,
                                table_name="person", row_id=pid, changes={"reason": reason})
                     for pid in erased])


def erase_person(db: Database, actor: Actor, person_id: str, *, reason: str) -> None:
    """Erase one person now. Already erased: nothing happens."""
    actor.require(Permission.DATA_REQUESTS)
    reason = _check_reason(reason)
    now = clock.now()
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("person", person_id)
        if person.erased_at is not None:
            return
        _erase_in(session, actor, person, reason, now)
        _wipe(session, [person_id], reason, actor, now)


@dataclass(frozen=True)
class RetentionResult:
    erased: int
    cutoff: datetime


RETENTION_REASON = "Retention: left more than {months} months ago."


def due_for_retention(session: Session, cutoff: datetime) -> list[str]:
    """People not erased whose last stay closed before ``cutoff`` and who have no open or
    later stay (deleted people too: a tombstone keeps everything)."""
    rows = session.execute(text(
        "SELECT p.id FROM person p WHERE p.erased_at IS NULL AND p.merged_into_id IS NULL "
        "AND EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.deleted = 0) "
        "AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id AND s.deleted = 0 "
        "AND (s.check_out IS NULL OR s.check_out >= :cutoff)) ORDER BY p.id"),
        {"cutoff": cutoff.strftime("%Y-%m-%d %H:%M:%S.%f")})
    return [r[0] for r in rows]


def apply_retention(db: Database, actor: Actor, *, months: int) -> RetentionResult:
    """Erase everyone who left more than ``months`` months (30-day) ago. The rule is off
    unless someone runs it (the CLI's ``retention`` command)."""
    actor.require(Permission.DATA_REQUESTS)
    if months < 1:
        raise ValidationError([FieldError("months", "The months must be 1 or more.")])
    now = clock.now()
    cutoff = now - timedelta(days=30 * months)
    reason = RETENTION_REASON.format(months=months)
    with db.session(actor.username) as session:
        take_write_lock(session)
        due = due_for_retention(session, cutoff)
        for pid in due:
            person = session.get(Person, pid)
            if person is not None:
                _erase_in(session, actor, person, reason, now)
        if due:
            _wipe(session, due, reason, actor, now)
    return RetentionResult(len(due), cutoff)
