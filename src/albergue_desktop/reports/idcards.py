"""ID cards: a letter sheet of eight credit-card-size cards (85.6 x 54 mm) with cut marks.
Each card has the name, folio, center, household, the photo when there is one, and a QR code
holding the folio: a scanner typing into the app's search box opens the record."""

from __future__ import annotations

import io
from collections.abc import Mapping, Sequence
from datetime import tzinfo
from pathlib import Path

import segno
from sqlalchemy import text
from reportlab.lib import colors
from reportlab.lib.units import inch
from reportlab.lib.utils import ImageReader
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..services import access_log
from ..services.context import Actor
from ..services.photos import photos_of
from ..storage import report_queries as rq
from ..storage.db import Database
from . import common
from .frame import (
    FONT,
    FONT_BOLD,
    HEADER_FILL,
    HEADER_HEIGHT,
    MUTED,
    PrintInfo,
    draw_header,
    fmt_date,
    numbered_canvas,
    page_started,
    register_fonts,
)
from .card_back import back_origins, draw_card_back
from .output import ReportError, write_atomically
from .paper_language import paper_language

CARD_W, CARD_H = 3.375 * inch, 2.125 * inch
COLS, ROWS = 2, 4
GAP_X, GAP_Y = 0.25 * inch, 0.2 * inch
PHOTO_W, PHOTO_H = 0.8 * inch, 1.0 * inch
QR_SIZE = 0.9 * inch
MARK, MARK_GAP = 0.12 * inch, 0.03 * inch
PER_PAGE = COLS * ROWS


QR_BORDER = 4  # quiet zone in modules, the width the QR standard asks for
# The data mask is fixed rather than chosen per code: trying all eight and scoring each is
# most of the cost of a card (1.1 ms of 1.4 ms a code). Readers take any mask (the code says
# which); mask 1 is the one the scoring picks most often for folios. Every code is still
# checked by a reader in the tests and the bench (docs/id-cards.md).
QR_MASK = 1


def qr_modules(value: str) -> tuple[int, list[tuple[int, int, int]]]:
    """A QR code of ``value`` (error correction M, the smallest version that holds it): its
    width in modules and its dark modules as horizontal runs ``(row, first column, length)``,
    row 0 at the top."""
    matrix = segno.make_qr(value, error="m", boost_error=False, mask=QR_MASK).matrix
    runs = []
    for row, line in enumerate(matrix):
        col, width = 0, len(line)
        while col < width:
            if line[col]:
                start = col
                while col < width and line[col]:
                    col += 1
                runs.append((row, start, col - start))
            else:
                col += 1
    return len(matrix), runs


def draw_qr(c: Canvas, value: str, x: float, y: float, size: float = QR_SIZE) -> None:
    """A QR code of ``value`` filling the ``size`` square at (x, y), quiet zone included,
    drawn as one filled path in module units (one PDF object, integer coordinates)."""
    count, runs = qr_modules(value)
    module = size / (count + 2 * QR_BORDER)
    c.saveState()
    c.setFillColor(colors.black)
    # origin at the top-left dark-module corner, one unit a module, rows counted downwards
    c.transform(module, 0, 0, -module, x + QR_BORDER * module, y + size - QR_BORDER * module)
    c.addLiteral(" ".join(f"{col} {row} {length} 1 re" for row, col, length in runs) + " f")
    c.restoreState()


def card_origins(page_w: float, page_h: float) -> list[tuple[float, float]]:
    """Bottom-left corners of the cards on a page, row by row from the top."""
    left = (page_w - COLS * CARD_W - (COLS - 1) * GAP_X) / 2
    top = page_h - HEADER_HEIGHT - 0.15 * inch
    return [(left + col * (CARD_W + GAP_X), top - (row + 1) * CARD_H - row * GAP_Y)
            for row in range(ROWS) for col in range(COLS)]


def _cut_marks(c: Canvas, x: float, y: float) -> None:
    c.setLineWidth(0.4)
    c.setStrokeColor(colors.black)
    for cx, sx in ((x, -1), (x + CARD_W, 1)):
        for cy, sy in ((y, -1), (y + CARD_H, 1)):
            c.line(cx + sx * MARK_GAP, cy, cx + sx * (MARK_GAP + MARK), cy)
            c.line(cx, cy + sy * MARK_GAP, cx, cy + sy * (MARK_GAP + MARK))


