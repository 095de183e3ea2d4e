"""Roster (lista de albergados): everyone present, per center, grouped by area and household.
Medical flags are printed only when the printing user's role may view health data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, PageBreak, Spacer

from ..domain import clock
from ..domain.i18n import translate as _
from ..domain.labels import label
from ..domain.permissions import Permission, allows
from ..domain.validation import age_on
from ..services import access_log
from ..services.context import Actor
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .frame import (
    PrintInfo,
    build_pdf,
    fit,
    fmt_date,
    long_table,
    para,
    styles,
)

# Column widths in points on landscape letter (720 pt between margins).
WIDTHS = (80, 190, 42, 34, 70, 95, 50, 62, 97)


def load_rows(db: Database, actor: Actor, center_id: str | None) -> list[rq.RosterRow]:
    actor.require(Permission.VIEW_PEOPLE)
    with db.session(actor.username) as session:
        return rq.roster_rows(session=session, center_id=center_id)


def flags(row: rq.RosterRow, *, on: date, role: str) -> str:
    """Short markers: minor, the specific-need codes ``role`` may see, and (health roles
    only) isolation, pregnancy and chronic disease when the data records them."""
    out = []
    health = allows(role, Permission.VIEW_HEALTH)
    if row.age_in_doubt or row.birth_date is None:
        # No birth date, or staff ticked "edad en duda": presumed a minor (LGDNNA art. 5,
        # docs/placement.md), so the paper says so as the placement rules do.
        out.append(_("Age in doubt"))
    elif age_on(row.birth_date, on) < common.ADULT_AGE:
        out.append(_("Minor"))
    out += common.visible_needs(row.specific_needs, role=role)
    if health:
        if row.isolation:
            out.append(_("Isolation"))
        if row.pregnant:
            out.append(_("Pregnant"))
        if row.chronic:
            out.append(_("Chronic"))
    return ", ".join(out)


def _header() -> list[str]:
    return [_("Folio"), _("Name"), _("Sex"), _("Age"), _("Nationality"), _("Household"),
            _("Bed"), _("Check-in"), _("Flags")]


def _center_tables(rows: list[rq.RosterRow], *, on: date, role: str, st) -> list:
    """For each area of a center: a shaded heading, then a table of its households (head
    first, a rule between households). One table per area keeps long rosters fast
    (reportlab re-examines a table's remaining rows and styles at every page break)."""
    sizes: dict[str | None, int] = {}
    for r in rows:
        sizes[r.household_folio] = sizes.get(r.household_folio, 0) + 1
    cell = st["cell"]
    story: list = []
    for area, members in groupby(rows, key=lambda r: (r.area_name, r.area_segment)):
        members = list(members)
        group = (" — ".join(common.area_label(area[0], area[1], role=role)) if area[0]
                 else _("No bed assigned"))
        story.append(CondPageBreak(1.2 * inch))  # the heading, table header and a few rows
        story.append(para(_("{group} · people: {n}", group=group, n=len(members)),
                          st["group"]))
        data: list[list] = [_header()]
        extra: list[tuple] = []
        household = object()
        for r in members:
            if r.household_folio != household and len(data) > 1:
                extra.append(("LINEABOVE", (0, len(data)), (-1, len(data)), 0.9, colors.black))
            household = r.household_folio
            data.append([
                r.folio or "", fit(r.full_name, WIDTHS[1], cell),
                label("sex", r.sex), common.age_text(r.birth_date, r.birth_date_estimated, on),
                fit(label("country", r.nationality), WIDTHS[4], cell),
                fit(f"{r.household_label} ({sizes[r.household_folio]})", WIDTHS[5], cell),
                r.bed_code or "", fmt_date(r.check_in),
                fit(flags(r, on=on, role=role), WIDTHS[8], cell),
            ])
        story.append(long_table(data, WIDTHS, extra))
    return story


@access_log.audited(access_log.PRINT, "roster")
def roster_pdf(source: Database | Sequence[rq.RosterRow], actor: Actor, out, *,
               center: str | None = None, on: date | None = None,
               info: PrintInfo | None = None) -> Path:
    """Write the roster of ``center`` (code or id; all centers when None) to ``out``.
    ``source`` is a database, or rows already loaded (then ``info`` names the header)."""
    on = on or clock.today()
    role = actor.role
    if isinstance(source, Database):
        center_id, center_label = common.resolve_center(source, center)
        rows = load_rows(source, actor, center_id)
        info = info or PrintInfo(_("Roster of sheltered people"),
                                 common.printed_by(source, actor), center_label,
                                 _("People present when printed · ages on {date}",
                                   date=fmt_date(on)),
                                 landscape=True)
    else:
        rows = list(source)
        info = info or PrintInfo(_("Roster of sheltered people"), actor.username,
                                 landscape=True)
    info.landscape = True
    st = styles()
    story: list = []
    by_center = [(key, list(group)) for key, group in
                 groupby(rows, key=lambda r: (r.center_code, r.center_name))]
    for i, ((code, name), members) in enumerate(by_center):
        if i:
            story.append(PageBreak())
        if len(by_center) > 1 or not center:
            story.append(para(f"{code} · {name}", st["h2"]))
        story += _center_tables(members, on=on, role=role, st=st)
        households = len({r.household_folio for r in members})
        story.append(para(_("Total people: {people} · households: {households}",
                            people=len(members), households=households), st["bold"]))
    if not rows:
        story.append(para(_("Nobody is present."), st["body"]))
    elif len(by_center) > 1:
        story.append(Spacer(0, 0.1 * inch))
        story.append(para(_("All centers, total people: {people}", people=len(rows)),
                          st["bold"]))
    story.append(para(_("Flags: Minor = under 18; codes are UNHCR specific needs; "
                        "~ = estimated age."), st["note"]))
    story.append(para(common.restriction_note(role), st["note"]))
    return build_pdf(out, story, info)
