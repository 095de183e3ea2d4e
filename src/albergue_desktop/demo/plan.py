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
from .catalog import AS_OF, FIRST_ARRIVAL, MEXICALI_UTC_OFFSET_H, CenterSpec


def local_to_utc(day: date, at: time) -> datetime:
    """A Mexicali wall-clock time as the aware UTC datetime it is stored as."""
    return datetime.combine(day, at, timezone.utc) + timedelta(hours=MEXICALI_UTC_OFFSET_H)


# "Now" of the scenario, the end of the demo's day: every event happens before it, and
# stays still open at this instant are people present.
END = local_to_utc(AS_OF, time(23, 59))
PREGNANCY_RATE = 0.06      # women 18-43 pregnant on arrival (about 1 birth a year per 14)
DIFFICULT_PREGNANCY = 0.15  # of those, SM-DP

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
    gestation_weeks: int | None = None  # pregnant on arrival, weeks then
    joins: datetime | None = None  # born in Mexicali: joins the household's area (UTC)
    mother: int | None = None  # index of the mother in the household (born in Mexicali)

    @property
    def born_in_mexicali(self) -> bool:
        return self.joins is not None

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
    departure: date  # left the country where they lived (the journey took weeks)
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
    """80 % arrived in December (most around mid-month), the rest by the demo's day."""
    if rng.random() < 0.8:
        return date(2021, 12, int(rng.triangular(FIRST_ARRIVAL.day, 31.99, 16)))
    return date(2022, 1, rng.randint(1, AS_OF.day))


def _departure(rng: random.Random, route: str, arrival: date) -> date:
    """When the household left the country it lived in: from Chile or Brazil the journey
    through South and Central America took weeks to months."""
    days = rng.randint(45, 150) if route in ("CL", "BR") else rng.randint(10, 60)
    return arrival - timedelta(days=days)


def _members(rng: random.Random, kind: str, size: int, arrival: date,
             departure: date) -> list[MemberPlan]:
    def person(sex: str, age: int, rel: str) -> MemberPlan:
        birth = _birth(rng, age, arrival)
        if birth > departure - timedelta(days=7):  # born before the journey, not on it
            birth = departure - timedelta(days=rng.randint(7, 40))
        return MemberPlan(sex, birth, rel)

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
    if kind in ("family", "single_parent", "extended"):  # parents of children under 18
        head_age = min(head_age, 52)
    out = [person(head_sex, head_age, Rel.HEAD)]
    ages = {head_sex: head_age}
    if kind in ("couple", "family", "extended"):
        spouse_age = max(18, head_age + int(rng.gauss(-2 if head_sex == "M" else 2, 4)))
        out.append(person(other[head_sex], spouse_age, Rel.SPOUSE))
        ages[other[head_sex]] = spouse_age
    mother_age = ages.get("F", head_age)
    if kind == "extended":
        if rng.random() < 0.6:
            out.append(person("F" if rng.random() < 0.65 else "M",
                              min(85, mother_age + rng.randint(20, 30)), Rel.OTHER_RELATIVE))
        else:
            out.append(person(rng.choice("MF"), rng.randint(18, 35), Rel.OTHER_RELATIVE))
    if kind == "single_parent":
        out[0].needs.add("SP-PT")
    # a mother was 16 to 44 when each child was born, a father at least 18 (whole years
    # one more, as birthdays fall anywhere in the year)
    oldest = min(17, mother_age - 17, ages.get("M", 99) - 19)
    oldest = max(0, oldest)
    youngest = min(oldest, max(0, mother_age - 44))
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
        if m.sex == "F" and 18 <= age <= 43 and not infant and m.relationship != Rel.CHILD \
                and hh.kind != "older_single" and rng.random() < PREGNANCY_RATE:
            m.gestation_weeks = rng.randint(6, 37)  # due at least 3 weeks after arrival
            if rng.random() < DIFFICULT_PREGNANCY:
                m.needs.add("SM-DP")
        if age >= 18 and rng.random() < (0.45 if age >= 60 and len(hh.members) == 1
                                         else 0.18 if age >= 50 else 0.03):
            m.needs.add("SM-CI")


