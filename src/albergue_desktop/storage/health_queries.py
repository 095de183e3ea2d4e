"""Impact report indicators of the health care records (registered on import): medical
consultations (current versions: a correction replaces the row it corrects, it does not add
one) and births."""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from .report_queries import _period, register_indicator


def consultations_count(*, session: Session, start: str | None, end: str | None) -> int:
    return session.connection().execute(text(
        "SELECT count(*) FROM consultation c JOIN person p ON p.id = c.person_id "
        "WHERE c.deleted = 0 AND p.deleted = 0 AND NOT EXISTS (SELECT 1 FROM consultation x "
        "INDEXED BY ix_consultation_corrects_id WHERE x.corrects_id = c.id AND x.deleted = 0)"
        + _period("c.attended_at", start, end)),
        {"start": start, "end": end}).scalar_one()


def births_count(*, session: Session, start: str | None, end: str | None) -> int:
    # born_on is a day: compare with the day part of the period's bounds
    return session.connection().execute(text(
        "SELECT count(*) FROM birth b JOIN person n ON n.id = b.newborn_id "
        "WHERE b.deleted = 0 AND n.deleted = 0"
        + (" AND b.born_on >= substr(:start, 1, 10)" if start else "")
        + (" AND b.born_on < substr(:end, 1, 10)" if end else "")),
        {"start": start, "end": end}).scalar_one()


register_indicator("consultations", consultations_count)
register_indicator("births", births_count)
