"""Stays: check-in, check-out, transfer and bed moves, with their rules."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain.errors import (
    AlbergueError, NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import AuditEvent, Bed, Person, Stay

T0 = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def beds(db, center) -> list[Bed]:
    with db.session() as s:
        return list(s.exec(select(Bed).where(Bed.center_id == center.id).order_by(Bed.code)))


@pytest.fixture
def other_center(db):
    c = centers.create_center(db, SYSTEM, code="5", name="Centro Comunitario 5")
    area = centers.create_area(db, SYSTEM, center_id=c.id, name="Dormitorio B")
    centers.add_beds(db, SYSTEM, area_id=area.id, count=2)
    return c


@pytest.fixture
def family(db, center) -> list[str]:
    return people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph"),
        member("Jean-Baptiste", "Saint-Vil", sex="M", relationship="spouse"),
        member("Roseline", "Joseph", relationship="child")]).person_ids


def bed_status(db, bed_id) -> str:
    """What the board shows: occupied when an open stay is in the bed, else what staff set.
    The stored status is only what staff set (schema v0010): never 'occupied'."""
    with db.session() as s:
        stored = s.get(Bed, bed_id).status
        held = s.exec(select(Stay).where(Stay.bed_id == bed_id, Stay.check_out == None,  # noqa: E711
                                         Stay.deleted == False)).first()  # noqa: E712
    assert stored in ("available", "out_of_service")
    return "occupied" if held is not None else stored


def stays_of(db, pid) -> list[Stay]:
    with db.session() as s:
        return list(s.exec(select(Stay).where(Stay.person_id == pid).order_by(Stay.check_in,
                                                                              Stay.change_seq)))


def test_check_in_takes_the_bed_and_check_out_frees_it(db, center, beds, family,
                                                       intake_actor):
    marie = family[0]
    stay = stays.check_in(db, intake_actor, person_id=marie, center_id=center.id,
                          bed_id=beds[0].id, when=T0, notes="Llegó de noche")
    assert (stay.center_id, stay.bed_id, stay.check_in, stay.check_out) == (
        center.id, beds[0].id, T0, None)
    assert bed_status(db, beds[0].id) == "occupied"
    (row,) = people.search_people(db, intake_actor, "marie claude")
    assert (row.status, row.bed_code, row.center_code) == ("present", beds[0].code, "03")
    out = stays.check_out(db, intake_actor, person_id=marie, reason="housing",
                          destination="Colonia Pueblo Nuevo", when=T0 + timedelta(days=3))
    assert (out.id, out.reason, out.destination) == (stay.id, "housing",
                                                     "Colonia Pueblo Nuevo")
    assert out.check_out == T0 + timedelta(days=3)
    assert bed_status(db, beds[0].id) == "available"
    (row,) = people.search_people(db, intake_actor, "marie claude")
    assert (row.status, row.bed_code) == ("discharged", None)


def test_one_open_stay_per_person(db, center, beds, family, other_center):
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id)
    for cid, bed in ((center.id, beds[1].id), (center.id, None), (other_center.id, None)):
        with pytest.raises(RuleViolation) as err:
            stays.check_in(db, SYSTEM, person_id=family[0], center_id=cid, bed_id=bed)
        assert str(err.value) == \
            "Marie-Claude Joseph ya tiene una estancia abierta en Centro Comunitario 3."
    assert bed_status(db, beds[1].id) == "available"
    assert len(stays_of(db, family[0])) == 1


def test_a_bed_cannot_have_two_occupants(db, center, beds, family):
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id)
    with pytest.raises(RuleViolation) as err:
        stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id, bed_id=beds[0].id)
    assert str(err.value) == f"La cama {beds[0].code} no está disponible (ocupada)."
    assert stays_of(db, family[1]) == []


def test_a_bed_marked_free_but_with_an_open_stay_is_still_refused(db, center, beds, family):
    """The rule is about open stays, not only the status flag (e.g. after a merge)."""
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id)
    with db.session("t") as s:
        bed = s.get(Bed, beds[0].id)
        bed.status = "available"
        s.add(bed)
    with pytest.raises(RuleViolation, match="ocupada"):
        stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id, bed_id=beds[0].id)


def test_out_of_service_beds_and_beds_of_other_centers(db, center, beds, family, other_center):
    with db.session("t") as s:
        bed = s.get(Bed, beds[2].id)
        bed.status, bed.block_reason = "out_of_service", "roto"
        s.add(bed)
    with pytest.raises(RuleViolation) as err:
        stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[2].id)
    assert str(err.value) == f"La cama {beds[2].code} no está disponible (fuera de servicio)."
    with pytest.raises(RuleViolation) as err:
        stays.check_in(db, SYSTEM, person_id=family[0], center_id=other_center.id,
                       bed_id=beds[0].id)
    assert str(err.value) == \
        f"La cama {beds[0].code} no pertenece al centro Centro Comunitario 5."
    with pytest.raises(NotFoundError):
        stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id="nope")
    with pytest.raises(NotFoundError):
        stays.check_in(db, SYSTEM, person_id=family[0], center_id="nope")
    assert stays_of(db, family[0]) == []


def test_check_in_without_bed(db, center, family):
    stay = stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id)
    assert stay.bed_id is None
    (row,) = people.search_people(db, SYSTEM, "marie claude")
    assert (row.status, row.bed_code) == ("present", None)


def test_check_out_rules(db, center, beds, family):
    with pytest.raises(RuleViolation) as err:
        stays.check_out(db, SYSTEM, person_id=family[0], reason="housing")
    assert str(err.value) == "Marie-Claude Joseph no tiene una estancia abierta."
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id,
                   when=T0)
    with pytest.raises(ValidationError) as err:
        stays.check_out(db, SYSTEM, person_id=family[0], reason="housing",
                        when=T0 - timedelta(minutes=1))
    assert "La salida no puede ser anterior al ingreso." in str(err.value)
    with pytest.raises(AlbergueError):  # typed error for the user, not a ValueError
        stays.check_out(db, SYSTEM, person_id=family[0], reason="banana")
    assert bed_status(db, beds[0].id) == "occupied"
    assert stays_of(db, family[0])[0].check_out is None


def test_a_person_can_come_back_after_check_out(db, center, beds, family):
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id,
                   when=T0)
    stays.check_out(db, SYSTEM, person_id=family[0], reason="hospital",
                    when=T0 + timedelta(days=1))
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[1].id,
                   when=T0 + timedelta(days=2))
    history = stays_of(db, family[0])
    assert [(s.reason, s.check_out is None) for s in history] == [("hospital", False),
                                                                   (None, True)]


def test_transfer_keeps_the_person_and_chains_the_stays(db, center, beds, family,
                                                        other_center):
    marie = family[0]
    with db.session() as s:
        before = s.get(Person, marie).model_dump()
        target_bed = s.exec(select(Bed).where(Bed.center_id == other_center.id)).first()
    first = stays.check_in(db, SYSTEM, person_id=marie, center_id=center.id,
                           bed_id=beds[0].id, when=T0)
    when = T0 + timedelta(days=2)
    new = stays.transfer(db, SYSTEM, person_id=marie, to_center_id=other_center.id,
                         bed_id=target_bed.id, when=when, notes="Por embarazo")
    old, current = stays_of(db, marie)
    assert old.id == first.id and current.id == new.id
    assert (old.check_out, old.reason, old.destination) == (when, "transfer",
                                                           "Centro Comunitario 5")
    assert (current.center_id, current.bed_id, current.check_in, current.check_out) == (
        other_center.id, target_bed.id, when, None)
    # with a bed of the receiving center the arrival is completed at once
    assert (current.status, current.from_stay_id) == ("open", first.id)
    assert bed_status(db, beds[0].id) == "available"
    assert bed_status(db, target_bed.id) == "occupied"
    with db.session() as s:
        after = s.get(Person, marie).model_dump()
        person_events = s.exec(select(AuditEvent).where(AuditEvent.row_id == marie)).all()
    assert after == before                       # same id, same folio, untouched record
    assert [e.action for e in person_events] == ["create"]
    (row,) = people.search_people(db, SYSTEM, after["folio"])
    assert (row.id, row.center_code, row.status) == (marie, "05", "present")


def test_transfer_rules(db, center, beds, family, other_center):
    with pytest.raises(RuleViolation):  # not present anywhere
        stays.transfer(db, SYSTEM, person_id=family[0], to_center_id=other_center.id)
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id)
    with pytest.raises(RuleViolation) as err:
        stays.transfer(db, SYSTEM, person_id=family[0], to_center_id=center.id)
    assert str(err.value) == "La persona ya está en este centro."
    with pytest.raises(NotFoundError):
        stays.transfer(db, SYSTEM, person_id=family[0], to_center_id="nope")
    # a bed that is not at the target center: nothing happens, the old stay stays open
    with pytest.raises(RuleViolation):
        stays.transfer(db, SYSTEM, person_id=family[0], to_center_id=other_center.id,
                       bed_id=beds[1].id)
    (stay,) = stays_of(db, family[0])
    assert stay.check_out is None and bed_status(db, beds[0].id) == "occupied"


def test_move_bed(db, center, beds, family, other_center):
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id, bed_id=beds[0].id)
    stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id, bed_id=beds[1].id)
    moved = stays.move_bed(db, SYSTEM, person_id=family[0], bed_id=beds[2].id)
    assert moved.bed_id == beds[2].id and len(stays_of(db, family[0])) == 1
    assert [bed_status(db, b.id) for b in beds[:3]] == ["available", "occupied", "occupied"]
    with pytest.raises(RuleViolation, match="ocupada"):  # taken: nothing changes
        stays.move_bed(db, SYSTEM, person_id=family[0], bed_id=beds[1].id)
    assert stays_of(db, family[0])[0].bed_id == beds[2].id
    assert bed_status(db, beds[2].id) == "occupied"
    with db.session() as s:
        foreign = s.exec(select(Bed).where(Bed.center_id == other_center.id)).first()
    with pytest.raises(RuleViolation, match="no pertenece"):
        stays.move_bed(db, SYSTEM, person_id=family[0], bed_id=foreign.id)
    assert stays.move_bed(db, SYSTEM, person_id=family[0], bed_id=beds[2].id).bed_id == \
        beds[2].id  # same bed: a no-op
    with pytest.raises(RuleViolation):
        stays.move_bed(db, SYSTEM, person_id=family[2], bed_id=beds[3].id)


def test_a_person_without_bed_can_be_given_one(db, center, beds, family):
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id)
    stays.move_bed(db, SYSTEM, person_id=family[0], bed_id=beds[4].id)
    assert bed_status(db, beds[4].id) == "occupied"


def test_deleted_people_cannot_check_in(db, center, beds, family):
    people.delete_person(db, SYSTEM, family[2], reason="Duplicado")
    with pytest.raises(NotFoundError):
        stays.check_in(db, SYSTEM, person_id=family[2], center_id=center.id, bed_id=beds[0].id)
    assert bed_status(db, beds[0].id) == "available"


@pytest.mark.parametrize("call", ["check_in", "check_out", "transfer", "move_bed"])
def test_health_staff_cannot_manage_stays(db, center, beds, family, other_center, call):
    actor = Actor("enf", "salud", center.id)
    kwargs = {"check_in": dict(person_id=family[0], center_id=center.id),
              "check_out": dict(person_id=family[0], reason="housing"),
              "transfer": dict(person_id=family[0], to_center_id=other_center.id),
              "move_bed": dict(person_id=family[0], bed_id=beds[0].id)}[call]
    with pytest.raises(PermissionDenied) as err:
        getattr(stays, call)(db, actor, **kwargs)
    assert str(err.value) == "No tiene permiso para gestionar estancias."


def test_stay_writes_are_stamped_and_audited(db, center, beds, family):
    stay = stays.check_in(db, Actor("registro1", "registro"), person_id=family[0],
                          center_id=center.id, bed_id=beds[0].id)
    with db.session() as s:
        bed = s.get(Bed, beds[0].id)
        bed_events = s.exec(select(AuditEvent).where(AuditEvent.row_id == bed.id,
                                                     AuditEvent.action == "update")).all()
        stay_row = s.get(Stay, stay.id)
    # A check-in writes the stay only: the bed's row (what staff set) is not touched, so two
    # centers never race on a derived status (schema v0010).
    assert "status" not in bed.fv and bed_events == []
    assert stay_row.created_by == "registro1" and stay_row.vv == {db.site_id:
                                                                  stay_row.change_seq}


# --- pending arrivals of transfers ---------------------------------------------------

def test_a_transfer_creates_a_pending_arrival_completed_by_check_in(db, center, beds, family,
                                                                    other_center):
    marie = family[0]
    first = stays.check_in(db, SYSTEM, person_id=marie, center_id=center.id,
                           bed_id=beds[0].id, when=T0)
    pending = stays.transfer(db, SYSTEM, person_id=marie, to_center_id=other_center.id,
                             when=T0 + timedelta(days=1), notes="Por embarazo")
    assert (pending.status, pending.bed_id, pending.center_id, pending.from_stay_id) == (
        "pending", None, other_center.id, first.id)
    assert bed_status(db, beds[0].id) == "available"       # the old bed frees at once
    (row,) = people.search_people(db, SYSTEM, "marie claude")
    assert (row.status, row.center_code, row.bed_code) == ("in_transit", "05", None)
    with db.session() as s:
        target_bed = s.exec(select(Bed).where(Bed.center_id == other_center.id)).first()
    arrived_at = T0 + timedelta(days=1, hours=5)
    with pytest.raises(ValidationError):                   # before the transfer: refused
        stays.check_in(db, SYSTEM, person_id=marie, center_id=other_center.id,
                       bed_id=target_bed.id, when=T0)
    arrived = stays.check_in(db, SYSTEM, person_id=marie, center_id=other_center.id,
                             bed_id=target_bed.id, when=arrived_at,
                             bedding=["cot", "blanket", "pillow", "blanket"])
    assert arrived.id == pending.id                        # the same stay, now open
    old, current = stays_of(db, marie)
    assert (current.status, current.bed_id, current.check_in, current.bedding) == (
        "open", target_bed.id, arrived_at, ["cot", "blanket", "pillow"])
    assert (old.reason, old.check_out) == ("transfer", T0 + timedelta(days=1))
    assert bed_status(db, target_bed.id) == "occupied"
    (row,) = people.search_people(db, SYSTEM, "marie claude")
    assert (row.status, row.center_code, row.bed_code) == ("present", "05", target_bed.code)


def test_a_pending_arrival_is_the_one_current_stay(db, center, beds, family, other_center):
    third = centers.create_center(db, SYSTEM, code="7", name="Centro Comunitario 7")
    stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id, bed_id=beds[0].id,
                   when=T0)
    stays.transfer(db, SYSTEM, person_id=family[1], to_center_id=other_center.id,
                   when=T0 + timedelta(hours=1))
    with pytest.raises(RuleViolation) as err:
        stays.check_in(db, SYSTEM, person_id=family[1], center_id=third.id)
    assert str(err.value) == ("Se espera a Jean-Baptiste Saint-Vil en Centro Comunitario 5 "
                              "(traslado pendiente); registre primero allí que la persona no "
                              "llegó.")
    with pytest.raises(RuleViolation, match="todavía no ha llegado"):
        stays.move_bed(db, SYSTEM, person_id=family[1], bed_id=beds[1].id)
    # redirected to a third center: a new pending arrival there, chained to the first
    redirected = stays.transfer(db, SYSTEM, person_id=family[1], to_center_id=third.id,
                                when=T0 + timedelta(hours=2))
    assert redirected.status == "pending" and redirected.center_id == third.id
    # never arrived: closing the pending stay records where the person went instead
    gone = stays.check_out(db, SYSTEM, person_id=family[1], reason="other_city",
                           destination="Tijuana", when=T0 + timedelta(days=2))
    assert (gone.id, gone.status, gone.reason) == (redirected.id, "pending", "other_city")
    history = stays_of(db, family[1])
    assert [(s.center_id, s.status, s.reason) for s in history] == [
        (center.id, "open", "transfer"), (other_center.id, "pending", "transfer"),
        (third.id, "pending", "other_city")]
    assert all(s.check_out is not None for s in history)
    stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id, bed_id=beds[1].id,
                   when=T0 + timedelta(days=3))  # back later: an ordinary check-in


def test_check_in_records_the_bedding_kit(db, center, beds, family):
    stay = stays.check_in(db, SYSTEM, person_id=family[0], center_id=center.id,
                          bed_id=beds[0].id, bedding=["mat", "blanket"])
    assert stays_of(db, family[0])[0].bedding == ["mat", "blanket"] == stay.bedding
    with pytest.raises(ValidationError) as err:
        stays.check_in(db, SYSTEM, person_id=family[1], center_id=center.id,
                       bedding=["blanket", "tent"])
    assert err.value.for_field("bedding")
    assert stays_of(db, family[1]) == []
    plain = stays.check_in(db, SYSTEM, person_id=family[2], center_id=center.id)
    assert plain.bedding == []
