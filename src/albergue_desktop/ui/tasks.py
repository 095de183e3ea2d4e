"""Running work off the GUI thread: one single-worker executor for the whole UI, with every
callback delivered back on the GUI thread (the shape of Anki's ``aqt/taskman.py``).

A single worker keeps database work in submission order, so a later search can never be
overtaken by an earlier one; screens still drop results they no longer want (see the
``generation`` counters in the screens).

Long jobs (a pull or a push, an import) run on a second lane, :meth:`TaskManager.run_long`,
so searches and record reads go on answering beside them (reads use
``Database.read_session``, which WAL lets run next to the writer). While a long job that
writes holds the file, a write submitted with ``run(..., write=True)`` (every
``ui/ops.write_op``) waits in a queue instead of blocking the worker for the busy timeout
and failing: ``writes_waiting(count)`` tells the window, and the queued writes run, in
order, as soon as the long job ends (docs/ui-ops.md)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

OnDone = Callable[[Any], None]
OnError = Callable[[BaseException], None]


class TaskManager(QObject):
    """``run(fn, on_done, on_error)``: ``fn()`` runs in the worker thread; ``on_done(result)``
    or ``on_error(exception)`` then runs on the GUI thread. :meth:`run_long` is the same on
    the lane of long jobs.

    Signals (GUI thread): ``writes_waiting(count)`` when the number of writes queued behind a
    long job changes (0: none waits any more); ``long_job_changed(running)``."""

    _finished = Signal(object)
    writes_waiting = Signal(int)
    long_job_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="albergue-task")
        self._long = ThreadPoolExecutor(max_workers=1, thread_name_prefix="albergue-long")
        self._pending = 0
        self._long_jobs = 0
        self._long_writers = 0
        self._long_label = ""
        self._parked: list[tuple[Callable[[], Any], OnDone | None, OnError | None]] = []
        self._closed = False
        # Queued even when a task ends before run() returns: callbacks never run re-entrantly.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def pending(self) -> int:
        """Tasks submitted (or waiting in the queue of writes) whose callback has not run."""
        return self._pending

    @property
    def long_job_running(self) -> bool:
        return self._long_jobs > 0

    @property
    def writes_held(self) -> bool:
        """True while a long job writes: a write submitted now waits in the queue."""
        return self._long_writers > 0

    @property
    def long_job_label(self) -> str:
        """What the running long job is, for a user (e.g. "synchronization in progress")."""
        return self._long_label if self._long_jobs else ""

    @property
    def waiting_writes(self) -> int:
        """Writes waiting for the long job to end."""
        return len(self._parked)

    def run(self, fn: Callable[[], Any], on_done: OnDone | None = None,
            on_error: OnError | None = None, *, write: bool = False) -> Future | None:
        """Queue ``fn``. After :meth:`shutdown` nothing runs and None is returned (a timer
        may still fire while a window closes). ``write``: ``fn`` writes to the database;
        while a long job writes, it waits in a queue (None is returned) and is handed to the
        worker when that job ends, before anything submitted after that."""
        if self._closed:
            return None
        self._pending += 1
        if write and self._long_writers:
            self._parked.append((fn, on_done, on_error))
            self.writes_waiting.emit(len(self._parked))
            return None
        return self._submit(self._executor, fn, on_done, on_error)

    def run_long(self, fn: Callable[[], Any], on_done: OnDone | None = None,
                 on_error: OnError | None = None, *, writes: bool = True,
                 label: str = "") -> Future | None:
        """Queue the long job ``fn`` on its own lane (one long job at a time), beside the
        worker. ``writes``: it takes the write lock (a pull, an import), so writes submitted
        meanwhile wait for it. ``label`` says what it is, for the waiting message."""
        if self._closed:
            return None
        self._pending += 1
        self._long_jobs += 1
        self._long_label = label
        if writes:
            self._long_writers += 1
        if self._long_jobs == 1:
            self.long_job_changed.emit(True)

        def done(result: Any) -> None:
            self._long_ended(writes)
            if on_done is not None:
                on_done(result)

        def failed(error: BaseException) -> None:
            self._long_ended(writes)
            if on_error is None:
                raise error
            on_error(error)

        return self._submit(self._long, fn, done, failed)

    def _long_ended(self, writes: bool) -> None:
        self._long_jobs -= 1
        if writes:
            self._long_writers -= 1
        if not self._long_writers and self._parked:
            parked, self._parked = self._parked, []
            for fn, on_done, on_error in parked:  # in the order they were asked for
                self._submit(self._executor, fn, on_done, on_error)
            self.writes_waiting.emit(0)
        if not self._long_jobs:
            self.long_job_changed.emit(False)

    def _submit(self, executor: ThreadPoolExecutor, fn: Callable[[], Any],
                on_done: OnDone | None, on_error: OnError | None) -> Future:
        def finished(future: Future) -> None:  # in the worker: hand over to the GUI thread
            self._finished.emit(lambda: self._complete(future, on_done, on_error))

        future = executor.submit(fn)
        future.add_done_callback(finished)
        return future

    def _complete(self, future: Future, on_done: OnDone | None,
                  on_error: OnError | None) -> None:
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
        """Drop queued work (and writes waiting for a long job) and wait for the running
        tasks (call before closing the database; cancel a long job first)."""
        self._closed = True
        self._parked = []
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._long.shutdown(wait=True, cancel_futures=True)
