"""The rule table of the health screening: every triage threshold, as data, with its source.

A clinician reviews this file, not the code that applies it (:mod:`.triage`). Each row says:
``observed <op> value`` for people in ``band`` gives ``colour`` and ``flags``.

Boundaries are exact and strict where the source says "<" or ">":
- SpO2 92 % is NOT high risk, 91 % is; SpO2 90 % is high risk but NOT urgent, 89 % is urgent.
- Adult heart rate 130 is NOT high risk (> 130), 131 is; 150 is NOT red (> 150), 151 is;
  60 is NOT high risk (< 60), 59 is; 50 is NOT red (< 50), 49 is.
- Temperature 36.0 and 39.0 °C are NOT high risk; 35.9 and 39.1 are.
- In pregnancy SBP 160 or DBP 110 ARE red (>= 160, >= 110); 159 / 109 are not.
Age bands (IITT): under 1 year = 0-11 months; 1-4 years = 12-59 months; "5-12 years" = 60-143
months (from 144 months, i.e. 12 years, the adult tool applies). Temperature, SpO2 and AVPU
apply at every age. When the age is unknown only the ``UNKNOWN`` rows judge heart and
respiratory rate: each is the most lenient threshold of the four bands, so a value is flagged
only if it would be high risk at any age (tested against the banded rows).

Colour is not a separate rule: the result is the most severe colour among the rows that fire
(see :func:`albergue_desktop.domain.triage.assess`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .clinical_enums import (
    AgeBand, Avpu, Flag, Measure, ObstetricSign, Op, RespiratoryScreen, Source, Symptom,
    TriageColour,
)

UNDER_1_UNTIL_MONTHS = 12      # band UNDER_1: age_months < 12
FROM_1_TO_4_UNTIL_MONTHS = 60  # band FROM_1_TO_4: 12 <= age_months < 60
ADULT_FROM_MONTHS = 144        # band ADULT: age_months >= 144 (12 years)

# Resolution of each measurement as recorded on the form: the smallest meaningful step,
# used by the boundary tests (value at the threshold vs one step beyond it).
RESOLUTION: dict[Measure, float] = {
    Measure.TEMPERATURE: 0.1, Measure.HEART_RATE: 1, Measure.RESPIRATORY_RATE: 1,
    Measure.SPO2: 1, Measure.SYSTOLIC_BP: 1, Measure.DIASTOLIC_BP: 1,
}


@dataclass(frozen=True)
class Rule:
    """One row of the table. ``description`` is the English source text (a msgid)."""

    id: str
    description: str
    measure: Measure
    op: Op
    value: float | str | None
    band: AgeBand
    colour: TriageColour
    flags: frozenset[Flag]
    source: Source
    pregnant_only: bool = False

    def applies_to(self, band: AgeBand, *, pregnant: bool) -> bool:
        if self.pregnant_only and not pregnant:
            return False
        return self.band is AgeBand.ANY or self.band is band

    def matches(self, observed: object) -> bool:
        """Whether ``observed`` fires this rule. ``None`` (not recorded) never fires."""
        if observed is None:
            return False
        if self.op is Op.PRESENT:
            if isinstance(observed, (set, frozenset)):
                return self.value in observed if self.value is not None else bool(observed)
            return bool(observed) if self.value is None else observed == self.value
        if self.op is Op.NE:
            return observed != self.value
        x, v = float(observed), float(self.value)  # type: ignore[arg-type]
        return {Op.LT: x < v, Op.GT: x > v, Op.LE: x <= v, Op.GE: x >= v}[self.op]


_Y, _R, _G = TriageColour.YELLOW, TriageColour.RED, TriageColour.GREEN
_HIGH = frozenset({Flag.HIGH_RISK_VITAL})
_RED = frozenset({Flag.EMERGENCY_SIGN, Flag.HIGH_RISK_VITAL})
_OB = frozenset({Flag.EMERGENCY_SIGN, Flag.OBSTETRIC_WARNING})


def _vital(rule_id: str, text: str, measure: Measure, op: Op, value: float, band: AgeBand,
           colour: TriageColour = _Y, flags: frozenset[Flag] = _HIGH,
           source: Source = Source.IITT) -> Rule:
    return Rule(rule_id, text, measure, op, value, band, colour, flags, source)


def _ob_sign(rule_id: str, text: str, sign: ObstetricSign) -> Rule:
    return Rule(rule_id, text, Measure.OBSTETRIC_SIGN, Op.PRESENT, sign, AgeBand.ANY, _R, _OB,
                Source.IITT, pregnant_only=True)


HR, RR, T, SAT = Measure.HEART_RATE, Measure.RESPIRATORY_RATE, Measure.TEMPERATURE, Measure.SPO2
A, U = AgeBand.ADULT, AgeBand.UNKNOWN
B0, B1, B5 = AgeBand.UNDER_1, AgeBand.FROM_1_TO_4, AgeBand.FROM_5_TO_11

RULES: tuple[Rule, ...] = (
    # --- IITT adult (12 years and over) high-risk vital signs and the RED heart-rate band
    _vital("IITT-A-HR-LOW", "Heart rate below 60/min (12 years and over)", HR, Op.LT, 60, A),
    _vital("IITT-A-HR-HIGH", "Heart rate above 130/min (12 years and over)", HR, Op.GT, 130, A),
    _vital("IITT-A-HR-RED-LOW", "Heart rate below 50/min (12 years and over)", HR, Op.LT, 50, A,
           _R, _RED),
    _vital("IITT-A-HR-RED-HIGH", "Heart rate above 150/min (12 years and over)", HR, Op.GT, 150,
           A, _R, _RED),
    _vital("IITT-A-RR-LOW", "Respiratory rate below 10/min (12 years and over)", RR, Op.LT, 10, A),
    _vital("IITT-A-RR-HIGH", "Respiratory rate above 30/min (12 years and over)", RR, Op.GT, 30,
           A),
    # --- IITT child (under 12 years): respiratory and heart rate by age band
    _vital("IITT-C0-RR-LOW", "Respiratory rate below 25/min (under 1 year)", RR, Op.LT, 25, B0),
    _vital("IITT-C0-RR-HIGH", "Respiratory rate above 50/min (under 1 year)", RR, Op.GT, 50, B0),
    _vital("IITT-C0-HR-LOW", "Heart rate below 90/min (under 1 year)", HR, Op.LT, 90, B0),
    _vital("IITT-C0-HR-HIGH", "Heart rate above 180/min (under 1 year)", HR, Op.GT, 180, B0),
    _vital("IITT-C1-RR-LOW", "Respiratory rate below 20/min (1 to 4 years)", RR, Op.LT, 20, B1),
    _vital("IITT-C1-RR-HIGH", "Respiratory rate above 40/min (1 to 4 years)", RR, Op.GT, 40, B1),
    _vital("IITT-C1-HR-LOW", "Heart rate below 80/min (1 to 4 years)", HR, Op.LT, 80, B1),
    _vital("IITT-C1-HR-HIGH", "Heart rate above 160/min (1 to 4 years)", HR, Op.GT, 160, B1),
    _vital("IITT-C5-RR-LOW", "Respiratory rate below 10/min (5 to 11 years)", RR, Op.LT, 10, B5),
    _vital("IITT-C5-RR-HIGH", "Respiratory rate above 30/min (5 to 11 years)", RR, Op.GT, 30, B5),
    _vital("IITT-C5-HR-LOW", "Heart rate below 70/min (5 to 11 years)", HR, Op.LT, 70, B5),
    _vital("IITT-C5-HR-HIGH", "Heart rate above 140/min (5 to 11 years)", HR, Op.GT, 140, B5),
    # --- age unknown: the most lenient threshold of the four bands (high risk at any age)
    _vital("IITT-U-HR-LOW", "Heart rate below 60/min (age unknown)", HR, Op.LT, 60, U),
    _vital("IITT-U-HR-HIGH", "Heart rate above 180/min (age unknown)", HR, Op.GT, 180, U),
    _vital("IITT-U-RR-LOW", "Respiratory rate below 10/min (age unknown)", RR, Op.LT, 10, U),
    _vital("IITT-U-RR-HIGH", "Respiratory rate above 50/min (age unknown)", RR, Op.GT, 50, U),
    # --- IITT, every age
    _vital("IITT-TEMP-LOW", "Temperature below 36 °C", T, Op.LT, 36.0, AgeBand.ANY),
    _vital("IITT-TEMP-HIGH", "Temperature above 39 °C", T, Op.GT, 39.0, AgeBand.ANY),
    _vital("IITT-SPO2-LOW", "Oxygen saturation below 92 %", SAT, Op.LT, 92, AgeBand.ANY),
    Rule("IITT-AVPU", "Consciousness other than alert (AVPU)", Measure.AVPU, Op.NE, Avpu.ALERT,
         AgeBand.ANY, _Y, _HIGH, Source.IITT),
    # --- IITT: pregnant with any of these is RED
    _ob_sign("IITT-OB-BLEEDING", "Pregnant with heavy bleeding", ObstetricSign.HEAVY_BLEEDING),
    _ob_sign("IITT-OB-ABDOMINAL", "Pregnant with severe abdominal pain",
             ObstetricSign.SEVERE_ABDOMINAL_PAIN),
    _ob_sign("IITT-OB-SEIZURES", "Pregnant with seizures or altered mental status",
             ObstetricSign.SEIZURES),
    _ob_sign("IITT-OB-HEADACHE", "Pregnant with severe headache", ObstetricSign.SEVERE_HEADACHE),
    _ob_sign("IITT-OB-VISION", "Pregnant with visual changes", ObstetricSign.VISUAL_CHANGES),
    _ob_sign("IITT-OB-LABOUR", "Pregnant in active labour", ObstetricSign.ACTIVE_LABOUR),
    Rule("IITT-OB-SBP", "Pregnant with systolic blood pressure 160 mmHg or more",
         Measure.SYSTOLIC_BP, Op.GE, 160, AgeBand.ANY, _R, _OB, Source.IITT, pregnant_only=True),
    Rule("IITT-OB-DBP", "Pregnant with diastolic blood pressure 110 mmHg or more",
         Measure.DIASTOLIC_BP, Op.GE, 110, AgeBand.ANY, _R, _OB, Source.IITT, pregnant_only=True),
    # --- Mexico DGCES 2020 respiratory screen (the case definition is in respiratory.py)
    _vital("DGCES-SPO2-URGENT", "Oxygen saturation below 90 %: urgent care", SAT, Op.LT, 90,
           AgeBand.ANY, _R, frozenset({Flag.URGENT_CARE, Flag.EMERGENCY_SIGN}),
           Source.DGCES_2020),
    Rule("DGCES-DYSPNEA", "Shortness of breath in the last 7 days: urgent care",
         Measure.SYMPTOM, Op.PRESENT, Symptom.DYSPNEA, AgeBand.ANY, _Y,
         frozenset({Flag.URGENT_CARE}), Source.DGCES_2020),
    Rule("DGCES-CHEST-PAIN", "Chest pain in the last 7 days: urgent care",
         Measure.SYMPTOM, Op.PRESENT, Symptom.CHEST_PAIN, AgeBand.ANY, _Y,
         frozenset({Flag.URGENT_CARE}), Source.DGCES_2020),
    Rule("DGCES-RESP-POSITIVE",
         "Positive respiratory screen: respiratory isolation and medical consultation",
         Measure.RESPIRATORY_SCREEN, Op.NE, RespiratoryScreen.NEGATIVE, AgeBand.ANY, _Y,
         frozenset({Flag.ISOLATION}), Source.DGCES_2020),
    # --- consultation candidacy without changing the colour (the plan's "posible candidatura
    #     a consulta": chronic disease and pregnancy are followed by the medical team)
    Rule("PLAN-CHRONIC", "Chronic-degenerative condition: medical consultation",
         Measure.CHRONIC_CONDITION, Op.PRESENT, None, AgeBand.ANY, _G,
         frozenset({Flag.CONSULTATION}), Source.PLAN_DIF_2021),
    Rule("PLAN-PREGNANCY", "Pregnancy: prenatal consultation", Measure.PREGNANCY, Op.PRESENT,
         True, AgeBand.ANY, _G, frozenset({Flag.CONSULTATION}), Source.PLAN_DIF_2021,
         pregnant_only=True),
)

RULES_BY_ID: dict[str, Rule] = {rule.id: rule for rule in RULES}


def rule(rule_id: str) -> Rule:
    """The row with this id (KeyError if there is none)."""
    return RULES_BY_ID[rule_id]


def age_band(age_months: int | None) -> AgeBand:
    """IITT band of an age in completed months; ``UNKNOWN`` for ``None``."""
    if age_months is None:
        return AgeBand.UNKNOWN
    if age_months < 0:
        raise ValueError("age_months must not be negative")
    if age_months < UNDER_1_UNTIL_MONTHS:
        return AgeBand.UNDER_1
    if age_months < FROM_1_TO_4_UNTIL_MONTHS:
        return AgeBand.FROM_1_TO_4
    if age_months < ADULT_FROM_MONTHS:
        return AgeBand.FROM_5_TO_11
    return AgeBand.ADULT


def age_in_months(birth: date, on: date) -> int:
    """Completed months of age on ``on``. A month is complete on the same day number, or on
    the last day of a shorter month (born 31 January: 1 month old on 28/29 February)."""
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    last_day_of_month = (on + timedelta(days=1)).month != on.month
    if on.day < birth.day and not last_day_of_month:
        months -= 1
    return max(months, 0)
