"""The supervisor's dashboard: occupancy of each center over time against its capacity,
arrivals and departures per day, and the triage colours of the people present (roles that
may see health data only). Charts are reportlab's own (``reportlab.graphics``), drawn into
the PDF; the Reports screen shows that PDF in its preview, so one chart definition serves
screen and paper (docs/dashboards.md says why not matplotlib). The impact report adds the
first two charts (:func:`program_charts`)."""

from __future__ import annotations

from datetime import date, timedelta, tzinfo
from pathlib import Path

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Spacer, Table
from sqlalchemy import text

from ..domain import clock
from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..storage import dashboard_queries as dq
from ..storage.db import Database
from . import common
from .frame import FONT, FONT_BOLD, PrintInfo, build_pdf, fmt_date, frame_size, para, styles

DEFAULT_DAYS = 30
OCCUPANCY, CAPACITY = colors.HexColor("#1F5A96"), colors.HexColor("#C0392B")
ARRIVALS, DEPARTURES = colors.HexColor("#2E7D32"), colors.HexColor("#8D6E63")
TRIAGE_FILL = {"red": colors.HexColor("#D32F2F"), "yellow": colors.HexColor("#F9A825"),
               "green": colors.HexColor("#388E3C"), "none": colors.HexColor("#B0B0B0")}
TRIAGE_NAMES = {"red": "Red", "yellow": "Yellow", "green": "Green", "none": "Not screened"}


def _day_labels(days: list[date], width: float) -> list[str]:
    """A date every few days, as many as fit ``width`` (about 40 points each), blank
    between; the last day always."""
    step = max(1, -(-len(days) // max(2, int(width // 40))))
    last = len(days) - 1
    return [d.strftime("%d/%m") if (i % step == 0 and last - i >= step / 2) or i == last
            else "" for i, d in enumerate(days)]


def _legend(right: float, y: float, pairs: list[tuple[colors.Color, str]]) -> Legend:
    """A one-line legend ending at ``right``."""
    legend = Legend()
    legend.fontName, legend.fontSize = FONT, 7
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.dx, legend.dy, legend.dxTextSpace = 8, 6, 4
    widths = [stringWidth(text, FONT, 7) + 8 + 4 + 14 for _c, text in pairs]
    legend.deltax = max(widths)
    legend.x, legend.y = right - legend.deltax * len(pairs), y
    legend.colorNamePairs = pairs
    return legend


def occupancy_chart(series: dq.CenterSeries, days: list[date], *, width: float = 172,
                    height: float = 118) -> Drawing:
    """One center: people present at the end of each day (line) and its capacity (dashed)."""
    drawing = Drawing(width, height)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 26, 20, width - 32, height - 42
    chart.data = [series.occupancy, [series.capacity] * len(days)]
    chart.categoryAxis.categoryNames = _day_labels(days, chart.width)
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 6
    chart.categoryAxis.labels.angle = 0
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 6
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*series.occupancy, series.capacity, 4]) * 1.15
    chart.lines[0].strokeColor, chart.lines[0].strokeWidth = OCCUPANCY, 1.4
    chart.lines[1].strokeColor, chart.lines[1].strokeWidth = CAPACITY, 0.9
    chart.lines[1].strokeDashArray = (3, 2)
    drawing.add(chart)
    now = series.occupancy[-1] if series.occupancy else 0
    title = f"{series.code} · {series.name}"[:34]
    drawing.add(String(2, height - 10, title, fontName=FONT_BOLD, fontSize=8))
    drawing.add(String(width - 2, height - 20, _("{now} of {capacity}", now=now,
                                                capacity=series.capacity),
                       fontName=FONT, fontSize=7, textAnchor="end"))
    return drawing


def occupancy_grid(series: list[dq.CenterSeries], days: list[date], width: float) -> list:
    per_row = 3
    cell = width / per_row
    drawings = [occupancy_chart(s, days, width=cell - 6) for s in series]
    rows = [drawings[i:i + per_row] for i in range(0, len(drawings), per_row)]
    rows[-1] += [""] * (per_row - len(rows[-1]))
    legend = Drawing(width, 14)
    legend.add(_legend(width, 10, [(OCCUPANCY, _("People present (end of day)")),
                                   (CAPACITY, _("Capacity"))]))
    return [legend, Table(rows, colWidths=[cell] * per_row, hAlign="LEFT",
                          style=[("LEFTPADDING", (0, 0), (-1, -1), 0),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 4)])]


def movements_chart(moves: dq.Movements, days: list[date], *, width: float,
                    height: float = 170) -> Drawing:
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 22, width - 40, height - 44
    chart.data = [moves.arrivals, moves.departures]
    chart.groupSpacing, chart.barSpacing = 2, 0
    chart.bars[0].fillColor, chart.bars[1].fillColor = ARRIVALS, DEPARTURES
    chart.bars.strokeWidth = 0
    chart.categoryAxis.categoryNames = _day_labels(days, chart.width)
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 7
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 7
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max([*moves.arrivals, *moves.departures, 4]) * 1.15
    drawing.add(chart)
    drawing.add(_legend(width, height - 6, [(ARRIVALS, _("Arrivals")),
                                            (DEPARTURES, _("Departures"))]))
    return drawing


