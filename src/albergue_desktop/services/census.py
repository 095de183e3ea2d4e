"""Daily numbers of a center for a date: people present at the end of the day, arrivals and
departures of the day, each by sex, age group (0-4, 5-11, 12-17, 18-59, 60+) and segment;
free, occupied and blocked beds; arrivals still expected from transfers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from ..domain import clock
from ..domain.errors import NotFoundError
from ..domain.permissions import Permission
from ..storage import census_queries as cq
from ..storage.census_queries import AGE_GROUPS, UNKNOWN_AGE, BedCounts
from ..storage.db import Database
from ..storage.report_queries import day_bounds
from ..storage.tables import Center
from .context import Actor

__all__ = ["AGE_GROUPS", "UNKNOWN_AGE", "Breakdown", "DailyNumbers", "daily_numbers",
           "daily_numbers_all"]


@dataclass(frozen=True)
class Breakdown:
    """A count of people split three ways (every split sums to ``total``). Segment ``None``:
    people without a bed."""

    total: int = 0
    by_sex: dict[str, int] = field(default_factory=dict)
    by_age: dict[str, int] = field(default_factory=dict)
    by_segment: dict[str | None, int] = field(default_factory=dict)


def _breakdown(rows: list[cq.MovementRow], day: date) -> Breakdown:
    sexes, ages, segments = Counter(), Counter(), Counter()
    for r in rows:
        sexes[r.sex] += 1
        ages[cq.age_group(r.birth_date, day)] += 1
        segments[r.segment] += 1
    return Breakdown(len(rows), dict(sexes), dict(ages), dict(segments))


@dataclass(frozen=True)
class DailyNumbers:
    center_id: str
    code: str
    name: str
    day: date
    present: Breakdown      # at the end of the day (now, for today)
    arrivals: Breakdown     # stays begun that day, transfers in included
    departures: Breakdown   # stays closed that day, transfers out included
    transfers_in: int
    transfers_out: int
    expected: int           # pending transfer arrivals at the end of the day
    beds: BedCounts

    @property
    def free_beds(self) -> int:
        return self.beds.available


def local_tz() -> tzinfo:
    """The program's time zone (domain.clock.program_tz), not the laptop's."""
    return clock.program_tz()


def _numbers(session, center: Center, day: date, tz: tzinfo) -> DailyNumbers:
    start, end = day_bounds(day, tz)
    rows = cq.movements(session=session, center_id=center.id, start=start, end=end)
    kinds: dict[str, list[cq.MovementRow]] = {"present": [], "arrival": [], "departure": []}
    for r in rows:
        kinds[r.kind].append(r)
    return DailyNumbers(
        center.id, center.code, center.name, day, _breakdown(kinds["present"], day),
        _breakdown(kinds["arrival"], day), _breakdown(kinds["departure"], day),
        sum(r.transfer for r in kinds["arrival"]), sum(r.transfer for r in kinds["departure"]),
        cq.pending_at(session=session, center_id=center.id, end=end),
        cq.bed_counts(session=session, center_id=center.id, end=end))


def daily_numbers(db: Database, actor: Actor, center_id: str, day: date | None = None, *,
                  tz: tzinfo | None = None) -> DailyNumbers:
    """The numbers of one center for local day ``day`` (today by default) in time zone
    ``tz`` (the computer's by default)."""
    actor.require(Permission.VIEW_PEOPLE)
    tz = tz or local_tz()
    day = day or clock.as_of() or datetime.now(tz).date()
    with db.session(actor.username) as session:
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        return _numbers(session, center, day, tz)


def daily_numbers_all(db: Database, actor: Actor, day: date | None = None, *,
                      tz: tzinfo | None = None) -> list[DailyNumbers]:
    """The numbers of every center, by code."""
    actor.require(Permission.VIEW_PEOPLE)
    tz = tz or local_tz()
    day = day or clock.as_of() or datetime.now(tz).date()
    with db.session(actor.username) as session:
        centers = session.connection().exec_driver_sql(
            "SELECT id FROM center WHERE deleted = 0 ORDER BY code").all()
        return [_numbers(session, session.get(Center, cid), day, tz) for (cid,) in centers]
