"""Screening visits: recorded append-only with the computed result, read back with the result
computed again from the rule table; corrections; roles; validation; the 10-day symptom window
(DGE); the child age bands from the date of birth, the apparent age band without one; the IITT
signs; the clinician's up-triage (never lower, always with a reason, only with EDIT_HEALTH)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pytest
from factories import member
from sqlalchemy import text
from sqlmodel import select

from albergue_desktop.domain.clinical_enums import (
    AgeBasis, ApparentAge, Avpu, ChronicCondition, Flag, ObstetricSign, RespiratoryScreen,
    Symptom, TriageColour, TriageSign,
)
from albergue_desktop.domain.errors import (
    NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.services import people, screening, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import AuditEvent, Screening

T0 = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)
POSITIVE = ScreeningInput(temperature_c=38.2, heart_rate=96, respiratory_rate=22, spo2=95,
                          avpu=Avpu.ALERT, symptoms={Symptom.COUGH, Symptom.FEVER,
                                                     Symptom.RUNNY_NOSE})
NORMAL = ScreeningInput(temperature_c=36.6, heart_rate=80, respiratory_rate=16, spo2=98,
                        avpu=Avpu.ALERT)


@pytest.fixture
def nurse(center):
    return Actor("enf1", "salud", center.id)


@pytest.fixture
def family(db, center):
    return people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie-Claude", "Joseph"),
        member("Jean-Baptiste", "Saint-Vil", sex="M", relationship="spouse"),
        member("Roseline", "Joseph", relationship="child", birth=date(2021, 1, 10)),
        member("Ti-Jean", "Joseph", sex="M", relationship="child", birth=date(2015, 3, 3))]
    ).person_ids


def rows(db, pid) -> list[Screening]:
    with db.session() as s:
        return list(s.exec(select(Screening).where(Screening.person_id == pid)
                           .order_by(Screening.change_seq)))


def test_a_visit_is_stored_with_its_result_and_read_back(db, center, family, nurse):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=POSITIVE,
                                     when=T0)
    assert rec.triage.colour is TriageColour.YELLOW and rec.triage.needs_isolation
    (row,) = rows(db, family[1])
    assert (row.colour, row.respiratory_screen, row.needs_isolation, row.consultation,
            row.urgent_care, row.obstetric_warning) == ("yellow", "positive", True, True,
                                                        False, False)
    assert row.rules_fired == ["DGE-RESP-POSITIVE", "DGE-FEVER-RESP", "DGE-FEVER-CONSULT"]
    assert row.flags == ["consultation", "isolation"]
    assert (row.final_colour, row.raise_reason, row.raised_by) == ("yellow", None, None)
    assert row.symptoms == ["cough", "fever", "runny_nose"]
    assert (row.temperature_c, row.spo2, row.avpu, row.age_months) == (38.2, 95, "A", 380)
    assert row.screened_by == "enf1" and row.created_by == "enf1"
    assert row.center_id == center.id  # registered there, not yet checked in
    assert row.rule_table == screening.rule_table_fingerprint()
    assert row.vv == {db.site_id: row.change_seq}  # a synced row, stamped
    latest = screening.latest_screening(db, nurse, family[1])
    assert latest.id == rec.id and latest.screened_at == T0
    assert latest.input.symptoms == {Symptom.COUGH, Symptom.FEVER, Symptom.RUNNY_NOSE}
    assert latest.triage.respiratory.screen is RespiratoryScreen.POSITIVE
    assert latest.stored.colour is TriageColour.YELLOW and not latest.result_changed
    assert [rid for rid, _ in latest.triage.reasons] == [
        "DGE-RESP-POSITIVE", "DGE-FEVER-RESP", "DGE-FEVER-CONSULT"]
    assert latest.final_colour is TriageColour.YELLOW and not latest.raised
    assert screening.latest_screening(db, nurse, family[0]) is None


def test_a_new_visit_never_overwrites_an_old_one(db, center, family, nurse):
    first = screening.record_screening(db, nurse, person_id=family[1], screening=POSITIVE,
                                       when=T0)
    (before,) = rows(db, family[1])
    second = screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL,
                                        when=T0 + timedelta(days=5))
    old, new = rows(db, family[1])
    assert old.model_dump() == before.model_dump()   # not touched, not even restamped
    assert (new.colour, new.needs_isolation) == ("green", False)
    history = screening.screenings_of(db, nurse, family[1])
    assert [r.id for r in history] == [second.id, first.id]  # latest visit first
    assert screening.latest_screening(db, nurse, family[1]).id == second.id
    # a visit typed later but made earlier does not become the latest
    screening.record_screening(db, nurse, person_id=family[1], screening=POSITIVE,
                               when=T0 - timedelta(days=1))
    assert screening.latest_screening(db, nurse, family[1]).id == second.id
    with db.session() as s:
        actions = {e.action for e in s.exec(select(AuditEvent).where(
            AuditEvent.table_name == "screening"))}
    assert actions == {"create", "view_health"}  # never updated; the history read is audited


def test_a_correction_is_a_new_record_that_replaces_the_old_one(db, center, family, nurse):
    wrong = screening.record_screening(db, nurse, person_id=family[1], screening=POSITIVE,
                                       when=T0)
    fixed = screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL,
                                       corrects_id=wrong.id)
    assert fixed.corrects_id == wrong.id and fixed.screened_at == T0  # the same visit
    latest = screening.latest_screening(db, nurse, family[1])
    assert latest.id == fixed.id and latest.triage.colour is TriageColour.GREEN
    history = screening.screenings_of(db, nurse, family[1])
    assert [(r.id, r.corrected_by_id) for r in history] == [(fixed.id, None),
                                                            (wrong.id, fixed.id)]
    assert len(rows(db, family[1])) == 2 and rows(db, family[1])[0].colour == "yellow"
    with pytest.raises(RuleViolation):  # only the current version can be corrected
        screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL,
                                   corrects_id=wrong.id)
    with pytest.raises(NotFoundError):  # another person's screening
        screening.record_screening(db, nurse, person_id=family[0], screening=NORMAL,
                                   corrects_id=fixed.id)
    assert len(rows(db, family[1])) == 2 and rows(db, family[0]) == []


@pytest.mark.parametrize("role", ["registro", "coordinacion", "admin"])
def test_only_health_staff_and_supervisors_use_screenings(db, center, family, role):
    actor = Actor("x", role, center.id)
    for call in (lambda: screening.record_screening(db, actor, person_id=family[0],
                                                    screening=NORMAL),
                 lambda: screening.latest_screening(db, actor, family[0]),
                 lambda: screening.screenings_of(db, actor, family[0])):
        with pytest.raises(PermissionDenied):
            call()
    assert rows(db, family[0]) == []
    boss = Actor("sup", "supervision")
    screening.record_screening(db, boss, person_id=family[0], screening=NORMAL)
    assert screening.latest_screening(db, boss, family[0]) is not None


def test_invalid_forms_are_refused_and_nothing_is_written(db, center, family, nurse):
    cases = [
        (family[0], ScreeningInput(spo2=101), {}, "spo2"),
        (family[0], ScreeningInput(systolic_bp=80, diastolic_bp=90), {}, "diastolic_bp"),
        (family[1], ScreeningInput(pregnant=True, gestation_weeks=20), {}, "pregnant"),
        (family[0], ScreeningInput(symptoms={"sneezing"}), {}, "symptoms"),
        (family[0], ScreeningInput(disabilities={"SM-CI"}), {}, "disabilities"),
        (family[0], NORMAL, {Symptom.COUGH: date(2030, 1, 1)}, "symptom_onsets"),
    ]
    for pid, data, onsets, field in cases:
        with pytest.raises(ValidationError) as err:
            screening.record_screening(db, nurse, person_id=pid, screening=data,
                                       symptom_onsets=onsets, when=T0)
        assert err.value.for_field(field), (field, err.value.errors)
    with pytest.raises(NotFoundError):
        screening.record_screening(db, nurse, person_id="nope", screening=NORMAL)
    assert rows(db, family[0]) == [] and rows(db, family[1]) == []


def test_symptom_onsets_count_within_ten_days_of_the_visit(db, center, family, nurse):
    visit = datetime(2022, 1, 10, 12, 0).astimezone()  # noon, local time
    day = visit.date()

    def screen(cough_days_ago: int):
        onsets = {Symptom.RUNNY_NOSE: day, Symptom.COUGH: day - timedelta(days=cough_days_ago)}
        return screening.record_screening(db, nurse, person_id=family[0], screening=NORMAL,
                                          symptom_onsets=onsets, when=visit)

    counted = screen(10)
    assert counted.triage.needs_isolation
    assert counted.input.symptoms == {Symptom.COUGH, Symptom.RUNNY_NOSE}
    too_old = screen(11)
    assert not too_old.triage.needs_isolation
    assert too_old.triage.respiratory.screen is RespiratoryScreen.NEGATIVE
    assert too_old.input.symptoms == {Symptom.RUNNY_NOSE}
    assert too_old.symptom_onsets[Symptom.COUGH] == day - timedelta(days=11)  # kept anyway


def test_child_age_bands_come_from_the_date_of_birth(db, center, family, nurse):
    fast = ScreeningInput(heart_rate=170)  # high from 1 year (> 160), not under 1 (> 180)
    at_11_months = screening.record_screening(
        db, nurse, person_id=family[2], screening=fast,
        when=datetime(2022, 1, 9, 12, 0).astimezone())
    at_12_months = screening.record_screening(
        db, nurse, person_id=family[2], screening=fast,
        when=datetime(2022, 1, 10, 12, 0).astimezone())
    assert (at_11_months.age_months, at_11_months.triage.colour) == (11, TriageColour.GREEN)
    assert (at_12_months.age_months, at_12_months.triage.colour) == (12, TriageColour.YELLOW)
    assert at_12_months.stored.rules_fired == ("IITT-C1-HR-HIGH",)
    with db.session("t") as s:  # intake requires a date of birth; older records may lack it
        s.connection().execute(text("UPDATE person SET birth_date = NULL WHERE id = :id"),
                               {"id": family[3]})
    unknown = screening.record_screening(db, nurse, person_id=family[3], screening=fast)
    # no date of birth and no apparent band: the strictest band (170/min is RED for an adult)
    assert unknown.age_months is None and unknown.triage.colour is TriageColour.RED
    assert unknown.triage.age_basis is AgeBasis.NONE and unknown.triage.age_note
    child = screening.record_screening(
        db, nurse, person_id=family[3],
        screening=replace(fast, apparent_age=ApparentAge.CHILD))
    assert child.triage.colour is TriageColour.YELLOW
    assert child.input.apparent_age is ApparentAge.CHILD
    assert rows(db, family[3])[-1].apparent_age == "child"
    # with a date of birth the apparent band is not kept (the age is known)
    dated = screening.record_screening(
        db, nurse, person_id=family[2], screening=replace(fast, apparent_age=ApparentAge.ADULT))
    assert dated.input.apparent_age is None and rows(db, family[2])[-1].apparent_age is None


def test_pregnancy_warning_signs_are_red_and_stored(db, center, family, nurse):
    rec = screening.record_screening(db, nurse, person_id=family[0], when=T0, screening=(
        ScreeningInput(pregnant=True, gestation_weeks=34, systolic_bp=162, diastolic_bp=100,
                       obstetric_signs={ObstetricSign.SEVERE_HEADACHE},
                       chronic_conditions={ChronicCondition.HYPERTENSION})))
    (row,) = rows(db, family[0])
    assert (row.colour, row.obstetric_warning, row.consultation, row.pregnant,
            row.gestation_weeks) == ("red", True, True, True, 34)
    assert row.rules_fired[:2] == ["IITT-OB-HEADACHE", "IITT-OB-SBP"]
    assert "PLAN-CHRONIC" in row.rules_fired and "PLAN-PREGNANCY" in row.rules_fired
    assert set(row.flags) >= {Flag.OBSTETRIC_WARNING, Flag.EMERGENCY_SIGN, Flag.CONSULTATION}
    assert rec.triage.obstetric_warning and rec.input.gestation_weeks == 34


def test_the_result_shown_is_computed_again_from_the_rule_table(db, center, family, nurse):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=POSITIVE,
                                     when=T0)
    with db.session("t") as s:  # as if recorded under an older rule table
        s.connection().execute(text(
            "UPDATE screening SET colour = 'green', rules_fired = '[]', rule_table = 'old'"
            " WHERE id = :id"), {"id": rec.id})
    latest = screening.latest_screening(db, nurse, family[1])
    assert latest.stored.colour is TriageColour.GREEN and latest.stored.rule_table == "old"
    assert latest.triage.colour is TriageColour.YELLOW and latest.result_changed


def test_the_center_is_where_the_person_stays(db, center, family, nurse):
    from albergue_desktop.services import centers

    other = centers.create_center(db, SYSTEM, code="7", name="Centro 7")
    stays.check_in(db, SYSTEM, person_id=family[0], center_id=other.id)
    rec = screening.record_screening(db, nurse, person_id=family[0], screening=NORMAL)
    assert rec.center_id == other.id


def test_vaccination_summary_prompts_children_gaps_and_tdap(db, center, nurse):
    from albergue_desktop.domain import vaccines as vx
    from albergue_desktop.services.vaccination_summary import vaccination_summary
    from albergue_desktop.storage.tables import VaccinationBase

    today = date(2022, 2, 1)
    reg = people.register_household(db, SYSTEM, center_id=center.id, today=today, members=[
        member("Guerline", "Jean", vaccinations=[VaccinationBase(
            vaccine="covid19", brand="pfizer", dose=1, date=date(2021, 12, 1))]),
        member("Wesley", "Jean", sex="M", relationship="child", birth=date(2020, 12, 20),
               vaccinations=[VaccinationBase(vaccine="bcg", dose=1, date=date(2020, 12, 21))])])
    mum, baby = reg.person_ids
    screening.record_screening(db, nurse, person_id=mum, when=datetime(2022, 1, 11, 17, 0,
                                                                      tzinfo=timezone.utc),
                               screening=ScreeningInput(pregnant=True, gestation_weeks=18))
    adult = vaccination_summary(db, nurse, mum, today)
    assert adult.covid.status is vx.CovidStatus.PARTIAL and adult.gestation_weeks == 21
    assert [p.vaccine for p in adult.prompts] == [vx.Vaccine.TDAP]
    child = vaccination_summary(db, nurse, baby, today)
    assert child.age_months == 13 and child.covid.status is vx.CovidStatus.NONE
    due = [p.vaccine for p in child.prompts]
    assert vx.Vaccine.BCG not in due and vx.Vaccine.MMR in due and vx.Vaccine.HEXAVALENT in due
    with pytest.raises(PermissionDenied):
        vaccination_summary(db, Actor("r", "registro"), baby, today)


# --- IITT signs and the clinician's up-triage --------------------------------------------------

def test_signs_are_stored_and_judged(db, center, family, nurse):
    rec = screening.record_screening(
        db, nurse, person_id=family[1], when=T0,
        screening=replace(NORMAL, avpu=Avpu.UNRESPONSIVE, signs={TriageSign.STIFF_NECK}))
    assert rec.triage.colour is TriageColour.RED
    assert {"IITT-UNRESPONSIVE", "IITT-ANY-TWO"} <= rec.triage.rule_ids
    (row,) = rows(db, family[1])
    assert row.signs == ["stiff_neck"] and row.colour == "red"
    assert rec.input.signs == {TriageSign.STIFF_NECK}
    with pytest.raises(ValidationError):
        screening.record_screening(db, nurse, person_id=family[1],
                                   screening=replace(NORMAL, signs={"not_a_sign"}))


def test_a_clinician_raises_the_colour_with_a_reason(db, center, family, nurse):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL, when=T0,
                                     raise_to=TriageColour.YELLOW,
                                     raise_reason="  Se ve muy decaído  ")
    assert rec.triage.colour is TriageColour.GREEN  # what the rules computed
    assert rec.final_colour is TriageColour.YELLOW and rec.raised
    assert (rec.raise_reason, rec.raised_by) == ("Se ve muy decaído", "enf1")
    (row,) = rows(db, family[1])
    assert (row.colour, row.final_colour, row.raise_reason, row.raised_by) == (
        "green", "yellow", "Se ve muy decaído", "enf1")
    history = screening.screenings_of(db, nurse, family[1])
    assert history[0].computed_colour is TriageColour.GREEN
    assert history[0].final_colour is TriageColour.YELLOW


@pytest.mark.parametrize("raise_to", [TriageColour.GREEN, TriageColour.YELLOW])
def test_up_triage_never_lowers_nor_keeps_the_computed_colour(db, center, family, nurse,
                                                              raise_to):
    yellow = replace(NORMAL, heart_rate=135)  # adult > 130: YELLOW
    with pytest.raises(RuleViolation) as err:
        screening.record_screening(db, nurse, person_id=family[1], screening=yellow,
                                   raise_to=raise_to, raise_reason="no")
    assert "nunca bajarlo" in str(err.value)
    assert rows(db, family[1]) == []


@pytest.mark.parametrize("reason", [None, "", "   "])
def test_up_triage_needs_a_reason(db, center, family, nurse, reason):
    with pytest.raises(ValidationError) as err:
        screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL,
                                   raise_to=TriageColour.RED, raise_reason=reason)
    assert [e.field for e in err.value.errors] == ["raise_reason"]
    assert rows(db, family[1]) == []


@pytest.mark.parametrize("role", ["admision", "coordinacion", "admin"])
def test_up_triage_needs_edit_health(db, center, family, nurse, role):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL, when=T0)
    other = Actor("x", role, center.id)
    with pytest.raises(PermissionDenied):
        screening.raise_colour(db, other, rec.id, raise_to=TriageColour.RED, reason="grave")
    with pytest.raises(PermissionDenied):
        screening.record_screening(db, other, person_id=family[1], screening=NORMAL,
                                   raise_to=TriageColour.RED, raise_reason="grave")
    assert len(rows(db, family[1])) == 1


def test_raising_a_recorded_visit_is_a_correction_that_keeps_both_colours(db, center, family,
                                                                          nurse):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=POSITIVE,
                                     when=T0)
    raised = screening.raise_colour(db, nurse, rec.id, raise_to="red",
                                    reason="Disnea al hablar")
    assert raised.corrects_id == rec.id and raised.screened_at == T0
    assert raised.computed_colour is TriageColour.YELLOW
    assert raised.final_colour is TriageColour.RED and raised.raised_by == "enf1"
    assert raised.input == rec.input
    history = screening.screenings_of(db, nurse, family[1])
    assert [(r.is_current, r.final_colour) for r in history] == [
        (True, TriageColour.RED), (False, TriageColour.YELLOW)]
    with pytest.raises(RuleViolation):  # the replaced row cannot be raised again
        screening.raise_colour(db, nurse, rec.id, raise_to="red", reason="otra vez")
    with pytest.raises(RuleViolation):  # already RED: nothing to raise
        screening.raise_colour(db, nurse, raised.id, raise_to="red", reason="otra vez")


def test_a_raised_colour_never_hides_a_higher_computed_one(db, center, family, nurse):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL, when=T0,
                                     raise_to=TriageColour.YELLOW, raise_reason="decaído")
    as_if_the_table_gave_red = replace(rec, triage=replace(rec.triage, colour=TriageColour.RED))
    assert as_if_the_table_gave_red.final_colour is TriageColour.RED


def test_a_correction_keeps_an_earlier_raise(db, center, family, nurse):
    rec = screening.record_screening(db, nurse, person_id=family[1], screening=NORMAL, when=T0,
                                     raise_to=TriageColour.RED, raise_reason="sangrado")
    doctor = Actor("med2", "salud", center.id)
    fixed = screening.record_screening(db, doctor, person_id=family[1], corrects_id=rec.id,
                                       screening=replace(NORMAL, heart_rate=135))
    assert fixed.computed_colour is TriageColour.YELLOW
    assert fixed.final_colour is TriageColour.RED
    assert (fixed.raise_reason, fixed.raised_by) == ("sangrado", "enf1")


@pytest.mark.parametrize("days_old, colour, newborn", [
    (3, TriageColour.RED, True), (7, TriageColour.RED, True), (8, TriageColour.YELLOW, False)])
def test_a_newborn_is_judged_by_the_age_in_days_of_the_visit(db, center, nurse, days_old,
                                                            colour, newborn):
    """The service gives the age in days (birth date, visit day) to the rules, at recording
    and when the record is read back."""
    visit = datetime(2022, 1, 10, 18, 0, tzinfo=timezone.utc)
    born = visit.astimezone().date() - timedelta(days=days_old)
    (baby,) = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Bébé", "Joseph", birth=born)]).person_ids
    rec = screening.record_screening(db, nurse, person_id=baby, screening=ScreeningInput(),
                                     when=visit)
    assert rec.triage.colour is colour
    assert ("IITT-C-NEWBORN" in rec.triage.rule_ids) is newborn
    read_back = screening.latest_screening(db, nurse, baby)
    assert read_back.triage.colour is colour and read_back.final_colour is colour
