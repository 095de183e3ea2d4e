"""Where the texts of a report header go, so that they never overlap.

The header has a left column (program, report title, subtitle) and a right column ("Printed
... by ...", the center), each line right-aligned. The right lines get the width that the
left text beside them leaves; a long center name or user name first shrinks, then wraps, and
as a last resort its last line is cut with "…". Pure layout: text widths come from
reportlab's ``stringWidth`` of the embedded fonts, nothing is drawn here.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.pdfbase.pdfmetrics import stringWidth

GAP = 12           # points between a left text and a right text on the same band
ASCENT, DESCENT = 0.78, 0.24  # of the font size, DejaVu Sans Condensed (and Vera)


@dataclass(frozen=True)
class Line:
    text: str
    font: str
    size: float
    x: float          # left edge of the text
    baseline: float

    @property
    def width(self) -> float:
        return stringWidth(self.text, self.font, self.size)

    @property
    def box(self) -> tuple[float, float, float, float]:
        """(left, bottom, right, top) of the ink, for overlap checks."""
        return (self.x, self.baseline - DESCENT * self.size, self.x + self.width,
                self.baseline + ASCENT * self.size)


def overlaps(a: Line, b: Line) -> bool:
    l1, b1, r1, t1 = a.box
    l2, b2, r2, t2 = b.box
    return l1 < r2 and l2 < r1 and b1 < t2 and b2 < t1


def _split(text: str, font: str, size: float, room, most: int) -> list[str] | None:
    """``text`` on one line, else (``most`` 2) on two lines of even length, line i at most
    ``room(i)`` wide; None when it does not fit."""
    if stringWidth(text, font, size) <= room(0):
        return [text]
    if most < 2:
        return None
    words = text.split()
    best: tuple[float, list[str]] | None = None
    for cut in range(1, len(words)):
        lines = [" ".join(words[:cut]), " ".join(words[cut:])]
        widths = [stringWidth(line, font, size) for line in lines]
        if widths[0] <= room(0) and widths[1] <= room(1) and (
                best is None or max(widths) < best[0]):
            best = (max(widths), lines)
    return best[1] if best else None


def _cut(text: str, font: str, size: float, width: float) -> str:
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


Right = tuple[str, str, tuple[float, ...], float]  # text, font, sizes (largest first), baseline


def layout(left: list[Line], right: list[Right], *, right_edge: float,
           bottom: float) -> list[Line]:
    """Right-column lines for the ``right`` texts, each at its baseline or below the text
    before it, kept above ``bottom``, none overlapping a ``left`` line. The largest sizes
    that keep every text on one line are used; failing that a text wraps to two lines."""

    def room_at(baseline: float, size: float) -> float:
        probe = (baseline - DESCENT * size, baseline + ASCENT * size)
        width = right_edge - min((ln.x for ln in left), default=right_edge)
        taken = [ln.box[2] for ln in left if ln.box[1] < probe[1] and probe[0] < ln.box[3]]
        return right_edge - max(taken) - GAP if taken else width

    def attempt(choice: list[float], last_resort: bool, most: int = 2) -> list[Line] | None:
        placed: list[Line] = []
        for (text, font, _sizes, natural), size in zip(right, choice):
            start = natural
            if placed:
                start = min(natural, placed[-1].baseline - placed[-1].size * DESCENT
                            - size * ASCENT - 1)

            def room(i: int, start=start, size=size) -> float:
                return room_at(start - i * (size + 1), size)

            lines = _split(text, font, size, room, most) if text else []
            if lines is None:
                if not last_resort:
                    return None
                lines = [_cut(text, font, size, room(0))]
            for i, line in enumerate(lines):
                baseline = start - i * (size + 1)
                if baseline - DESCENT * size < bottom and not last_resort:
                    return None
                width = stringWidth(line, font, size)
                placed.append(Line(line, font, size, right_edge - width, baseline))
        return placed

    # every combination of sizes, largest first for the earlier texts
    combos: list[list[float]] = [[]]
    for _text, _font, sizes, _baseline in right:
        combos = [c + [s] for c in combos for s in sizes]
    for most in (1, 2):  # shrink before wrapping
        for choice in combos:
            placed = attempt(choice, last_resort=False, most=most)
            if placed is not None:
                return placed
    return attempt([r[2][-1] for r in right], last_resort=True) or []
