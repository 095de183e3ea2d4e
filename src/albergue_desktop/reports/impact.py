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
from ..storage import health_queries  # noqa: F401  (registers the health indicators)
from ..storage import pathway_report_queries  # noqa: F401 (registers its lines)
from ..storage import report_queries as rq
from ..storage import stock_queries  # noqa: F401  (registers the medicines line)
from ..storage import supply_queries  # noqa: F401  (registers the donations line)
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
              "Homes with a lease that began in the period (housing module)."),
    Indicator("families_housed", "Census", "Families housed in rented homes",
              "Households that moved into a leased home in the period (about two per home "
              "in the program)."),
    Indicator("homes_recovered", "Census", "Homes recovered from disuse and rented",
              "Homes marked as recovered from disuse whose lease began in the period."),
    Indicator("discharged_with_transport", "Census", "People discharged with transport",
              "People whose discharge in the period had transport arranged by the program "
              "or a partner."),
    Indicator("school_enrollments", "Education", "Enrollments in basic education",
              "Children enrolled in preescolar, primaria or secundaria, enrolment date in "
              "the period."),
    Indicator("adults_revalidated", "Education", "Adults with educational revalidation (INEA)",
              "Adults whose INEA certificate is dated in the period."),
    Indicator("spanish_students", "Education", "People in Spanish classes",
              "People present at one Spanish class or more in the period."),
    Indicator("rfc_processed", "Employment", "RFC tax IDs processed",
              "RFCs the program obtained: paperwork marked issued, issue date in the period "
              "(an RFC a person already had is not counted)."),
    Indicator("formal_jobs", "Employment", "Formal jobs active",
              "Places of the formal openings activated in the period (the seed's 2,000 "
              "counts openings, not people)."),
    Indicator("people_placed", "Employment", "People placed in a job",
              "People who started a job in the period (each person once)."),
    Indicator("working_30_days", "Employment", "Still working at 30 days",
              "Placements confirmed 30 days after the start, confirmed in the period."),
    Indicator("medication_dispensed", "Health", "Medication dispensed",
              "Medicines handed to people in the period (one per medicine and person "
              "dispensed), counted from the pharmacy's stock ledger."),
    Indicator("consultations", "Health", "Medical consultations and follow-up",
              "Consultations attended in the period (a correction does not count twice)."),
    Indicator("births", "Health", "Births",
              "Children born in the period, registered into their mother's household."),
    Indicator("donated_articles", "Donations", "Donated articles",
              "Units of supplies received as donations in the period (donations module: each "
              "item counted on arrival, medicines apart)."),
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
