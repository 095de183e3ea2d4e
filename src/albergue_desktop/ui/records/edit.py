"""Editing a person (:func:`services.people.update_person`): only the fields that were changed
are sent (a partial update, audited field by field). Clinical specific needs appear only for
roles that may see them and can be changed only by roles that may record them; the service
enforces the same. Errors from the service are shown next to their fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
    QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox, QPlainTextEdit, QScrollArea,
    QVBoxLayout, QWidget,
)

from ...domain.enums import SPECIFIC_NEEDS, CivilStatus, EducationLevel, MigratoryStatus
from ...domain.errors import AlbergueError, ValidationError
from ...domain.labels import choices
from ...domain.permissions import Permission, is_health_need
from ...services import people
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Person, PersonUpdate
from .fields import field_label, format_value, need_label

ERROR_STYLE = "color: #b00020;"
TEXT_FIELDS = ("given_names", "surnames", "document_name", "phone", "emergency_contact_name",
               "emergency_contact_phone", "curp", "rfc")
DATE_FIELDS = ("birth_date", "arrival_date", "migratory_status_from", "migratory_status_until")
LEFT = ("given_names", "surnames", "document_name", "sex", "birth_date", "birth_date_estimated",
        "nationality", "country_of_birth", "civil_status", "relationship", "education_level",
        "arrival_date")
RIGHT = ("phone", "emergency_contact_name", "emergency_contact_phone", "migratory_status",
         "migratory_status_from", "migratory_status_until", "curp", "rfc", "notes")


class DateLine(QLineEdit):
    """A date typed as dd/mm/yyyy (or yyyy-mm-dd); empty is no date."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("dd/mm/yyyy"))

    def value(self) -> date | None:
        text = self.text().strip()
        if not text:
            return None
        for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
            try:
                return datetime.strptime(text, pattern).date()
            except ValueError:
                continue
        raise ValueError(text)

    def set_value(self, value: date | None) -> None:
        self.setText(value.strftime("%d/%m/%Y") if value else "")


REQUIRED_TEXT = ("given_names", "surnames")  # stored as "" rather than None


def _blank(value: Any) -> Any:
    return None if value in ("", []) else value


def _combo(parent: QWidget, pairs: list[tuple[str, str]], *, optional: bool) -> QComboBox:
    combo = QComboBox(parent)
    if optional:
        combo.addItem("—", None)
    for code, text in pairs:
        combo.addItem(text, code)
    return combo


