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
    """Symptoms of the Mexican respiratory case definition (DGE lineamiento; see
    :mod:`.respiratory` for which are major and minor)."""

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
    IRRITABILITY = "irritability"  # replaces headache under 5 years (DGE)
    CHILLS = "chills"
    FAST_BREATHING = "fast_breathing"  # polipnea
    LOSS_OF_SMELL = "loss_of_smell"  # anosmia
    LOSS_OF_TASTE = "loss_of_taste"  # disgeusia


class TriageSign(StrEnum):
    """Emergency (RED) and priority (YELLOW) signs of the IITT cards that a health worker
    ticks; which colour each gives is in :data:`.clinical_rules.RULES`. Some are also derived
    from other inputs (AVPU, temperature, symptoms): see :func:`.triage.signs_observed`."""

    # IITT emergency signs (RED)
    STRIDOR = "stridor"
    RESPIRATORY_DISTRESS = "respiratory_distress"  # or central cyanosis
    CAPILLARY_REFILL = "capillary_refill"  # over 3 seconds
    WEAK_FAST_PULSE = "weak_fast_pulse"
    HEAVY_BLEEDING = "heavy_bleeding"
    ACTIVE_CONVULSIONS = "active_convulsions"
    HIGH_RISK_TRAUMA = "high_risk_trauma"
    POISONING = "poisoning"
    THREATENED_LIMB = "threatened_limb"
    SNAKE_BITE = "snake_bite"
    ACUTE_CHEST_PAIN = "acute_chest_pain"
    ACUTE_ABDOMINAL_PAIN = "acute_abdominal_pain"
    ECG_ACUTE_ISCHAEMIA = "ecg_acute_ischaemia"
    SEVERE_DEHYDRATION = "severe_dehydration"  # child (WHO ETAT)
    COLD_EXTREMITIES = "cold_extremities"  # child card
    HYPOGLYCAEMIA = "hypoglycaemia"  # if known
    # the "any two of" group (RED when two are present)
    ALTERED_MENTAL_STATUS = "altered_mental_status"
    STIFF_NECK = "stiff_neck"
    HYPOTHERMIA_OR_FEVER = "hypothermia_or_fever"
    # IITT priority signs (YELLOW)
    MOUTH_THROAT_SWELLING = "mouth_throat_swelling"
    WHEEZING = "wheezing"
    VOMITING_OR_DIARRHOEA = "vomiting_or_diarrhoea"
    UNABLE_TO_FEED = "unable_to_feed"
    SEVERE_PALLOR = "severe_pallor"
    ONGOING_BLEEDING = "ongoing_bleeding"
    RECENT_FAINTING = "recent_fainting"
    AGITATION = "agitation"
    GENERAL_WEAKNESS = "general_weakness"
    HEADACHE = "headache"
    FOCAL_NEUROLOGIC = "focal_neurologic"
    VISUAL_DISTURBANCE = "visual_disturbance"
    SEVERE_PAIN = "severe_pain"
    NEW_RASH = "new_rash"
    LIMB_DEFORMITY = "limb_deformity"
    OPEN_FRACTURE = "open_fracture"
    DISLOCATION = "dislocation"
    VIOLENT = "violent"
    OTHER_TRAUMA_OR_BURNS = "other_trauma_or_burns"
    URGENT_SURGERY = "urgent_surgery"
    SEXUAL_ASSAULT = "sexual_assault"
    TESTICULAR_PAIN = "testicular_pain"
    UNABLE_TO_PASS_URINE = "unable_to_pass_urine"
    PROPHYLAXIS_EXPOSURE = "prophylaxis_exposure"
    SEVERE_MALNUTRITION = "severe_malnutrition"  # child (WHO ETAT)
    IRRITABLE_OR_LETHARGIC = "irritable_or_lethargic"  # child (WHO ETAT)


class ApparentAge(StrEnum):
    """Age band a health worker records when there is no date of birth (as the WHO emergency
    unit form does: "if age unknown, circle category"). ``OLDER_ADULT`` is "appears over 50",
    the only adult age limit of the IITT card."""

    INFANT = "infant"        # appears under 1 year
    CHILD = "child"          # appears 1 to 11 years
    ADULT = "adult"          # appears 12 to 50 years
    OLDER_ADULT = "older_adult"  # appears over 50 years


class AgeBasis(StrEnum):
    """What the triage judged the age by."""

    BIRTH_DATE = "birth_date"
    APPARENT = "apparent"
    NONE = "none"  # neither: the strictest band


