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
months (from 144 months, i.e. 12 years, the adult tool applies). Temperature, SpO2, AVPU and
the signs apply at every age unless a row says otherwise.

Unknown age (see :func:`candidate_bands`): without a date of birth the health worker records
an apparent age band (infant, child, adult, older adult) and the rows of the matching IITT
bands judge (a child: both child bands, so a value that is high risk in either fires). With
no apparent band either, the rows of EVERY band judge (the strictest: a vital fires if it is
high risk at any age) and the "over 50 years" rows apply; the result says so.

Signs (IITT emergency and priority signs): each row cites the card. The adult card (12 years
and over) text was checked; its signs also apply to children (more care) except where a row
says otherwise. Child-only rows (tiny baby, severe dehydration, severe malnutrition,
irritable or lethargic) cite the WHO ETAT emergency and priority signs (WHO Pocket book of
hospital care for children 2013, chapter 1), on which the IITT child card builds.

Colour is not a separate rule: the result is the most severe colour among the rows that fire
(see :func:`albergue_desktop.domain.triage.assess`). Clinicians may raise it further, never
lower it (:func:`albergue_desktop.services.screening.record_screening`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from .clinical_enums import (
    AgeBand, ApparentAge, Avpu, Flag, Measure, ObstetricSign, Op, Source, Symptom, TriageColour,
    TriageSign,
)

UNDER_1_UNTIL_MONTHS = 12      # band UNDER_1: age_months < 12
FROM_1_TO_4_UNTIL_MONTHS = 60  # band FROM_1_TO_4: 12 <= age_months < 60
ADULT_FROM_MONTHS = 144        # band ADULT: age_months >= 144 (12 years)
OVER_50_MONTHS = 600           # IITT "acute chest or abdominal pain (>50 years old)"
TINY_BABY_MONTHS = 2           # ETAT "tiny baby": under 2 months
NEWBORN_UNDER_DAYS = 8         # IITT child card: any infant under 8 days (red)
YOUNG_INFANT_MONTHS = 6        # IITT child card: infant 8 days to 6 months (yellow)
INFANT_FEVER_MONTHS = 3        # precaution: fever in an infant under 3 months is at least yellow
FEVER_FROM_C = 38.0            # DGE: a measured temperature of 38.0 °C or more is fever
HYPOTHERMIA_BELOW_C = 36.0     # IITT high-risk temperature, used for "hypothermia"

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
    any_of: frozenset[str] = frozenset()  # for Op.AT_LEAST: the signs counted
    older_than_months: int | None = None  # only for people older than this (or who may be)
    younger_than_months: int | None = None  # only for people younger than this (or who may be)
    citation: str = ""  # where on the source (card section, page)

    def applies_to(self, bands: AgeBand | frozenset[AgeBand], *, pregnant: bool,
                   may_be_older: bool = False, may_be_younger: bool = False) -> bool:
        """Whether the row judges a person of these candidate bands. ``may_be_older``: the
        person is (or, age unknown, may be) older than ``older_than_months``;
        ``may_be_younger``: younger than ``younger_than_months``."""
        if self.pregnant_only and not pregnant:
            return False
        if self.older_than_months is not None and not may_be_older:
            return False
        if self.younger_than_months is not None and not may_be_younger:
            return False
        bands = frozenset({bands}) if isinstance(bands, AgeBand) else bands
        return self.band is AgeBand.ANY or self.band in bands

    def matches(self, observed: object) -> bool:
        """Whether ``observed`` fires this rule. ``None`` (not recorded) never fires."""
        if observed is None:
            return False
        if self.op is Op.AT_LEAST:
            return len(set(observed) & self.any_of) >= float(self.value)  # type: ignore
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


_EMERGENCY = frozenset({Flag.EMERGENCY_SIGN})
_PRIORITY = frozenset({Flag.PRIORITY_SIGN})

# Where on each source a row comes from (shown with the row; docs/triage.md has the table).
_A_RED = "IITT adult card (12 years and over), red criteria"
_A_YELLOW = "IITT adult card (12 years and over), yellow criteria"
_A_VITALS = "IITT adult card, high-risk vital signs"
_C_VITALS = "IITT child card (under 12 years), high-risk vital signs by age"
_ETAT_EMERGENCY = "WHO Pocket book 2013, ch. 1, ETAT emergency signs"
_ETAT_PRIORITY = "WHO Pocket book 2013, ch. 1, ETAT priority signs"
# Rows whose card text was not retrieved (the child card, the end of the adult card's pregnancy
# box): each only raises the colour (more care) and is listed in docs/triage.md to verify.
_TO_VERIFY = "card text not retrieved; as read by public IITT implementations (to verify)"
_C_RED = "IITT child card (under 12 years), red criteria: " + _TO_VERIFY
_DGE = "DGE lineamiento, operational definition of a suspected case and warning signs"
_C_YELLOW = "IITT child card (under 12 years), yellow criteria: " + _TO_VERIFY
_PRECAUTION = ("precaution (safety first, err toward care): no primary source sets this row; "
               "fever as defined by the DGE lineamiento (38.0 °C or more)")

# The IITT "any two of" group: two of these present is RED.
ANY_TWO_OF = frozenset({TriageSign.ALTERED_MENTAL_STATUS, TriageSign.STIFF_NECK,
                        TriageSign.HYPOTHERMIA_OR_FEVER, TriageSign.HEADACHE})


def _vital(rule_id: str, text: str, measure: Measure, op: Op, value: float, band: AgeBand,
           colour: TriageColour = _Y, flags: frozenset[Flag] = _HIGH,
           source: Source = Source.IITT) -> Rule:
    if source is Source.IITT:
        where = _A_VITALS if band in (AgeBand.ADULT, AgeBand.ANY) else _C_VITALS
        if colour is _R:
            where = _A_RED
    else:
        where = _DGE
    return Rule(rule_id, text, measure, op, value, band, colour, flags, source, citation=where)


def _ob_sign(rule_id: str, text: str, sign: ObstetricSign) -> Rule:
    return Rule(rule_id, text, Measure.OBSTETRIC_SIGN, Op.PRESENT, sign, AgeBand.ANY, _R, _OB,
                Source.IITT, pregnant_only=True, citation=_A_RED + ", pregnant with any of")


def _sign(rule_id: str, text: str, sign: TriageSign, colour: TriageColour,
          band: AgeBand = AgeBand.ANY, source: Source = Source.IITT,
          older_than_months: int | None = None) -> Rule:
    """An emergency (RED) or priority (YELLOW) sign of the card, ticked on the form."""
    if source is Source.IITT:
        where = _A_RED if colour is _R else _A_YELLOW
    else:
        where = _ETAT_EMERGENCY if colour is _R else _ETAT_PRIORITY
    return Rule(rule_id, text, Measure.SIGN, Op.PRESENT, sign, band, colour,
                _EMERGENCY if colour is _R else _PRIORITY, source,
                older_than_months=older_than_months, citation=where)


HR, RR, T, SAT = Measure.HEART_RATE, Measure.RESPIRATORY_RATE, Measure.TEMPERATURE, Measure.SPO2
A = AgeBand.ADULT
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
    # --- IITT, every age
    _vital("IITT-TEMP-LOW", "Temperature below 36 °C", T, Op.LT, 36.0, AgeBand.ANY),
    _vital("IITT-TEMP-HIGH", "Temperature above 39 °C", T, Op.GT, 39.0, AgeBand.ANY),
    _vital("IITT-SPO2-LOW", "Oxygen saturation below 92 %", SAT, Op.LT, 92, AgeBand.ANY),
    Rule("IITT-AVPU", "Consciousness other than alert (AVPU)", Measure.AVPU, Op.NE, Avpu.ALERT,
         AgeBand.ANY, _Y, _HIGH, Source.IITT, citation=_A_VITALS),
    # --- IITT emergency signs (RED); adult card, also applied to children (more care)
    Rule("IITT-UNRESPONSIVE", "Unresponsive (AVPU: U)", Measure.AVPU, Op.PRESENT,
         Avpu.UNRESPONSIVE, AgeBand.ANY, _R, _EMERGENCY, Source.IITT, citation=_A_RED),
    _sign("IITT-STRIDOR", "Stridor", TriageSign.STRIDOR, _R),
    _sign("IITT-RESP-DISTRESS", "Respiratory distress or central cyanosis",
          TriageSign.RESPIRATORY_DISTRESS, _R),
    _sign("IITT-CAP-REFILL", "Capillary refill over 3 seconds", TriageSign.CAPILLARY_REFILL, _R),
    _sign("IITT-WEAK-FAST-PULSE", "Weak and fast pulse", TriageSign.WEAK_FAST_PULSE, _R),
    _sign("IITT-HEAVY-BLEEDING", "Heavy bleeding", TriageSign.HEAVY_BLEEDING, _R),
    _sign("IITT-CONVULSIONS", "Active convulsions", TriageSign.ACTIVE_CONVULSIONS, _R),
    Rule("IITT-ANY-TWO",
         "Any two of: altered mental status, stiff neck, hypothermia or fever, headache",
         Measure.SIGN, Op.AT_LEAST, 2, AgeBand.ANY, _R, _EMERGENCY, Source.IITT,
         any_of=ANY_TWO_OF, citation=_A_RED),
    _sign("IITT-HIGH-RISK-TRAUMA", "High-risk trauma", TriageSign.HIGH_RISK_TRAUMA, _R),
    _sign("IITT-POISONING", "Poisoning, ingestion or dangerous chemical exposure",
          TriageSign.POISONING, _R),
    _sign("IITT-THREATENED-LIMB", "Threatened limb", TriageSign.THREATENED_LIMB, _R),
    _sign("IITT-SNAKE-BITE", "Snake bite", TriageSign.SNAKE_BITE, _R),
    _sign("IITT-CHEST-PAIN-50", "Acute chest pain over 50 years", TriageSign.ACUTE_CHEST_PAIN,
          _R, older_than_months=OVER_50_MONTHS),
    _sign("IITT-ABDOMINAL-PAIN-50", "Acute abdominal pain over 50 years",
          TriageSign.ACUTE_ABDOMINAL_PAIN, _R, older_than_months=OVER_50_MONTHS),
    _sign("IITT-ECG-ISCHAEMIA", "ECG with acute ischaemia", TriageSign.ECG_ACUTE_ISCHAEMIA, _R),
    _sign("IITT-VIOLENT", "Violent or aggressive", TriageSign.VIOLENT, _R),
    Rule("IITT-HYPOGLYCAEMIA", "Hypoglycaemia", Measure.SIGN, Op.PRESENT,
         TriageSign.HYPOGLYCAEMIA, AgeBand.ANY, _R, _EMERGENCY, Source.IITT,
         citation="IITT red criteria (disability): " + _TO_VERIFY),
    *(Rule(f"IITT-C-{b.name}-COLD-EXTREMITIES", "Cold extremities (child)", Measure.SIGN,
           Op.PRESENT, TriageSign.COLD_EXTREMITIES, b, _R, _EMERGENCY, Source.IITT,
           citation=_C_RED) for b in (B0, B1, B5)),
    *(Rule(f"IITT-C-{b.name}-TESTICULAR", "Acute testicular or scrotal pain, or priapism "
           "(child)", Measure.SIGN, Op.PRESENT, TriageSign.TESTICULAR_PAIN, b, _R, _EMERGENCY,
           Source.IITT, citation=_C_RED) for b in (B0, B1, B5)),
    # --- IITT: pregnant with any of these is RED
    _ob_sign("IITT-OB-BLEEDING", "Pregnant with heavy bleeding", ObstetricSign.HEAVY_BLEEDING),
    _ob_sign("IITT-OB-ABDOMINAL", "Pregnant with severe abdominal pain",
             ObstetricSign.SEVERE_ABDOMINAL_PAIN),
    _ob_sign("IITT-OB-SEIZURES", "Pregnant with seizures or altered mental status",
             ObstetricSign.SEIZURES),
    _ob_sign("IITT-OB-HEADACHE", "Pregnant with severe headache", ObstetricSign.SEVERE_HEADACHE),
    _ob_sign("IITT-OB-VISION", "Pregnant with visual changes", ObstetricSign.VISUAL_CHANGES),
    _ob_sign("IITT-OB-LABOUR", "Pregnant in active labour", ObstetricSign.ACTIVE_LABOUR),
    Rule("IITT-OB-TRAUMA", "Pregnant with trauma", Measure.OBSTETRIC_SIGN, Op.PRESENT,
         ObstetricSign.TRAUMA, AgeBand.ANY, _R, _OB, Source.IITT, pregnant_only=True,
         citation=_A_RED + ", pregnant with any of: " + _TO_VERIFY),
    Rule("IITT-OB-SBP", "Pregnant with systolic blood pressure 160 mmHg or more",
         Measure.SYSTOLIC_BP, Op.GE, 160, AgeBand.ANY, _R, _OB, Source.IITT, pregnant_only=True,
         citation=_A_RED),
    Rule("IITT-OB-DBP", "Pregnant with diastolic blood pressure 110 mmHg or more",
         Measure.DIASTOLIC_BP, Op.GE, 110, AgeBand.ANY, _R, _OB, Source.IITT, pregnant_only=True,
         citation=_A_RED),
    # --- IITT priority signs (YELLOW); adult card, also applied to children (more care)
    _sign("IITT-SWELLING", "Swelling or mass of mouth, throat or neck",
          TriageSign.MOUTH_THROAT_SWELLING, _Y),
    _sign("IITT-WHEEZING", "Wheezing", TriageSign.WHEEZING, _Y),
    _sign("IITT-VOMITING", "Vomits everything or ongoing diarrhoea",
          TriageSign.VOMITING_OR_DIARRHOEA, _Y),
    _sign("IITT-UNABLE-TO-FEED", "Unable to feed or drink", TriageSign.UNABLE_TO_FEED, _Y),
    _sign("IITT-PALLOR", "Severe pallor", TriageSign.SEVERE_PALLOR, _Y),
    _sign("IITT-ONGOING-BLEEDING", "Ongoing bleeding", TriageSign.ONGOING_BLEEDING, _Y),
    _sign("IITT-FAINTING", "Recent fainting", TriageSign.RECENT_FAINTING, _Y),
    _sign("IITT-ALTERED-MENTAL", "Altered mental status", TriageSign.ALTERED_MENTAL_STATUS, _Y),
    _sign("IITT-AGITATION", "Agitation", TriageSign.AGITATION, _Y),
    _sign("IITT-WEAKNESS", "Acute general weakness", TriageSign.GENERAL_WEAKNESS, _Y),
    _sign("IITT-HEADACHE", "Headache", TriageSign.HEADACHE, _Y),
    _sign("IITT-FOCAL-NEURO", "Acute focal neurologic complaint", TriageSign.FOCAL_NEUROLOGIC,
          _Y),
    _sign("IITT-VISUAL", "Acute visual disturbance", TriageSign.VISUAL_DISTURBANCE, _Y),
    _sign("IITT-SEVERE-PAIN", "Severe pain", TriageSign.SEVERE_PAIN, _Y),
    _sign("IITT-RASH", "New rash worsening over hours or peeling", TriageSign.NEW_RASH, _Y),
    _sign("IITT-LIMB-DEFORMITY", "Visible acute limb deformity", TriageSign.LIMB_DEFORMITY, _Y),
    _sign("IITT-OPEN-FRACTURE", "Open fracture", TriageSign.OPEN_FRACTURE, _Y),
    _sign("IITT-DISLOCATION", "Suspected dislocation", TriageSign.DISLOCATION, _Y),
    _sign("IITT-OTHER-TRAUMA", "Other trauma or burns", TriageSign.OTHER_TRAUMA_OR_BURNS, _Y),
    _sign("IITT-URGENT-SURGERY", "Known diagnosis requiring urgent surgery",
          TriageSign.URGENT_SURGERY, _Y),
    _sign("IITT-SEXUAL-ASSAULT", "Sexual assault", TriageSign.SEXUAL_ASSAULT, _Y),
    _sign("IITT-TESTICULAR", "Acute testicular or scrotal pain, or priapism",
          TriageSign.TESTICULAR_PAIN, _Y, band=A),
    _sign("IITT-URINE", "Unable to pass urine", TriageSign.UNABLE_TO_PASS_URINE, _Y),
    _sign("IITT-PROPHYLAXIS", "Exposure needing time-sensitive prophylaxis",
          TriageSign.PROPHYLAXIS_EXPOSURE, _Y),
    # --- children (under 12 years): WHO ETAT emergency and priority signs
    *(_sign(f"ETAT-{b.name}-DEHYDRATION", "Severe dehydration (child)",
            TriageSign.SEVERE_DEHYDRATION, _R, band=b, source=Source.ETAT_2013)
      for b in (B0, B1, B5)),
    *(_sign(f"ETAT-{b.name}-MALNUTRITION", "Visible severe wasting or oedema of both feet "
            "(child)", TriageSign.SEVERE_MALNUTRITION, _Y, band=b, source=Source.ETAT_2013)
      for b in (B0, B1, B5)),
    *(_sign(f"ETAT-{b.name}-IRRITABLE", "Restless, continuously irritable or lethargic (child)",
            TriageSign.IRRITABLE_OR_LETHARGIC, _Y, band=b, source=Source.ETAT_2013)
      for b in (B0, B1, B5)),
    # --- IITT child card: infants by age in days, and temperature under 2 months (to verify)
    Rule("IITT-C-NEWBORN", "Any infant under 8 days", Measure.AGE_DAYS, Op.LT,
         NEWBORN_UNDER_DAYS, B0, _R, _EMERGENCY, Source.IITT, citation=_C_RED),
    Rule("IITT-C-U2M-TEMP-LOW", "Infant under 2 months with temperature below 36 °C", T, Op.LT,
         36.0, B0, _R, _RED, Source.IITT, younger_than_months=TINY_BABY_MONTHS,
         citation=_C_RED),
    Rule("IITT-C-U2M-TEMP-HIGH", "Infant under 2 months with temperature above 39 °C", T,
         Op.GT, 39.0, B0, _R, _RED, Source.IITT, younger_than_months=TINY_BABY_MONTHS,
         citation=_C_RED),
    Rule("IITT-C-YOUNG-INFANT", "Infant 8 days to 6 months", Measure.AGE, Op.LT,
         YOUNG_INFANT_MONTHS, B0, _Y, _PRIORITY, Source.IITT, citation=_C_YELLOW),
    Rule("ETAT-TINY-BABY", "Tiny baby (under 2 months)", Measure.AGE, Op.LT, TINY_BABY_MONTHS,
         B0, _Y, _PRIORITY, Source.ETAT_2013, citation=_ETAT_PRIORITY),
    # --- Mexico DGE respiratory case definition in force in 2021 (respiratory.py)
    _vital("DGE-SPO2-URGENT", "Oxygen saturation below 90 %: urgent care", SAT, Op.LT, 90,
           AgeBand.ANY, _R, frozenset({Flag.URGENT_CARE, Flag.EMERGENCY_SIGN}),
           Source.DGE_2021),
    Rule("DGE-DYSPNEA", "Shortness of breath in the last 10 days: urgent care",
         Measure.SYMPTOM, Op.PRESENT, Symptom.DYSPNEA, AgeBand.ANY, _Y,
         frozenset({Flag.URGENT_CARE}), Source.DGE_2021, citation=_DGE),
    Rule("DGE-CHEST-PAIN", "Chest pain in the last 10 days: urgent care",
         Measure.SYMPTOM, Op.PRESENT, Symptom.CHEST_PAIN, AgeBand.ANY, _Y,
         frozenset({Flag.URGENT_CARE}), Source.DGE_2021, citation=_DGE),
    Rule("DGE-RESP-POSITIVE",
         "Suspected respiratory case: respiratory isolation and medical consultation",
         Measure.RESPIRATORY_SCREEN, Op.PRESENT, True, AgeBand.ANY, _Y,
         frozenset({Flag.ISOLATION, Flag.CONSULTATION}), Source.DGE_2021, citation=_DGE),
    Rule("DGE-FEVER-RESP",
         "Measured fever (38.0 °C or more) with a respiratory symptom: medical consultation",
         Measure.FEVER_WITH_SYMPTOM, Op.PRESENT, True, AgeBand.ANY, _G,
         frozenset({Flag.CONSULTATION}), Source.DGE_2021, citation=_DGE),
    # --- precautions (no primary threshold: err toward care; docs/triage.md)
    Rule("DGE-FEVER-CONSULT", "Measured fever (38.0 °C or more): medical consultation", T,
         Op.GE, FEVER_FROM_C, AgeBand.ANY, _G, frozenset({Flag.CONSULTATION}),
         Source.DGE_2021, citation=_PRECAUTION),
    Rule("DGE-INFANT-FEVER", "Measured fever (38.0 °C or more) in an infant under 3 months",
         T, Op.GE, FEVER_FROM_C, B0, _Y, _PRIORITY, Source.DGE_2021,
         younger_than_months=INFANT_FEVER_MONTHS, citation=_PRECAUTION),
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


@dataclass(frozen=True)
class Period:
    """A length of time the rules set (not a threshold): how long something lasts."""

    id: str
    description: str  # English source text
    days: int
    source: Source
    citation: str


# How long a suspected respiratory case stays in isolation, counted from the screening that
# flagged it (the health desk shows the days left). DGE 2021: 14 days from the onset for a
# suspected case managed at home or in a shelter (the update in force through 2021). The
# January 2022 update shortened it to 7 days for mild cases (to verify); the longer period
# is kept (err toward care). A clinician ends isolation earlier by a new screening.
ISOLATION = Period("DGE-ISOLATION-DAYS", "Respiratory isolation of a suspected case", 14,
                   Source.DGE_2021, "DGE lineamiento 2021: isolation of suspected cases "
                   "(14 days; 7 days for mild cases from January 2022, to verify)")
PERIODS: tuple[Period, ...] = (ISOLATION,)


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


ALL_BANDS = frozenset({AgeBand.UNDER_1, AgeBand.FROM_1_TO_4, AgeBand.FROM_5_TO_11,
                       AgeBand.ADULT})
APPARENT_BANDS: dict[ApparentAge, frozenset[AgeBand]] = {
    ApparentAge.INFANT: frozenset({AgeBand.UNDER_1}),
    ApparentAge.CHILD: frozenset({AgeBand.FROM_1_TO_4, AgeBand.FROM_5_TO_11}),
    ApparentAge.ADULT: frozenset({AgeBand.ADULT}),
    ApparentAge.OLDER_ADULT: frozenset({AgeBand.ADULT}),
}


def candidate_bands(age_months: int | None, apparent: ApparentAge | None = None
                    ) -> frozenset[AgeBand]:
    """The IITT bands whose rows judge a person: the band of a known age; else those of the
    apparent age band; else every band (the strictest)."""
    if age_months is not None:
        return frozenset({age_band(age_months)})
    if apparent is not None:
        return APPARENT_BANDS[apparent]
    return ALL_BANDS


def apparent_age_of(age_months: int) -> ApparentAge:
    """The apparent band a known age falls in (to check an apparent band against the rows)."""
    if age_months < UNDER_1_UNTIL_MONTHS:
        return ApparentAge.INFANT
    if age_months < ADULT_FROM_MONTHS:
        return ApparentAge.CHILD
    return ApparentAge.ADULT if age_months <= OVER_50_MONTHS else ApparentAge.OLDER_ADULT


def age_in_months(birth: date, on: date) -> int:
    """Completed months of age on ``on``. A month is complete on the same day number, or on
    the last day of a shorter month (born 31 January: 1 month old on 28/29 February)."""
    months = (on.year - birth.year) * 12 + (on.month - birth.month)
    last_day_of_month = (on + timedelta(days=1)).month != on.month
    if on.day < birth.day and not last_day_of_month:
        months -= 1
    return max(months, 0)
