"""The Reports screen: each report generated from the screen against a small database holds
the people (read back with pypdf), the preview shows its pages, a cancel leaves no file,
printing paints every page on the printer, "Save as" copies the PDF, and the role of the
signed-in user decides the health detail."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from pypdf import PdfReader
from ui_helpers import show_window

from albergue_desktop.services.context import Actor
from albergue_desktop.ui.reports import jobs, printing, screen
from albergue_desktop.ui.reports.screen import ReportsView

SUPERVISOR = Actor("super1", "supervision")
INTAKE = Actor("registro1", "registro")


def open_view(qtbot, db, tasks, actor=SUPERVISOR) -> ReportsView:
    view = ReportsView(db, actor, tasks)
    show_window(qtbot, view)
    qtbot.waitUntil(lambda: view.form.centers_read)  # read in the background
    return view


def generate(qtbot, view: ReportsView, kind: str, timeout: int = 20_000) -> str:
    """Choose ``kind``, press Generate, wait for the preview; the PDF's text."""
    view.form.set_kind(kind)
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy and view.preview.page_count > 0, timeout=timeout)
    assert view.output is not None and view.output.is_file()
    return "\n".join(page.extract_text() for page in PdfReader(view.output).pages)


@pytest.mark.parametrize("kind", ["roster", "bedlist", "idcards"])
def test_people_reports_hold_the_people_present(qtbot, world, tasks, kind):
    view = open_view(qtbot, world.db, tasks)
    view.form.set_center(world.center_id)
    text = generate(qtbot, view, kind)
    for name in world.present:
        if kind == "bedlist" and name.startswith("Dieu"):
            assert name not in text  # present without a bed: not on the bed list
            continue
        assert name in text, name
    if kind == "bedlist":
        assert "LIBRE" in text and "Dormitorio A" in text
    if kind != "bedlist":
        assert world.folios["dieu"] in text
    pages = len(PdfReader(view.output).pages)
    assert view.preview.page_count == pages
    assert view.preview.page_label.text() == f"Página 1 de {pages}"
    qtbot.waitUntil(lambda: 0 in view.preview.rendered_pages())  # the first page is drawn
    assert view.print_button.isEnabled() and view.save_button.isEnabled()
    assert view.status.text().startswith("Listo:")


