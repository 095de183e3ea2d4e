"""Daily census (parte diario): per center and in total, the people present at the end of a
day, that day's arrivals and departures, by sex, age group and segment, free beds and the
meals to prepare."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, tzinfo
from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph, Spacer

from ..domain import clock
from ..domain.i18n import translate as _
from ..domain.labels import label
from ..services import access_log
from ..services.census import Breakdown, DailyNumbers, daily_numbers, daily_numbers_all
from ..services.context import Actor
from ..storage.db import Database
from . import common
from .frame import FONT_BOLD, GROUP_FILL, PrintInfo, build_pdf, fmt_date, long_table, para, styles

MEALS_PER_DAY = 3  # breakfast, lunch and dinner for each person present
SEXES = ("F", "M", "X")


@dataclass
class CenterCensus:
    code: str
    name: str
    present: int = 0
    arrivals: int = 0
    departures: int = 0
    transfers_in: int = 0
    transfers_out: int = 0
    expected: int = 0  # pending transfer arrivals at the end of the day
    free_beds: int = 0
    by_sex: Counter = field(default_factory=Counter)
    by_age: Counter = field(default_factory=Counter)
    by_segment: Counter = field(default_factory=Counter)
    arrivals_by: Breakdown = field(default_factory=Breakdown)
    departures_by: Breakdown = field(default_factory=Breakdown)

    @property
    def meals(self) -> int:
        return self.present * MEALS_PER_DAY


@dataclass
class Census:
    day: date
    centers: list[CenterCensus]
    total: CenterCensus

    @property
    def segments(self) -> list[str | None]:
        found = set(self.total.by_segment)
        order = [*common.SEGMENTS, *sorted(s for s in found if s and s not in common.SEGMENTS)]
        return [s for s in order if s in found] + ([None] if None in found else [])

    @property
    def has_unknown_age(self) -> bool:
        return self.total.by_age[common.UNKNOWN_AGE] > 0


def _row(n: DailyNumbers) -> CenterCensus:
    return CenterCensus(n.code, n.name, present=n.present.total, arrivals=n.arrivals.total,
                        departures=n.departures.total, transfers_in=n.transfers_in,
                        transfers_out=n.transfers_out, expected=n.expected,
                        free_beds=n.free_beds, by_sex=Counter(n.present.by_sex),
                        by_age=Counter(n.present.by_age),
                        by_segment=Counter(n.present.by_segment),
                        arrivals_by=n.arrivals, departures_by=n.departures)


def _add(a: Breakdown, b: Breakdown) -> Breakdown:
    return Breakdown(a.total + b.total, dict(Counter(a.by_sex) + Counter(b.by_sex)),
                     dict(Counter(a.by_age) + Counter(b.by_age)),
                     dict(Counter(a.by_segment) + Counter(b.by_segment)))


def compute_census(db: Database, actor: Actor, day: date, *, tz: tzinfo | None = None,
                   center: str | None = None) -> Census:
    """The census of local day ``day`` (time zone ``tz``, the computer's by default), from
    ``services.census`` (the numbers the coordinator sees on screen). In the total,
    transfers between centers are neither arrivals nor departures."""
    center_id, _label = common.resolve_center(db, center)
    numbers = ([daily_numbers(db, actor, center_id, day, tz=tz)] if center_id
               else daily_numbers_all(db, actor, day, tz=tz))
    rows = [_row(n) for n in numbers]
    total = CenterCensus("", _("Total"))
    for row in rows:
        for name in ("present", "arrivals", "departures", "transfers_in", "transfers_out",
                     "expected", "free_beds"):
            setattr(total, name, getattr(total, name) + getattr(row, name))
        total.by_sex += row.by_sex
        total.by_age += row.by_age
        total.by_segment += row.by_segment
        total.arrivals_by = _add(total.arrivals_by, row.arrivals_by)
        total.departures_by = _add(total.departures_by, row.departures_by)
    total.arrivals -= total.transfers_in
    total.departures -= total.transfers_out
    return Census(day, rows, total)


def _ages(census: Census) -> list[str]:
    return [g[0] for g in common.AGE_GROUPS] + (
        [common.UNKNOWN_AGE] if census.has_unknown_age else [])


def _movement_rows(census: Census) -> list[list]:
    """Per center with movement: arrivals and departures by sex and age group."""
    ages, rows = _ages(census), []
    for r in census.centers:
        for name, b, transfers in ((_("Arrivals"), r.arrivals_by, r.transfers_in),
                                   (_("Departures"), r.departures_by, r.transfers_out)):
            if b.total:
                rows.append([f"{r.code} {r.name} · {name}", b.total,
                             *(b.by_sex.get(x, 0) for x in SEXES),
                             *(b.by_age.get(a, 0) for a in ages), transfers])
    return rows


def main_columns(census: Census) -> list[str]:
    ages = _ages(census)
    return ([_("Present"), _("Arrivals"), _("Departures")] + [label("sex", s) for s in SEXES]
            + ages + [_("Free beds"), _("Meals")])


def main_values(row: CenterCensus, census: Census) -> list[int]:
    ages = _ages(census)
    return ([row.present, row.arrivals, row.departures] + [row.by_sex[s] for s in SEXES]
            + [row.by_age[a] for a in ages] + [row.free_beds, row.meals])


def _table(header: list[str], rows: list[list], first_width: float, total_width: float,
           *, total_row: bool):
    st = styles()
    head = Paragraph  # headers wrap inside narrow columns
    style = st["cell"].clone("head", fontName=FONT_BOLD, fontSize=9, leading=10.5)
    # Each count column as wide as its longest header word (headers wrap between words,
    # never inside one); the center name takes the rest.
    needs = [max(30.0, *(stringWidth(w, FONT_BOLD, 9) for w in h.split())) + 8 for h in header]
    first = max(first_width, total_width - sum(needs))
    widths = [first] + needs
    data = [[head(_("Center"), style)] + [head(h, style) for h in header], *rows]
    extra = [("ALIGN", (1, 1), (-1, -1), "RIGHT")]
    if total_row:
        extra += [("FONT", (0, -1), (-1, -1), FONT_BOLD, 10),
                  ("BACKGROUND", (0, -1), (-1, -1), GROUP_FILL),
                  ("LINEABOVE", (0, -1), (-1, -1), 0.9, "black")]
    return long_table(data, widths, extra)


@access_log.audited(access_log.PRINT, "census")
def census_pdf(db: Database, actor: Actor, out, *, day: date | None = None,
               center: str | None = None, tz: tzinfo | None = None,
               census: Census | None = None) -> Path:
    day = day or clock.today()
    census = census or compute_census(db, actor, day, tz=tz, center=center)
    center_label = common.resolve_center(db, center)[1]
    info = PrintInfo(_("Daily census"), common.printed_by(db, actor), center_label,
                     _("Day: {date} (people present at the end of the day)",
                       date=fmt_date(day)), landscape=True)
    st = styles()
    many = len(census.centers) > 1
    rows = [*census.centers, census.total] if many else census.centers
    story: list = [para(_("Population, movements, beds and meals"), st["h2"]),
                   _table(main_columns(census),
                          [[f"{r.code} {r.name}".strip()] + main_values(r, census)
                           for r in rows], 120, 720, total_row=many)]
    segments = common.segment_columns(census.segments, role=actor.role)
    if segments:
        story += [Spacer(0, 8), para(_("People present by segment"), st["h2"]),
                  _table([header for header, _keys in segments],
                         [[f"{r.code} {r.name}".strip()]
                          + [sum(r.by_segment[k] for k in keys) for _h, keys in segments]
                          for r in rows], 180, 180, total_row=many)]
    moves = _movement_rows(census)
    if moves:
        ages = _ages(census)
        story += [Spacer(0, 8), para(_("Arrivals and departures of the day"), st["h2"]),
                  _table([_("Total"), *(label("sex", x) for x in SEXES), *ages,
                          _("Transfers")], moves, 200, 200 + 50 * (len(ages) + 5),
                         total_row=False)]
    notes = [_("Meals to prepare = people present × {n} meals (breakfast, lunch and dinner).",
               n=MEALS_PER_DAY),
             _("Free beds = beds in service with nobody in them at the end of the day; blocked "
               "beds are taken as they are today."),
             _("Age groups are ages on the day of the census.")]
    t_in, t_out = census.total.transfers_in, census.total.transfers_out
    if t_in or t_out:
        notes.append(_("Arrivals include {t_in} transfers from another center and departures "
                       "{t_out} transfers to another center.", t_in=t_in, t_out=t_out)
                     + (" " + _("The total leaves transfers between centers out.")
                        if many else ""))
    if census.total.expected:
        notes.append(_("Transfers expected but not arrived at the end of the day: {n}.",
                       n=census.total.expected))
    story += [para(n, st["note"]) for n in notes]
    return build_pdf(out, story, info)
