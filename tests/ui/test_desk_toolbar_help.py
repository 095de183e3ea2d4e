"""The everyday toolbar (only the actions of the role) and the Help menu: F1 opens the
Spanish manual, the shortcuts dialog lists the role's shortcuts, Esc closes them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolBar
from ui_helpers import actor_of, show_window

from albergue_desktop.ui.intake import RegistrationDialog
from albergue_desktop.ui.main_window import MainWindow


def toolbar_texts(window) -> list[str]:
    bar = window.findChild(QToolBar, "everydayToolbar")
    return [a.text() for a in bar.actions()]


def test_the_toolbar_has_the_everyday_actions_of_the_role(db, center, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
    assert toolbar_texts(window) == ["Nuevo registro", "Buscar", "Camas", "Imprimir"]
    window.actions["toolbar_register"].trigger()
    qtbot.waitUntil(lambda: isinstance(window._dialog, RegistrationDialog))
    window._dialog.done(0)
    window.close()
    nurse = show_window(qtbot, MainWindow(db, actor_of("salud", center.id)))
    assert "Tamizaje" in toolbar_texts(nurse) and "Nuevo registro" not in toolbar_texts(nurse)
    nurse.close()


def test_f1_opens_the_manual_and_the_shortcuts_are_listed(db, center, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_F1)
    manual = window._dialog
    qtbot.waitUntil(lambda: manual.isVisible())
    assert manual.windowTitle() == "Manual"
    browser = manual.findChild(type(manual.layout().itemAt(0).widget()))
    assert "Manual breve de Albergue" in browser.toPlainText()
    qtbot.keyClick(browser, Qt.Key.Key_Escape)
    assert not manual.isVisible()
    window.actions["shortcuts"].trigger()
    shortcuts = window._dialog
    table = shortcuts.layout().itemAt(0).widget()
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Nuevo registro"] == "Ctrl+N" and rows["Manual"] == "F1"
    shortcuts.done(0)
    window.close()
