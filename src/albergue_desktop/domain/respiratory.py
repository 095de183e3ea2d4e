"""Mexico's 2020 respiratory screen (Secretaría de Salud, DGCES 2020), as data plus one function.

Case definition: in the last 7 days, at least two MAJOR symptoms (cough, fever, headache) plus
at least one MINOR symptom (shortness of breath, joint pain, muscle pain, sore throat, runny
nose, conjunctivitis, chest pain). Shortness of breath and chest pain are warning signs
("datos de gravedad"): a positive screen with either of them, or with SpO2 below 90 %, is
URGENT. A positive (or urgent) screen sends the person to a respiratory-isolation area.

The same warning signs also fire their own rows of :data:`.clinical_rules.RULES` (urgent care)
whether or not the case definition is met; this module only decides the screen result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from .clinical_enums import RespiratoryScreen, Source, Symptom


@dataclass(frozen=True)
class RespiratoryCaseDefinition:
    """The screen's parameters, for review next to :data:`.clinical_rules.RULES`."""

    window_days: int
    major: frozenset[Symptom]
    min_major: int
    minor: frozenset[Symptom]
    min_minor: int
    warning_signs: frozenset[Symptom]
    urgent_spo2_below: int
    source: Source


DGCES_2020 = RespiratoryCaseDefinition(
    window_days=7,
    major=frozenset({Symptom.COUGH, Symptom.FEVER, Symptom.HEADACHE}),
    min_major=2,
    minor=frozenset({Symptom.DYSPNEA, Symptom.JOINT_PAIN, Symptom.MUSCLE_PAIN,
                     Symptom.SORE_THROAT, Symptom.RUNNY_NOSE, Symptom.CONJUNCTIVITIS,
                     Symptom.CHEST_PAIN}),
    min_minor=1,
    warning_signs=frozenset({Symptom.DYSPNEA, Symptom.CHEST_PAIN}),
    urgent_spo2_below=90,
    source=Source.DGCES_2020,
)


@dataclass(frozen=True)
class RespiratoryResult:
    screen: RespiratoryScreen
    major: frozenset[Symptom]
    minor: frozenset[Symptom]
    warning_signs: frozenset[Symptom]
    low_spo2: bool

    @property
    def needs_isolation(self) -> bool:
        return self.screen is not RespiratoryScreen.NEGATIVE


def screen_respiratory(symptoms: frozenset[Symptom] | set[Symptom], spo2: float | None = None,
                       *, definition: RespiratoryCaseDefinition = DGCES_2020
                       ) -> RespiratoryResult:
    """Apply the case definition to symptoms with onset within the window.

    ``symptoms`` must already be limited to the window (see :func:`symptoms_in_window`).
    A missing SpO2 is simply not used. Adding a symptom or lowering SpO2 never turns a
    positive screen negative, nor an urgent one back to positive.
    """
    present = frozenset(symptoms)
    major = present & definition.major
    minor = present & definition.minor
    warnings = present & definition.warning_signs
    low_spo2 = spo2 is not None and spo2 < definition.urgent_spo2_below
    if len(major) >= definition.min_major and len(minor) >= definition.min_minor:
        urgent = bool(warnings) or low_spo2
        screen = RespiratoryScreen.URGENT if urgent else RespiratoryScreen.POSITIVE
    else:
        screen = RespiratoryScreen.NEGATIVE
    return RespiratoryResult(screen, major, minor, warnings, low_spo2)


def symptoms_in_window(onsets: Mapping[Symptom, date], *, today: date,
                       definition: RespiratoryCaseDefinition = DGCES_2020) -> frozenset[Symptom]:
    """Symptoms whose onset falls in the last ``window_days`` days, today included.

    With a 7-day window, onset 7 days ago counts (today - 7 <= onset) and 8 days ago does
    not. An onset in the future (a typing error) is not counted.
    """
    return frozenset(s for s, onset in onsets.items()
                     if 0 <= (today - onset).days <= definition.window_days)
