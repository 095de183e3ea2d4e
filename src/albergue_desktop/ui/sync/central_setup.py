"""First run of a central file (made by merging center files): it already holds the centers,
so only its first administrator is asked for (:func:`services.sync_files.init_central_database`);
that administrator then creates the supervisors' accounts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...domain.errors import AlbergueError
from ...services import centers, sync_files
from ...services.auth import MIN_PASSWORD_LENGTH
from ...storage.db import Database
from ..ops import ERROR_STYLE


class CentralSetupDialog(QDialog):
    """Accepted once the administrator exists; ``admin_username`` is then the name to sign
    in with."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.admin_username = ""
        self.setWindowTitle(self.tr("Albergue — Central file"))
        codes = ", ".join(c.code for c in centers.list_centers(db))
        intro = QLabel(self.tr(
            "This is a central file: it gathers the records of the centers {codes}. Create "
            "its first administrator, who will then create the supervisors' accounts.").format(
            codes=codes), self)
        intro.setWordWrap(True)

        self.username_edit = QLineEdit(self)
        self.full_name_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH))
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        box = QGroupBox(self.tr("First administrator"), self)
        form = QFormLayout(box)
        form.addRow(self.tr("&Username"), self.username_edit)
        form.addRow(self.tr("&Full name"), self.full_name_edit)
        form.addRow(self.tr("Pass&word"), self.password_edit)
        form.addRow(self.tr("&Repeat password"), self.repeat_edit)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(self.tr("Create"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(intro)
        layout.addWidget(box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.username_edit.setFocus()

    def _problem(self) -> tuple[str, QLineEdit] | None:
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

    def create(self) -> None:
        problem = self._problem()
        if problem is not None:
            text, edit = problem
            self.message.setText(text)
            edit.setFocus()
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            admin = sync_files.init_central_database(
                self._db, admin_username=self.username_edit.text(),
                admin_password=self.password_edit.text(),
                admin_full_name=self.full_name_edit.text())
        except AlbergueError as exc:
            self.message.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.admin_username = admin.username
        self.accept()
