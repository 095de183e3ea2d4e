"""First run of a central file (made by merging center files): it already holds the centers,
so only its first administrator is asked for (:func:`services.sync_files.init_central_database`,
with the form shared with a center's first run, ``auth/first_admin.py``); that administrator
then creates the supervisors' accounts."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ...services import centers, sync_files
from ...storage.db import Database
from ..auth.first_admin import FirstAdminForm, check_then_create
from ..ops import ERROR_STYLE, error_text, query_op
from ..tasks import TaskManager


def center_codes(db: Database) -> str:
    """Worker: "03, 07", the centers the central file gathers."""
    return ", ".join(c.code for c in centers.list_centers(db))


class CentralSetupDialog(QDialog):
    """Accepted once the administrator exists; ``admin_username`` is then the name to sign
    in with."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self.tasks = TaskManager(self)
        self.admin_username = ""
        self.setWindowTitle(self.tr("Albergue — Central file"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self._show_codes("…")
        query_op(self, self.tasks, partial(center_codes, db), self._show_codes,
                 on_error=error_text)  # a busy file: the intro keeps "…"

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
        layout.addWidget(self.intro)
        layout.addWidget(self.admin)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self.username_edit.setFocus()

    def _show_codes(self, codes: str) -> None:
        self.intro.setText(self.tr(
            "This is a central file: it gathers the records of the centers {codes}. Create "
            "its first administrator, who will then create the supervisors' accounts.").format(
            codes=codes))

    def _busy(self, busy: bool) -> None:
        self.admin.set_enabled(not busy)
        self.create_button.setEnabled(not busy)

    def create(self) -> None:
        if not self.create_button.isEnabled():
            return  # already creating
        check_then_create(
            self, self.tasks, self.message, self.admin.problem(),
            partial(sync_files.init_central_database, self._db, **self.admin.values()),
            self._busy, self._created)

    def _created(self, admin) -> None:
        self.admin_username = admin.username
        self.accept()

    def done(self, result: int) -> None:
        self.tasks.shutdown()
        super().done(result)
