"""How the main window reaches the health screens: the Health menu (only for roles that
record screenings) and the "health screening" next step of a new registration."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.permissions import Permission
from ...services import people_list

if TYPE_CHECKING:
    from ..main_menus import MainMenus
    from ..main_window import MainWindow

NOTICE_MS = 10_000


def add_menu(menus: MainMenus) -> None:
    window = menus.window
    if not window.actor.can(Permission.EDIT_HEALTH):
        return
    menu = window.menuBar().addMenu(QCoreApplication.translate("health_actions", "&Health"))
    menu.addAction(menus._action(
        "screening", QCoreApplication.translate("health_actions",
                                                "&Screening of the selected person…"),
        lambda: screen_selected(window), "Ctrl+T"))


def selected_person_id(window: MainWindow) -> str | None:
    """The person of the record tab shown, else the one selected in the list."""
    view = window.current_record()
    if view is not None:
        return view.person_id
    row = window.people.selected_person()
    return row.id if row is not None else None


def open_screening(window: MainWindow, person_ids: list[str]) -> QDialog | None:
    """The screening dialog for these people (None for a role that may not record)."""
    if not person_ids or not window.actor.can(Permission.EDIT_HEALTH):
        return None
    from .dialog import ScreeningDialog
    dialog = ScreeningDialog(window.db, window.actor, person_ids, window.tasks, window)
    dialog.saved.connect(lambda _pid: window.after_write())
    window._dialog = dialog
    dialog.open()
    return dialog


def screen_selected(window: MainWindow) -> QDialog | None:
    person_id = selected_person_id(window)
    if person_id is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "health_actions", "Select a person in the list first."), NOTICE_MS)
        return None
    return open_screening(window, [person_id])


def household_member_ids(window: MainWindow, household_id: str) -> list[str]:
    rows = people_list.browse_people(window.db, window.actor, None, 100,
                                     household_id=household_id)
    return [r.id for r in sorted(rows, key=lambda r: r.folio or "")]


def screen_household(window: MainWindow, household_id: str) -> QDialog | None:
    """Next step of a registration: screen each member in turn; a role that does not record
    screenings is told who does."""
    if not window.actor.can(Permission.EDIT_HEALTH):
        window.statusBar().showMessage(QCoreApplication.translate(
            "health_actions", "Next step: health screening, by the health staff (the "
            "household is shown in the list)."), NOTICE_MS)
        return None
    return open_screening(window, household_member_ids(window, household_id))
