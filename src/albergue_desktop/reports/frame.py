"""The common frame of every printed report: letter paper, an embedded font that covers
Spanish, French and Haitian Creole accents, a header (program, report title, center, date
and time printed and who printed it), "Página X de Y" and tables whose header row repeats on
every page. Text is in the current language through :func:`i18n.translate`."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape, letter
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Frame, LongTable, PageTemplate, Paragraph

from ..domain import clock
from ..domain.i18n import translate as _
from .header import Line, Right, layout
from .output import write_atomically

PROGRAM = "Plan Integral de Atención al Migrante — DIF Municipal Mexicali"
FONT, FONT_BOLD = "AlbergueSans", "AlbergueSans-Bold"
BODY_SIZE = 10
MARGIN = 0.5 * inch
HEADER_HEIGHT = 1.1 * inch
FOOTER_HEIGHT = 0.45 * inch
HEADER_FILL = colors.HexColor("#DDE3EA")
GROUP_FILL = colors.HexColor("#EEF1F4")
MUTED = colors.HexColor("#555555")

_HERE = Path(__file__).resolve()
FONT_DIRS = (_HERE.parents[1] / "resources" / "fonts",  # installed wheel layout
             _HERE.parents[3] / "resources" / "fonts")  # source checkout
FONT_FILES = ("DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf")


@cache
def register_fonts() -> str:
    """Register the report font family once; returns the file used (for diagnostics).
    Falls back to the Vera fonts bundled with reportlab (Latin-1 accents only)."""
    for folder in FONT_DIRS:
        regular, bold = (folder / name for name in FONT_FILES)
        if regular.is_file() and bold.is_file():
            break
    else:
        regular, bold = Path("Vera.ttf"), Path("VeraBd.ttf")
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT,
                                  boldItalic=FONT_BOLD)
    return str(regular)


def fmt_date(value: date | datetime | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.astimezone(clock.program_tz()).date() if value.tzinfo else value.date()
    return value.strftime("%d/%m/%Y")


def fmt_datetime(value: datetime) -> str:
    return value.strftime("%d/%m/%Y %H:%M")


@dataclass
class PrintInfo:
    """What the header says about this printout."""

    title: str                      # already translated
    printed_by: str
    center: str = ""                # "03 Centro Comunitario 3" or "Todos los centros"
    subtitle: str = ""
    printed_at: datetime = field(default_factory=lambda: datetime.now(clock.program_tz()))
    landscape: bool = False

    @property
    def pagesize(self) -> tuple[float, float]:
        return landscape(letter) if self.landscape else letter


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("body", fontName=FONT, fontSize=BODY_SIZE, leading=BODY_SIZE + 2)
    return {
        "body": base,
        "cell": ParagraphStyle("cell", parent=base, leading=BODY_SIZE + 1),
        "bold": ParagraphStyle("bold", parent=base, fontName=FONT_BOLD),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=12, leading=15,
                             spaceBefore=6, spaceAfter=4),
        "note": ParagraphStyle("note", parent=base, fontSize=9, leading=11,
                               textColor=MUTED, spaceBefore=4),
        # a group heading right above its table; put a CondPageBreak before it (keepWithNext
        # would push a table longer than a page to the next page, leaving this one empty)
        "group": ParagraphStyle("group", parent=base, fontName=FONT_BOLD, backColor=GROUP_FILL,
                                borderPadding=(3, 3, 2, 3), spaceBefore=9, spaceAfter=3),
    }


def para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text), style)


def fit(text: str, width: float, style: ParagraphStyle, *, bold: bool = False):
    """The text itself when it fits ``width`` on one line (fast), else a wrapping
    paragraph, so long compound names are never cut."""
    font = FONT_BOLD if bold else FONT
    if pdfmetrics.stringWidth(text, font, style.fontSize) <= width - 7:
        return text
    return Paragraph(f"<b>{escape(text)}</b>" if bold else escape(text), style)


def table_style(*, header_rows: int = 1) -> list[tuple]:
    return [
        ("FONT", (0, 0), (-1, -1), FONT, BODY_SIZE),
        ("FONT", (0, 0), (-1, header_rows - 1), FONT_BOLD, BODY_SIZE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.8, colors.black),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, colors.HexColor("#B0B0B0")),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.black),
    ]


def long_table(rows: Sequence[Sequence], widths: Sequence[float], extra: Sequence[tuple] = (),
               *, header_rows: int = 1) -> LongTable:
    """A table whose header rows repeat at the top of every page."""
    return LongTable(list(rows), colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT",
                     style=[*table_style(header_rows=header_rows), *extra])


def header_lines(info: PrintInfo) -> list[Line]:
    """Every text of the header of ``info``'s pages, placed so that none overlaps another
    (reports/header.py): a long center or user name shrinks or wraps."""
    register_fonts()
    width, height = info.pagesize
    right = width - MARGIN
    top = height - 0.42 * inch
    left = [Line(PROGRAM, FONT_BOLD, 9, MARGIN, top),
            Line(info.title, FONT_BOLD, 14, MARGIN, top - 19)]
    if info.subtitle:
        left.append(Line(info.subtitle, FONT, 10, MARGIN, top - 34))
    printed = _("Printed {when} by {who}", when=fmt_datetime(info.printed_at),
                who=info.printed_by)
    texts: list[Right] = [(printed, FONT, (8.5, 8, 7.5, 7), top)]
    if info.center:
        texts.append((info.center, FONT_BOLD, (11, 10, 9, 8), top - 19))
    return left + layout(left, texts, right_edge=right, bottom=height - HEADER_HEIGHT + 8)


def draw_header(c: pdfcanvas.Canvas, info: PrintInfo) -> None:
    width, height = info.pagesize
    c.saveState()
    for line in header_lines(info):
        c.setFont(line.font, line.size)
        c.drawString(line.x, line.baseline, line.text)
    c.setLineWidth(0.8)
    c.line(MARGIN, height - HEADER_HEIGHT + 6, width - MARGIN, height - HEADER_HEIGHT + 6)
    c.setFont(FONT, 8.5)
    c.drawString(MARGIN, 0.35 * inch, f"Albergue · {info.title}")
    c.restoreState()


def numbered_canvas(info: PrintInfo) -> type[pdfcanvas.Canvas]:
    """A canvas that holds its pages until the end to print "Página X de Y"."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                self.setFont(FONT, 8.5)
                self.drawRightString(info.pagesize[0] - MARGIN, 0.35 * inch,
                                     _("Page {page} of {pages}", page=number, pages=total))
                super().showPage()
            super().save()

    return NumberedCanvas


