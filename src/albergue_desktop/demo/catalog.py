"""Fixed inputs of the demo generator: the timeline of the Mexicali 2021-2022 program, the
12 community centers, and the name lists in ``resources/demo/names.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from ..domain.capacity import M2_PER_PERSON_COLD
from ..domain.enums import CenterProfile as P

DEFAULT_PERSONS = 2767
DEFAULT_CENTERS = 12
FIRST_ARRIVAL = date(2021, 12, 9)
LAST_DAY = date(2022, 3, 31)  # the program ended; the demo shows an earlier day (AS_OF)
# The demo file opens "as of" this day (meta key as_of, see domain/clock.py): every event of
# the demo happens on or before it, and the app's "today" is this day. Mid-January: "in a
# matter of days there were more than 3 thousand migrants" (DIF Mexicali, program sheet), so
# the 2,767 registrations of the program are all in by then.
AS_OF = date(2022, 1, 15)
MEXICALI_UTC_OFFSET_H = 8  # check-in hours are drawn in local time and stored in UTC
# Sphere Handbook 2018, shelter standard 3 (living space): 3.5 m2 of covered living space per
# person, 4.5-5.5 m2 in cold climates where cooking and bathing happen indoors. Mexicali in
# December-January has nights near freezing, so the demo centers use the cold figure.
SPHERE_COLD_M2_PER_PERSON = M2_PER_PERSON_COLD[0]  # 4.5, the lower end of the cold range

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
