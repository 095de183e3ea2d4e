"""Numbers behind the supervisor's charts (reports/dashboard.py): occupancy per center and
day against capacity, arrivals and departures per day, triage colours of the people present.
Keyword-only functions taking a session; plain rows out. Days are local days (``tz``);
occupancy is counted at the end of each day from the stays (never stored)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from .report_queries import parse_ts


@dataclass(frozen=True)
class CenterSeries:
    code: str
    name: str
    capacity: int          # daily capacity set for the center, else beds in service
    occupancy: list[int]   # people present at the end of each day


@dataclass(frozen=True)
class Movements:
    arrivals: list[int]
    departures: list[int]


def days_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def instant(value) -> datetime:
    """A stored timestamp (never NULL where this is used) as an aware datetime."""
    moment = parse_ts(value)
    if moment is None:
        raise ValueError("a timestamp was expected")
    return moment


def _local_day(moment: datetime, tz: tzinfo) -> date:
    return moment.astimezone(tz).date()


def _stays(session: Session, center_id: str | None):
    where = " AND s.center_id = :c" if center_id else ""
    return session.connection().execute(text(
        "SELECT s.center_id, s.check_in, s.check_out, s.reason, s.from_stay_id"
        " FROM stay s JOIN person p ON p.id = s.person_id"
        f" WHERE s.deleted = 0 AND s.status <> 'pending' AND p.deleted = 0{where}"),
        {"c": center_id}).all()


def occupancy(*, session: Session, days: list[date], tz: tzinfo,
              center_id: str | None = None) -> list[CenterSeries]:
    """Per live center (by code): people present at the end of each of ``days``."""
    db = session.connection()
    centers = db.execute(text(
        "SELECT c.id, c.code, c.name, c.daily_capacity,"
        " (SELECT count(*) FROM bed b WHERE b.center_id = c.id AND b.deleted = 0"
        "  AND b.status <> 'out_of_service') AS beds"
        " FROM center c WHERE c.deleted = 0" + (" AND c.id = :c" if center_id else "") +
        " ORDER BY c.code"), {"c": center_id}).all()
    ends = [datetime.combine(d + timedelta(days=1), time.min, tzinfo=tz) for d in days]
    ins: dict[str, list[datetime]] = {c.id: [] for c in centers}
    outs: dict[str, list[datetime]] = {c.id: [] for c in centers}
    for stay in _stays(session, center_id):
        if stay.center_id in ins:
            ins[stay.center_id].append(instant(stay.check_in))
            if stay.check_out is not None:
                outs[stay.center_id].append(instant(stay.check_out))
    series = []
    for c in centers:
        came, left = sorted(ins[c.id]), sorted(outs[c.id])
        counts = [bisect_left(came, end) - bisect_left(left, end) for end in ends]
        series.append(CenterSeries(c.code, c.name, c.daily_capacity or c.beds, counts))
    return series


def movements(*, session: Session, days: list[date], tz: tzinfo,
              center_id: str | None = None) -> Movements:
    """Check-ins and check-outs per day. For one center every check-in and check-out counts
    (a transfer arrives or leaves); for the whole program transfers between centers do not
    (the person neither arrived nor left the program), as in the daily census."""
    index = {d: i for i, d in enumerate(days)}
    arrivals, departures = [0] * len(days), [0] * len(days)
    for stay in _stays(session, center_id):
        i = index.get(_local_day(instant(stay.check_in), tz))
        if i is not None and (center_id or stay.from_stay_id is None):
            arrivals[i] += 1
        if stay.check_out is not None:
            j = index.get(_local_day(instant(stay.check_out), tz))
            if j is not None and (center_id or stay.reason != "transfer"):
                departures[j] += 1
    return Movements(arrivals, departures)


TRIAGE_COLOURS = ("red", "yellow", "green")


def triage_by_center(*, session: Session, center_id: str | None = None,
                     ) -> list[tuple[str, dict[str, int]]]:
    """(center code, colour -> people present) from each present person's latest screening
    (a correction replaces the row it corrects; a clinician's final colour wins); people
    never screened count as "none". Health data: the caller checks the permission."""
    where = " AND s.center_id = :c" if center_id else ""
    rows = session.connection().execute(text(f"""
        SELECT c.code, coalesce(sc.colour, 'none') AS colour, count(*) AS n
        FROM stay s JOIN center c ON c.id = s.center_id
        JOIN person p ON p.id = s.person_id AND p.deleted = 0
        LEFT JOIN (SELECT person_id, coalesce(final_colour, colour) AS colour,
                          row_number() OVER (PARTITION BY person_id
                                             ORDER BY screened_at DESC, hlc DESC) AS k
                   FROM screening x WHERE x.deleted = 0 AND NOT EXISTS (
                       SELECT 1 FROM screening y WHERE y.corrects_id = x.id AND y.deleted = 0)
                  ) sc ON sc.person_id = s.person_id AND sc.k = 1
        WHERE s.check_out IS NULL AND s.deleted = 0 AND s.status <> 'pending'{where}
        GROUP BY c.code, coalesce(sc.colour, 'none') ORDER BY c.code"""), {"c": center_id})
    out: dict[str, dict[str, int]] = {}
    for r in rows:
        out.setdefault(r.code, {})[r.colour] = r.n
    return list(out.items())
