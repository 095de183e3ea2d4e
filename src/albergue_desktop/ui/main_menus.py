"""Menus and shortcuts of the main window. An action the signed-in role cannot use is not
created at all (the services refuse it anyway)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

from ..domain import i18n
from ..domain.permissions import Permission
from .audit import actions as audit_actions
from .auth.admin import can_administer
from .beds import actions as beds_actions
from .health import actions as health_actions
from .pharmacy import actions as pharmacy_actions
from .supplies import actions as supplies_actions
from .pathways import actions as pathway_actions
from .reports import actions as reports_actions
from .sync import actions as sync_actions

if TYPE_CHECKING:
    from .main_window import MainWindow


class MainMenus(QObject):
    """Builds the menus of ``window``; ``actions`` by name (only those the role may use)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.actions: dict[str, QAction] = {}
        self._build()

    def _action(self, name: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)  # every binding of the platform (Ctrl+F4, Ctrl+W)
        elif shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)  # shortcuts work wherever the focus is in the window
        self.actions[name] = action
        return action

    def _build(self) -> None:
        window, actor = self.window, self.window.actor
        bar = window.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        if actor.can(Permission.REGISTER):
            file_menu.addAction(self._action("register", self.tr("&New registration…"),
                                             window.open_registration, "Ctrl+N"))
            file_menu.addSeparator()
        file_menu.addAction(self._action("lock", self.tr("&Lock session"), window.lock,
                                         "Ctrl+L"))
        file_menu.addAction(self._action("change_password", self.tr("&Change my password…"),
                                         window.change_password))
        file_menu.addAction(self._action("sign_out", self.tr("&Sign out"),
                                         window.sign_out_requested.emit))
        file_menu.addAction(self._action("quit", self.tr("&Quit"), window.close,
                                         QKeySequence.StandardKey.Quit))

        people_menu = bar.addMenu(self.tr("&People"))
        people_menu.addAction(self._action("find", self.tr("&Find…"), window.focus_search,
                                           QKeySequence.StandardKey.Find))
        people_menu.addAction(self._action(
            "household", self.tr("Show only the &household of the selected person"),
            window.show_household_of_selected, "Ctrl+H"))
        people_menu.addAction(self._action("clear_filters", self.tr("&Clear filters"),
                                           window.people.filter_bar.clear, "Ctrl+Shift+L"))
        people_menu.addSeparator()
        if actor.can(Permission.EDIT_PEOPLE):
            people_menu.addAction(self._action("edit", self.tr("&Edit record…"),
                                               partial(self._on_record, "edit"), "Ctrl+E"))
        if actor.can(Permission.DELETE_PEOPLE):
            people_menu.addAction(self._action("delete", self.tr("&Delete record…"),
                                               partial(self._on_record, "delete")))
        people_menu.addAction(self._action("close_tab", self.tr("Close &record"),
                                           window.close_current_tab,
                                           QKeySequence.StandardKey.Close))

        health_actions.add_menu(self)
        pharmacy_actions.add_menu(self)
        supplies_actions.add_menu(self)
        beds_actions.add_menu(self)
        pathway_actions.add_menu(self)
        reports_actions.add_menu(self)
        sync_actions.add_menu(self)
        audit_actions.add_menu(self)

        if can_administer(actor):
            admin_menu = bar.addMenu(self.tr("&Administration"))
            admin_menu.addAction(self._action("admin", self.tr("&Users and center…"),
                                              window.open_admin))

        view_menu = bar.addMenu(self.tr("&View"))
        language_menu = view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(window)
        for code, text in (("es", "Español"), ("en", "English")):  # each in its own language
            action = QAction(text, window)
            action.setCheckable(True)
            action.setChecked(i18n.language() == code)
            action.triggered.connect(partial(self._choose_language, code))
            group.addAction(action)
            language_menu.addAction(action)
            self.actions[f"language_{code}"] = action

        from . import desk  # noqa: PLC0415 (the everyday toolbar and the Help menu)
        desk.add_help_menu(self)
        desk.add_toolbar(self)

    def _on_record(self, what: str) -> None:
        """Edit or delete the record in the current tab (nothing when the list is shown)."""
        view = self.window.current_record()
        if view is not None:
            getattr(view, what)()

    def _choose_language(self, code: str, _checked: bool = False) -> None:
        if code != i18n.language():
            self.window.language_chosen.emit(code)
