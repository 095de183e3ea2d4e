"""Housing: homes (DIF as aval moral, recovered from disuse), leases shared by households,
move-in that discharges the household in one step, move-out."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pathway_world import lodged_family
from sqlmodel import select

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.services import housing
from albergue_desktop.services.context import Actor
from albergue_desktop.services.housing import HomeInput
from albergue_desktop.storage.tables import Discharge, Home, Lease, Stay

STAFF = Actor(username="vinc", role="vinculacion")
MOVE = datetime(2022, 2, 15, 17, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(date(2022, 2, 15)):
        yield


@pytest.fixture
def home(db):
    owner = housing.save_landlord(db, STAFF, name="Sra. López", phone="686 555 0101")
    return housing.save_home(db, STAFF, HomeInput(
        address="Av. Reforma 123, Col. Nueva", landlord_id=owner.id, rooms=3, rent=4000,
        deposit=4000, dif_guarantor=True, status="recovered"))


def test_a_recovered_home_stays_recovered_once_leased(db, home):
    assert home.recovered and home.dif_guarantor
    lease = housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 2, 14))
    with db.session() as s:
        h = s.get(Home, home.id)
    assert h.status == "leased" and h.recovered and lease.rent == 4000
    with pytest.raises(RuleViolation):
        housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 2, 14))


def test_two_households_share_a_home_and_leave_the_shelter_in_one_step(db, center, home):
    hh1, ids1 = lodged_family(db, center.id)
    hh2, ids2 = lodged_family(db, center.id, surname="Pierre")
    lease = housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 2, 14))
    first = housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh1, rent_share=2000,
                            transport="program_vehicle", when=MOVE)
    housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh2, rent_share=2000, when=MOVE)
    with db.session() as s:
        closed = list(s.exec(select(Stay).where(Stay.person_id.in_(ids1 + ids2))))
        disc = s.get(Discharge, first.discharge.id)
    assert all(st.check_out is not None and st.reason == "housing" for st in closed)
    assert {st.destination for st in closed} == {"Av. Reforma 123, Col. Nueva"}
    assert disc.lease_id == lease.id and disc.transport == "program_vehicle"
    rows = housing.list_homes(db, STAFF)
    assert rows[0].households == 2


def test_rent_shares_cannot_exceed_the_rent_and_nothing_is_saved(db, center, home):
    hh1, _ = lodged_family(db, center.id)
    hh2, ids2 = lodged_family(db, center.id, surname="Pierre")
    lease = housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 2, 14))
    housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh1, rent_share=3000, when=MOVE)
    with pytest.raises(ValidationError) as err:
        housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh2, rent_share=1500,
                        when=MOVE)
    assert err.value.for_field("rent_share")
    with db.session() as s:  # the second household is still lodged
        assert all(st.check_out is None for st in s.exec(select(Stay).where(
            Stay.person_id.in_(ids2))))


def test_move_out_of_the_last_household_ends_the_lease(db, center, home):
    hh1, _ = lodged_family(db, center.id)
    lease = housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 2, 14))
    housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh1, when=MOVE)
    with pytest.raises(RuleViolation):
        housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh1, discharge=False)
    housing.move_out(db, STAFF, lease_id=lease.id, household_id=hh1, on=date(2022, 3, 30))
    with db.session() as s:
        assert s.get(Lease, lease.id).ended_on == date(2022, 3, 30)
        assert s.get(Home, home.id).status == "available"
    with pytest.raises(RuleViolation):
        housing.move_out(db, STAFF, lease_id=lease.id, household_id=hh1)


def test_bad_home_input_is_refused(db):
    with pytest.raises(ValidationError) as err:
        housing.save_home(db, STAFF, HomeInput(address=" ", rooms=0, rent=-1))
    assert {e.field for e in err.value.errors} == {"address", "rooms", "rent"}


def test_intake_cannot_manage_housing(db):
    with pytest.raises(PermissionDenied):
        housing.save_landlord(db, Actor(username="r", role="registro"), name="X")