class EditPersonDialog(QDialog):
    """``saved(Person)`` after the service accepted the changes."""

    saved = Signal(object)

    def __init__(self, db: Database, actor: Actor, person: Person,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._person = person
        self.setWindowTitle(self.tr("Edit {folio}").format(folio=person.folio or ""))
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        body = QWidget(self)
        columns = QHBoxLayout(body)
        columns.addWidget(self._form(LEFT, body), 1)
        right = QVBoxLayout()
        right.addWidget(self._form(RIGHT, body))
        right.addWidget(self._needs_box(body), 1)
        columns.addLayout(right, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._fill()
        self.resize(1080, 640)
        self.editors["given_names"].setFocus()

    # --- building ----------------------------------------------------------------------------

    def _editor(self, name: str, parent: QWidget) -> QWidget:
        if name in TEXT_FIELDS:
            return QLineEdit(parent)
        if name in DATE_FIELDS:
            return DateLine(parent)
        if name == "birth_date_estimated":
            return QCheckBox(self.tr("The date of birth is estimated"), parent)
        if name == "notes":
            notes = QPlainTextEdit(parent)
            notes.setTabChangesFocus(True)
            notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
            return notes
        vocabularies = {
            "sex": (choices("sex"), False), "relationship": (choices("relationship"), True),
            "nationality": (sorted(choices("country"), key=lambda p: p[1]), True),
            "country_of_birth": (sorted(choices("country"), key=lambda p: p[1]), True),
            "migratory_status": ([(str(s), format_value("migratory_status", str(s)))
                                  for s in MigratoryStatus], True),
            "civil_status": ([(str(s), format_value("civil_status", str(s)))
                              for s in CivilStatus], True),
            "education_level": ([(str(s), format_value("education_level", str(s)))
                                 for s in EducationLevel], True),
        }
        pairs, optional = vocabularies[name]
        return _combo(parent, pairs, optional=optional)

    def _form(self, names: tuple[str, ...], parent: QWidget) -> QWidget:
        box = QWidget(parent)
        form = QFormLayout(box)
        for name in names:
            editor = self._editor(name, box)
            editor.setAccessibleName(field_label(name))
            error = QLabel(box)
            error.setStyleSheet(ERROR_STYLE)
            error.setWordWrap(True)
            error.hide()
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(editor)
            cell.addWidget(error)
            form.addRow("" if name == "birth_date_estimated" else field_label(name), cell)
            self.editors[name], self.errors[name] = editor, error
        return box

    def _needs_box(self, parent: QWidget) -> QGroupBox:
        box = QGroupBox(field_label("specific_needs"), parent)
        self.needs_list = QListWidget(box)
        self.needs_list.setSpacing(1)
        self.needs_list.setAccessibleName(field_label("specific_needs"))
        sees_health = self._actor.can(Permission.VIEW_HEALTH)
        edits_health = self._actor.can(Permission.EDIT_HEALTH)
        for code in SPECIFIC_NEEDS:
            if is_health_need(code) and not sees_health:
                continue  # hidden from this role altogether
            item = QListWidgetItem(f"{need_label(code)} ({code})", self.needs_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if not is_health_need(code) or edits_health:
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
        error = QLabel(box)
        error.setStyleSheet(ERROR_STYLE)
        error.hide()
        self.errors["specific_needs"] = error
        layout = QVBoxLayout(box)
        layout.addWidget(self.needs_list)
        layout.addWidget(error)
        return box

    # --- values ------------------------------------------------------------------------------

    def _fill(self) -> None:
        p = self._person
        for name, editor in self.editors.items():
            value = getattr(p, name)
            if isinstance(editor, DateLine):
                editor.set_value(value)
            elif isinstance(editor, QLineEdit):
                editor.setText(value or "")
            elif isinstance(editor, QCheckBox):
                editor.setChecked(bool(value))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value or "")
            elif isinstance(editor, QComboBox):
                if value is not None and editor.findData(value) < 0:
                    editor.addItem(format_value(name, value), value)  # a code from elsewhere
                editor.setCurrentIndex(max(0, editor.findData(value)))
        stored = set(p.specific_needs or [])
        for row in range(self.needs_list.count()):
            item = self.needs_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in stored
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _value(self, name: str) -> Any:
        editor = self.editors[name]
        if isinstance(editor, DateLine):
            return editor.value()
        if isinstance(editor, QLineEdit):
            return editor.text().strip() or None
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QPlainTextEdit):
            return editor.toPlainText().strip() or None
        return editor.currentData()

    def checked_needs(self) -> list[str]:
        return [self.needs_list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.needs_list.count())
                if self.needs_list.item(r).checkState() == Qt.CheckState.Checked]

    def changes(self) -> dict[str, Any]:
        """The fields whose value differs from the stored one. Raises ValueError with the
        field name for a date that cannot be read."""
        changed = {}
        for name in self.editors:
            try:
                value = self._value(name)
            except ValueError:
                raise ValueError(name) from None
            if _blank(value) != _blank(getattr(self._person, name)):
                changed[name] = "" if value is None and name in REQUIRED_TEXT else value
        if sorted(self.checked_needs()) != sorted(self._person.specific_needs or []):
            changed["specific_needs"] = self.checked_needs()
        return changed

    # --- saving ------------------------------------------------------------------------------

    def _show_errors(self, messages: dict[str, list[str]]) -> None:
        for name, label in self.errors.items():
            text = "\n".join(messages.get(name, []))
            label.setText(text)
            label.setVisible(bool(text))

    def save(self) -> None:
        try:
            changes = self.changes()
        except ValueError as exc:
            name = str(exc)
            self._show_errors({name: [self.tr("Type the date as dd/mm/yyyy.")]})
            self.editors[name].setFocus()
            return
        if not changes:
            self.accept()  # nothing changed: nothing to write
            return
        try:
            person = people.update_person(self._db, self._actor, self._person.id,
                                          PersonUpdate(**changes))
        except ValidationError as exc:
            messages: dict[str, list[str]] = {}
            for error in exc.errors:
                messages.setdefault(error.field.split(".")[0], []).append(error.message())
            self._show_errors(messages)
            self.message.setText(str(exc).splitlines()[0])
            first = next((n for n in self.editors if n in messages), None)
            if first is not None:
                self.editors[first].setFocus()
            return
        except AlbergueError as exc:
            self._show_errors({})
            self.message.setText(str(exc))
            return
        self.saved.emit(person)
        self.accept()

    def reject(self) -> None:
        try:
            dirty = bool(self.changes())
        except ValueError:
            dirty = True
        if dirty and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard changes?"),
            self.tr("The changes to this record have not been saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
