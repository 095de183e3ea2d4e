"""First page of a person: relationship, names, sex, date of birth or estimated age,
nationality, civil status, contact and arrival."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ...domain.enums import Relationship
from ...domain.labels import label
from ...domain.validation import MAX_NAME_LENGTH
from . import codes
from .fields import (
    MAX_AGE, CodeCombo, DateField, ErrorLabel, FieldParseError, FieldSlot, FormPage, IntField,
    birth_from_age, format_date,
)
from .photo_button import PhotoBox
from .row_list import watch

CONTACT_FIELDS = ("phone", "emergency_contact_name", "emergency_contact_phone")


class BasicTab(FormPage):

    def __init__(self, *, is_head: bool, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.is_head = is_head
        self.slots: list[FieldSlot] = []
        body = QHBoxLayout(self.body)
        identity = QGroupBox(self.tr("Identity"), self.body)
        contact = QGroupBox(self.tr("Contact and arrival"), self.body)
        right = QVBoxLayout()
        right.addWidget(contact)
        self.photo = PhotoBox(self.body)  # optional, saved with the household
        right.addWidget(self.photo)
        right.addStretch(1)
        body.addWidget(identity, 3)
        body.addLayout(right, 2)
        body.setAlignment(identity, Qt.AlignmentFlag.AlignTop)
        self._form = QFormLayout(identity)
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

        if is_head:
            self.relationship = CodeCombo([(Relationship.HEAD, label("relationship", "head"))],
                                          blank=None)
            self.relationship.setEnabled(False)
        else:
            self.relationship = CodeCombo(
                [p for p in codes.domain_pairs("relationship") if p[0] != Relationship.HEAD])
        self._row(self._form, self.tr("Relationship to the head"), "relationship",
                  self.relationship)
        self.given_names = self._line(MAX_NAME_LENGTH)
        self._row(self._form, self.tr("Given names *"), "given_names", self.given_names)
        self.surnames = self._line(MAX_NAME_LENGTH)
        self._row(self._form, self.tr("Surnames"), "surnames", self.surnames)
        self.sex = CodeCombo(codes.domain_pairs("sex"))
        self._row(self._form, self.tr("Sex *"), "sex", self.sex)

        self.birth_date = DateField()
        self.age = IntField(0, MAX_AGE)
        self.age_hint = QLabel()
        birth = QWidget()
        birth_row = QHBoxLayout(birth)
        birth_row.setContentsMargins(0, 0, 0, 0)
        birth_row.addWidget(self.birth_date)
        self.age_label = QLabel(self.tr("or estimated age (years)"))
        birth_row.addWidget(self.age_label)
        birth_row.addWidget(self.age)
        birth_row.addWidget(self.age_hint, 1)
        self.age_label.setBuddy(self.age)
        birth_errors = self._row(self._form, self.tr("Date of birth *"), "birth_date", birth,
                                 field=self.birth_date)
        self.slots.append(FieldSlot("age", self.age, birth_errors))
        self.age_in_doubt = QCheckBox(self.tr("Age in doubt: presumed a minor"))
        self.age_in_doubt.setToolTip(self.tr(
            "Tick when the age given or written on a document may be wrong. A person whose "
            "age is in doubt is presumed a minor (LGDNNA art. 5): placement keeps them away "
            "from unrelated adults and asks for the DIF protection route. An estimated date "
            "of birth alone is not doubt."))
        self._form.addRow("", self.age_in_doubt)

        countries = codes.domain_pairs("country")
        self.nationality = CodeCombo(countries)
        self.same_nationality = QCheckBox(self.tr("Same nationality as the head"))
        self._row(self._form, self.tr("Nationality"), "nationality",
                  self._with_check(self.nationality, self.same_nationality),
                  field=self.nationality)
        self.country_of_birth = CodeCombo(countries)
        self._row(self._form, self.tr("Country of birth"), "country_of_birth",
                  self.country_of_birth)
        self.civil_status = CodeCombo(codes.pairs(codes.CIVIL_STATUS_LABELS))
        self._row(self._form, self.tr("Civil status"), "civil_status", self.civil_status)

        form = QFormLayout(contact)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.same_contact = QCheckBox(self.tr("Same household address and contact"))
        self.same_contact.setToolTip(self.tr(
            "The household address is kept once for the whole household; this copies the "
            "phone and the emergency contact of the head."))
        form.addRow(self.same_contact)
        self.phone = self._line(24)
        self._row(form, self.tr("Phone"), "phone", self.phone)
        self.emergency_contact_name = self._line(MAX_NAME_LENGTH)
        self._row(form, self.tr("Emergency contact"), "emergency_contact_name",
                  self.emergency_contact_name)
        self.emergency_contact_phone = self._line(24)
        self._row(form, self.tr("Emergency contact phone"), "emergency_contact_phone",
                  self.emergency_contact_phone)
        self.arrival_date = DateField()
        self.arrival_date.set_value(today)
        self._row(form, self.tr("Arrival date"), "arrival_date", self.arrival_date)
        if is_head:
            self.same_nationality.hide()
            self.same_contact.hide()

        for widget in (self.relationship, self.given_names, self.surnames, self.sex,
                       self.birth_date, self.age, self.nationality, self.country_of_birth,
                       self.civil_status, self.phone, self.emergency_contact_name,
                       self.emergency_contact_phone, self.arrival_date, self.age_in_doubt,
                       self.same_nationality, self.same_contact):
            watch(widget, self.changed.emit)
        for slot in self.slots:
            slot.touched_changed.connect(self.touched.emit)
        self.birth_date.textChanged.connect(self._update_age)
        self.age.textChanged.connect(self._update_age)
        self.head: BasicTab | None = None
        self.same_nationality.toggled.connect(self.copy_from_head)
        self.same_contact.toggled.connect(self.copy_from_head)
        QWidget.setTabOrder(self.civil_status, self.same_contact)

    def _line(self, max_length: int) -> QLineEdit:
        line = QLineEdit()
        line.setMaxLength(max_length)
        return line

    def _with_check(self, widget: QWidget, check: QCheckBox) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(widget)
        row.addWidget(check)
        row.addStretch(1)
        return box

    def _row(self, form: QFormLayout, text: str, key: str, widget: QWidget, *,
             field: QWidget | None = None) -> ErrorLabel:
        """A labelled field with its error label under it."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        error = ErrorLabel()
        grows = isinstance(widget, QLineEdit) and not isinstance(widget, DateField)
        column.addWidget(widget, 0, Qt.AlignmentFlag(0) if grows else Qt.AlignmentFlag.AlignLeft)
        column.addWidget(error)
        caption = QLabel(text)
        caption.setBuddy(field or widget)
        form.addRow(caption, box)
        self.slots.append(FieldSlot(key, field or widget, error))
        return error

    # --- behaviour ------------------------------------------------------------------------

    def _update_age(self) -> None:
        """The age field is only for people without a date of birth; it shows the estimated
        date it gives."""
        has_date = bool(self.birth_date.text().strip())
        self.age.setEnabled(not has_date)
        self.age_label.setEnabled(not has_date)
        text = ""
        if not has_date:
            try:
                age = self.age.value()
            except FieldParseError:
                age = None
            if age is not None:
                text = self.tr("estimated: {date}").format(
                    date=format_date(birth_from_age(age, self.today)))
        self.age_hint.setText(text)

    def carry_over(self, previous: BasicTab) -> None:
        """A new member starts with what members of one household usually share: the
        surnames, the nationality and the arrival date of the member before (each can be
        changed; the household's address is already shared)."""
        self.surnames.setText(previous.surnames.text())
        if not self.same_nationality.isChecked():
            self.nationality.set_code(previous.nationality.code())
        if previous.arrival_date.text().strip():
            self.arrival_date.setText(previous.arrival_date.text())

    def set_head(self, head: BasicTab) -> None:
        self.head = head
        head.changed.connect(self.copy_from_head)

    def copy_from_head(self) -> None:
        """Fields the user asked to share with the head follow the head's values."""
        if self.head is None:
            return
        same_nat = self.same_nationality.isChecked()
        if same_nat:
            self.nationality.set_code(self.head.nationality.code())
        self.nationality.setEnabled(not same_nat)
        same_contact = self.same_contact.isChecked()
        for name in CONTACT_FIELDS:
            widget: QLineEdit = getattr(self, name)
            if same_contact:
                widget.setText(getattr(self.head, name).text())
            widget.setReadOnly(same_contact)

    def collect(self, data: dict, errors: dict[str, list[str]]) -> None:
        data["relationship"] = self.relationship.code()
        data["given_names"] = self.given_names.text().strip()
        data["surnames"] = self.surnames.text().strip()
        data["sex"] = self.sex.code() or ""
        data["birth_date"], data["birth_date_estimated"] = None, False
        try:
            data["birth_date"] = self.birth_date.value()
        except FieldParseError as exc:
            errors.setdefault("birth_date", []).append(str(exc))
        if data["birth_date"] is None and not self.birth_date.text().strip():
            try:
                age = self.age.value()
            except FieldParseError as exc:
                errors.setdefault("age", []).append(str(exc))
                errors.setdefault("birth_date", [])  # no "required" on top of it
                age = None
            if age is not None:
                data["birth_date"] = birth_from_age(age, self.today)
                data["birth_date_estimated"] = True
        data["age_in_doubt"] = self.age_in_doubt.isChecked()
        data["nationality"] = self.nationality.code()
        data["country_of_birth"] = self.country_of_birth.code()
        data["civil_status"] = self.civil_status.code()
        for name in CONTACT_FIELDS:
            data[name] = getattr(self, name).text().strip() or None
        try:
            data["arrival_date"] = self.arrival_date.value()
        except FieldParseError as exc:
            errors.setdefault("arrival_date", []).append(str(exc))
            data["arrival_date"] = None
        if not self.is_head and not data["relationship"]:
            errors.setdefault("relationship", []).append(
                self.tr("Choose the relationship to the head of household."))
