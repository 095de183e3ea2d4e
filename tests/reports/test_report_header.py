"""The report header: the center name and "Impreso el ... por ..." never overlap the program,
the title, the subtitle or each other, whatever their length, on portrait and landscape
pages (widths measured with reportlab's stringWidth of the embedded fonts)."""

from __future__ import annotations

from datetime import datetime, timezone
from itertools import combinations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth

from albergue_desktop.reports.frame import MARGIN, PrintInfo, header_lines, register_fonts
from albergue_desktop.reports.header import overlaps

WHEN = datetime(2022, 1, 15, 9, 30, tzinfo=timezone.utc)
LONG_CENTER = ("12 · Centro Comunitario de Desarrollo Integral Familiar Colonia Pueblo Nuevo "
               "Hermosillo")
LONG_USER = "María Guadalupe Hernández de la Santísima Trinidad Villaseñor (mghernandez)"


@pytest.fixture(autouse=True)
def fonts():
    register_fonts()


@pytest.mark.parametrize("landscape", [False, True])
@pytest.mark.parametrize("center", ["03 · Centro Comunitario 3", LONG_CENTER, ""])
@pytest.mark.parametrize("who", ["admin", "Administración (demo) (admin)", LONG_USER])
@pytest.mark.parametrize("subtitle", ["", "Núcleo de MXL-03-000123 · 4 credenciales · "
                                          "recorte por las marcas"])
def test_no_two_header_texts_overlap(landscape, center, who, subtitle):
    info = PrintInfo("Lista de albergados", who, center, subtitle, printed_at=WHEN,
                     landscape=landscape)
    lines = header_lines(info)
    width, _height = info.pagesize
    for a, b in combinations(lines, 2):
        assert not overlaps(a, b), (a.text, b.text)
    for line in lines:
        assert line.x >= MARGIN - 0.01
        assert line.x + stringWidth(line.text, line.font, line.size) <= width - MARGIN + 0.01
        assert line.size >= 7
    text = " ".join(line.text for line in lines)
    assert "Impreso el 15/01/2022" in text
    if center == "03 · Centro Comunitario 3":
        assert center in text  # a short name stays whole and large
        assert [ln.size for ln in lines if ln.text == center] == [11]


def test_a_long_center_name_shrinks_then_wraps_and_is_never_cut_on_portrait():
    def center_lines(subtitle: str, who: str = "Administración (demo) (admin)") -> list:
        info = PrintInfo("Credenciales", who, LONG_CENTER, subtitle, printed_at=WHEN)
        return [ln for ln in header_lines(info) if ln.font.endswith("Bold")
                and ln.text != "Credenciales" and "Plan Integral" not in ln.text]

    shrunk = center_lines("")
    assert [ln.text for ln in shrunk] == [LONG_CENTER] and shrunk[0].size < 11
    # a long user name takes two lines, the center moves down beside the subtitle: it wraps
    wrapped = center_lines("Núcleo de MXL-03-000123 · 4 credenciales · recorte por las marcas",
                           LONG_USER)
    assert len(wrapped) == 2 and " ".join(ln.text for ln in wrapped) == LONG_CENTER
