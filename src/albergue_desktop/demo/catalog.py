"""Fixed inputs of the demo generator: the timeline of the Mexicali 2021-2022 program, the
12 community centers, and the name lists in ``resources/demo/names.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..domain.enums import CenterProfile as P

DEFAULT_PERSONS = 2767
DEFAULT_CENTERS = 12
FIRST_ARRIVAL = date(2021, 12, 9)
LAST_DAY = date(2022, 3, 31)
REFERENCE_DATE = date(2022, 1, 1)  # ages are drawn as of this day
MEXICALI_UTC_OFFSET_H = 8  # check-in hours are drawn in local time and stored in UTC

# The profile of each of the 12 centers, by code; more centers repeat the cycle.
CENTER_PROFILES: tuple[str, ...] = (
    P.FAMILIES, P.FAMILIES, P.SINGLE_MEN, P.FAMILIES, P.WOMEN_WITH_CHILDREN, P.MATERNITY,
    P.SINGLE_MEN, P.FAMILIES, P.RESPIRATORY_ISOLATION, P.CHRONIC_CARE, P.FAMILIES,
    P.WOMEN_WITH_CHILDREN,
)
MEDICAL_PROFILES = frozenset({P.MATERNITY, P.RESPIRATORY_ISOLATION, P.CHRONIC_CARE})

# Area names by segment (Spanish: these are the names staff see on the screen).
AREA_NAMES = {
    P.FAMILIES: "Dormitorio familiar",
    P.SINGLE_MEN: "Dormitorio hombres",
    P.WOMEN_WITH_CHILDREN: "Dormitorio mujeres e hijos",
    P.MATERNITY: "Maternidad",
    P.RESPIRATORY_ISOLATION: "Aislamiento respiratorio",
    P.CHRONIC_CARE: "Cuidados crónicos",
}
AREA_MAX_OCCUPANTS = 60


@dataclass(frozen=True)
class CenterSpec:
    code: str
    name: str
    profile: str
    address: str
    has_medical_care: bool


def center_spec(number: int) -> CenterSpec:
    """Center number ``n`` (1-based): 'Centro Comunitario n', code zero-padded to 2."""
    profile = CENTER_PROFILES[(number - 1) % len(CENTER_PROFILES)]
    addresses = names()["center_addresses"]
    return CenterSpec(code=f"{number:02d}", name=f"Centro Comunitario {number}",
                      profile=str(profile),
                      address=f"{addresses[(number - 1) % len(addresses)]}, Mexicali, B.C.",
                      has_medical_care=profile in MEDICAL_PROFILES or number == 1)


def _resource_file(name: str) -> Path:
    here = Path(__file__).resolve()
    candidates = [
        here.parents[1] / "resources" / "demo" / name,  # installed wheel layout
        here.parents[3] / "resources" / "demo" / name,  # source checkout
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(f"demo resource {name} not found (looked in {candidates})")


@cache
def names() -> dict:
    return json.loads(_resource_file("names.json").read_text("utf-8"))