_progress = threading.local()


@contextmanager
def build_progress(callback: Callable[[int], None]) -> Iterator[None]:
    """Call ``callback(page_number)`` as each page of a PDF built in this thread begins (for
    a progress display). An exception raised from it stops the build, and
    :func:`.output.write_atomically` then leaves no file behind (a cancel)."""
    previous = getattr(_progress, "callback", None)
    _progress.callback = callback
    try:
        yield
    finally:
        _progress.callback = previous


def page_started(number: int) -> None:
    callback = getattr(_progress, "callback", None)
    if callback is not None:
        callback(number)


def frame_size(info: PrintInfo) -> tuple[float, float]:
    width, height = info.pagesize
    return width - 2 * MARGIN, height - HEADER_HEIGHT - FOOTER_HEIGHT - 0.1 * inch


def build_pdf(out, story: list, info: PrintInfo) -> Path:
    """Lay out ``story`` inside the common frame and write it atomically to ``out``."""
    register_fonts()
    width, height = info.pagesize
    frame_w, frame_h = frame_size(info)

    def write(path: Path) -> None:
        doc = BaseDocTemplate(str(path), pagesize=info.pagesize, title=info.title,
                              author=info.printed_by, subject=PROGRAM, creator="Albergue",
                              leftMargin=MARGIN, rightMargin=MARGIN,
                              topMargin=HEADER_HEIGHT, bottomMargin=FOOTER_HEIGHT)
        frame = Frame(MARGIN, FOOTER_HEIGHT + 0.1 * inch, frame_w, frame_h, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate("page", [frame],
                                           onPage=lambda c, _d: draw_header(c, info))])
        if getattr(_progress, "callback", None) is not None:
            doc.setProgressCallBack(lambda kind, value: page_started(value)
                                    if kind == "PAGE" else None)
        doc.build(story, canvasmaker=numbered_canvas(info))

    return write_atomically(out, write)
