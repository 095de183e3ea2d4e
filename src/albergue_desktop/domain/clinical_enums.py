"""Closed vocabularies of health screening and triage (stored values are the enum values).

Each enum has an English label (a msgid of :mod:`.i18n`); :func:`clinical_label` returns it in
the current language, so a screen can fill a combo box without its own translation table.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from .i18n import translate


class TriageColour(StrEnum):
    """IITT categories. Compare severity with :attr:`rank` (GREEN < YELLOW < RED)."""

    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"

    @property
    def rank(self) -> int:
        return _COLOUR_RANK[self]


_COLOUR_RANK = {TriageColour.GREEN: 0, TriageColour.YELLOW: 1, TriageColour.RED: 2}


def worst_colour(colours: Iterable[TriageColour]) -> TriageColour:
    """The most severe colour of an iterable of colours; GREEN when it is empty."""
    return max(colours, key=lambda c: c.rank, default=TriageColour.GREEN)


class Avpu(StrEnum):
    """Level of consciousness, ordered from best (A) to worst (U)."""

    ALERT = "A"
    VOICE = "V"
    PAIN = "P"
    UNRESPONSIVE = "U"

    @property
    def rank(self) -> int:
        return "AVPU".index(self.value)


class Symptom(StrEnum):
    """Symptoms of the Mexican respiratory screen (DGCES 2020)."""

    COUGH = "cough"
    FEVER = "fever"
    HEADACHE = "headache"
    DYSPNEA = "dyspnea"
    JOINT_PAIN = "joint_pain"
    MUSCLE_PAIN = "muscle_pain"
    SORE_THROAT = "sore_throat"
    RUNNY_NOSE = "runny_nose"
    CONJUNCTIVITIS = "conjunctivitis"
    CHEST_PAIN = "chest_pain"


class ObstetricSign(StrEnum):
    """IITT RED signs in pregnancy (blood pressure is measured, not a sign)."""

    HEAVY_BLEEDING = "heavy_bleeding"
    SEVERE_ABDOMINAL_PAIN = "severe_abdominal_pain"
    SEIZURES = "seizures"
    SEVERE_HEADACHE = "severe_headache"
    VISUAL_CHANGES = "visual_changes"
    ACTIVE_LABOUR = "active_labour"


class ChronicCondition(StrEnum):
    """Chronic-degenerative conditions (padecimientos crónico-degenerativos)."""

    DIABETES = "diabetes"
    HYPERTENSION = "hypertension"
    HEART_DISEASE = "heart_disease"
    CHRONIC_LUNG_DISEASE = "chronic_lung_disease"
    CHRONIC_KIDNEY_DISEASE = "chronic_kidney_disease"
    OBESITY = "obesity"
    CANCER = "cancer"
    HIV = "hiv"
    OTHER = "other"


class Measure(StrEnum):
    """What a rule of the table looks at."""

    AGE = "age"
    TEMPERATURE = "temperature_c"
    HEART_RATE = "heart_rate"
    RESPIRATORY_RATE = "respiratory_rate"
    SPO2 = "spo2"
    SYSTOLIC_BP = "systolic_bp"
    DIASTOLIC_BP = "diastolic_bp"
    AVPU = "avpu"
    SYMPTOM = "symptom"
    OBSTETRIC_SIGN = "obstetric_sign"
    RESPIRATORY_SCREEN = "respiratory_screen"
    CHRONIC_CONDITION = "chronic_condition"
    PREGNANCY = "pregnancy"


class Op(StrEnum):
    """Comparison of a rule: ``observed <op> rule.value``."""

    LT = "<"
    GT = ">"
    LE = "<="
    GE = ">="
    NE = "!="
    PRESENT = "present"


class AgeBand(StrEnum):
    """IITT age bands. ``UNKNOWN`` rows apply only when the age is not known."""

    ANY = "any"
    UNDER_1 = "under_1"
    FROM_1_TO_4 = "1_to_4"
    FROM_5_TO_11 = "5_to_11"
    ADULT = "12_plus"
    UNKNOWN = "unknown"


class Flag(StrEnum):
    """Outcome of a rule besides its colour."""

    HIGH_RISK_VITAL = "high_risk_vital"
    EMERGENCY_SIGN = "emergency_sign"
    URGENT_CARE = "urgent_care"
    OBSTETRIC_WARNING = "obstetric_warning"
    ISOLATION = "isolation"
    CONSULTATION = "consultation"


class RespiratoryScreen(StrEnum):
    NEGATIVE = "negative"
    POSITIVE = "positive"
    URGENT = "urgent"


class Source(StrEnum):
    """Where a threshold comes from. :func:`source_citation` gives the full reference."""

    IITT = "IITT"
    DGCES_2020 = "DGCES 2020"
    SPHERE_2018 = "Sphere 2018"
    CENSIA = "CeNSIA"
    COVID_MX_2021 = "PNV COVID-19 2021"
    PLAN_DIF_2021 = "Plan DIF 2021"


_CITATIONS: dict[Source, str] = {
    Source.IITT: "WHO/ICRC/MSF Interagency Integrated Triage Tool (IITT), adult and child "
                 "versions, 2020",
    Source.DGCES_2020: "Secretaría de Salud de México, DGCES 2020: respiratory screening "
                       "(operational definition of suspected viral respiratory disease)",
    Source.SPHERE_2018: "The Sphere Handbook 2018: shelter and settlement standard 3 (living "
                        "space); WASH excreta management and hygiene standards",
    Source.CENSIA: "Secretaría de Salud de México, CeNSIA: Esquema de Vacunación Universal, "
                   "Cartilla Nacional de Salud (2021)",
    Source.COVID_MX_2021: "Gobierno de México: Política nacional de vacunación contra el virus "
                          "SARS-CoV-2 (2021); doses per product as authorised",
    Source.PLAN_DIF_2021: "DIF Municipal Mexicali: Plan Integral de Atención al Migrante (2021)",
}


def source_citation(source: Source) -> str:
    """Full bibliographic reference of a source (not translated: titles stay as published)."""
    return _CITATIONS[source]


_LABELS: dict[StrEnum, str] = {
    TriageColour.GREEN: "Green", TriageColour.YELLOW: "Yellow", TriageColour.RED: "Red",
    Avpu.ALERT: "Alert", Avpu.VOICE: "Responds to voice", Avpu.PAIN: "Responds to pain",
    Avpu.UNRESPONSIVE: "Unresponsive",
    Symptom.COUGH: "Cough", Symptom.FEVER: "Fever", Symptom.HEADACHE: "Headache",
    Symptom.DYSPNEA: "Shortness of breath", Symptom.JOINT_PAIN: "Joint pain",
    Symptom.MUSCLE_PAIN: "Muscle pain", Symptom.SORE_THROAT: "Sore throat",
    Symptom.RUNNY_NOSE: "Runny nose", Symptom.CONJUNCTIVITIS: "Conjunctivitis",
    Symptom.CHEST_PAIN: "Chest pain",
    ObstetricSign.HEAVY_BLEEDING: "Heavy bleeding",
    ObstetricSign.SEVERE_ABDOMINAL_PAIN: "Severe abdominal pain",
    ObstetricSign.SEIZURES: "Seizures or altered mental status",
    ObstetricSign.SEVERE_HEADACHE: "Severe headache",
    ObstetricSign.VISUAL_CHANGES: "Visual changes",
    ObstetricSign.ACTIVE_LABOUR: "Active labour",
    ChronicCondition.DIABETES: "Diabetes", ChronicCondition.HYPERTENSION: "Hypertension",
    ChronicCondition.HEART_DISEASE: "Heart disease",
    ChronicCondition.CHRONIC_LUNG_DISEASE: "Chronic lung disease (asthma, COPD)",
    ChronicCondition.CHRONIC_KIDNEY_DISEASE: "Chronic kidney disease",
    ChronicCondition.OBESITY: "Obesity", ChronicCondition.CANCER: "Cancer",
    ChronicCondition.HIV: "HIV", ChronicCondition.OTHER: "Other chronic condition",
    Measure.AGE: "Age", Measure.TEMPERATURE: "Temperature", Measure.HEART_RATE: "Heart rate",
    Measure.RESPIRATORY_RATE: "Respiratory rate", Measure.SPO2: "Oxygen saturation (SpO2)",
    Measure.SYSTOLIC_BP: "Systolic blood pressure",
    Measure.DIASTOLIC_BP: "Diastolic blood pressure", Measure.AVPU: "Consciousness (AVPU)",
    RespiratoryScreen.NEGATIVE: "Negative", RespiratoryScreen.POSITIVE: "Positive",
    RespiratoryScreen.URGENT: "Positive with warning signs (urgent)",
}


def clinical_label(code: StrEnum) -> str:
    """Label of a clinical code in the current language; the code itself when unknown."""
    text = _LABELS.get(code)
    return translate(text) if text is not None else str(code)


def english_labels() -> tuple[str, ...]:
    """Every label msgid (the tests check each one has a Spanish translation)."""
    return tuple(_LABELS.values())
