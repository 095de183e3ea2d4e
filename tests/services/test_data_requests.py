"""A person's request to see their data: the access printout holds the record and each
section the role may print, names the withheld ones whatever the person has, is audited,
and is refused to roles that do not answer data-protection requests and for erased people."""

from __future__ import annotations

import pytest
from pypdf import PdfReader

from albergue_desktop.domain.errors import PermissionDenied, RuleViolation
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.reports.data_access import access_pdf
from albergue_desktop.services import data_requests, erasure, people, screening
from albergue_desktop.services.context import Actor
from albergue_sync import dbapi as sqlite3


@pytest.fixture
def person(db, center, intake_actor, make_member):
    pid = people.register_household(db, intake_actor, center_id=center.id,
                                    members=[make_member(given="Rose", surnames="Pierre")]
                                    ).person_ids[0]
    screening.record_screening(db, Actor("enf", "salud", center.id), person_id=pid,
                               screening=ScreeningInput(temperature_c=36.8, notes="Tos seca"))
    return pid


def _events(db, action):
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT username, changes FROM audit_event WHERE action = ?",
                            (action,)).fetchall()
    finally:
        conn.close()


def test_coordinator_prints_everything_but_health(db, center, person, tmp_path):
    coord = Actor("coord", "coordinacion", center.id)
    report = data_requests.access_report(db, coord, person)
    assert report.person["given_names"] == "Rose"
    assert "screening" not in dict(report.sections)
    assert report.withheld == ["health"]
    pdf = access_pdf(db, coord, tmp_path / "a.pdf", person_id=person)
    text = " ".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Rose" in text and "Tos seca" not in text
    assert "Los registros de salud los imprime el personal de salud." in text
    assert [u for u, c in _events(db, "print") if "data_access" in c] == ["coord", "coord"]


def test_supervisor_prints_the_health_sections(db, center, person):
    report = data_requests.access_report(db, Actor("sup", "supervision"), person)
    screenings = dict(report.sections)["screening"]
    assert screenings[0]["notes"] == "Tos seca"
    assert report.withheld == ["health"]  # mental health notes stay with the health staff


@pytest.mark.parametrize("role", ["registro", "salud", "vinculacion"])
def test_other_roles_may_not(db, center, person, role):
    with pytest.raises(PermissionDenied):
        data_requests.access_report(db, Actor("x", role, center.id), person)


def test_erased_people_have_nothing_to_print(db, center, person):
    coord = Actor("coord", "coordinacion", center.id)
    erasure.erase_person(db, coord, person, reason="Solicitud de cancelación")
    with pytest.raises(RuleViolation):
        data_requests.access_report(db, coord, person)
