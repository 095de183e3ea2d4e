"""Centers, areas and beds after setup: edits, blocking with a reason, retiring, capacity two
ways with its warnings, and the bed board (including one of 500 beds)."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain import capacity as cap
from albergue_desktop.domain.errors import (
    NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from albergue_desktop.services import beds, centers, people, stays
from albergue_desktop.services.bed_board import bed_board
from albergue_desktop.services.beds import AreaUpdate, CenterUpdate
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import AuditEvent, Bed, Center

COORD = Actor("coord", "coordinacion")


@pytest.fixture
def cots(db, center) -> list[Bed]:
    with db.session() as s:
        return list(s.exec(select(Bed).where(Bed.center_id == center.id).order_by(Bed.code)))


@pytest.fixture
def family(db, center) -> list[str]:
    return people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph"),
        member("Jean-Baptiste", "Saint-Vil", sex="M", relationship="spouse"),
        member("Roseline", "Joseph", relationship="child", birth=date(2015, 6, 1))]).person_ids


def test_center_profile_status_and_capacity_are_edited(db, center):
    updated = beds.update_center(db, COORD, center.id, CenterUpdate(
        profile="maternity", has_medical_care=True, daily_capacity=40, m2_per_person=4.5,
        status="closing"))
    with db.session() as s:
        row = s.get(Center, center.id)
    assert (row.profile, row.has_medical_care, row.daily_capacity, row.m2_per_person,
            row.status) == ("maternity", True, 40, 4.5, "closing")
    assert row.name == updated.name == "Centro Comunitario 3"  # unset fields untouched
    beds.update_center(db, COORD, center.id, CenterUpdate(daily_capacity=None))
    with db.session() as s:
        assert s.get(Center, center.id).daily_capacity is None
    with pytest.raises(ValidationError) as err:  # NOT NULL columns are not emptied
        beds.update_center(db, COORD, center.id, CenterUpdate(status=None, profile=None))
    assert {e.field for e in err.value.errors} == {"status", "profile"}
    with pytest.raises(ValidationError) as err:
        beds.update_center(db, COORD, center.id, CenterUpdate(
            profile="hotel", status="gone", daily_capacity=-1, m2_per_person=0.5, name=" "))
    assert {e.field for e in err.value.errors} == {"profile", "status", "daily_capacity",
                                                   "m2_per_person", "name"}
    with pytest.raises(PermissionDenied):
        beds.update_center(db, Actor("r", "registro"), center.id, CenterUpdate(status="open"))
    with pytest.raises(NotFoundError):
        beds.update_center(db, COORD, "nope", CenterUpdate(status="open"))


def test_a_center_closes_only_when_empty_and_then_takes_nobody(db, center, family, cots):
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=cots[0].id)
    with pytest.raises(RuleViolation) as err:
        beds.update_center(db, COORD, center.id, CenterUpdate(status="closed"))
    assert str(err.value) == ("El centro Centro Comunitario 3 todavía tiene 1 personas "
                              "albergadas o por llegar.")
    stays.check_out(db, SYSTEM, person_id=family[0], reason="housing")
    beds.update_center(db, COORD, center.id, CenterUpdate(status="closed"))
    with pytest.raises(RuleViolation, match="está cerrado"):
        stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id)


def test_areas_get_floor_area_and_segment(db, center):
    (area_id,) = {b.area_id for b in bed_board(db, COORD, center.id).areas[0].beds}
    beds.update_area(db, COORD, area_id, AreaUpdate(area_m2=35.0, segment="single_men"))
    area = bed_board(db, COORD, center.id).areas[0]
    assert (area.segment, area.capacity.area_m2, area.capacity.status.sphere_capacity) == (
        "single_men", 35.0, 10)
    with pytest.raises(ValidationError):
        beds.update_area(db, COORD, area_id, AreaUpdate(segment="sótano", area_m2=-3))


def test_block_and_unblock_a_bed_with_a_reason(db, center, family, cots):
    bed = beds.block_bed(db, COORD, cots[2].id, reason="  Catre roto ")
    assert (bed.status, bed.block_reason) == ("out_of_service", "Catre roto")
    with pytest.raises(RuleViolation, match="fuera de servicio"):
        stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id,
                       bed_id=cots[2].id)
    again = beds.unblock_bed(db, COORD, cots[2].id)
    assert (again.status, again.block_reason) == ("available", None)
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=cots[2].id)
    with pytest.raises(RuleViolation) as err:
        beds.block_bed(db, COORD, cots[2].id, reason="Mojado")
    assert str(err.value) == (f"La cama {cots[2].code} está ocupada; primero cambie de cama "
                              "o dé salida a quien la ocupa.")
    with pytest.raises(ValidationError):
        beds.block_bed(db, COORD, cots[3].id, reason="  ")
    with pytest.raises(PermissionDenied):
        beds.block_bed(db, Actor("enf", "salud"), cots[3].id, reason="x")
    with db.session() as s:
        changes = [e.changes for e in s.exec(select(AuditEvent).where(
            AuditEvent.row_id == cots[2].id, AuditEvent.action == "update")
            .order_by(AuditEvent.change_seq))]
    assert changes[0] == {"status": ["available", "out_of_service"],
                          "block_reason": [None, "Catre roto"]}


def test_a_retired_bed_disappears_and_its_code_is_not_reused(db, center, family, cots):
    beds.retire_bed(db, COORD, cots[9].id, reason="Se rompió la estructura")
    with db.session() as s:
        row = s.get(Bed, cots[9].id)
    assert (row.deleted, row.delete_reason, row.deleted_by) == (
        True, "Se rompió la estructura", "coord")
    board = bed_board(db, COORD, center.id)
    assert [t.code for t in board.areas[0].beds] == [b.code for b in cots[:9]]
    assert board.capacity.status.beds_in_service == 9
    with pytest.raises(NotFoundError):
        stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id,
                       bed_id=cots[9].id)
    (new,) = centers.add_beds(db, SYSTEM, area_id=cots[0].area_id, count=1)
    assert new.code == "A-11"


def test_capacity_two_ways_with_warnings(db, center, cots):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member(f"Persona {chr(65 + i)}", relationship="head" if i == 0 else "other_relative")
        for i in range(11)])
    for pid, bed in zip(reg.person_ids, cots[:8]):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, bed_id=bed.id)
    for pid in reg.person_ids[8:]:
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id)  # no bed
    beds.block_bed(db, COORD, cots[8].id, reason="Reservada")
    capacity = beds.center_capacity(db, COORD, center.id)
    (area,) = capacity.areas
    assert (area.beds, area.blocked, area.occupied, area.free) == (10, 1, 8, 1)
    assert (area.status.beds_in_service, area.status.sphere_capacity,
            area.status.occupancy) == (9, 20, 8)                      # 70 m2 / 3.5
    assert area.warnings == ()
    assert (capacity.present, capacity.unbedded, capacity.free) == (11, 3, 1)
    assert capacity.status.over_beds and not capacity.status.over_sphere
    assert [w.msgid for w in capacity.warnings] == [cap.OVER_BEDS]
    # a cold night: 5.5 m2 per person, and a daily capacity of 10
    beds.update_center(db, COORD, center.id, CenterUpdate(m2_per_person=5.5, daily_capacity=10))
    cold = beds.center_capacity(db, COORD, center.id)
    assert cold.m2_per_person == 5.5 and cold.areas[0].status.sphere_capacity == 12
    assert [w.msgid for w in cold.warnings] == [cap.OVER_BEDS, beds.OVER_DAILY_CAPACITY]
    assert cold.warnings[1].text() == \
        "La ocupación de 11 supera la capacidad diaria de 10 personas."
    small = beds.center_capacity(db, COORD, center.id, m2_per_person=10)  # what-if override
    assert small.areas[0].status.sphere_capacity == 7
    assert [w.msgid for w in small.areas[0].warnings] == [cap.OVER_SPHERE]


def test_bed_board_shows_tiles_households_and_arrivals(db, center, family, cots):
    other = centers.create_center(db, SYSTEM, code="5", name="Centro 5")
    area = centers.create_area(db, SYSTEM, center_id=center.id, name="Aislamiento",
                               segment="isolation", area_m2=20)
    iso = centers.add_beds(db, SYSTEM, area_id=area.id, count=2)
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=cots[0].id)
    stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id, bed_id=cots[1].id)
    stays.check_in(db, SYSTEM, person_id=family[2], center_id=other.id)
    stays.transfer(db, SYSTEM, person_id=family[2], to_center_id=center.id)
    beds.block_bed(db, COORD, iso[1].id, reason="Limpieza")
    board = bed_board(db, COORD, center.id)
    assert [a.name for a in board.areas] == ["Aislamiento", "Dormitorio A"]
    dorm = board.areas_of("families")
    assert len(dorm) == 1 and [t.state for t in dorm[0].beds[:3]] == [
        "occupied", "occupied", "free"]
    tile = dorm[0].beds[0]
    assert (tile.occupant.full_name, tile.occupant.household_label) == (
        "Marie-Claude JOSEPH", "JOSEPH")
    assert [(t.state, t.block_reason) for t in board.areas_of("isolation")[0].beds] == [
        ("free", None), ("blocked", "Limpieza")]
    assert board.household_beds() == {tile.occupant.household_id: ("A-01", "A-02")}
    (arrival,) = board.pending
    assert (arrival.person.person_id, arrival.from_center) == (family[2], "Centro 5")
    assert board.unbedded == () and board.capacity.pending == 1
    assert board.capacity.present == 2


def test_bed_board_of_500_beds(db, center):
    """A large board is complete. Its speed is measured in bench/bench_beds.py."""
    area = centers.create_area(db, SYSTEM, center_id=center.id, name="Nave B", area_m2=1800)
    centers.add_beds(db, SYSTEM, area_id=area.id, count=490)
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member(f"Persona {chr(65 + i // 26)}{chr(97 + i % 26)}",
               relationship="head" if i == 0 else "other_relative") for i in range(60)])
    board = bed_board(db, COORD, center.id)
    free = [t for a in board.areas for t in a.beds if t.state == "free"]
    for pid, tile in zip(reg.person_ids, free):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, bed_id=tile.bed_id)
    board = bed_board(db, COORD, center.id)
    assert sum(len(a.beds) for a in board.areas) == 500
    assert sum(t.state == "occupied" for a in board.areas for t in a.beds) == 60
