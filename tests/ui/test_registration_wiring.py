"""The main window's "New registration" (Ctrl+N) opens the registration dialog of ui/intake
for roles that may register; what the dialog reports refreshes the window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from ui_helpers import actor_of, show_window

from albergue_desktop.services import people
from albergue_desktop.services.people import MemberInput
from albergue_desktop.ui.intake.saving import registered_changes
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.ops import hub

intake = pytest.importorskip("albergue_desktop.ui.intake")


def test_ctrl_n_opens_the_registration_dialog(db, center, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
    qtbot.waitUntil(lambda: window.count_label.text() == "0 personas")
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = window._dialog
    assert isinstance(dialog, intake.RegistrationDialog) and dialog.isVisible()
    assert (dialog.center_id, dialog.actor.role, dialog.tasks) == (center.id, "registro",
                                                                   window.tasks)
    # what the dialog's write op announces after a save: the totals and the list refresh
    registration = people.register_household(db, dialog.actor, center_id=center.id, members=[
        MemberInput(given_names="Marie", surnames="Joseph", sex="F",
                    birth_date=date(1990, 5, 1), nationality="HT")])
    hub().changed.emit(registered_changes(registration))
    qtbot.waitUntil(lambda: window.count_label.text() == "1 persona")
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 1)
    dialog.open_person_requested.emit(registration.person_ids[0])
    qtbot.waitUntil(lambda: window.current_record() is not None
                    and window.current_record().record is not None)
    dialog.next_step_requested.emit("bed", registration.household_id)
    assert window.tabs.currentWidget() is window.people
    assert window.people.filters() == {"household_id": registration.household_id}
    placement = window._dialog  # the bed step opens the household's placement (ui/beds)
    assert placement is not dialog and placement.household_id == registration.household_id
    placement.done(0)
    dialog.done(0)
    window.close()


def test_roles_that_cannot_register_have_no_registration(db, center, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of("salud", center.id)))
    assert "register" not in window.actions
    qtbot.keyClick(window.people.search_box, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.open_registration() is None and window._dialog is None
    window.close()


def test_from_the_confirmation_place_then_print_the_cards(db, center, qtbot):
    """Register -> place -> ID cards without reopening anything: the placement opens over
    the confirmation, which is still there when it closes; the cards step opens the Reports
    tab on that household's ID cards."""
    from albergue_desktop.ui.beds.placement_dialog import PlacementDialog
    from albergue_desktop.ui.reports.actions import reports_of

    window = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
    dialog = window.open_registration()
    registration = people.register_household(db, dialog.actor, center_id=center.id, members=[
        MemberInput(given_names="Marie", surnames="Joseph", sex="F",
                    birth_date=date(1990, 5, 1), nationality="HT")])
    dialog.show_registered(registration)
    dialog.confirmation.bed_button.setFocus()
    qtbot.keyClick(dialog.confirmation.bed_button, Qt.Key.Key_Space)
    placement = window._dialog
    assert isinstance(placement, PlacementDialog) and placement.isVisible()
    qtbot.waitUntil(lambda: placement.proposal is not None)
    with qtbot.waitSignal(placement.placed, timeout=10000):
        qtbot.keyClick(placement.suggestions, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.pages.currentWidget() is dialog.confirmation
    qtbot.keyClick(dialog.confirmation.cards_button, Qt.Key.Key_Space)
    assert not dialog.isVisible()
    view = reports_of(window)
    assert window.tabs.currentWidget() is view
    assert view.form.kind == "idcards" and view.form.household.text() == registration.folios[0]
    window.close()
