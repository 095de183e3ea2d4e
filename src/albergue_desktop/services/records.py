"""The person record: every detail of one person, their household, documents, stays and the
history of changes, filtered by what the reader's role may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import select

from ..domain.errors import NotFoundError
from ..domain.permissions import Permission, visible_needs
from ..storage.db import Database
from ..storage.tables import (
    AuditEvent, Bed, Center, Household, IdentityDocument, Person, PersonPhoto, Stay,
    Vaccination,
)
from . import access_log
from .context import Actor


@dataclass(frozen=True)
class StayLine:
    id: str
    center_code: str
    center_name: str
    bed_code: str | None
    check_in: datetime
    check_out: datetime | None
    reason: str | None
    destination: str | None
    status: str = "open"  # open | pending (a transfer's expected arrival; see stays.py)


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    username: str | None
    action: str
    table_name: str | None
    changes: dict


@dataclass(frozen=True)
class MemberLine:
    id: str
    folio: str | None
    full_name: str
    relationship: str | None
    sex: str
    birth_date: date | None


@dataclass(frozen=True)
class DuplicateLine:
    """A record confirmed as a duplicate of this person (duplicates review), with its stays."""

    id: str
    folio: str | None
    full_name: str
    center_code: str | None
    stays: list[StayLine]


@dataclass
class PersonRecord:
    person: Person
    center: Center | None
    household: Household | None
    members: list[MemberLine]
    documents: list[IdentityDocument]
    vaccinations: list[Vaccination]
    stays: list[StayLine]
    history: list[HistoryLine]
    merged_into: Person | None = None
    duplicates: list[DuplicateLine] = field(default_factory=list)


def _live(model):
    return model.deleted == False  # noqa: E712


def person_record(db: Database, actor: Actor, person_id: str, *,
                  audited: bool = True) -> PersonRecord:
    """The record as ``actor`` may see it. Opening it is an audited read
    (services/access_log.py); ``audited`` False only for a reload of a record already open
    (after its own edit)."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("person", person_id)
        household = session.get(Household, person.household_id) if person.household_id else None
        members = []
        if household is not None:
            rows = session.exec(select(Person).where(Person.household_id == household.id,
                                                     _live(Person)).order_by(Person.folio))
            members = [MemberLine(p.id, p.folio, f"{p.given_names} {p.surnames.upper()}".strip(),
                                  p.relationship, p.sex, p.birth_date) for p in rows]
        documents = list(session.exec(select(IdentityDocument).where(
            IdentityDocument.person_id == person_id, _live(IdentityDocument))))
        vaccinations = list(session.exec(select(Vaccination).where(
            Vaccination.person_id == person_id, _live(Vaccination))
            .order_by(Vaccination.date)))
        stays = _stays(session, person_id)
        duplicates = []
        for dup in session.exec(select(Person).where(Person.merged_into_id == person_id,
                                                     _live(Person)).order_by(Person.folio)):
            dup_center = session.get(Center, dup.center_id) if dup.center_id else None
            duplicates.append(DuplicateLine(
                dup.id, dup.folio, f"{dup.given_names} {dup.surnames.upper()}".strip(),
                dup_center.code if dup_center else None, _stays(session, dup.id)))
        # removed documents, vaccinations and photos too: their removal is history
        related = [person_id, *(s.id for s in stays), *(r for model in (
            IdentityDocument, Vaccination, PersonPhoto) for r in session.exec(
                select(model.id).where(model.person_id == person_id)))]
        # the history of changes: reads are listed apart (access_log.viewers_of)
        events = session.exec(select(AuditEvent).where(
            AuditEvent.row_id.in_(related),
            AuditEvent.action.not_in(access_log.READ_ACTIONS)).order_by(AuditEvent.at))
        history = [HistoryLine(e.at, e.username, e.action, e.table_name,
                               _visible_changes(actor, e.changes)) for e in events]
        merged_into = (session.get(Person, person.merged_into_id)
                       if person.merged_into_id else None)
        center = session.get(Center, person.center_id) if person.center_id else None
        session.expunge_all()
        if audited:
            access_log.note(session, actor, access_log.VIEW_RECORD, table_name="person",
                            row_id=person_id)
    person.specific_needs = visible_needs(actor.role, person.specific_needs or [])
    return PersonRecord(person, center, household, members, documents, vaccinations,
                        stays, history, merged_into, duplicates)


def _stays(session, person_id: str) -> list[StayLine]:
    stays = []
    for stay in session.exec(select(Stay).where(Stay.person_id == person_id, _live(Stay))
                             .order_by(Stay.check_in)):
        center = session.get(Center, stay.center_id)
        bed = session.get(Bed, stay.bed_id) if stay.bed_id else None
        stays.append(StayLine(stay.id, center.code if center else "?",
                              center.name if center else "?", bed.code if bed else None,
                              stay.check_in, stay.check_out, stay.reason, stay.destination,
                              stay.status))
    return stays


def _visible_changes(actor: Actor, changes: dict) -> dict:
    if "specific_needs" not in changes:
        return changes
    old, new = changes["specific_needs"]
    return {**changes, "specific_needs": [visible_needs(actor.role, old or []),
                                          visible_needs(actor.role, new or [])]}
