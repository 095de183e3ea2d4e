"""How the main window reaches the report screens: the Reports menu (the Reports screen as
a tab, the Excel export, the import of a legacy census spreadsheet)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.permissions import Permission
from ..ops import Changes, hub

# What an import changes: many new people and households (the list is read again once).
IMPORTED = Changes.of("people", "households", "stays")

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow
    from .screen import ReportsView


def add_menu(menus: MainMenus) -> None:
    window, actor = menus.window, menus.window.actor
    if not actor.can(Permission.VIEW_PEOPLE):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("reports_actions", "&Reports"))
    menu.addAction(menus._action(
        "reports", QCoreApplication.translate("reports_actions", "&Reports and printing"),
        lambda: open_reports(window), "Ctrl+Shift+R"))
    menu.addAction(menus._action(
        "export", QCoreApplication.translate("reports_actions", "&Export to Excel…"),
        lambda: open_export(window)))
    if actor.can(Permission.REGISTER):
        menu.addAction(menus._action(
            "import", QCoreApplication.translate("reports_actions",
                                                 "&Import a census spreadsheet…"),
            lambda: open_import(window)))


def reports_of(window: MainWindow) -> ReportsView | None:
    from .screen import ReportsView
    for i in range(window.tabs.count()):
        if isinstance(window.tabs.widget(i), ReportsView):
            return window.tabs.widget(i)
    return None


def open_reports(window: MainWindow) -> ReportsView:
    """The Reports tab (opened once)."""
    from .screen import ReportsView
    view = reports_of(window)
    if view is None:
        view = ReportsView(window.db, window.actor, window.tasks, window.tabs)
        window.tabs.addTab(view, QCoreApplication.translate("reports_actions", "Reports"))
    window.tabs.setCurrentWidget(view)
    view.form.kinds.setFocus()
    return view


def open_export(window: MainWindow) -> QDialog:
    from .export_dialog import ExportDialog
    dialog = ExportDialog(window.db, window.actor, window.tasks, window)
    window._dialog = dialog
    dialog.open()
    return dialog


def open_import(window: MainWindow) -> QDialog | None:
    if not window.actor.can(Permission.REGISTER):
        return None
    from .import_wizard import ImportWizard
    wizard = ImportWizard(window.db, window.actor, window.tasks, window)
    wizard.imported.connect(lambda _n: hub().changed.emit(IMPORTED))  # many people: one reset
    window._dialog = wizard
    wizard.open()
    return wizard