def _name_lines(name: str, width: float) -> tuple[list[str], float]:
    for size in (11, 9.5, 8.5):
        lines = simpleSplit(name, FONT_BOLD, size, width)
        if len(lines) <= 2:
            return lines, size
    return lines[:2], 8.5


def draw_photo(c: Canvas, x: float, y: float, image: bytes) -> bool:
    """The photo (JPEG/PNG bytes from person_photo) fitted in the photo box, centred; False
    when the bytes cannot be read (the card then shows the empty box)."""
    try:
        reader = ImageReader(io.BytesIO(image))
        width, height = reader.getSize()
        scale = min(PHOTO_W / width, PHOTO_H / height)
        w, h = width * scale, height * scale
        c.drawImage(reader, x + (PHOTO_W - w) / 2, y + (PHOTO_H - h) / 2, w, h)
    except Exception:  # noqa: BLE001 - a damaged image must not stop a sheet of cards
        return False
    c.setStrokeColor(colors.HexColor("#B0B0B0"))
    c.rect(x, y, PHOTO_W, PHOTO_H, stroke=1, fill=0)
    return True


def draw_card(c: Canvas, x: float, y: float, card: rq.IdCardRow,
              photo: bytes | None = None) -> None:
    _cut_marks(c, x, y)
    c.setStrokeColor(colors.HexColor("#9AA5B1"))
    c.setLineWidth(0.5)
    c.roundRect(x, y, CARD_W, CARD_H, 6, stroke=1, fill=0)
    band = 0.3 * inch
    c.setFillColor(HEADER_FILL)
    c.rect(x + 0.5, y + CARD_H - band, CARD_W - 1, band - 0.5, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont(FONT_BOLD, 7.5)
    c.drawString(x + 8, y + CARD_H - band + 8, "DIF Municipal Mexicali · Albergue")
    c.setFont(FONT, 7.5)
    center = simpleSplit(card.center_name, FONT, 7.5, 1.35 * inch)[:1]
    c.drawRightString(x + CARD_W - 8, y + CARD_H - band + 8, center[0] if center else "")
    # photo
    px, py = x + 8, y + CARD_H - band - 6 - PHOTO_H
    drawn = bool(photo) and draw_photo(c, px, py, photo)
    if not drawn and card.photo_path and Path(card.photo_path).is_file():
        c.drawImage(card.photo_path, px, py, PHOTO_W, PHOTO_H, preserveAspectRatio=True)
        drawn = True
    if not drawn:
        c.setStrokeColor(colors.HexColor("#B0B0B0"))
        c.rect(px, py, PHOTO_W, PHOTO_H, stroke=1, fill=0)
        c.setFillColor(MUTED)
        c.setFont(FONT, 7)
        c.drawCentredString(px + PHOTO_W / 2, py + PHOTO_H / 2 - 2, _("No photo"))
    # name, folio, household
    tx = px + PHOTO_W + 8
    lines, size = _name_lines(card.full_name, x + CARD_W - 8 - tx)
    c.setFillColor(colors.black)
    c.setFont(FONT_BOLD, size)
    ty = y + CARD_H - band - 6 - size
    for line in lines:
        c.drawString(tx, ty, line)
        ty -= size + 2
    c.setFont(FONT, 7.5)
    c.drawString(tx, ty - 4, _("Folio"))
    c.setFont(FONT_BOLD, 11)
    c.drawString(tx, ty - 16, card.folio)
    c.setFont(FONT, 7.5)
    household = _("Household: {name}", name=card.household_label)
    for i, line in enumerate(simpleSplit(household, FONT, 7.5, 1.35 * inch)[:2]):
        c.drawString(x + 8, y + 18 - i * 9, line)
    draw_qr(c, card.folio, x + CARD_W - QR_SIZE - 6, y + 5)


def _selection_note(session, selection: rq.CardSelection, role: str) -> str:
    if selection.person:
        return _("Person {folio}", folio=selection.person)
    if selection.household:
        return _("Household of {folio}", folio=selection.household)
    if selection.area:
        row = session.connection().execute(text(
            "SELECT name, segment FROM area WHERE id = :a OR name = :a LIMIT 1"),
            {"a": selection.area}).first()
        name = common.area_label(row.name, row.segment, role=role)[0] if row else ""
        if name == _(common.RESTRICTED_AREA):
            return name
        return _("Area {area}", area=name or selection.area)
    if selection.registered_on:
        return _("Registered on {date}", date=fmt_date(selection.registered_on))
    return ""


@access_log.audited(access_log.PRINT, "id_cards")
def idcards_pdf(source: Database | Sequence[rq.IdCardRow], actor: Actor, out, *,
                center: str | None = None, person_ids: list[str] | None = None,
                selection: rq.CardSelection | None = None, tz: tzinfo | None = None,
                info: PrintInfo | None = None,
                photos: Mapping[str, bytes] | None = None, backs: bool = False,
                languages: Mapping[str, str] | None = None,
                paper_lang: str | None = None) -> Path:
    """Cards for ``person_ids``, else for ``selection`` (an area, a household, a person,
    the people registered on a day; see :class:`~.report_queries.CardSelection`) inside
    ``center`` when given, else for everyone present at ``center`` (or anywhere). Each card
    has the person's photo when there is one (``photos``: person_id -> image bytes, read
    from the database when it is the source). ``backs``: after each sheet, the sheet of
    backs for duplex printing, each in the person's paper language (``languages``:
    person_id -> es/ht/fr, read from the database when it is the source; ``paper_lang``:
    one language for every back)."""
    register_fonts()
    if isinstance(source, Database):
        actor.require(Permission.VIEW_PEOPLE)
        center_id, center_label = common.resolve_center(source, center)
        selection = selection or rq.CardSelection()
        with source.session(actor.username) as session:
            if person_ids is None and not selection.is_everyone():
                try:
                    person_ids = rq.card_person_ids(session=session, selection=selection,
                                                    center_id=center_id,
                                                    tz=tz or common.local_tz())
                except rq.SelectionError as error:
                    raise ReportError(error.msgid, **error.params) from None
            cards = rq.id_card_rows(session=session, center_id=center_id,
                                    person_ids=person_ids)
            photos = photos_of(session, [card.person_id for card in cards])
            if backs and languages is None:
                recorded = rq.person_languages(session=session,
                                               person_ids=[card.person_id for card in cards])
                languages = {pid: paper_language(langs, nationality)
                             for pid, (langs, nationality) in recorded.items()}
            note = _selection_note(session, selection, actor.role)
        count = (_("1 card · cut along the marks") if len(cards) == 1 else
                 _("{n} cards · cut along the marks", n=len(cards)))
        info = info or PrintInfo(_("ID cards"), common.printed_by(source, actor), center_label,
                                 f"{note} · {count}" if note else count)
    else:
        cards = list(source)
        info = info or PrintInfo(_("ID cards"), actor.username)

    def write(path: Path) -> None:
        c = numbered_canvas(info)(str(path), pagesize=info.pagesize)
        c.setTitle(info.title)
        c.setAuthor(info.printed_by)
        origins = card_origins(*info.pagesize)
        for start in range(0, max(len(cards), 1), PER_PAGE):
            page_started(start // PER_PAGE + 1)
            draw_header(c, info)
            for (x, y), card in zip(origins, cards[start:start + PER_PAGE]):
                draw_card(c, x, y, card, (photos or {}).get(card.person_id))
            if not cards:
                c.setFont(FONT, 10)
                c.drawString(0.5 * inch, info.pagesize[1] - 1.3 * inch,
                             _("Nobody is present.") if selection is None or
                             selection.is_everyone() else _("Nobody in this selection."))
            c.showPage()
            if backs and cards:
                page_started(start // PER_PAGE + 1)
                draw_header(c, info)
                for (x, y), card in zip(back_origins(origins, info.pagesize[0], CARD_W),
                                        cards[start:start + PER_PAGE]):
                    _cut_marks(c, x, y)
                    draw_card_back(c, x, y, name=card.full_name, folio=card.folio,
                                   lang=paper_lang or (languages or {}).get(card.person_id,
                                                                            "es"),
                                   width=CARD_W, height=CARD_H)
                c.showPage()
        c.save()

    return write_atomically(out, write)
