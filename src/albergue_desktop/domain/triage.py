"""Triage of one screening visit: IITT colour, flags and reasons, from the rule table.

Pure: a :class:`ScreeningInput` and an age in, a :class:`TriageResult` out. The thresholds are
in :mod:`.clinical_rules` (reviewed by a clinician), the respiratory case definition in
:mod:`.respiratory`; this module only applies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from .clinical_enums import (
    AgeBand, AgeBasis, ApparentAge, Avpu, ChronicCondition, Flag, Measure, ObstetricSign, Op,
    RespiratoryScreen, Symptom, TriageColour, TriageSign, worst_colour,
)
from .clinical_rules import (
    FEVER_FROM_C, HYPOTHERMIA_BELOW_C, RULES, Rule, age_band, candidate_bands,
)
from .errors import FieldError
from .i18n import translate
from .respiratory import RespiratoryResult, screen_respiratory

UNDER_5_MONTHS = 60


@dataclass(frozen=True)
class ScreeningInput:
    """What the health worker records at one visit. Every vital may be missing (``None``).

    ``symptoms`` are the symptoms whose onset is within the last 10 days (the DGE window; see
    :func:`.respiratory.symptoms_in_window` to derive them from onset dates). ``signs`` are the
    IITT emergency and priority signs ticked. ``apparent_age`` is recorded when the person
    has no date of birth (it is ignored when the age is known). ``disabilities`` holds UNHCR
    DS-* codes. Sets may be passed as plain sets; they are stored frozen.
    """

    temperature_c: float | None = None
    heart_rate: int | None = None
    respiratory_rate: int | None = None
    systolic_bp: int | None = None
    diastolic_bp: int | None = None
    spo2: int | None = None
    avpu: Avpu | None = None
    weight_kg: float | None = None
    height_cm: float | None = None
    symptoms: frozenset[Symptom] = frozenset()
    chronic_conditions: frozenset[ChronicCondition] = frozenset()
    pregnant: bool = False
    gestation_weeks: int | None = None
    obstetric_signs: frozenset[ObstetricSign] = frozenset()
    disabilities: frozenset[str] = frozenset()
    notes: str = ""
    signs: frozenset[TriageSign] = frozenset()
    apparent_age: ApparentAge | None = None

    def __post_init__(self) -> None:
        for name in ("symptoms", "chronic_conditions", "obstetric_signs", "disabilities",
                     "signs"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))
        # codes coming as plain strings (combo boxes, storage) become their enum members,
        # so identity checks hold; an unknown code stays as is for the service to refuse
        for name, enum in (("avpu", Avpu), ("apparent_age", ApparentAge)):
            value = getattr(self, name)
            if value is not None and not isinstance(value, enum) \
                    and value in enum._value2member_map_:
                object.__setattr__(self, name, enum(value))


@dataclass(frozen=True)
class Finding:
    """A rule that fired, with the value that fired it."""

    rule: Rule
    observed: object

    @property
    def rule_id(self) -> str:
        return self.rule.id

    @property
    def colour(self) -> TriageColour:
        return self.rule.colour

    def text(self) -> str:
        """The rule's description in the current language."""
        return translate(self.rule.description)


@dataclass(frozen=True)
class TriageResult:
    """Outcome of :func:`assess`. ``findings`` are ordered most severe first, then as in the
    rule table; ``missing`` lists what was not recorded (and ``Measure.AGE`` if unknown)."""

    colour: TriageColour
    findings: tuple[Finding, ...]
    respiratory: RespiratoryResult
    age_band: AgeBand
    missing: tuple[Measure, ...]
    high_risk_vitals: frozenset[Measure]
    needs_isolation: bool
    urgent_care: bool
    consultation: bool
    obstetric_warning: bool
    pregnant: bool = False
    chronic_conditions: frozenset[ChronicCondition] = field(default_factory=frozenset)
    age_basis: AgeBasis = AgeBasis.BIRTH_DATE
    apparent_age: ApparentAge | None = None
    signs: frozenset[TriageSign] = field(default_factory=frozenset)  # ticked and derived

    @property
    def age_note(self) -> str | None:
        """How an unknown age was judged (English msgid), or None when the age is known."""
        if self.age_basis is AgeBasis.APPARENT:
            return AGE_NOTE_APPARENT
        if self.age_basis is AgeBasis.NONE:
            return AGE_NOTE_STRICTEST
        return None

    @property
    def reasons(self) -> tuple[tuple[str, str], ...]:
        """(rule id, text in the current language) of every finding."""
        return tuple((f.rule_id, f.text()) for f in self.findings)

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(f.rule_id for f in self.findings)


AGE_NOTE_APPARENT = "No date of birth: judged by the apparent age band recorded."
AGE_NOTE_STRICTEST = ("No date of birth and no apparent age band: judged by the strictest "
                      "band (the thresholds of every age).")


