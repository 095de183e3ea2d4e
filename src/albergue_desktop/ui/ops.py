"""The one way a screen reads or writes the database: ops on the single worker of
:mod:`.tasks` (the shape of Anki's ``CollectionOp``/``QueryOp`` in
``qt/aqt/operations/__init__.py``).

- :func:`write_op` runs a service call on the worker and, when it succeeds, announces what it
  changed on the application-wide :func:`hub` (``changed(Changes)``); screens subscribe and
  refresh only what concerns them.
- :func:`query_op` runs a read on the worker and hands the rows to the GUI thread.
- Results that arrive after their widget was deleted are dropped (:func:`alive`).
- A failure that is an :class:`AlbergueError` is shown in the one error style
  (:func:`error_text`, :data:`ERROR_STYLE`); anything else is a bug and is raised.
- Long jobs check one :class:`CancelToken`.

``tests/ui/test_ops_scan.py`` fails when a screen calls a service or opens a session outside
an op.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QLabel, QWidget
from shiboken6 import isValid

from ..domain.errors import AlbergueError, ValidationError
from .tasks import TaskManager

ERROR_STYLE = "color: #b00020;"


_KINDS = ("people", "households", "stays", "beds", "centers", "screenings", "photos", "users",
          "settings", "conflicts", "stock", "vaccinations")
_LINE_KINDS = ("people", "households", "stays", "beds", "screenings")  # what the list shows


@dataclass(frozen=True)
class Changes:
    """What a write changed. Combine with ``|``; ``bool(changes)`` is False when nothing did.

    ``person_ids`` / ``household_ids`` name the people and households a write touched when it
    knows them (a registration, a placement); None means "any of them may have changed" (a
    pull, an import), and a screen then reads everything it shows once."""

    people: bool = False
    households: bool = False
    stays: bool = False
    beds: bool = False
    centers: bool = False
    screenings: bool = False
    photos: bool = False
    users: bool = False
    settings: bool = False
    conflicts: bool = False
    stock: bool = False  # the stock ledger, dispensings and allergies (docs/stock-ledger.md)
    vaccinations: bool = False
    person_ids: frozenset[str] | None = None
    household_ids: frozenset[str] | None = None

    @classmethod
    def of(cls, *names: str, person_ids: Iterable[str] | None = None,
           household_ids: Iterable[str] | None = None) -> Changes:
        """``Changes.of("people", "stays")``; an unknown name is a programming error.
        ``person_ids``/``household_ids``: which ones, when the write knows (see the class)."""
        unknown = set(names) - set(_KINDS)
        if unknown:
            raise ValueError(f"unknown change kinds: {sorted(unknown)}")
        return cls(**{name: True for name in names},
                   person_ids=None if person_ids is None else frozenset(person_ids),
                   household_ids=None if household_ids is None else frozenset(household_ids))

    def __or__(self, other: Changes) -> Changes:
        kinds = {name: getattr(self, name) or getattr(other, name) for name in _KINDS}
        a, b = self._lines(), other._lines()
        return Changes(**kinds,
                       person_ids=_union(self.person_ids, other.person_ids, a, b),
                       household_ids=_union(self.household_ids, other.household_ids, a, b))

    def _lines(self) -> bool:
        """Whether this change reaches the people list's lines (ids matter only then)."""
        return self.touches(*_LINE_KINDS)

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in _KINDS)

    def touches(self, *names: str) -> bool:
        """True when any of ``names`` changed."""
        return any(getattr(self, name) for name in names)

    @property
    def known_people(self) -> frozenset[str] | None:
        """The people whose lines in the list this write changed, when it names them (a
        write that sets ``person_ids`` lists every person whose line it changed); None when
        anything may have changed."""
        return self.person_ids


def _union(a: frozenset[str] | None, b: frozenset[str] | None,
           a_counts: bool, b_counts: bool) -> frozenset[str] | None:
    """The ids of the sides that reach the list; None (anything) wins."""
    sides = [ids for ids, counts in ((a, a_counts), (b, b_counts)) if counts]
    found: frozenset[str] = frozenset()
    for ids in sides:
        if ids is None:
            return None
        found |= ids
    return found if sides else None


class ChangeHub(QObject):
    """``changed(Changes)`` after every successful write op, on the GUI thread."""

    changed = Signal(object)


_hub: ChangeHub | None = None


def hub() -> ChangeHub:
    """The application-wide hub (parented to the QCoreApplication, so it lives as long)."""
    global _hub
    if _hub is None or not isValid(_hub):
        _hub = ChangeHub(QCoreApplication.instance())
    return _hub


