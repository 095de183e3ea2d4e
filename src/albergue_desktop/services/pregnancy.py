"""Pregnancy follow-up (role salud): prenatal visits, postnatal checks and births.

Visits are append-only like consultations (a correction is a new row naming the one it
replaces). Each visit is judged by the pregnancy rule table
(:mod:`albergue_desktop.domain.pregnancy`), which recommends routine follow-up, a
consultation today or a referral today, and sets the next visit date the health desk shows.

A birth registers the newborn into the mother's household through the registration service
(:func:`.people.add_member_in_session`): born in Mexicali, so Mexican by birth (nationality
and country of birth MX), with the birth certificate (acta de nacimiento) if its number is
known and the CURP pending; the newborn is checked in where the mother stays (no bed yet).
docs/health-followup.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session
from sqlmodel import col, select

from ..domain import clock
from ..domain.enums import Relationship, Sex
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..domain.pregnancy import (
    POSTNATAL_SIGNS, PRENATAL_SIGNS, Recommendation, VisitKind, assess, due_date_from_weeks,
)
from ..storage.db import Database
from ..storage.tables import Birth, IdentityDocumentBase, Person, PregnancyVisit
from . import access_log
from .context import Actor
from .health_common import center_of, live_person
from .people import MemberInput, add_member_in_session
from .stays import check_in_in_session, current_stay, take_write_lock

BIRTH_PLACE_COUNTRY = "MX"
CURP_PENDING_NOTE = "CURP pending (birth registered in Mexicali)."


@dataclass(frozen=True)
class VisitInput:
    kind: str = VisitKind.PRENATAL
    gestation_weeks: int | None = None
    due_date: date | None = None
    delivery_date: date | None = None
    systolic_bp: int | None = None
    diastolic_bp: int | None = None
    warning_signs: frozenset[str] = frozenset()
    notes: str = ""


@dataclass(frozen=True)
class VisitRecord:
    id: str
    person_id: str
    visited_at: datetime
    visited_by: str
    input: VisitInput
    recommendation: Recommendation
    rules_fired: tuple[str, ...]
    next_visit_date: date | None
    corrects_id: str | None = None
    corrected_by_id: str | None = None

    @property
    def is_current(self) -> bool:
        return self.corrected_by_id is None


def validate_visit(data: VisitInput, *, visit_day: date) -> list[FieldError]:
    errors: list[FieldError] = []
    if data.kind not in VisitKind._value2member_map_:
        return [FieldError("kind", "Unknown value: {value}.", {"value": data.kind})]
    kind = VisitKind(data.kind)
    allowed = {str(s) for s in (PRENATAL_SIGNS if kind is VisitKind.PRENATAL
                                else POSTNATAL_SIGNS)}
    unknown = sorted(set(data.warning_signs) - allowed)
    if unknown:
        errors.append(FieldError("warning_signs", "Unknown value: {value}.",
                                 {"value": ", ".join(unknown)}))
    if data.gestation_weeks is not None and not 1 <= data.gestation_weeks <= 45:
        errors.append(FieldError("gestation_weeks", "Must be between {min} and {max}.",
                                 {"min": 1, "max": 45}))
    for name, low, high in (("systolic_bp", 50, 260), ("diastolic_bp", 20, 180)):
        value = getattr(data, name)
        if value is not None and not low <= value <= high:
            errors.append(FieldError(name, "Must be between {min} and {max}.",
                                     {"min": low, "max": high}))
    if (data.systolic_bp is not None and data.diastolic_bp is not None
            and data.diastolic_bp >= data.systolic_bp):
        errors.append(FieldError("diastolic_bp", "The diastolic pressure must be below the "
                                                 "systolic."))
    if kind is VisitKind.POSTNATAL and data.delivery_date and data.delivery_date > visit_day:
        errors.append(FieldError("delivery_date", "The date cannot be in the future."))
    return errors


def _record(row: PregnancyVisit, corrected_by: str | None) -> VisitRecord:
    data = VisitInput(row.kind, row.gestation_weeks, row.due_date, row.delivery_date,
                      row.systolic_bp, row.diastolic_bp, frozenset(row.warning_signs or ()),
                      row.notes or "")
    return VisitRecord(row.id, row.person_id, row.visited_at, row.visited_by, data,
                       Recommendation(row.recommendation), tuple(row.rules_fired or ()),
                       row.next_visit_date, row.corrects_id, corrected_by)


def record_visit(db: Database, actor: Actor, *, person_id: str, visit: VisitInput,
                 when: datetime | None = None, corrects_id: str | None = None) -> VisitRecord:
    """Record a prenatal visit or postnatal check (a new row). Weeks and due date fill each
    other: weeks without a due date give the estimated due date (Naegele)."""
    actor.require(Permission.EDIT_HEALTH)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = live_person(session, person_id)
        if person.sex == Sex.MALE:
            raise ValidationError([FieldError("kind", "A pregnancy cannot be recorded for a "
                                                      "man.")])
        if corrects_id is not None:
            old = session.get(PregnancyVisit, corrects_id)
            if old is None or old.deleted or old.person_id != person_id:
                raise NotFoundError("visit", corrects_id)
            if session.exec(select(PregnancyVisit.id).where(
                    PregnancyVisit.corrects_id == corrects_id,
                    PregnancyVisit.deleted == False)).first():  # noqa: E712
                raise RuleViolation("This record was already corrected; correct the latest "
                                    "version.")
            when = when or old.visited_at
        when = when or clock.now()
        day = when.astimezone().date()
        errors = validate_visit(visit, visit_day=day)
        if errors:
            raise ValidationError(errors)
        kind = VisitKind(visit.kind)
        due = visit.due_date
        if kind is VisitKind.PRENATAL and due is None and visit.gestation_weeks is not None:
            due = due_date_from_weeks(visit.gestation_weeks, day)
        result = assess(kind, on=day, gestation_weeks=visit.gestation_weeks,
                        systolic_bp=visit.systolic_bp, diastolic_bp=visit.diastolic_bp,
                        warning_signs=visit.warning_signs, delivery_date=visit.delivery_date)
        row = PregnancyVisit(
            person_id=person_id, center_id=center_of(session, person), visited_at=when,
            visited_by=actor.username, corrects_id=corrects_id, kind=kind,
            gestation_weeks=visit.gestation_weeks, due_date=due,
            delivery_date=visit.delivery_date, systolic_bp=visit.systolic_bp,
            diastolic_bp=visit.diastolic_bp, warning_signs=sorted(visit.warning_signs),
            recommendation=str(result.recommendation), rules_fired=list(result.rules_fired),
            next_visit_date=result.next_visit, notes=visit.notes.strip() or None)
        session.add(row)
        session.flush()
        return _record(row, None)


def person_visits(session: Session, person_id: str) -> list[VisitRecord]:
    rows = session.exec(select(PregnancyVisit).where(
        PregnancyVisit.person_id == person_id, PregnancyVisit.deleted == False)  # noqa: E712
        .order_by(col(PregnancyVisit.visited_at).desc())).all()
    corrected = {r.corrects_id: r.id for r in rows if r.corrects_id}
    return [_record(r, corrected.get(r.id)) for r in rows]


def visits_of(db: Database, actor: Actor, person_id: str) -> list[VisitRecord]:
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        records = person_visits(session, person_id)
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name="pregnancy_visit",
                        row_id=person_id, what="pregnancy visits", count=len(records))
        return records


# --- births -------------------------------------------------------------------------------

@dataclass(frozen=True)
class BirthInput:
    given_names: str
    sex: str
    born_on: date
    surnames: str | None = None  # None: the mother's surnames
    place: str = ""
    delivery: str = ""  # vaginal | cesarean
    weight_g: int | None = None
    birth_certificate: str = ""  # acta de nacimiento number, if already issued
    notes: str = ""


@dataclass(frozen=True)
class BirthRecord:
    id: str
    mother_id: str
    newborn_id: str
    newborn_folio: str
    born_on: date


def _relationship_to_head(mother: Person, head_id: str | None) -> str:
    if mother.id == head_id or mother.relationship in (Relationship.HEAD,
                                                       Relationship.SPOUSE):
        return Relationship.CHILD
    return Relationship.OTHER_RELATIVE


def record_birth(db: Database, actor: Actor, *, mother_id: str, birth: BirthInput,
                 ) -> BirthRecord:
    """Record a birth and register the newborn into the mother's household (see the module
    docstring). Nothing is written on error."""
    actor.require(Permission.EDIT_HEALTH)
    errors: list[FieldError] = []
    if birth.weight_g is not None and not 300 <= birth.weight_g <= 7000:
        errors.append(FieldError("weight_g", "Must be between {min} and {max}.",
                                 {"min": 300, "max": 7000}))
    if birth.delivery and birth.delivery not in ("vaginal", "cesarean"):
        errors.append(FieldError("delivery", "Unknown value: {value}.",
                                 {"value": birth.delivery}))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        take_write_lock(session)
        mother = live_person(session, mother_id)
        if mother.sex != Sex.FEMALE:
            raise RuleViolation("Only a woman can be recorded as the mother of a birth.")
        if mother.household_id is None:
            raise RuleViolation("The mother has no household to register the newborn in.")
        from ..storage.tables import Household
        household = session.get(Household, mother.household_id)
        center_id = center_of(session, mother)
        if center_id is None:
            raise RuleViolation("The mother has no center to register the newborn in.")
        documents = ([IdentityDocumentBase(doc_type="birth_certificate",
                                           number=birth.birth_certificate.strip(),
                                           issuing_country=BIRTH_PLACE_COUNTRY)]
                     if birth.birth_certificate.strip() else [])
        from ..domain.i18n import translate
        member = MemberInput(
            given_names=birth.given_names, sex=birth.sex,
            surnames=mother.surnames if birth.surnames is None else birth.surnames,
            birth_date=birth.born_on, relationship=_relationship_to_head(
                mother, household.head_person_id if household else None),
            nationality=BIRTH_PLACE_COUNTRY, country_of_birth=BIRTH_PLACE_COUNTRY,
            arrival_date=birth.born_on, notes=translate(CURP_PENDING_NOTE),
            documents=documents)
        newborn = add_member_in_session(session, household_id=mother.household_id,
                                        member=member, center_id=center_id,
                                        today=clock.today())
        stay = current_stay(session, mother.id)
        if stay is not None and stay.status == "open":
            check_in_in_session(session, person_id=newborn.id, center_id=stay.center_id,
                                bed_id=None, when=clock.now(),
                                notes=translate("Born during the mother's stay."))
        row = Birth(person_id=mother.id, newborn_id=newborn.id, center_id=center_id,
                    born_on=birth.born_on, place=birth.place.strip() or None,
                    delivery=birth.delivery or None, weight_g=birth.weight_g,
                    recorded_by=actor.username, notes=birth.notes.strip() or None)
        session.add(row)
        session.flush()
        return BirthRecord(row.id, mother.id, newborn.id, str(newborn.folio), birth.born_on)


def births_of(session: Session, mother_id: str) -> list[Birth]:
    return list(session.exec(select(Birth).where(
        Birth.person_id == mother_id, Birth.deleted == False)).all())  # noqa: E712
