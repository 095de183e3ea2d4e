"""Impact indicators of the exit pathways, one query per line of the results table,
registered in :data:`report_queries.INDICATOR_QUERIES` (imported by reports/impact.py).

Period bounds arrive as UTC instants of the program's local midnights; columns holding a
calendar day (a lease's start, a certification date) compare with the local day of those
bounds in the program's time zone (domain.clock.program_tz), instants (a discharge) with the
instants themselves. docs/pathways.md explains the reading of each line."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text
from sqlmodel import Session

from ..domain import clock
from .report_queries import parse_ts, register_indicator


def _day(bound: str | None) -> str | None:
    if bound is None:
        return None
    moment = parse_ts(bound)
    assert moment is not None
    return moment.astimezone(clock.program_tz()).date().isoformat()


def _days(column: str, start: str | None, end: str | None) -> tuple[str, dict]:
    """SQL condition on a DATE ``column`` for [start, end) and its parameters."""
    s, e = _day(start), _day(end)
    sql = "".join([f" AND {column} >= :ds" if s else "", f" AND {column} < :de" if e else ""])
    return sql, {"ds": s, "de": e}


def _count(session: Session, sql: str, params: dict) -> int:
    return int(session.connection().execute(text(sql), params).scalar_one() or 0)


def homes_rented(*, session: Session, start: str | None, end: str | None) -> int:
    """Homes with a lease that began in the period."""
    cond, p = _days("l.start_date", start, end)
    return _count(session, "SELECT count(DISTINCT l.home_id) FROM lease l WHERE l.deleted = 0"
                  + cond, p)


def families_housed(*, session: Session, start: str | None, end: str | None) -> int:
    """Households that moved into a leased home in the period."""
    cond, p = _days("lh.moved_in", start, end)
    return _count(session, "SELECT count(DISTINCT lh.household_id) FROM lease_household lh "
                  "WHERE lh.deleted = 0" + cond, p)


def homes_recovered(*, session: Session, start: str | None, end: str | None) -> int:
    """Homes recovered from disuse whose lease began in the period."""
    cond, p = _days("l.start_date", start, end)
    return _count(session, "SELECT count(DISTINCT l.home_id) FROM lease l JOIN home h ON "
                  "h.id = l.home_id WHERE l.deleted = 0 AND h.recovered = 1" + cond, p)


def school_enrollments(*, session: Session, start: str | None, end: str | None) -> int:
    """Children enrolled in basic education (enrolment date in the period)."""
    cond, p = _days("enrolled_on", start, end)
    return _count(session, "SELECT count(DISTINCT person_id) FROM school_enrollment WHERE "
                  "deleted = 0 AND enrolled_on IS NOT NULL AND status != "
                  "'gathering_documents'" + cond, p)


def adults_revalidated(*, session: Session, start: str | None, end: str | None) -> int:
    """Adults certified by INEA in the period."""
    cond, p = _days("certified_on", start, end)
    return _count(session, "SELECT count(DISTINCT person_id) FROM inea_enrollment WHERE "
                  "deleted = 0 AND status = 'certified'" + cond, p)


def rfc_processed(*, session: Session, start: str | None, end: str | None) -> int:
    """RFCs the program obtained: paperwork issued in the period."""
    cond, p = _days("rfc_issued_on", start, end)
    return _count(session, "SELECT count(DISTINCT person_id) FROM work_paperwork WHERE "
                  "deleted = 0 AND rfc_status = 'issued'" + cond, p)


def formal_jobs(*, session: Session, start: str | None, end: str | None) -> int:
    """Formal places activated: the places of the openings activated in the period."""
    cond, p = _days("opened_on", start, end)
    return _count(session, "SELECT coalesce(sum(count), 0) FROM job_opening WHERE "
                  "deleted = 0" + cond, p)


def people_placed(*, session: Session, start: str | None, end: str | None) -> int:
    """People who started a job (start date in the period)."""
    cond, p = _days("start_date", start, end)
    return _count(session, "SELECT count(DISTINCT person_id) FROM job_placement WHERE "
                  "deleted = 0 AND outcome IN ('started', 'working_30_days', 'left')" + cond, p)


def working_30_days(*, session: Session, start: str | None, end: str | None) -> int:
    """Still working 30 days after starting (recorded in the period)."""
    cond, p = _days("outcome_on", start, end)
    return _count(session, "SELECT count(DISTINCT person_id) FROM job_placement WHERE "
                  "deleted = 0 AND outcome = 'working_30_days'" + cond, p)


def discharged_with_transport(*, session: Session, start: str | None,
                              end: str | None) -> int:
    """People who left with transport arranged by the program or a partner."""
    sql = ("SELECT coalesce(sum(json_array_length(person_ids)), 0) FROM discharge WHERE "
           "deleted = 0 AND transport != 'none'"
           + (" AND discharged_at >= :start" if start else "")
           + (" AND discharged_at < :end" if end else ""))
    return _count(session, sql, {"start": start, "end": end})


def spanish_students(*, session: Session, start: str | None, end: str | None) -> int:
    """People present at one Spanish class or more in the period."""
    cond, p = _days("s.held_on", start, end)
    return _count(session, "SELECT count(DISTINCT a.person_id) FROM spanish_attendance a JOIN "
                  "spanish_session s ON s.id = a.session_id WHERE a.deleted = 0 AND "
                  "s.deleted = 0 AND a.present = 1" + cond, p)


LINES = {
    "homes_rented": homes_rented, "families_housed": families_housed,
    "homes_recovered": homes_recovered, "school_enrollments": school_enrollments,
    "adults_revalidated": adults_revalidated, "rfc_processed": rfc_processed,
    "formal_jobs": formal_jobs, "people_placed": people_placed,
    "working_30_days": working_30_days, "discharged_with_transport": discharged_with_transport,
    "spanish_students": spanish_students,
}
for _key, _query in LINES.items():
    register_indicator(_key, _query)

__all__ = ["LINES", "date"]
