"""Helpers shared by the UI tests."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

from albergue_desktop.services.context import Actor


def actor_of(role: str, center_id: str | None = None, username: str | None = None) -> Actor:
    return Actor(username=username or role, role=role, center_id=center_id)


def visible_top_level(kind: type[QWidget]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


def show_window(qtbot, window, size=(1366, 768)):
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def record_loaded(window, folio=None):
    """The record in the current tab, once loaded (with that folio if given)."""
    view = window.current_record()
    if view is None or view.record is None:
        return None
    if folio is not None and view.record.person.folio != folio:
        return None
    return view


def when_visible(kind, action, *, timeout_ms=10_000):
    """Call ``action(widget)`` once a top-level ``kind`` is shown (also inside a nested
    dialog event loop such as ``exec()``). Keep the returned timer alive."""
    timer = QTimer(interval=20)
    waited = [0]

    def poll():
        waited[0] += 20
        found = visible_top_level(kind)
        if found or waited[0] > timeout_ms:
            timer.stop()
            action(found[0] if found else None)

    timer.timeout.connect(poll)
    timer.start()
    return timer
