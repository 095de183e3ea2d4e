"""Corrections after registration (services/person_details.py): documents and vaccinations
added, corrected and removed with a reason, consent stamped with who and when, the whole edit
in one transaction, roles, and the record's history."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain.errors import (
    NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from albergue_desktop.services import people, person_details as pd, records
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import (
    IdentityDocument, IdentityDocumentBase, Person, PersonUpdate, Vaccination, VaccinationBase,
)

TODAY = date(2022, 1, 15)
REGISTRO = Actor("registro1", "registro")
SALUD = Actor("salud1", "salud")


@pytest.fixture
def marie(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[member(
        "Marie-Claude", "Joseph",
        documents=[IdentityDocumentBase(doc_type="passport", number="HT-77 1234",
                                        issuing_country="HT")],
        vaccinations=[VaccinationBase(vaccine="covid19", brand="pfizer", dose=1,
                                      date=date(2021, 6, 1)),
                      VaccinationBase(vaccine="bcg", date=date(1990, 6, 1))])])
    return reg.person_ids[0]


def rows(db, model, pid):
    with db.session() as s:
        return list(s.exec(select(model).where(model.person_id == pid)
                           .order_by(model.created_at, model.id)))


def found(db, text):
    return [r.folio for r in people.search_people(db, SYSTEM, text)]


def test_corrected_number_is_found_and_the_old_one_is_not(db, marie):
    folio = people.get_person(db, SYSTEM, marie).folio
    assert found(db, "HT771234") == [folio]
    (doc,) = rows(db, IdentityDocument, marie)
    changed = pd.correct_document(db, REGISTRO, doc.id, IdentityDocumentBase(
        doc_type="passport", number="ht-99 5555", issuing_country="ht"), today=TODAY)
    assert changed
    (doc,) = rows(db, IdentityDocument, marie)
    assert (doc.number, doc.number_key, doc.issuing_country) == ("ht-99 5555", "HT995555", "HT")
    assert found(db, "HT995555") == [folio]
    assert found(db, "HT771234") == []
    history = records.person_record(db, REGISTRO, marie).history
    update = [h for h in history if h.table_name == "identity_document"
              and h.action == "update"]
    assert len(update) == 1 and update[0].username == "registro1"
    assert update[0].changes["number"] == ["HT-77 1234", "ht-99 5555"]
    assert "doc_type" not in update[0].changes  # only what differed was written
    # the same values again: nothing written
    assert not pd.correct_document(db, REGISTRO, doc.id, IdentityDocumentBase(
        doc_type="passport", number="ht-99 5555", issuing_country="HT"), today=TODAY)


def test_added_and_removed_documents_reindex_the_person_and_show_in_history(db, marie):
    folio = people.get_person(db, SYSTEM, marie).folio
    new_id = pd.add_document(db, REGISTRO, marie, IdentityDocumentBase(
        doc_type="comar_constancia", number="COMAR-2021-00042"), today=TODAY)
    assert found(db, "COMAR202100042") == [folio]
    with pytest.raises(ValidationError) as err:
        pd.remove_document(db, REGISTRO, new_id, reason="  ")
    assert err.value.errors[0].message() == "Se requiere un motivo."
    pd.remove_document(db, REGISTRO, new_id, reason="Capturado por error")
    assert found(db, "COMAR202100042") == []
    record = records.person_record(db, REGISTRO, marie)
    assert [d.number for d in record.documents] == ["HT-77 1234"]  # tombstone not listed
    removal = [h for h in record.history if h.table_name == "identity_document"
               and h.action == "delete"]
    assert removal and removal[0].changes["delete_reason"] == [None, "Capturado por error"]
    with pytest.raises(NotFoundError):  # a removed document cannot be corrected
        pd.correct_document(db, REGISTRO, new_id, IdentityDocumentBase(
            doc_type="other", number="1"), today=TODAY)


def test_invalid_document_is_refused_in_spanish(db, marie):
    with pytest.raises(ValidationError) as err:
        pd.add_document(db, REGISTRO, marie, IdentityDocumentBase(
            doc_type="curp", number="XXXX", issue_date=date(2030, 1, 1)), today=TODAY)
    messages = {e.field: e.message() for e in err.value.errors}
    assert messages["number"].startswith("CURP no válida")
    assert messages["issue_date"] == "La fecha no puede ser futura."
    assert len(rows(db, IdentityDocument, marie)) == 1


def test_remove_a_vaccination_with_reason_and_the_history_shows_it(db, marie):
    covid, bcg = rows(db, Vaccination, marie)
    pd.correct_vaccination(db, REGISTRO, covid.id, VaccinationBase(
        vaccine="covid19", brand="pfizer", dose=2, date=date(2021, 7, 1)), today=TODAY)
    pd.remove_vaccination(db, REGISTRO, bcg.id, reason="No consta en la cartilla")
    record = records.person_record(db, REGISTRO, marie)
    assert [(v.vaccine, v.dose) for v in record.vaccinations] == [("covid19", 2)]
    vaccination_events = [(h.action, h.changes) for h in record.history
                          if h.table_name == "vaccination"]
    assert ("update", {"dose": [1, 2], "date": ["2021-06-01", "2021-07-01"]}) in \
        vaccination_events
    assert any(a == "delete" and c["delete_reason"][1] == "No consta en la cartilla"
               for a, c in vaccination_events)
    with pytest.raises(ValidationError) as err:
        pd.add_vaccination(db, REGISTRO, marie, VaccinationBase(vaccine=" ", dose=12),
                           today=TODAY)
    assert {e.field for e in err.value.errors} == {"vaccine", "dose"}


def test_consent_records_who_and_when_and_can_be_withdrawn(db, marie):
    with pytest.raises(ValidationError) as err:
        pd.set_consent(db, REGISTRO, marie, pd.ConsentChange(given=True, purposes=[]))
    assert err.value.errors[0].message() == "Elija al menos una finalidad del consentimiento."
    pd.set_consent(db, REGISTRO, marie, pd.ConsentChange(
        given=True, purposes=["Atención humanitaria", "Canalización a servicios"]))
    p = people.get_person(db, SYSTEM, marie)
    assert (p.consent_given, p.consent_by) == (True, "registro1")
    assert p.consent_purposes == "Atención humanitaria; Canalización a servicios"
    given_at = p.consent_at
    assert given_at is not None
    pd.set_consent(db, Actor("coord", "coordinacion"), marie, pd.ConsentChange(given=False))
    p = people.get_person(db, SYSTEM, marie)
    assert (p.consent_given, p.consent_by, p.consent_purposes) == (False, "coord", None)
    assert p.consent_at >= given_at


def test_save_details_reports_everything_and_writes_nothing_on_error(db, marie):
    (doc,) = rows(db, IdentityDocument, marie)
    covid, _bcg = rows(db, Vaccination, marie)
    bad = pd.DetailEdits(
        person=PersonUpdate(phone="abc", languages=[{"code": "ht", "level": "native"}]),
        documents=[pd.DocumentEntry(id=doc.id, doc_type="passport", number=""),
                   pd.DocumentEntry(doc_type="fmm", number="FMM-1")],
        vaccinations=[pd.VaccinationEntry(vaccine="covid19", date=date(2030, 1, 1))],
        removed_vaccinations={covid.id: "duplicada"},
        consent=pd.ConsentChange(given=True))
    with pytest.raises(ValidationError) as err:
        pd.save_details(db, REGISTRO, marie, bad, today=TODAY)
    assert {e.field for e in err.value.errors} == {
        "phone", "documents.0.number", "vaccinations.0.date", "consent_purposes"}
    assert len(rows(db, IdentityDocument, marie)) == 1
    assert len([v for v in rows(db, Vaccination, marie) if not v.deleted]) == 2
    assert people.get_person(db, SYSTEM, marie).languages == []

    good = pd.DetailEdits(
        person=PersonUpdate(languages=[{"code": "ht", "level": "native"}],
                            work_experience=[{"occupation": "Albañil", "years": 6}],
                            migratory_status="tvrh", migratory_status_from=date(2021, 12, 1),
                            migratory_status_until=date(2022, 12, 1)),
        documents=[pd.DocumentEntry(doc_type="fmm", number="FMM-1")],
        removed_documents={doc.id: "Pasaporte vencido, se entregó FMM"},
        removed_vaccinations={covid.id: "duplicada"},
        consent=pd.ConsentChange(given=True, purposes=["Atención humanitaria"]))
    pd.save_details(db, REGISTRO, marie, good, today=TODAY)
    p = people.get_person(db, SYSTEM, marie)
    assert p.work_experience == [{"occupation": "Albañil", "years": 6}]
    assert (p.migratory_status, p.migratory_status_until) == ("tvrh", date(2022, 12, 1))
    assert p.consent_given and p.consent_by == "registro1"
    live = [d.number for d in rows(db, IdentityDocument, marie) if not d.deleted]
    assert live == ["FMM-1"]
    assert [v.vaccine for v in rows(db, Vaccination, marie) if not v.deleted] == ["bcg"]


def test_a_registro_user_cannot_add_clinical_needs(db, marie):
    for call in (
        lambda: people.update_person(db, REGISTRO, marie,
                                     PersonUpdate(specific_needs=["WR-LC", "SM-CI"])),
        lambda: pd.save_details(db, REGISTRO, marie, pd.DetailEdits(
            person=PersonUpdate(specific_needs=["SM-CI"])), today=TODAY),
    ):
        with pytest.raises(PermissionDenied) as err:
            call()
        assert str(err.value) == "No tiene permiso para editar datos de salud."
    assert people.get_person(db, SYSTEM, marie).specific_needs == []
    # non-clinical needs are fine, and a clinical code recorded by health staff is kept
    people.update_person(db, SYSTEM, marie, PersonUpdate(specific_needs=["SM-CI"]))
    pd.save_details(db, REGISTRO, marie, pd.DetailEdits(
        person=PersonUpdate(specific_needs=["WR-LC"])), today=TODAY)
    with db.session() as s:
        assert sorted(s.get(Person, marie).specific_needs) == ["SM-CI", "WR-LC"]


def test_roles_and_deleted_records(db, marie):
    (doc,) = rows(db, IdentityDocument, marie)
    covid, _ = rows(db, Vaccination, marie)
    with pytest.raises(PermissionDenied):
        pd.correct_document(db, SALUD, doc.id, IdentityDocumentBase(
            doc_type="passport", number="1"), today=TODAY)
    with pytest.raises(PermissionDenied):
        pd.set_consent(db, SALUD, marie, pd.ConsentChange(given=False))
    # health staff may correct vaccinations; nobody else without edit rights
    pd.correct_vaccination(db, SALUD, covid.id, VaccinationBase(
        vaccine="covid19", brand="pfizer", dose=1, date=date(2021, 6, 2)), today=TODAY)
    with pytest.raises(PermissionDenied):
        pd.remove_vaccination(db, Actor("s", "supervision_x"), covid.id, reason="x")
    people.delete_person(db, SYSTEM, marie, reason="Registrado dos veces")
    with pytest.raises(RuleViolation):
        pd.add_document(db, REGISTRO, marie, IdentityDocumentBase(
            doc_type="fmm", number="1"), today=TODAY)
