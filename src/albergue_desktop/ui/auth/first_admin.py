"""The first administrator of a new file: one form for the first run of a center laptop
(``auth/setup.py``) and of a central file (``sync/central_setup.py``), and the creation
step both dialogs share (a write op on the dialog's own worker: the window stays live while
the password is hashed and the accounts are written)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from ...domain.errors import AlbergueError
from ...services.auth import MIN_PASSWORD_LENGTH
from ..ops import ERROR_STYLE, Changes, write_op
from ..tasks import TaskManager


class FirstAdminForm(QGroupBox):
    """Username, full name, password and its repetition, with the checks made before
    anything is sent (the service checks the password's strength again)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("First administrator"))
        self.username_edit = QLineEdit(self)
        self.full_name_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH))
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("&Username"), self.username_edit)
        form.addRow(self.tr("&Full name"), self.full_name_edit)
        form.addRow(self.tr("Pass&word"), self.password_edit)
        form.addRow(self.tr("&Repeat password"), self.repeat_edit)

    def problem(self) -> tuple[str, QLineEdit] | None:
        """The first thing to correct (message, field), or None."""
        for edit, text in ((self.username_edit, self.tr("Enter the administrator's username.")),
                           (self.full_name_edit,
                            self.tr("Enter the administrator's full name."))):
            if not edit.text().strip():
                return text, edit
        if len(self.password_edit.text()) < MIN_PASSWORD_LENGTH:
            return (self.tr("The password must have at least {n} characters.").format(
                n=MIN_PASSWORD_LENGTH), self.password_edit)
        if self.password_edit.text() != self.repeat_edit.text():
            return self.tr("The two passwords are different."), self.repeat_edit
        return None

    def values(self) -> dict[str, str]:
        """The keyword arguments of the setup services."""
        return {"admin_username": self.username_edit.text(),
                "admin_password": self.password_edit.text(),
                "admin_full_name": self.full_name_edit.text()}

    def set_enabled(self, enabled: bool) -> None:
        for edit in (self.username_edit, self.full_name_edit, self.password_edit,
                     self.repeat_edit):
            edit.setEnabled(enabled)


def check_then_create(dialog: QDialog, tasks: TaskManager, message: QLabel,
                      problem: tuple[str, QLineEdit] | None, create: Callable[[], Any],
                      busy: Callable[[bool], None], on_created: Callable[[Any], None]) -> None:
    """Show ``problem`` (and put the cursor on its field), or run ``create()`` as a write op:
    the form is locked meanwhile; on failure the message says why and nothing typed is
    lost; on success ``on_created(result)``."""
    message.setStyleSheet(ERROR_STYLE)
    if problem is not None:
        text, edit = problem
        message.setText(text)
        edit.setFocus()
        return
    busy(True)
    message.setStyleSheet("")
    message.setText(QCoreApplication.translate("first_admin", "Creating…"))

    def failed(error: BaseException) -> None:
        busy(False)
        if not isinstance(error, AlbergueError):
            raise error
        message.setStyleSheet(ERROR_STYLE)
        message.setText(str(error))

    write_op(dialog, tasks, create, changes=Changes.of("centers", "users", "settings"),
             on_done=on_created, on_error=failed)
