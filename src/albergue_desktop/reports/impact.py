"""Impact report: the "Impactos y resultados" table of the program, computed from the data.
An indicator that no module records yet prints "not recorded", never a made-up number."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path

from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .frame import FONT_BOLD, MUTED, PrintInfo, build_pdf, fit, fmt_date, long_table, para, styles

NOT_RECORDED = "not recorded"


@dataclass(frozen=True)
class Indicator:
    key: str
    category: str  # English source texts, translated when printed
    name: str
    method: str


INDICATORS: tuple[Indicator, ...] = (
    Indicator("admissions", "Census", "Admissions",
              "People whose first check-in falls in the period (a transfer is not an "
              "admission)."),
    Indicator("discharges", "Census", "Discharges",
              "People with no open stay whose last check-out falls in the period."),
    Indicator("families_discharged", "Census", "Families discharged",
              "Households whose lodged members have all left, the last one in the period."),
    Indicator("homes_rented", "Census", "Homes rented",
              "Needs the housing module (landlords and leases)."),
    Indicator("school_enrollments", "Education", "Enrollments in basic education",
              "Needs the schooling module."),
    Indicator("adults_revalidated", "Education", "Adults with educational revalidation (INEA)",
              "Needs the schooling module."),
    Indicator("rfc_processed", "Employment", "RFC tax IDs processed",
              "People with an RFC on record; RFCs carry no paperwork date, so the period "
              "does not apply."),
    Indicator("formal_jobs", "Employment", "Formal jobs active",
              "Needs the job bank module."),
    Indicator("medication_dispensed", "Health", "Medication dispensed",
              "Needs the health care module."),
    Indicator("consultations", "Health", "Medical consultations and follow-up",
              "Needs the health care module."),
    Indicator("donated_articles", "Donations", "Donated articles",
              "Needs the donations module."),
)


def period_bounds(start: date | None, end: date | None,
                  tz: tzinfo) -> tuple[datetime | None, datetime | None]:
    """Local days ``start``..``end`` (both included) as [from, to) instants."""
    return (datetime.combine(start, time.min, tzinfo=tz) if start else None,
            datetime.combine(end + timedelta(days=1), time.min, tzinfo=tz) if end else None)


def compute_impact(db: Database, actor: Actor, *, start: date | None = None,
                   end: date | None = None, tz: tzinfo | None = None) -> dict[str, int | None]:
    actor.require(Permission.VIEW_PEOPLE)
    since, until = period_bounds(start, end, tz or common.local_tz())
    with db.session(actor.username) as session:
        return rq.impact_values(session=session, keys=[i.key for i in INDICATORS],
                                start=since, end=until)


def value_text(value: int | None) -> str:
    return _(NOT_RECORDED) if value is None else f"{value:,}"


def period_text(start: date | None, end: date | None) -> str:
    if start and end:
        return _("Period: {start} to {end}", start=fmt_date(start), end=fmt_date(end))
    if start:
        return _("Period: from {start}", start=fmt_date(start))
    if end:
        return _("Period: up to {end}", end=fmt_date(end))
    return _("Period: everything recorded")


@access_log.audited(access_log.PRINT, "impact")
def impact_pdf(db: Database, actor: Actor, out, *, start: date | None = None,
               end: date | None = None, tz: tzinfo | None = None,
               values: dict[str, int | None] | None = None) -> Path:
    values = values if values is not None else compute_impact(db, actor, start=start, end=end,
                                                               tz=tz)
    info = PrintInfo(_("Impact and results"), common.printed_by(db, actor), _("All centers"),
                     period_text(start, end))
    st = styles()
    widths = (80, 160, 70, 230)
    data: list[list] = [[_("Area"), _("Indicator"), _("Value"), _("How it is computed")]]
    extra: list[tuple] = [("ALIGN", (2, 1), (2, -1), "RIGHT")]
    category = None
    for ind in INDICATORS:
        value = values.get(ind.key)
        row = len(data)
        first = ind.category != category
        if first and row > 1:
            extra.append(("LINEABOVE", (0, row), (-1, row), 0.9, "black"))
        category = ind.category
        data.append([_(ind.category) if first else "", fit(_(ind.name), widths[1], st["cell"]),
                     value_text(value), para(_(ind.method), st["note"])])
        if value is None:
            extra.append(("TEXTCOLOR", (2, row), (2, row), MUTED))
        else:
            extra.append(("FONT", (2, row), (2, row), FONT_BOLD, 11))
    story = [para(_("Results of the Plan Integral de Atención al Migrante"), st["h2"]),
             long_table(data, widths, extra),
             para(_("\"Not recorded\": Albergue has no module that records this indicator "
                    "yet; no number is printed rather than an invented one."), st["note"])]
    from .dashboard import program_charts, recorded_period  # the dashboard's own charts
    tz = tz or common.local_tz()
    story += program_charts(db, actor, days=recorded_period(db, start, end, tz), tz=tz)
    return build_pdf(out, story, info)
