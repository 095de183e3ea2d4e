"""How the main window reaches the exit pathways: the Pathways menu (roles that see people
and may discharge, manage the job bank and housing, or record protection cases)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ...domain.permissions import Permission

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow
    from .board import PathwayBoard


def add_menu(menus: MainMenus) -> None:
    window = menus.window
    actor = window.actor
    if not any(actor.can(p) for p in (Permission.DISCHARGE, Permission.MANAGE_PATHWAYS,
                                      Permission.PROTECTION)):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("pathway_actions",
                                                               "Pa&thways"))
    menu.addAction(menus._action(
        "pathway_board", QCoreApplication.translate("pathway_actions", "Pathway &board…"),
        lambda: open_board(window), "Ctrl+Shift+P"))


def open_board(window: MainWindow) -> PathwayBoard:
    from .board import PathwayBoard
    board = PathwayBoard(window.db, window.actor, window.tasks, window)
    window._pathway_board = board  # type: ignore[attr-defined]
    board.open()
    return board
