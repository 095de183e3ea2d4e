"""First run of a new database: the center this laptop serves and its first administrator
(:func:`services.centers.init_center_database`)."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt
from PySide6.QtGui import QGuiApplication, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...domain.errors import AlbergueError
from ...services import centers
from ...services.auth import MIN_PASSWORD_LENGTH
from ...storage.db import Database
from .sign_in import ERROR_STYLE


class FirstRunDialog(QDialog):
    """Accepted once the center and the administrator exist; ``admin_username`` is then
    the name to sign in with."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.admin_username = ""
        self.setWindowTitle(self.tr("Albergue — First run"))
        intro = QLabel(self.tr(
            "This database is new. Enter the center this computer serves and create its "
            "first administrator, who will then create the other users."), self)
        intro.setWordWrap(True)

        self.code_edit = QLineEdit(self)
        self.code_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression("[0-9]{1,3}"), self))
        self.code_edit.setPlaceholderText(self.tr("e.g. 03"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText(self.tr("e.g. Centro Comunitario 3"))
        self.prefix_edit = QLineEdit("MXL", self)
        self.prefix_edit.setValidator(QRegularExpressionValidator(
            QRegularExpression("[A-Za-z]{2,4}"), self))
        self.prefix_edit.setToolTip(self.tr("First part of every folio, e.g. MXL-03-000001"))
        center_box = QGroupBox(self.tr("Center"), self)
        center_form = QFormLayout(center_box)
        center_form.addRow(self.tr("Center &code"), self.code_edit)
        center_form.addRow(self.tr("Center &name"), self.name_edit)
        center_form.addRow(self.tr("City &prefix"), self.prefix_edit)

        self.username_edit = QLineEdit(self)
        self.full_name_edit = QLineEdit(self)
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(
            self.tr("at least {n} characters").format(n=MIN_PASSWORD_LENGTH))
        self.repeat_edit = QLineEdit(self)
        self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
        admin_box = QGroupBox(self.tr("First administrator"), self)
        admin_form = QFormLayout(admin_box)
        admin_form.addRow(self.tr("&Username"), self.username_edit)
        admin_form.addRow(self.tr("&Full name"), self.full_name_edit)
        admin_form.addRow(self.tr("Pass&word"), self.password_edit)
        admin_form.addRow(self.tr("&Repeat password"), self.repeat_edit)

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
        layout.addWidget(center_box)
        layout.addWidget(admin_box)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.code_edit.setFocus()

    def _problem(self) -> tuple[str, QLineEdit] | None:
        required = [(self.code_edit, self.tr("Enter the center code (1 to 3 digits).")),
                    (self.name_edit, self.tr("Enter the center name.")),
                    (self.prefix_edit, self.tr("Enter the city prefix (2 to 4 letters).")),
                    (self.username_edit, self.tr("Enter the administrator's username.")),
                    (self.full_name_edit, self.tr("Enter the administrator's full name."))]
        for edit, text in required:
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
            _center, admin = centers.init_center_database(
                self._db, center_code=self.code_edit.text(), center_name=self.name_edit.text(),
                city_prefix=self.prefix_edit.text(),
                admin_username=self.username_edit.text(),
                admin_password=self.password_edit.text(),
                admin_full_name=self.full_name_edit.text())
        except AlbergueError as exc:
            self.message.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.admin_username = admin.username
        self.accept()
