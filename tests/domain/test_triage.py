"""The triage rule table, its boundaries, the respiratory screen and the colour logic."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from albergue_desktop.domain import i18n
from albergue_desktop.domain.clinical_enums import (
    AgeBand, Avpu, ChronicCondition, Flag, Measure, ObstetricSign, Op, RespiratoryScreen, Source,
    Symptom, TriageColour, clinical_label, english_labels, source_citation,
)
from albergue_desktop.domain.clinical_rules import (
    RESOLUTION, RULES, RULES_BY_ID, age_band, age_in_months,
)
from albergue_desktop.domain.respiratory import DGCES_2020, screen_respiratory, symptoms_in_window
from albergue_desktop.domain.triage import ScreeningInput, assess, validate_screening

GREEN, YELLOW, RED = TriageColour.GREEN, TriageColour.YELLOW, TriageColour.RED
AGE_OF_BAND = {AgeBand.UNDER_1: 6, AgeBand.FROM_1_TO_4: 30, AgeBand.FROM_5_TO_11: 96,
               AgeBand.ADULT: 360, AgeBand.UNKNOWN: None}
NUMERIC = [r for r in RULES if r.op in (Op.LT, Op.GT, Op.LE, Op.GE)]

# The table as a clinician approved it. Changing a threshold in clinical_rules.py without
# changing this snapshot fails the suite.
EXPECTED_TABLE = {
    "IITT-A-HR-LOW": ("<", 60, "12_plus", "yellow"),
    "IITT-A-HR-HIGH": (">", 130, "12_plus", "yellow"),
    "IITT-A-HR-RED-LOW": ("<", 50, "12_plus", "red"),
    "IITT-A-HR-RED-HIGH": (">", 150, "12_plus", "red"),
    "IITT-A-RR-LOW": ("<", 10, "12_plus", "yellow"),
    "IITT-A-RR-HIGH": (">", 30, "12_plus", "yellow"),
    "IITT-C0-RR-LOW": ("<", 25, "under_1", "yellow"),
    "IITT-C0-RR-HIGH": (">", 50, "under_1", "yellow"),
    "IITT-C0-HR-LOW": ("<", 90, "under_1", "yellow"),
    "IITT-C0-HR-HIGH": (">", 180, "under_1", "yellow"),
    "IITT-C1-RR-LOW": ("<", 20, "1_to_4", "yellow"),
    "IITT-C1-RR-HIGH": (">", 40, "1_to_4", "yellow"),
    "IITT-C1-HR-LOW": ("<", 80, "1_to_4", "yellow"),
    "IITT-C1-HR-HIGH": (">", 160, "1_to_4", "yellow"),
    "IITT-C5-RR-LOW": ("<", 10, "5_to_11", "yellow"),
    "IITT-C5-RR-HIGH": (">", 30, "5_to_11", "yellow"),
    "IITT-C5-HR-LOW": ("<", 70, "5_to_11", "yellow"),
    "IITT-C5-HR-HIGH": (">", 140, "5_to_11", "yellow"),
    "IITT-U-HR-LOW": ("<", 60, "unknown", "yellow"),
    "IITT-U-HR-HIGH": (">", 180, "unknown", "yellow"),
    "IITT-U-RR-LOW": ("<", 10, "unknown", "yellow"),
    "IITT-U-RR-HIGH": (">", 50, "unknown", "yellow"),
    "IITT-TEMP-LOW": ("<", 36.0, "any", "yellow"),
    "IITT-TEMP-HIGH": (">", 39.0, "any", "yellow"),
    "IITT-SPO2-LOW": ("<", 92, "any", "yellow"),
    "IITT-AVPU": ("!=", "A", "any", "yellow"),
    "IITT-OB-BLEEDING": ("present", "heavy_bleeding", "any", "red"),
    "IITT-OB-ABDOMINAL": ("present", "severe_abdominal_pain", "any", "red"),
    "IITT-OB-SEIZURES": ("present", "seizures", "any", "red"),
    "IITT-OB-HEADACHE": ("present", "severe_headache", "any", "red"),
    "IITT-OB-VISION": ("present", "visual_changes", "any", "red"),
    "IITT-OB-LABOUR": ("present", "active_labour", "any", "red"),
    "IITT-OB-SBP": (">=", 160, "any", "red"),
    "IITT-OB-DBP": (">=", 110, "any", "red"),
    "DGCES-SPO2-URGENT": ("<", 90, "any", "red"),
    "DGCES-DYSPNEA": ("present", "dyspnea", "any", "yellow"),
    "DGCES-CHEST-PAIN": ("present", "chest_pain", "any", "yellow"),
    "DGCES-RESP-POSITIVE": ("!=", "negative", "any", "yellow"),
    "PLAN-CHRONIC": ("present", None, "any", "green"),
    "PLAN-PREGNANCY": ("present", True, "any", "green"),
}

# (rule id, age in months or None, value, fires?) written by hand, not derived from the table.
HAND_BOUNDARIES = [
    ("IITT-SPO2-LOW", 360, 92, False), ("IITT-SPO2-LOW", 360, 91, True),
    ("IITT-SPO2-LOW", 6, 91, True), ("DGCES-SPO2-URGENT", 360, 90, False),
    ("DGCES-SPO2-URGENT", 360, 89, True),
    ("IITT-A-HR-HIGH", 360, 130, False), ("IITT-A-HR-HIGH", 360, 131, True),
    ("IITT-A-HR-RED-HIGH", 360, 150, False), ("IITT-A-HR-RED-HIGH", 360, 151, True),
    ("IITT-A-HR-LOW", 360, 60, False), ("IITT-A-HR-LOW", 360, 59, True),
    ("IITT-A-HR-RED-LOW", 360, 50, False), ("IITT-A-HR-RED-LOW", 360, 49, True),
    ("IITT-A-RR-LOW", 144, 10, False), ("IITT-A-RR-LOW", 144, 9, True),
    ("IITT-A-RR-HIGH", 144, 30, False), ("IITT-A-RR-HIGH", 144, 31, True),
    ("IITT-TEMP-LOW", 360, 36.0, False), ("IITT-TEMP-LOW", 360, 35.9, True),
    ("IITT-TEMP-HIGH", 360, 39.0, False), ("IITT-TEMP-HIGH", 360, 39.1, True),
    ("IITT-TEMP-HIGH", 30, 39.1, True),
    ("IITT-C0-RR-HIGH", 11, 50, False), ("IITT-C0-RR-HIGH", 11, 51, True),
    ("IITT-C0-RR-LOW", 0, 25, False), ("IITT-C0-RR-LOW", 0, 24, True),
    ("IITT-C0-HR-HIGH", 6, 180, False), ("IITT-C0-HR-HIGH", 6, 181, True),
    ("IITT-C0-HR-LOW", 6, 90, False), ("IITT-C0-HR-LOW", 6, 89, True),
    ("IITT-C1-RR-HIGH", 12, 40, False), ("IITT-C1-RR-HIGH", 12, 41, True),
    ("IITT-C1-RR-LOW", 59, 20, False), ("IITT-C1-RR-LOW", 59, 19, True),
    ("IITT-C1-HR-HIGH", 30, 160, False), ("IITT-C1-HR-HIGH", 30, 161, True),
    ("IITT-C1-HR-LOW", 30, 80, False), ("IITT-C1-HR-LOW", 30, 79, True),
    ("IITT-C5-RR-HIGH", 60, 30, False), ("IITT-C5-RR-HIGH", 60, 31, True),
    ("IITT-C5-RR-LOW", 143, 10, False), ("IITT-C5-RR-LOW", 143, 9, True),
    ("IITT-C5-HR-HIGH", 100, 140, False), ("IITT-C5-HR-HIGH", 100, 141, True),
    ("IITT-C5-HR-LOW", 100, 70, False), ("IITT-C5-HR-LOW", 100, 69, True),
    ("IITT-U-HR-HIGH", None, 180, False), ("IITT-U-HR-HIGH", None, 181, True),
    ("IITT-U-HR-LOW", None, 60, False), ("IITT-U-HR-LOW", None, 59, True),
    ("IITT-U-RR-HIGH", None, 50, False), ("IITT-U-RR-HIGH", None, 51, True),
    ("IITT-U-RR-LOW", None, 10, False), ("IITT-U-RR-LOW", None, 9, True),
    ("IITT-OB-SBP", 300, 160, True), ("IITT-OB-SBP", 300, 159, False),
    ("IITT-OB-DBP", 300, 110, True), ("IITT-OB-DBP", 300, 109, False),
]


def screening_with(measure: Measure, value, **extra) -> ScreeningInput:
    return ScreeningInput(**{measure.value: value}, **extra)


def test_table_matches_the_reviewed_snapshot():
    actual = {r.id: (r.op.value, r.value, r.band.value, r.colour.value) for r in RULES}
    assert actual == EXPECTED_TABLE
    assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"


def test_every_rule_names_its_source_and_has_spanish_text():
    for r in RULES:
        assert r.source in Source and source_citation(r.source)
        assert i18n.ES.get(r.description), f"no Spanish for {r.id}"
    assert {r.source for r in RULES if r.id.startswith("IITT")} == {Source.IITT}
    assert {r.source for r in RULES if r.id.startswith("DGCES")} == {Source.DGCES_2020}


@pytest.mark.parametrize("rule_id, age, value, fires", HAND_BOUNDARIES)
def test_hand_written_boundaries(rule_id, age, value, fires):
    r = RULES_BY_ID[rule_id]
    s = screening_with(r.measure, value, pregnant=r.pregnant_only)
    assert (rule_id in assess(s, age_months=age).rule_ids) is fires


def _cases_from_table():
    for r in NUMERIC:
        bands = [b for b in AGE_OF_BAND if b is not AgeBand.UNKNOWN] if r.band is AgeBand.ANY \
            else [r.band]
        step = RESOLUTION[r.measure]
        inside, outside = {Op.LT: (-step, 0), Op.GT: (step, 0), Op.GE: (0, -step),
                           Op.LE: (0, step)}[r.op]
        for band in bands:
            yield pytest.param(r, band, round(r.value + inside, 1), True, id=f"{r.id}-{band}-in")
            yield pytest.param(r, band, round(r.value + outside, 1), False,
                               id=f"{r.id}-{band}-out")


@pytest.mark.parametrize("r, band, value, fires", list(_cases_from_table()))
def test_every_numeric_boundary_of_the_table(r, band, value, fires):
    s = screening_with(r.measure, value, pregnant=r.pregnant_only)
    result = assess(s, age_months=AGE_OF_BAND[band])
    assert (r.id in result.rule_ids) is fires
    if fires:
        assert result.colour.rank >= r.colour.rank


@pytest.mark.parametrize("months, band", [
    (0, AgeBand.UNDER_1), (11, AgeBand.UNDER_1), (12, AgeBand.FROM_1_TO_4),
    (59, AgeBand.FROM_1_TO_4), (60, AgeBand.FROM_5_TO_11), (143, AgeBand.FROM_5_TO_11),
    (144, AgeBand.ADULT), (None, AgeBand.UNKNOWN)])
def test_age_bands(months, band):
    assert age_band(months) is band


@pytest.mark.parametrize("measure, value, months, colour", [
    (Measure.HEART_RATE, 170, 11, GREEN), (Measure.HEART_RATE, 170, 12, YELLOW),
    (Measure.RESPIRATORY_RATE, 35, 59, GREEN), (Measure.RESPIRATORY_RATE, 35, 60, YELLOW),
    (Measure.HEART_RATE, 135, 143, GREEN), (Measure.HEART_RATE, 135, 144, YELLOW),
    (Measure.HEART_RATE, 150, 30, GREEN), (Measure.HEART_RATE, 150, 360, YELLOW),
    (Measure.HEART_RATE, 151, 360, RED), (Measure.HEART_RATE, 49, 360, RED),
    (Measure.HEART_RATE, 85, 6, YELLOW), (Measure.HEART_RATE, 85, 360, GREEN),
    (Measure.SPO2, 92, 360, GREEN), (Measure.SPO2, 91, 360, YELLOW),
    (Measure.SPO2, 89, 360, RED), (Measure.TEMPERATURE, 39.0, 360, GREEN),
])
def test_colour_at_band_edges(measure, value, months, colour):
    assert assess(screening_with(measure, value), age_months=months).colour is colour


def test_age_in_years_is_the_same_as_months():
    s = ScreeningInput(heart_rate=135)
    assert assess(s, age_years=12).colour is YELLOW
    assert assess(s, age_years=11).colour is GREEN
    with pytest.raises(ValueError):
        assess(s, age_years=3, age_months=36)


def test_unknown_rows_are_the_most_lenient_banded_thresholds():
    banded = [AgeBand.UNDER_1, AgeBand.FROM_1_TO_4, AgeBand.FROM_5_TO_11, AgeBand.ADULT]
    for measure in (Measure.HEART_RATE, Measure.RESPIRATORY_RATE):
        for op, pick in ((Op.GT, max), (Op.LT, min)):
            per_band = {b: [r.value for r in RULES if r.measure is measure and r.op is op
                            and r.band is b and r.colour is YELLOW] for b in banded}
            unknown = [r.value for r in RULES if r.measure is measure and r.op is op
                       and r.band is AgeBand.UNKNOWN]
            assert unknown == [pick(v for values in per_band.values() for v in values)]


def test_findings_explain_the_colour_most_severe_first():
    result = assess(ScreeningInput(heart_rate=155, spo2=91, temperature_c=37.0,
                                   respiratory_rate=16, avpu=Avpu.ALERT), age_years=30)
    assert result.colour is RED
    assert [f.rule_id for f in result.findings] == [
        "IITT-A-HR-RED-HIGH", "IITT-A-HR-HIGH", "IITT-SPO2-LOW"]
    assert result.high_risk_vitals == {Measure.HEART_RATE, Measure.SPO2}
    assert result.missing == ()
    i18n.set_language("en")
    assert result.reasons[0] == ("IITT-A-HR-RED-HIGH",
                                 "Heart rate above 150/min (12 years and over)")
    i18n.set_language("es")
    assert result.reasons[0][1] == "Frecuencia cardiaca mayor de 150/min (12 años o más)"


def test_nothing_recorded_is_green_and_says_what_is_missing():
    result = assess(ScreeningInput())
    assert result.colour is GREEN and result.findings == ()
    assert result.missing == (Measure.TEMPERATURE, Measure.HEART_RATE, Measure.RESPIRATORY_RATE,
                              Measure.SPO2, Measure.AVPU, Measure.AGE)
    assert not (result.consultation or result.needs_isolation or result.urgent_care)
    pregnant = assess(ScreeningInput(pregnant=True, gestation_weeks=30), age_years=25)
    assert pregnant.missing[-2:] == (Measure.SYSTOLIC_BP, Measure.DIASTOLIC_BP)


def test_avpu_other_than_alert_is_high_risk():
    assert assess(ScreeningInput(avpu=Avpu.ALERT), age_years=40).colour is GREEN
    for level in (Avpu.VOICE, Avpu.PAIN, Avpu.UNRESPONSIVE):
        result = assess(ScreeningInput(avpu=level), age_years=40)
        assert result.colour is YELLOW and Measure.AVPU in result.high_risk_vitals


@pytest.mark.parametrize("sign", list(ObstetricSign))
def test_obstetric_red_signs_only_in_pregnancy(sign):
    pregnant = assess(ScreeningInput(pregnant=True, gestation_weeks=30,
                                     obstetric_signs={sign}), age_years=24)
    assert pregnant.colour is RED and pregnant.obstetric_warning and pregnant.consultation
    not_pregnant = assess(ScreeningInput(obstetric_signs={sign}), age_years=24)
    assert not_pregnant.colour is GREEN and not not_pregnant.obstetric_warning


def test_blood_pressure_is_red_only_in_pregnancy():
    assert assess(ScreeningInput(systolic_bp=170, diastolic_bp=115), age_years=50).colour is GREEN
    result = assess(ScreeningInput(pregnant=True, systolic_bp=150, diastolic_bp=110),
                    age_years=20)
    assert result.colour is RED and result.rule_ids >= {"IITT-OB-DBP"}
    assert "IITT-OB-SBP" not in result.rule_ids


# --- respiratory screen (DGCES 2020) ---------------------------------------------------------

C, F, H = Symptom.COUGH, Symptom.FEVER, Symptom.HEADACHE


@pytest.mark.parametrize("symptoms, spo2, expected", [
    ({C, F, Symptom.RUNNY_NOSE}, None, RespiratoryScreen.POSITIVE),
    ({C, H, Symptom.CONJUNCTIVITIS}, 95, RespiratoryScreen.POSITIVE),
    ({C, F, H}, None, RespiratoryScreen.NEGATIVE),                 # no minor symptom
    ({C, Symptom.SORE_THROAT, Symptom.MUSCLE_PAIN}, None, RespiratoryScreen.NEGATIVE),
    ({C, F, Symptom.CHEST_PAIN}, None, RespiratoryScreen.URGENT),
    ({F, H, Symptom.DYSPNEA}, None, RespiratoryScreen.URGENT),
    ({C, F, Symptom.JOINT_PAIN}, 90, RespiratoryScreen.POSITIVE),
    ({C, F, Symptom.JOINT_PAIN}, 89, RespiratoryScreen.URGENT),
    (set(), 80, RespiratoryScreen.NEGATIVE),
])
def test_respiratory_case_definition(symptoms, spo2, expected):
    assert screen_respiratory(symptoms, spo2).screen is expected


def test_positive_screen_isolates_and_is_yellow():
    result = assess(ScreeningInput(symptoms={C, F, Symptom.RUNNY_NOSE}, spo2=97), age_years=30)
    assert result.colour is YELLOW and result.needs_isolation and result.consultation
    assert result.respiratory.screen is RespiratoryScreen.POSITIVE and not result.urgent_care


def test_dyspnea_alone_is_urgent_care_without_isolation():
    result = assess(ScreeningInput(symptoms={Symptom.DYSPNEA}), age_years=30)
    assert result.colour is YELLOW and result.urgent_care and not result.needs_isolation
    assert result.respiratory.screen is RespiratoryScreen.NEGATIVE


def test_symptom_window_is_seven_days_inclusive():
    today = date(2021, 12, 20)
    onsets = {C: today - timedelta(days=7), F: today - timedelta(days=8),
              H: today, Symptom.RUNNY_NOSE: today + timedelta(days=1)}
    assert DGCES_2020.window_days == 7
    assert symptoms_in_window(onsets, today=today) == {C, H}


# --- properties ------------------------------------------------------------------------------

def _opt(strategy):
    return st.none() | strategy


screenings = st.builds(
    ScreeningInput,
    temperature_c=_opt(st.integers(330, 420).map(lambda t: t / 10)),
    heart_rate=_opt(st.integers(30, 220)), respiratory_rate=_opt(st.integers(5, 70)),
    systolic_bp=_opt(st.integers(80, 200)), diastolic_bp=_opt(st.integers(40, 130)),
    spo2=_opt(st.integers(70, 100)), avpu=_opt(st.sampled_from(list(Avpu))),
    symptoms=st.frozensets(st.sampled_from(list(Symptom))),
    chronic_conditions=st.frozensets(st.sampled_from(list(ChronicCondition)), max_size=2),
    pregnant=st.booleans(), obstetric_signs=st.frozensets(st.sampled_from(list(ObstetricSign))),
)
ages = st.none() | st.integers(0, 1200)
# A value inside the normal range of each band: moving away from it only worsens a vital.
NORMAL = {AgeBand.UNDER_1: {Measure.HEART_RATE: 130, Measure.RESPIRATORY_RATE: 35},
          AgeBand.FROM_1_TO_4: {Measure.HEART_RATE: 120, Measure.RESPIRATORY_RATE: 30},
          AgeBand.FROM_5_TO_11: {Measure.HEART_RATE: 100, Measure.RESPIRATORY_RATE: 20},
          AgeBand.ADULT: {Measure.HEART_RATE: 80, Measure.RESPIRATORY_RATE: 16},
          AgeBand.UNKNOWN: {Measure.HEART_RATE: 100, Measure.RESPIRATORY_RATE: 25}}


@pytest.mark.parametrize("band", list(NORMAL))
def test_normal_references_are_green(band):
    s = ScreeningInput(temperature_c=37.0, spo2=98, avpu=Avpu.ALERT,
                       heart_rate=NORMAL[band][Measure.HEART_RATE],
                       respiratory_rate=NORMAL[band][Measure.RESPIRATORY_RATE])
    assert assess(s, age_months=AGE_OF_BAND[band]).colour is GREEN


@settings(max_examples=300, deadline=None)
@given(s=screenings, age=ages, measure=st.sampled_from(
    [Measure.HEART_RATE, Measure.RESPIRATORY_RATE, Measure.TEMPERATURE]),
    a=st.integers(0, 150), b=st.integers(0, 150), below=st.booleans())
def test_worsening_a_two_sided_vital_never_lowers_the_colour(s, age, measure, a, b, below):
    ref = 37.0 if measure is Measure.TEMPERATURE else NORMAL[age_band(age)][measure]
    scale = 0.05 if measure is Measure.TEMPERATURE else 1
    near, far = sorted((a, b))
    sign = -1 if below else 1

    def colour_at(distance: int) -> TriageColour:
        value = round(ref + sign * distance * scale, 2)
        return assess(replace(s, **{measure.value: value}), age_months=age).colour

    c_near, c_far = colour_at(near), colour_at(far)
    assert c_far.rank >= c_near.rank


@settings(max_examples=300, deadline=None)
@given(s=screenings, age=ages, x=st.integers(70, 100), y=st.integers(70, 100),
       bp=st.integers(80, 220), bp2=st.integers(80, 220))
def test_lower_spo2_or_higher_pressure_never_lowers_the_colour(s, age, x, y, bp, bp2):
    low, high = sorted((x, y))
    assert (assess(replace(s, spo2=low), age_months=age).colour.rank
            >= assess(replace(s, spo2=high), age_months=age).colour.rank)
    lo, hi = sorted((bp, bp2))
    for field in ("systolic_bp", "diastolic_bp"):
        assert (assess(replace(s, **{field: hi}), age_months=age).colour.rank
                >= assess(replace(s, **{field: lo}), age_months=age).colour.rank)


@settings(max_examples=300, deadline=None)
@given(s=screenings, age=ages, extra=st.frozensets(st.sampled_from(list(Symptom))),
       signs=st.frozensets(st.sampled_from(list(ObstetricSign))), avpu=st.sampled_from(list(Avpu)))
def test_more_symptoms_signs_or_worse_avpu_never_lower_the_colour(s, age, extra, signs, avpu):
    before = assess(s, age_months=age)
    after = assess(replace(s, symptoms=s.symptoms | extra,
                           obstetric_signs=s.obstetric_signs | signs), age_months=age)
    assert after.colour.rank >= before.colour.rank
    assert after.needs_isolation >= before.needs_isolation
    if s.avpu is not None and avpu.rank >= s.avpu.rank:
        assert assess(replace(s, avpu=avpu), age_months=age).colour.rank >= before.colour.rank


MISSING = {"temperature_c": None, "heart_rate": None, "respiratory_rate": None,
           "systolic_bp": None, "diastolic_bp": None, "spo2": None, "avpu": None,
           "symptoms": frozenset(), "obstetric_signs": frozenset()}


@settings(max_examples=300, deadline=None)
@given(s=screenings, age=st.integers(0, 1200), field=st.sampled_from(sorted(MISSING)))
def test_missing_data_never_raises_the_colour(s, age, field):
    full = assess(s, age_months=age)
    assert assess(replace(s, **{field: MISSING[field]}), age_months=age).colour.rank \
        <= full.colour.rank
    assert assess(s).colour.rank <= full.colour.rank  # age unknown


@settings(max_examples=200, deadline=None)
@given(s=screenings, age=ages)
def test_colour_is_the_worst_finding_and_flags_follow(s, age):
    result = assess(s, age_months=age)
    assert result.colour.rank == max([f.colour.rank for f in result.findings], default=0)
    if result.colour is not GREEN:
        assert result.consultation
    assert result.needs_isolation == (result.respiratory.screen is not RespiratoryScreen.NEGATIVE)
    assert result.obstetric_warning <= s.pregnant
    assert result.high_risk_vitals == {f.rule.measure for f in result.findings
                                       if Flag.HIGH_RISK_VITAL in f.rule.flags}


# --- other contracts -------------------------------------------------------------------------

def test_chronic_condition_is_a_consultation_without_raising_the_colour():
    result = assess(ScreeningInput(chronic_conditions={ChronicCondition.DIABETES}), age_years=60)
    assert result.colour is GREEN and result.consultation
    assert result.rule_ids == {"PLAN-CHRONIC"}


def test_validate_screening_catches_typing_errors():
    assert validate_screening(ScreeningInput(temperature_c=36.5, heart_rate=80)) == []
    errors = validate_screening(ScreeningInput(temperature_c=365, systolic_bp=80,
                                               diastolic_bp=90, gestation_weeks=20))
    assert [e.field for e in errors] == ["temperature_c", "diastolic_bp", "gestation_weeks"]
    assert errors[0].message() == "El valor debe estar entre 30.0 y 45.0."


def test_age_in_months():
    assert age_in_months(date(2021, 1, 31), date(2021, 2, 28)) == 1
    assert age_in_months(date(2021, 1, 15), date(2021, 2, 14)) == 0
    assert age_in_months(date(2020, 12, 9), date(2021, 12, 9)) == 12
    assert age_in_months(date(2021, 12, 9), date(2021, 12, 1)) == 0


def test_clinical_labels_are_spanish():
    assert clinical_label(Symptom.DYSPNEA) == "Dificultad para respirar"
    assert clinical_label(TriageColour.RED) == "Rojo"
    same_in_spanish = {"Diabetes"}  # i18n.ES holds only texts that change
    assert all(i18n.ES.get(text) or text in same_in_spanish for text in english_labels())


def test_domain_stays_qt_free():
    code = ("import sys, albergue_desktop.domain.placement, albergue_desktop.domain.vaccines, "
            "albergue_desktop.domain.capacity; assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
