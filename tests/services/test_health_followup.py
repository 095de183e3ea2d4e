"""Medical care after arrival: consultations (append-only, corrections, permissions, vitals
judged by the triage table, ICD-10), referral state transitions, pregnancy visits, a birth
that registers the newborn, mental health notes (a permission of their own, never in the
audit viewer of other roles), and the health desk's to-do providers."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain.clinical_rules import ISOLATION
from albergue_desktop.domain.errors import (
    NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from albergue_desktop.domain.pregnancy import Recommendation
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.services import (
    access_log, consultations, health_desk, mental_health, people, pregnancy, referrals,
    screening, stays, todo,
)
from albergue_desktop.services.consultations import ConsultationInput
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import AuditEvent, Birth, IdentityDocument, Person, Stay

T0 = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)


@pytest.fixture
def nurse(center):
    return Actor("enf1", "salud", center.id)


@pytest.fixture
def family(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph", "F", date(1995, 3, 1)),
        member("Jean", "Joseph", "M", date(1992, 1, 1), relationship="spouse")])
    for pid in reg.person_ids:
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id, when=T0)
    return reg


def test_consultation_append_and_correction(db, nurse, family):
    mother = family.person_ids[0]
    first = consultations.record_consultation(
        db, nurse, person_id=mother, when=T0, consultation=ConsultationInput(
            reason="Tos y fiebre", temperature_c=39.4, heart_rate=135, diagnosis_code="j069",
            plan="Paracetamol", follow_up_date=date(2022, 1, 12)))
    assert first.input.diagnosis_code == "J06.9"
    assert "Infección aguda" in first.input.diagnosis_text  # the Spanish name
    assert first.colour == "yellow" and "IITT-A-HR-HIGH" in first.rules_fired
    fixed = consultations.record_consultation(
        db, nurse, person_id=mother, corrects_id=first.id, consultation=ConsultationInput(
            reason="Tos y fiebre", temperature_c=38.4, diagnosis_code="J20.9"))
    assert fixed.attended_at == first.attended_at and fixed.corrects_id == first.id
    history = consultations.consultations_of(db, nurse, mother)
    assert [r.id for r in history] == [fixed.id, first.id]  # both kept, correction first
    assert history[1].corrected_by_id == fixed.id and history[0].is_current
    with pytest.raises(RuleViolation):
        consultations.record_consultation(db, nurse, person_id=mother, corrects_id=first.id,
                                          consultation=ConsultationInput(reason="x"))


def test_consultation_validation_and_permissions(db, nurse, family, intake_actor):
    mother = family.person_ids[0]
    with pytest.raises(ValidationError) as err:
        consultations.record_consultation(
            db, nurse, person_id=mother, when=T0, consultation=ConsultationInput(
                reason=" ", diagnosis_code="ZZ9", follow_up_date=date(2022, 1, 1)))
    assert {e.field for e in err.value.errors} == {"reason", "diagnosis_code",
                                                   "follow_up_date"}
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            consultations.record_consultation(db, Actor("x", role), person_id=mother,
                                              consultation=ConsultationInput(reason="x"))
    with pytest.raises(PermissionDenied):
        consultations.consultations_of(db, intake_actor, mother)
    assert consultations.consultations_of(db, Actor("sup", "supervision"), mother) == []


def test_referral_transitions(db, nurse, family):
    pid = family.person_ids[0]
    ref = referrals.create_referral(db, nurse, person_id=pid, when=T0,
                                    referral=referrals.ReferralInput(
                                        destination="Hospital General de Mexicali",
                                        reason="Dolor abdominal", urgency="urgent",
                                        transport="ambulance", specialty="Cirugía"))
    assert ref.status == "sent" and ref.days_waiting(date(2022, 1, 15)) == 5
    with pytest.raises(ValidationError):  # returned needs the counter-referral
        referrals.set_status(db, nurse, ref.id, "returned")
    missed = referrals.set_status(db, nurse, ref.id, "not_attended")
    with pytest.raises(RuleViolation):
        referrals.set_status(db, nurse, ref.id, "returned", note="x")
    again = referrals.set_status(db, nurse, missed.id, "sent",
                                 appointment_date=date(2022, 1, 20))
    assert again.appointment_date == date(2022, 1, 20)
    referrals.set_status(db, nurse, ref.id, "attended")
    assert [r.id for r in referrals.open_referrals(db, nurse)] == [ref.id]
    done = referrals.set_status(db, nurse, ref.id, "returned", note="Apendicectomía; "
                                "control en 7 días")
    assert done.counter_referral.startswith("Apendicectomía") and not done.is_open
    assert referrals.open_referrals(db, nurse) == []
    for status in ("sent", "attended", "not_attended"):
        with pytest.raises(RuleViolation):
            referrals.set_status(db, nurse, ref.id, status)
    with pytest.raises(PermissionDenied):
        referrals.set_status(db, Actor("r", "registro"), ref.id, "sent")


def test_prenatal_visit_thresholds(db, nurse, family):
    mother = family.person_ids[0]
    day = T0.astimezone().date()
    routine = pregnancy.record_visit(db, nurse, person_id=mother, when=T0,
                                     visit=pregnancy.VisitInput(gestation_weeks=24,
                                                                systolic_bp=118,
                                                                diastolic_bp=76))
    assert routine.recommendation is Recommendation.ROUTINE
    assert routine.input.due_date == day + timedelta(days=280 - 24 * 7)  # Naegele
    assert routine.next_visit_date == day + timedelta(weeks=2)  # the 26-week contact
    high = pregnancy.record_visit(db, nurse, person_id=mother, when=T0,
                                  visit=pregnancy.VisitInput(gestation_weeks=24,
                                                             systolic_bp=140, diastolic_bp=80))
    assert high.recommendation is Recommendation.REFERRAL  # 140 is hypertension
    below = pregnancy.record_visit(db, nurse, person_id=mother, when=T0,
                                   visit=pregnancy.VisitInput(gestation_weeks=24,
                                                              systolic_bp=139, diastolic_bp=89))
    assert below.recommendation is Recommendation.ROUTINE
    sign = pregnancy.record_visit(db, nurse, person_id=mother, when=T0,
                                  visit=pregnancy.VisitInput(gestation_weeks=30,
                                                             warning_signs={"tinnitus"}))
    assert sign.recommendation is Recommendation.REFERRAL and "PREG-ALARM-REFER" in \
        sign.rules_fired
    with pytest.raises(ValidationError):
        pregnancy.record_visit(db, nurse, person_id=family.person_ids[1],
                               visit=pregnancy.VisitInput(gestation_weeks=10))


def test_birth_registers_newborn_in_household(db, nurse, family, center):
    mother = family.person_ids[0]
    record = pregnancy.record_birth(db, nurse, mother_id=mother, birth=pregnancy.BirthInput(
        given_names="Esther", sex="F", born_on=date(2022, 2, 3), place="Hospital General",
        delivery="vaginal", weight_g=3150, birth_certificate="02001220300123"))
    with db.read_session() as s:
        baby = s.get(Person, record.newborn_id)
        assert baby.household_id == s.get(Person, mother).household_id
        assert (baby.nationality, baby.country_of_birth, baby.surnames) == ("MX", "MX",
                                                                            "Joseph")
        assert baby.relationship == "child" and baby.curp is None
        assert "CURP" in (baby.notes or "")
        doc = s.exec(select(IdentityDocument).where(
            IdentityDocument.person_id == baby.id)).one()
        assert doc.doc_type == "birth_certificate" and doc.issuing_country == "MX"
        stay = s.exec(select(Stay).where(Stay.person_id == baby.id)).one()
        assert stay.center_id == center.id and stay.check_out is None
        assert s.exec(select(Birth)).one().newborn_id == baby.id
    from albergue_desktop.reports.impact import compute_impact
    values = compute_impact(db, Actor("sup", "supervision"), start=date(2022, 2, 1),
                            end=date(2022, 2, 28))
    assert values["births"] == 1
    with pytest.raises(RuleViolation):
        pregnancy.record_birth(db, nurse, mother_id=family.person_ids[1],
                               birth=pregnancy.BirthInput("X", "M", date(2022, 2, 3)))
    with pytest.raises(PermissionDenied):
        pregnancy.record_birth(db, Actor("r", "registro"), mother_id=mother,
                               birth=pregnancy.BirthInput("X", "M", date(2022, 2, 3)))


def test_mental_health_notes_only_with_their_permission(db, nurse, family):
    pid = family.person_ids[0]
    note = mental_health.record_note(db, nurse, person_id=pid, kind="psychology",
                                     note="Duelo migratorio; insomnio", risk="low")
    assert [n.id for n in mental_health.notes_of(db, nurse, pid)] == [note.id]
    for role in ("supervision", "admin", "registro", "coordinacion"):
        actor = Actor("x", role)
        with pytest.raises(PermissionDenied):
            mental_health.notes_of(db, actor, pid)
        with pytest.raises(PermissionDenied):
            mental_health.record_note(db, actor, person_id=pid, kind="psychology", note="x")
    # the audit viewer of supervision and administration shows nothing of it
    for role in ("supervision", "admin"):
        lines = access_log.search(db, Actor("a", role), access_log.AuditFilter())
        assert not any(line.table_name == "mental_health_note" for line in lines)
        assert "insomnio" not in repr(lines)
        assert "mental_health_note" not in access_log.filter_choices(db, Actor("a", role)).tables
    with db.read_session() as s:  # no audit row carries the note's text
        assert not any("insomnio" in repr(e.changes) for e in s.exec(select(AuditEvent)))


def test_desk_providers(db, nurse, family, center, monkeypatch):
    mother, father = family.person_ids
    today = date(2022, 1, 12)
    monkeypatch.setattr("albergue_desktop.domain.clock.today", lambda: today)
    screening.record_screening(db, nurse, person_id=father, when=T0, screening=ScreeningInput(
        temperature_c=38.5, symptoms={"cough", "fever", "runny_nose"}))
    consultations.record_consultation(db, nurse, person_id=mother, when=T0,
                                      consultation=ConsultationInput(
                                          reason="Control", follow_up_date=date(2022, 1, 11)))
    referrals.create_referral(db, nurse, person_id=father, when=T0,
                              referral=referrals.ReferralInput(destination="ISESALUD",
                                                               reason="Radiografía"))
    sections = {key: items for key, _t, items in health_desk.desk(db, nurse,
                                                                  center_id=center.id)}
    assert [i.person_id for i in sections["pending_screening"]] == [mother]
    assert [i.person_id for i in sections["follow_up"]] == [mother]
    assert sections["follow_up"][0].detail == "1 día de retraso · Control"
    iso = sections["isolation"]
    assert [i.person_id for i in iso] == [father]
    left = ISOLATION.days - (today - T0.date()).days
    assert f"{left} días" in iso[0].detail
    assert sections["referrals"][0].person_id == father
    assert sections[todo.STOCK] == []  # the pharmacy's slot: no stock at this center
    # a later consultation clears the follow-up
    consultations.record_consultation(db, nurse, person_id=mother,
                                      consultation=ConsultationInput(reason="Revisión"))
    sections = {k: i for k, _t, i in health_desk.desk(db, nurse, center_id=center.id)}
    assert sections["follow_up"] == []
    with pytest.raises(PermissionDenied):
        health_desk.desk(db, Actor("r", "registro"), center_id=center.id)
    sup = {k for k, _t, _i in health_desk.desk(db, Actor("s", "supervision"),
                                                center_id=center.id)}
    assert "mental_health" not in sup and "mental_health" in sections


def test_not_found(db, nurse):
    with pytest.raises(NotFoundError):
        consultations.record_consultation(db, nurse, person_id="nobody",
                                          consultation=ConsultationInput(reason="x"))


STATUS_CHOICES = ("sent", "attended", "returned", "not_attended")


def test_referral_status_follows_the_transition_table(db, nurse, family):
    """Any sequence of requested statuses: the service accepts exactly the moves of
    TRANSITIONS, a refused move changes nothing, and 'returned' is final."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    pid = family.person_ids[0]

    @settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.lists(st.sampled_from(STATUS_CHOICES), max_size=6))
    def run(requests):
        ref = referrals.create_referral(db, nurse, person_id=pid, referral=referrals.ReferralInput(
            destination="Hospital General", reason="Valoración"))
        status = referrals.ReferralStatus.SENT
        for wanted in requests:
            allowed = referrals.ReferralStatus(wanted) in referrals.TRANSITIONS[status]
            try:
                line = referrals.set_status(db, nurse, ref.id, wanted, note="Nota")
            except RuleViolation:
                assert not allowed
                continue
            assert allowed and line.status == wanted
            status = referrals.ReferralStatus(wanted)
        (stored,) = [r for r in referrals.referrals_of(db, nurse, pid) if r.id == ref.id]
        assert stored.status == status
        assert stored.is_open is (status is not referrals.ReferralStatus.RETURNED)

    run()
