"""Triage of one screening visit: IITT colour, flags and reasons, from the rule table.

Pure: a :class:`ScreeningInput` and an age in, a :class:`TriageResult` out. The thresholds are
in :mod:`.clinical_rules` (reviewed by a clinician), the respiratory case definition in
:mod:`.respiratory`; this module only applies them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields

from .clinical_enums import (
    AgeBand, Avpu, ChronicCondition, Flag, Measure, ObstetricSign, Op, RespiratoryScreen,
    Symptom, TriageColour, worst_colour,
)
from .clinical_rules import RULES, Rule, age_band
from .errors import FieldError
from .i18n import translate
from .respiratory import RespiratoryResult, screen_respiratory


@dataclass(frozen=True)
class ScreeningInput:
    """What the health worker records at one visit. Every vital may be missing (``None``).

    ``symptoms`` are the symptoms whose onset is within the last 7 days (the DGCES window; see
    :func:`.respiratory.symptoms_in_window` to derive them from onset dates). ``disabilities``
    holds UNHCR DS-* codes. Sets may be passed as plain sets; they are stored frozen.
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

    def __post_init__(self) -> None:
        for name in ("symptoms", "chronic_conditions", "obstetric_signs", "disabilities"):
            object.__setattr__(self, name, frozenset(getattr(self, name)))


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

    @property
    def reasons(self) -> tuple[tuple[str, str], ...]:
        """(rule id, text in the current language) of every finding."""
        return tuple((f.rule_id, f.text()) for f in self.findings)

    @property
    def rule_ids(self) -> frozenset[str]:
        return frozenset(f.rule_id for f in self.findings)


_CORE_VITALS = (Measure.TEMPERATURE, Measure.HEART_RATE, Measure.RESPIRATORY_RATE,
                Measure.SPO2, Measure.AVPU)
_BP = (Measure.SYSTOLIC_BP, Measure.DIASTOLIC_BP)


def _observed(measure: Measure, s: ScreeningInput, resp: RespiratoryResult) -> object:
    match measure:
        case Measure.SYMPTOM:
            return s.symptoms
        case Measure.OBSTETRIC_SIGN:
            return s.obstetric_signs
        case Measure.RESPIRATORY_SCREEN:
            return resp.screen
        case Measure.CHRONIC_CONDITION:
            return s.chronic_conditions
        case Measure.PREGNANCY:
            return s.pregnant
        case _:
            return getattr(s, measure.value)


def assess(screening: ScreeningInput, *, age_months: int | None = None,
           age_years: int | None = None, rules: tuple[Rule, ...] = RULES) -> TriageResult:
    """Triage one screening, for a person of the given age (months, or whole years).

    Colour logic (WHO/ICRC/MSF IITT): each row of the rule table carries a colour and the
    result is the most severe colour among the rows that fire. The table gives RED to the IITT
    red criteria (adult heart rate < 50 or > 150, the obstetric red signs, SBP >= 160 or
    DBP >= 110 in pregnancy) and to SpO2 < 90 % (DGCES urgent); YELLOW to every IITT high-risk
    vital sign (IITT: "up-triage or immediate review"), to a positive respiratory screen and to
    shortness of breath or chest pain (DGCES urgent care); nothing else raises the colour, so
    the rest is GREEN. Staff may always up-triage further.

    Missing values fire no rule: a missing vital is listed in ``missing`` and never raises the
    colour. An unknown age uses the ``UNKNOWN`` rows for heart and respiratory rate (the most
    lenient thresholds), so it never gives a higher colour than any known age would.

    Consultation candidacy: any YELLOW or RED, urgent care, isolation, obstetric warning, a
    chronic-degenerative condition or a pregnancy.
    """
    if age_months is not None and age_years is not None:
        raise ValueError("give age_months or age_years, not both")
    months = age_years * 12 if age_years is not None else age_months
    band = age_band(months)
    resp = screen_respiratory(screening.symptoms, screening.spo2)
    fired: list[Finding] = []
    for r in rules:
        observed = _observed(r.measure, screening, resp)
        if r.applies_to(band, pregnant=screening.pregnant) and r.matches(observed):
            # for "sign present" rows, the finding shows the sign rather than the whole set
            shown = r.value if r.op is Op.PRESENT and r.value is not None else observed
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
        pregnant=screening.pregnant, chronic_conditions=screening.chronic_conditions)


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
