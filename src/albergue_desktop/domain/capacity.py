"""Capacity of dormitories and centers (Sphere Handbook 2018), and WASH ratios as information.

Sphere figures are configurable defaults, never hard blocks: a dormitory holds as many people
as it has beds in service, and the Sphere figure (floor area / m2 per person) is shown next to
it with a warning when occupancy passes either. "Passes" means strictly more: 20 people in a
room with a Sphere capacity of 20 is full, not over.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .clinical_enums import Source
from .i18n import translate

M2_PER_PERSON_DEFAULT = 3.5          # covered living space, Sphere shelter standard 3
M2_PER_PERSON_COLD = (4.5, 5.5)      # cold climates, or where people cook and wash indoors
TOILET_PEOPLE_INITIAL = 50           # 1 toilet per 50 people at first
TOILET_PEOPLE_MEDIUM_TERM = 20       # 1 per 20 in the medium term
TOILET_FEMALE_TO_MALE = (3, 1)       # 3 female : 1 male
SHOWER_PEOPLE = 50                   # 1 shower per 50 people
WATER_LITRES_PER_PERSON_DAY = 15
FOOD_KCAL_PER_PERSON_DAY = 2100
SOURCE = Source.SPHERE_2018

OVER_BEDS = "Occupancy {occupancy} is above the {beds} beds in service."
OVER_SPHERE = ("Occupancy {occupancy} is above the Sphere capacity of {capacity} people "
               "({m2_per_person} m² per person).")
NO_AREA = "Floor area not recorded: Sphere capacity unknown."

# --- m² per person presets offered when configuring a center (named sources, never blocks) --
SPHERE_MINIMUM_M2 = M2_PER_PERSON_DEFAULT
SPHERE_MINIMUM_SOURCE = ("The Sphere Handbook 2018, Shelter and settlement standard 3 (covered "
                         "living space), key indicator: at least 3.5 m² of living space per "
                         "person.")
# Mexicali in December: nights near 0 °C, people spend the day indoors (demo data).
SPHERE_COLD_CLIMATE_M2 = M2_PER_PERSON_COLD[0]
SPHERE_COLD_CLIMATE_SOURCE = ("The Sphere Handbook 2018, Shelter and settlement standard 3 "
                              "(covered living space), key indicator and guidance note 1: "
                              "4.5-5.5 m² per person in cold climates, where household "
                              "activities take place indoors.")


@dataclass(frozen=True)
class M2Preset:
    """A named value of m² per person. ``label`` and ``source`` are English msgids
    (Spanish in :mod:`.i18n`); :meth:`text` and :meth:`source_text` translate them."""

    key: str
    m2_per_person: float
    label: str
    source: str

    def text(self) -> str:
        return translate(self.label, m2=f"{self.m2_per_person:g}")

    def source_text(self) -> str:
        return translate(self.source)


SPHERE_MINIMUM = M2Preset("sphere_minimum", SPHERE_MINIMUM_M2,
                          "Sphere minimum ({m2} m² per person)", SPHERE_MINIMUM_SOURCE)
SPHERE_COLD_CLIMATE = M2Preset("sphere_cold_climate", SPHERE_COLD_CLIMATE_M2,
                               "Sphere, cold climate ({m2} m² per person)",
                               SPHERE_COLD_CLIMATE_SOURCE)
M2_PRESETS: tuple[M2Preset, ...] = (SPHERE_MINIMUM, SPHERE_COLD_CLIMATE)


def preset_for(m2_per_person: float | None) -> M2Preset | None:
    """The preset with this value (``None``: not a preset, a value set by hand)."""
    value = M2_PER_PERSON_DEFAULT if m2_per_person is None else m2_per_person
    return next((p for p in M2_PRESETS if math.isclose(p.m2_per_person, value)), None)


@dataclass(frozen=True)
class CapacityWarning:
    """A capacity message: English ``msgid`` with its parameters."""

    msgid: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self) -> str:
        return translate(self.msgid, **dict(self.params))


def sphere_capacity(area_m2: float | None,
                    m2_per_person: float = M2_PER_PERSON_DEFAULT) -> int | None:
    """People a floor area holds at ``m2_per_person`` (rounded down); ``None`` if the area is
    unknown. Decimal arithmetic, so 70 m2 / 3.5 is exactly 20 and not 19."""
    if m2_per_person <= 0:
        raise ValueError("m2_per_person must be positive")
    if area_m2 is None:
        return None
    if area_m2 < 0:
        raise ValueError("area_m2 must not be negative")
    return int(Decimal(str(area_m2)) // Decimal(str(m2_per_person)))


@dataclass(frozen=True)
class CapacityStatus:
    """Capacity of one area (or a center: the sum of its areas)."""

    beds_in_service: int
    sphere_capacity: int | None
    occupancy: int
    m2_per_person: float = M2_PER_PERSON_DEFAULT

    @property
    def effective_capacity(self) -> int:
        """The smaller of beds and Sphere capacity (beds alone if the area is unknown)."""
        if self.sphere_capacity is None:
            return self.beds_in_service
        return min(self.beds_in_service, self.sphere_capacity)

    @property
    def over_beds(self) -> bool:
        return self.occupancy > self.beds_in_service

    @property
    def over_sphere(self) -> bool:
        return self.sphere_capacity is not None and self.occupancy > self.sphere_capacity

    @property
    def is_full(self) -> bool:
        return self.occupancy >= self.effective_capacity

    @property
    def free_beds(self) -> int:
        return max(self.beds_in_service - self.occupancy, 0)

    @property
    def sphere_free(self) -> int | None:
        """People that still fit by Sphere space (``None`` when the area is unknown)."""
        if self.sphere_capacity is None:
            return None
        return max(self.sphere_capacity - self.occupancy, 0)

    @property
    def warnings(self) -> tuple[CapacityWarning, ...]:
        out: list[CapacityWarning] = []
        if self.over_beds:
            out.append(CapacityWarning(OVER_BEDS, (("occupancy", self.occupancy),
                                                   ("beds", self.beds_in_service))))
        if self.over_sphere:
            out.append(CapacityWarning(OVER_SPHERE, (
                ("occupancy", self.occupancy), ("capacity", self.sphere_capacity),
                ("m2_per_person", self.m2_per_person))))
        if self.sphere_capacity is None:
            out.append(CapacityWarning(NO_AREA))
        return tuple(out)


def area_capacity(*, area_m2: float | None, beds_in_service: int, occupancy: int,
                  m2_per_person: float = M2_PER_PERSON_DEFAULT) -> CapacityStatus:
    """Capacity of one dormitory. ``beds_in_service`` excludes blocked beds."""
    if beds_in_service < 0 or occupancy < 0:
        raise ValueError("beds and occupancy must not be negative")
    return CapacityStatus(beds_in_service, sphere_capacity(area_m2, m2_per_person), occupancy,
                          m2_per_person)


def center_capacity(areas: Iterable[CapacityStatus]) -> CapacityStatus:
    """Sum of the areas of a center. Its Sphere capacity is unknown if any area's is, so a
    missing floor area is never silently counted as zero."""
    areas = list(areas)
    spheres = [a.sphere_capacity for a in areas]
    m2 = {a.m2_per_person for a in areas}
    return CapacityStatus(
        beds_in_service=sum(a.beds_in_service for a in areas),
        sphere_capacity=None if None in spheres else sum(spheres),  # type: ignore[arg-type]
        occupancy=sum(a.occupancy for a in areas),
        m2_per_person=m2.pop() if len(m2) == 1 else M2_PER_PERSON_DEFAULT)


class WashPhase(StrEnum):
    INITIAL = "initial"
    MEDIUM_TERM = "medium_term"


def toilets_needed(people: int, phase: WashPhase = WashPhase.INITIAL) -> int:
    """Toilets for ``people`` (1:50 at first, 1:20 medium term), rounded up."""
    per = TOILET_PEOPLE_INITIAL if phase is WashPhase.INITIAL else TOILET_PEOPLE_MEDIUM_TERM
    return math.ceil(max(people, 0) / per)


def toilet_split(toilets: int) -> tuple[int, int]:
    """(female, male) toilets at 3:1, female rounded up: 1 -> (1, 0), 4 -> (3, 1), 5 -> (4, 1)."""
    female_share, male_share = TOILET_FEMALE_TO_MALE
    female = math.ceil(toilets * female_share / (female_share + male_share))
    return female, toilets - female


def showers_needed(people: int) -> int:
    return math.ceil(max(people, 0) / SHOWER_PEOPLE)


def water_litres_per_day(people: int) -> int:
    return max(people, 0) * WATER_LITRES_PER_PERSON_DAY


def food_kcal_per_day(people: int) -> int:
    return max(people, 0) * FOOD_KCAL_PER_PERSON_DAY
