"""Placement of a household (:mod:`services.placement`): the ranked suggestions with the
reasons of each (rules kept or relaxed), notices (DIF protection route, urgent care), and
what staff decide: accept a suggestion (everyone is checked in at once, with the bedding
kit) or choose other beds with a required reason (recorded as an override)."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.errors import AlbergueError
from ...domain.labels import label
from ...domain.placement_model import Member, Suggestion
from ...services import placement
from ...services.context import Actor
from ...services.placement import ChosenBed, PlacementProposal
from ...storage.db import Database
from ..health.common import colour_word
from ..ops import ERROR_STYLE, Changes, error_text, waiting_text, write_op
from ..tasks import TaskManager
from .labels import rule_label
from .stay_dialogs import bedding_boxes

NOTICE_STYLE = "background: #fff8e1; color: #5d4300; padding: 6px;"


class PlacementDialog(QDialog):
    """``placed(household_id)`` once the members are checked in."""

    placed = Signal(str)
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, household_id: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.household_id = household_id
        self.proposal: PlacementProposal | None = None
        self.busy = False
        self.setWindowTitle(self.tr("Place a household"))
        self.members_label = QLabel(self.tr("Loading…"), self)
        self.members_label.setWordWrap(True)
        self.notices = QLabel(self)
        self.notices.setWordWrap(True)
        self.notices.setStyleSheet(NOTICE_STYLE)
        self.notices.hide()
        self.suggestions = QListWidget(self)
        self.suggestions.setMinimumWidth(420)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.RichText)
        self.reasons.setAlignment(Qt.AlignmentFlag.AlignTop)
        reasons_box = QGroupBox(self.tr("Why this option"), self)
        QVBoxLayout(reasons_box).addWidget(self.reasons)
        options = QHBoxLayout()
        options.addWidget(self.suggestions, 1)
        options.addWidget(reasons_box, 1)
        kit_row, self.kit = bedding_boxes(self, "cot")
        kit = QHBoxLayout()
        kit.addWidget(QLabel(self.tr("Bedding kit for each member:"), self))
        kit.addWidget(kit_row, 1)

        self.override_box = QGroupBox(self.tr("Other beds (override)"), self)
        self.override_grid = QGridLayout()
        self.reason_edit = QLineEdit(self.override_box)
        self.reason_edit.setPlaceholderText(self.tr("Why the suggestion is not followed "
                                                    "(required)"))
        override_layout = QVBoxLayout(self.override_box)
        override_layout.addLayout(self.override_grid)
        override_layout.addWidget(QLabel(self.tr("&Reason:"), self.override_box,
                                         buddy=self.reason_edit))
        override_layout.addWidget(self.reason_edit)
        self.override_box.hide()
        self.bed_combos: dict[str, tuple[QComboBox, QComboBox]] = {}

        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.accept_button = QPushButton(self.tr("&Accept and check in"), self)
        self.override_button = QPushButton(self.tr("Choose &other beds…"), self)
        self.confirm_override_button = QPushButton(self.tr("Check in &with these beds"), self)
        self.confirm_override_button.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        for button in (self.accept_button, self.override_button,
                       self.confirm_override_button):
            button.setAutoDefault(False)
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        # Enter accepts the selected suggestion (or, choosing other beds, checks in with
        # them); it never cancels: Cancel answers Esc only
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.accept_button.setDefault(True)
        self.confirm_override_button.hide()  # shown with the override section
        buttons.rejected.connect(self.reject)
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.override_button.clicked.connect(self.start_override)
        self.confirm_override_button.clicked.connect(self.confirm_override)
        self.suggestions.currentRowChanged.connect(self._show_reasons)

        layout = QVBoxLayout(self)
        layout.addWidget(self.members_label)
        layout.addWidget(self.notices)
        layout.addLayout(options, 1)
        layout.addLayout(kit)
        layout.addWidget(self.override_box)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1000, 620)
        for button in (self.accept_button, self.override_button):
            button.setEnabled(False)
        self.tasks.run(partial(placement.suggest_for_household, db, actor, household_id),
                       self._show, self._failed)

    # --- showing ------------------------------------------------------------------------

    def _member_text(self, m: Member) -> str:
        parts = [label("sex", m.sex)]
        if m.age_months is not None and m.age_months < 24:
            parts.append(self.tr("%n month(s)", "", m.age_months))
        elif m.age_months is not None:
            parts.append(self.tr("%n year(s)", "", m.age_months // 12))
        else:
            parts.append(self.tr("no date of birth"))
        if m.age_in_doubt:
            parts.append(self.tr("age in doubt"))
        if m.pregnant or (m.triage is not None and m.triage.pregnant):
            parts.append(self.tr("pregnant"))
        if m.triage is not None:
            parts.append(self.tr("screening {colour}").format(colour=colour_word(
                m.triage.colour)))
        if m.unaccompanied:
            parts.append(self.tr("unaccompanied"))
        if m.separated:
            parts.append(self.tr("separated"))
        return f"<b>{escape(m.label)}</b> ({escape(', '.join(parts))})"

    def _show(self, proposal: PlacementProposal) -> None:
        self.proposal = proposal
        self.members_label.setText(self.tr("Members to place:") + " " + "; ".join(
            self._member_text(m) for m in proposal.members))
        notices = [n.text() for n in proposal.result.notices]
        self.notices.setText("\n".join("⚠ " + n for n in notices))
        self.notices.setVisible(bool(notices))
        names = {c.center_id: c for c in proposal.centers}
        areas = {a.area_id: a.name for c in proposal.centers for a in c.areas}
        for rank, s in enumerate(proposal.suggestions, 1):
            where = "; ".join(f"{names[c].code} · {names[c].name}" for c in s.center_ids)
            where += " — " + ", ".join(areas.get(a, a) for a in s.area_ids)
            beds = ", ".join(a.bed_code for a in s.assignments)
            status = (self.tr("✓ keeps every rule") if s.satisfies_all else
                      self.tr("relaxes: {rules}").format(
                          rules=", ".join(rule_label(r) for r in s.relaxed)))
            self.suggestions.addItem(f"{rank}. {where}\n    {beds}\n    {status}")
        if proposal.suggestions:
            self.suggestions.setCurrentRow(0)
            self.suggestions.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.reasons.setText(escape(self.tr("No suggestion: choose the beds and write "
                                                "the reason.")))
        self.accept_button.setEnabled(bool(proposal.suggestions))
        self.override_button.setEnabled(True)
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self.busy = False
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
        if self.proposal is None:
            self.members_label.setText(str(error))
        self.confirm_override_button.setEnabled(True)
        self.accept_button.setEnabled(self.proposal is not None
                                      and bool(self.proposal.suggestions))

    def selected(self) -> tuple[int, Suggestion] | None:
        row = self.suggestions.currentRow()
        if self.proposal is None or not 0 <= row < len(self.proposal.suggestions):
            return None
        return row + 1, self.proposal.suggestions[row]

    def _show_reasons(self, _row: int) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        _rank, s = chosen
        members = {m.person_id: m.label for m in self.proposal.members}
        lines = [("✓ " if e.satisfied else "✗ ") + escape(e.text()) for e in s.explanations]
        beds = [f"{escape(members.get(a.person_id, a.person_id))}: {escape(a.bed_code)}"
                for a in s.assignments]
        self.reasons.setText("<br>".join(lines) + "<br><br><b>" + escape(self.tr("Beds"))
                             + "</b><br>" + "<br>".join(beds))

    # --- deciding -----------------------------------------------------------------------

    def _kit(self) -> list[str]:
        return [code for code, box in self.kit.items() if box.isChecked()]

    def _run(self, fn) -> None:
        if self.busy:
            return
        self.busy = True
        self.accept_button.setEnabled(False)
        self.confirm_override_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Checking in…"))
        members = [m.person_id for m in self.proposal.members] if self.proposal else None
        # the household's people get stays and beds: their lines and the beds change
        write_op(self, self.tasks, fn,
                 changes=Changes.of("stays", "beds", person_ids=members,
                                    household_ids=[self.household_id]),
                 on_done=self._done, on_error=self._failed,
                 on_waiting=lambda: self.message.setText(waiting_text(self.tasks)))

    def accept_suggestion(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        rank, suggestion = chosen
        self._run(partial(placement.accept_placement, self.db, self.actor,
                          household_id=self.household_id, suggestion=suggestion, rank=rank,
                          bedding=self._kit()))

    def start_override(self) -> None:
        if self.proposal is None:
            return
        chosen = self.selected()
        for row, m in enumerate(self.proposal.members):
            if m.person_id in self.bed_combos:
                continue
            center_combo, bed_combo = QComboBox(self.override_box), QComboBox(self.override_box)
            for c in self.proposal.centers:
                center_combo.addItem(f"{c.code} · {c.name}", c.center_id)
            center_combo.currentIndexChanged.connect(partial(self._fill_beds, m.person_id))
            self.override_grid.addWidget(QLabel(escape(m.label), self.override_box), row, 0)
            self.override_grid.addWidget(center_combo, row, 1)
            self.override_grid.addWidget(bed_combo, row, 2)
            self.bed_combos[m.person_id] = (center_combo, bed_combo)
            bed = chosen[1].bed_of(m.person_id) if chosen else None
            if bed is not None:
                center_combo.setCurrentIndex(max(0, center_combo.findData(bed.center_id)))
            self._fill_beds(m.person_id)
            if bed is not None:
                bed_combo.setCurrentIndex(max(0, bed_combo.findData(bed.bed_id)))
        self.override_box.show()
        self.confirm_override_button.show()
        self.accept_button.setDefault(False)
        self.confirm_override_button.setDefault(True)
        self.reason_edit.setFocus()

    def _fill_beds(self, person_id: str, *_args) -> None:
        center_combo, bed_combo = self.bed_combos[person_id]
        center = next(c for c in self.proposal.centers
                      if c.center_id == center_combo.currentData())
        bed_combo.clear()
        bed_combo.addItem(self.tr("No bed for now"), None)
        for area in center.areas:
            for bed in area.free_beds:
                bed_combo.addItem(f"{bed.code} · {area.name}", bed.bed_id)

    def confirm_override(self) -> None:
        reason = self.reason_edit.text().strip()
        if not reason:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Write the reason for choosing other beds: it is "
                                         "required and recorded."))
            self.reason_edit.setFocus()
            return
        choice = [ChosenBed(pid, center.currentData(), bed.currentData())
                  for pid, (center, bed) in self.bed_combos.items()]
        chosen = self.selected()
        self._run(partial(placement.override_placement, self.db, self.actor,
                          household_id=self.household_id, choice=choice, reason=reason,
                          suggestion=chosen[1] if chosen else None,
                          rank=chosen[0] if chosen else None, bedding=self._kit()))

    def _done(self, _stays) -> None:
        self.busy = False
        self.placed.emit(self.household_id)
        self.accept()
