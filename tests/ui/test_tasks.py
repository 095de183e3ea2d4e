"""The background task helper: work off the GUI thread, callbacks back on it, in order."""

from __future__ import annotations

import threading

from albergue_desktop.ui.tasks import TaskManager


def test_work_runs_in_the_worker_and_callbacks_on_the_gui_thread(qtbot):
    tasks = TaskManager()
    gui = threading.get_ident()
    seen = []
    for i in range(5):
        tasks.run(lambda i=i: (i, threading.get_ident()),
                  lambda result: seen.append((result, threading.get_ident())))
    assert tasks.pending == 5
    qtbot.waitUntil(lambda: len(seen) == 5)
    assert [r[0][0] for r in seen] == [0, 1, 2, 3, 4]  # one worker: submission order
    assert all(worker != gui and callback == gui for (_i, worker), callback in seen)
    assert tasks.pending == 0
    tasks.shutdown()


def test_errors_reach_on_error_and_nothing_runs_after_shutdown(qtbot):
    tasks = TaskManager()
    errors = []
    tasks.run(lambda: 1 / 0, lambda _r: errors.append("done?"), errors.append)
    qtbot.waitUntil(lambda: tasks.pending == 0)
    assert [type(e) for e in errors] == [ZeroDivisionError]
    tasks.shutdown()
    assert tasks.run(lambda: errors.append("ran")) is None
    qtbot.wait(50)
    assert len(errors) == 1 and tasks.pending == 0
