"""Vaccination days (services/vaccination_day.py) and the scan lookup (services/scan.py)."""

from __future__ import annotations

from datetime import date

import pytest

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.services import people, scan, vaccination_day
from albergue_desktop.services.context import SYSTEM, Actor

NURSE = Actor("enfermera", "salud")
DAY = date(2022, 1, 20)
FLU = vaccination_day.Campaign("influenza", "FLU-2122-07", DAY, "Jornada CC3")


@pytest.fixture(autouse=True)
def _day():
    with clock.frozen(DAY):
        yield


@pytest.fixture
def family(db, center, make_member):
    return people.register_household(db, SYSTEM, center_id=center.id, members=[
        make_member(given="Marie", birth=date(1990, 5, 1)),
        make_member(given="Ti-Jean", sex="M", birth=date(2021, 6, 1), relationship="child",
                    vaccinations=[{"vaccine": "influenza", "dose": 1,
                                   "date": date(2021, 12, 1)}]),
    ]).person_ids


def test_a_scanned_folio_finds_its_person_and_a_name_searches(db, center, family):
    with db.read_session() as session:
        from albergue_desktop.storage.tables import Person
        folio = session.get(Person, family[1]).folio
    found = scan.resolve(db, NURSE, folio.lower())
    assert found.exact is not None and found.exact.id == family[1]
    by_name = scan.resolve(db, NURSE, "marie")
    assert by_name.exact is None and [r.id for r in by_name.matches] == [family[0]]
    assert scan.resolve(db, NURSE, "   ").matches == ()


def test_each_person_gets_the_next_dose_and_a_second_scan_is_refused(db, center, family):
    child = vaccination_day.candidate(db, NURSE, family[1], FLU)
    assert child.next_dose == 2 and not child.already_today
    assert child.summary.prompts  # the schedule gaps of a 7-month-old are computed
    vaccination_day.record(db, NURSE, family[1], FLU)
    vaccination_day.record(db, NURSE, family[0], FLU)
    with pytest.raises(RuleViolation):
        vaccination_day.record(db, NURSE, family[1], FLU)
    assert vaccination_day.candidate(db, NURSE, family[1], FLU).already_today
    assert vaccination_day.candidate(db, NURSE, family[1], FLU).doses[-1] == \
        (2, DAY, "FLU-2122-07")
    assert vaccination_day.recorded_on(db, NURSE, FLU) == 2


def test_the_campaign_is_checked_and_roles_are_enforced(db, center, family):
    with pytest.raises(ValidationError):
        vaccination_day.record(db, NURSE, family[0], vaccination_day.Campaign(
            "influenza", " ", DAY, ""))
    with pytest.raises(ValidationError):
        vaccination_day.record(db, NURSE, family[0], vaccination_day.Campaign(
            "covid19", "L1", DAY, ""))
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            vaccination_day.record(db, Actor("x", role), family[0], FLU)
