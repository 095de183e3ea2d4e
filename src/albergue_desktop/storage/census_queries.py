"""Daily numbers of a center (present, arrivals, departures, beds) for a local day.

Keyword-only functions taking a session; plain frozen rows out. A day is a local day of the
shelter: ``start`` and ``end`` are its bounds as stored UTC text (see
:func:`.report_queries.day_bounds`). Pending stays (expected arrivals of a transfer) are
neither present nor arrivals; a pending stay closed without arriving is no departure.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..domain.validation import age_on
from .report_queries import parse_date

# The age groups of the daily census: (label, lowest age, highest age) in whole years.
AGE_GROUPS: tuple[tuple[str, int, int], ...] = (
    ("0-4", 0, 4), ("5-11", 5, 11), ("12-17", 12, 17), ("18-59", 18, 59), ("60+", 60, 999))
UNKNOWN_AGE = "?"


def age_group(birth: date | None, on: date) -> str:
    if birth is None:
        return UNKNOWN_AGE
    age = age_on(birth, on)
    return next((name for name, low, high in AGE_GROUPS if low <= age <= high), UNKNOWN_AGE)


@dataclass(frozen=True)
class MovementRow:
    """One person counted in the day: ``kind`` present (at the end of the day), arrival or
    departure; ``transfer`` when the arrival/departure is a transfer between centers."""

    kind: str
    person_id: str
    sex: str
    birth_date: date | None
    segment: str | None  # segment of the area of the stay's bed; None without a bed
    transfer: bool


@dataclass(frozen=True)
class BedCounts:
    total: int      # beds not retired
    blocked: int    # out of service (their current state: blocking has no history)
    occupied: int   # beds with someone present at the end of the day

    @property
    def available(self) -> int:
        return max(self.total - self.blocked - self.occupied, 0)


# A confirmed duplicate's stays count for the person it is linked to (``p``: the person a
# stay counts for; ``d``: the record the stay was written on).
_LIVE = ("s.center_id = :c AND s.deleted = 0 AND s.status <> 'pending' AND d.deleted = 0 "
         "AND p.deleted = 0 AND p.merged_into_id IS NULL")
_FROM = ("FROM stay s JOIN person d ON d.id = s.person_id "
         "JOIN person p ON p.id = coalesce(d.merged_into_id, d.id) "
         "LEFT JOIN bed b ON b.id = s.bed_id LEFT JOIN area a ON a.id = b.area_id")
_TRANSFER_IN = """(s.from_stay_id IS NOT NULL OR EXISTS (
    SELECT 1 FROM stay o WHERE o.person_id = s.person_id AND o.deleted = 0
      AND o.reason = 'transfer' AND o.check_out = s.check_in))"""


def movements(*, session: Session, center_id: str, start: str, end: str) -> list[MovementRow]:
    """Who is present at the end of the day, who arrived and who left during it."""
    sql = f"""
        SELECT 'present' AS kind, p.id, p.sex, p.birth_date, a.segment, 0 AS transfer {_FROM}
        WHERE {_LIVE} AND s.check_in < :e AND (s.check_out IS NULL OR s.check_out >= :e)
        UNION ALL
        SELECT 'arrival', p.id, p.sex, p.birth_date, a.segment, {_TRANSFER_IN} {_FROM}
        WHERE {_LIVE} AND s.check_in >= :s AND s.check_in < :e
        UNION ALL
        SELECT 'departure', p.id, p.sex, p.birth_date, a.segment, s.reason = 'transfer' {_FROM}
        WHERE {_LIVE} AND s.check_out >= :s AND s.check_out < :e"""
    rows = session.connection().execute(text(sql), {"c": center_id, "s": start, "e": end})
    return [MovementRow(r[0], r[1], r[2], parse_date(r[3]), r[4], bool(r[5])) for r in rows]


def bed_counts(*, session: Session, center_id: str, end: str) -> BedCounts:
    row = session.connection().execute(text("""
        SELECT (SELECT count(*) FROM bed b WHERE b.center_id = :c AND b.deleted = 0),
               (SELECT count(*) FROM bed b WHERE b.center_id = :c AND b.deleted = 0
                  AND b.status = 'out_of_service'),
               (SELECT count(DISTINCT s.bed_id) FROM stay s JOIN bed b ON b.id = s.bed_id
                  WHERE s.center_id = :c AND s.deleted = 0 AND s.status <> 'pending'
                    AND b.deleted = 0 AND s.check_in < :e
                    AND (s.check_out IS NULL OR s.check_out >= :e))"""),
        {"c": center_id, "e": end}).one()
    return BedCounts(int(row[0]), int(row[1]), int(row[2]))


def pending_at(*, session: Session, center_id: str, end: str) -> int:
    """Arrivals expected at the end of the day: transfers made by then (the check-out of the
    stay they came from) whose person had not arrived by then (still pending, closed later
    without arriving, or arrived later)."""
    return int(session.connection().execute(text("""
        SELECT count(*) FROM stay s JOIN stay f ON f.id = s.from_stay_id
        WHERE s.center_id = :c AND s.deleted = 0 AND f.check_out < :e
          AND CASE WHEN s.status = 'pending' THEN s.check_out IS NULL OR s.check_out >= :e
                   ELSE s.check_in >= :e END"""),
        {"c": center_id, "e": end}).scalar_one())
