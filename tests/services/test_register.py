"""register_household: one transaction, folios per center, exactly one head, validation."""

from __future__ import annotations

import re
import threading
from datetime import date

import pytest
from factories import member
from sqlalchemy import text
from sqlmodel import select

from albergue_desktop.domain.errors import NotFoundError, PermissionDenied, ValidationError
from albergue_desktop.services import centers, people
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.people import HouseholdInput, MemberInput
from albergue_desktop.storage import queries
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import (
    AuditEvent, Household, IdentityDocument, IdentityDocumentBase, Person, Vaccination,
    VaccinationBase,
)

TODAY = date(2022, 1, 15)


def counts(db) -> dict[str, int]:
    with db.session() as s:
        conn = s.connection()
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                for t in ("household", "person", "identity_document", "vaccination",
                          "audit_event", "person_fts")}


def family(n: int = 3, **head_extra):
    kids = [member(f"Enfant {chr(65 + i)}", "Joseph", birth=date(2010 + i, 1, 1),
                   relationship="child") for i in range(n - 2)]
    return [member("Marie-Claude", "Joseph", **head_extra),
            member("Jean-Baptiste", "Saint-Vil", sex="M", relationship="spouse"), *kids]


def test_registers_household_members_documents_and_vaccinations(db, center, intake_actor):
    passport = IdentityDocumentBase(doc_type="passport", number="pp-123 456",
                                    issuing_country="HT")
    covid = VaccinationBase(vaccine="COVID-19", dose=1, date=date(2021, 12, 20))
    members = family(3)
    members[0].documents, members[0].vaccinations = [passport], [covid]
    reg = people.register_household(db, intake_actor, center_id=center.id, members=members,
                                    household=HouseholdInput(couple_civil_status="married",
                                                             notes="Llegaron juntos"),
                                    today=TODAY)
    assert reg.folios == ["MXL-03-000001", "MXL-03-000002", "MXL-03-000003"]
    with db.session() as s:
        hh = s.get(Household, reg.household_id)
        persons = [s.get(Person, pid) for pid in reg.person_ids]
        (doc,) = s.exec(select(IdentityDocument)).all()
        (vac,) = s.exec(select(Vaccination)).all()
    assert (len(persons), hh.center_id, hh.head_person_id) == (3, center.id, reg.person_ids[0])
    assert (hh.couple_civil_status, hh.notes) == ("married", "Llegaron juntos")
    assert all(p.household_id == hh.id and p.center_id == center.id for p in persons)
    assert [p.relationship for p in persons] == ["head", "spouse", "child"]
    assert (doc.person_id, doc.number, doc.number_key) == (reg.person_ids[0], "pp-123 456",
                                                           "PP123456")
    assert (vac.person_id, vac.vaccine, vac.dose) == (reg.person_ids[0], "COVID-19", 1)
    assert all(p.created_by == "registro1" for p in persons)


def test_names_and_identifiers_are_tidied(db, center):
    curp = "jomc 900501 mnessr05"
    typed = MemberInput(given_names="  Marie-Claude   ", surnames=" D\u2019Haïti ", sex="F",
                        birth_date=date(1990, 5, 1), curp=curp, nationality="ht",
                        country_of_birth="ht")
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[typed])
    with db.session() as s:
        p = s.get(Person, reg.person_ids[0])
    assert (p.given_names, p.surnames, p.curp, p.nationality, p.country_of_birth) == (
        "Marie-Claude", "D'Haïti", "JOMC900501MNESSR05", "HT", "HT")
    assert p.search_key == "marie claude d haiti"


def test_folios_are_sequential_per_center(db, center):
    other = centers.create_center(db, SYSTEM, code="5", name="Centro 5", city_prefix="mxl")
    tij = centers.create_center(db, SYSTEM, code="1", name="Tijuana 1", city_prefix="TIJ")
    folios = []
    for cid in (center.id, other.id, center.id, tij.id, other.id):
        folios += people.register_household(db, SYSTEM, center_id=cid,
                                            members=family(2)).folios
    assert folios == [
        "MXL-03-000001", "MXL-03-000002", "MXL-05-000001", "MXL-05-000002",
        "MXL-03-000003", "MXL-03-000004", "TIJ-01-000001", "TIJ-01-000002",
        "MXL-05-000003", "MXL-05-000004"]
    assert all(re.fullmatch(r"[A-Z]{2,4}-\d{2,3}-\d{6}", f) for f in folios)


def test_a_deleted_person_keeps_their_folio_number_taken(db, center):
    first = people.register_household(db, SYSTEM, center_id=center.id, members=family(2))
    people.delete_person(db, SYSTEM, first.person_ids[1], reason="Duplicado")
    again = people.register_household(db, SYSTEM, center_id=center.id, members=family(2))
    assert again.folios == ["MXL-03-000003", "MXL-03-000004"]


def test_folio_numbers_continue_after_the_highest_one(db, center):
    with db.session("t") as s:
        assert queries.next_folio_number(session=s, prefix="MXL-03-") == 1
    people.register_household(db, SYSTEM, center_id=center.id, members=family(2))
    with db.session("t") as s:
        p = s.exec(select(Person)).first()
        p.folio = "MXL-03-000999"
        s.add(p)
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=family(2))
    assert reg.folios == ["MXL-03-001000", "MXL-03-001001"]


