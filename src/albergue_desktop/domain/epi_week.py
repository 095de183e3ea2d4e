"""Epidemiological weeks and the age groups of Mexico's weekly case notification.

Format followed: SINAVE/DGE, "Informe semanal de casos nuevos de enfermedades" (form
SUIVE-1), the weekly count of new cases by disease, age group and sex that a health unit
sends to its jurisdiction; the shelter's health team reports its respiratory and diarrhoeal
cases the same way. Age groups are the form's: under 1, 1-4, 5-9, 10-14, 15-19, 20-24,
25-44, 45-49, 50-59, 60-64, 65 and over, and unknown ("Ign."). Epidemiological weeks run
Sunday to Saturday; week 1 is the week that contains at least four days of the new year
(the calendar the DGE's "Boletín Epidemiológico" uses). See docs/pharmacy-and-vaccination.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

AGE_GROUPS: tuple[tuple[str, int, int | None], ...] = (
    # label, from years, to years (inclusive; None: no upper bound)
    ("<1", 0, 0), ("1-4", 1, 4), ("5-9", 5, 9), ("10-14", 10, 14), ("15-19", 15, 19),
    ("20-24", 20, 24), ("25-44", 25, 44), ("45-49", 45, 49), ("50-59", 50, 59),
    ("60-64", 60, 64), ("65+", 65, None),
)
UNKNOWN_AGE = "Ign."
GROUP_LABELS: tuple[str, ...] = (*(g[0] for g in AGE_GROUPS), UNKNOWN_AGE)


def age_years(birth: date | None, on: date) -> int | None:
    if birth is None or birth > on:
        return None
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def age_group(birth: date | None, on: date) -> str:
    """The form's age group of a person born ``birth`` on the day ``on``."""
    years = age_years(birth, on)
    if years is None:
        return UNKNOWN_AGE
    for label, low, high in AGE_GROUPS:
        if years >= low and (high is None or years <= high):
            return label
    return UNKNOWN_AGE


@dataclass(frozen=True, order=True)
class EpiWeek:
    year: int
    week: int

    @property
    def start(self) -> date:
        """The Sunday the week begins."""
        return _week1_start(self.year) + timedelta(weeks=self.week - 1)

    @property
    def end(self) -> date:
        """The Saturday the week ends (included)."""
        return self.start + timedelta(days=6)

    def __str__(self) -> str:
        return f"{self.year}-SE{self.week:02d}"


def _week1_start(year: int) -> date:
    jan1 = date(year, 1, 1)
    sunday = jan1 - timedelta(days=(jan1.weekday() + 1) % 7)  # the Sunday on or before
    # week 1 holds at least four days of January: its Wednesday is in the new year
    return sunday if (sunday + timedelta(days=3)).year == year else sunday + timedelta(weeks=1)


def epi_week(day: date) -> EpiWeek:
    """The epidemiological week of ``day``."""
    for year in (day.year + 1, day.year, day.year - 1):
        start = _week1_start(year)
        if day >= start:
            return EpiWeek(year, (day - start).days // 7 + 1)
    raise ValueError(day)  # unreachable: one of the three years always starts before
