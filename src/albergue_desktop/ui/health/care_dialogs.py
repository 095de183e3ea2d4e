"""The small health forms of a person's record: a referral, a referral's new status (with
the counter-referral note), a prenatal visit or postnatal check, a birth, a mental health
note. One base: Enter saves only when the form is valid (otherwise it says what is
missing), Ctrl+S too, Esc asks before discarding anything typed; the write runs on the
worker through one service call and a refusal keeps what was typed."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QGridLayout,
    QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QSpinBox, QVBoxLayout,
    QWidget,
)

from ...domain import clock
from ...domain.errors import PermissionDenied
from ...domain.i18n import translate
from ...domain.permissions import Permission
from ...domain.pregnancy import LABELS, POSTNATAL_SIGNS, PRENATAL_SIGNS, VisitKind
from ...services import mental_health, pregnancy, referrals
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, write_op
from ..tasks import TaskManager


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class CareDialog(QDialog):
    """Base of the forms. Subclasses build ``self.form`` rows, then call :meth:`finish`;
    they implement :meth:`values`, :meth:`problems` and :meth:`work`."""

    saved = Signal(object)
    permission = Permission.EDIT_HEALTH

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, title: str,
                 parent: QWidget | None = None) -> None:
        if not actor.can(self.permission):
            raise PermissionDenied(str(self.permission))
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.saving = False
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.save_button.setDefault(True)

    def finish(self, heading: str = "") -> None:
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        layout = QVBoxLayout(self)
        if heading:
            label = QLabel(heading, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._pristine = self.values()
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    # subclasses
    def values(self) -> Any:
        raise NotImplementedError

    def problems(self) -> list[str]:
        return []

    def work(self):
        raise NotImplementedError

    # shared behaviour
    def has_changes(self) -> bool:
        return self.values() != self._pristine

    def save(self) -> None:
        if self.saving:
            return
        problems = self.problems()
        if problems:
            self._show(" ".join(problems), error=True)
            return
        self.saving = True
        self.save_button.setEnabled(False)
        self._show(self.tr("Saving…"))
        write_op(self, self.tasks, self.work(), changes=Changes.of("screenings"),
                 on_done=self._saved, on_error=self._failed)

    def _saved(self, result) -> None:
        self.saving = False
        self._pristine = self.values()
        self.saved.emit(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self._show(error_text(error), error=True)

    def _show(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
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
            self, self.tr("Discard?"), self.tr("What was typed has not been saved. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard

    # small builders
    def _text(self, label: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(placeholder)
        self.form.addRow(QLabel(label, self, buddy=edit), edit)
        return edit

    def _memo(self, label: str, lines: int = 4) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(self.fontMetrics().lineSpacing() * lines + 12)
        self.form.addRow(QLabel(label, self, buddy=edit), edit)
        return edit

    def _combo(self, label: str, choices: list[tuple[str | None, str]]) -> QComboBox:
        combo = QComboBox(self)
        for value, text in choices:
            combo.addItem(text, value)
        self.form.addRow(QLabel(label, self, buddy=combo), combo)
        return combo

    def _optional_date(self, label: str, default: date) -> tuple[QCheckBox, QDateEdit]:
        box = QCheckBox(label, self)
        edit = QDateEdit(_qdate(default), self)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("dd/MM/yyyy")
        edit.setEnabled(False)
        box.toggled.connect(edit.setEnabled)
        self.form.addRow(box, edit)
        return box, edit

    @staticmethod
    def _date_of(box: QCheckBox, edit: QDateEdit) -> date | None:
        return edit.date().toPython() if box.isChecked() else None  # type: ignore[return-value]


def _required(*pairs: tuple[str, str]) -> list[str]:
    return [translate("{field}: this field is required.", field=name)
            for value, name in pairs if not value.strip()]


class ReferralDialog(CareDialog):
    def __init__(self, db, actor, tasks, person_id: str, parent=None, *,
                 consultation_id: str | None = None, heading: str = "") -> None:
        super().__init__(db, actor, tasks, self.tr("Referral"), parent)
        self.person_id, self.consultation_id = person_id, consultation_id
        self.destination = self._text(self.tr("&Destination:"),
                                      self.tr("Hospital, clinic or specialist"))
        self.specialty = self._text(self.tr("S&pecialty:"), self.tr("e.g. Gynaecology"))
        self.reason = self._memo(self.tr("&Reason:"), 3)
        self.urgency = self._combo(self.tr("&Urgency:"), [
            (u.value, translate(u.value)) for u in referrals.Urgency])
        self.transport = self._combo(self.tr("&Transport:"), [(None, self.tr("— not set —"))]
                                     + [(t.value, translate(t.value))
                                        for t in referrals.Transport])
        self.appointment = self._optional_date(self.tr("Appointment on"), clock.today())
        self.finish(heading)
        self.destination.setFocus()

    def values(self):
        return referrals.ReferralInput(
            destination=self.destination.text().strip(),
            reason=self.reason.toPlainText().strip(), urgency=self.urgency.currentData(),
            specialty=self.specialty.text().strip(),
            transport=self.transport.currentData() or "",
            appointment_date=self._date_of(*self.appointment),
            consultation_id=self.consultation_id)

    def problems(self) -> list[str]:
        data = self.values()
        return _required((data.destination, self.tr("Destination")),
                         (data.reason, self.tr("Reason")))

    def work(self):
        return partial(referrals.create_referral, self.db, self.actor,
                       person_id=self.person_id, referral=self.values())


class ReferralStatusDialog(CareDialog):
    """The next status of a referral: only the transitions the service allows are offered."""

    def __init__(self, db, actor, tasks, line: referrals.ReferralLine, parent=None) -> None:
        super().__init__(db, actor, tasks, self.tr("Referral status"), parent)
        self.line = line
        allowed = sorted(referrals.TRANSITIONS[referrals.ReferralStatus(line.status)])
        self.status = self._combo(self.tr("&New status:"), [
            (s.value, referrals.status_word(s)) for s in allowed])
        self.note = self._memo(self.tr("&Counter-referral:"), 4)
        self.appointment = self._optional_date(self.tr("New appointment on"), clock.today())
        self.finish(self.tr("{destination}: {status} since {day}").format(
            destination=line.destination, status=referrals.status_word(line.status),
            day=(line.status_at or line.referred_at).astimezone().strftime("%d/%m/%Y")))
        self.save_button.setEnabled(bool(allowed))

    def values(self):
        return (self.status.currentData(), self.note.toPlainText().strip(),
                self._date_of(*self.appointment))

    def problems(self) -> list[str]:
        status, note, _day = self.values()
        if status is None:
            return [self.tr("This referral is closed.")]
        if status == referrals.ReferralStatus.RETURNED and not note:
            return [translate("Write the counter-referral note.")]
        return []

    def work(self):
        status, note, day = self.values()
        return partial(referrals.set_status, self.db, self.actor, self.line.id, status,
                       note=note, appointment_date=day)


class PregnancyVisitDialog(CareDialog):
    def __init__(self, db, actor, tasks, person_id: str, parent=None, *,
                 kind: str = VisitKind.PRENATAL) -> None:
        super().__init__(db, actor, tasks, translate(LABELS[kind]), parent)
        self.person_id, self.kind = person_id, VisitKind(kind)
        self.weeks = QSpinBox(self)
        self.weeks.setRange(0, 45)
        self.weeks.setSpecialValueText(self.tr("not known"))
        self.delivery: tuple[QCheckBox, QDateEdit] | None = None
        if self.kind is VisitKind.PRENATAL:
            self.form.addRow(QLabel(self.tr("&Weeks of gestation:"), self, buddy=self.weeks),
                             self.weeks)
            self.due = self._optional_date(self.tr("Due date"), clock.today())
        else:
            self.weeks.hide()
            self.delivery = self._optional_date(self.tr("Delivered on"), clock.today())
        self.sbp = QSpinBox(self)
        self.dbp = QSpinBox(self)
        for box in (self.sbp, self.dbp):
            box.setRange(0, 260)
            box.setSpecialValueText("—")
            box.setSuffix(" mmHg")
        self.form.addRow(QLabel(self.tr("&Systolic pressure:"), self, buddy=self.sbp), self.sbp)
        self.form.addRow(QLabel(self.tr("D&iastolic pressure:"), self, buddy=self.dbp),
                         self.dbp)
        signs = PRENATAL_SIGNS if self.kind is VisitKind.PRENATAL else POSTNATAL_SIGNS
        grid = QGridLayout()
        self.signs: dict[str, QCheckBox] = {}
        for i, sign in enumerate(signs):
            box = QCheckBox(translate(LABELS[sign]), self)
            self.signs[sign] = box
            grid.addWidget(box, i // 2, i % 2)
        self.form.addRow(self.tr("Warning signs:"), grid)
        self.notes = self._memo(self.tr("&Notes:"), 3)
        self.finish(self.tr("Any warning sign or a pressure of 140/90 or more recommends a "
                            "referral today (NOM-007-SSA2-2016, WHO 2016)."))

    def values(self):
        due = self._date_of(*self.due) if self.kind is VisitKind.PRENATAL else None
        delivered = self._date_of(*self.delivery) if self.delivery else None
        return pregnancy.VisitInput(
            kind=self.kind, gestation_weeks=self.weeks.value() or None, due_date=due,
            delivery_date=delivered, systolic_bp=self.sbp.value() or None,
            diastolic_bp=self.dbp.value() or None,
            warning_signs=frozenset(k for k, b in self.signs.items() if b.isChecked()),
            notes=self.notes.toPlainText().strip())

    def problems(self) -> list[str]:
        errors = pregnancy.validate_visit(self.values(), visit_day=clock.today())
        return [e.message() for e in errors]

    def work(self):
        return partial(pregnancy.record_visit, self.db, self.actor, person_id=self.person_id,
                       visit=self.values())


class BirthDialog(CareDialog):
    def __init__(self, db, actor, tasks, mother_id: str, parent=None) -> None:
        super().__init__(db, actor, tasks, self.tr("Birth"), parent)
        self.mother_id = mother_id
        self.given = self._text(self.tr("&Given names of the baby:"))
        self.surnames = self._text(self.tr("S&urnames:"), self.tr("empty: the mother's"))
        self.sex = self._combo(self.tr("Se&x:"), [("F", self.tr("Female")),
                                                  ("M", self.tr("Male"))])
        self.born = QDateEdit(_qdate(clock.today()), self)
        self.born.setCalendarPopup(True)
        self.born.setDisplayFormat("dd/MM/yyyy")
        self.form.addRow(QLabel(self.tr("&Born on:"), self, buddy=self.born), self.born)
        self.place = self._text(self.tr("&Place:"), self.tr("Hospital"))
        self.delivery = self._combo(self.tr("&Delivery:"), [
            ("", self.tr("— not set —")), ("vaginal", self.tr("Vaginal")),
            ("cesarean", self.tr("Caesarean"))])
        self.weight = QSpinBox(self)
        self.weight.setRange(0, 7000)
        self.weight.setSpecialValueText("—")
        self.weight.setSuffix(" g")
        self.form.addRow(QLabel(self.tr("&Weight:"), self, buddy=self.weight), self.weight)
        self.certificate = self._text(self.tr("Birth &certificate number:"),
                                      self.tr("empty if not issued yet"))
        self.finish(self.tr("The baby is registered in the mother's household: born in "
                            "Mexicali, Mexican by birth; CURP pending."))
        self.given.setFocus()

    def values(self):
        return pregnancy.BirthInput(
            given_names=self.given.text().strip(), sex=self.sex.currentData(),
            born_on=self.born.date().toPython(),  # type: ignore[arg-type]
            surnames=self.surnames.text().strip() or None, place=self.place.text().strip(),
            delivery=self.delivery.currentData(), weight_g=self.weight.value() or None,
            birth_certificate=self.certificate.text().strip())

    def problems(self) -> list[str]:
        data = self.values()
        out = _required((data.given_names, self.tr("Given names")))
        if data.born_on > clock.today():
            out.append(translate("The date cannot be in the future."))
        return out

    def work(self):
        return partial(pregnancy.record_birth, self.db, self.actor, mother_id=self.mother_id,
                       birth=self.values())


class MentalHealthNoteDialog(CareDialog):
    permission = Permission.MENTAL_HEALTH

    def __init__(self, db, actor, tasks, person_id: str, parent=None) -> None:
        super().__init__(db, actor, tasks, self.tr("Mental health note"), parent)
        self.person_id = person_id
        kinds = {"first_aid": self.tr("Psychological first aid"),
                 "psychology": self.tr("Psychology"), "psychiatry": self.tr("Psychiatry"),
                 "group": self.tr("Group support"), "follow_up": self.tr("Follow-up")}
        self.kind = self._combo(self.tr("&Kind:"), list(kinds.items()))
        risks = {None: self.tr("— not assessed —"), "none": self.tr("None"),
                 "low": self.tr("Low"), "moderate": self.tr("Moderate"),
                 "high": self.tr("High: refer the same day")}
        self.risk = self._combo(self.tr("&Risk:"), list(risks.items()))
        self.note = self._memo(self.tr("&Note:"), 6)
        self.follow_up = self._optional_date(self.tr("Follow-up on"), clock.today())
        self.finish(self.tr("Confidential: only the health staff who treat see these notes."))
        self.note.setFocus()

    def values(self):
        return (self.kind.currentData(), self.risk.currentData(),
                self.note.toPlainText().strip(), self._date_of(*self.follow_up))

    def problems(self) -> list[str]:
        return _required((self.values()[2], self.tr("Note")))

    def work(self):
        kind, risk, note, follow = self.values()
        return partial(mental_health.record_note, self.db, self.actor,
                       person_id=self.person_id, kind=kind, note=note, risk=risk,
                       follow_up_date=follow)


