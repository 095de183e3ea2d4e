"""Vaccination days: one vaccine and lot recorded for many people in a row. For each person
the screen shows the doses of that vaccine already recorded, the next dose number and the
schedule gaps (services/vaccination_summary.py); recording is one call per person.
Health data: VIEW_HEALTH to look, EDIT_HEALTH to record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import col, select

from ..domain import clock
from ..domain import vaccines as vx
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Person, Vaccination
from .context import Actor
from .vaccination_summary import VaccinationSummary, vaccination_summary


@dataclass(frozen=True)
class Campaign:
    """What every dose of the day shares."""

    vaccine: str  # a domain.vaccines.Vaccine value
    lot: str
    day: date
    place: str
    brand: str | None = None  # COVID-19 product

    def check(self) -> None:
        errors = []
        if vx.parse_vaccine(self.vaccine) is None:
            errors.append(FieldError("vaccine", "Unknown value: {value}.",
                                     {"value": self.vaccine}))
        if not self.lot.strip():
            errors.append(FieldError("lot", "This field is required."))
        if self.day > clock.today():
            errors.append(FieldError("day", "The date cannot be in the future."))
        if self.vaccine == vx.Vaccine.COVID19 and vx.parse_covid_brand(self.brand) is None:
            errors.append(FieldError("brand", "Choose the COVID-19 vaccine product."))
        if errors:
            raise ValidationError(errors)


@dataclass(frozen=True)
class Candidate:
    person_id: str
    name: str
    folio: str | None
    birth_date: date | None
    doses: tuple[tuple[int | None, date | None, str | None], ...]  # this vaccine: dose, day, lot
    next_dose: int
    already_today: bool
    summary: VaccinationSummary


def _doses(session, person_id: str, vaccine: str) -> list[Vaccination]:
    return [v for v in session.exec(select(Vaccination).where(
        Vaccination.person_id == person_id, Vaccination.deleted == False)  # noqa: E712
        .order_by(col(Vaccination.date))) if vx.parse_vaccine(v.vaccine) == vaccine]


def candidate(db: Database, actor: Actor, person_id: str, campaign: Campaign) -> Candidate:
    """The person as the vaccination day screen shows them."""
    actor.require(Permission.VIEW_HEALTH)
    with db.read_session() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        doses = _doses(session, person_id, campaign.vaccine)
        name = f"{person.given_names} {person.surnames.upper()}".strip()
        folio, birth = person.folio, person.birth_date
    summary = vaccination_summary(db, actor, person_id, today=campaign.day)
    numbered = [d.dose for d in doses if d.dose]
    return Candidate(person_id, name, folio, birth,
                     tuple((d.dose, d.date, d.lot) for d in doses),
                     max(numbered, default=len(doses)) + 1,
                     any(d.date == campaign.day for d in doses), summary)


def record(db: Database, actor: Actor, person_id: str, campaign: Campaign, *,
           dose: int | None = None) -> str:
    """Record the campaign's vaccine for one person; refused when the person already has a
    dose of it that day (a card scanned twice). Returns the vaccination id."""
    actor.require(Permission.EDIT_HEALTH)
    campaign.check()
    if dose is not None and not 1 <= dose <= 10:
        raise ValidationError([FieldError("dose", "The dose must be between 1 and 10.")])
    with db.session(actor.username) as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        doses = _doses(session, person_id, campaign.vaccine)
        if any(d.date == campaign.day for d in doses):
            raise RuleViolation("{name} already has this vaccine recorded on {day}.",
                                name=f"{person.given_names} {person.surnames}".strip(),
                                day=campaign.day.strftime("%d/%m/%Y"))
        numbered = [d.dose for d in doses if d.dose]
        row = Vaccination(person_id=person_id, vaccine=str(vx.parse_vaccine(campaign.vaccine)),
                          brand=str(vx.parse_covid_brand(campaign.brand))
                          if campaign.brand else None,
                          dose=dose or max(numbered, default=len(doses)) + 1,
                          date=campaign.day, lot=campaign.lot.strip(),
                          place=campaign.place.strip() or None)
        session.add(row)
        session.flush()
        return row.id


def recorded_on(db: Database, actor: Actor, campaign: Campaign) -> int:
    """How many doses of the campaign's vaccine and lot are recorded that day (the tally)."""
    actor.require(Permission.VIEW_HEALTH)
    with db.read_session() as session:
        return len(session.exec(select(Vaccination.id).where(
            Vaccination.date == campaign.day, Vaccination.lot == campaign.lot.strip(),
            Vaccination.vaccine == str(vx.parse_vaccine(campaign.vaccine)),
            Vaccination.deleted == False)).all())  # noqa: E712
