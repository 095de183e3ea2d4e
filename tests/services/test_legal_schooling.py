"""Legal/protection pathway (restricted to the protection permission) and schooling."""

from __future__ import annotations

from datetime import date

import pytest
from factories import member
from pathway_world import lodged_family

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.services import legal, people, schooling
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.legal import AsylumInput
from albergue_desktop.services.schooling import EnrollmentInput
from albergue_desktop.storage.tables import IdentityDocumentBase

COORD = Actor(username="coord", role="coordinacion")
STAFF = Actor(username="vinc", role="vinculacion")
TODAY = date(2022, 2, 1)


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(TODAY):
        yield


@pytest.mark.parametrize("role", ["registro", "salud", "vinculacion", "admin"])
def test_protection_records_need_the_protection_permission(db, center, role):
    _hh, ids = lodged_family(db, center.id)
    actor = Actor(username="x", role=role)
    with pytest.raises(PermissionDenied):
        legal.save_asylum(db, actor, ids[0], AsylumInput(filed_on=TODAY))
    with pytest.raises(PermissionDenied):
        legal.applications_of(db, actor, ids[0])
    with pytest.raises(PermissionDenied):
        legal.refer_child(db, actor, ids[2], referred_on=TODAY)
    with pytest.raises(PermissionDenied):
        legal.referrals(db, actor)


def test_asylum_application_and_child_referral(db, center):
    _hh, ids = lodged_family(db, center.id)
    legal.save_asylum(db, COORD, ids[0], AsylumInput(filed_on=date(2022, 1, 20),
                                                      office="COMAR Tijuana",
                                                      status="constancia",
                                                      next_appointment=date(2022, 2, 20)))
    assert [a.status for a in legal.applications_of(db, COORD, ids[0])] == ["constancia"]
    ref = legal.refer_child(db, COORD, ids[2], referred_on=TODAY, office="PPNNA Mexicali",
                            reason="Valoración de plan de restitución de derechos")
    assert [r.id for r in legal.referrals(db, COORD)] == [ref.id]
    with pytest.raises(RuleViolation):  # an adult is not referred
        legal.refer_child(db, COORD, ids[0], referred_on=TODAY)
    with pytest.raises(ValidationError):
        legal.save_asylum(db, COORD, ids[0], AsylumInput(filed_on=TODAY, status="maybe"))


def test_documents_expiring_in_the_next_30_days(db, center):
    docs = [IdentityDocumentBase(doc_type="tvrh_card", number="T1",
                                 expiry_date=date(2022, 2, 20)),
            IdentityDocumentBase(doc_type="comar_constancia", number="C1",
                                 expiry_date=date(2022, 4, 1)),  # later than 30 days
            IdentityDocumentBase(doc_type="curp", number="JOXR900501MNEXSSA5",
                                 issue_date=date(2021, 8, 20))]  # +180 d = 2022-02-16
    pid = people.register_household(db, SYSTEM, center_id=center.id, members=[member(
        "Rose", "Joseph", migratory_status="solicitante_refugio",
        migratory_status_until=date(2022, 2, 25), documents=docs)]).person_ids[0]
    found = legal.expiring_documents(db, STAFF)
    assert [(e.person_id, e.document, e.expires, e.estimated) for e in found] == [
        (pid, "curp", date(2022, 2, 16), True),
        (pid, "tvrh_card", date(2022, 2, 20), False),
        (pid, "migratory_status", date(2022, 2, 25), False)]


def test_school_enrollment_with_missing_documents(db, center):
    _hh, ids = lodged_family(db, center.id)
    row = schooling.save_enrollment(db, STAFF, ids[2], EnrollmentInput(
        school="Esc. Primaria Benito Juárez", level="primaria", grade=3,
        missing_documents=("birth_certificate", "curp")))
    assert row.status == "gathering_documents" and row.enrolled_on is None
    row = schooling.save_enrollment(db, STAFF, ids[2], EnrollmentInput(
        school="Esc. Primaria Benito Juárez", level="primaria", grade=3, status="enrolled"),
        enrollment_id=row.id)
    assert row.enrolled_on == TODAY and row.missing_documents == []
    with pytest.raises(ValidationError) as err:
        schooling.save_enrollment(db, STAFF, ids[2], EnrollmentInput(
            school="", level="secundaria", grade=5, missing_documents=("passport",)))
    assert {e.field for e in err.value.errors} == {"school", "grade", "missing_documents.0"}


def test_inea_is_for_15_and_over_and_certification_needs_a_date(db, center):
    _hh, ids = lodged_family(db, center.id)
    with pytest.raises(RuleViolation):
        schooling.save_inea(db, STAFF, ids[2], level="primaria")
    with pytest.raises(ValidationError):
        schooling.save_inea(db, STAFF, ids[0], level="primaria", status="certified")
    row = schooling.save_inea(db, STAFF, ids[0], level="secundaria", status="certified",
                              certified_on=TODAY)
    assert row.certified_on == TODAY


def test_spanish_class_attendance(db, center):
    _hh, ids = lodged_family(db, center.id)
    group = schooling.save_group(db, STAFF, name="Español básico A", center_id=center.id,
                                 member_ids=ids[:2])
    schooling.record_session(db, STAFF, group.id, held_on=TODAY, present_ids=[ids[0]])
    schooling.record_session(db, STAFF, group.id, held_on=date(2022, 2, 2),
                             present_ids=ids[:2])
    got = {r.person_id: (r.sessions, r.present) for r in schooling.attendance(db, STAFF, group.id)}
    assert got == {ids[0]: (2, 2), ids[1]: (2, 1)}
    with pytest.raises(RuleViolation):
        schooling.record_session(db, STAFF, group.id, held_on=TODAY, present_ids=[ids[2]])


def test_the_audit_log_hides_protection_values_from_the_administrator(db, center):
    from albergue_desktop.services import access_log
    _hh, ids = lodged_family(db, center.id)
    row = legal.save_asylum(db, COORD, ids[0], AsylumInput(filed_on=TODAY))
    legal.save_asylum(db, COORD, ids[0], AsylumInput(filed_on=TODAY, case_number="EXP-77"),
                      application_id=row.id)  # an update: its audit row has the values
    flt = access_log.AuditFilter(table_name="asylum_application")
    admin = access_log.search(db, Actor(username="admin", role="admin"), flt)
    assert any(line.withheld for line in admin)
    assert not any("EXP-77" in str(line.changes) for line in admin)
    supervisor = access_log.search(db, Actor(username="sup", role="supervision"), flt)
    assert any("EXP-77" in str(line.changes) for line in supervisor)
