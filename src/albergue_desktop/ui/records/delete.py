"""Deleting a person: a tombstone with a required reason (:func:`services.people.delete_person`);
the record stays in the file and in the history, and an open stay is closed. A role that
answers data-protection requests may instead erase the personal data
(:func:`services.erasure.erase_person`, docs/erasure.md): a box to tick, and the reason."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...domain.permissions import Permission
from ...services import erasure, people
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Person
from ..ops import ERROR_STYLE, Changes, show_error, write_op
from ..tasks import TaskManager


class DeletePersonDialog(QDialog):
    """``deleted()`` once the service has tombstoned the person (on the worker: the window
    keeps painting; the reason typed stays if the service refuses)."""

    deleted = Signal()

    def __init__(self, db: Database, actor: Actor, person: Person, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._saving = False
        self._actor = actor
        self._person = person
        name = f"{person.given_names} {person.surnames.upper()}".strip()
        self.setWindowTitle(self.tr("Delete {folio}").format(folio=person.folio or name))
        self._delete_text = self.tr(
            "The record of {name} ({folio}) will be marked as deleted: it disappears from "
            "lists and searches but stays in the history. If the person is lodged, the stay "
            "is closed and the bed is freed.").format(name=name, folio=person.folio or "—")
        self._erase_text = self.tr(
            "The personal data of {name} ({folio}) will be erased in this file and, when it "
            "syncs, in every file: names, documents, photo, contact, notes, health and "
            "protection records. Only sex, nationality, birth year and the dates of the stays "
            "are kept for the counts. This cannot be undone.").format(
                name=name, folio=person.folio or "—")
        self.explanation = explanation = QLabel(self._delete_text, self)
        explanation.setWordWrap(True)
        self.erase_box = QCheckBox(self.tr("&Erase the personal data (cannot be undone)"), self)
        self.erase_box.setVisible(actor.can(Permission.DATA_REQUESTS))
        self.erase_box.toggled.connect(self._mode_changed)
        reason_label = QLabel(self.tr("&Reason (required):"), self)
        self.reason_edit = QPlainTextEdit(self)
        self.reason_edit.setTabChangesFocus(True)
        self.reason_edit.setPlaceholderText(self.tr("e.g. registered twice by mistake"))
        self.reason_edit.setFixedHeight(self.reason_edit.fontMetrics().lineSpacing() * 4 + 12)
        reason_label.setBuddy(self.reason_edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(self)
        self.delete_button = self.buttons.addButton(self.tr("&Delete record"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.delete_button.setAutoDefault(False)  # Enter never deletes by accident
        cancel = self.buttons.addButton(self.tr("Cancel"),
                                        QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setDefault(True)
        self.delete_button.setEnabled(False)
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        self.reason_edit.textChanged.connect(
            lambda: self.delete_button.setEnabled(bool(self.reason()) and not self._saving))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.erase_box)
        layout.addWidget(reason_label)
        layout.addWidget(self.reason_edit)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.reason_edit.setFocus()

    def _mode_changed(self, erase: bool) -> None:
        self.explanation.setText(self._erase_text if erase else self._delete_text)
        self.delete_button.setText(self.tr("&Erase data") if erase
                                   else self.tr("&Delete record"))

    def reason(self) -> str:
        return self.reason_edit.toPlainText().strip()

    def confirm(self) -> None:
        if self._saving or not self.reason():
            return
        self._saving = True
        self.delete_button.setEnabled(False)  # one request at a time
        db, actor, person_id, reason = self._db, self._actor, self._person.id, self.reason()
        if self.erase_box.isChecked():
            write_op(self, self._tasks,
                     lambda: erasure.erase_person(db, actor, person_id, reason=reason),
                     changes=Changes.of("people", "households", "stays", "beds",
                                        "screenings", "photos"),
                     on_done=self._done, on_error=self._failed)
            return
        write_op(self, self._tasks,
                 lambda: people.delete_person(db, actor, person_id, reason=reason),
                 changes=Changes.of("people", "households", "stays", "beds"),
                 on_done=self._done, on_error=self._failed)

    def _done(self, _result: object) -> None:
        self._saving = False
        self.deleted.emit()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self._saving = False
        self.delete_button.setEnabled(bool(self.reason()))
        show_error(self.message, error)
