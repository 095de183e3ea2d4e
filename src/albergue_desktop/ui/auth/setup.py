"""First run of a new database: the center this laptop serves and its first administrator
(:func:`services.centers.init_center_database`; the administrator's form is shared with the
central file's first run, :mod:`.first_admin`)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...services import centers
from ...storage.db import Database
from ..ops import ERROR_STYLE
from ..tasks import TaskManager
from .first_admin import FirstAdminForm, check_then_create


class FirstRunDialog(QDialog):
    """Accepted once the center and the administrator exist; ``admin_username`` is then
    the name to sign in with."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.tasks = TaskManager(self)
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
        self.center_box = QGroupBox(self.tr("Center"), self)
        center_form = QFormLayout(self.center_box)
        center_form.addRow(self.tr("Center &code"), self.code_edit)
        center_form.addRow(self.tr("Center &name"), self.name_edit)
        center_form.addRow(self.tr("City &prefix"), self.prefix_edit)

        self.admin = FirstAdminForm(self)
        self.username_edit, self.full_name_edit = self.admin.username_edit, \
            self.admin.full_name_edit
        self.password_edit, self.repeat_edit = self.admin.password_edit, self.admin.repeat_edit

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
        layout.addWidget(self.center_box)
        layout.addWidget(self.admin)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.code_edit.setFocus()

    def _problem(self) -> tuple[str, QLineEdit] | None:
        required = [(self.code_edit, self.tr("Enter the center code (1 to 3 digits).")),
                    (self.name_edit, self.tr("Enter the center name.")),
                    (self.prefix_edit, self.tr("Enter the city prefix (2 to 4 letters)."))]
        for edit, text in required:
            if not edit.text().strip():
                return text, edit
        return self.admin.problem()

    def _busy(self, busy: bool) -> None:
        self.center_box.setEnabled(not busy)
        self.admin.set_enabled(not busy)
        self.create_button.setEnabled(not busy)

    def create(self) -> None:
        if not self.create_button.isEnabled():
            return  # already creating
        check_then_create(
            self, self.tasks, self.message, self._problem(),
            partial(centers.init_center_database, self._db,
                    center_code=self.code_edit.text(), center_name=self.name_edit.text(),
                    city_prefix=self.prefix_edit.text(), **self.admin.values()),
            self._busy, self._created)

    def _created(self, result) -> None:
        _center, admin = result
        self.admin_username = admin.username
        self.accept()

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
