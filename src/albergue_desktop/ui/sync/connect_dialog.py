"""Enrolling this computer with the central's sync server: its address and the one-time
code the central printed (``albergue-sync enroll``). The code carries the fingerprint of the
server's certificate: a server that presents another one is refused before anything is sent
(docs/sync-server.md). The work runs on the sync job's own worker (it goes over the network).
Enter connects; Esc closes, asking first when something was typed."""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout,
    QWidget,
)

from albergue_sync import SyncRefused

from ...domain.errors import AlbergueError
from ...services import sync_server
from ...services.context import Actor
from ..ops import alive
from .common import message_label, show_message


class ConnectDialog(QDialog):
    def __init__(self, db, actor: Actor, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.setWindowTitle(self.tr("Connect with the central's server"))
        intro = QLabel(self.tr(
            "Type the address of the central's sync server and the enrollment code the "
            "central gave for this center. Once connected, this computer sends its changes "
            "and brings the central's by itself whenever the server can be reached."), self)
        intro.setWordWrap(True)
        self.url_edit = QLineEdit(self)
        self.url_edit.setPlaceholderText("https://192.168.1.10:8443")
        self.code_edit = QLineEdit(self)
        self.code_edit.setPlaceholderText("XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX")
        form = QFormLayout()
        form.addRow(self.tr("Server &address:"), self.url_edit)
        form.addRow(self.tr("Enrollment &code:"), self.code_edit)
        self.message = message_label(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Co&nnect"))
        self.buttons.accepted.connect(self.connect_now)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(620, self.sizeHint().height())
        self.url_edit.setFocus()

    def connect_now(self) -> None:
        url, code = self.url_edit.text().strip(), self.code_edit.text().strip()
        if not url or not code:
            show_message(self.message, self.tr("Type the server's address and the code."),
                         error=True)
            return
        self.ok_button.setEnabled(False)
        show_message(self.message, self.tr("Connecting…"))
        self.tasks.run(partial(sync_server.connect, self.db, self.actor, url, code),
                       alive(self, self._connected), alive(self, self._failed))

    def _connected(self, _state) -> None:
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self.ok_button.setEnabled(True)
        if not isinstance(exc, (SyncRefused, AlbergueError)):
            raise exc
        show_message(self.message, str(exc), error=True)

    def reject(self) -> None:
        typed = self.url_edit.text().strip() or self.code_edit.text().strip()
        if typed and QMessageBox.question(
                self, self.windowTitle(), self.tr("Close without connecting?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        super().reject()
