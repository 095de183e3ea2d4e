"""Medicines dispensed in a period (PDF): totals per medicine from the stock ledger (no
names), then one line per dispensing with the person for roles that may see health data.
Needs PHARMACY (the pharmacy's own report)."""

from __future__ import annotations

from datetime import date, tzinfo
from pathlib import Path

from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..storage import stock_queries as sq
from ..storage.db import Database
from ..storage.report_queries import parse_ts, ts_param
from . import common
from .frame import PrintInfo, build_pdf, fit, fmt_datetime, long_table, para, styles
from .impact import period_bounds, period_text


@access_log.audited(access_log.PRINT, "medicines dispensed")
def dispensed_pdf(db: Database, actor: Actor, out, *, center: str | None = None,
                  start: date | None = None, end: date | None = None,
                  tz: tzinfo | None = None) -> Path:
    """``center``: a center code or id (None: every center in the file)."""
    actor.require(Permission.PHARMACY)
    center_id, center_label = common.resolve_center(db, center)
    since, until = period_bounds(start, end, tz or common.local_tz())
    s, e = (ts_param(since) if since else None), (ts_param(until) if until else None)
    detail = actor.can(Permission.VIEW_HEALTH)
    with db.read_session() as session:
        totals = sq.dispensed_totals(session=session, center_id=center_id, start=s, end=e)
        lines = sq.dispensed_lines(session=session, center_id=center_id, start=s,
                                   end=e) if detail else []
    info = PrintInfo(_("Medicines dispensed"), common.printed_by(db, actor), center_label,
                     period_text(start, end), landscape=detail)
    st = styles()
    widths = (230, 90, 80, 80, 70)
    data: list[list] = [[_("Medicine"), _("Dispensings"), _("Units"), _("Unit"), _("People")]]
    for name, presentation, unit, count, units, people in totals:
        data.append([fit(f"{name} {presentation}".strip(), widths[0], st["cell"]),
                     f"{count:,}", f"{units:,}", unit, f"{people:,}"])
    data.append([_("Total"), f"{sum(r[3] for r in totals):,}", "", "", ""])
    right = [("ALIGN", (1, 1), (2, -1), "RIGHT"), ("ALIGN", (4, 1), (4, -1), "RIGHT"),
             ("LINEABOVE", (0, -1), (-1, -1), 0.8, "black")]
    story = [para(_("Totals per medicine"), st["h2"]), long_table(data, widths, right),
             para(_("Counted from the pharmacy's stock ledger: one dispensing is one medicine "
                    "handed to one person. \"People\" counts the people whose dispensing "
                    "record this file holds."), st["note"])]
    if detail:
        cols = (86, 80, 124, 148, 56, 130, 74)
        rows: list[list] = [[_("Date"), _("Folio"), _("Person"), _("Medicine"), _("Units"),
                             _("Dose"), _("Dispensed by")]]
        for (at, folio, given, surnames, name, pres, qty, unit, dose, days, by,
             warning) in lines:
            dose_text = dose + (_(" for {days} days", days=days) if days else "")
            if warning:
                dose_text += " · " + _("allergy warned: {allergies}", allergies=warning)
            moment = parse_ts(at)
            rows.append([fmt_datetime(moment.astimezone()) if moment else "", folio or "",
                         fit(f"{given} {surnames}".strip(), cols[2], st["cell"]),
                         fit(f"{name} {pres}".strip(), cols[3], st["cell"]),
                         f"{qty} {unit}", fit(dose_text, cols[5], st["cell"]), by])
        story += [para(_("Dispensings"), st["h2"]), long_table(rows, cols)]
    else:
        story.append(para(_("The list of people is health data: it is printed only for roles "
                            "that may see health data."), st["note"]))
    return build_pdf(out, story, info)
