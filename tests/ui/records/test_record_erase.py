"""The person record's delete dialog offers erasure to the roles that answer data-protection
requests: a box to tick, a typed reason; Esc and Cancel leave everything as it was."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from ui_helpers import actor_of, show_window

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.ui.main_window import MainWindow


@pytest.fixture
def person(db, center):
    member = MemberInput(given_names="Wilnise", surnames="Dorvilus", sex="F",
                         birth_date=date(1990, 5, 1), nationality="HT", relationship="head",
                         phone="6861234567")
    return people.register_household(db, SYSTEM, center_id=center.id,
                                     members=[member]).person_ids[0]


def _dialog(qtbot, db, center, person, role):
    window = show_window(qtbot, MainWindow(db, actor_of(role, center.id)))
    qtbot.waitUntil(lambda: window.people.model.rowCount() > 0)
    view = window.open_person(person)
    qtbot.waitUntil(lambda: view.record is not None)
    qtbot.mouseClick(view.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view._dialog.reason_edit.hasFocus)
    return window, view._dialog


def test_erase_with_a_typed_reason(db, center, person, qtbot):
    window, dialog = _dialog(qtbot, db, center, person, "coordinacion")
    assert dialog.erase_box.isVisible() and not dialog.erase_box.isChecked()
    dialog.erase_box.setChecked(True)
    assert dialog.delete_button.text() == "&Borrar los datos"
    assert "no se puede deshacer" in dialog.explanation.text()
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.reason_edit, "Solicitud del titular")
    with qtbot.waitSignal(dialog.deleted, timeout=20_000):
        qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    erased = people.get_person(db, SYSTEM, person)
    assert erased.erased_at is not None and erased.given_names == "" and erased.phone is None
    window.close()


def test_esc_erases_nothing(db, center, person, qtbot):
    window, dialog = _dialog(qtbot, db, center, person, "coordinacion")
    dialog.erase_box.setChecked(True)
    qtbot.keyClicks(dialog.reason_edit, "Solicitud")
    with qtbot.waitSignal(dialog.rejected, timeout=20_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert people.get_person(db, SYSTEM, person).given_names == "Wilnise"
    window.close()


def test_the_administrator_may_erase(db, center, person, qtbot):
    window, dialog = _dialog(qtbot, db, center, person, "admin")
    assert dialog.erase_box.isVisible()
    window.close()


def test_the_access_printout_from_the_record(db, center, person, qtbot, tmp_path, monkeypatch):
    from albergue_desktop.ui.health import printing

    saved = []
    monkeypatch.setattr(printing, "_done", lambda parent, out: saved.append(out))
    window = show_window(qtbot, MainWindow(db, actor_of("coordinacion", center.id)))
    qtbot.waitUntil(lambda: window.people.model.rowCount() > 0)
    view = window.open_person(person)
    qtbot.waitUntil(lambda: view.record is not None and view.access_button.isEnabled())
    assert view.access_button.isVisible()
    view.print_access(tmp_path / "datos.pdf")
    qtbot.waitUntil(lambda: saved == [tmp_path / "datos.pdf"], timeout=20_000)
    assert (tmp_path / "datos.pdf").stat().st_size > 0
    window.close()
    intake = show_window(qtbot, MainWindow(db, actor_of("registro", center.id)))
    qtbot.waitUntil(lambda: intake.people.model.rowCount() > 0)
    view = intake.open_person(person)
    qtbot.waitUntil(lambda: view.record is not None)
    assert not view.access_button.isVisible()
    intake.close()
