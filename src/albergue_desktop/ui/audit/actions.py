"""How the main window reaches the audit log viewer: an Audit menu for the roles with
:attr:`Permission.VIEW_AUDIT` (supervision and administration)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ...domain.permissions import Permission

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow
    from .screen import AuditView


def add_menu(menus: MainMenus) -> None:
    window, actor = menus.window, menus.window.actor
    if not actor.can(Permission.VIEW_AUDIT):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("audit_actions", "A&udit"))
    menu.addAction(menus._action(
        "audit", QCoreApplication.translate("audit_actions", "Audit &log"),
        lambda: open_audit(window)))


def open_audit(window: MainWindow) -> AuditView:
    """The audit log tab (opened once)."""
    from .screen import AuditView
    for i in range(window.tabs.count()):
        if isinstance(window.tabs.widget(i), AuditView):
            view = window.tabs.widget(i)
            break
    else:
        view = AuditView(window.db, window.actor, window.tasks, window.tabs)
        window.tabs.addTab(view, QCoreApplication.translate("audit_actions", "Audit log"))
    window.tabs.setCurrentWidget(view)
    return view
