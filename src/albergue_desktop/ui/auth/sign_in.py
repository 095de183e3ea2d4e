"""Signing in: the form (also used by the lock screen) and the sign-in dialog the app opens
on. The password check (argon2, deliberately slow) runs in the background; the messages of
:func:`services.accounts.sign_in` (wrong password, locked account...) are shown as they are."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from albergue_sync import SyncRefused
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton,
    QVBoxLayout, QWidget,
)

from ...domain.errors import AlbergueError
from ...services import accounts, centers, clock, encryption
from ..clock_warning import corrected_message, show_at_sign_in
from ...storage.db import Database
from ..ops import error_text, query_op
from ..tasks import TaskManager

ERROR_STYLE = "color: #b00020;"


def sign_in_and_check_clock(db: Database, username: str, password: str,
                            new_file: bool = False):
    """Worker thread: the signed-in actor, the clock warnings (services/clock.py), whether
    the password must change, and a recovery code to show once (a plain file encrypted
    now, or ``new_file``: the first sign-in after the first-run setup)."""
    actor = accounts.sign_in(db, username, password)
    recovery_code = encryption.on_sign_in(db, actor, password, new_file=new_file)
    return (actor, clock.clock_warnings(db), accounts.must_change_password(db, actor.username),
            recovery_code)


class SignInForm(QWidget):
    """Username and password. ``signed_in(Actor)`` when the service accepts them. With
    ``username`` the name is fixed and only the password is asked (unlocking a session)."""

    signed_in = Signal(object)

    def __init__(self, db: Database, tasks: TaskManager, parent: QWidget | None = None, *,
                 username: str | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self.clock_warnings: list = []  # of the last sign-in, for the dialog to show
        self.must_change_password = False  # an administrator reset it: the app asks first
        self.recovery_code: str | None = None  # the file was encrypted at this sign-in
        self.new_file = False  # set after the first-run setup: the recovery code is made
        self.username_edit = QLineEdit(self)
        self.username_edit.setAccessibleName(self.tr("Username"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setAccessibleName(self.tr("Password"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.submit_button = QPushButton(self.tr("Sign in"), self)
        # Enter is handled by the fields (username -> password -> sign in); a dialog's default
        # button would also fire on Enter in the username field.
        self.submit_button.setAutoDefault(False)

        form = QFormLayout()
        form.addRow(self.tr("&Username"), self.username_edit)
        form.addRow(self.tr("&Password"), self.password_edit)
        if username is not None:
            self.username_edit.setText(username)
            self.username_edit.setReadOnly(True)
            self.username_edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.submit_button)
        layout.addLayout(buttons)

        self.username_edit.returnPressed.connect(self.password_edit.setFocus)
        self.password_edit.returnPressed.connect(self.submit)
        self.submit_button.clicked.connect(self.submit)
        self.setFocusProxy(self.password_edit if username is not None else self.username_edit)

    def submit(self) -> None:
        if not self.submit_button.isEnabled():
            return  # a check is running
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self.show_message(self.tr("Type your username."))
            self.username_edit.setFocus()
            return
        if not password:
            self.show_message(self.tr("Type your password."))
            self.password_edit.setFocus()
            return
        self._set_busy(True)
        self.message.clear()
        self._tasks.run(partial(sign_in_and_check_clock, self._db, username, password,
                                self.new_file),
                        self._on_signed_in, self._on_failed)

    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def reset(self) -> None:
        self.password_edit.clear()
        self.message.clear()
        if not self.username_edit.isReadOnly():
            self.username_edit.clear()

    def _set_busy(self, busy: bool) -> None:
        self.submit_button.setEnabled(not busy)
        self.password_edit.setEnabled(not busy)
        self.username_edit.setEnabled(not busy)

    def _on_signed_in(self, result) -> None:
        actor, self.clock_warnings, self.must_change_password, self.recovery_code = result
        self._set_busy(False)
        self.password_edit.clear()
        self.signed_in.emit(actor)

    def _on_failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self._set_busy(False)
        self.show_message(str(error))
        self.password_edit.clear()
        self.password_edit.setFocus()


def center_title(db: Database) -> str:
    """"Center 03 · Name" of the file's own center, or an empty string."""
    if db.locked:  # an encrypted file before sign-in: nothing of it can be read yet
        return ""
    center_id = db.meta("center_id")
    center = next((c for c in centers.list_centers(db) if c.id == center_id), None)
    return f"{center.code} · {center.name}" if center is not None else ""


class SignInDialog(QDialog):
    """The first screen after start-up. ``actor`` is set when it is accepted."""

    def __init__(self, db: Database, parent: QWidget | None = None, *,
                 message: str = "") -> None:
        super().__init__(parent)
        self.actor = None
        self.db = db
        self.tasks = TaskManager(self)
        self.setWindowTitle(self.tr("Albergue — Sign in"))
        title = QLabel(self.tr("Albergue"), self)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        # the file's name until its center has been read (in the background)
        self.subtitle = subtitle = QLabel(db.path.name, self)
        query_op(self, self.tasks, partial(center_title, db), self._show_center,
                 on_error=error_text)  # a busy file: the file's name stays
        self.form = SignInForm(db, self.tasks, self)
        self.form.show_message(message)
        self.form.signed_in.connect(self._on_signed_in)
        quit_button = QPushButton(self.tr("Quit"), self)
        quit_button.setAutoDefault(False)
        quit_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(12)
        layout.addWidget(self.form)
        row = QHBoxLayout()
        row.addWidget(quit_button)
        row.addStretch(1)
        layout.addLayout(row)
        self.setMinimumWidth(420)
        self.form.setFocus()

    def _show_center(self, center: str) -> None:
        if center:
            self.subtitle.setText(self.tr("Center {center}").format(center=center))

    def _on_signed_in(self, actor) -> None:
        self.actor = actor
        if show_at_sign_in(self, self.form.clock_warnings, actor):
            self.form._set_busy(True)
            self.tasks.run(partial(clock.correct_clock, self.db, actor), self._on_corrected,
                           self._on_correct_failed)
            return
        self.accept()

    def _on_corrected(self, report) -> None:
        QMessageBox.information(self, self.tr("Albergue"), corrected_message(report))
        self.accept()

    def _on_correct_failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError | SyncRefused):
            raise error
        QMessageBox.warning(self, self.tr("Albergue"), str(error))
        self.accept()

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
