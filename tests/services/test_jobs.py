"""The job bank: employers, openings, paperwork states, matching and placements."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member
from pathway_world import lodged_family
from sqlmodel import select
from stdnum import luhn

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.services import job_matching, jobs, people
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.jobs import OpeningInput, PaperworkInput
from albergue_desktop.storage.tables import Person, WorkPaperwork

STAFF = Actor(username="vinc", role="vinculacion")
RFC = "GODE561231GR8"
NSS = "1234567890" + luhn.calc_check_digit("1234567890")


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(date(2022, 2, 1)):
        yield


def worker(db, center_id, given, occupation, years=3, **extra):
    return people.register_household(db, SYSTEM, center_id=center_id, members=[member(
        given, "Pierre", sex="M", work_experience=[{"occupation": occupation, "years": years}],
        **extra)]).person_ids[0]


@pytest.fixture
def employer(db):
    return jobs.save_employer(db, STAFF, name="Maquiladora del Valle", sector="Manufactura",
                              rfc="MVA010101AB1", contact_name="Lic. Ruiz")


def test_employer_rfc_is_checked_with_stdnum(db):
    with pytest.raises(ValidationError) as err:
        jobs.save_employer(db, STAFF, name="Taller", rfc="123")
    assert err.value.for_field("rfc")
    with pytest.raises(ValidationError):
        jobs.save_employer(db, STAFF, name="  ")


def test_an_opening_is_coded_from_its_position(db, employer):
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador MIG", count=5,
                                                  wage=2500, shift="Matutino"))
    assert o.isco_code == "7212"
    with pytest.raises(ValidationError) as err:
        jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador", count=0))
    assert err.value.for_field("count")


def test_matching_finds_welders_typed_in_any_language_with_reasons(db, center, employer):
    es = worker(db, center.id, "Jean", "Soldador", years=8, migratory_status="tvrh", curp=None)
    fr = worker(db, center.id, "Luc", "soudeur", years=2)
    ht = worker(db, center.id, "Wilson", "sodè", years=1)
    sheet = worker(db, center.id, "Paul", "Sheet-metal worker", years=4)  # related trade 7213
    worker(db, center.id, "Ti", "Panadero")
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador", count=3))
    found = job_matching.match_people(db, STAFF, o.id)
    ids = [s.person_id for s in found]
    assert set(ids) == {es, fr, ht, sheet}
    assert ids[0] == es  # most years and a permit to work
    assert ids[-1] == sheet  # related trade ranks below every welder
    top = found[0]
    assert any("Soldador" in r and "8 años" in r and "7212" in r for r in top.reasons)
    assert any(r.startswith("Puede trabajar") for r in top.reasons)
    assert "curp" in top.missing and "rfc" in top.missing and "nss" in top.missing
    assert any(r.startswith("Falta:") and "RFC" in r for r in top.reasons)
    assert "work_permit" in found[1].missing


def test_a_child_is_never_suggested(db, center, employer):
    child = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Ana", "Pierre", birth=date(2010, 1, 1), relationship="head",
               work_experience=[{"occupation": "Soldador", "years": 1}])]).person_ids[0]
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador"))
    assert child not in [s.person_id for s in job_matching.match_people(db, STAFF, o.id)]


def test_editing_experience_updates_the_index(db, center, employer):
    pid = worker(db, center.id, "Jean", "Panadero")
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador"))
    assert job_matching.match_people(db, STAFF, o.id) == []
    from albergue_desktop.storage.tables import PersonUpdate
    people.update_person(db, SYSTEM, pid, PersonUpdate(
        work_experience=[{"occupation": "soudeur", "years": 2}]))
    assert [s.person_id for s in job_matching.match_people(db, STAFF, o.id)] == [pid]


def test_openings_for_a_person(db, center, employer):
    pid = worker(db, center.id, "Jean", "Soldador", years=5)
    weld = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador", wage=3000))
    jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Cocinero"))
    found = job_matching.match_openings(db, STAFF, pid)
    assert [o.opening_id for o in found] == [weld.id]
    assert any("3,000" in r and "semana" in r for r in found[0].reasons)


def test_paperwork_states_and_what_is_missing(db, center):
    pid = worker(db, center.id, "Jean", "Soldador", migratory_status="tvrh", curp=None)
    assert jobs.missing_for(db, STAFF, pid) == ["curp", "rfc", "nss"]
    jobs.save_paperwork(db, STAFF, pid, PaperworkInput(rfc_status="documents_gathered"))
    with pytest.raises(ValidationError) as err:
        jobs.save_paperwork(db, STAFF, pid, PaperworkInput(rfc_status="appointment"))
    assert err.value.for_field("rfc_appointment")
    jobs.save_paperwork(db, STAFF, pid, PaperworkInput(rfc_status="appointment",
                                                       rfc_appointment=date(2022, 2, 10)))
    with pytest.raises(ValidationError) as err:
        jobs.save_paperwork(db, STAFF, pid, PaperworkInput(rfc_status="issued"))
    assert err.value.for_field("rfc")
    with pytest.raises(ValidationError) as err:
        jobs.save_paperwork(db, STAFF, pid, PaperworkInput(rfc_status="issued", rfc="ABC"))
    assert err.value.for_field("rfc")
    with pytest.raises(ValidationError) as err:
        jobs.save_paperwork(db, STAFF, pid, PaperworkInput(nss="12345678901"))
    assert "verificador" in str(err.value.for_field("nss")[0].message())
    jobs.save_paperwork(db, STAFF, pid, PaperworkInput(rfc_status="issued", rfc=RFC, nss=NSS,
                                                       curp_status="temporary"))
    with db.session() as s:
        assert s.get(Person, pid).rfc == RFC
        row = s.exec(select(WorkPaperwork).where(WorkPaperwork.person_id == pid)).one()
    assert row.rfc_issued_on == date(2022, 2, 1) and row.nss == NSS
    assert jobs.missing_for(db, STAFF, pid) == ["curp"]


def test_placements_fill_places_and_30_days_waits_30_days(db, center, employer):
    a = worker(db, center.id, "Jean", "Soldador")
    b = worker(db, center.id, "Luc", "Soldador")
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador", count=1))
    p = jobs.place(db, STAFF, person_id=a, opening_id=o.id, start_date=date(2022, 2, 1),
                   outcome="started")
    with pytest.raises(RuleViolation):
        jobs.place(db, STAFF, person_id=b, opening_id=o.id, start_date=date(2022, 2, 1),
                   outcome="started")
    with pytest.raises(RuleViolation):
        jobs.place(db, STAFF, person_id=a, opening_id=o.id)
    with pytest.raises(RuleViolation):
        jobs.set_outcome(db, STAFF, p.id, "working_30_days", on=date(2022, 2, 20))
    done = jobs.set_outcome(db, STAFF, p.id, "working_30_days", on=date(2022, 3, 3))
    assert done.outcome == "working_30_days"
    # a placed person is no longer suggested
    assert a not in [s.person_id for s in job_matching.match_people(db, STAFF, o.id)]


def test_writes_need_the_pathways_permission(db, center):
    with pytest.raises(PermissionDenied):
        jobs.save_employer(db, Actor(username="r", role="registro"), name="X")
    with pytest.raises(PermissionDenied):
        jobs.save_employer(db, Actor(username="s", role="salud"), name="X")


def test_present_only_leaves_out_who_has_left(db, center, employer):
    _hh, ids = lodged_family(db, center.id, work_experience=[{"occupation": "Soldador",
                                                              "years": 2}])
    pid = worker(db, center.id, "Jean", "Soldador")  # registered, never checked in
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador"))
    assert {s.person_id for s in job_matching.match_people(db, STAFF, o.id)} == {ids[0], pid}
    assert [s.person_id for s in job_matching.match_people(db, STAFF, o.id,
                                                           present_only=True)] == [ids[0]]


def test_a_deleted_person_is_no_longer_suggested(db, center, employer):
    pid = worker(db, center.id, "Jean", "Soldador")
    o = jobs.save_opening(db, STAFF, OpeningInput(employer.id, "Soldador"))
    assert [s.person_id for s in job_matching.match_people(db, STAFF, o.id)] == [pid]
    people.delete_person(db, Actor(username="c", role="coordinacion"), pid,
                         reason="registro duplicado")
    assert job_matching.match_people(db, STAFF, o.id) == []
