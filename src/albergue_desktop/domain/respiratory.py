"""Mexico's respiratory case definition in force in December 2021, as data plus one function.

Source (:attr:`.clinical_enums.Source.DGE_2021`): Secretaría de Salud, Dirección General de
Epidemiología, "Lineamiento estandarizado para la vigilancia epidemiológica y por laboratorio
de la enfermedad respiratoria viral" (the update in force through 2021). Suspected case: a
person of any age who in the last 10 days has had at least ONE major sign or symptom (cough,
fever, dyspnea -a severity sign- or headache; under 5 years irritability may replace the
headache) together with at least ONE minor one (myalgia, arthralgia, sore throat, chills,
chest pain, runny nose, fast breathing, loss of smell, loss of taste, conjunctivitis).
Dyspnea, chest pain or SpO2 below 90 % mean urgent care. A measured temperature of 38.0 °C
or more is fever even if the person did not report it.

The March 2020 definition (7 days, two of cough/fever/headache) was replaced by this one and
is not kept: nothing here applies it.

Beyond the definition (shelter safety rule, :data:`.clinical_rules.RULES`): measured fever
with any respiratory symptom always recommends a medical consultation, and a major symptom
without the rest of the definition is ``INCOMPLETE``, never "negative": the result says which
part is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .clinical_enums import RespiratoryScreen, Source, Symptom


@dataclass(frozen=True)
class RespiratoryCaseDefinition:
    """The definition's parameters, for review next to :data:`.clinical_rules.RULES`."""

    window_days: int
    major: frozenset[Symptom]
    min_major: int
    minor: frozenset[Symptom]
    min_minor: int
    under_5_only: frozenset[Symptom]  # major only under 5 years (irritability)
    warning_signs: frozenset[Symptom]
    urgent_spo2_below: int
    fever_from_c: float
    source: Source


DGE_2021 = RespiratoryCaseDefinition(
    window_days=10,
    major=frozenset({Symptom.COUGH, Symptom.FEVER, Symptom.DYSPNEA, Symptom.HEADACHE,
                     Symptom.IRRITABILITY}),
    min_major=1,
    minor=frozenset({Symptom.MUSCLE_PAIN, Symptom.JOINT_PAIN, Symptom.SORE_THROAT,
                     Symptom.CHILLS, Symptom.CHEST_PAIN, Symptom.RUNNY_NOSE,
                     Symptom.FAST_BREATHING, Symptom.LOSS_OF_SMELL, Symptom.LOSS_OF_TASTE,
                     Symptom.CONJUNCTIVITIS}),
    min_minor=1,
    under_5_only=frozenset({Symptom.IRRITABILITY}),
    warning_signs=frozenset({Symptom.DYSPNEA, Symptom.CHEST_PAIN}),
    urgent_spo2_below=90,
    fever_from_c=38.0,
    source=Source.DGE_2021,
)
CASE_DEFINITION = DGE_2021  # the definition in force

RESPIRATORY_SYMPTOMS = frozenset(Symptom)  # every symptom of the screen is respiratory-related

# What is missing, as English msgids (translated by the caller with :func:`.i18n.translate`).
MISSING_MINOR = "missing: at least one minor symptom"
MISSING_MAJOR = "missing: at least one major symptom"


@dataclass(frozen=True)
class RespiratoryResult:
    screen: RespiratoryScreen
    major: frozenset[Symptom]
    minor: frozenset[Symptom]
    warning_signs: frozenset[Symptom]
    low_spo2: bool
    measured_fever: bool = False
    missing: str | None = None  # which part of the definition is missing (msgid)
    # every symptom reported in the window (irritability at 5 years or more too, which the
    # definition does not count but which is still a symptom of the screen)
    reported: frozenset[Symptom] = frozenset()

    @property
    def needs_isolation(self) -> bool:
        return self.screen in (RespiratoryScreen.POSITIVE, RespiratoryScreen.URGENT)

    @property
    def fever_with_symptom(self) -> bool:
        """Measured fever and any other respiratory symptom: medical consultation."""
        return self.measured_fever and bool(
            (self.major | self.minor | self.reported) - {Symptom.FEVER})


def screen_respiratory(symptoms: frozenset[Symptom] | set[Symptom], spo2: float | None = None,
                       temperature_c: float | None = None, *, under_5: bool | None = None,
                       definition: RespiratoryCaseDefinition = CASE_DEFINITION
                       ) -> RespiratoryResult:
    """Apply the case definition to symptoms with onset within the window.

    ``symptoms`` must already be limited to the window (see :func:`symptoms_in_window`). A
    measured temperature at or above ``fever_from_c`` adds fever. ``under_5``: whether the
    person is under 5 years; irritability counts as a major symptom under 5 and, when the age
    is unknown (``None``), too (more care). A missing SpO2 is simply not used. Adding a
    symptom, raising the temperature or lowering SpO2 never makes the result less severe.
    """
    present = set(symptoms)
    measured_fever = temperature_c is not None and temperature_c >= definition.fever_from_c
    if measured_fever:
        present.add(Symptom.FEVER)
    major = frozenset(present) & definition.major
    if under_5 is False:
        major -= definition.under_5_only
    minor = frozenset(present) & definition.minor
    warnings = frozenset(present) & definition.warning_signs
    low_spo2 = spo2 is not None and spo2 < definition.urgent_spo2_below
    missing = None
    if len(major) >= definition.min_major and len(minor) >= definition.min_minor:
        urgent = bool(warnings) or low_spo2
        screen = RespiratoryScreen.URGENT if urgent else RespiratoryScreen.POSITIVE
    elif major:
        screen, missing = RespiratoryScreen.INCOMPLETE, MISSING_MINOR
    else:
        screen = RespiratoryScreen.NEGATIVE
        missing = MISSING_MAJOR if minor else None
    return RespiratoryResult(screen, major, minor, warnings, low_spo2, measured_fever, missing,
                             frozenset(symptoms))


def symptoms_in_window(onsets: Mapping[Symptom, date], *, today: date,
                       definition: RespiratoryCaseDefinition = CASE_DEFINITION
                       ) -> frozenset[Symptom]:
    """Symptoms whose onset falls in the last ``window_days`` days, today included.

    With the 10-day window, onset 10 days ago counts (today - 10 <= onset) and 11 days ago
    does not. An onset in the future (a typing error) is not counted.
    """
    return frozenset(s for s, onset in onsets.items()
                     if 0 <= (today - onset).days <= definition.window_days)