def _births(rng: random.Random, hh: HouseholdPlan, room: int) -> int:
    """Babies of women pregnant on arrival who are due before the demo's day, born in
    Mexicali (Hospital General) and back with their mother two days later. At most
    ``room`` babies (the population size is fixed). Returns how many were added."""
    added = 0
    for i, m in enumerate(list(hh.members)):
        if m.gestation_weeks is None or added >= room:
            continue
        born = hh.arrival + timedelta(days=(40 - m.gestation_weeks) * 7 + rng.randint(-14, 7))
        if born <= hh.arrival or born > AS_OF - timedelta(days=2):
            continue
        rel = Rel.CHILD if m.relationship in (Rel.HEAD, Rel.SPOUSE) else Rel.OTHER_RELATIVE
        baby = MemberPlan(rng.choice("MF"), born, rel, mother=i,
                          joins=local_to_utc(born + timedelta(days=2),
                                             time(rng.randint(10, 17), rng.randrange(60))))
        hh.members.append(baby)
        m.needs.add("WR-LC")
        added += 1
    return added


def in_maternity_group(hh: HouseholdPlan, m: MemberPlan) -> bool:
    """Pregnant, an infant (under 1 year on the demo's day), or the mother of one."""
    if m.gestation_weeks is not None or m.born_in_mexicali or m.age_on(AS_OF) < 1:
        return True
    return m.sex == "F" and any(
        o.mother == hh.members.index(m) or (o.age_on(AS_OF) < 1 and "WR-LC" in m.needs)
        for o in hh.members if o is not m)


def _segment(rng: random.Random, hh: HouseholdPlan) -> str:
    needs = set().union(*(m.needs for m in hh.members))
    head = hh.members[0]
    # A maternity area lodges pregnant and postpartum women and infants only: a household
    # with adult men or older children stays in a family or women's area.
    if all(in_maternity_group(hh, m) for m in hh.members) and rng.random() < 0.8:
        return P.MATERNITY
    # chronic care lodges chronic patients (households whose every member has one)
    if all("SM-CI" in m.needs for m in hh.members) and rng.random() < 0.7:
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
        departure = _departure(rng, route, arrival)
        hh = HouseholdPlan(0, origin, route, kind, arrival, departure,
                           _members(rng, kind, size, arrival, departure))
        _clinical_needs(rng, hh)
        born = _births(rng, hh, remaining - size)
        hh.segment = _segment(rng, hh)
        # a household with a birth ahead is not a respiratory case household: the newborn
        # would join an isolation area without being a case
        hh.isolation = not born and rng.random() < 0.025
        households.append(hh)
        remaining -= size + born
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
    for hh in households:
        n = len(hh.members)
        local = datetime.combine(hh.arrival, time(rng.randint(8, 21), rng.randrange(60)))
        start = local.replace(tzinfo=timezone.utc) + timedelta(hours=MEXICALI_UTC_OFFSET_H)
        if hh.isolation:  # an isolation center, else an isolation room of another
            iso = chooser.choose(P.RESPIRATORY_ISOLATION, n)
            hh.legs.append(Leg(iso, P.RESPIRATORY_ISOLATION, start))
            moved = start + timedelta(days=rng.randint(10, 14), hours=rng.randint(0, 6))
            if moved < END and len(specs) > 1:  # a lone center keeps them in its room
                _transfer(hh, chooser.choose(hh.segment, n, exclude=iso), moved, specs)
        else:
            hh.legs.append(Leg(chooser.choose(hh.segment, n), hh.segment, start))
        last = hh.legs[-1]
        if len(hh.legs) == 1 and len(specs) > 1 and rng.random() < 0.015:
            when = last.start + timedelta(days=rng.randint(3, 30), hours=rng.randint(0, 8))
            if when < END:
                _transfer(hh, chooser.choose(hh.segment, n, exclude=last.center), when, specs)
                last = hh.legs[-1]
        joins = max((m.joins for m in hh.members if m.joins is not None), default=None)
        if rng.random() < 0.22:
            when = last.start + timedelta(days=rng.randint(5, 60), hours=rng.randint(0, 8))
            if when < END and (joins is None or when > joins):
                last.end, last.reason = when, str(pick(rng, DISCHARGE_REASONS))
                last.destination = _destination(rng, hh, last.reason)
        for m in hh.members:
            if m.relationship != Rel.CHILD and rng.random() < 0.006 and joins is None:
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
