"""Stays: check-in, check-out and transfer. Rules: one stay not closed per person (open, or
pending: the expected arrival of a transfer), one occupant per bed, a bed frees when its stay
closes, a transfer keeps the same person record.

Every write runs under ``BEGIN IMMEDIATE`` semantics (the session's first statement takes the
write lock through the versioning hook), so two windows cannot seat two people in one bed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session as OrmSession
from sqlmodel import Session, select

from ..domain import clock
from ..domain.enums import BeddingItem, BedStatus, CenterStatus, CheckoutReason, StayStatus
from ..domain.labels import label
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Bed, Center, Person, Stay
from .context import Actor


def take_write_lock(session: OrmSession) -> None:
    """Take the database write lock now, before reading the state we decide on (a deferred
    transaction that reads first cannot upgrade once another connection has written).
    Sessions from ``Database.session()`` already begin with ``BEGIN IMMEDIATE``; this stays
    for a caller's own session and as a statement of intent."""
    session.connection().execute(text("UPDATE meta SET value = value WHERE key = 'seq_last'"))


def current_stay(session: Session, person_id: str) -> Stay | None:
    """The person's stay that is not closed: open (present) or pending (expected arrival of
    a transfer). A person has at most one."""
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
    # Occupancy is the open stays (bed.status keeps only what staff set: schema v0010).
    if bed.status == BedStatus.OUT_OF_SERVICE or occupied is not None:
        raise RuleViolation("Bed {bed} is not available ({status}).", bed=bed.code,
                            status=label("bed_status",
                                         BedStatus.OCCUPIED if occupied else bed.status))
    return bed


def close_open_stay(session: Session, person_id: str, *, when: datetime, reason: str,
                    destination: str | None, notes: str | None = None) -> Stay | None:
    """Close the person's current stay (open or pending), if any, and free its bed. Used
    inside other services."""
    stay = current_stay(session, person_id)
    if stay is None:
        return None
    if when < stay.check_in:
        raise ValidationError([FieldError("check_out",
                                          "The check-out cannot be before the check-in.")])
    stay.check_out, stay.reason, stay.destination = when, str(CheckoutReason(reason)), destination
    if notes:
        stay.notes = notes
    session.add(stay)
    return stay


def _center(session: Session, center_id: str) -> Center:
    center = session.get(Center, center_id)
    if center is None or center.deleted:
        raise NotFoundError("center", center_id)
    if center.status == CenterStatus.CLOSED:
        raise RuleViolation("Center {center} is closed.", center=center.name)
    return center


def bedding_items(items: Iterable[str]) -> list[str]:
    """The bedding kit as stored: known items (:class:`BeddingItem`), once each, in order."""
    items = list(dict.fromkeys(str(i) for i in items))
    unknown = [i for i in items if i not in set(BeddingItem)]
    if unknown:
        raise ValidationError([FieldError("bedding", "Unknown value: {value}.",
                                          {"value": ", ".join(unknown)})])
    return items


def _arrive(session: Session, stay: Stay, *, bed_id: str | None, when: datetime,
            bedding: list[str], notes: str | None) -> Stay:
    """Complete a pending arrival: the person is here (from ``when``), in ``bed_id``."""
    if when < stay.check_in:
        raise ValidationError([FieldError("check_in",
                                          "The arrival cannot be before the transfer.")])
    if bed_id is not None:
        _take_bed(session, bed_id, stay.center_id)
    stay.status, stay.bed_id, stay.check_in = StayStatus.OPEN, bed_id, when
    stay.bedding = bedding
    if notes:
        stay.notes = f"{stay.notes}\n{notes}" if stay.notes else notes
    session.add(stay)
    return stay


def check_in(db: Database, actor: Actor, *, person_id: str, center_id: str,
             bed_id: str | None = None, when: datetime | None = None,
             notes: str | None = None, bedding: Iterable[str] = ()) -> Stay:
    """Open a stay (in ``bed_id``, or without a bed), recording the bedding kit handed over.
    A person expected here by a transfer (pending arrival) arrives on that same stay."""
    actor.require(Permission.MANAGE_STAYS)
    kit = bedding_items(bedding)
    with db.session(actor.username) as session:
        take_write_lock(session)
        return check_in_in_session(session, person_id=person_id, center_id=center_id,
                                   bed_id=bed_id, when=when or clock.now(), notes=notes,
                                   bedding=kit)


