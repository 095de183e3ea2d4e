"""Supervisor workbook: a sheet per entity and per report, styled, real dates, no health
columns without permission; and files are written atomically."""

from __future__ import annotations

import errno
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook
from reports_world import DAY, TZ, coordinator, health_actor, world  # noqa: F401

from albergue_desktop.reports.excel_export import export_workbook
from albergue_desktop.reports.output import ReportError, write_atomically
from albergue_desktop.reports.roster import roster_pdf
from albergue_desktop.services.context import SYSTEM


def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]


def test_workbook_has_every_entity_and_report(db, world, health_actor, tmp_path):
    out = export_workbook(db, health_actor, tmp_path / "albergue.xlsx", day=DAY, tz=TZ)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Centros", "Núcleos", "Personas", "Documentos", "Estancias",
                             "Vacunas", "Lista de albergados", "Camas",
                             "Parte diario 15-01-2022", "Impacto"]
    people = rows(wb["Personas"])
    header = people[0]
    assert len(people) == 12  # 11 people + header
    marie = dict(zip(header, next(r for r in people if r[1] == "Marie-Claude")))
    assert marie["Folio"] == world.folios["marie"] and marie["Sexo"] == "Mujer"
    assert marie["Fecha de nacimiento"] == datetime(1990, 5, 1)
    assert marie["Nacionalidad"] == "Haití" and marie["Situación"] == "En albergue"
    assert marie["Cama"] == "A-01" and marie["Núcleo (folio del jefe(a))"] == marie["Folio"]
    wilner = dict(zip(header, next(r for r in people if r[1] == "Wilner")))
    assert wilner["Necesidades específicas"] == "SM-CI, ER-NF"
    frantz = dict(zip(header, next(r for r in people if r[1] == "Frantz")))
    assert frantz["Situación"] == "Egresado" and frantz["RFC"] == "DESF800101AB1"

    stays = rows(wb["Estancias"])
    guerline = [r for r in stays if r[1] == "Guerline FRANÇOIS"]
    assert [(r[2], r[5], r[6], r[7]) for r in guerline] == [
        ("03", datetime(2022, 1, 10, 12), datetime(2022, 1, 15, 9), "Traslado a otro centro"),
        ("05", datetime(2022, 1, 15, 9), None, None)]
    vaccines = rows(wb["Vacunas"])
    assert vaccines[1][2:7] == ["COVID-19", "Pfizer", 1, datetime(2021, 12, 20), "FK5127"]
    census = rows(wb["Parte diario 15-01-2022"])
    assert census[1][:5] == ["03 Centro Comunitario 3", 6, 1, 2, 3]
    assert census[-1][:2] == ["Total", 8]
    impact = {r[1]: r[2] for r in rows(wb["Impacto"])[1:]}
    assert impact["Ingresos"] == 10 and impact["Viviendas arrendadas"] == 0
    assert impact["Artículos donados"] == 0  # the donations module exists: a number
    beds = rows(wb["Camas"])
    assert ["03", "Dormitorio A", "Familias", "A-10", "Catre", "BLOQUEADA — Catre roto",
            None] in beds


def test_sheets_are_styled_filtered_frozen_and_dated(db, world, tmp_path):
    wb = load_workbook(export_workbook(db, SYSTEM, tmp_path / "a.xlsx", day=DAY, tz=TZ))
    for ws in wb:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}" \
                                     f"{ws.max_row}", ws.title
        assert ws["A1"].font.bold and ws["A1"].fill.fgColor.rgb.endswith("305496")
    people = wb["Personas"]
    assert people["F2"].is_date and people["F2"].number_format == "DD/MM/YYYY"
    assert people.column_dimensions["B"].width >= len("Jean-Baptiste")
    assert people.column_dimensions["F"].width >= 12


