"""How the main window reaches the pharmacy screens: the Pharmacy menu (stock, dispensing
to the selected person, vaccination day, weekly epidemiological notification), each item
only for a role that may use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from ...domain.permissions import Permission

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow

translate = QCoreApplication.translate


def add_menu(menus: MainMenus) -> None:
    window, actor = menus.window, menus.window.actor
    pharmacy = actor.can(Permission.PHARMACY)
    health = actor.can(Permission.EDIT_HEALTH)
    if not (pharmacy or actor.can(Permission.VIEW_HEALTH)):
        return
    menu = window.menuBar().addMenu(translate("pharmacy_actions", "P&harmacy"))
    if pharmacy:
        menu.addAction(menus._action(
            "pharmacy", translate("pharmacy_actions", "Pharmacy &stock"),
            lambda: open_pharmacy(window), "Ctrl+Shift+F"))
    if pharmacy and health:
        menu.addAction(menus._action(
            "dispense", translate("pharmacy_actions", "&Dispense to the selected person…"),
            lambda: dispense_selected(window), "Ctrl+Shift+D"))
    if health:
        menu.addAction(menus._action(
            "vaccination_day", translate("pharmacy_actions", "&Vaccination day"),
            lambda: open_vaccination_day(window), "Ctrl+Shift+V"))
    menu.addSeparator()
    menu.addAction(menus._action(
        "epi_notification",
        translate("pharmacy_actions", "Weekly &epidemiological notification…"),
        lambda: open_epi_notification(window)))


def _tab(window: MainWindow, kind: type, title: str) -> QWidget:
    for i in range(window.tabs.count()):
        if isinstance(window.tabs.widget(i), kind):
            window.tabs.setCurrentIndex(i)
            return window.tabs.widget(i)
    view = kind(window.db, window.actor, window.tasks, window.tabs)
    window.tabs.addTab(view, title)
    window.tabs.setCurrentWidget(view)
    return view


def open_pharmacy(window: MainWindow):
    from .stock_view import PharmacyView
    return _tab(window, PharmacyView, translate("pharmacy_actions", "Pharmacy"))


def open_vaccination_day(window: MainWindow):
    from .vaccination_day import VaccinationDayView
    return _tab(window, VaccinationDayView,
                translate("pharmacy_actions", "Vaccination day"))


def dispense_selected(window: MainWindow):
    """The dispense dialog for the person of the open record or the list's selection."""
    from ..health.actions import selected_person_id
    view = open_pharmacy(window)
    person_id = selected_person_id(window)
    row = window.people.selected_person()
    label = row.full_name if row is not None and row.id == person_id else ""
    person = (person_id, label) if person_id else None
    if view.items:
        return view.open_dispense(person)
    view.pending_dispense = person or ("", "")  # opened once the stock has been read
    return None


def open_epi_notification(window: MainWindow):
    from .epi_dialog import EpiNotificationDialog
    dialog = EpiNotificationDialog(window.db, window.actor, window.tasks, window)
    window._dialog = dialog
    dialog.open()
    return dialog