def test_a_validation_error_in_member_3_writes_nothing(db, center):
    before = counts(db)
    members = family(4)
    members[2].birth_date = date(2999, 1, 1)
    members[2].given_names = "Enf4nt"
    with pytest.raises(ValidationError) as err:
        people.register_household(db, SYSTEM, center_id=center.id, members=members,
                                  today=TODAY)
    assert sorted(e.field for e in err.value.errors) == [
        "members.2.birth_date", "members.2.given_names"]
    message = str(err.value)
    assert message.startswith("Los datos tienen errores; no se guardó nada.\n")
    assert "- members.2.birth_date: La fecha de nacimiento no puede ser futura." in message
    assert counts(db) == before


def test_bad_document_or_vaccination_of_a_member_writes_nothing(db, center):
    before = counts(db)
    members = family(3)
    members[1].documents = [IdentityDocumentBase(doc_type="curp",
                                                 number="JOMC900501MNESSR04")]
    members[2].vaccinations = [VaccinationBase(vaccine="", dose=0)]
    with pytest.raises(ValidationError) as err:
        people.register_household(db, SYSTEM, center_id=center.id, members=members)
    assert sorted(e.field for e in err.value.errors) == [
        "members.1.documents.0.number", "members.2.vaccinations.0.dose",
        "members.2.vaccinations.0.vaccine"]
    assert "CURP no válida: dígito verificador incorrecto." in str(err.value)
    assert counts(db) == before


def test_a_failure_inside_the_transaction_rolls_back_the_household(db, center, monkeypatch):
    people.register_household(db, SYSTEM, center_id=center.id, members=family(2))
    before, seq = counts(db), db.meta("seq_last")
    # a stale folio counter: the second folio collides with the unique index at commit
    monkeypatch.setattr(queries, "next_folio_number", lambda **kw: 2)
    from sqlalchemy.exc import IntegrityError
    with pytest.raises(IntegrityError):
        people.register_household(db, SYSTEM, center_id=center.id, members=family(2))
    assert counts(db) == before and db.meta("seq_last") == seq


@pytest.mark.parametrize("relationships", [
    ["head", "head"], ["spouse", "child"], [None, None], ["head", "head", "child"]])
def test_exactly_one_head(db, center, relationships):
    members = [member(f"Persona {chr(65 + i)}", relationship=r)
               for i, r in enumerate(relationships)]
    with pytest.raises(ValidationError) as err:
        people.register_household(db, SYSTEM, center_id=center.id, members=members)
    assert [(e.field, e.msgid) for e in err.value.errors] == [
        ("members", "A household needs exactly one head.")]
    assert counts(db)["person"] == 0


def test_a_lone_member_becomes_head(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id,
                                    members=[member(relationship=None)])
    with db.session() as s:
        assert s.get(Person, reg.person_ids[0]).relationship == "head"
        assert s.get(Household, reg.household_id).head_person_id == reg.person_ids[0]


def test_no_members(db, center):
    with pytest.raises(ValidationError) as err:
        people.register_household(db, SYSTEM, center_id=center.id, members=[])
    assert [e.msgid for e in err.value.errors] == ["A household needs at least one member."]


def test_unknown_center(db, center):
    with pytest.raises(NotFoundError) as err:
        people.register_household(db, SYSTEM, center_id="nope", members=family(2))
    assert str(err.value) == "No se encontró el centro."
    assert counts(db)["household"] == 0


def test_every_row_is_audited_as_created(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=family(3))
    with db.session() as s:
        events = s.exec(select(AuditEvent).where(AuditEvent.action == "create",
                                                 AuditEvent.table_name.in_(
                                                     ["person", "household"]))).all()
    assert {e.row_id for e in events} == {reg.household_id, *reg.person_ids}
    assert {e.username for e in events} == {"system"}


@pytest.mark.parametrize("role", ["salud"])
def test_roles_without_register_permission_are_refused(db, center, role):
    actor = Actor(username="enfermera", role=role, center_id=center.id)
    with pytest.raises(PermissionDenied) as err:
        people.register_household(db, actor, center_id=center.id, members=family(2))
    assert str(err.value) == "No tiene permiso para registrar personas."
    assert counts(db)["person"] == 0


def test_concurrent_registrations_get_distinct_folios(tmp_path):
    """Two windows (two connections) registering at once: both succeed, folios differ."""
    path = tmp_path / "shared.sqlite"
    first = Database.open(path)
    c = centers.create_center(first, SYSTEM, code="3", name="Centro 3")
    second = Database.open(path)
    results, errors = [], []
    barrier = threading.Barrier(2)

    def work(database):
        try:
            barrier.wait()
            for _ in range(5):
                results.extend(people.register_household(database, SYSTEM, center_id=c.id,
                                                         members=family(2)).folios)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(d,)) for d in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    first.close(), second.close()
    assert errors == []
    assert sorted(results) == [f"MXL-03-{n:06d}" for n in range(1, 21)]
