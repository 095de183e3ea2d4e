"""Bed list for the night count: every bed of a center (or one area) with its occupant or
FREE / BLOCKED, an empty column to tick during the count, and a signature line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from itertools import groupby
from pathlib import Path

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, KeepTogether, PageBreak, Spacer, Table

from ..domain import clock
from ..domain.errors import NotFoundError
from ..domain.i18n import translate as _
from ..domain.labels import label
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .frame import FONT_BOLD, PrintInfo, build_pdf, fit, long_table, para, styles

WIDTHS = (46, 64, 164, 88, 44, 34, 100)  # 540 pt: portrait letter between margins


def bed_state(row: rq.BedRow) -> str:
    """What the line says about the bed: the occupant, FREE or BLOCKED (with the reason)."""
    if row.occupant:
        return row.occupant
    if row.is_blocked:
        blocked = _("BLOCKED")
        return f"{blocked} — {row.block_reason}" if row.block_reason else blocked
    return _("FREE")


def _area_table(rows: list[rq.BedRow], *, on: date, st) -> list:
    data: list[list] = [[_("Bed"), _("Type"), _("Occupant"), _("Folio"), _("Sex"), _("Age"),
                         _("Night count")]]
    extra = []
    for r in rows:
        if not r.occupant:
            extra.append(("FONT", (2, len(data)), (2, len(data)), FONT_BOLD, 10))
        data.append([r.bed_code, label("bed_kind", r.bed_kind),
                     fit(bed_state(r), WIDTHS[2], st["cell"], bold=not r.occupant),
                     r.folio or "", label("sex", r.sex) if r.sex else "",
                     common.age_text(r.birth_date, False, on), ""])
    extra.append(("GRID", (6, 1), (6, -1), 0.5, "black"))
    return [long_table(data, WIDTHS, extra)]


def _signature(st) -> KeepTogether:
    line = "_" * 34
    table = Table([[_("Counted by:"), line, _("Signature:"), "_" * 22],
                   [_("Date and time:"), line, _("People counted:"), "_" * 22]],
                  colWidths=(95, 190, 95, 160), rowHeights=28)
    table.setStyle([("FONT", (0, 0), (-1, -1), st["body"].fontName, 10),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM")])
    return KeepTogether([Spacer(0, 0.15 * inch), table])


def _summary(rows: list[rq.BedRow], unbedded: int) -> str:
    occupied = sum(1 for r in rows if r.occupant)
    blocked = sum(1 for r in rows if r.is_blocked and not r.occupant)
    return _("Beds: {beds} · occupied {occupied} · free {free} · blocked {blocked}",
             beds=len(rows), occupied=occupied, free=len(rows) - occupied - blocked,
             blocked=blocked) + (_(" · people present without a bed: {n}", n=unbedded)
                                 if unbedded else "")


@access_log.audited(access_log.PRINT, "bed_list")
def bedlist_pdf(source: Database | Sequence[rq.BedRow], actor: Actor, out, *,
                center: str | None = None, area: str | None = None, on: date | None = None,
                info: PrintInfo | None = None) -> Path:
    """Bed list of ``center`` (code or id; every center on its own pages when None),
    optionally one ``area`` (id or name)."""
    on = on or clock.today()
    unbedded: dict[str, int] = {}
    if isinstance(source, Database):
        actor.require(Permission.VIEW_PEOPLE)
        center_id, center_label = common.resolve_center(source, center)
        with source.session(actor.username) as session:
            rows = rq.bed_rows(session=session, center_id=center_id)
            if area:
                rows = [r for r in rows if area in (r.area_id, r.area_name)]
                # an area named by what it reveals is chosen by id by roles without health
                # permission (its name is not shown to them)
                if not rows:
                    raise NotFoundError("area", area)
            if not area:
                unbedded = rq.unbedded_by_center(session=session)
        info = info or PrintInfo(_("Bed list"), common.printed_by(source, actor), center_label,
                                 _("Night count of {date}", date=on.strftime("%d/%m/%Y")))
    else:
        rows = list(source)
        info = info or PrintInfo(_("Bed list"), actor.username)
    st = styles()
    story: list = []
    for i, ((code, name), beds) in enumerate(groupby(rows, key=lambda r: (r.center_code,
                                                                          r.center_name))):
        beds = list(beds)
        if i:
            story.append(PageBreak())
        if not center:
            story.append(para(f"{code} · {name}", st["h2"]))
        for (_area_id, area_name, segment), area_beds in groupby(
                beds, key=lambda r: (r.area_id, r.area_name, r.area_segment)):
            story.append(CondPageBreak(1.2 * inch))
            story.append(para(" — ".join(common.area_label(area_name, segment,
                                                            role=actor.role)), st["h2"]))
            story += _area_table(list(area_beds), on=on, st=st)
        story.append(para(_summary(beds, unbedded.get(code, 0)), st["bold"]))
        story.append(_signature(st))
    if not rows:
        story.append(para(_("No beds are registered."), st["body"]))
    return build_pdf(out, story, info)
