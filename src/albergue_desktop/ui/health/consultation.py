"""The consultation dialog (roles salud and supervision): reason, vital signs judged live by
the screening's rule table (the IITT colour badge), findings, an ICD-10 diagnosis searched
by code, Spanish or English words, plan, follow-up date and who attended. Saving appends a
consultation through :func:`services.consultations.record_consultation`; opened with an
earlier consultation it records a correction of it (the earlier one is kept).

Keyboard: Enter saves only when the form is valid (otherwise it shows what is missing);
Ctrl+S too; Esc asks before discarding anything typed."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QGroupBox, QHBoxLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem, QMessageBox,
    QPlainTextEdit, QPushButton, QVBoxLayout, QWidget,
)

from ...domain import clock, i18n, icd10
from ...domain.clinical_enums import Avpu, clinical_label
from ...domain.clinical_rules import age_in_months
from ...domain.errors import FieldError, PermissionDenied, ValidationError
from ...domain.permissions import Permission
from ...domain.triage import PLAUSIBLE, assess
from ...services import consultations
from ...services.consultations import ConsultationInput, ConsultationRecord
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, query_op, write_op
from ..tasks import TaskManager
from .common import ColourBadge, NumberField

VITAL_FIELDS = ("temperature_c", "heart_rate", "respiratory_rate", "systolic_bp",
                "diastolic_bp", "spo2", "weight_kg", "height_cm")
DECIMALS = {"temperature_c", "weight_kg", "height_cm"}


class ConsultationDialog(QDialog):
    """``saved(ConsultationRecord)`` once recorded (then the dialog closes)."""

    saved = Signal(object)

    def __init__(self, db: Database, actor: Actor, person_id: str, tasks: TaskManager,
                 parent: QWidget | None = None, *,
                 corrects: ConsultationRecord | None = None) -> None:
        if not actor.can(Permission.EDIT_HEALTH):
            raise PermissionDenied(str(Permission.EDIT_HEALTH))
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.person_id, self.corrects = person_id, corrects
        self.birth_date = None
        self.pregnant = False
        self.context: consultations.PersonContext | None = None
        self.saving = False
        self.errors: list[FieldError] = []
        self.setWindowTitle(self.tr("Correct consultation") if corrects
                            else self.tr("Medical consultation"))
        self.person_label = QLabel(self.tr("Loading…"), self)
        font = self.person_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.person_label.setFont(font)

        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Why the person comes (required)"))
        units = {"temperature_c": "°C", "heart_rate": self.tr("/min"),
                 "respiratory_rate": self.tr("/min"), "systolic_bp": "mmHg",
                 "diastolic_bp": "mmHg", "spo2": "%", "weight_kg": "kg", "height_cm": "cm"}
        self.vitals: dict[str, NumberField] = {}
        for name in VITAL_FIELDS:
            low, high = PLAUSIBLE[name]
            field = NumberField(units[name], low, high, decimals=name in DECIMALS, parent=self)
            field.hint.hide()
            field.changed.connect(self.recompute)
            self.vitals[name] = field
        self.avpu = QComboBox(self)
        self.avpu.addItem(self.tr("— not recorded —"), None)
        for level in Avpu:
            self.avpu.addItem(f"{level.value} · {clinical_label(level)}", level)
        self.avpu.currentIndexChanged.connect(lambda _i: self.recompute())
        self.badge = ColourBadge(self)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        vitals_box = QGroupBox(self.tr("Vital signs"), self)
        grid = QGridLayout(vitals_box)
        names = {"temperature_c": self.tr("&Temperature:"), "heart_rate": self.tr("&Heart rate:"),
                 "respiratory_rate": self.tr("&Respiratory rate:"),
                 "systolic_bp": self.tr("S&ystolic pressure:"),
                 "diastolic_bp": self.tr("Dias&tolic pressure:"), "spo2": "SpO&2:",
                 "weight_kg": self.tr("&Weight:"), "height_cm": self.tr("H&eight:")}
        for i, name in enumerate(VITAL_FIELDS):
            label = QLabel(names[name], vitals_box)
            label.setBuddy(self.vitals[name].edit)
            grid.addWidget(label, i % 4, (i // 4) * 2)
            grid.addWidget(self.vitals[name], i % 4, (i // 4) * 2 + 1)
        avpu_label = QLabel(self.tr("A&VPU:"), vitals_box)
        avpu_label.setBuddy(self.avpu)
        grid.addWidget(avpu_label, 4, 0)
        grid.addWidget(self.avpu, 4, 1, 1, 3)
        result = QVBoxLayout()
        result.addWidget(self.badge)
        result.addWidget(self.reasons)
        result.addStretch(1)
        grid.addLayout(result, 0, 4, 5, 1)
        grid.setColumnStretch(4, 1)

        self.findings = QPlainTextEdit(self)
        self.findings.setTabChangesFocus(True)
        self.findings.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.diagnosis_search = QLineEdit(self)
        self.diagnosis_search.setPlaceholderText(
            self.tr("Search ICD-10 by code or words (Spanish or English)"))
        self.diagnosis_list = QListWidget(self)
        self.diagnosis_list.setFixedHeight(self.fontMetrics().lineSpacing() * 6 + 12)
        self.diagnosis_code = QLabel(self)
        self.diagnosis_text = QLineEdit(self)
        self.diagnosis_text.setPlaceholderText(self.tr("Diagnosis as written on the record"))
        self.plan = QPlainTextEdit(self)
        self.plan.setTabChangesFocus(True)
        self.plan.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.follow_up = QCheckBox(self.tr("Follow-up on"), self)
        self.follow_up_date = QDateEdit(self)
        self.follow_up_date.setCalendarPopup(True)
        self.follow_up_date.setDisplayFormat("dd/MM/yyyy")
        today = clock.today()
        self.follow_up_date.setDate(QDate(today.year, today.month, today.day).addDays(7))
        self.follow_up_date.setEnabled(False)
        self.follow_up.toggled.connect(self.follow_up_date.setEnabled)
        self.follow_up.toggled.connect(lambda _c: self.recompute())
        self.follow_up_date.dateChanged.connect(lambda _d: self.recompute())
        self.attended_by = QLineEdit(actor.username, self)

        form = QFormLayout()
        form.addRow(QLabel(self.tr("&Reason:"), self, buddy=self.reason), self.reason)
        form.addRow(vitals_box)
        form.addRow(QLabel(self.tr("&Findings:"), self, buddy=self.findings), self.findings)
        diagnosis = QVBoxLayout()
        diagnosis.addWidget(self.diagnosis_search)
        diagnosis.addWidget(self.diagnosis_list)
        code_row = QHBoxLayout()
        code_row.addWidget(self.diagnosis_code)
        code_row.addWidget(self.diagnosis_text, 1)
        diagnosis.addLayout(code_row)
        form.addRow(QLabel(self.tr("&Diagnosis:"), self, buddy=self.diagnosis_search),
                    diagnosis)
        form.addRow(QLabel(self.tr("&Plan:"), self, buddy=self.plan), self.plan)
        follow = QHBoxLayout()
        follow.addWidget(self.follow_up)
        follow.addWidget(self.follow_up_date)
        follow.addStretch(1)
        form.addRow(self.tr("Follow-up:"), follow)
        form.addRow(QLabel(self.tr("Attended &by:"), self, buddy=self.attended_by),
                    self.attended_by)

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save consultation"), self)
        self.save_button.setDefault(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)

        layout = QVBoxLayout(self)
        layout.addWidget(self.person_label)
        if corrects is not None:
            note = QLabel(self.tr("This consultation corrects the one of {date}; that one is "
                                  "kept in the history.").format(
                date=corrects.attended_at.astimezone().strftime("%d/%m/%Y %H:%M")), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(860, 760)

        self.diagnosis_search.textChanged.connect(self._search)
        self.diagnosis_search.returnPressed.connect(self._pick_first)
        self.diagnosis_list.itemActivated.connect(self._pick)
        self.diagnosis_list.itemClicked.connect(self._pick)
        self.reason.textChanged.connect(lambda _t: self.recompute())
        self._set_code("")
        if corrects is not None:
            self._fill(corrects.input)
        self._pristine = self.values()
        query_op(self, tasks, partial(consultations.person_context, db, actor, person_id),
                 self._show_person,
                 on_error=lambda e: self._show_message(error_text(e), error=True))
        self.recompute()
        self.reason.setFocus()

    # --- filling and reading ------------------------------------------------------------

    def _fill(self, data: ConsultationInput) -> None:
        self.reason.setText(data.reason)
        for name in VITAL_FIELDS:
            self.vitals[name].set_value(getattr(data, name))
        self.avpu.setCurrentIndex(max(self.avpu.findData(data.avpu), 0))
        self.findings.setPlainText(data.findings)
        self._set_code(data.diagnosis_code)
        self.diagnosis_text.setText(data.diagnosis_text)
        self.plan.setPlainText(data.plan)
        if data.follow_up_date is not None:
            self.follow_up.setChecked(True)
            d = data.follow_up_date
            self.follow_up_date.setDate(QDate(d.year, d.month, d.day))
        self.attended_by.setText(data.attended_by or self.actor.username)

    def values(self) -> ConsultationInput:
        follow = self.follow_up_date.date().toPython() if self.follow_up.isChecked() else None
        return ConsultationInput(
            reason=self.reason.text().strip(),
            **{name: self.vitals[name].value() for name in VITAL_FIELDS},  # type: ignore[arg-type]
            avpu=self.avpu.currentData(), findings=self.findings.toPlainText().strip(),
            diagnosis_code=self._code, diagnosis_text=self.diagnosis_text.text().strip(),
            plan=self.plan.toPlainText().strip(), follow_up_date=follow,
            attended_by=self.attended_by.text().strip())

    def has_changes(self) -> bool:
        return self.values() != self._pristine

    def _show_person(self, context: consultations.PersonContext) -> None:
        self.context = context
        self.birth_date, self.pregnant = context.birth_date, context.pregnant
        text = f"{context.name} · {context.folio or '—'}"
        if context.pregnant:
            text += " · " + self.tr("pregnant (pressure judged with the pregnancy rows)")
        self.person_label.setText(text)
        self.recompute()

    # --- diagnosis search ---------------------------------------------------------------

    def _search(self, text: str) -> None:
        self.diagnosis_list.clear()
        language = i18n.language()
        for d in icd10.search(text, limit=40):
            item = QListWidgetItem(f"{d.code}  {d.name(language)}", self.diagnosis_list)
            item.setData(Qt.ItemDataRole.UserRole, d.code)
            if d.name_es and language != "es":
                item.setToolTip(d.name_es)
            elif d.name_es:
                item.setToolTip(d.name_en)

    def _pick_first(self) -> None:
        if self.diagnosis_list.count():
            self._pick(self.diagnosis_list.item(0))

    def _pick(self, item: QListWidgetItem) -> None:
        code = item.data(Qt.ItemDataRole.UserRole)
        self._set_code(code)
        found = icd10.lookup(code)
        if found is not None:
            self.diagnosis_text.setText(found.name(i18n.language()))
        self.plan.setFocus()
        self.recompute()

    def _set_code(self, code: str) -> None:
        self._code = code or ""
        self.diagnosis_code.setText(f"<b>{self._code}</b>" if self._code
                                    else self.tr("(no code)"))

    # --- live result and validation -----------------------------------------------------

    def recompute(self) -> None:
        data = self.values()
        today = clock.today()
        self.errors = consultations.validate_consultation(data, visit_day=today)
        age = age_in_months(self.birth_date, today) if self.birth_date else None
        result = assess(data.vitals(pregnant=self.pregnant), age_months=age)
        if all(getattr(data, name) is None for name in (*VITAL_FIELDS, "avpu")):
            self.badge.colour = None  # nothing measured: no colour to show yet
            self.badge.setText(self.tr("No vital signs"))
            self.badge.setStyleSheet("color: palette(mid); border: 1px dashed palette(mid);")
        else:
            self.badge.set_colour(result.colour)
        self.reasons.setText("<br>".join(escape(f.text()) for f in result.findings[:6]))
        shown = {e.field for e in self.errors}
        for name, field in self.vitals.items():
            field.set_error(next((e.message() for e in self.errors if e.field == name), None))
        self.reason.setStyleSheet("QLineEdit { border: 2px solid #b00020; }"
                                  if "reason" in shown and data != self._pristine_or_none()
                                  else "")
        self.save_button.setEnabled(not self.errors and not self.saving)

    def _pristine_or_none(self):
        return getattr(self, "_pristine", None)

    def save(self) -> None:
        if self.saving:
            return
        self.recompute()
        if self.errors:
            self._show_message(ValidationError(self.errors).message(), error=True)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self._show_message(self.tr("Saving…"))
        write_op(self, self.tasks,
                 partial(consultations.record_consultation, self.db, self.actor,
                         person_id=self.person_id, consultation=self.values(),
                         corrects_id=self.corrects.id if self.corrects else None),
                 changes=Changes.of("screenings"), on_done=self._saved, on_error=self._failed)

    def _saved(self, record: ConsultationRecord) -> None:
        self.saving = False
        self._pristine = self.values()
        self.saved.emit(record)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self._show_message(error_text(error), error=True)
        self.recompute()

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # --- Enter and Esc ------------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.focusWidget() is not self.diagnosis_search:
            self.save()  # saves only when valid; otherwise says what is missing
            return
        super().keyPressEvent(event)

    def reject(self) -> None:
        if self.saving:
            return
        if self.has_changes() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard consultation?"),
            self.tr("What was typed in this consultation has not been saved. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