class ObstetricSign(StrEnum):
    """IITT RED signs in pregnancy (blood pressure is measured, not a sign)."""

    HEAVY_BLEEDING = "heavy_bleeding"
    SEVERE_ABDOMINAL_PAIN = "severe_abdominal_pain"
    SEIZURES = "seizures"
    SEVERE_HEADACHE = "severe_headache"
    VISUAL_CHANGES = "visual_changes"
    ACTIVE_LABOUR = "active_labour"
    TRAUMA = "trauma"


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
    AGE_DAYS = "age_days"
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
    SIGN = "sign"
    FEVER_WITH_SYMPTOM = "fever_with_symptom"


class Op(StrEnum):
    """Comparison of a rule: ``observed <op> rule.value``."""

    LT = "<"
    GT = ">"
    LE = "<="
    GE = ">="
    NE = "!="
    PRESENT = "present"
    AT_LEAST = "at least"  # at least ``value`` of the rule's ``any_of`` signs


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
    PRIORITY_SIGN = "priority_sign"
    URGENT_CARE = "urgent_care"
    OBSTETRIC_WARNING = "obstetric_warning"
    ISOLATION = "isolation"
    CONSULTATION = "consultation"


class RespiratoryScreen(StrEnum):
    """Result of the respiratory case definition. ``INCOMPLETE``: a major symptom without the
    rest of the definition (never shown as "negative"; the result says what is missing)."""

    NEGATIVE = "negative"
    INCOMPLETE = "incomplete"
    POSITIVE = "positive"
    URGENT = "urgent"


class Source(StrEnum):
    """Where a threshold comes from. :func:`source_citation` gives the full reference."""

    IITT = "IITT"
    DGE_2021 = "DGE 2021"
    ETAT_2013 = "WHO ETAT 2013"
    SPHERE_2018 = "Sphere 2018"
    CENSIA = "CeNSIA"
    COVID_MX_2021 = "PNV COVID-19 2021"
    PLAN_DIF_2021 = "Plan DIF 2021"