def test_no_health_columns_without_permission(db, world, coordinator, tmp_path):
    wb = load_workbook(export_workbook(db, coordinator, tmp_path / "c.xlsx", day=DAY, tz=TZ))
    assert "Vacunas" not in wb.sheetnames
    people = rows(wb["Personas"])
    wilner = dict(zip(people[0], next(r for r in people if r[1] == "Wilner")))
    assert wilner["Necesidades específicas"] == "ER-NF"
    roster = rows(wb["Lista de albergados"])
    assert not any("SM-CI" in str(cell) or "Aislamiento," in str(cell)
                   for row in roster for cell in row)


def test_a_failed_write_leaves_no_file_and_keeps_the_previous_one(tmp_path):
    target = tmp_path / "lista.pdf"
    target.write_bytes(b"previous report")

    def half_then_disk_full(path):
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ReportError, match="El disco está lleno; no se guardó el archivo"):
        write_atomically(target, half_then_disk_full)
    assert target.read_bytes() == b"previous report"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lista.pdf"]


def test_export_and_pdf_failures_are_clear_and_leave_nothing(db, world, tmp_path, monkeypatch):
    def disk_full(self, filename):
        raise OSError(errno.ENOSPC, "No space left on device")

    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(Workbook, "save", disk_full)
    with pytest.raises(ReportError, match="El disco está lleno"):
        export_workbook(db, SYSTEM, out / "x.xlsx", day=DAY, tz=TZ)
    with pytest.raises(ReportError, match="La carpeta .* no existe"):
        roster_pdf(db, SYSTEM, out / "no" / "such" / "r.pdf")
    assert list(out.iterdir()) == []


class Cancelled(Exception):
    pass


def test_progress_can_cancel_an_export(db, world, tmp_path):
    seen = []

    def progress(sheet, done):
        seen.append(sheet)
        if sheet == "Personas":
            raise Cancelled

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(Cancelled):
        export_workbook(db, SYSTEM, out / "x.xlsx", day=DAY, tz=TZ, progress=progress)
    assert seen[:2] == ["Centros", "Núcleos"] and list(out.iterdir()) == []


def test_civil_status_is_exported_as_a_spanish_label(db, center, make_member, tmp_path):
    from albergue_desktop.services import people
    people.register_household(db, SYSTEM, center_id=center.id,
                              members=[make_member(civil_status="cohabiting")])
    wb = load_workbook(export_workbook(db, SYSTEM, tmp_path / "e.xlsx", day=DAY, tz=TZ))
    people_rows = rows(wb["Personas"])
    person = dict(zip(people_rows[0], people_rows[1]))
    assert person["Estado civil"] == "Unión libre"


def test_age_in_doubt_is_exported_and_reads_back_on_import(db, center, make_member, tmp_path):
    """Staff's "edad en duda" travels with the person: a column of the People sheet, and
    the import of that workbook keeps it (a presumed minor is not lost on the way)."""
    from albergue_desktop.reports.excel_import import confirm_import, preview_import, read_sheet
    from albergue_desktop.services import people
    people.register_household(db, SYSTEM, center_id=center.id,
                              members=[make_member(age_in_doubt=True)])
    wb = load_workbook(export_workbook(db, SYSTEM, tmp_path / "e.xlsx", day=DAY, tz=TZ))
    people_rows = rows(wb["Personas"])
    person = dict(zip(people_rows[0], people_rows[1]))
    assert person["Edad en duda"] == "Sí"
    sheet = read_sheet(tmp_path / "e.xlsx", "Personas")
    assert "age_in_doubt" in sheet.mapping.values()
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, today=DAY,
                             check_duplicates=False)
    assert [r.errors for r in preview.rows] == [[]]
    assert preview.rows[0].member.age_in_doubt is True
    confirm_import(db, SYSTEM, preview, error_report=tmp_path / "errores.xlsx")
    with db.session() as s:
        flags = s.connection().exec_driver_sql(
            "SELECT age_in_doubt FROM person ORDER BY created_at").scalars().all()
    assert [bool(f) for f in flags] == [True, True]
