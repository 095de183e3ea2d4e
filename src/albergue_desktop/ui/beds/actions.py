"""How the main window reaches the bed screens: the Beds menu (bed board with the day's
numbers, placement of the selected person's household, center configuration) and the
"bed assignment" next step of a new registration."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.permissions import Permission
from ...storage.db import Database
from ..ops import error_text, query_op

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow
    from .board import BedBoardView

NOTICE_MS = 10_000


def add_menu(menus: MainMenus) -> None:
    window, actor = menus.window, menus.window.actor
    if not actor.can(Permission.VIEW_PEOPLE):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("beds_actions", "&Beds"))
    menu.addAction(menus._action(
        "bed_board", QCoreApplication.translate("beds_actions", "Bed &board"),
        lambda: open_bed_board(window), "Ctrl+B"))
    menu.addAction(menus._action(
        "daily_numbers", QCoreApplication.translate("beds_actions", "&Daily numbers"),
        lambda: open_bed_board(window, daily=True), "Ctrl+D"))
    if actor.can(Permission.MANAGE_STAYS):
        menu.addAction(menus._action(
            "placement", QCoreApplication.translate(
                "beds_actions", "&Place the household of the selected person…"),
            lambda: place_selected(window), "Ctrl+U"))
    if actor.can(Permission.MANAGE_CENTERS):
        menu.addSeparator()
        menu.addAction(menus._action(
            "center_config", QCoreApplication.translate("beds_actions",
                                                        "&Configure center and beds…"),
            lambda: open_center_config(window)))


def bed_board_of(window: MainWindow) -> BedBoardView | None:
    from .board import BedBoardView
    for i in range(window.tabs.count()):
        if isinstance(window.tabs.widget(i), BedBoardView):
            return window.tabs.widget(i)
    return None


def open_bed_board(window: MainWindow, *, daily: bool = False) -> BedBoardView:
    """The bed board tab (opened once, read again when shown again)."""
    from .board import BedBoardView
    view = bed_board_of(window)
    if view is None:
        view = BedBoardView(window.db, window.actor, window.tasks, window.tabs)
        view.changed.connect(window.after_write)
        view.open_person_requested.connect(window.open_person)
        window.tabs.addTab(view, QCoreApplication.translate("beds_actions", "Beds"))
        window.tabs.setCurrentWidget(view)
        window.tabs.currentChanged.connect(view.on_tab_shown)  # read again when shown again
    elif window.tabs.currentWidget() is view:
        view.refresh()
    else:
        window.tabs.setCurrentWidget(view)
    view.tabs.setCurrentIndex(1 if daily else 0)
    (view.daily.day if daily else view.grid).setFocus()
    return view


def _refresh_board(window: MainWindow) -> None:
    view = bed_board_of(window)
    if view is not None:
        view.refresh()


def place_household(window: MainWindow, household_id: str) -> QDialog | None:
    """The placement dialog of a household (None for a role that may not check in)."""
    if not window.actor.can(Permission.MANAGE_STAYS):
        window.statusBar().showMessage(QCoreApplication.translate(
            "beds_actions", "Next step: bed assignment, by intake or coordination staff."),
            NOTICE_MS)
        return None
    from .placement_dialog import PlacementDialog
    dialog = PlacementDialog(window.db, window.actor, household_id, window.tasks, window)
    # the list and open records follow the write op's Changes (ui/ops.py); the board here
    dialog.placed.connect(lambda _hh: _refresh_board(window))
    window._dialog = dialog
    dialog.open()
    return dialog


def place_selected(window: MainWindow) -> QDialog | None:
    view = window.current_record()
    household_id = None
    if view is not None and view.record is not None and view.record.household is not None:
        household_id = view.record.household.id
    elif view is None and (row := window.people.selected_person()) is not None:
        household_id = row.household_id
    if household_id is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "beds_actions", "Select a person in the list first."), NOTICE_MS)
        return None
    return place_household(window, household_id)


def center_to_configure(db: Database, fallback: str | None) -> str | None:
    """The file's own center, else ``fallback`` (the user's), else the first one (worker)."""
    from ...services import centers
    center_id = db.meta("center_id") or fallback
    if center_id is None:
        found = centers.list_centers(db)
        center_id = found[0].id if found else None
    return center_id


def open_center_config(window: MainWindow) -> None:
    """The center shown on the bed board, or the one :func:`center_to_configure` finds (read
    on the worker, then the dialog opens)."""
    if not window.actor.can(Permission.MANAGE_CENTERS):
        return
    view = bed_board_of(window)
    if view is not None and view.center_id is not None:
        _open_center_config(window, view.center_id)
        return
    query_op(window, window.tasks,
             partial(center_to_configure, window.db, window.actor.center_id),
             partial(_open_center_config, window),
             on_error=lambda e: window.statusBar().showMessage(error_text(e), NOTICE_MS))


def _open_center_config(window: MainWindow, center_id: str | None) -> None:
    if center_id is None:
        return
    from .center_config import CenterConfigDialog
    dialog = CenterConfigDialog(window.db, window.actor, center_id, window.tasks, window)
    dialog.changed.connect(lambda: _refresh_board(window))
    window._dialog = dialog
    dialog.open()
