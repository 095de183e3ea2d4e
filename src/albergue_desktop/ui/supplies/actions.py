"""How the main window reaches the supplies screens: the Supplies menu (distribution queue,
warehouse), only for a role with the SUPPLIES permission."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ...domain.permissions import Permission

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow

translate = QCoreApplication.translate


def add_menu(menus: MainMenus) -> None:
    window, actor = menus.window, menus.window.actor
    if not actor.can(Permission.SUPPLIES):
        return
    menu = window.menuBar().addMenu(translate("supplies_actions", "S&upplies"))
    menu.addAction(menus._action(
        "distribution", translate("supplies_actions", "&Distribution queue"),
        lambda: open_distribution(window), "Ctrl+Shift+E"))
    menu.addAction(menus._action(
        "warehouse", translate("supplies_actions", "&Warehouse"),
        lambda: open_warehouse(window), "Ctrl+Shift+W"))


def open_distribution(window: MainWindow):
    from ..pharmacy.actions import _tab
    from .distribution_view import DistributionView
    return _tab(window, DistributionView, translate("supplies_actions", "Distribution"))


def open_warehouse(window: MainWindow):
    from ..pharmacy.actions import _tab
    from .warehouse_view import WarehouseView
    return _tab(window, WarehouseView, translate("supplies_actions", "Warehouse"))
