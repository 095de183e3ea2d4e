"""The idle lock: an application-wide watch on keyboard and mouse input, and the screen that
covers the main window until the same user types the password again or another user signs
in (the window then restarts for that user)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget,
)

from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager
from .labels import role_label
from .sign_in import SignInForm

_INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """Emits ``idle`` after ``timeout_ms`` without keyboard, mouse or touch input anywhere in
    the application (an event filter on the QApplication restarts the timer)."""

    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self.idle)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def set_timeout(self, timeout_ms: int) -> None:
        self._timer.setInterval(timeout_ms)
        if self._timer.isActive():
            self._timer.start()

    def pause(self) -> None:
        self._timer.stop()

    def resume(self) -> None:
        self._timer.start()

    def is_running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Called for every event of the application: keep it to a set lookup.
        if event.type() in _INPUT_EVENTS and self._timer.isActive():
            self._timer.start()
        return False

    def stop(self) -> None:
        self._timer.stop()
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockScreen(QFrame):
    """Covers its parent (the main window). ``unlocked()`` when the signed-in user types
    the password; ``user_switched(Actor)`` when another user signs in instead."""

    unlocked = Signal()
    user_switched = Signal(object)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, parent: QWidget,
                 *, full_name: str = "") -> None:
        super().__init__(parent)
        self._actor = actor
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.NoFrame)

        title = QLabel(self.tr("Session locked"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        who = full_name or actor.username
        self.who_label = QLabel(self.tr("{name} ({role}): type your password to continue.")
                                .format(name=who, role=role_label(actor.role)), self)
        self.who_label.setWordWrap(True)

        self.pages = QStackedWidget(self)
        self.unlock_form = SignInForm(db, tasks, self, username=actor.username)
        self.unlock_form.submit_button.setText(self.tr("Unlock"))
        self.switch_button = QPushButton(self.tr("Sign in as another user"), self)
        self.switch_button.setAutoDefault(False)
        unlock_page = QWidget(self)
        unlock_layout = QVBoxLayout(unlock_page)
        unlock_layout.setContentsMargins(0, 0, 0, 0)
        unlock_layout.addWidget(self.unlock_form)
        unlock_layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.other_form = SignInForm(db, tasks, self)
        self.back_button = QPushButton(self.tr("Back"), self)
        self.back_button.setAutoDefault(False)
        other_page = QWidget(self)
        other_layout = QVBoxLayout(other_page)
        other_layout.setContentsMargins(0, 0, 0, 0)
        other_layout.addWidget(QLabel(self.tr("Sign in as another user:"), other_page))
        other_layout.addWidget(self.other_form)
        other_layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(unlock_page)
        self.pages.addWidget(other_page)

        panel = QFrame(self)
        panel.setObjectName("lockPanel")
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setFixedWidth(440)
        panel_layout = QVBoxLayout(panel)
        panel_layout.setContentsMargins(24, 20, 24, 20)
        panel_layout.addWidget(title)
        panel_layout.addWidget(self.who_label)
        panel_layout.addSpacing(8)
        panel_layout.addWidget(self.pages)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

        self.unlock_form.signed_in.connect(lambda _actor: self.unlocked.emit())
        self.other_form.signed_in.connect(self._on_other_signed_in)
        self.switch_button.clicked.connect(lambda: self._show_page(1))
        self.back_button.clicked.connect(lambda: self._show_page(0))

    def _show_page(self, page: int) -> None:
        self.pages.setCurrentIndex(page)
        (self.unlock_form if page == 0 else self.other_form).setFocus()

    def _on_other_signed_in(self, actor: Actor) -> None:
        if actor.username == self._actor.username:
            self.unlocked.emit()
        else:
            self.user_switched.emit(actor)

    def cover(self) -> None:
        """Show over the whole parent, on the password field."""
        self.unlock_form.reset()
        self.other_form.reset()
        self.pages.setCurrentIndex(0)
        self.setGeometry(self.parentWidget().rect())
        self.raise_()
        self.show()
        self.unlock_form.setFocus()
