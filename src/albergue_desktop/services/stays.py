"""Stays: check-in, check-out and transfer. Rules: one open stay per person, one occupant
per bed, a bed frees when its stay closes, a transfer keeps the same person record.

Every write runs under ``BEGIN IMMEDIATE`` semantics (the session's first statement takes the
write lock through the versioning hook), so two windows cannot seat two people in one bed.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session, select

from ..domain.enums import BedStatus, CheckoutReason
from ..domain.labels import label
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Bed, Center, Person, Stay
from ..storage.versioning import utcnow
from .context import Actor


def take_write_lock(session: Session) -> None:
    """Take the database write lock now, before reading the state we decide on (a deferred
    transaction that reads first cannot upgrade once another connection has written)."""
    session.connection().execute(text("UPDATE meta SET value = value WHERE key = 'seq_last'"))


def _open_stay(session: Session, person_id: str) -> Stay | None:
    return session.exec(select(Stay).where(Stay.person_id == person_id,
                                           Stay.check_out == None,  # noqa: E711
                                           Stay.deleted == False)).first()  # noqa: E712


def _person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFoundError("person", person_id)
    return person


def _name(person: Person) -> str:
    return f"{person.given_names} {person.surnames}".strip()


def _take_bed(session: Session, bed_id: str, center_id: str) -> Bed:
    bed = session.get(Bed, bed_id)
    if bed is None or bed.deleted:
        raise NotFoundError("bed", bed_id)
    if bed.center_id != center_id:
        center = session.get(Center, center_id)
        raise RuleViolation("Bed {bed} does not belong to center {center}.", bed=bed.code,
                            center=center.name if center else center_id)
    occupied = session.exec(select(Stay).where(Stay.bed_id == bed_id,
                                               Stay.check_out == None,  # noqa: E711
                                               Stay.deleted == False)).first()  # noqa: E712
    if bed.status != BedStatus.AVAILABLE or occupied is not None:
        raise RuleViolation("Bed {bed} is not available ({status}).", bed=bed.code,
                            status=label("bed_status",
                                         BedStatus.OCCUPIED if occupied else bed.status))
    bed.status = BedStatus.OCCUPIED
    session.add(bed)
    return bed


def _free_bed(session: Session, bed_id: str | None) -> None:
    if bed_id is None:
        return
    bed = session.get(Bed, bed_id)
    if bed is not None and bed.status == BedStatus.OCCUPIED:
        bed.status = BedStatus.AVAILABLE
        session.add(bed)


def close_open_stay(session: Session, person_id: str, *, when: datetime, reason: str,
                    destination: str | None, notes: str | None = None) -> Stay | None:
    """Close the person's open stay, if any, and free its bed. Used inside other services."""
    stay = _open_stay(session, person_id)
    if stay is None:
        return None
    if when < stay.check_in:
        raise ValidationError([FieldError("check_out",
                                          "The check-out cannot be before the check-in.")])
    stay.check_out, stay.reason, stay.destination = when, str(CheckoutReason(reason)), destination
    if notes:
        stay.notes = notes
    session.add(stay)
    _free_bed(session, stay.bed_id)
    return stay


def check_in(db: Database, actor: Actor, *, person_id: str, center_id: str,
             bed_id: str | None = None, when: datetime | None = None,
             notes: str | None = None) -> Stay:
    actor.require(Permission.MANAGE_STAYS)
    when = when or utcnow()
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        current = _open_stay(session, person_id)
        if current is not None:
            at = session.get(Center, current.center_id)
            raise RuleViolation("{name} already has an open stay at {center}.",
                                name=_name(person), center=at.name if at else "?")
        if bed_id is not None:
            _take_bed(session, bed_id, center_id)
        stay = Stay(person_id=person_id, center_id=center_id, bed_id=bed_id, check_in=when,
                    notes=notes)
        session.add(stay)
    return stay


def check_out(db: Database, actor: Actor, *, person_id: str, reason: str,
              destination: str | None = None, when: datetime | None = None,
              notes: str | None = None) -> Stay:
    actor.require(Permission.MANAGE_STAYS)
    if reason not in set(CheckoutReason):  # a typed error for the user, not a ValueError
        raise ValidationError([FieldError("reason", "Unknown value: {value}.",
                                          {"value": reason})])
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        stay = close_open_stay(session, person_id, when=when or utcnow(), reason=reason,
                               destination=destination, notes=notes)
        if stay is None:
            raise RuleViolation("{name} has no open stay.", name=_name(person))
    return stay


def transfer(db: Database, actor: Actor, *, person_id: str, to_center_id: str,
             bed_id: str | None = None, when: datetime | None = None,
             notes: str | None = None) -> Stay:
    """Close the stay at the current center (reason transfer) and open one at the other
    center, in one transaction. The person record (id, folio) stays the same."""
    actor.require(Permission.MANAGE_STAYS)
    when = when or utcnow()
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        target = session.get(Center, to_center_id)
        if target is None or target.deleted:
            raise NotFoundError("center", to_center_id)
        current = _open_stay(session, person_id)
        if current is None:
            raise RuleViolation("{name} has no open stay.", name=_name(person))
        if current.center_id == to_center_id:
            raise RuleViolation("The person is already at this center.")
        close_open_stay(session, person_id, when=when, reason=CheckoutReason.TRANSFER,
                        destination=target.name, notes=notes)
        session.flush()
        if bed_id is not None:
            _take_bed(session, bed_id, to_center_id)
        stay = Stay(person_id=person_id, center_id=to_center_id, bed_id=bed_id, check_in=when,
                    notes=notes)
        session.add(stay)
    return stay


def move_bed(db: Database, actor: Actor, *, person_id: str, bed_id: str) -> Stay:
    """Move a present person to another bed of the same center."""
    actor.require(Permission.MANAGE_STAYS)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        stay = _open_stay(session, person_id)
        if stay is None:
            raise RuleViolation("{name} has no open stay.", name=_name(person))
        if stay.bed_id == bed_id:
            return stay
        _free_bed(session, stay.bed_id)
        session.flush()
        _take_bed(session, bed_id, stay.center_id)
        stay.bed_id = bed_id
        session.add(stay)
    return stay