def signs_observed(s: ScreeningInput, *, under_12: bool | None) -> frozenset[TriageSign]:
    """The signs ticked plus those other inputs show (each derivation errs toward more care):
    AVPU other than alert is altered mental status; a measured temperature of 38.0 °C or more
    (DGE) or below 36 °C (IITT high-risk), or reported fever, is "hypothermia or fever";
    chest pain of the respiratory screen is acute chest pain; a reported headache is the IITT
    headache; irritability in a child (or age unknown) is "irritable or lethargic"."""
    signs = set(s.signs)
    if s.avpu is not None and s.avpu is not Avpu.ALERT:
        signs.add(TriageSign.ALTERED_MENTAL_STATUS)
    if (s.temperature_c is not None and (s.temperature_c >= FEVER_FROM_C
                                         or s.temperature_c < HYPOTHERMIA_BELOW_C)) \
            or Symptom.FEVER in s.symptoms:
        signs.add(TriageSign.HYPOTHERMIA_OR_FEVER)
    if Symptom.CHEST_PAIN in s.symptoms:
        signs.add(TriageSign.ACUTE_CHEST_PAIN)
    if Symptom.HEADACHE in s.symptoms:
        signs.add(TriageSign.HEADACHE)
    if Symptom.IRRITABILITY in s.symptoms and under_12 is not False:
        signs.add(TriageSign.IRRITABLE_OR_LETHARGIC)
    return frozenset(signs)


_CORE_VITALS = (Measure.TEMPERATURE, Measure.HEART_RATE, Measure.RESPIRATORY_RATE,
                Measure.SPO2, Measure.AVPU)
_BP = (Measure.SYSTOLIC_BP, Measure.DIASTOLIC_BP)


def _observed(measure: Measure, s: ScreeningInput, resp: RespiratoryResult,
              signs: frozenset[TriageSign], age_months: int | None,
              age_days: int | None = None) -> object:
    match measure:
        case Measure.SYMPTOM:
            return s.symptoms
        case Measure.SIGN:
            return signs
        case Measure.AGE:
            # an apparent infant may be a tiny baby (more care); no band at all: not judged
            # (every person of unknown age would be an infant: docs/triage.md)
            if age_months is None and s.apparent_age is ApparentAge.INFANT:
                return 0
            return age_months
        case Measure.AGE_DAYS:
            # an apparent infant may be a newborn (the strictest); no band at all, or a known
            # age in months without the days (no birth date given to assess): not judged
            if age_months is None and s.apparent_age is ApparentAge.INFANT:
                return 0
            return age_days
        case Measure.FEVER_WITH_SYMPTOM:
            return resp.fever_with_symptom
        case Measure.OBSTETRIC_SIGN:
            return s.obstetric_signs
        case Measure.RESPIRATORY_SCREEN:
            return resp.needs_isolation
        case Measure.CHRONIC_CONDITION:
            return s.chronic_conditions
        case Measure.PREGNANCY:
            return s.pregnant
        case _:
            return getattr(s, measure.value)


