"""How the main window reaches the Sync screens: the Sync menu (the Sync screen, the
conflicts and duplicates reviews, for the roles that may use them) and the time of the last
synchronization in the status bar."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from ...domain.permissions import Permission
from ...services import sync_files
from ..ops import Changes, alive, hub
from .common import local_time

PULLED = Changes.of("people", "households", "stays", "beds", "centers", "screenings", "photos",
                    "conflicts")

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow



def add_menu(menus: MainMenus) -> None:
    window, actor = menus.window, menus.window.actor
    _install_status(window)
    if not (actor.can(Permission.SYNC) or actor.can(Permission.REVIEW_SYNC)):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("sync_actions", "S&ync"))
    if actor.can(Permission.SYNC):
        menu.addAction(menus._action(
            "sync", QCoreApplication.translate("sync_actions",
                                               "&Synchronize with the central file…"),
            lambda: open_sync(window), "Ctrl+Shift+S"))
        menu.addAction(menus._action(
            "connect_server", QCoreApplication.translate(
                "sync_actions", "Co&nnect with the central's server…"),
            lambda: open_connect(window)))
    if actor.can(Permission.REVIEW_SYNC):
        menu.addAction(menus._action(
            "conflicts", QCoreApplication.translate("sync_actions", "Sync &conflicts"),
            lambda: open_conflicts(window)))
        menu.addAction(menus._action(
            "duplicates", QCoreApplication.translate("sync_actions", "Possible &duplicates"),
            lambda: open_duplicates(window)))


# --- the status bar -------------------------------------------------------------------------

def _install_status(window: MainWindow) -> None:
    label = QLabel(window)
    label.setContentsMargins(6, 0, 6, 0)
    window.statusBar().addPermanentWidget(label)
    window.sync_label = label
    refresh_last_sync(window)


def last_sync_text(last: sync_files.LastSync | None) -> str:
    if last is None:
        return QCoreApplication.translate("sync_actions", "Never synchronized")
    return QCoreApplication.translate("sync_actions", "Last sync: {time}").format(
        time=local_time(last.at))


def refresh_last_sync(window: MainWindow) -> None:
    label = getattr(window, "sync_label", None)
    if label is None:
        return
    window.tasks.run(partial(sync_files.last_sync, window.db),
                     alive(label, lambda last: label.setText(last_sync_text(last))))


# --- the tabs -------------------------------------------------------------------------------

def _tab_of(window: MainWindow, kind: type) -> QWidget | None:
    for i in range(window.tabs.count()):
        if isinstance(window.tabs.widget(i), kind):
            return window.tabs.widget(i)
    return None


def _show(window: MainWindow, view: QWidget, title: str) -> None:
    if window.tabs.indexOf(view) < 0:
        window.tabs.addTab(view, title)
    window.tabs.setCurrentWidget(view)


def _after_sync(window: MainWindow, summary) -> None:
    refresh_last_sync(window)
    if summary.direction == "pull" and summary.changed:
        # anything may have come (other centers too): the list, totals and open records
        # read again once
        hub().changed.emit(PULLED)


def open_sync(window: MainWindow):
    from .screen import SyncView
    view = _tab_of(window, SyncView)
    if view is None:
        view = SyncView(window.db, window.actor, window.tasks, window.tabs)
        view.synced.connect(partial(_after_sync, window))
    _show(window, view, QCoreApplication.translate("sync_actions", "Sync"))
    (view.push_button if view.path_edit.text() else view.path_edit).setFocus()
    return view


def open_connect(window: MainWindow):
    """Enroll this computer with the central's sync server; once connected, the window's
    sync job takes over (it looks at once)."""
    from .connect_dialog import ConnectDialog
    dialog = ConnectDialog(window.db, window.actor, window.auto_sync.tasks, window)
    dialog.accepted.connect(window.auto_sync.pull_now)
    dialog.open()
    return dialog


def open_conflicts(window: MainWindow):
    from .conflicts import ConflictsView
    view = _tab_of(window, ConflictsView)
    if view is None:
        view = ConflictsView(window.db, window.actor, window.tasks, window.tabs)
        view.resolved.connect(window.after_write)
        view.open_person_requested.connect(window.open_person)
    else:
        view.reload()
    _show(window, view, QCoreApplication.translate("sync_actions", "Conflicts"))
    view.table.setFocus()
    return view


def open_duplicates(window: MainWindow):
    from .duplicates import DuplicatesView
    view = _tab_of(window, DuplicatesView)
    if view is None:
        view = DuplicatesView(window.db, window.actor, window.tasks, window.tabs)
        view.changed.connect(window.after_write)
        view.open_person_requested.connect(window.open_person)
    _show(window, view, QCoreApplication.translate("sync_actions", "Duplicates"))
    view.scan_button.setFocus()
    return view
