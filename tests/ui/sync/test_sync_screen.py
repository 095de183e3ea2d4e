"""The Sync screen driven like a user: choose the central file, send, bring back, a refused
file, a cancel; the status bar shows the last synchronization."""

from __future__ import annotations

import hashlib
from albergue_sync import dbapi as sqlite3

from PySide6.QtCore import Qt

from albergue_desktop.services import sync_files
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage import queries
from albergue_desktop.ui.sync import actions
from albergue_desktop.ui.sync.common import central_file


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def people_in(path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT given_names FROM person WHERE deleted = 0")}
    finally:
        conn.close()


def run(qtbot, view, button):
    with qtbot.waitSignal(view.finished, timeout=20_000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def type_path(qtbot, view, path) -> None:
    view.path_edit.clear()
    qtbot.keyClicks(view.path_edit, str(path))


def test_send_then_bring_back_through_the_screen(qtbot, center_files, open_window, tmp_path):
    a, b = center_files("03"), center_files("07")
    a.register("Marie", "Joseph")
    b.register("Jean", "Pierre", "M")
    central = tmp_path / "usb" / "central.sqlite"
    window = open_window(a.db, center_id=a.center_id)
    qtbot.waitUntil(lambda: window.sync_label.text() == "Nunca sincronizado")
    window.actions["sync"].trigger()
    view = window.tabs.currentWidget()
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Sincronización"
    type_path(qtbot, view, central)
    run(qtbot, view, view.push_button)
    assert "se envió al nuevo archivo central central.sqlite" in view.message.text()
    assert people_in(central) == {"Marie"}
    assert view.summary.item(0, 0).text() == "centro03.sqlite"
    assert int(view.summary.item(0, 2).text()) > 0  # new rows in the central file
    assert central_file() == str(central)  # remembered on this computer
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Última sincronización: "))

    sync_files.push(b.db, SYSTEM, central)  # the other center sends too
    assert people_in(central) == {"Marie", "Jean"}
    window.people.refresh()
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 1)
    run(qtbot, view, view.pull_button)
    assert "Se trajo el archivo central central.sqlite" in view.message.text()
    assert view.summary_box.title() == "Qué cambió en esta base de datos"
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 2)  # the list read again
    qtbot.waitUntil(lambda: window.count_label.text() == "2 personas")
    centers_offered = [window.people.filter_bar.center_combo.itemText(i)
                       for i in range(window.people.filter_bar.center_combo.count())]
    assert any(text.startswith("07 ·") for text in centers_offered)  # the pulled center
    with a.db.session() as s:
        assert queries.count_people(session=s) == 2
    # a second send reads only what changed
    run(qtbot, view, view.push_button)
    assert view.summary.item(0, 1).text() == "solo cambios"


def test_the_central_file_is_remembered(qtbot, center_files, open_window, tmp_path):
    a = center_files("03")
    window = open_window(a.db)
    view = actions.open_sync(window)
    type_path(qtbot, view, tmp_path / "central.sqlite")
    run(qtbot, view, view.push_button)
    other = open_window(center_files("05").db)
    assert actions.open_sync(other).path_edit.text() == str(tmp_path / "central.sqlite")


def test_a_refused_file_shows_the_message_and_changes_nothing(qtbot, center_files,
                                                              open_window, tmp_path):
    a = center_files("03")
    a.register("Marie", "Joseph")
    bogus = tmp_path / "fotos.sqlite"
    bogus.write_bytes(b"not a database at all, just bytes" * 100)
    before, mine = digest(bogus), a.db.meta("seq_last")
    window = open_window(a.db)
    view = actions.open_sync(window)
    type_path(qtbot, view, bogus)
    for button in (view.push_button, view.pull_button):
        run(qtbot, view, button)
        assert view.message.text() == f"{bogus} no es una base de datos de Albergue (no es un " \
                                      "archivo SQLite)."
        assert "b00020" in view.message.styleSheet()
        assert view.push_button.isEnabled() and not view.cancel_button.isVisible()
    assert digest(bogus) == before
    assert a.db.meta("seq_last") == mine and a.db.meta("sync_last_at") is None
    view.path_edit.clear()
    qtbot.mouseClick(view.push_button, Qt.MouseButton.LeftButton)
    assert view.message.text() == "Primero elija el archivo central."


def test_cancel_leaves_the_central_file_unchanged(qtbot, center_files, open_window, tmp_path,
                                                  hold_worker):
    a = center_files("03")
    a.register("Marie", "Joseph")
    central = tmp_path / "central.sqlite"
    sync_files.push(a.db, SYSTEM, central)
    a.register("Rose", "Joseph")
    before = digest(central)
    window = open_window(a.db)
    view = actions.open_sync(window)
    type_path(qtbot, view, central)
    # cancel while the person table is being merged (the worker asks between tables)
    view._worker_progress.connect(
        lambda _d, _t, stage, table: table == "person" and view._cancel.cancel(),
        Qt.ConnectionType.DirectConnection)
    run(qtbot, view, view.push_button)
    assert view.message.text() == "Cancelado. No se cambió nada."
    assert digest(central) == before and people_in(central) == {"Marie"}


def test_cancel_before_the_run_creates_no_central_file(qtbot, center_files, open_window,
                                                       tmp_path, hold_worker):
    a = center_files("03")
    window = open_window(a.db)
    view = actions.open_sync(window)
    central = tmp_path / "nuevo.sqlite"
    type_path(qtbot, view, central)
    release = hold_worker(window)
    qtbot.mouseClick(view.push_button, Qt.MouseButton.LeftButton)
    assert view.cancel_button.isVisible() and not view.push_button.isEnabled()
    qtbot.mouseClick(view.cancel_button, Qt.MouseButton.LeftButton)
    assert view.stage_label.text() == "Cancelando…"
    with qtbot.waitSignal(view.finished, timeout=20_000):
        release()
    assert view.message.text() == "Cancelado. No se cambió nada."
    assert not central.exists()
    assert window.sync_label.text() == "Nunca sincronizado"


def test_roles_without_sync_see_no_sync_menu(qtbot, center_files, open_window):
    a = center_files("03")
    intake = open_window(a.db, role="registro", username="reg")
    assert "sync" not in intake.actions and "conflicts" not in intake.actions
    coordinator = open_window(a.db)
    assert "sync" in coordinator.actions and "duplicates" not in coordinator.actions
    supervisor = open_window(a.db, role="supervision", username="sup")
    assert {"sync", "conflicts", "duplicates"} <= set(supervisor.actions)