def on_changed(widget: QWidget, fn: Callable[[Changes], None]) -> None:
    """Call ``fn(changes)`` after each write while ``widget`` exists (the connection goes
    with the widget: Qt disconnects a slot of a deleted receiver)."""
    relay = _Relay(widget, fn)
    hub().changed.connect(relay.deliver)


class _Relay(QObject):
    def __init__(self, widget: QWidget, fn: Callable[[Changes], None]) -> None:
        super().__init__(widget)  # deleted with the widget, which disconnects it
        self._fn = fn

    def deliver(self, changes: Changes) -> None:
        self._fn(changes)


def alive(widget: QObject, fn: Callable[..., None]) -> Callable[..., None]:
    """``fn`` unless ``widget`` was deleted by the time a background result arrives."""
    def call(*args: Any) -> None:
        if isValid(widget):
            fn(*args)
    return call


def error_text(error: BaseException) -> str:
    """The message a user reads for a failed op (Spanish by default, see ``domain/i18n.py``):
    a :class:`ValidationError` as each field's message (without the field's code name).
    Only :class:`AlbergueError` is meant for users: anything else is re-raised as a bug."""
    if not isinstance(error, AlbergueError):
        raise error
    if isinstance(error, ValidationError):
        return "\n".join(e.message() for e in error.errors) or str(error)
    return str(error)


def show_error(label: QLabel, error: BaseException) -> None:
    """Show ``error`` (see :func:`error_text`) in ``label`` in the shared error style."""
    label.setStyleSheet(ERROR_STYLE)
    label.setText(error_text(error))
    label.show()


def _failure(parent: QObject, on_error: Callable[[BaseException], None]
             ) -> Callable[[BaseException], None]:
    def failed(error: BaseException) -> None:
        if isValid(parent):
            on_error(error)
        else:
            error_text(error)  # a bug is still raised when nobody is left to show it
    return failed


def write_op(parent: QObject, tasks: TaskManager, fn: Callable[[], Any], *,
             changes: Changes | Callable[[Any], Changes],
             on_error: Callable[[BaseException], None],
             on_done: Callable[[Any], None] | None = None,
             on_waiting: Callable[[], None] | None = None) -> None:
    """Run the service call ``fn()`` on the worker. On success: ``hub().changed(changes)``
    (even if ``parent`` is gone: other screens still need to know), then ``on_done(result)``
    if ``parent`` still exists. ``changes`` may be a function of the result (a registration
    names the people it created). On failure: ``on_error(error)`` if ``parent`` exists (a
    screen always says why nothing was saved; typically ``lambda e: show_error(label, e)``).

    While a long job (a pull, an import) writes, the write waits in the task manager's queue
    and runs when it ends; ``on_waiting()`` is then called at once so the screen can say so
    (:func:`waiting_text`)."""
    def done(result: Any) -> None:
        changed = changes(result) if callable(changes) else changes
        if changed:
            hub().changed.emit(changed)
        if on_done is not None and isValid(parent):
            on_done(result)
    tasks.run(fn, done, _failure(parent, on_error), write=True)
    if tasks.waiting_writes and tasks.writes_held and on_waiting is not None:
        on_waiting()


def waiting_text(tasks: TaskManager) -> str:
    """"Saving waits: synchronization in progress…" (what a screen shows while its write
    waits for a long job)."""
    job = tasks.long_job_label or QCoreApplication.translate("ops", "another task is running")
    return QCoreApplication.translate("ops", "Saving waits: {job}…").format(job=job)


def query_op(parent: QObject, tasks: TaskManager, fn: Callable[[], Any],
             on_rows: Callable[[Any], None], *,
             on_error: Callable[[BaseException], None]) -> None:
    """Run the read ``fn()`` on the worker; ``on_rows(result)`` on the GUI thread if
    ``parent`` still exists."""
    tasks.run(fn, alive(parent, on_rows), _failure(parent, on_error))


class Cancelled(Exception):
    """A long job stopped because its :class:`CancelToken` was cancelled; it leaves nothing
    behind (the job's own contract)."""


class CancelToken:
    """Set on the GUI thread, checked by a long job in the worker."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def is_set(self) -> bool:
        """The same as :attr:`cancelled`, as a callable for jobs that poll."""
        return self._event.is_set()

    def check(self) -> None:
        """Raise :class:`Cancelled` once cancelled."""
        if self._event.is_set():
            raise Cancelled
