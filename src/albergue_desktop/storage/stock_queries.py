"""Report queries over the stock ledger (docs/stock-ledger.md): the impact report's
medicines line and the medicines dispensed per period. Raw SQL over the indexes; no
permission checks (the reports check theirs)."""

from __future__ import annotations

from sqlalchemy import text
from sqlmodel import Session

from .report_queries import _period, register_indicator


def _medication_dispensed(*, session: Session, start: str | None, end: str | None) -> int:
    """Medicines handed to people in the period: one per dispensing (a medicine given to a
    person, whatever the number of units or lots), counted from the ledger's dispensing
    movements, so a file without the health records (a pull) counts the same."""
    return session.connection().execute(text(
        "SELECT count(DISTINCT dispensing_id) FROM stock_movement WHERE deleted = 0 "
        "AND reason = 'dispense_out' AND dispensing_id IS NOT NULL"
        + _period("moved_at", start, end)), {"start": start, "end": end}).scalar_one()


register_indicator("medication_dispensed", _medication_dispensed)


def dispensed_totals(*, session: Session, center_id: str | None, start: str | None,
                     end: str | None) -> list[tuple]:
    """Per medicine (name, presentation, unit): dispensings, units, people, from the ledger
    and the dispensing rows; by name. Names no person."""
    where = "m.deleted = 0 AND m.reason = 'dispense_out'" + _period("m.moved_at", start, end)
    if center_id is not None:
        where += " AND m.center_id = :center"
    return list(session.connection().execute(text(
        "SELECT i.name, i.presentation, i.unit, count(DISTINCT m.dispensing_id), "
        "-sum(m.quantity), count(DISTINCT d.person_id) "
        "FROM stock_movement m JOIN stock_item i ON i.id = m.item_id "
        "LEFT JOIN dispensing d ON d.id = m.dispensing_id AND d.deleted = 0 "
        f"WHERE {where} GROUP BY i.id ORDER BY i.name, i.presentation"),
        {"start": start, "end": end, "center": center_id}))


def dispensed_lines(*, session: Session, center_id: str | None, start: str | None,
                    end: str | None) -> list[tuple]:
    """One line per dispensing (health data: the caller checked VIEW_HEALTH): when, folio,
    person, medicine, units, dose, days, who. Oldest first."""
    where = "d.deleted = 0" + _period("d.dispensed_at", start, end)
    if center_id is not None:
        where += " AND d.center_id = :center"
    return list(session.connection().execute(text(
        "SELECT d.dispensed_at, p.folio, p.given_names, p.surnames, i.name, i.presentation, "
        "d.quantity, i.unit, d.dose, d.days, d.dispensed_by, d.allergy_warning "
        "FROM dispensing d JOIN person p ON p.id = d.person_id "
        "JOIN stock_item i ON i.id = d.item_id "
        f"WHERE {where} ORDER BY d.dispensed_at"),
        {"start": start, "end": end, "center": center_id}))
