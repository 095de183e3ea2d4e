"""A census workbook comes from anywhere: a zip bomb, a file that is not a workbook, a sheet
declaring a million rows, an XML entity attack, giant cells... each is refused with a
Spanish message (ReportError), never a traceback or an exhausted machine."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest
from openpyxl import Workbook

from albergue_desktop.reports import excel_import as ei
from albergue_desktop.reports.excel_import import read_sheet
from albergue_desktop.reports.output import ReportError

SHEET = "xl/worksheets/sheet1.xml"


def census(path, rows=3):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nombre", "Apellidos", "Sexo", "Fecha de nacimiento"])
    for i in range(rows):
        ws.append([f"Ana {i}", "Joseph", "M", "01/02/1990"])
    wb.save(path)
    return path


def rewrite(path, member, change):
    """Rewrite one part of the zip with ``change(text) -> text`` (or add it)."""
    with zipfile.ZipFile(path) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    parts[member] = change(parts.get(member, b"").decode("utf-8")).encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_openpyxl_parses_with_defusedxml():
    from defusedxml import ElementTree as safe
    from openpyxl.xml import functions

    assert openpyxl.DEFUSEDXML is True
    assert functions.iterparse is safe.iterparse
    assert functions.fromstring is safe.fromstring


def test_a_normal_census_is_read(tmp_path):
    data = read_sheet(census(tmp_path / "censo.xlsx"))
    assert len(data.rows) == 3 and data.sheets == ["Sheet"]


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path):
    path = census(tmp_path / "bomba.xlsx")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/media/image1.png", b"\0" * (40 * 1024 * 1024))  # 40 MB -> ~40 KB
    with pytest.raises(ReportError, match="no es un libro normal: se expandiría a 40 MB"):
        read_sheet(path)


def test_a_sheet_inflating_past_the_total_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ei, "MAX_UNCOMPRESSED", 64 * 1024)
    path = rewrite(census(tmp_path / "grande.xlsx"), "xl/worksheets/sheet1.xml",
                   lambda xml: xml.replace("<sheetData>", "<sheetData>" + " " * 100_000))
    with pytest.raises(ReportError, match="no es un libro normal"):
        read_sheet(path)


@pytest.mark.parametrize("content", [
    b"nombre,apellidos\nAna,Joseph\n",                  # a CSV renamed .xlsx
    b"PK\x03\x04 then garbage",                          # a broken zip
    b"%PDF-1.7\n",                                       # another document
    b"",                                                 # empty
], ids=["csv", "broken-zip", "pdf", "empty"])
def test_a_file_that_is_not_a_workbook_is_refused(tmp_path, content):
    path = tmp_path / "censo.xlsx"
    path.write_bytes(content)
    with pytest.raises(ReportError, match="no es un libro de Excel"):
        read_sheet(path)


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    path = tmp_path / "fotos.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("foto.jpg", b"\xff\xd8\xff")
    with pytest.raises(ReportError, match="no es un libro de Excel"):
        read_sheet(path)


def test_a_damaged_sheet_is_a_spanish_message(tmp_path):
    path = rewrite(census(tmp_path / "roto.xlsx"), SHEET,
                   lambda xml: xml[: len(xml) // 2])  # cut in the middle of the XML
    with pytest.raises(ReportError, match="está dañado y no se puede leer"):
        read_sheet(path)


def test_a_huge_declared_dimension_is_refused(tmp_path):
    path = rewrite(census(tmp_path / "dim.xlsx"), SHEET,
                   lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:XFD1048576"',
                                      xml))
    with pytest.raises(ReportError, match="declara 1048576 filas y 16384 columnas"):
        read_sheet(path)


def test_a_far_away_cell_without_dimension_is_refused(tmp_path):
    def far(xml):
        xml = re.sub(r"<dimension[^>]*/>", "", xml)
        return xml.replace("</sheetData>", '<row r="1048576"><c r="A1048576" t="inlineStr">'
                                           "<is><t>x</t></is></c></row></sheetData>")
    with pytest.raises(ReportError, match="declara 200001 filas"):
        read_sheet(rewrite(census(tmp_path / "lejos.xlsx"), SHEET, far))


def test_a_row_wider_than_the_cap_is_refused(tmp_path):
    def wide(xml):
        xml = re.sub(r"<dimension[^>]*/>", "", xml)
        return xml.replace("</row>", '<c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row>', 2)
    with pytest.raises(ReportError, match="16384 columnas"):
        read_sheet(rewrite(census(tmp_path / "ancho.xlsx"), SHEET, wide))


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
"""


@pytest.mark.parametrize("member", [SHEET, "xl/sharedStrings.xml", "xl/workbook.xml"])
def test_an_entity_expansion_attack_is_refused(tmp_path, member):
    def attack(xml):
        xml = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml)
        if not xml:  # no shared strings in this workbook: add a part that uses the entity
            xml = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                   'count="1" uniqueCount="1"><si><t>&lol4;</t></si></sst>')
        return BILLION_LAUGHS + xml.replace("Ana 0", "&lol4;")
    path = rewrite(census(tmp_path / "risas.xlsx"), member, attack)
    if member == "xl/sharedStrings.xml":  # openpyxl wrote none: declare the part
        rewrite(path, "[Content_Types].xml", lambda xml: xml.replace("</Types>", (
            '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')))
    with pytest.raises(ReportError) as caught:
        read_sheet(path)
    assert "lollol" not in str(caught.value)
    assert caught.value.message().startswith(("risas.xlsx está dañado", "risas.xlsx no es"))


def test_an_external_entity_is_never_read(tmp_path):
    secret = tmp_path / "secreto.txt"
    secret.write_text("CONTRASEÑA-DEL-ADMIN", encoding="utf-8")

    def xxe(xml):
        xml = re.sub(r"^<\?xml[^>]*\?>\s*", "", xml)
        return (f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
                + xml.replace("Ana 0", "&x;"))
    path = rewrite(census(tmp_path / "xxe.xlsx"), SHEET, xxe)
    try:
        data = read_sheet(path)
    except ReportError as exc:
        assert "CONTRASEÑA" not in exc.message()
    else:  # pragma: no cover - defusedxml refuses; if not, the secret must not be read
        assert "CONTRASEÑA" not in repr(data.rows)


def test_a_giant_cell_is_refused(tmp_path):
    path = tmp_path / "celda.xlsx"
    wb = Workbook()
    wb.active.append(["Nombre", "Apellidos", "Sexo", "Fecha de nacimiento"])
    wb.active.append(["Ana", "x" * 6000, "M", "01/02/1990"])
    wb.save(path)
    with pytest.raises(ReportError, match="fila 2, columna 2 .* 6000 caracteres"):
        read_sheet(path)


def test_too_many_rows_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(ei, "MAX_ROWS", 100)
    with pytest.raises(ReportError, match="más de 100 filas; divídala"):
        read_sheet(census(tmp_path / "largo.xlsx", rows=150))
    assert len(read_sheet(census(tmp_path / "corto.xlsx", rows=100)).rows) == 100


def test_formatted_blank_rows_below_the_census_are_not_counted(tmp_path):
    # Spreadsheets often declare (and format) blank rows far below the data.
    path = rewrite(census(tmp_path / "formato.xlsx"), SHEET,
                   lambda xml: re.sub(r'<dimension ref="[^"]*"', '<dimension ref="A1:D60000"',
                                      xml))
    assert len(read_sheet(path).rows) == 3
