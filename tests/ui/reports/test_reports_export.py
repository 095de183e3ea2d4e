"""The Excel export dialog: writes a workbook that openpyxl reads back, in the background;
a role without health permission gets no health sheet; a cancel writes nothing."""

from __future__ import annotations

import threading

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from ui_helpers import show_window

from albergue_desktop.services.context import Actor
from albergue_desktop.ui.reports import export_dialog
from albergue_desktop.ui.reports.export_dialog import ExportDialog


def run(qtbot, world, tasks, actor, out):
    dialog = ExportDialog(world.db, actor, tasks)
    show_window(qtbot, dialog, size=(700, 300))
    dialog.path.clear()
    qtbot.keyClicks(dialog.path, str(out))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    return dialog


def people_sheet(path):
    wb = load_workbook(path, read_only=True)
    try:
        rows = list(wb["Personas"].iter_rows(values_only=True))
        return list(wb.sheetnames), rows
    finally:
        wb.close()


def test_export_writes_a_workbook_with_the_people(qtbot, world, tasks, tmp_path):
    dialog = run(qtbot, world, tasks, Actor("super1", "supervision"), tmp_path / "censo")
    out = tmp_path / "censo.xlsx"  # the extension is added
    assert dialog.output == out and out.is_file()
    assert dialog.status.text() == f"El libro se guardó en {out}"
    assert dialog.open_button.isVisible() and dialog.export_button.isEnabled()
    sheets, rows = people_sheet(out)
    assert {"Centros", "Personas", "Estancias", "Vacunas"} <= set(sheets)
    header, data = rows[0], rows[1:]
    folios = {r[header.index("Folio")] for r in data}
    assert folios == set(world.folios.values())
    given = {r[header.index("Nombres")] for r in data}
    assert {"Marie-Claude", "Dieu-Nés", "Rose-Thérèse"} <= given


def test_a_role_without_health_permission_gets_no_health_sheet(qtbot, world, tasks, tmp_path):
    dialog = run(qtbot, world, tasks, Actor("registro1", "registro"), tmp_path / "sin.xlsx")
    sheets, rows = people_sheet(dialog.output)
    assert "Vacunas" not in sheets and "Personas" in sheets
    assert len(rows) == 1 + len(world.folios)
    assert not dialog.health_included


def test_cancel_writes_nothing(qtbot, world, tasks, tmp_path, monkeypatch):
    gate, reached = threading.Event(), threading.Event()
    real = export_dialog.run_export

    def slow(db, actor, out, day, token, on_progress):
        def hold(sheet, rows):
            on_progress(sheet, rows)
            reached.set()
            gate.wait(10)
        return real(db, actor, out, day, token, hold)

    monkeypatch.setattr(export_dialog, "run_export", slow)
    dialog = ExportDialog(world.db, Actor("super1", "supervision"), tasks)
    show_window(qtbot, dialog, size=(700, 300))
    folder = tmp_path / "salida"
    folder.mkdir()
    out = folder / "cancelado.xlsx"
    dialog.path.setText(str(out))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reached.is_set() and "Hoja «Centros»" in dialog.status.text())
    assert dialog.close_button.text() == "Ca&ncelar" and not dialog.export_button.isEnabled()
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)  # cancels, stays open
    assert dialog.isVisible()
    gate.set()
    qtbot.waitUntil(lambda: not dialog.running)
    assert dialog.status.text() == "Exportación cancelada: no se escribió ningún archivo."
    assert list(folder.iterdir()) == []  # no workbook, no temporary file
    assert dialog.output is None and dialog.export_button.isEnabled()
