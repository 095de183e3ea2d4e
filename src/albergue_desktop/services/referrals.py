"""Referrals to hospitals and specialists (role salud): create, move the status, list the
open ones with the days waiting.

Status transitions (docs/health-followup.md)::

    sent ──> attended ──> returned        (counter-referral note required)
      │  └─> returned                     (the person came back with the note)
      └────> not_attended ──> sent        (a new appointment: the referral is sent again)

``returned`` is final. Open referrals are those sent or attended (the person has not
come back with the counter-referral yet); ``not_attended`` also shows on the desk, as a
referral to send again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import text
from sqlmodel import Session
from sqlmodel import col, select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Referral
from . import access_log
from .context import Actor
from .health_common import center_of, live_person
from .stays import take_write_lock


class ReferralStatus(StrEnum):
    SENT = "sent"
    ATTENDED = "attended"
    RETURNED = "returned"
    NOT_ATTENDED = "not_attended"


class Urgency(StrEnum):
    ROUTINE = "routine"
    PRIORITY = "priority"
    URGENT = "urgent"


class Transport(StrEnum):
    AMBULANCE = "ambulance"
    DIF_VEHICLE = "dif_vehicle"
    PUBLIC = "public"
    ACCOMPANIED_ON_FOOT = "accompanied"
    OWN = "own"


TRANSITIONS: dict[ReferralStatus, frozenset[ReferralStatus]] = {
    ReferralStatus.SENT: frozenset({ReferralStatus.ATTENDED, ReferralStatus.RETURNED,
                                    ReferralStatus.NOT_ATTENDED}),
    ReferralStatus.ATTENDED: frozenset({ReferralStatus.RETURNED}),
    ReferralStatus.NOT_ATTENDED: frozenset({ReferralStatus.SENT}),
    ReferralStatus.RETURNED: frozenset(),
}
OPEN_STATUSES = (ReferralStatus.SENT, ReferralStatus.ATTENDED, ReferralStatus.NOT_ATTENDED)


@dataclass(frozen=True)
class ReferralInput:
    destination: str = ""
    reason: str = ""
    urgency: str = Urgency.ROUTINE
    specialty: str = ""
    transport: str = ""
    appointment_date: date | None = None
    consultation_id: str | None = None


@dataclass(frozen=True)
class ReferralLine:
    id: str
    person_id: str
    center_id: str | None
    referred_at: datetime
    referred_by: str
    destination: str
    specialty: str | None
    reason: str
    urgency: str
    transport: str | None
    status: str
    status_at: datetime | None
    status_by: str | None
    appointment_date: date | None
    counter_referral: str | None
    consultation_id: str | None
    folio: str | None = None
    name: str | None = None

    def days_waiting(self, today: date) -> int:
        return max((today - self.referred_at.astimezone().date()).days, 0)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


def _line(r: Referral, folio: str | None = None, name: str | None = None) -> ReferralLine:
    return ReferralLine(r.id, r.person_id, r.center_id, r.referred_at, r.referred_by,
                        r.destination, r.specialty, r.reason, r.urgency, r.transport, r.status,
                        r.status_at, r.status_by, r.appointment_date, r.counter_referral,
                        r.consultation_id, folio, name)


def validate_referral(data: ReferralInput) -> list[FieldError]:
    errors = []
    for name in ("destination", "reason"):
        if not getattr(data, name).strip():
            errors.append(FieldError(name, "This field is required."))
    if data.urgency not in Urgency._value2member_map_:
        errors.append(FieldError("urgency", "Unknown value: {value}.", {"value": data.urgency}))
    if data.transport and data.transport not in Transport._value2member_map_:
        errors.append(FieldError("transport", "Unknown value: {value}.",
                                 {"value": data.transport}))
    return errors


def create_referral(db: Database, actor: Actor, *, person_id: str, referral: ReferralInput,
                    when: datetime | None = None) -> ReferralLine:
    """Refer a person (status ``sent``)."""
    actor.require(Permission.EDIT_HEALTH)
    errors = validate_referral(referral)
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = live_person(session, person_id)
        when = when or clock.now()
        row = Referral(person_id=person_id, center_id=center_of(session, person),
                       consultation_id=referral.consultation_id, referred_at=when,
                       referred_by=actor.username, destination=referral.destination.strip(),
                       specialty=referral.specialty.strip() or None,
                       reason=referral.reason.strip(), urgency=referral.urgency,
                       transport=referral.transport or None,
                       appointment_date=referral.appointment_date,
                       status=ReferralStatus.SENT, status_at=when, status_by=actor.username)
        session.add(row)
        session.flush()
        return _line(row)


def set_status(db: Database, actor: Actor, referral_id: str, status: str, *,
               note: str = "", appointment_date: date | None = None,
               when: datetime | None = None) -> ReferralLine:
    """Move a referral to ``status`` if the transition is allowed (RuleViolation
    otherwise). ``returned`` needs the counter-referral ``note``; sending again may give a
    new ``appointment_date``."""
    actor.require(Permission.EDIT_HEALTH)
    if status not in ReferralStatus._value2member_map_:
        raise ValidationError([FieldError("status", "Unknown value: {value}.",
                                          {"value": status})])
    new = ReferralStatus(status)
    if new is ReferralStatus.RETURNED and not note.strip():
        raise ValidationError([FieldError("counter_referral",
                                          "Write the counter-referral note.")])
    with db.session(actor.username) as session:
        take_write_lock(session)
        row = session.get(Referral, referral_id)
        if row is None or row.deleted:
            raise NotFoundError("referral", referral_id)
        old = ReferralStatus(row.status)
        if new not in TRANSITIONS[old]:
            raise RuleViolation("A referral {old} cannot become {new}.",
                                old=status_word(old), new=status_word(new))
        row.status, row.status_at, row.status_by = new, when or clock.now(), actor.username
        if note.strip():
            row.counter_referral = note.strip()
        if appointment_date is not None:
            row.appointment_date = appointment_date
        session.flush()
        return _line(row)


STATUS_WORDS = {"sent": "sent", "attended": "attended", "returned": "returned",
                "not_attended": "did not attend"}


def status_word(status: str) -> str:
    from ..domain.i18n import translate
    return translate(STATUS_WORDS.get(status, status))


def referrals_of(db: Database, actor: Actor, person_id: str) -> list[ReferralLine]:
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        rows = person_referrals(session, person_id)
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name="referral",
                        row_id=person_id, what="referrals", count=len(rows))
        return rows


def person_referrals(session: Session, person_id: str) -> list[ReferralLine]:
    rows = session.exec(select(Referral).where(
        Referral.person_id == person_id, Referral.deleted == False)  # noqa: E712
        .order_by(col(Referral.referred_at).desc())).all()
    return [_line(r) for r in rows]


def open_referral_lines(session: Session, center_id: str | None) -> list[ReferralLine]:
    """Open referrals (sent, attended, not attended) of a center (None: every center) with
    the person's folio and name, oldest first. No permission check."""
    sql = ("SELECT r.id, p.folio, p.given_names, p.surnames FROM referral r "
           "JOIN person p ON p.id = r.person_id WHERE r.deleted = 0 AND p.deleted = 0 "
           "AND r.status IN ('sent', 'attended', 'not_attended')"
           + (" AND r.center_id = :center" if center_id else ""))
    found = {rid: (folio, f"{given} {(surnames or '').upper()}".strip())
             for rid, folio, given, surnames in session.connection().execute(
                 text(sql), {"center": center_id})}
    if not found:
        return []
    rows = session.exec(select(Referral).where(col(Referral.id).in_(list(found)))).all()
    return sorted((_line(r, *found[r.id]) for r in rows), key=lambda x: x.referred_at)


def open_referrals(db: Database, actor: Actor, *, center_id: str | None = None,
                   ) -> list[ReferralLine]:
    """The open referrals of a center (or all), oldest first (most days waiting)."""
    actor.require(Permission.VIEW_HEALTH)
    with db.read_session() as session:
        return open_referral_lines(session, center_id)
