"""update_person (partial, audited, validated) and delete_person (tombstone)."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain.errors import (
    NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import AuditEvent, Bed, Person, PersonUpdate, Stay

TODAY = date(2022, 1, 15)
CURP_F_1990_05_01 = "JOMC900501MNESSR05"


@pytest.fixture
def marie(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph", phone="+52 686 555 0101", notes="Llegó en autobús")])
    return reg.person_ids[0]


def load(db, pid) -> Person:
    with db.session() as s:
        return s.get(Person, pid)


def events(db, pid) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.row_id == pid)
                           .order_by(AuditEvent.change_seq)))


def test_partial_update_changes_only_the_given_fields(db, marie, intake_actor):
    before = load(db, marie)
    people.update_person(db, intake_actor, marie, PersonUpdate(phone="686 555 0199",
                                                              civil_status="married"))
    after = load(db, marie)
    assert (after.phone, after.civil_status) == ("686 555 0199", "married")
    unchanged = before.model_dump(exclude={"phone", "civil_status", "updated_at", "updated_by",
                                           "hlc", "change_seq", "vv", "fv"})
    assert after.model_dump(include=set(unchanged)) == unchanged
    dot = [after.hlc, db.site_id, after.change_seq]
    assert after.fv["phone"] == after.fv["civil_status"] == dot
    assert "given_names" not in after.fv and after.updated_by == "registro1"
    (update,) = [e for e in events(db, marie) if e.action == "update"]
    assert update.username == "registro1"
    assert update.changes == {"phone": ["+52 686 555 0101", "686 555 0199"],
                              "civil_status": [None, "married"]}


def test_explicit_none_clears_a_field_but_unset_fields_are_kept(db, marie):
    people.update_person(db, SYSTEM, marie, PersonUpdate(notes=None))
    after = load(db, marie)
    assert after.notes is None and after.phone == "+52 686 555 0101"


def test_renaming_updates_the_search_key_and_is_tidied(db, marie):
    people.update_person(db, SYSTEM, marie, PersonUpdate(given_names="  Marie  Ange ",
                                                        surnames="D\u2019Haïti"))
    after = load(db, marie)
    assert (after.given_names, after.surnames, after.search_key) == (
        "Marie Ange", "D'Haïti", "marie ange d haiti")


def test_invalid_update_changes_nothing(db, marie):
    before, seq = load(db, marie), db.meta("seq_last")
    with pytest.raises(ValidationError) as err:
        people.update_person(db, SYSTEM, marie, PersonUpdate(
            given_names="M4rie", birth_date=date(2999, 1, 1), phone="x"), today=TODAY)
    assert sorted(e.field for e in err.value.errors) == ["birth_date", "given_names", "phone"]
    assert load(db, marie).model_dump() == before.model_dump()
    assert db.meta("seq_last") == seq


def test_required_fields_cannot_be_blanked(db, marie):
    with pytest.raises(ValidationError) as err:
        people.update_person(db, SYSTEM, marie, PersonUpdate(given_names="  ", sex=None))
    assert sorted(e.field for e in err.value.errors) == ["given_names", "sex"]


def test_curp_is_checked_against_the_stored_birth_date_and_sex(db, marie):
    people.update_person(db, SYSTEM, marie, PersonUpdate(curp=CURP_F_1990_05_01.lower()))
    assert load(db, marie).curp == CURP_F_1990_05_01
    # changing the birth date or the sex alone re-checks the stored CURP
    with pytest.raises(ValidationError) as err:
        people.update_person(db, SYSTEM, marie, PersonUpdate(birth_date=date(1990, 5, 2)))
    assert [e.msgid for e in err.value.errors] == ["The CURP does not match the date of birth."]
    with pytest.raises(ValidationError) as err:
        people.update_person(db, SYSTEM, marie, PersonUpdate(sex="M"))
    assert [e.msgid for e in err.value.errors] == ["The CURP does not match the sex."]
    # ... unless the date is marked as estimated
    people.update_person(db, SYSTEM, marie, PersonUpdate(birth_date=date(1990, 1, 1),
                                                        birth_date_estimated=True))
    assert load(db, marie).birth_date == date(1990, 1, 1)


def test_consent_needs_who_and_why_even_when_set_in_two_edits(db, marie):
    with pytest.raises(ValidationError):
        people.update_person(db, SYSTEM, marie, PersonUpdate(consent_given=True))
    people.update_person(db, SYSTEM, marie, PersonUpdate(consent_given=True,
                                                        consent_by="registro1",
                                                        consent_purposes="atención"))
    with pytest.raises(ValidationError):
        people.update_person(db, SYSTEM, marie, PersonUpdate(consent_by=None))


def test_migratory_dates_are_checked_against_the_stored_other_end(db, marie):
    people.update_person(db, SYSTEM, marie, PersonUpdate(
        migratory_status="tvrh", migratory_status_from=date(2022, 1, 10),
        migratory_status_until=date(2023, 1, 10)))
    with pytest.raises(ValidationError) as err:
        people.update_person(db, SYSTEM, marie,
                             PersonUpdate(migratory_status_until=date(2021, 12, 31)))
    assert [e.field for e in err.value.errors] == ["migratory_status_until"]


def test_unknown_and_deleted_people(db, marie):
    with pytest.raises(NotFoundError):
        people.update_person(db, SYSTEM, "no-such-id", PersonUpdate(notes="x"))
    people.delete_person(db, SYSTEM, marie, reason="Duplicado")
    with pytest.raises(RuleViolation) as err:
        people.update_person(db, SYSTEM, marie, PersonUpdate(notes="x"))
    assert str(err.value) == "Este registro fue eliminado."


def test_delete_is_a_tombstone_with_reason(db, marie):
    coordinator = Actor("coord", "coordinacion")
    people.delete_person(db, coordinator, marie, reason="  Registro duplicado ")
    p = load(db, marie)
    assert p.deleted and p.deleted_by == "coord" and p.delete_reason == "Registro duplicado"
    assert p.deleted_at is not None and p.deleted_at.tzinfo is not None
    assert p.given_names == "Marie-Claude"            # the data is kept
    (delete,) = [e for e in events(db, marie) if e.action == "delete"]
    assert delete.username == "coord"
    assert delete.changes["deleted"] == [False, True]
    assert delete.changes["delete_reason"] == [None, "Registro duplicado"]
    # deleting again is a no-op, not a second event
    people.delete_person(db, coordinator, marie, reason="otra vez")
    assert [e.action for e in events(db, marie)].count("delete") == 1


def test_delete_needs_a_reason_and_the_permission(db, marie, intake_actor):
    with pytest.raises(ValidationError) as err:
        people.delete_person(db, SYSTEM, marie, reason="  ")
    assert [e.message() for e in err.value.errors] == ["Se requiere un motivo."]
    with pytest.raises(PermissionDenied) as err:
        people.delete_person(db, intake_actor, marie, reason="x")
    assert str(err.value) == "No tiene permiso para eliminar personas."
    assert load(db, marie).deleted is False
    with pytest.raises(NotFoundError):
        people.delete_person(db, SYSTEM, "no-such-id", reason="x")


def test_delete_closes_the_open_stay_and_frees_the_bed(db, center, marie):
    with db.session() as s:
        bed = s.exec(select(Bed).order_by(Bed.code)).first()
    stays.check_in(db, SYSTEM, person_id=marie, center_id=center.id, bed_id=bed.id)
    people.delete_person(db, SYSTEM, marie, reason="Registro duplicado")
    with db.session() as s:
        (stay,) = s.exec(select(Stay).where(Stay.person_id == marie)).all()
        assert s.get(Bed, bed.id).status == "available"
    assert stay.check_out is not None and stay.reason == "other"
    assert stay.notes == "Registro duplicado"
    # the bed can be given to someone else
    other = people.register_household(db, SYSTEM, center_id=center.id,
                                      members=[member("Roseline", "Désir")]).person_ids[0]
    stays.check_in(db, SYSTEM, person_id=other, center_id=center.id, bed_id=bed.id)


def test_get_person(db, marie):
    health = Actor("enf", "salud")
    assert people.get_person(db, health, marie).given_names == "Marie-Claude"
    with pytest.raises(NotFoundError) as err:
        people.get_person(db, health, "nope")
    assert str(err.value) == "No se encontró la persona."


def test_edit_permissions(db, marie):
    for role in ("salud",):
        with pytest.raises(PermissionDenied) as err:
            people.update_person(db, Actor("x", role), marie, PersonUpdate(notes="x"))
        assert str(err.value) == "No tiene permiso para editar personas."
    with pytest.raises(PermissionDenied):
        people.search_people(db, Actor("x", "unknown-role"), "marie")
    with pytest.raises(PermissionDenied) as err:
        centers.add_beds(db, Actor("x", "registro"), area_id="a", count=1)
    assert str(err.value) == "No tiene permiso para gestionar centros y camas."