def triage_chart(counts: list[tuple[str, dict[str, int]]], *, width: float,
                 height: float = 170) -> Drawing:
    """People present per center, stacked by the colour of their latest triage."""
    drawing = Drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 30, 22, width - 40, height - 44
    keys = [*dq.TRIAGE_COLOURS, "none"]
    chart.data = [[dict(c).get(k, 0) for _code, c in counts] for k in keys]
    chart.categoryAxis.style = "stacked"
    chart.categoryAxis.categoryNames = [code for code, _c in counts]
    for i, key in enumerate(keys):
        chart.bars[i].fillColor = TRIAGE_FILL[key]
    chart.bars.strokeWidth = 0
    chart.categoryAxis.labels.fontName, chart.categoryAxis.labels.fontSize = FONT, 7
    chart.valueAxis.labels.fontName, chart.valueAxis.labels.fontSize = FONT, 7
    chart.valueAxis.valueMin = 0
    totals = [sum(c.values()) for _code, c in counts] or [0]
    chart.valueAxis.valueMax = max([*totals, 4]) * 1.15
    drawing.add(chart)
    drawing.add(_legend(width, height - 6, [(TRIAGE_FILL[k], _(TRIAGE_NAMES[k]))
                                            for k in keys]))
    return drawing


def period(start: date | None, end: date | None) -> list[date]:
    end = end or clock.today()
    start = start or end - timedelta(days=DEFAULT_DAYS - 1)
    if start > end:
        start, end = end, start
    return dq.days_between(start, end)


def recorded_period(db: Database, start: date | None, end: date | None,
                    tz: tzinfo) -> list[date]:
    """The days of a report period; without a start, from the first check-in recorded."""
    if start is None:
        with db.read_session() as session:
            first = session.connection().execute(text(
                "SELECT min(check_in) FROM stay WHERE deleted = 0")).scalar()
        if first is not None:
            start = dq.instant(first).astimezone(tz).date()
    return period(start, end)


def program_charts(db: Database, actor: Actor, *, days: list[date], tz: tzinfo,
                   center_id: str | None = None) -> list:
    """Occupancy against capacity and arrivals/departures per day, as flowables."""
    st = styles()
    width = frame_size(PrintInfo("", ""))[0]
    with db.session(actor.username) as session:
        series = dq.occupancy(session=session, days=days, tz=tz, center_id=center_id)
        moves = dq.movements(session=session, days=days, tz=tz, center_id=center_id)
    story: list = [CondPageBreak(220), para(_("Arrivals and departures per day"), st["h2"]),
                   movements_chart(moves, days, width=width)]
    if not center_id:
        story.append(para(_("The total leaves transfers between centers out."), st["note"]))
    story += [CondPageBreak(300), para(_("Occupancy of each center against its capacity"),
                                       st["h2"])]
    story += occupancy_grid(series, days, width) if series else [
        para(_("No centers in this file."), st["body"])]
    story.append(para(_("Capacity: the daily capacity set for the center, else its beds in "
                        "service."), st["note"]))
    return story


@access_log.audited(access_log.PRINT, "dashboard")
def dashboard_pdf(db: Database, actor: Actor, out, *, center: str | None = None,
                  start: date | None = None, end: date | None = None,
                  tz: tzinfo | None = None) -> Path:
    actor.require(Permission.VIEW_PEOPLE)
    tz = tz or common.local_tz()
    days = recorded_period(db, start, end, tz)
    center_id, center_label = common.resolve_center(db, center)
    info = PrintInfo(_("Dashboard"), common.printed_by(db, actor), center_label,
                     _("Period: {start} to {end}", start=fmt_date(days[0]),
                       end=fmt_date(days[-1])))
    st = styles()
    story = program_charts(db, actor, days=days, tz=tz, center_id=center_id)
    story += [Spacer(0, 6), CondPageBreak(230),
              para(_("Triage colours of the people present"), st["h2"])]
    if actor.can(Permission.VIEW_HEALTH):
        with db.session(actor.username) as session:
            counts = dq.triage_by_center(session=session, center_id=center_id)
        story.append(triage_chart(counts, width=frame_size(info)[0]))
        story.append(para(_("Latest triage of each person present (IITT colours); a "
                            "clinician's up-triage counts. Includes medical data: "
                            "confidential document."), st["note"]))
    else:
        story.append(para(_("Left out: the role {role} may not view health data.",
                            role=actor.role), st["note"]))
    return build_pdf(out, story, info)
