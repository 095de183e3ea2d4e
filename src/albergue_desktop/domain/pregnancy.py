"""Pregnancy follow-up rules: prenatal visits and postnatal checks, as data with sources.

A clinician reviews this table, not the code that applies it. Every recommendation errs
toward more care: a warning sign or a high blood pressure recommends a consultation the
same day or a referral; nothing here ever lowers what the screening's rule table says
(:mod:`.clinical_rules`, where SBP >= 160 or DBP >= 110 in pregnancy is RED, IITT).

Sources (docs/health-followup.md):
- NOM-007: Norma Oficial Mexicana NOM-007-SSA2-2016, Para la atención de la mujer durante el
  embarazo, parto y puerperio, y de la persona recién nacida (DOF 07/04/2016): 5.2 prenatal
  care (visit calendar, "datos de alarma"), 5.6 puerperium.
- WHO ANC 2016: WHO recommendations on antenatal care for a positive pregnancy experience
  (2016): eight contacts (12, 20, 26, 30, 34, 36, 38, 40 weeks); hypertension in pregnancy
  is SBP >= 140 or DBP >= 90 mmHg.
- WHO PNC 2013/2022: WHO recommendations on postnatal care of the mother and newborn:
  checks within 24 hours, on day 3 (48-72 h), between days 7 and 14 and at six weeks; danger
  signs of the mother.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class VisitKind(StrEnum):
    PRENATAL = "prenatal"
    POSTNATAL = "postnatal"


class PregnancySource(StrEnum):
    NOM_007 = "NOM-007-SSA2-2016"
    WHO_ANC_2016 = "WHO ANC 2016"
    WHO_PNC = "WHO PNC 2013/2022"


class Recommendation(StrEnum):
    """What the rules recommend, from least to most care."""

    ROUTINE = "routine"            # next visit by the calendar
    CONSULTATION = "consultation"  # a medical consultation today
    REFERRAL = "referral"          # refer to obstetric emergency / second level today

    @property
    def rank(self) -> int:
        return list(Recommendation).index(self)


class WarningSign(StrEnum):
    """NOM-007 "datos de alarma" of pregnancy and the WHO postnatal danger signs."""

    VAGINAL_BLEEDING = "vaginal_bleeding"
    AMNIOTIC_FLUID_LOSS = "amniotic_fluid_loss"
    SEVERE_HEADACHE = "severe_headache"
    VISUAL_DISTURBANCE = "visual_disturbance"     # fosfenos
    TINNITUS = "tinnitus"                         # acúfenos
    EPIGASTRIC_PAIN = "epigastric_pain"
    FACE_HAND_OEDEMA = "face_hand_oedema"
    SEIZURES = "seizures"
    FEVER = "fever"
    REDUCED_FETAL_MOVEMENTS = "reduced_fetal_movements"
    PRETERM_CONTRACTIONS = "preterm_contractions"
    ABDOMINAL_PAIN = "abdominal_pain"
    PERSISTENT_VOMITING = "persistent_vomiting"
    DYSURIA = "dysuria"
    # postnatal (WHO PNC)
    HEAVY_POSTPARTUM_BLEEDING = "heavy_postpartum_bleeding"
    FOUL_DISCHARGE = "foul_discharge"
    BREATHING_DIFFICULTY = "breathing_difficulty"
    CALF_PAIN = "calf_pain"
    LOW_MOOD = "low_mood"


PRENATAL_SIGNS: tuple[WarningSign, ...] = tuple(WarningSign)[:14]
POSTNATAL_SIGNS: tuple[WarningSign, ...] = (
    WarningSign.HEAVY_POSTPARTUM_BLEEDING, WarningSign.FEVER, WarningSign.SEVERE_HEADACHE,
    WarningSign.VISUAL_DISTURBANCE, WarningSign.SEIZURES, WarningSign.BREATHING_DIFFICULTY,
    WarningSign.FOUL_DISCHARGE, WarningSign.CALF_PAIN, WarningSign.ABDOMINAL_PAIN,
    WarningSign.DYSURIA, WarningSign.LOW_MOOD)

LABELS: dict[str, str] = {
    "vaginal_bleeding": "Vaginal bleeding",
    "amniotic_fluid_loss": "Loss of fluid through the vagina",
    "severe_headache": "Severe headache",
    "visual_disturbance": "Visual disturbances (flashes of light)",
    "tinnitus": "Ringing in the ears",
    "epigastric_pain": "Pain in the pit of the stomach",
    "face_hand_oedema": "Swelling of face or hands",
    "seizures": "Seizures",
    "fever": "Fever",
    "reduced_fetal_movements": "Baby moves less or not at all",
    "preterm_contractions": "Contractions before 37 weeks",
    "abdominal_pain": "Abdominal pain",
    "persistent_vomiting": "Persistent vomiting",
    "dysuria": "Burning on urination",
    "heavy_postpartum_bleeding": "Heavy bleeding after delivery",
    "foul_discharge": "Foul-smelling discharge",
    "breathing_difficulty": "Difficulty breathing",
    "calf_pain": "Pain or swelling of a calf",
    "low_mood": "Persistent sadness or thoughts of self-harm",
    "routine": "Routine follow-up",
    "consultation": "Medical consultation today",
    "referral": "Refer to obstetric emergency today",
    "prenatal": "Prenatal visit",
    "postnatal": "Postnatal check",
}


@dataclass(frozen=True)
class PregnancyRule:
    id: str
    description: str  # English source text (a msgid)
    recommendation: Recommendation
    source: PregnancySource
    citation: str
    kinds: frozenset[VisitKind] = frozenset(VisitKind)


_BOTH = frozenset(VisitKind)
_PRE = frozenset({VisitKind.PRENATAL})
_POST = frozenset({VisitKind.POSTNATAL})

HYPERTENSION_SBP = 140  # WHO ANC 2016, NOM-007: hypertension in pregnancy from 140/90 mmHg
HYPERTENSION_DBP = 90
SEVERE_SBP = 160  # IITT red (clinical_rules IITT-OB-SBP/DBP), NOM-007 severe preeclampsia
SEVERE_DBP = 110
TERM_WEEKS = 37
POST_TERM_WEEKS = 41  # NOM-007: from 41 weeks refer for assessment of the end of pregnancy

# Sign -> rule id; every warning sign recommends a referral today except the few the NOM
# handles in a consultation first (dysuria, persistent vomiting, low mood): those recommend
# a consultation today (more care than waiting for the calendar).
CONSULT_SIGNS = frozenset({WarningSign.DYSURIA, WarningSign.PERSISTENT_VOMITING,
                           WarningSign.LOW_MOOD})

RULES: tuple[PregnancyRule, ...] = (
    PregnancyRule("PREG-BP-SEVERE", "SBP >= 160 or DBP >= 110 mmHg", Recommendation.REFERRAL,
                  PregnancySource.NOM_007, "NOM-007 5.2 and IITT red criteria (pregnant)"),
    PregnancyRule("PREG-BP-HIGH", "SBP >= 140 or DBP >= 90 mmHg", Recommendation.REFERRAL,
                  PregnancySource.WHO_ANC_2016,
                  "WHO ANC 2016, definition of hypertension in pregnancy; NOM-007 5.2 "
                  "(refer to second level)", _PRE),
    PregnancyRule("PNC-BP-HIGH", "SBP >= 140 or DBP >= 90 mmHg after delivery",
                  Recommendation.REFERRAL, PregnancySource.WHO_PNC,
                  "WHO PNC: hypertension after birth is a danger sign", _POST),
    PregnancyRule("PREG-ALARM-REFER", "a warning sign (datos de alarma)",
                  Recommendation.REFERRAL, PregnancySource.NOM_007,
                  "NOM-007 5.2 datos de alarma: urgent obstetric attention", _PRE),
    PregnancyRule("PNC-DANGER-REFER", "a postnatal danger sign", Recommendation.REFERRAL,
                  PregnancySource.WHO_PNC, "WHO PNC danger signs of the mother", _POST),
    PregnancyRule("PREG-ALARM-CONSULT", "dysuria, persistent vomiting or low mood",
                  Recommendation.CONSULTATION, PregnancySource.NOM_007,
                  "NOM-007 5.2 (precaution: consultation the same day)"),
    PregnancyRule("PREG-POST-TERM", "41 weeks or more", Recommendation.REFERRAL,
                  PregnancySource.NOM_007, "NOM-007 5.2: pregnancy of 41 weeks, refer", _PRE),
    PregnancyRule("PREG-NO-WEEKS", "weeks of gestation not known",
                  Recommendation.CONSULTATION, PregnancySource.WHO_ANC_2016,
                  "precaution (err toward care): gestational age must be estimated "
                  "(WHO ANC 2016, ultrasound before 24 weeks)", _PRE),
)
RULE_BY_ID = {r.id: r for r in RULES}

# WHO ANC 2016 contacts (weeks); NOM-007 calls for at least five, the same calendar.
ANC_CONTACT_WEEKS: tuple[int, ...] = (12, 20, 26, 30, 34, 36, 38, 40)
# WHO PNC: days after delivery of the checks (within 24 h, day 3, days 7-14, six weeks).
PNC_CHECK_DAYS: tuple[int, ...] = (1, 3, 7, 42)
GESTATION_DAYS = 280  # Naegele: due date = last menstrual period + 280 days


@dataclass(frozen=True)
class PregnancyAssessment:
    recommendation: Recommendation
    rules_fired: tuple[str, ...]
    next_visit: date | None


def due_date_from_weeks(weeks: int, on: date) -> date:
    """The estimated due date for a pregnancy of ``weeks`` weeks on day ``on``."""
    return on + timedelta(days=GESTATION_DAYS - 7 * weeks)


def weeks_on(due: date, on: date) -> int:
    """Completed weeks of gestation on ``on`` for an estimated due date ``due``."""
    return max((GESTATION_DAYS - (due - on).days) // 7, 0)


def next_prenatal_visit(weeks: int | None, on: date) -> date:
    """The next WHO ANC contact after ``weeks`` (within a week when weeks are unknown or past
    the last contact: 40 weeks and more are seen weekly)."""
    if weeks is None:
        return on + timedelta(days=7)
    later = [w for w in ANC_CONTACT_WEEKS if w > weeks]
    return on + timedelta(days=7 * ((later[0] - weeks) if later else 1))


def next_postnatal_check(delivered: date | None, on: date) -> date | None:
    """The next WHO postnatal check after ``on`` (None after the six-week check)."""
    if delivered is None:
        return on + timedelta(days=2)
    for day in PNC_CHECK_DAYS:
        when = delivered + timedelta(days=day)
        if when > on:
            return when
    return None


def assess(kind: VisitKind, *, on: date, gestation_weeks: int | None = None,
           systolic_bp: int | None = None, diastolic_bp: int | None = None,
           warning_signs: Iterable[str] = (), delivery_date: date | None = None,
           ) -> PregnancyAssessment:
    """The recommendation of a visit: the most care any fired rule asks for."""
    signs = {WarningSign(s) for s in warning_signs if s in WarningSign._value2member_map_}
    fired: list[str] = []
    sbp, dbp = systolic_bp or 0, diastolic_bp or 0
    if sbp >= SEVERE_SBP or dbp >= SEVERE_DBP:
        fired.append("PREG-BP-SEVERE")
    elif sbp >= HYPERTENSION_SBP or dbp >= HYPERTENSION_DBP:
        fired.append("PREG-BP-HIGH" if kind is VisitKind.PRENATAL else "PNC-BP-HIGH")
    if signs - CONSULT_SIGNS:
        fired.append("PREG-ALARM-REFER" if kind is VisitKind.PRENATAL else "PNC-DANGER-REFER")
    if signs & CONSULT_SIGNS:
        fired.append("PREG-ALARM-CONSULT")
    if kind is VisitKind.PRENATAL:
        if gestation_weeks is None:
            fired.append("PREG-NO-WEEKS")
        elif gestation_weeks >= POST_TERM_WEEKS:
            fired.append("PREG-POST-TERM")
    recommendation = max((RULE_BY_ID[r].recommendation for r in fired),
                         key=lambda r: r.rank, default=Recommendation.ROUTINE)
    if kind is VisitKind.PRENATAL:
        nxt: date | None = next_prenatal_visit(gestation_weeks, on)
    else:
        nxt = next_postnatal_check(delivery_date, on)
    if recommendation is not Recommendation.ROUTINE:
        nxt = on + timedelta(days=1) if nxt is None or nxt > on + timedelta(days=1) else nxt
    return PregnancyAssessment(recommendation, tuple(fired), nxt)
