"""The everyday desk of the main window: a toolbar with the actions of every day (new
registration, find, screening, beds, printing: only those the role has) and the Help menu
(the Spanish manual, the keyboard shortcuts, about)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QMessageBox, QTableWidget, QTableWidgetItem, QTextBrowser,
    QToolBar, QVBoxLayout, QWidget,
)

from .. import __version__

if TYPE_CHECKING:
    from .main_menus import MainMenus

# the toolbar's actions by name (main_menus and each module's add_menu), in this order
TOOLBAR = (("register", QT_TRANSLATE_NOOP("desk", "New registration")),
           ("find", QT_TRANSLATE_NOOP("desk", "Find")),
           ("screening", QT_TRANSLATE_NOOP("desk", "Screening")),
           ("bed_board", QT_TRANSLATE_NOOP("desk", "Beds")),
           ("reports", QT_TRANSLATE_NOOP("desk", "Print")))



def manual_path() -> Path | None:
    """resources/help/manual-es.md, in the installed package or the source tree."""
    from .translation import RESOURCE_DIRS
    for folder in RESOURCE_DIRS:
        path = Path(folder) / "help" / "manual-es.md"
        if path.exists():
            return path
    return None


def _t(text: str) -> str:
    """The catalog text of a string marked with QT_TRANSLATE_NOOP("desk", ...)."""
    return QCoreApplication.translate("desk", text)


def add_toolbar(menus: MainMenus) -> QToolBar:
    """Short words on the buttons; each keeps its action's shortcut in its tooltip."""
    window = menus.window
    bar = QToolBar(QCoreApplication.translate("desk", "Everyday actions"), window)
    bar.setObjectName("everydayToolbar")
    bar.setMovable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    for name, text in TOOLBAR:
        action = menus.actions.get(name)
        if action is None:
            continue  # this role does not have it
        button = bar.addAction(_t(text))
        button.triggered.connect(action.trigger)
        keys = action.shortcut().toString()
        button.setToolTip(f"{action.text().replace('&', '').rstrip('…')}"
                          + (f" ({keys})" if keys else ""))
        menus.actions[f"toolbar_{name}"] = button
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def add_help_menu(menus: MainMenus) -> None:
    window = menus.window
    menu = window.menuBar().addMenu(QCoreApplication.translate("desk", "&Help"))
    menu.addAction(menus._action("manual", QCoreApplication.translate(
        "desk", "&Manual"), lambda: open_manual(window), "F1"))
    menu.addAction(menus._action("shortcuts", QCoreApplication.translate(
        "desk", "&Keyboard shortcuts"),
                                 lambda: open_shortcuts(menus)))
    menu.addSeparator()
    menu.addAction(menus._action("about", QCoreApplication.translate(
        "desk", "&About Albergue"), lambda: about(window)))


def _dialog(parent: QWidget, title: str, body: QWidget) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    layout = QVBoxLayout(dialog)
    body.setParent(dialog)
    layout.addWidget(body)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def open_manual(window) -> QDialog:
    """The short manual in Spanish (resources/help/manual-es.md), as formatted text."""
    browser = QTextBrowser()
    browser.setOpenExternalLinks(False)
    path = manual_path()
    try:
        if path is None:
            raise OSError
        browser.setMarkdown(path.read_text("utf-8"))
    except OSError:
        browser.setPlainText(QCoreApplication.translate(
            "desk", "The manual is not installed with this copy."))
    dialog = _dialog(window, QCoreApplication.translate("desk", "Manual"), browser)
    dialog.resize(760, 600)
    window._dialog = dialog
    dialog.open()
    return dialog


def shortcut_rows(menus: MainMenus) -> list[tuple[str, str]]:
    """(action, keys) of every action of this role that has a shortcut, by menu order."""
    rows = []
    for action in menus.actions.values():
        keys = action.shortcut().toString()
        if keys:
            rows.append((action.text().replace("&", "").rstrip("…"), keys))
    return rows


def open_shortcuts(menus: MainMenus) -> QDialog:
    rows = shortcut_rows(menus)
    table = QTableWidget(len(rows), 2)
    table.setHorizontalHeaderLabels([QCoreApplication.translate(
        "desk", "Action"), QCoreApplication.translate("desk", "Keys")])
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    for r, (text, keys) in enumerate(rows):
        table.setItem(r, 0, QTableWidgetItem(text))
        table.setItem(r, 1, QTableWidgetItem(keys))
    table.resizeColumnsToContents()
    table.horizontalHeader().setStretchLastSection(True)
    dialog = _dialog(menus.window, QCoreApplication.translate("desk", "Keyboard shortcuts"), table)
    dialog.resize(560, 520)
    menus.window._dialog = dialog
    dialog.open()
    return dialog


def about(window) -> None:
    text = QCoreApplication.translate(
        "desk", "Albergue {version}: registration, beds, health and follow-up of the people "
        "received at the community centers. Works without internet; the centers' files are "
        "synchronized with the central.")
    QMessageBox.about(window, QCoreApplication.translate("desk", "About Albergue"),
                      text.format(version=__version__))
