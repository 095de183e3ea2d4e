"""Menus and shortcuts of the main window. An action the signed-in role cannot use is not
created at all (the services refuse it anyway)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ..domain import i18n
from ..domain.permissions import Permission
from .auth.admin import can_administer

if TYPE_CHECKING:
    from .main_window import MainWindow


def tr(text: str) -> str:
    return QCoreApplication.translate("MainMenus", text)


def _action(window: MainWindow, text: str, slot, shortcut=None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    window.addAction(action)  # shortcuts work wherever the focus is in the window
    return action


def build_menus(window: MainWindow) -> dict[str, QAction]:
    actor = window.actor
    actions: dict[str, QAction] = {}
    bar = window.menuBar()

    file_menu = bar.addMenu(tr("&File"))
    if actor.can(Permission.REGISTER):
        actions["register"] = _action(window, tr("&New registration…"),
                                      window.open_registration, "Ctrl+N")
        file_menu.addAction(actions["register"])
        file_menu.addSeparator()
    actions["lock"] = _action(window, tr("&Lock session"), window.lock, "Ctrl+L")
    actions["sign_out"] = _action(window, tr("&Sign out"), window.sign_out_requested.emit)
    actions["quit"] = _action(window, tr("&Quit"), window.close, QKeySequence.StandardKey.Quit)
    for key in ("lock", "sign_out", "quit"):
        file_menu.addAction(actions[key])

    people_menu = bar.addMenu(tr("&People"))
    actions["find"] = _action(window, tr("&Find…"), window.focus_search,
                              QKeySequence.StandardKey.Find)
    actions["household"] = _action(window, tr("Show only the &household of the selected person"),
                                   window.show_household_of_selected, "Ctrl+H")
    actions["clear_filters"] = _action(window, tr("&Clear filters"),
                                       window.people.filter_bar.clear, "Ctrl+Shift+L")
    actions["close_tab"] = _action(window, tr("Close &record"), window.close_current_tab,
                                   QKeySequence.StandardKey.Close)
    for key in ("find", "household", "clear_filters", "close_tab"):
        people_menu.addAction(actions[key])

    if can_administer(actor):
        admin_menu = bar.addMenu(tr("&Administration"))
        actions["admin"] = _action(window, tr("&Users and center…"), window.open_admin)
        admin_menu.addAction(actions["admin"])

    view_menu = bar.addMenu(tr("&View"))
    language_menu = view_menu.addMenu(tr("&Language"))
    group = QActionGroup(window)
    for code, text in (("es", "Español"), ("en", "English")):  # each in its own language
        action = QAction(text, window)
        action.setCheckable(True)
        action.setChecked(i18n.language() == code)
        action.triggered.connect(lambda _checked=False, c=code: _choose_language(window, c))
        group.addAction(action)
        language_menu.addAction(action)
        actions[f"language_{code}"] = action
    return actions


def _choose_language(window: MainWindow, code: str) -> None:
    if code != i18n.language():
        window.language_chosen.emit(code)
