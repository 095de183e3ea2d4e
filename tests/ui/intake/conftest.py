"""Fixtures for the registration dialog: a dialog at laptop size on a fresh center database,
and a keyboard that types into whatever widget has focus (as a user would)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from albergue_desktop.services.context import Actor
from albergue_desktop.ui.intake import RegistrationDialog
from albergue_desktop.ui.tasks import TaskManager

TODAY = date(2022, 1, 15)


@pytest.fixture
def today() -> date:
    return TODAY


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def open_dialog(db, center, tasks, qtbot):
    """``open_dialog(role="registro")`` -> a shown RegistrationDialog with the focus in it."""
    opened: list[RegistrationDialog] = []

    def make(role: str = "registro") -> RegistrationDialog:
        actor = Actor(username=f"{role}1", role=role, center_id=center.id)
        dialog = RegistrationDialog(db, actor, center.id, tasks, today=TODAY)
        qtbot.addWidget(dialog)
        dialog.resize(1366, 768)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        opened.append(dialog)
        return dialog

    yield make
    for dialog in opened:  # close without the "discard?" question, work dropped
        dialog.flow.cancel()
        dialog.done(0)
    tasks.shutdown()  # nothing may still run when the database closes


class Keyboard:
    """Types into the focused widget, like a person at the keyboard."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot

    @property
    def focus(self) -> QWidget:
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focus, text)

    def key(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier, times: int = 1) -> None:
        for _ in range(times):
            self.qtbot.keyClick(self.focus, key, modifier)

    def enter(self, times: int = 1) -> None:
        self.key(Qt.Key.Key_Return, times=times)

    def tab(self, times: int = 1) -> None:
        self.key(Qt.Key.Key_Tab, times=times)

    def field(self, text: str) -> None:
        """Type a value and press Enter to move on."""
        self.type(text)
        self.enter()

    def ctrl(self, key: Qt.Key) -> None:
        self.key(key, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def keyboard(qtbot) -> Keyboard:
    return Keyboard(qtbot)
