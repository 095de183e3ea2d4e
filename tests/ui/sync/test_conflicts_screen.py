"""The conflicts screen on a central file: concurrent edits of one person at two centers,
both values side by side with who and when, resolved by picking one or typing one; the
resolution syncs back to a center."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

import pytest
from PySide6.QtCore import Qt

from albergue_desktop.services import people, sync_files
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import PersonUpdate
from albergue_desktop.ui.sync import actions


def phone_and_notes(path, person_id) -> tuple:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT phone, notes FROM person WHERE id = ?",
                            (person_id,)).fetchone()
    finally:
        conn.close()


@pytest.fixture
def conflicted(center_files, tmp_path):
    """Marie (center 03) edited at 03 by ana and at 07 by beto before they synced."""
    a, b = center_files("03"), center_files("07")
    marie = a.register("Marie", "Joseph")
    central = tmp_path / "central.sqlite"
    sync_files.push(a.db, SYSTEM, central)
    sync_files.pull(b.db, SYSTEM, central)
    people.update_person(a.db, Actor("ana", "coordinacion"), marie,
                         PersonUpdate(phone="686 111 1111", notes="llegó con su hermana"))
    people.update_person(b.db, Actor("beto", "coordinacion"), marie,
                         PersonUpdate(phone="686 222 2222", notes="trabaja en la maquila"))
    sync_files.push(a.db, SYSTEM, central)
    sync_files.push(b.db, SYSTEM, central)
    db = Database.open(central)
    yield db, a, marie
    db.close()


def test_both_values_side_by_side_and_resolving_syncs(qtbot, conflicted, open_window):
    db, a, marie = conflicted
    window = open_window(db, role="supervision", username="sup")
    view = actions.open_conflicts(window)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    assert view.count_label.text() == "2 conflictos abiertos"
    fields = {view.table.item(r, 2).text(): r for r in range(2)}
    assert set(fields) == {"Teléfono", "Notas"}
    row = fields["Teléfono"]
    assert view.table.item(row, 0).text() == "MXL-03-000001 · Marie JOSEPH"
    assert view.table.item(row, 1).text() == "Persona"
    assert view.table.item(row, 3).text() == "Valores distintos"
    view.table.selectRow(row)
    item = view.current()
    values = {view.kept_box.value.text(), view.other_box.value.text()}
    assert values == {"686 111 1111", "686 222 2222"}
    whos = view.kept_box.who.text() + view.other_box.who.text()
    assert "Por ana · 03 · Centro Comunitario 3" in whos
    assert "Por beto · 07 · Centro Comunitario 7" in whos
    assert "El " in view.kept_box.who.text()
    chosen = item.other.value
    with qtbot.waitSignal(view.resolved, timeout=10_000):
        qtbot.mouseClick(view.other_box.use_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.table.rowCount() == 1)
    assert phone_and_notes(db.path, marie)[0] == chosen

    # the other one: a typed value (a wrong one is refused first)
    view.table.selectRow(0)
    assert view.typed.isVisible() and not view.reviewed_button.isVisible()
    qtbot.keyClicks(view.typed, "llego con su hermana; trabaja en la maquila")
    with qtbot.waitSignal(view.resolved, timeout=10_000):
        qtbot.keyClick(view.typed, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.table.rowCount() == 0)
    assert view.count_label.text() == "0 conflictos abiertos"
    assert not view.detail.isEnabled()
    assert phone_and_notes(db.path, marie)[1] == "llego con su hermana; trabaja en la maquila"

    view.show_resolved.setChecked(True)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    assert {view.table.item(r, 4).text() for r in range(2)} == {"Resuelto por sup"}
    view.table.selectRow(0)
    assert view.resolution.text().startswith("Resuelto por sup el ")
    assert not view.kept_box.use_button.isEnabled()

    # the resolution is a change of the central file: a center receives it
    sync_files.pull(a.db, SYSTEM, db.path)
    assert phone_and_notes(a.path, marie) == (
        chosen, "llego con su hermana; trabaja en la maquila")


def test_a_typed_value_that_does_not_fit_is_refused(qtbot, conflicted, open_window):
    db, _a, marie = conflicted
    window = open_window(db, role="supervision", username="sup")
    view = actions.open_conflicts(window)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    row = next(r for r in range(2) if view.table.item(r, 2).text() == "Teléfono")
    view.table.selectRow(row)
    before = phone_and_notes(db.path, marie)
    qtbot.keyClicks(view.typed, "llamar a su prima")
    qtbot.mouseClick(view.typed_button, Qt.MouseButton.LeftButton)
    assert "b00020" in view.message.styleSheet() and view.message.text()
    assert phone_and_notes(db.path, marie) == before
    assert view.table.rowCount() == 2


def test_the_record_button_opens_the_person(qtbot, conflicted, open_window):
    db, _a, marie = conflicted
    window = open_window(db, role="admin", username="admin")
    view = actions.open_conflicts(window)
    qtbot.waitUntil(lambda: view.table.rowCount() == 2)
    qtbot.mouseClick(view.open_button, Qt.MouseButton.LeftButton)
    assert window.current_record().person_id == marie
