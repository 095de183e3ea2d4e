"""How the main window reaches the health screens: the Health menu (only for roles that
record screenings) and the "health screening" next step of a new registration."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog

from ...domain.permissions import Permission
from ...services import people_list
from ...services.context import Actor
from ...storage.db import Database
from ..ops import error_text, query_op

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
    menu.addAction(menus._action(
        "consultation", QCoreApplication.translate(
            "health_actions", "&Consultation of the selected person…"),
        lambda: consult_selected(window), "Ctrl+M"))
    menu.addSeparator()
    menu.addAction(menus._action(
        "health_desk", QCoreApplication.translate("health_actions", "Health &desk"),
        lambda: open_desk(window), "Ctrl+Shift+D"))


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
    # the list and open records follow changed(Changes) from the dialog's write op
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


def consult_selected(window: MainWindow) -> QDialog | None:
    """A new consultation of the person shown or selected."""
    person_id = selected_person_id(window)
    if person_id is None:
        window.statusBar().showMessage(QCoreApplication.translate(
            "health_actions", "Select a person in the list first."), NOTICE_MS)
        return None
    from .consultation import ConsultationDialog
    dialog = ConsultationDialog(window.db, window.actor, person_id, window.tasks, window)
    window._dialog = dialog
    dialog.open()
    return dialog


def open_desk(window: MainWindow):
    """The health desk tab (opened once; read again when opened again)."""
    from .desk import HealthDesk
    for i in range(window.tabs.count()):
        widget = window.tabs.widget(i)
        if isinstance(widget, HealthDesk):
            window.tabs.setCurrentWidget(widget)
            widget.reload()
            return widget
    desk = HealthDesk(window.db, window.actor, window.tasks, window.tabs)
    desk.open_person_requested.connect(window.open_person)
    window.tabs.addTab(desk, QCoreApplication.translate("health_actions", "Health desk"))
    window.tabs.setCurrentWidget(desk)
    desk.setFocus()
    return desk


def household_member_ids(db: Database, actor: Actor, household_id: str) -> list[str]:
    """The members of a household by folio (on the worker)."""
    rows = people_list.browse_people(db, actor, None, 100, household_id=household_id)
    return [r.id for r in sorted(rows, key=lambda r: r.folio or "")]


def screen_household(window: MainWindow, household_id: str) -> None:
    """Next step of a registration: screen each member in turn (the members are read on the
    worker, then the dialog opens); a role that does not record screenings is told who
    does."""
    if not window.actor.can(Permission.EDIT_HEALTH):
        window.statusBar().showMessage(QCoreApplication.translate(
            "health_actions", "Next step: health screening, by the health staff (the "
            "household is shown in the list)."), NOTICE_MS)
        return
    query_op(window, window.tasks,
             partial(household_member_ids, window.db, window.actor, household_id),
             partial(_screen_then_place, window, household_id),
             on_error=lambda e: window.statusBar().showMessage(error_text(e), NOTICE_MS))


def _screen_then_place(window: MainWindow, household_id: str,
                       person_ids: list[str]) -> QDialog | None:
    """Screen each member; once every member was screened and the dialog is closed, the
    placement opens on the same household (for a role that may check in; the others are
    told who places it)."""
    dialog = open_screening(window, person_ids)
    if dialog is None:
        return None
    screened: set[str] = set()
    dialog.saved.connect(screened.add)

    def closed(_result: int) -> None:
        if screened >= set(person_ids):
            from ..beds.actions import place_household  # noqa: PLC0415 (beds imports health.common)
            place_household(window, household_id)

    dialog.finished.connect(closed)
    return dialog