_CITATIONS: dict[Source, str] = {
    Source.IITT: "WHO/ICRC/MSF Interagency Integrated Triage Tool (IITT), adult (12 years "
                 "and over) and child cards, 2020-2021: emergency (red) criteria, priority "
                 "(yellow) criteria, high-risk vital signs",
    Source.DGE_2021: "Secretaría de Salud de México, Dirección General de Epidemiología: "
                     "Lineamiento estandarizado para la vigilancia epidemiológica y por "
                     "laboratorio de la enfermedad respiratoria viral (update in force in "
                     "2021): operational definition of a suspected case, warning signs",
    Source.ETAT_2013: "WHO Pocket book of hospital care for children, 2nd ed. 2013, chapter 1 "
                      "(Emergency Triage Assessment and Treatment): emergency and priority "
                      "signs of children",
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
    Symptom.IRRITABILITY: "Irritability (under 5 years)", Symptom.CHILLS: "Chills",
    Symptom.FAST_BREATHING: "Fast breathing", Symptom.LOSS_OF_SMELL: "Loss of smell",
    Symptom.LOSS_OF_TASTE: "Loss of taste",
    TriageSign.STRIDOR: "Stridor",
    TriageSign.RESPIRATORY_DISTRESS: "Respiratory distress or central cyanosis",
    TriageSign.CAPILLARY_REFILL: "Capillary refill over 3 seconds",
    TriageSign.WEAK_FAST_PULSE: "Weak and fast pulse",
    TriageSign.HEAVY_BLEEDING: "Heavy bleeding",
    TriageSign.ACTIVE_CONVULSIONS: "Active convulsions",
    TriageSign.HIGH_RISK_TRAUMA: "High-risk trauma",
    TriageSign.POISONING: "Poisoning, ingestion or dangerous chemical exposure",
    TriageSign.THREATENED_LIMB: "Threatened limb",
    TriageSign.SNAKE_BITE: "Snake bite",
    TriageSign.ACUTE_CHEST_PAIN: "Acute chest pain",
    TriageSign.ACUTE_ABDOMINAL_PAIN: "Acute abdominal pain",
    TriageSign.ECG_ACUTE_ISCHAEMIA: "ECG with acute ischaemia (if done)",
    TriageSign.SEVERE_DEHYDRATION:
        "Severe dehydration (diarrhoea with two of: lethargy, sunken eyes, very slow skin "
        "pinch)",
    TriageSign.COLD_EXTREMITIES: "Cold extremities",
    TriageSign.HYPOGLYCAEMIA: "Hypoglycaemia (if known)",
    TriageSign.ALTERED_MENTAL_STATUS: "Altered mental status",
    TriageSign.STIFF_NECK: "Stiff neck",
    TriageSign.HYPOTHERMIA_OR_FEVER: "Hypothermia or fever",
    TriageSign.MOUTH_THROAT_SWELLING: "Swelling or mass of mouth, throat or neck",
    TriageSign.WHEEZING: "Wheezing",
    TriageSign.VOMITING_OR_DIARRHOEA: "Vomits everything or ongoing diarrhoea",
    TriageSign.UNABLE_TO_FEED: "Unable to feed or drink",
    TriageSign.SEVERE_PALLOR: "Severe pallor",
    TriageSign.ONGOING_BLEEDING: "Ongoing bleeding",
    TriageSign.RECENT_FAINTING: "Recent fainting",
    TriageSign.AGITATION: "Agitation",
    TriageSign.GENERAL_WEAKNESS: "Acute general weakness",
    TriageSign.HEADACHE: "Headache",
    TriageSign.FOCAL_NEUROLOGIC: "Acute focal neurologic complaint",
    TriageSign.VISUAL_DISTURBANCE: "Acute visual disturbance",
    TriageSign.SEVERE_PAIN: "Severe pain",
    TriageSign.NEW_RASH: "New rash worsening over hours or peeling",
    TriageSign.LIMB_DEFORMITY: "Visible acute limb deformity",
    TriageSign.OPEN_FRACTURE: "Open fracture",
    TriageSign.DISLOCATION: "Suspected dislocation",
    TriageSign.VIOLENT: "Violent or aggressive",
    TriageSign.OTHER_TRAUMA_OR_BURNS: "Other trauma or burns",
    TriageSign.URGENT_SURGERY: "Known diagnosis requiring urgent surgery",
    TriageSign.SEXUAL_ASSAULT: "Sexual assault",
    TriageSign.TESTICULAR_PAIN: "Acute testicular or scrotal pain, or priapism",
    TriageSign.UNABLE_TO_PASS_URINE: "Unable to pass urine",
    TriageSign.PROPHYLAXIS_EXPOSURE:
        "Exposure needing time-sensitive prophylaxis (animal bite, needlestick)",
    TriageSign.SEVERE_MALNUTRITION: "Visible severe wasting or oedema of both feet",
    TriageSign.IRRITABLE_OR_LETHARGIC: "Restless, continuously irritable or lethargic",
    ApparentAge.INFANT: "Infant (appears under 1 year)",
    ApparentAge.CHILD: "Child (appears 1 to 11 years)",
    ApparentAge.ADULT: "Adult (appears 12 to 50 years)",
    ApparentAge.OLDER_ADULT: "Older adult (appears over 50 years)",
    ObstetricSign.HEAVY_BLEEDING: "Heavy bleeding",
    ObstetricSign.SEVERE_ABDOMINAL_PAIN: "Severe abdominal pain",
    ObstetricSign.SEIZURES: "Seizures or altered mental status",
    ObstetricSign.SEVERE_HEADACHE: "Severe headache",
    ObstetricSign.VISUAL_CHANGES: "Visual changes",
    ObstetricSign.ACTIVE_LABOUR: "Active labour",
    ObstetricSign.TRAUMA: "Trauma",
    ChronicCondition.DIABETES: "Diabetes", ChronicCondition.HYPERTENSION: "Hypertension",
    ChronicCondition.HEART_DISEASE: "Heart disease",
    ChronicCondition.CHRONIC_LUNG_DISEASE: "Chronic lung disease (asthma, COPD)",
    ChronicCondition.CHRONIC_KIDNEY_DISEASE: "Chronic kidney disease",
    ChronicCondition.OBESITY: "Obesity", ChronicCondition.CANCER: "Cancer",
    ChronicCondition.HIV: "HIV", ChronicCondition.OTHER: "Other chronic condition",
    Measure.AGE: "Age", Measure.AGE_DAYS: "Age in days",
    Measure.TEMPERATURE: "Temperature", Measure.HEART_RATE: "Heart rate",
    Measure.RESPIRATORY_RATE: "Respiratory rate", Measure.SPO2: "Oxygen saturation (SpO2)",
    Measure.SYSTOLIC_BP: "Systolic blood pressure",
    Measure.DIASTOLIC_BP: "Diastolic blood pressure", Measure.AVPU: "Consciousness (AVPU)",
    RespiratoryScreen.NEGATIVE: "Negative", RespiratoryScreen.POSITIVE: "Positive",
    RespiratoryScreen.INCOMPLETE: "Definition not met",
    RespiratoryScreen.URGENT: "Positive with warning signs (urgent)",
}


def clinical_label(code: StrEnum) -> str:
    """Label of a clinical code in the current language; the code itself when unknown."""
    text = _LABELS.get(code)
    return translate(text) if text is not None else str(code)


def english_labels() -> tuple[str, ...]:
    """Every label msgid (the tests check each one has a Spanish translation)."""
    return tuple(_LABELS.values())
