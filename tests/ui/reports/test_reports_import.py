"""The import wizard for a legacy census spreadsheet: a good file is imported only after the
confirmation (nothing is written before), in households; a bad file shows each row's error
and the counts, and the rows left out go to an error workbook; a non-Excel or empty file
gets a clear Spanish message; correcting the column mapping changes the preview."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import text
from ui_helpers import show_window

from albergue_desktop.services.context import Actor
from albergue_desktop.ui.reports.import_model import RESULT, PreviewModel
from albergue_desktop.ui.reports.import_wizard import ImportWizard

INTAKE = Actor("registro1", "registro")
HEADERS = ["Nombre(s)", "Apellidos", "Sexo", "Fecha de nacimiento", "Nacionalidad", "Familia",
           "Parentesco", "CURP"]
GOOD = [
    ["Ti-Jean", "Baptiste", "H", "12/03/1985", "Haití", "F1", "Jefe", None],
    ["Marie-Ange", "Baptiste", "M", date(1990, 7, 1), "Haitiana", "F1", "Esposa", None],
    ["Kettly", "Baptiste", "M", "5 de mayo de 2015", "Haití", "F1", "Hija", None],
    ["Guerline", "François", "M", "01/02/1999", "Haití", "F2", "Jefa", None],
]


def workbook(path, rows, headers=HEADERS):
    wb = Workbook()
    ws = wb.active
    ws.title = "Censo"
    ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def people(db) -> int:
    with db.session() as s:
        return s.connection().execute(text("SELECT count(*) FROM person WHERE deleted = 0")
                                      ).scalar()


def next_button(wizard):
    return wizard.button(QWizard.WizardButton.NextButton)


def open_wizard(qtbot, world, tasks, path) -> ImportWizard:
    wizard = ImportWizard(world.db, INTAKE, tasks)
    show_window(qtbot, wizard, size=(1000, 640))
    page = wizard.file_page
    qtbot.keyClicks(page.path, str(path))
    qtbot.keyClick(page.path, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page._loading)
    return wizard


def to_preview(qtbot, wizard):
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.mapping_page
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    assert wizard.currentPage() is wizard.preview_page
    qtbot.waitUntil(lambda: wizard.preview_page.model.preview is not None, timeout=20_000)
    return wizard.preview_page


def test_a_good_file_is_imported_only_after_confirmation(qtbot, world, tasks, tmp_path):
    before = people(world.db)
    wizard = open_wizard(qtbot, world, tasks, workbook(tmp_path / "censo.xlsx", GOOD))
    assert "Hoja «Censo»: 4 filas bajo los encabezados (fila 1); 8 columnas reconocidas." \
        == wizard.file_page.status.text()
    assert wizard.center_id() == world.center_id
    page = to_preview(qtbot, wizard)
    assert page.summary.text() == ("4 filas leídas. Se pueden importar: 4 personas en 2 "
                                   "núcleos. Quedan fuera: 0 filas.")
    assert page.model.rowCount() == 0  # only rows with problems are listed: none
    page.only_problems.setChecked(False)
    assert page.model.rowCount() == 4
    commit = wizard.button(QWizard.WizardButton.CommitButton)
    assert commit.text() == "&Importar" and not commit.isEnabled()
    assert people(world.db) == before  # nothing is written before the confirmation
    qtbot.keyClick(page.confirm, Qt.Key.Key_Space)
    assert page.confirm.text() == "Revisé la vista previa: importar 4 personas en 2 núcleos."
    assert commit.isEnabled()
    with qtbot.waitSignal(wizard.imported, timeout=20_000) as imported:
        qtbot.mouseClick(commit, Qt.MouseButton.LeftButton)
    assert imported.args == [4]
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done)
    assert result.message.text() == "Se importaron 4 personas en 2 núcleos."
    assert not result.open_report.isVisible()  # no row was left out: no error workbook
    assert people(world.db) == before + 4
    with world.db.session() as s:
        heads = s.connection().execute(text(
            "SELECT p.given_names FROM household h JOIN person p ON p.id = h.head_person_id "
            "WHERE p.surnames IN ('Baptiste', 'François') ORDER BY 1")).scalars().all()
    assert heads == ["Guerline", "Ti-Jean"]


BAD = [
    ["Ti-Jean", "Baptiste", "H", "12/03/1985", "Haití", "F1", "Jefe", None],
    ["Rosena", "Milien", "M", "31/02/1990", "Haití", "F3", "Jefa", None],           # date
    [None, "Sans-Nom", "H", "01/01/1980", "Haití", "F4", "Jefe", None],              # name
    ["Frantz", "Désir", "H", "02/02/1992", "Haití", "F5", "Jefe", "XXXX920202"],     # CURP
    ["Wilner", "Pierre", "H", "05/11/1979", "Haití", "F6", "Jefe", None],            # known
]


def test_a_bad_file_shows_each_error_and_saves_the_rows_left_out(qtbot, world, tasks,
                                                                  tmp_path):
    before = people(world.db)
    source = workbook(tmp_path / "viejo.xlsx", BAD)
    wizard = open_wizard(qtbot, world, tasks, source)
    page = to_preview(qtbot, wizard)
    assert page.summary.text().startswith("5 filas leídas. Se pueden importar: 1 personas "
                                          "en 1 núcleos. Quedan fuera: 4 filas.")
    model = page.model
    assert model.shown_rows() == [3, 4, 5, 6]
    why = {int(model.data(model.index(i, 0))): model.data(model.index(i, 4))
           for i in range(model.rowCount())}
    assert "Fecha imposible" in why[3]
    assert "Nombres" in why[4]
    assert "CURP no válida" in why[5]
    assert why[6].startswith("Posiblemente ya registrada") and world.folios["wilner"] in why[6]
    # ticking "import anyway" on the look-alike changes the counts
    index = model.index(3, RESULT)
    assert model.data(index) == "Importar de todos modos"
    assert model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert "Se pueden importar: 2 personas en 2 núcleos. Quedan fuera: 3 filas." \
        in page.summary.text()
    assert people(world.db) == before
    page.confirm.setChecked(True)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.CommitButton), Qt.MouseButton.LeftButton)
    result = wizard.result_page
    qtbot.waitUntil(lambda: result.done, timeout=20_000)
    assert people(world.db) == before + 2
    report = tmp_path / "viejo-errores.xlsx"
    assert result.report == report and result.open_report.isVisible()
    assert result.report_label.text() == ("3 filas quedaron fuera; el libro de errores está "
                                          f"guardado en {report}")
    wb = load_workbook(report, read_only=True)
    rows = list(wb.worksheets[0].iter_rows(values_only=True))
    wb.close()
    assert [r[0] for r in rows[1:]] == [3, 4, 5]
    assert "CURP no válida" in rows[3][-1]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("notas.xlsx", b"nombre,sexo\nAna,M\n", "notas.xlsx no es un libro de Excel (.xlsx)."),
    ("viejo.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 60, "viejo.xls es un archivo de Excel antiguo"),
    ("vacio.xlsx", None, "La hoja Censo de vacio.xlsx está vacía."),
])
def test_a_file_that_cannot_be_read_gets_a_clear_message(qtbot, world, tasks, tmp_path, name,
                                                         content, message):
    path = tmp_path / name
    if content is None:
        workbook(path, [], headers=[])
    else:
        path.write_bytes(content)
    wizard = open_wizard(qtbot, world, tasks, path)
    status = wizard.file_page.status.text()
    assert status.startswith(message)
    assert not wizard.file_page.isComplete() and not next_button(wizard).isEnabled()


def test_correcting_the_mapping_changes_the_preview(qtbot, world, tasks, tmp_path):
    headers = ["Nombre", "Apellidos", "H/M", "Fecha de nacimiento", "CURP"]
    rows = [["Ti-Jean", "Baptiste", "H", "12/03/1985", None],
            ["Rosena", "Milien", "M", "03/04/1991", "MIRR910403XXXXXX99"]]
    wizard = open_wizard(qtbot, world, tasks, workbook(tmp_path / "c.xlsx", rows, headers))
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    mapping = wizard.mapping_page
    assert mapping.status.text() == "Elija las columnas de: Sexo."
    assert not next_button(wizard).isEnabled()
    assert mapping.combos[2].currentText() == "— No importar —"
    mapping.set_field(2, "sex")
    assert next_button(wizard).isEnabled()
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page.model.preview is not None)
    assert "Se pueden importar: 1 personas en 1 núcleos. Quedan fuera: 1 filas." \
        in page.summary.text()
    # back: the CURP column is not imported; the preview is made again
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    assert mapping.combos[2].currentData() == "sex"  # the correction is kept
    mapping.set_field(4, None)
    qtbot.mouseClick(next_button(wizard), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.preview is not None and
                    page.model.preview.mapping.get(4) is None)
    assert "Se pueden importar: 2 personas en 2 núcleos. Quedan fuera: 0 filas." \
        in page.summary.text()
    # one column per field: choosing "Sexo" for another column lets go of the first
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.BackButton), Qt.MouseButton.LeftButton)
    mapping.set_field(0, "sex")
    assert mapping.combos[2].currentData() is None and wizard.mapping[0] == "sex"


def test_preview_model_is_a_sound_qt_model(qtmodeltester, world, tasks, tmp_path, qtbot):
    wizard = open_wizard(qtbot, world, tasks, workbook(tmp_path / "m.xlsx", BAD))
    page = to_preview(qtbot, wizard)
    page.only_problems.setChecked(False)
    model: PreviewModel = page.model
    assert model.rowCount() == 5
    qtmodeltester.check(model, force_py=True)
