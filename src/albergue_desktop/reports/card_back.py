"""The back of an ID card, in the person's paper language (reports/paper_language.py): what
the card is for, that it is free and theirs, and the emergency number. Printed on the page
after the fronts with the columns mirrored, so that a long-edge duplex print puts each back
behind its front."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ..domain.i18n import translate as _
from .frame import FONT, FONT_BOLD, HEADER_FILL, MUTED
from .migrant_texts import CARD_BACK, LANGUAGE_NAMES, is_draft, say

BAND = 21.6  # the coloured band at the top, as on the front


def back_origins(fronts: list[tuple[float, float]], page_w: float,
                 card_w: float) -> list[tuple[float, float]]:
    """Where the back of each front card goes: mirrored left-right on the page."""
    return [(page_w - x - card_w, y) for x, y in fronts]


def draw_card_back(c: Canvas, x: float, y: float, *, name: str, folio: str, lang: str,
                   width: float, height: float) -> None:
    c.setStrokeColor(colors.HexColor("#9AA5B1"))
    c.setLineWidth(0.5)
    c.roundRect(x, y, width, height, 6, stroke=1, fill=0)
    c.setFillColor(HEADER_FILL)
    c.rect(x + 0.5, y + height - BAND, width - 1, BAND - 0.5, stroke=0, fill=1)
    c.setFillColor(colors.black)
    c.setFont(FONT_BOLD, 7.5)
    c.drawString(x + 8, y + height - BAND + 8, f"{name} · {folio}"[:60])
    c.setFont(FONT, 7)
    c.drawRightString(x + width - 8, y + height - BAND + 8, LANGUAGE_NAMES[lang])
    size, leading = 9, 10.8
    ty = y + height - BAND - 6 - size
    for i, msgid in enumerate(CARD_BACK):
        c.setFont(FONT_BOLD if i == len(CARD_BACK) - 1 else FONT, size)
        for line in simpleSplit(say(msgid, lang), FONT, size, width - 16):
            c.drawString(x + 8, ty, line)
            ty -= leading
        ty -= 2
    if is_draft(lang):
        c.setFillColor(MUTED)
        c.setFont(FONT, 5.5)
        c.drawString(x + 8, y + 5, _("Draft translation, awaiting review by a native speaker."))
        c.setFillColor(colors.black)
