"""The duplicate warning before saving: a near-identical name and the same birth date of
someone already in the database (any center) is shown with its folio, center and date; the
user opens that record instead, says it is a different person, or goes back."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM


def people_count(db) -> int:
    with db.session() as s:
        return s.connection().execute(text("SELECT count(*) FROM person")).scalar()


@pytest.fixture
def registered(db, center, make_member):
    """Marie-Claude JOSEPH, born 1990-05-01, already registered at center 03."""
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        make_member(given="Marie-Claude", surnames="Joseph", birth=date(1990, 5, 1))])
    with db.session() as s:
        created = s.connection().execute(text("SELECT created_at FROM person")).scalar()
    return reg.person_ids[0], str(created)[:10]


def type_look_alike(dialog, keyboard, qtbot):
    """Marie Claude JOSEF, same birth date and nationality, then Ctrl+S."""
    for value in ("Marie Claude", "Josef", "M", "01/05/1990", "Hai"):
        keyboard.field(value)
    keyboard.ctrl(Qt.Key.Key_S)
    qtbot.waitUntil(lambda: dialog.flow.warning is not None and dialog.flow.warning.isVisible())
    return dialog.flow.warning


def test_the_warning_names_the_registered_person(open_dialog, keyboard, qtbot, registered):
    dialog = open_dialog()
    warning = type_look_alike(dialog, keyboard, qtbot)
    assert warning.message.text() == (
        "Esta persona podría ser Marie-Claude JOSEPH, MXL-03-000001, registrada en el "
        f"centro 03 el {registered[1]}.")
    assert warning.details.text().startswith("Nacimiento: 01/05/1990 · Centro Comunitario 3")
    assert not dialog.current_form().isEnabled()  # nothing can change while it is asked


def test_open_that_record_instead_emits_its_id_and_closes(open_dialog, keyboard, qtbot, db,
                                                          registered):
    dialog = open_dialog()
    warning = type_look_alike(dialog, keyboard, qtbot)
    with qtbot.waitSignal(dialog.open_person_requested) as opened:
        qtbot.keyClick(warning, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # &Abrir
    assert opened.args == [registered[0]]
    assert not dialog.isVisible() and not warning.isVisible()
    assert dialog.discard_box is None  # closed without asking to discard
    assert people_count(db) == 1


def test_a_different_person_is_saved(open_dialog, keyboard, qtbot, db, registered):
    dialog = open_dialog()
    warning = type_look_alike(dialog, keyboard, qtbot)
    with qtbot.waitSignal(dialog.household_registered, timeout=5000) as saved:
        qtbot.keyClick(warning, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # Es &otra
    assert saved.args[0].folios == ["MXL-03-000002"]
    assert people_count(db) == 2


def test_going_back_saves_nothing_and_asks_again_next_time(open_dialog, keyboard, qtbot, db,
                                                           registered):
    dialog = open_dialog()
    warning = type_look_alike(dialog, keyboard, qtbot)
    qtbot.keyClick(warning, Qt.Key.Key_Escape)
    assert not warning.isVisible() and dialog.isVisible()
    assert dialog.current_form().isEnabled() and dialog.save_button.isEnabled()
    assert people_count(db) == 1
    form = dialog.current_form()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.basic.given_names)
    keyboard.ctrl(Qt.Key.Key_S)
    qtbot.waitUntil(lambda: dialog.flow.warning is not warning
                    and dialog.flow.warning.isVisible())


def test_no_warning_for_someone_else(open_dialog, keyboard, qtbot, db, registered):
    dialog = open_dialog()
    for value in ("Wilner", "Louis", "H", "03/02/1988", "Hai"):
        keyboard.field(value)
    with qtbot.waitSignal(dialog.household_registered, timeout=5000):
        keyboard.ctrl(Qt.Key.Key_S)
    assert dialog.flow.warning is None
    assert people_count(db) == 2


def test_enter_on_the_warning_goes_back_and_keeps_the_household(open_dialog, keyboard, qtbot,
                                                                db, registered):
    """Enter is the safe answer: back to the form, with everything typed still there (the
    warning's first button, "open that record", would close the registration)."""
    dialog = open_dialog()
    warning = type_look_alike(dialog, keyboard, qtbot)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is warning)
    focused = QApplication.focusWidget()
    assert focused is warning.back_button
    qtbot.keyClick(focused, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not warning.isVisible())
    assert dialog.isVisible() and dialog.discard_box is None
    assert dialog.current_form().display_name().startswith("Marie Claude")
    assert dialog.current_form().isEnabled() and dialog.save_button.isEnabled()
    assert people_count(db) == 1


def test_enter_on_the_list_of_matches_also_goes_back(open_dialog, keyboard, qtbot, db,
                                                     center, make_member, registered):
    people.register_household(db, SYSTEM, center_id=center.id, members=[
        make_member(given="Marie Claude", surnames="Josephe", birth=date(1990, 5, 1))])
    dialog = open_dialog()
    warning = type_look_alike(dialog, keyboard, qtbot)
    assert warning.list.isVisible()
    warning.list.setFocus()
    qtbot.keyClick(warning.list, Qt.Key.Key_Down)
    qtbot.keyClick(warning.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not warning.isVisible())
    assert dialog.isVisible() and dialog.current_form().isEnabled()
    assert people_count(db) == 2
