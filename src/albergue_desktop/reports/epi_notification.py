"""The weekly epidemiological notification (SUIVE-1 layout: new cases by age group and sex)
as a PDF and an Excel sheet. Counts only; VIEW_HEALTH (services/epi_notification.py)."""

from __future__ import annotations

from pathlib import Path

from ..domain.epi_week import GROUP_LABELS, EpiWeek
from ..domain.i18n import translate as _
from ..services import access_log
from ..services.context import Actor
from ..services.epi_notification import (
    CONDITIONS, DIARRHOEAL, RESPIRATORY, Notification, weekly_notification,
)
from ..storage.db import Database
from . import common
from .frame import FONT_BOLD, PrintInfo, build_pdf, fmt_date, long_table, para, styles

CONDITION_NAMES = {
    RESPIRATORY: "Acute respiratory infections (suspected viral respiratory disease)",
    DIARRHOEAL: "Acute diarrhoeal disease",
}
SOURCE_NAMES = {"screening": "intake health screenings", "consultation": "consultations"}
SEXES = (("M", "M"), ("F", "F"))


def _header() -> tuple[list, list]:
    sub = ["", *[_(label) for _g in GROUP_LABELS for _k, label in SEXES], _("Cases"),
           _("Sex not recorded")]
    # top row: each age group spans its two sex columns
    top = [_("Condition")]
    for g in GROUP_LABELS:
        top += [g, ""]
    top += [_("Total"), ""]
    return top, sub


def rows(note: Notification) -> list[list]:
    """One row per condition: cases per age group and sex, total, sex not recorded."""
    out = []
    for condition in CONDITIONS:
        cells: list = [_(CONDITION_NAMES[condition])]
        for group in GROUP_LABELS:
            cells += [note.cell(condition, group, sex) for sex, _l in SEXES]
        cells += [note.total(condition), note.total(condition, "X")]
        out.append(cells)
    return out


def _subtitle(note: Notification) -> str:
    return _("Epidemiological week {week}: {start} to {end}", week=f"{note.week.week:02d}/"
             f"{note.week.year}", start=fmt_date(note.week.start), end=fmt_date(note.week.end))


@access_log.audited(access_log.PRINT, "epidemiological notification")
def notification_pdf(db: Database, actor: Actor, out, *, week: EpiWeek,
                     center: str | None = None) -> Path:
    center_id, label = common.resolve_center(db, center)
    note = weekly_notification(db, actor, week, center_id=center_id)
    info = PrintInfo(_("Weekly notification of new cases"), common.printed_by(db, actor), label,
                     _subtitle(note), landscape=True)
    st = styles()
    top, sub = _header()
    widths = [112] + [21] * (2 * len(GROUP_LABELS)) + [38, 50]
    spans = [("SPAN", (1 + 2 * i, 0), (2 + 2 * i, 0)) for i in range(len(GROUP_LABELS))]
    extra = [*spans, ("SPAN", (0, 0), (0, 1)), ("SPAN", (-2, 0), (-1, 0)),
             ("ALIGN", (1, 0), (-1, -1), "CENTER"), ("FONT", (0, 1), (-1, 1), FONT_BOLD, 8),
             ("FONTSIZE", (1, 2), (-1, -1), 9)]
    sub = [*sub[:-2], para(sub[-2], st["note"]), para(sub[-1], st["note"])]
    data = [top, sub, *[[para(r[0], st["cell"]), *r[1:]] for r in rows(note)]]
    story = [
        para(_("New cases by age group (years) and sex"), st["h2"]),
        long_table(data, widths, extra, header_rows=2),
        para(_("Format: SINAVE/DGE weekly report of new cases of disease (SUIVE-1): age "
               "groups and sex as on the form; epidemiological weeks from Sunday to "
               "Saturday."), st["note"]),
        para(_("Sources: {sources}. A person counts once per condition and week, whatever the "
               "number of visits. From screenings: a positive or urgent result of the "
               "respiratory case definition (DGE), and the IITT sign \"vomits everything or "
               "ongoing diarrhoea\"; from diagnoses: ICD-10 J00-J22 and U07.1 (respiratory), "
               "A00-A09 (diarrhoeal).", sources=", ".join(
                   _(SOURCE_NAMES.get(s, s)) for s in note.sources)), st["note"]),
    ]
    return build_pdf(out, story, info)


@access_log.audited(access_log.EXPORT, "epidemiological notification")
def notification_xlsx(db: Database, actor: Actor, out, *, week: EpiWeek,
                      center: str | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from .output import write_atomically
    from .xlsx import safe_text

    center_id, label = common.resolve_center(db, center)
    note = weekly_notification(db, actor, week, center_id=center_id)
    wb = Workbook()  # a small sheet with merged headers: not the write-only kind
    ws = wb.active
    ws.title = f"SE{week.week:02d}-{week.year}"
    ws.append([safe_text(_("Weekly notification of new cases"))])
    ws.append([safe_text(label), safe_text(_subtitle(note))])
    top, sub = _header()
    ws.append(top)
    ws.append(sub)
    for i in range(len(GROUP_LABELS)):
        ws.merge_cells(start_row=3, start_column=2 + 2 * i, end_row=3, end_column=3 + 2 * i)
    for r in rows(note):
        ws.append([safe_text(r[0]), *r[1:]])
    for row in ws.iter_rows(min_row=3, max_row=4):
        for cell in row:
            cell.font = Font(bold=True)
            cell.alignment = Alignment(horizontal="center")
    ws["A1"].font = Font(bold=True, size=13)
    ws.column_dimensions["A"].width = 52
    ws.freeze_panes = "B5"
    return write_atomically(Path(out), lambda tmp: wb.save(tmp))
