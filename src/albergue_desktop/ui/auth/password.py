"""A user changes their own password (File > Change my password…), and is made to after an
administrator reset it (:func:`services.accounts.change_own_password`; the reset flag is
set by :func:`services.accounts.reset_password`). The check runs in the background."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...domain.errors import AlbergueError
from ...services import accounts
from ...services.auth import MIN_PASSWORD_LENGTH
from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager

ERROR_STYLE = "color: #b00020;"


class ChangePasswordDialog(QDialog):
    """Current password, new password twice. ``forced``: after an administrator's reset
    (the dialog says so, and who reset it)."""

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *,
                 forced: bool = False) -> None:
        super().__init__(parent)
        self._db, self._actor = db, actor
        self.tasks = TaskManager(self)
        self.setWindowTitle(self.tr("Change my password"))
        intro = QLabel(self)
        intro.setWordWrap(True)
        if forced:
            intro.setText(self.tr("An administrator reset your password. Choose a new one "
                                  "that only you know before you go on."))
        else:
            intro.setText(self.tr("Choose a new password that only you know."))
        self.intro = intro
        self.current_edit = QLineEdit(self)
        self.new_edit = QLineEdit(self)
        self.repeat_edit = QLineEdit(self)
        for edit in (self.current_edit, self.new_edit, self.repeat_edit):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMinimumWidth(240)  # room for the hint "at least N characters"
        self.new_edit.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH))
        form = QFormLayout()
        form.addRow(self.tr("&Current password"), self.current_edit)
        form.addRow(self.tr("&New password"), self.new_edit)
        form.addRow(self.tr("&Repeat the new password"), self.repeat_edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if self.new_edit.text() != self.repeat_edit.text():
            self.message.setText(self.tr("The two new passwords are different."))
            return
        self.buttons.setEnabled(False)
        self.tasks.run(partial(accounts.change_own_password, self._db, self._actor,
                               self.current_edit.text(), self.new_edit.text()),
                       lambda _result: self.accept(), self._failed, write=True)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self.buttons.setEnabled(True)
        self.message.setText(str(error))
