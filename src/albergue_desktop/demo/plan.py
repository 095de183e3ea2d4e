"""The skeleton of the demo population: households (composition, ages, sexes, specific
needs that decide where they sleep), arrival dates, and the legs of their stays (centers,
transfers, discharges). Pure Python on one seeded ``random.Random``; no I/O."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone

from ..domain.enums import CenterProfile as P
from ..domain.enums import CheckoutReason as R
from ..domain.enums import Relationship as Rel
from .catalog import FIRST_ARRIVAL, LAST_DAY, MEXICALI_UTC_OFFSET_H, CenterSpec

# "Now" of the scenario: stays still open at this instant are people present.
END = datetime.combine(LAST_DAY, time(23, 59), timezone.utc) + timedelta(
    hours=MEXICALI_UTC_OFFSET_H)

SIZE_WEIGHTS = {1: 30, 2: 18, 3: 17, 4: 15, 5: 10, 6: 6, 7: 4}  # mean ~2.9 people
KINDS = {
    1: {"single_man": 60, "single_woman": 28, "older_single": 8, "unaccompanied": 4},
    2: {"couple": 50, "single_parent": 40, "siblings": 10},
    3: {"family": 72, "single_parent": 18, "extended": 10},
}
ORIGINS = {"HT": 90, "HN": 4.5, "GT": 3, "SV": 2.5}
HAITIAN_ROUTES = {"CL": 70, "BR": 20, "HT": 10}  # where the family lived before the journey
DISCHARGE_REASONS = {R.HOUSING: 55, R.OTHER_CITY: 20, R.VOLUNTARY: 15, R.RETURN: 3, R.OTHER: 7}
OTHER_CITIES = ("Tijuana, B.C.", "Monterrey, N.L.", "Ciudad de México", "Ciudad Acuña, Coah.",
                "Reynosa, Tamps.", "Guadalajara, Jal.", "San Luis Río Colorado, Son.")
COLONIAS = ("Col. Pueblo Nuevo", "Col. Pro-Hogar", "Col. Industrial", "Col. Esperanza",
            "Col. Orizaba", "Col. Independencia", "Col. Cuauhtémoc", "Col. Santa Isabel")
COUNTRY_NAMES = {"HT": "Haití", "HN": "Honduras", "GT": "Guatemala", "SV": "El Salvador"}
HOSPITAL = "Hospital General de Mexicali"


def pick(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(slots=True)
class StayPlan:
    center: int
    area: int
    bed: int
    check_in: datetime
    check_out: datetime | None
    reason: str | None
    destination: str | None


@dataclass(slots=True)
class MemberPlan:
    sex: str
    birth_date: date
    relationship: str
    needs: set[str] = field(default_factory=set)
    exit: tuple[datetime, str, str] | None = None  # leaves alone (hospital)
    stays: list[StayPlan] = field(default_factory=list)

    def age_on(self, day: date) -> int:
        b = self.birth_date
        return day.year - b.year - ((day.month, day.day) < (b.month, b.day))


@dataclass(slots=True)
class Leg:
    center: int
    segment: str
    start: datetime
    end: datetime | None = None
    reason: str | None = None
    destination: str | None = None


@dataclass(slots=True)
class HouseholdPlan:
    index: int
    origin: str
    route: str
    kind: str
    arrival: date
    members: list[MemberPlan]
    segment: str = P.FAMILIES
    isolation: bool = False
    legs: list[Leg] = field(default_factory=list)

    @property
    def center(self) -> int:
        """The registering center (folio prefix)."""
        return self.legs[0].center


# --- composition ----------------------------------------------------------------------------

def _adult_age(rng: random.Random) -> int:
    return 18 + int(rng.betavariate(2.2, 4.5) * 52)


def _birth(rng: random.Random, age: int, arrival: date) -> date:
    return arrival - timedelta(days=int(age * 365.25) + rng.randrange(7, 362))


def _arrival(rng: random.Random) -> date:
    month = pick(rng, {12: 55, 1: 25, 2: 12, 3: 8})
    if month == 12:
        return date(2021, 12, int(rng.triangular(FIRST_ARRIVAL.day, 31.99, 15)))
    last = {1: 31, 2: 28, 3: LAST_DAY.day}[month]
    return date(2022, month, rng.randint(1, last))


def _members(rng: random.Random, kind: str, size: int, arrival: date) -> list[MemberPlan]:
    def person(sex: str, age: int, rel: str) -> MemberPlan:
        return MemberPlan(sex, _birth(rng, age, arrival), rel)

    other = {"M": "F", "F": "M"}
    if kind in ("single_man", "single_woman"):
        return [person("M" if kind == "single_man" else "F", _adult_age(rng), Rel.HEAD)]
    if kind == "older_single":
        m = person(rng.choice("MF"), rng.randint(60, 80), Rel.HEAD)
        m.needs.add("ER-NF")
        return [m]
    if kind == "unaccompanied":
        m = person("M" if rng.random() < 0.8 else "F", rng.randint(14, 17), Rel.HEAD)
        m.needs.add("SC-UC")
        return [m]
    if kind == "siblings":
        sex, age = rng.choice("MF"), rng.randint(19, 38)
        younger = max(15, age - rng.randint(1, 8))
        sib = person(sex if rng.random() < 0.7 else other[sex], younger, Rel.OTHER_RELATIVE)
        if younger < 18:
            sib.needs.add("SC-SC")
        return [person(sex, age, Rel.HEAD), sib]
    head_sex = "M" if kind != "single_parent" else ("F" if rng.random() < 0.85 else "M")
    head_age = _adult_age(rng)
    if kind in ("family", "single_parent"):  # parents of children under 18
        head_age = min(head_age, 52)
    out = [person(head_sex, head_age, Rel.HEAD)]
    mother_age = head_age
    if kind in ("couple", "family", "extended"):
        spouse_age = max(18, head_age + int(rng.gauss(-2 if head_sex == "M" else 2, 4)))
        out.append(person(other[head_sex], spouse_age, Rel.SPOUSE))
        mother_age = spouse_age if head_sex == "M" else head_age
    if kind == "extended":
        if rng.random() < 0.6:
            out.append(person("F" if rng.random() < 0.65 else "M",
                              min(85, mother_age + rng.randint(20, 30)), Rel.OTHER_RELATIVE))
        else:
            out.append(person(rng.choice("MF"), rng.randint(18, 35), Rel.OTHER_RELATIVE))
    if kind == "single_parent":
        out[0].needs.add("SP-PT")
    # a mother was 16 to 44 when each child was born
    oldest, youngest = max(0, min(17, mother_age - 16)), max(0, mother_age - 44)
    while len(out) < size:
        age = int(rng.betavariate(1.2, 2.6) * 18)
        out.append(person(rng.choice("MF"), max(youngest, min(oldest, age)), Rel.CHILD))
    return out


def _clinical_needs(rng: random.Random, hh: HouseholdPlan) -> None:
    infant = any(m.age_on(hh.arrival) < 1 for m in hh.members)
    for m in hh.members:
        age = m.age_on(hh.arrival)
        if m.sex == "F" and infant and m.relationship in (Rel.HEAD, Rel.SPOUSE) \
                and rng.random() < 0.75:
            m.needs.add("WR-LC")
        if m.sex == "F" and 18 <= age <= 40 and rng.random() < 0.01:
            m.needs.add("SM-DP")
        if age >= 18 and rng.random() < (0.45 if age >= 60 and len(hh.members) == 1
                                         else 0.18 if age >= 50 else 0.03):
            m.needs.add("SM-CI")


def _segment(rng: random.Random, hh: HouseholdPlan) -> str:
    needs = set().union(*(m.needs for m in hh.members))
    head = hh.members[0]
    if needs & {"WR-LC", "SM-DP"} and rng.random() < 0.7:
        return P.MATERNITY
    if "SM-CI" in needs and rng.random() < 0.5:
        return P.CHRONIC_CARE
    sexes = {m.sex for m in hh.members}
    if hh.kind == "single_man" or (hh.kind == "siblings" and sexes == {"M"}):
        return P.SINGLE_MEN
    if hh.kind == "unaccompanied":  # minors: the DIF protection route, away from single men
        return P.WOMEN_WITH_CHILDREN if head.sex == "F" else P.FAMILIES
    if hh.kind == "single_woman" or (hh.kind == "siblings" and sexes == {"F"}) or (
            hh.kind == "single_parent" and head.sex == "F"):
        return P.WOMEN_WITH_CHILDREN
    return P.FAMILIES


def plan_households(rng: random.Random, persons: int) -> list[HouseholdPlan]:
    """Households totalling exactly ``persons`` people, sorted by arrival."""
    households: list[HouseholdPlan] = []
    remaining = persons
    while remaining > 0:
        size = min(remaining, pick(rng, SIZE_WEIGHTS))
        kind = pick(rng, KINDS[min(size, 3)])
        origin = pick(rng, ORIGINS)
        route = pick(rng, HAITIAN_ROUTES) if origin == "HT" else origin
        arrival = _arrival(rng)
        hh = HouseholdPlan(0, origin, route, kind, arrival, _members(rng, kind, size, arrival))
        _clinical_needs(rng, hh)
        hh.segment = _segment(rng, hh)
        hh.isolation = rng.random() < 0.025
        households.append(hh)
        remaining -= size
    households.sort(key=lambda h: h.arrival)  # stable: same seed, same order
    for i, hh in enumerate(households):
        hh.index = i
    return households


# --- where they stay ------------------------------------------------------------------------

class _Chooser:
    """Balances households over the centers of the profile they need."""

    def __init__(self, specs: list[CenterSpec]) -> None:
        self.specs = specs
        self.load = [0] * len(specs)

    def candidates(self, segment: str) -> list[int]:
        for wanted in (segment, P.FAMILIES):
            found = [i for i, s in enumerate(self.specs) if s.profile == wanted]
            if found:
                return found
        return list(range(len(self.specs)))

    def choose(self, segment: str, people: int, exclude: int | None = None) -> int:
        options = [i for i in self.candidates(segment) if i != exclude] or \
            [i for i in range(len(self.specs)) if i != exclude] or [0]
        best = min(options, key=lambda i: (self.load[i], i))
        self.load[best] += people
        return best


def plan_stays(rng: random.Random, households: list[HouseholdPlan],
               specs: list[CenterSpec]) -> None:
    """Fill ``hh.legs`` (centers over time) and individual early exits."""
    chooser = _Chooser(specs)
    isolation_centers = chooser.candidates(P.RESPIRATORY_ISOLATION)
    has_isolation = any(specs[i].profile == P.RESPIRATORY_ISOLATION for i in isolation_centers)
    for hh in households:
        n = len(hh.members)
        local = datetime.combine(hh.arrival, time(rng.randint(8, 21), rng.randrange(60)))
        start = local.replace(tzinfo=timezone.utc) + timedelta(hours=MEXICALI_UTC_OFFSET_H)
        if hh.isolation and has_isolation:
            iso = chooser.choose(P.RESPIRATORY_ISOLATION, n)
            hh.legs.append(Leg(iso, P.RESPIRATORY_ISOLATION, start))
            moved = start + timedelta(days=rng.randint(10, 14), hours=rng.randint(0, 6))
            if moved < END:
                _transfer(hh, chooser.choose(hh.segment, n, exclude=iso), moved, specs)
        else:
            hh.legs.append(Leg(chooser.choose(hh.segment, n), hh.segment, start))
        last = hh.legs[-1]
        if len(hh.legs) == 1 and len(specs) > 1 and rng.random() < 0.015:
            when = last.start + timedelta(days=rng.randint(3, 30), hours=rng.randint(0, 8))
            if when < END:
                _transfer(hh, chooser.choose(hh.segment, n, exclude=last.center), when, specs)
                last = hh.legs[-1]
        if rng.random() < 0.22:
            when = last.start + timedelta(days=rng.randint(5, 60), hours=rng.randint(0, 8))
            if when < END:
                last.end, last.reason = when, str(pick(rng, DISCHARGE_REASONS))
                last.destination = _destination(rng, hh, last.reason)
        for m in hh.members:
            if m.relationship != Rel.CHILD and rng.random() < 0.006:
                when = hh.legs[0].start + timedelta(days=rng.randint(1, 40))
                if when < END and (last.end is None or when < last.end):
                    m.exit = (when, str(R.HOSPITAL), HOSPITAL)


def _transfer(hh: HouseholdPlan, target: int, when: datetime, specs: list[CenterSpec]) -> None:
    last = hh.legs[-1]
    last.end, last.reason, last.destination = when, str(R.TRANSFER), specs[target].name
    hh.legs.append(Leg(target, hh.segment, when))


def _destination(rng: random.Random, hh: HouseholdPlan, reason: str) -> str | None:
    if reason == R.HOUSING:
        return f"Vivienda rentada, {rng.choice(COLONIAS)}, Mexicali"
    if reason == R.OTHER_CITY:
        return rng.choice(OTHER_CITIES)
    if reason == R.RETURN:
        return COUNTRY_NAMES[hh.origin]
    return None
