"""The board's stages follow the records; days in the shelter; the center filter."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pathway_world import lodged_family

from albergue_desktop.domain import clock
from albergue_desktop.services import centers, housing, jobs, pathway_board, people, schooling
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.housing import HomeInput
from albergue_desktop.storage.tables import PersonUpdate

T0 = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(date(2022, 2, 1)):
        yield


def stage_of(db, hh, **kw):
    return {r.household_id: r for r in pathway_board.board(db, SYSTEM, **kw)}[hh]


def test_a_household_moves_along_the_stages(db, center):
    hh, ids = lodged_family(db, center.id, when=T0)
    row = stage_of(db, hh)
    assert row.stage == "arrived" and row.days == 22 and row.present == 3
    assert row.adults == 2 and row.children == 1
    for pid in ids[:2]:
        people.update_person(db, SYSTEM, pid, PersonUpdate(migratory_status="tvrh",
                                                           curp=None))
    assert stage_of(db, hh).stage == "arrived"  # no CURP yet
    from albergue_desktop.storage.tables import IdentityDocument
    with db.session() as s:
        for pid in ids[:2]:
            s.add(IdentityDocument(person_id=pid, doc_type="curp", number="X"))
    assert stage_of(db, hh).stage == "documents"
    emp = jobs.save_employer(db, SYSTEM, name="Taller")
    o = jobs.save_opening(db, SYSTEM, jobs.OpeningInput(emp.id, "Soldador"))
    jobs.place(db, SYSTEM, person_id=ids[0], opening_id=o.id, start_date=date(2022, 1, 30),
               outcome="started")
    assert stage_of(db, hh).stage == "job"
    home = housing.save_home(db, SYSTEM, HomeInput(address="Calle 3"))
    lease = housing.create_lease(db, SYSTEM, home_id=home.id, start_date=date(2022, 1, 31))
    housing.move_in(db, SYSTEM, lease_id=lease.id, household_id=hh, discharge=False)
    assert stage_of(db, hh).stage == "housing"  # the child is not in school yet
    schooling.save_enrollment(db, SYSTEM, ids[2], schooling.EnrollmentInput(
        school="Primaria 1", level="primaria", grade=2, status="enrolled"))
    row = stage_of(db, hh)
    assert row.stage == "ready" and row.home == "Calle 3"
    from albergue_desktop.services import discharge
    discharge.discharge_household(db, SYSTEM, household_id=hh,
                                  when=datetime(2022, 2, 1, 18, tzinfo=timezone.utc),
                                  plan=discharge.DischargePlan(destination="housing",
                                                               lease_id=lease.id))
    row = stage_of(db, hh)
    assert row.stage == "left" and row.days == 22 and row.destination == "housing"


def test_days_count_in_the_program_time_zone(db, center):
    # 2022-01-10 05:30 UTC is still January 9 in Mexicali (UTC-8)
    hh, _ = lodged_family(db, center.id, when=datetime(2022, 1, 10, 5, 30, tzinfo=timezone.utc))
    assert stage_of(db, hh).days == 23


def test_filter_by_center(db, center):
    other = centers.create_center(db, SYSTEM, code="9", name="Centro 9")
    area = centers.create_area(db, SYSTEM, center_id=other.id, name="A")
    centers.add_beds(db, SYSTEM, area_id=area.id, count=3)
    hh1, _ = lodged_family(db, center.id)
    hh2, _ = lodged_family(db, other.id, surname="Pierre")
    assert [r.household_id for r in pathway_board.board(db, SYSTEM, center_id=other.id)] == [hh2]
    assert {r.household_id for r in pathway_board.board(db, SYSTEM)} == {hh1, hh2}
