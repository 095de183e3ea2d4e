"""Pages of the edit dialog that are not the registration's own: person fields in columns
(each editor with its error label) and the specific needs with the consent."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...domain.enums import SPECIFIC_NEEDS, CivilStatus, MigratoryStatus
from ...domain.labels import choices
from ...domain.permissions import can_record_need, can_see_need
from ...services.context import Actor
from ...storage.tables import Person
from ..intake import codes
from ..intake.fields import DateField, ErrorLabel, FormPage
from .fields import field_label, format_date, format_value, need_label

TEXT_FIELDS = ("given_names", "surnames", "document_name", "phone", "emergency_contact_name",
               "emergency_contact_phone", "curp", "rfc")
DATE_FIELDS = ("birth_date", "arrival_date", "migratory_status_from", "migratory_status_until")
REQUIRED_TEXT = ("given_names", "surnames")  # stored as "" rather than None
CHECK_FIELDS = ("birth_date_estimated", "age_in_doubt")  # the check box carries the label


def _combo(parent: QWidget, pairs: list[tuple[str, str]], *, optional: bool) -> QComboBox:
    combo = QComboBox(parent)
    if optional:
        combo.addItem("—", None)
    for code, text in pairs:
        combo.addItem(text, code)
    return combo


class FieldsPage(FormPage):
    """Person fields in columns; ``editors`` and ``errors`` by field name. ``extra`` widgets
    go below the columns."""

    def __init__(self, columns: list[tuple[str, ...]], extra: list[QWidget] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, ErrorLabel] = {}
        body = QVBoxLayout(self.body)
        row = QHBoxLayout()
        for names in columns:
            row.addWidget(self._form(names), 1, Qt.AlignmentFlag.AlignTop)
        body.addLayout(row)
        for widget in extra:
            widget.setParent(self.body)
            body.addWidget(widget)
        body.addStretch(1)

    def _editor(self, name: str) -> QWidget:
        if name in TEXT_FIELDS:
            return QLineEdit()
        if name in DATE_FIELDS:
            return DateField()
        if name == "birth_date_estimated":
            return QCheckBox(self.tr("The date of birth is estimated"))
        if name == "age_in_doubt":
            box = QCheckBox(self.tr("Age in doubt: presumed a minor"))
            box.setToolTip(self.tr(
                "Tick when the age given or written on a document may be wrong. A person "
                "whose age is in doubt is presumed a minor (LGDNNA art. 5): placement keeps "
                "them away from unrelated adults and asks for the DIF protection route. An "
                "estimated date of birth alone is not doubt."))
            return box
        if name == "notes":
            notes = QPlainTextEdit()
            notes.setTabChangesFocus(True)
            notes.setFixedHeight(notes.fontMetrics().lineSpacing() * 4 + 12)
            return notes
        countries = sorted(choices("country"), key=lambda p: p[1])
        vocabularies = {
            "sex": (choices("sex"), False), "relationship": (choices("relationship"), True),
            "nationality": (countries, True), "country_of_birth": (countries, True),
            "migratory_status": ([(str(s), format_value("migratory_status", str(s)))
                                  for s in MigratoryStatus], True),
            "civil_status": ([(str(s), format_value("civil_status", str(s)))
                              for s in CivilStatus], True),
        }
        pairs, optional = vocabularies[name]
        return _combo(self.body, pairs, optional=optional)

    def _form(self, names: tuple[str, ...]) -> QWidget:
        box = QWidget(self.body)
        form = QFormLayout(box)
        for name in names:
            editor = self._editor(name)
            editor.setAccessibleName(field_label(name))
            error = ErrorLabel(box)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(editor, 0, Qt.AlignmentFlag.AlignLeft if isinstance(
                editor, DateField) else Qt.AlignmentFlag(0))
            cell.addWidget(error)
            caption = QLabel("" if name in CHECK_FIELDS else field_label(name), box)
            caption.setBuddy(editor)
            form.addRow(caption, cell)
            self.editors[name], self.errors[name] = editor, error
        return box


def fill_editor(name: str, editor: QWidget, value: Any) -> None:
    if isinstance(editor, DateField):
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


def editor_value(editor: QWidget) -> Any:
    """The value typed; a :class:`FieldParseError` for a date that cannot be read."""
    if isinstance(editor, DateField):
        return editor.value()
    if isinstance(editor, QLineEdit):
        return editor.text().strip() or None
    if isinstance(editor, QCheckBox):
        return editor.isChecked()
    if isinstance(editor, QPlainTextEdit):
        return editor.toPlainText().strip() or None
    return editor.currentData()


def purposes_of(text: str | None) -> list[str]:
    return [p.strip() for p in (text or "").split(";") if p.strip()]


class NeedsConsentPage(FormPage):
    """Specific needs (clinical codes only for roles that see health data, enabled only for
    roles that record it) and consent: given or withdrawn, with its purposes. Who and when
    are recorded by the service on saving."""

    def __init__(self, actor: Actor, person: Person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QVBoxLayout(self.body)
        needs = QGroupBox(field_label("specific_needs"), self.body)
        self.needs_list = QListWidget(needs)
        self.needs_list.setSpacing(1)
        self.needs_list.setAccessibleName(field_label("specific_needs"))
        for code in SPECIFIC_NEEDS:
            if not can_see_need(actor.role, code):
                continue  # hidden from this role altogether (domain/permissions.py)
            item = QListWidgetItem(f"{need_label(code)} ({code})", self.needs_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            if can_record_need(actor.role, code):
                flags |= Qt.ItemFlag.ItemIsEnabled
            item.setFlags(flags)
        self.needs_list.setMinimumHeight(self.needs_list.sizeHintForRow(0) * 8)
        self.needs_error = ErrorLabel(needs)
        box = QVBoxLayout(needs)
        box.addWidget(self.needs_list)
        box.addWidget(self.needs_error)
        body.addWidget(needs, 1)

        consent = QGroupBox(self.tr("Consent to data processing"), self.body)
        layout = QVBoxLayout(consent)
        self.consent_given = QCheckBox(self.tr(
            "The person consents to the processing of their personal data for:"), consent)
        layout.addWidget(self.consent_given)
        grid = QGridLayout()
        grid.setContentsMargins(24, 0, 0, 0)
        known = [codes.tr(text) for text in codes.CONSENT_PURPOSES]
        stored = purposes_of(person.consent_purposes)
        self.purposes: list[QCheckBox] = []
        for i, text in enumerate(known + [p for p in stored if p not in known]):
            check = QCheckBox(text, consent)
            grid.addWidget(check, i // 2, i % 2)
            self.purposes.append(check)
        layout.addLayout(grid)
        if person.consent_at is not None:
            recorded = self.tr("Last recorded by {user} on {date}.").format(
                user=person.consent_by or "—", date=format_date(person.consent_at))
        elif person.consent_by:
            recorded = self.tr("Last recorded by {user}.").format(user=person.consent_by)
        else:
            recorded = self.tr("Not recorded yet.")
        self.recorded = QLabel(recorded + " " + self.tr(
            "A change is recorded with your user name ({user}) and the date and time of "
            "saving.").format(user=actor.username), consent)
        self.recorded.setWordWrap(True)
        layout.addWidget(self.recorded)
        self.consent_error = ErrorLabel(consent)
        layout.addWidget(self.consent_error)
        body.addWidget(consent)
        self.consent_given.toggled.connect(self._follow_consent)
        self._fill(person, stored)

    def _fill(self, person: Person, stored: list[str]) -> None:
        needs = set(person.specific_needs or [])
        for row in range(self.needs_list.count()):
            item = self.needs_list.item(row)
            checked = item.data(Qt.ItemDataRole.UserRole) in needs
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.consent_given.setChecked(bool(person.consent_given))
        for check in self.purposes:
            check.setChecked(check.text() in stored)
        self._follow_consent(bool(person.consent_given))
        self.stored_consent = self.consent()

    def _follow_consent(self, given: bool) -> None:
        for check in self.purposes:
            check.setEnabled(given)

    def checked_needs(self) -> list[str]:
        return [self.needs_list.item(r).data(Qt.ItemDataRole.UserRole)
                for r in range(self.needs_list.count())
                if self.needs_list.item(r).checkState() == Qt.CheckState.Checked]

    def consent(self) -> tuple[bool, tuple[str, ...]]:
        given = self.consent_given.isChecked()
        return given, tuple(c.text() for c in self.purposes if given and c.isChecked())

    def consent_changed(self) -> bool:
        return self.consent() != self.stored_consent
