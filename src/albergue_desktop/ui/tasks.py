"""Running work off the GUI thread: one single-worker executor for the whole UI, with every
callback delivered back on the GUI thread (the shape of Anki's ``aqt/taskman.py``).

A single worker keeps database work in submission order, so a later search can never be
overtaken by an earlier one; screens still drop results they no longer want (see the
``generation`` counters in the screens)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot


class TaskManager(QObject):
    """``run(fn, on_done, on_error)``: ``fn()`` runs in the worker thread; ``on_done(result)``
    or ``on_error(exception)`` then runs on the GUI thread."""

    _finished = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="albergue-task")
        self._pending = 0
        self._closed = False
        # Queued even when a task ends before run() returns: callbacks never run re-entrantly.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Tasks submitted whose callback has not run yet."""
        return self._pending

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> Future | None:
        """Queue ``fn``. After :meth:`shutdown` nothing runs and None is returned (a timer
        may still fire while a window closes)."""
        if self._closed:
            return None
        self._pending += 1

        def finished(future: Future) -> None:  # in the worker: hand over to the GUI thread
            self._finished.emit(lambda: self._complete(future, on_done, on_error))

        future = self._executor.submit(fn)
        future.add_done_callback(finished)
        return future

    def _complete(self, future: Future, on_done, on_error) -> None:
        self._pending -= 1
        if future.cancelled():
            return
        error = future.exception()
        if error is None:
            if on_done is not None:
                on_done(future.result())
        elif on_error is not None:
            on_error(error)
        else:
            raise error

    @Slot(object)
    def _deliver(self, closure: Callable[[], None]) -> None:
        closure()

    def shutdown(self) -> None:
        """Drop queued work and wait for the running task (call before closing the database)."""
        self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)
