"""The household discharge: one step, every member's stay closed through the stay service,
with destination, transport and reason; a person may leave alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pathway_world import T0, lodged_family
from sqlmodel import select

from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.services import discharge, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.discharge import DischargePlan
from albergue_desktop.storage.tables import Discharge, Stay


def open_stays(db, ids):
    with db.session() as s:
        return [st for st in s.exec(select(Stay).where(Stay.person_id.in_(ids)))
                if st.check_out is None]


def test_a_household_leaves_in_one_step_with_destination_and_transport(db, center):
    hh, ids = lodged_family(db, center.id)
    when = T0 + timedelta(days=40)
    row = discharge.discharge_household(db, SYSTEM, household_id=hh, when=when, plan=DischargePlan(
        destination="other_city", destination_detail="Tijuana, B.C.",
        transport="bus_ticket", transport_detail="Autobuses ABC, 08:00", reason="Familia allá"))
    assert sorted(row.person_ids) == sorted(ids)
    assert open_stays(db, ids) == []
    with db.session() as s:
        closed = list(s.exec(select(Stay).where(Stay.person_id.in_(ids))))
        saved = s.get(Discharge, row.id)
    assert {st.reason for st in closed} == {"other_city"}
    assert {st.destination for st in closed} == {"Tijuana, B.C."}
    assert all(st.check_out.replace(tzinfo=None) == when.replace(tzinfo=None) for st in closed)
    assert saved.transport == "bus_ticket" and saved.center_id == center.id
    assert saved.reason == "Familia allá"


def test_a_person_leaves_alone_and_the_household_stays(db, center):
    hh, ids = lodged_family(db, center.id)
    discharge.discharge_person(db, SYSTEM, person_id=ids[1], when=T0 + timedelta(days=3),
                               plan=DischargePlan(destination="return",
                                                  destination_detail="Haití"))
    assert {st.person_id for st in open_stays(db, ids)} == {ids[0], ids[2]}
    rows = discharge.discharges_of_household(db, SYSTEM, hh)
    assert len(rows) == 1 and rows[0].alone and rows[0].people == 1
    # the rest of the household leaves later: only those still lodged are closed
    row = discharge.discharge_household(db, SYSTEM, household_id=hh, when=T0 + timedelta(days=9),
                                        plan=DischargePlan(destination="housing",
                                                           destination_detail="Calle 1 #2"))
    assert sorted(row.person_ids) == sorted([ids[0], ids[2]])
    assert open_stays(db, ids) == []


def test_a_pending_transfer_arrival_is_closed_too(db, center):
    from albergue_desktop.services import centers
    other = centers.create_center(db, SYSTEM, code="7", name="Centro 7")
    hh, ids = lodged_family(db, center.id)
    stays.transfer(db, SYSTEM, person_id=ids[2], to_center_id=other.id, when=T0 + timedelta(1))
    row = discharge.discharge_household(db, SYSTEM, household_id=hh, when=T0 + timedelta(2),
                                        plan=DischargePlan(destination="return",
                                                           destination_detail="Chile"))
    assert ids[2] in row.person_ids and open_stays(db, ids) == []


@pytest.mark.parametrize("plan, field", [
    (DischargePlan(destination="other_city"), "destination_detail"),
    (DischargePlan(destination="housing"), "destination_detail"),
    (DischargePlan(destination="moon", destination_detail="x"), "destination"),
    (DischargePlan(destination="return", destination_detail="Haití", transport="zeppelin"),
     "transport"),
    (DischargePlan(destination="other"), "reason"),
    (DischargePlan(destination="return", destination_detail="Haití", transport="partner"),
     "transport_detail"),
])
def test_a_bad_plan_changes_nothing(db, center, plan, field):
    hh, ids = lodged_family(db, center.id)
    with pytest.raises(ValidationError) as err:
        discharge.discharge_household(db, SYSTEM, household_id=hh, plan=plan,
                                      when=T0 + timedelta(days=1))
    assert err.value.for_field(field)
    assert len(open_stays(db, ids)) == 3
    with db.session() as s:
        assert s.exec(select(Discharge)).all() == []


def test_a_discharge_before_a_check_in_is_refused_for_everyone(db, center):
    hh, ids = lodged_family(db, center.id)
    with pytest.raises(ValidationError):
        discharge.discharge_household(db, SYSTEM, household_id=hh, when=T0 - timedelta(days=1),
                                      plan=DischargePlan(destination="return",
                                                         destination_detail="Haití"))
    assert len(open_stays(db, ids)) == 3  # all or nothing


def test_nobody_left_to_discharge_is_a_clear_error(db, center):
    hh, ids = lodged_family(db, center.id)
    plan = DischargePlan(destination="return", destination_detail="Haití")
    discharge.discharge_household(db, SYSTEM, household_id=hh, plan=plan,
                                  when=T0 + timedelta(days=1))
    with pytest.raises(RuleViolation) as err:
        discharge.discharge_household(db, SYSTEM, household_id=hh, plan=plan,
                                      when=T0 + timedelta(days=2))
    assert "Ningún integrante" in str(err.value)


def test_only_members_leave_with_the_household(db, center):
    hh, ids = lodged_family(db, center.id)
    _hh2, ids2 = lodged_family(db, center.id, surname="Pierre")
    with pytest.raises(RuleViolation):
        discharge.discharge_household(db, SYSTEM, household_id=hh, person_ids=[ids2[0]],
                                      plan=DischargePlan(destination="return",
                                                         destination_detail="Haití"))


def test_roles_without_stays_permission_cannot_discharge(db, center):
    hh, _ids = lodged_family(db, center.id)
    health = Actor(username="enf", role="salud")
    with pytest.raises(PermissionDenied):
        discharge.discharge_household(db, health, household_id=hh, plan=DischargePlan(
            destination="return", destination_detail="Haití"))
