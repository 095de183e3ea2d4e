"""Vaccination status of a person for the screening screen: the COVID-19 course and the
prompts (children's schedule gaps, Tdap in pregnancy). Prompts only; nothing ever blocks.
Pregnancy and its weeks come from the latest screening (the weeks advance with the days)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from ..domain import clock
from ..domain import vaccines as vx
from ..domain.clinical_rules import age_in_months
from ..domain.errors import NotFoundError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import Person, Vaccination
from .context import Actor
from .screening import latest_of

CHILD_UNTIL_MONTHS = 120  # the children's schedule (Cartilla 0-9 years)


@dataclass(frozen=True)
class VaccinationSummary:
    covid: vx.CovidSummary
    prompts: tuple[vx.VaccinePrompt, ...]
    age_months: int | None
    gestation_weeks: int | None  # today, from the latest screening; None if not pregnant


def vaccination_summary(db: Database, actor: Actor, person_id: str,
                        today: date | None = None) -> VaccinationSummary:
    actor.require(Permission.VIEW_HEALTH)
    today = today or clock.today()
    with db.session(actor.username) as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        doses = [vx.VaccineDose(v.vaccine, v.brand, v.dose, v.date)
                 for v in session.exec(select(Vaccination).where(
                     Vaccination.person_id == person_id,
                     Vaccination.deleted == False))]  # noqa: E712
        latest = latest_of(session, person_id)
    age = age_in_months(person.birth_date, today) if person.birth_date else None
    weeks = None
    if latest is not None and latest.input.pregnant and latest.input.gestation_weeks:
        weeks = latest.input.gestation_weeks + (today - latest.screened_at.date()).days // 7
    prompts: list[vx.VaccinePrompt] = []
    if age is not None and age < CHILD_UNTIL_MONTHS:
        prompts += vx.child_schedule_gaps(age_months=age, doses=doses, today=today)
    tdap = vx.tdap_in_pregnancy(pregnant=weeks is not None, gestation_weeks=weeks,
                                doses=doses, today=today)
    if tdap is not None:
        prompts.append(tdap)
    return VaccinationSummary(vx.covid_status(doses), tuple(prompts), age, weeks)