def assess(screening: ScreeningInput, *, age_months: int | None = None,
           age_years: int | None = None, age_days: int | None = None,
           rules: tuple[Rule, ...] = RULES) -> TriageResult:
    """Triage one screening, for a person of the given age (months, or whole years).
    ``age_days``: completed days since birth on the visit day (the screening service gives
    it with the months), for the IITT child card's "infant under 8 days"; without it that row
    does not judge a person of known age. Rows for infants "under N months"
    (``younger_than_months``) also judge an apparent infant and a person of no band at all
    (the strictest).

    Colour logic (WHO/ICRC/MSF IITT): each row of the rule table carries a colour and the
    result is the most severe colour among the rows that fire: RED for the card's emergency
    signs (unresponsive, stridor, ..., any two of altered mental status / stiff neck /
    hypothermia or fever, acute chest or abdominal pain over 50, the pregnancy signs) and
    red heart rates, and SpO2 < 90 % (DGE urgent); YELLOW for the priority signs, every
    high-risk vital sign ("up-triage or immediate review"), a suspected respiratory case and
    shortness of breath or chest pain at any age (DGE urgent care). Staff may raise it further.

    Missing values fire no rule: a missing vital is listed in ``missing`` and never raises the
    colour. Age unknown: the apparent age band recorded with the screening, or else every band
    (the strictest) and the "over 50" rows; ``age_basis`` and ``age_note`` say so.

    Consultation candidacy: any YELLOW or RED, urgent care, isolation, obstetric warning, a
    chronic-degenerative condition, a pregnancy, or measured fever with a respiratory symptom.
    """
    if age_months is not None and age_years is not None:
        raise ValueError("give age_months or age_years, not both")
    months = age_years * 12 if age_years is not None else age_months
    band = age_band(months)
    apparent = screening.apparent_age if months is None else None
    bands = candidate_bands(months, apparent)
    if months is not None:
        basis, over_50 = AgeBasis.BIRTH_DATE, None
    elif apparent is not None:
        basis, over_50 = AgeBasis.APPARENT, apparent is ApparentAge.OLDER_ADULT
    else:
        basis, over_50 = AgeBasis.NONE, True
    under_5 = months < UNDER_5_MONTHS if months is not None else (
        None if apparent in (None, ApparentAge.INFANT, ApparentAge.CHILD) else False)
    under_12 = band is not AgeBand.ADULT if months is not None else (
        None if apparent in (None, ApparentAge.INFANT, ApparentAge.CHILD) else False)
    resp = screen_respiratory(screening.symptoms, screening.spo2, screening.temperature_c,
                              under_5=under_5)
    signs = signs_observed(screening, under_12=under_12)
    fired: list[Finding] = []
    shown: Any
    for r in rules:
        may_be_older = over_50 if over_50 is not None else (
            r.older_than_months is not None and months is not None
            and months > r.older_than_months)
        may_be_younger = r.younger_than_months is not None and (
            months < r.younger_than_months if months is not None
            else apparent in (None, ApparentAge.INFANT))
        if not r.applies_to(bands, pregnant=screening.pregnant, may_be_older=may_be_older,
                            may_be_younger=may_be_younger):
            continue
        observed = _observed(r.measure, screening, resp, signs, months, age_days)
        if r.matches(observed):
            # for "sign present" rows, the finding shows the sign rather than the whole set
            if r.op is Op.PRESENT and r.value is not None:
                shown = r.value
            elif r.op is Op.AT_LEAST:
                shown = frozenset(observed) & r.any_of  # type: ignore[call-overload]
            else:
                shown = observed
            fired.append(Finding(r, shown))
    order = {r.id: i for i, r in enumerate(rules)}
    fired.sort(key=lambda f: (-f.colour.rank, order[f.rule_id]))
    flags = {flag for f in fired for flag in f.rule.flags}
    colour = worst_colour(f.colour for f in fired)

    missing = [m for m in _CORE_VITALS if getattr(screening, m.value) is None]
    if screening.pregnant:
        missing += [m for m in _BP if getattr(screening, m.value) is None]
    if band is AgeBand.UNKNOWN:
        missing.append(Measure.AGE)

    high_risk = frozenset(f.rule.measure for f in fired if Flag.HIGH_RISK_VITAL in f.rule.flags)
    consultation = colour is not TriageColour.GREEN or bool(flags & {
        Flag.CONSULTATION, Flag.URGENT_CARE, Flag.ISOLATION, Flag.OBSTETRIC_WARNING})
    return TriageResult(
        colour=colour, findings=tuple(fired), respiratory=resp, age_band=band,
        missing=tuple(missing), high_risk_vitals=high_risk,
        needs_isolation=Flag.ISOLATION in flags or resp.needs_isolation,
        urgent_care=Flag.URGENT_CARE in flags or resp.screen is RespiratoryScreen.URGENT,
        consultation=consultation, obstetric_warning=Flag.OBSTETRIC_WARNING in flags,
        pregnant=screening.pregnant, chronic_conditions=screening.chronic_conditions,
        age_basis=basis, apparent_age=apparent, signs=signs)


# Plausible ranges of what a form can hold (typing errors, not clinical thresholds).
PLAUSIBLE: dict[str, tuple[float, float]] = {
    "temperature_c": (30.0, 45.0), "heart_rate": (20, 250), "respiratory_rate": (4, 100),
    "systolic_bp": (50, 260), "diastolic_bp": (20, 160), "spo2": (50, 100),
    "weight_kg": (0.5, 300.0), "height_cm": (30.0, 230.0), "gestation_weeks": (1, 44),
}
OUT_OF_RANGE = "The value must be between {min} and {max}."
DIASTOLIC_ABOVE_SYSTOLIC = "The diastolic pressure must be lower than the systolic pressure."
ONLY_IN_PREGNANCY = "Only recorded for a pregnancy."


def validate_screening(s: ScreeningInput) -> list[FieldError]:
    """Typing errors of a screening form (empty list when it can be saved)."""
    errors: list[FieldError] = []
    for f in fields(s):
        value = getattr(s, f.name)
        if f.name in PLAUSIBLE and value is not None:
            low, high = PLAUSIBLE[f.name]
            if not low <= value <= high:
                errors.append(FieldError(f.name, OUT_OF_RANGE, {"min": low, "max": high}))
    if (s.systolic_bp is not None and s.diastolic_bp is not None
            and s.diastolic_bp >= s.systolic_bp):
        errors.append(FieldError("diastolic_bp", DIASTOLIC_ABOVE_SYSTOLIC))
    if not s.pregnant:
        if s.gestation_weeks is not None:
            errors.append(FieldError("gestation_weeks", ONLY_IN_PREGNANCY))
        if s.obstetric_signs:
            errors.append(FieldError("obstetric_signs", ONLY_IN_PREGNANCY))
    return errors
