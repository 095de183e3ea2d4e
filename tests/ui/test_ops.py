"""The op helper (ui/ops.py): a write op announces what it changed, on the GUI thread, only
when it succeeds; a failure reaches the screen in Spanish and changes nothing; results for a
deleted widget are dropped; a query op delivers its rows."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from albergue_desktop.domain.errors import FieldError, StorageError, ValidationError
from albergue_desktop.ui.ops import (
    Cancelled,
    CancelToken,
    Changes,
    error_text,
    hub,
    on_changed,
    query_op,
    show_error,
    write_op,
)
from albergue_desktop.ui.tasks import TaskManager


@pytest.fixture
def tasks():
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_a_write_op_announces_its_changes_after_the_work(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)
    gui = threading.get_ident()
    seen = []
    on_changed(parent, lambda changes: seen.append(("changed", changes, threading.get_ident())))
    with qtbot.waitSignal(hub().changed) as signal:
        write_op(parent, tasks, lambda: threading.get_ident(),
                 changes=Changes.of("people", "stays"),
                 on_done=lambda worker: seen.append(("done", worker)), on_error=seen.append)
    assert signal.args == [Changes(people=True, stays=True)]
    qtbot.waitUntil(lambda: len(seen) == 2)
    (kind, changes, thread), (done, worker) = seen
    assert (kind, done) == ("changed", "done")  # screens refresh before the caller goes on
    assert changes.touches("stays") and not changes.touches("beds", "centers")
    assert thread == gui and worker != gui


def test_a_failed_write_changes_nothing_and_says_why_in_spanish(qtbot, tasks):
    parent = QWidget()
    qtbot.addWidget(parent)
    label = QLabel(parent)
    announced = []
    on_changed(parent, announced.append)

    def busy():
        raise StorageError("The database is busy; try again in a moment.")
    write_op(parent, tasks, busy, changes=Changes.of("people"),
             on_error=lambda e: show_error(label, e))
    qtbot.waitUntil(lambda: label.text() != "")
    assert label.text() == "La base de datos está ocupada; inténtelo de nuevo en un momento."
    assert announced == []


def test_field_errors_read_as_their_messages_and_bugs_are_raised():
    error = ValidationError([FieldError("phone", "Invalid phone number.")])
    assert error_text(error) == "Número de teléfono no válido."
    with pytest.raises(ZeroDivisionError):
        error_text(ZeroDivisionError())


def test_results_for_a_deleted_widget_are_dropped_but_changes_still_announced(qtbot, tasks):
    parent = QWidget()
    rows, done, announced = [], [], []
    listener = QWidget()
    qtbot.addWidget(listener)
    on_changed(listener, announced.append)
    gate = threading.Event()
    query_op(parent, tasks, lambda: gate.wait(5) and [1, 2], rows.append, on_error=rows.append)
    write_op(parent, tasks, lambda: 1, changes=Changes.of("beds"), on_done=done.append,
             on_error=done.append)
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _alive(parent))
    gate.set()
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert rows == [] and done == []
    assert announced == [Changes(beds=True)]  # other screens still learn of the write


def _alive(widget) -> bool:
    from shiboken6 import isValid
    return isValid(widget)


def test_unknown_change_kinds_and_the_cancel_token():
    with pytest.raises(ValueError):
        Changes.of("bedz")
    assert not Changes() and Changes.of("users") | Changes.of("centers") == Changes(
        users=True, centers=True)
    token = CancelToken()
    token.check()
    token.cancel()
    assert token.cancelled and token.is_set()
    with pytest.raises(Cancelled):
        token.check()