def test_census_and_impact_count_the_people(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    view.form.set_center(None)
    census = generate(qtbot, view, "census")
    assert "Parte diario" in census and "Centro Comunitario 3" in census
    assert "Centro Deportivo Ñiño" in census
    impact = generate(qtbot, view, "impact")
    assert "Impactos y resultados" in impact and "no registrado" in impact.lower()
    assert not view.form.center.isEnabled()  # the impact report is for all centers


def test_only_the_choices_a_report_uses_are_enabled(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    form = view.form
    form.set_center(world.center_id)
    form.set_kind("bedlist")
    qtbot.waitUntil(lambda: form.area.findText("Dormitorio A") >= 0)  # the center's areas
    assert form.area.isEnabled()
    assert not form.day.isEnabled() and not form.start.isEnabled()
    form.set_kind("census")
    assert form.day.isEnabled() and not form.area.isEnabled()
    form.set_kind("impact")
    assert form.whole_period.isEnabled() and not form.start.isEnabled()
    form.whole_period.setChecked(False)
    assert form.start.isEnabled() and form.end.isEnabled()
    request = form.request()
    assert request.kind == "impact" and request.start is not None and request.center is None


def test_the_role_decides_the_health_detail(qtbot, world, tasks):
    health = open_view(qtbot, world.db, tasks, Actor("salud1", "salud"))
    assert "Incluye datos médicos" in generate(qtbot, health, "roster")
    intake = open_view(qtbot, world.db, tasks, INTAKE)
    assert intake.form.health_note.text().startswith("Se omiten")
    text = generate(qtbot, intake, "roster")
    assert "Se omiten los datos médicos" in text and "Incluye datos médicos" not in text


def test_cancel_stops_the_report_and_leaves_no_file(qtbot, world, tasks, monkeypatch):
    gate, reached = threading.Event(), threading.Event()
    real = jobs.generate

    def slow(*args, on_page=None, **kwargs):
        def hold(page):
            on_page(page)
            reached.set()
            gate.wait(10)  # the first page waits until the test has pressed Cancel
        return real(*args, on_page=hold, **kwargs)

    monkeypatch.setattr(jobs, "generate", slow)
    view = open_view(qtbot, world.db, tasks)
    view.form.set_kind("roster")
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: reached.is_set() and "página 1" in view.status.text())
    assert view.busy and view.cancel_button.isEnabled() and not view.generate_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    gate.set()
    qtbot.waitUntil(lambda: not view.busy)
    assert view.status.text() == "Cancelado: no se generó ningún reporte."
    assert view.output is None and view.preview.page_count == 0
    assert list(view.temp_folder.iterdir()) == []  # no PDF, no temporary file left behind
    assert not view.print_button.isEnabled()
    # the next report is made as usual
    monkeypatch.setattr(jobs, "generate", real)
    assert "Wilner PIERRE" in generate(qtbot, view, "roster")


def test_print_paints_every_page_on_the_printer(qtbot, world, tasks, monkeypatch, tmp_path):
    printed = tmp_path / "impreso.pdf"
    asked = []

    def ask(parent, printer):  # the system dialog, answered "print to this file"
        asked.append((printer.pageLayout().orientation(), printer.fromPage(),
                      printer.toPage()))
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(printing, "ask_printer", ask)
    view = open_view(qtbot, world.db, tasks)
    generate(qtbot, view, "roster")
    qtbot.keyClick(view.preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.busy and bool(asked), timeout=20_000)
    assert view.status.text() == "Se envió 1 página a la impresora."
    pages = PdfReader(printed).pages
    assert len(pages) == view.preview.page_count == 1
    assert asked[0][0].name == "Landscape"  # the roster is printed across the sheet
    box = pages[0].mediabox
    assert float(box.width) > float(box.height)
    assert printed.stat().st_size > 50_000  # the page image is there, not a blank sheet


def test_page_range_follows_the_dialog(qapp):
    printer = QPrinter()
    assert printing.page_range(printer, 5) == range(0, 5)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert printing.page_range(printer, 5) == range(1, 3)
    printer.setFromTo(4, 9)
    assert printing.page_range(printer, 5) == range(3, 5)


def test_save_as_copies_the_report(qtbot, world, tasks, monkeypatch, tmp_path):
    target = tmp_path / "lista"
    offered = []

    class Dialog:
        @staticmethod
        def getSaveFileName(parent, caption, path, filters):  # noqa: N802
            offered.append(path)
            return str(target), filters

    monkeypatch.setattr(screen, "QFileDialog", Dialog)
    view = open_view(qtbot, world.db, tasks)
    view.form.set_center(world.center_id)
    generate(qtbot, view, "roster")
    qtbot.mouseClick(view.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "lista.pdf"
    assert saved.read_bytes() == view.output.read_bytes()
    assert view.status.text() == f"Guardado en {saved}"
    assert offered[0].endswith(".pdf") and "lista-de-albergados-03-" in offered[0]


def test_changing_a_choice_drops_the_old_preview(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    generate(qtbot, view, "roster")
    view.form.set_kind("bedlist")
    assert view.output is None and view.preview.page_count == 0
    assert not view.print_button.isEnabled()
    assert view.preview.placeholder.text() == "Cambió la selección: pulse Generar otra vez."


@pytest.mark.parametrize(("role", "has_import"), [("registro", True), ("salud", False),
                                                  ("supervision", True)])
def test_the_reports_menu_opens_one_tab_that_lets_go_when_closed(qtbot, world, role,
                                                                   has_import):
    from albergue_desktop.ui.main_window import MainWindow
    from albergue_desktop.ui.reports.import_wizard import ImportWizard

    window = show_window(qtbot, MainWindow(world.db, Actor(f"{role}1", role, world.center_id)))
    assert "&Reportes" in [a.text() for a in window.menuBar().actions()]
    assert ("import" in window.actions) == has_import and "export" in window.actions
    assert window.actions["reports"].shortcut().toString() == "Ctrl+Shift+R"
    window.actions["reports"].trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, ReportsView) and window.tabs.tabText(window.tabs.currentIndex()) \
        == "Reportes"
    qtbot.waitUntil(lambda: view.form.centers_read)
    assert view.form.center.currentData() == world.center_id  # this laptop's center
    window.tabs.setCurrentIndex(0)
    window.actions["reports"].trigger()
    assert window.tabs.count() == 2 and window.tabs.currentWidget() is view  # opened once
    text = generate(qtbot, view, "roster")
    assert "Marie-Claude JOSEPH" in text
    folder = view.temp_folder
    assert any(folder.iterdir())
    window.close_tab(window.tabs.indexOf(view))
    qtbot.waitUntil(lambda: not folder.exists())  # the generated PDFs are removed
    if has_import:
        window.actions["import"].trigger()
        assert isinstance(window._dialog, ImportWizard) and window._dialog.isVisible()
        window._dialog.reject()


def test_id_cards_for_one_household_typed_by_a_members_folio(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    view.form.set_center(world.center_id)
    view.form.set_kind("idcards")
    form = view.form
    assert form.cards_for.isEnabled() and not form.household.isEnabled()
    form.cards_for.setCurrentIndex(form.cards_for.findData("household"))
    assert form.household.isEnabled() and not form.area.isEnabled()
    qtbot.keyClicks(form.household, world.folios["rose"])
    text = generate(qtbot, view, "idcards")
    assert {"Marie-Claude JOSEPH", "Jean-Baptiste JOSEPH", "Rose-Thérèse JOSEPH"} == {
        name for name in world.present if name in text}


def test_id_cards_for_one_area_and_for_today(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    form = view.form
    form.set_center(world.center_id)
    form.set_kind("idcards")
    form.cards_for.setCurrentIndex(form.cards_for.findData("area"))
    assert form.area.isEnabled()
    form.area.setCurrentIndex(form.area.findText("Dormitorio A"))
    text = generate(qtbot, view, "idcards")
    # in the beds of Dormitorio A; Dieu-Nés is present without a bed
    assert "Wilner PIERRE" in text and "Dieu-Nés LOUIS-JEUNE" not in text
    assert "Área Dormitorio A" in text
    form.cards_for.setCurrentIndex(form.cards_for.findData("today"))
    text = generate(qtbot, view, "idcards")
    assert all(name in text for name in world.present)  # all registered today


def test_id_cards_for_a_household_without_a_folio_say_what_to_type(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    view.form.set_kind("idcards")
    view.form.cards_for.setCurrentIndex(view.form.cards_for.findData("household"))
    qtbot.mouseClick(view.generate_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not view.busy, timeout=20_000)
    assert view.status.text() == "Escriba el folio de cualquier integrante del núcleo familiar."
    assert view.output is None


def test_the_dashboard_is_shown_in_the_preview_with_its_period(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    form = view.form
    form.set_kind("dashboard")
    assert form.center.isEnabled() and form.whole_period.isEnabled()
    assert not form.cards_for.isEnabled() and not form.day.isEnabled()
    text = generate(qtbot, view, "dashboard")
    assert "Tablero" in text and "Colores de triaje de las personas presentes" in text
    assert view.suggested_name().startswith("tablero")


def test_welcome_papers_and_card_backs_from_the_screen(qtbot, world, tasks):
    view = open_view(qtbot, world.db, tasks)
    form = view.form
    form.set_kind("welcome")
    assert form.cards_for.isEnabled() and form.paper_lang.isEnabled()
    assert not form.backs.isEnabled()
    form.cards_for.setCurrentIndex(form.cards_for.findData("household"))
    qtbot.keyClicks(form.household, world.folios["marie"])
    form.paper_lang.setCurrentIndex(form.paper_lang.findData("ht"))
    text = generate(qtbot, view, "welcome")
    assert "Byenvini nan abri a" in text and text.count("Dakò pou itilize") == 3
    form.set_kind("idcards")
    assert form.backs.isEnabled() and not form.paper_lang.isEnabled()
    form.backs.setChecked(True)
    assert form.paper_lang.isEnabled()
    form.paper_lang.setCurrentIndex(form.paper_lang.findData("fr"))
    text = generate(qtbot, view, "idcards")
    assert text.count("Cette carte est à vous.") == 3
