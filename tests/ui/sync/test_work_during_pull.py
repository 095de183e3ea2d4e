"""The window never freezes during a pull: while a pull of a 12-center central file holds this
file's write lock, a search answers and a registration is saved (it waits in the queue,
visibly, and is written when the pull ends). The pull is stopped at a known point (its
first merge step, inside its ``BEGIN IMMEDIATE`` transaction) by the test, not by timing."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import text

from albergue_desktop.services import sync_files
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.ui.intake import RegistrationDialog
from albergue_desktop.ui.sync import actions

CENTERS = 12
NAMES = ["Anne", "Berthe", "Carline", "Daphne", "Esther", "Fabiola", "Gina", "Hilda", "Ines",
         "Judith", "Katia", "Lucie"]


def write_lock_is_held(path) -> bool:
    """Whether another connection holds the file's write lock (asked without waiting)."""
    conn = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("ROLLBACK")
        return False
    except sqlite3.OperationalError as exc:
        assert "locked" in str(exc)
        return True
    finally:
        conn.close()


def people_named(db, given: str) -> int:
    with db.read_session() as s:
        return s.connection().execute(text(
            "SELECT count(*) FROM person WHERE given_names = :g AND deleted = 0"),
            {"g": given}).scalar_one()


@pytest.fixture
def central(center_files, tmp_path):
    """A central file holding 12 centers (two people each)."""
    path = tmp_path / "central.sqlite"
    for n in range(1, CENTERS + 1):
        other = center_files(f"{n:02d}")
        other.register(NAMES[n - 1], "Centro")
        other.register(NAMES[n - 1] + "-Rose", "Centro")
        sync_files.push(other.db, SYSTEM, path)
    return path


@pytest.fixture
def held_pull(monkeypatch):
    """The pull stops at its first merge step (write lock held) until ``release`` is set."""
    holding, release = threading.Event(), threading.Event()
    real_pull = sync_files.pull

    def pull(*args, progress=None, **kwargs):
        def report(done, total, stage, detail):
            if stage == "merge" and not holding.is_set():
                holding.set()
                release.wait(120)
            if progress is not None:
                progress(done, total, stage, detail)
        return real_pull(*args, progress=report, **kwargs)

    monkeypatch.setattr(sync_files, "pull", pull)
    yield holding, release
    release.set()


def test_search_and_registration_during_a_12_center_pull(qtbot, center_files, open_window,
                                                         central, held_pull):
    holding, release = held_pull
    here = center_files("13")
    here.register("Marie", "Joseph")
    window = open_window(here.db, center_id=here.center_id)
    qtbot.waitUntil(lambda: window.people.model.rowCount() == 1)
    view = actions.open_sync(window)
    view.path_edit.setText(str(central))
    qtbot.mouseClick(view.pull_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(holding.is_set)
    assert write_lock_is_held(here.path)  # the pull is inside its transaction

    # a search answers (on the read connection, beside the pull)
    with qtbot.waitSignal(window.people.results_shown) as shown:
        window.people.search_box.setText("Marie")
    assert shown.args == [1, "Marie"]
    assert window.people.model.person(0).given_names == "Marie"

    # a registration is checked for duplicates, then waits in the queue, visibly
    dialog = window.open_registration()
    assert isinstance(dialog, RegistrationDialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    for value in ("Rose", "Pierre", "M", "02/03/1988"):  # M: Mujer
        focus = QApplication.focusWidget()
        qtbot.keyClicks(focus, value)
        qtbot.keyClick(focus, Qt.Key.Key_Return)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    waiting = "Guardado en espera: sincronización en curso…"
    qtbot.waitUntil(lambda: window.waiting_label.isVisible())
    assert window.waiting_label.text() == waiting
    assert dialog.status.text() == waiting
    assert window.tasks.waiting_writes == 1 and view.running and not release.is_set()
    assert people_named(here.db, "Rose") == 0

    # the window still answers: another search meanwhile
    with qtbot.waitSignal(window.people.results_shown) as shown:
        window.people.search_box.setText("Joseph")
    assert shown.args == [1, "Joseph"]

    with qtbot.waitSignal(dialog.household_registered):
        release.set()
    assert people_named(here.db, "Rose") == 1
    assert people_named(here.db, "Lucie") == 1  # the pull committed too
    qtbot.waitUntil(lambda: not window.waiting_label.isVisible())
    assert "se trajo" in view.message.text().lower()
    dialog.done(0)
