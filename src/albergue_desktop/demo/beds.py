"""Areas and beds of the demo centers, sized by replaying every check-in and check-out in
time order: a household gets adjacent beds in one area of its segment, a bed is reused
only after its previous occupant left, so no bed ever holds two open stays."""

from __future__ import annotations

import heapq
import math
import random
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..domain.enums import BedKind, BedStatus
from .catalog import AREA_MAX_OCCUPANTS, AREA_NAMES, SPHERE_COLD_M2_PER_PERSON
from .plan import HouseholdPlan, Leg, MemberPlan, StayPlan


@dataclass(slots=True)
class AreaPlan:
    center: int
    segment: str
    letter: str
    kinds: list[str] = field(default_factory=list)  # kind of bed i
    occupied: set[int] = field(default_factory=set)
    free: dict[str, list[int]] = field(default_factory=dict)  # kind -> heap of bed indices
    status: list[str] = field(default_factory=list)
    area_m2: float = 0.0

    @property
    def name(self) -> str:
        return f"{AREA_NAMES.get(self.segment, 'Dormitorio')} {self.letter}"

    def bed_code(self, index: int) -> str:
        return f"{self.letter}-{index + 1:03d}"

    def take(self, kind: str) -> int:
        heap = self.free.setdefault(kind, [])
        if heap:
            index = heapq.heappop(heap)
        else:
            index = len(self.kinds)
            self.kinds.append(kind)
        self.occupied.add(index)
        return index

    def release(self, index: int) -> None:
        self.occupied.discard(index)
        heapq.heappush(self.free.setdefault(self.kinds[index], []), index)


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA ..."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def _bed_kind(rng: random.Random, member: MemberPlan, when: datetime) -> str:
    age = member.age_on(when.date())
    if age < 2:
        return BedKind.CRIB
    if age < 12 or rng.random() < 0.08:
        return BedKind.MAT
    return BedKind.COT


class BedPlanner:
    def __init__(self, rng: random.Random, centers: int) -> None:
        self.rng = rng
        self.areas: list[AreaPlan] = []
        self._by_segment: dict[tuple[int, str], list[int]] = {}
        self._letters = [0] * centers
        self._releases: list[tuple[datetime, int, int, int]] = []
        self._tick = 0

    def _area_for(self, center: int, segment: str, people: int) -> int:
        areas = self._by_segment.setdefault((center, segment), [])
        for i in areas:
            if len(self.areas[i].occupied) + people <= AREA_MAX_OCCUPANTS:
                return i
        self.areas.append(AreaPlan(center, segment, _letters(self._letters[center])))
        self._letters[center] += 1
        areas.append(len(self.areas) - 1)
        return len(self.areas) - 1

    def _release_until(self, when: datetime) -> None:
        while self._releases and self._releases[0][0] <= when:
            _, _, area, bed = heapq.heappop(self._releases)
            self.areas[area].release(bed)

    def assign(self, households: list[HouseholdPlan]) -> None:
        """Give every member a StayPlan per leg, with an area and a bed."""
        events = sorted([(leg.start, hh.index, n, hh) for hh in households
                         for n, leg in enumerate(hh.legs)]
                        + [(m.joins, hh.index, 1000 + i, hh) for hh in households
                           for i, m in enumerate(hh.members) if m.joins is not None],
                        key=lambda e: e[:3])
        for start, _, n, hh in events:
            self._release_until(start)
            if n >= 1000:  # a baby born in Mexicali joins its mother's area
                self._join(hh, hh.members[n - 1000])
                continue
            leg = hh.legs[n]
            here = [m for m in hh.members if (m.exit is None or m.exit[0] > start)
                    and (m.joins is None or m.joins <= start)]
            if not here:
                continue
            area_index = self._area_for(leg.center, leg.segment, len(here))
            self._lodge(hh, leg, area_index, here, start)
        self._release_until(datetime.max.replace(tzinfo=timezone.utc))  # all later check-outs
        self._finish()

    def _join(self, hh: HouseholdPlan, baby: MemberPlan) -> None:
        when = baby.joins
        leg = next(leg for leg in hh.legs
                   if leg.start <= when and (leg.end is None or when < leg.end))
        mother = hh.members[baby.mother]
        area_index = mother.stays[-1].area if mother.stays else self._area_for(
            leg.center, leg.segment, 1)
        self._lodge(hh, leg, area_index, [baby], when)

    def _lodge(self, hh: HouseholdPlan, leg: Leg, area_index: int, here: list[MemberPlan],
               start: datetime) -> None:
        area = self.areas[area_index]
        for m in here:
            bed = area.take(_bed_kind(self.rng, m, start))
            end, reason, destination = leg.end, leg.reason, leg.destination
            if m.exit is not None and (end is None or m.exit[0] < end):
                end, reason, destination = m.exit
            m.stays.append(StayPlan(leg.center, area_index, bed, start, end, reason,
                                    destination))
            if end is not None:
                self._tick += 1
                heapq.heappush(self._releases, (end, self._tick, area_index, bed))

    def _finish(self) -> None:
        """Spare beds, a few out of service, and floor areas: at least the Sphere 2018
        cold-climate space per bed (catalog.SPHERE_COLD_M2_PER_PERSON, 4.5 m2)."""
        rng = self.rng
        for area in self.areas:
            for _ in range(1 + len(area.kinds) // 12):
                area.kinds.append(BedKind.COT)
            # What staff set; occupancy follows from the stays (schema v0010).
            area.status = [BedStatus.AVAILABLE for _ in range(len(area.kinds))]
            if rng.random() < 0.3:
                area.status[-1] = BedStatus.OUT_OF_SERVICE
            per_bed = rng.uniform(SPHERE_COLD_M2_PER_PERSON + 0.1, SPHERE_COLD_M2_PER_PERSON + 1.1)
            area.area_m2 = math.ceil(len(area.kinds) * per_bed * 2) / 2


BLOCK_REASONS = ("Catre dañado", "Colchoneta en lavandería", "Fuga de agua en el techo")
