"""Guard against a Qt binding that drops a reference to None on every call of a method that
returns nothing (PySide6 6.12.0 on Python 3.11). None's count only falls, so after some tens of
thousands of UI calls Python aborts with "none_dealloc": the app would crash mid-shift."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_calls_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(300):
        label.setText("x")
    leaked = before - sys.getrefcount(None)
    assert leaked < 100, "this PySide6 build leaks references to None; use another version"
