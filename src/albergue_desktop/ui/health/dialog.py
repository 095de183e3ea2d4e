"""The screening dialog (roles salud and supervision): one visit of one person (or of each
member of a household in turn), with the result computed live from the domain's rule table
and the person's vaccination summary. Saving appends a new visit through
:func:`services.screening.record_screening`; an earlier visit is never changed."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QScrollArea, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.clinical_enums import TriageColour
from ...domain.clinical_rules import age_in_months
from ...domain.errors import FieldError, PermissionDenied
from ...domain.labels import label
from ...domain.permissions import Permission
from ...domain.respiratory import symptoms_in_window
from ...domain.triage import ScreeningInput, TriageResult, assess, validate_screening
from ...services import people, screening
from ...services.context import Actor
from ...services.vaccination_summary import VaccinationSummary, vaccination_summary
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, query_op, write_op
from ..tasks import TaskManager
from .common import colour_word
from .form import ScreeningForm
from .result_panel import ResultPanel, _rich, vaccination_html


@dataclass(frozen=True)
class PersonFacts:
    person_id: str
    folio: str | None
    name: str
    sex: str
    birth_date: date | None
    visits: int
    latest: screening.ScreeningRecord | None
    vaccination: VaccinationSummary


def load_facts(db: Database, actor: Actor, person_id: str) -> PersonFacts:
    person = people.get_person(db, actor, person_id)
    history = screening.screenings_of(db, actor, person_id)
    current = next((r for r in history if r.is_current), None)
    return PersonFacts(person.id, person.folio, f"{person.given_names} {person.surnames.upper()}",
                       person.sex, person.birth_date, len(history), current,
                       vaccination_summary(db, actor, person_id))


def names_of(db: Database, actor: Actor, person_ids: list[str]) -> list[tuple[str, str]]:
    """(person id, "folio · name") of each person, for the member chooser (on the worker)."""
    out = []
    for pid in person_ids:
        p = people.get_person(db, actor, pid)
        out.append((pid, f"{p.folio or '—'} · {p.given_names} {p.surnames.upper()}"))
    return out


class ScreeningDialog(QDialog):
    """``saved(person_id)`` after each visit is recorded. Refuses roles without
    EDIT_HEALTH (the service refuses them too)."""

    saved = Signal(str)

    def __init__(self, db: Database, actor: Actor, person_ids: list[str], tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        if not actor.can(Permission.EDIT_HEALTH):
            raise PermissionDenied(str(Permission.EDIT_HEALTH))
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.person_ids = list(person_ids)
        self.facts: PersonFacts | None = None
        self.result: TriageResult | None = None
        self.errors: list[FieldError] = []
        self.saving = False
        self.setWindowTitle(self.tr("Health screening"))

        self.person_combo = QComboBox(self)
        self.person_combo.setVisible(len(self.person_ids) > 1)
        self.person_label = QLabel(self.tr("Loading…"), self)
        font = self.person_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.person_label.setFont(font)
        self.previous_label = QLabel(self)
        self.form = ScreeningForm(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # without a horizontal scroll bar, a narrower window would cut off the right column
        # of the signs and check lists: the form's area never gets narrower than the form
        scroll.setMinimumWidth(self.form.minimumSizeHint().width()
                               + scroll.verticalScrollBar().sizeHint().width()
                               + 2 * scroll.frameWidth())
        self.form_scroll = scroll
        self.panel = ResultPanel(self)
        self.raise_combo = QComboBox(self)
        self.raise_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.raise_reason = QLineEdit(self)
        self.raise_reason.setPlaceholderText(self.tr("Why (required to raise)"))
        self.raise_reason.setEnabled(False)
        raise_box = QGroupBox(self.tr("Clinical judgement: raise the colour"), self)
        raise_form = QFormLayout(raise_box)
        raise_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        raise_form.addRow(QLabel(self.tr("Ra&ise to:"), raise_box, buddy=self.raise_combo),
                          self.raise_combo)
        raise_form.addRow(QLabel(self.tr("R&eason:"), raise_box, buddy=self.raise_reason),
                          self.raise_reason)
        raise_note = QLabel(self.tr("The colour the rules computed is kept too; it can be "
                                    "raised, never lowered."), raise_box)
        raise_note.setWordWrap(True)
        raise_note.setStyleSheet("color: palette(mid);")
        raise_form.addRow(raise_note)
        self.raise_combo.currentIndexChanged.connect(self._on_raise_changed)
        self.raise_reason.textChanged.connect(lambda _t: self.recompute())
        self.vaccination = _rich(self)
        vaccination_box = QGroupBox(self.tr("Vaccination"), self)
        QVBoxLayout(vaccination_box).addWidget(self.vaccination)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.panel)
        right_layout.addWidget(raise_box)
        right_layout.addWidget(vaccination_box)
        right_layout.addStretch(1)
        self._right = right
        right_scroll = QScrollArea(self)
        right_scroll.setWidgetResizable(True)
        right_scroll.setWidget(right)
        right_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        right_scroll.setMinimumWidth(440)
        self._right_scroll = right_scroll
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save visit"), self)
        self.save_button.setToolTip(self.tr("Record this visit as a new entry (Ctrl+S)"))
        self.save_button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        header = QHBoxLayout()
        header.addWidget(self.person_combo)
        header.addWidget(self.person_label, 1)
        body = QHBoxLayout()
        body.addWidget(scroll, 3)
        body.addWidget(right_scroll, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.previous_label)
        layout.addLayout(body, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1340, 720)

        self.form.changed.connect(self.recompute)
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        self.person_combo.currentIndexChanged.connect(self._on_person_chosen)
        self._names: dict[str, str] = {}
        self._load(self.person_ids[0])
        if len(self.person_ids) > 1:
            query_op(self, self.tasks, partial(names_of, self.db, self.actor, self.person_ids),
                     self._fill_combo, on_error=self._failed)
        self.recompute()
        self.form.fields["temperature_c"].setFocus()

    # --- loading ------------------------------------------------------------------------

    def _fill_combo(self, names: list[tuple[str, str]]) -> None:
        self.person_combo.blockSignals(True)
        for pid, text in names:
            self.person_combo.addItem(text, pid)
        self.person_combo.blockSignals(False)

    def _on_person_chosen(self, index: int) -> None:
        person_id = self.person_combo.itemData(index)
        if person_id and (self.facts is None or person_id != self.facts.person_id):
            self.form.clear()
            self.message.clear()
            self._load(person_id)

    def _load(self, person_id: str) -> None:
        self.facts = None
        self.save_button.setEnabled(False)
        query_op(self, self.tasks, partial(load_facts, self.db, self.actor, person_id),
                 self._show_facts, on_error=self._failed)

    def _show_facts(self, facts: PersonFacts) -> None:
        self.facts = facts
        age = self.age_months()
        parts = [facts.name, facts.folio or "—", label("sex", facts.sex)]
        if age is not None:
            parts.append(self.tr("%n year(s)", "", age // 12) if age >= 24
                         else self.tr("%n month(s)", "", age))
        else:
            parts.append(self.tr("age unknown"))
        self.person_label.setText(" · ".join(parts))
        if facts.latest is None:
            self.previous_label.setText(self.tr("First screening of this person."))
        else:
            self.previous_label.setText(self.tr(
                "Previous visits: {count}; the latest on {date}: {colour}. This visit is "
                "added as a new entry.").format(
                count=facts.visits, date=facts.latest.screened_at.astimezone().strftime(
                    "%d/%m/%Y %H:%M"), colour=colour_word(facts.latest.final_colour)))
        self.vaccination.setText(vaccination_html(facts.vaccination))
        self.form.set_person(facts.sex, age)
        self.recompute()

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        self.saving = False
        self._show_message(text, error=True)
        self.recompute()

    def age_months(self) -> int | None:
        if self.facts is None or self.facts.birth_date is None:
            return None
        return age_in_months(self.facts.birth_date, clock.today())

    # --- live result --------------------------------------------------------------------

    def recompute(self) -> None:
        today = clock.today()
        data, onsets = self.form.values(today)
        self.errors = validate_screening(data)
        if data.pregnant and self.facts is not None and self.facts.sex == "M":
            self.errors.append(FieldError("pregnant", "A pregnancy cannot be recorded for a "
                                                      "man."))
        live = dataclasses.replace(data, symptoms=symptoms_in_window(onsets, today=today))
        self.result = assess(live, age_months=self.age_months())
        self._fill_raise_choices(self.result.colour)
        raise_to = self._raise_to()
        if raise_to is not None and not self.raise_reason.text().strip():
            self.errors.append(FieldError("raise_reason", screening.RAISE_NEEDS_REASON))
        self.panel.show_result(self.result, raise_to)
        self.form.show_errors(self.errors)
        self._fit_right()
        self.panel.show_errors(self.errors, self._field_names())
        empty = data == ScreeningInput()
        self.save_button.setEnabled(self.facts is not None and not self.errors
                                    and not self.saving and not empty)

    def _fit_right(self) -> None:
        """Wrapped texts of the result column need their height for the column's width; a
        scroll area only asks for the minimum, so set it (long reasons then scroll, never
        overlap)."""
        layout = self._right.layout()
        width = self._right_scroll.viewport().width()
        if layout is not None and width > 0:
            self._right.setMinimumHeight(layout.totalHeightForWidth(width))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        super().resizeEvent(event)
        self._fit_right()

    def _fill_raise_choices(self, computed: TriageColour) -> None:
        """Offer only colours above the computed one (the service refuses the others)."""
        current = self.raise_combo.currentData()
        higher = [c for c in (TriageColour.YELLOW, TriageColour.RED) if c.rank > computed.rank]
        wanted = [None, *higher]
        have = [self.raise_combo.itemData(i) for i in range(self.raise_combo.count())]
        if have == wanted:
            return
        self.raise_combo.blockSignals(True)
        self.raise_combo.clear()
        self.raise_combo.addItem(self.tr("— no change —"), None)
        for colour in higher:
            self.raise_combo.addItem(colour_word(colour), colour)
        index = self.raise_combo.findData(current) if current in higher else 0
        self.raise_combo.setCurrentIndex(max(index, 0))
        self.raise_combo.blockSignals(False)
        self.raise_combo.setEnabled(bool(higher))
        self.raise_reason.setEnabled(self.raise_combo.currentData() is not None)

    def _raise_to(self) -> TriageColour | None:
        data = self.raise_combo.currentData()
        return TriageColour(data) if data is not None else None

    def _on_raise_changed(self, _index: int) -> None:
        self.raise_reason.setEnabled(self.raise_combo.currentData() is not None)
        self.recompute()

    def _field_names(self) -> dict[str, str]:
        return {"temperature_c": self.tr("Temperature"), "heart_rate": self.tr("Heart rate"),
                "respiratory_rate": self.tr("Respiratory rate"),
                "systolic_bp": self.tr("Systolic pressure"),
                "diastolic_bp": self.tr("Diastolic pressure"), "spo2": "SpO2",
                "weight_kg": self.tr("Weight"), "height_cm": self.tr("Height"),
                "gestation_weeks": self.tr("Weeks of gestation"),
                "obstetric_signs": self.tr("Warning signs"), "pregnant": self.tr("Pregnancy"),
                "raise_reason": self.tr("Raise the colour")}

    # --- saving -------------------------------------------------------------------------

    def save(self) -> None:
        if not self.save_button.isEnabled() or self.facts is None:
            return
        data, onsets = self.form.values(clock.today())
        self.saving = True
        self.save_button.setEnabled(False)
        self._show_message(self.tr("Saving…"))
        raise_to = self._raise_to()
        write_op(self, self.tasks,
                 partial(screening.record_screening, self.db, self.actor,
                         person_id=self.facts.person_id, screening=data,
                         symptom_onsets=onsets, raise_to=raise_to,
                         raise_reason=self.raise_reason.text() if raise_to else None),
                 changes=Changes.of("screenings"), on_done=self._saved, on_error=self._failed)

    def _saved(self, record: screening.ScreeningRecord) -> None:
        self.saving = False
        name = self.facts.name if self.facts else ""
        self._show_message(self.tr("Visit of {name} saved: {colour}. Earlier visits are kept "
                                   "as they were.").format(
            name=name, colour=colour_word(record.final_colour)))
        self.saved.emit(record.person_id)
        self.raise_combo.setCurrentIndex(0)
        self.raise_reason.clear()
        self.form.clear()
        index = self.person_ids.index(record.person_id) if record.person_id in \
            self.person_ids else -1
        if 0 <= index < len(self.person_ids) - 1 and self.person_combo.count():
            self.person_combo.setCurrentIndex(index + 1)  # the next member of the household
        else:
            self._load(record.person_id)

    def _show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
