"""Report queries of the supplies: the impact report's donated articles, distributions and
donations per period (docs/supplies.md)."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from .report_queries import _period, register_indicator


def _donated_articles(*, session: Session, start: str | None, end: str | None) -> int:
    """Units of supplies received as donations in the period (medicines are counted by the
    pharmacy's line), from the ledger's donation movements."""
    return int(session.connection().execute(text(
        "SELECT coalesce(sum(m.quantity), 0) FROM stock_movement m "
        "JOIN stock_item i ON i.id = m.item_id "
        "WHERE m.deleted = 0 AND m.reason = 'donation_in' AND i.kind = 'supply'"
        + _period("m.moved_at", start, end)), {"start": start, "end": end}).scalar_one())


register_indicator("donated_articles", _donated_articles)


def distribution_totals(*, session: Session, center_id: str | None, start: str | None,
                        end: str | None) -> list[tuple]:
    """Per item (name, unit): distributions, units, households reached. By name."""
    where = "m.deleted = 0 AND m.reason = 'distribution_out'" + _period("m.moved_at", start, end)
    if center_id is not None:
        where += " AND m.center_id = :center"
    return list(session.connection().execute(text(
        "SELECT i.name, i.unit, count(DISTINCT m.distribution_id), -sum(m.quantity), "
        "count(DISTINCT coalesce(m.household_id, m.person_id)) "
        "FROM stock_movement m JOIN stock_item i ON i.id = m.item_id "
        f"WHERE {where} GROUP BY i.id ORDER BY i.name"),
        {"start": start, "end": end, "center": center_id}))