def check_in_in_session(session: Session, *, person_id: str, center_id: str,
                        bed_id: str | None, when: datetime, notes: str | None = None,
                        bedding: list[str] | None = None) -> Stay:
    """The check-in rules on the caller's open, write-locked transaction (for services that
    check in several people at once, such as accepting a placement)."""
    kit = bedding or []
    person = _person(session, person_id)
    center = _center(session, center_id)
    current = current_stay(session, person_id)
    if current is not None and current.status == StayStatus.PENDING:
        if current.center_id == center_id:
            return _arrive(session, current, bed_id=bed_id, when=when, bedding=kit,
                           notes=notes)
        at = session.get(Center, current.center_id)
        raise RuleViolation(
            "{name} is expected at {center} (pending transfer); record there that the "
            "person did not arrive first.", name=_name(person), center=at.name if at else "?")
    if current is not None:
        at = session.get(Center, current.center_id)
        raise RuleViolation("{name} already has an open stay at {center}.",
                            name=_name(person), center=at.name if at else "?")
    if bed_id is not None:
        _take_bed(session, bed_id, center.id)
    stay = Stay(person_id=person_id, center_id=center_id, bed_id=bed_id, check_in=when,
                notes=notes, bedding=kit)
    session.add(stay)
    session.flush()  # the bed's new status is seen by the next check-in of the transaction
    return stay


def check_out(db: Database, actor: Actor, *, person_id: str, reason: str,
              destination: str | None = None, when: datetime | None = None,
              notes: str | None = None) -> Stay:
    """Close the person's stay and free its bed. Closing a pending arrival records that the
    person never arrived (``reason`` says where they went instead)."""
    actor.require(Permission.MANAGE_STAYS)
    if reason not in set(CheckoutReason):  # a typed error for the user, not a ValueError
        raise ValidationError([FieldError("reason", "Unknown value: {value}.",
                                          {"value": reason})])
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        stay = close_open_stay(session, person_id, when=when or clock.now(), reason=reason,
                               destination=destination, notes=notes)
        if stay is None:
            raise RuleViolation("{name} has no open stay.", name=_name(person))
    return stay


def transfer(db: Database, actor: Actor, *, person_id: str, to_center_id: str,
             bed_id: str | None = None, when: datetime | None = None,
             notes: str | None = None, bedding: Iterable[str] = ()) -> Stay:
    """Close the stay at the current center (reason transfer) and create a pending arrival
    at the other center (no bed, ``from_stay_id`` set), in one transaction; the receiving
    center completes it with :func:`check_in`. With ``bed_id`` (a bed of the receiving
    center) the arrival is completed at once. The person record (id, folio) stays the same.
    A pending arrival can itself be redirected to a third center."""
    actor.require(Permission.MANAGE_STAYS)
    when = when or clock.now()
    kit = bedding_items(bedding)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        target = _center(session, to_center_id)
        current = current_stay(session, person_id)
        if current is None:
            raise RuleViolation("{name} has no open stay.", name=_name(person))
        if current.center_id == to_center_id:
            raise RuleViolation("The person is already at this center.")
        close_open_stay(session, person_id, when=when, reason=CheckoutReason.TRANSFER,
                        destination=target.name, notes=notes)
        session.flush()
        stay = Stay(person_id=person_id, center_id=to_center_id, check_in=when, notes=notes,
                    status=StayStatus.PENDING, from_stay_id=current.id)
        if bed_id is not None:
            _arrive(session, stay, bed_id=bed_id, when=when, bedding=kit, notes=None)
        session.add(stay)
    return stay


def move_bed(db: Database, actor: Actor, *, person_id: str, bed_id: str) -> Stay:
    """Move a present person to another bed of the same center."""
    actor.require(Permission.MANAGE_STAYS)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        stay = current_stay(session, person_id)
        if stay is None:
            raise RuleViolation("{name} has no open stay.", name=_name(person))
        if stay.status == StayStatus.PENDING:
            at = session.get(Center, stay.center_id)
            raise RuleViolation("{name} has not arrived at {center} yet.", name=_name(person),
                                center=at.name if at else "?")
        if stay.bed_id == bed_id:
            return stay
        session.flush()
        _take_bed(session, bed_id, stay.center_id)
        stay.bed_id = bed_id
        session.add(stay)
    return stay
