"""Specific needs, consent to data processing and notes of a person.

Clinical specific-needs codes (medical conditions, teenage pregnancy) are offered only to
roles that may see health data; the registration service refuses them from other roles."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QGridLayout, QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...domain.enums import SPECIFIC_NEEDS
from ...domain.permissions import can_record_need, can_see_need
from ...services.context import Actor
from . import codes
from .fields import ErrorLabel, FieldSlot, FormPage
from .row_list import watch

NEED_COLUMNS = 3


class NeedsTab(FormPage):

    def __init__(self, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor = actor
        body = QVBoxLayout(self.body)
        needs = QGroupBox(self.tr("Specific needs (UNHCR codes)"), self.body)
        grid = QGridLayout(needs)
        grid.setVerticalSpacing(2)
        self.needs: dict[str, QCheckBox] = {}
        # restricted codes (health, protection) only for the roles that may record them
        shown = [c for c in SPECIFIC_NEEDS
                 if can_see_need(actor.role, c) and can_record_need(actor.role, c)]
        rows = -(-len(shown) // NEED_COLUMNS)
        for i, code in enumerate(shown):  # column by column, so Tab reads down a column
            check = QCheckBox(f"{code}  {codes.need_label(code)}")
            check.setObjectName(f"need_{code}")
            grid.addWidget(check, i % rows, i // rows)
            self.needs[code] = check
            watch(check, self.changed.emit)
        body.addWidget(needs)

        consent = QGroupBox(self.tr("Consent to data processing"), self.body)
        box = QVBoxLayout(consent)
        self.consent_given = QCheckBox(self.tr(
            "The person consents to the processing of their personal data for:"))
        box.addWidget(self.consent_given)
        self.purposes: list[tuple[str, QCheckBox]] = []
        purposes = QGridLayout()
        purposes.setContentsMargins(24, 0, 0, 0)
        for i, text in enumerate(codes.CONSENT_PURPOSES):
            check = QCheckBox(codes.tr(text))
            check.setChecked(True)
            check.setEnabled(False)
            purposes.addWidget(check, i // 2, i % 2)
            self.purposes.append((codes.tr(text), check))
            watch(check, self.changed.emit)
        box.addLayout(purposes)
        recorded = QLabel(self.tr("Recorded with your user name ({user}) and the date and "
                                  "time of saving.").format(user=actor.username))
        recorded.setWordWrap(True)
        box.addWidget(recorded)
        self.consent_error = ErrorLabel(consent)
        box.addWidget(self.consent_error)
        self.slots = [FieldSlot("consent_given", self.consent_given, self.consent_error)]
        self.slots[0].touched_changed.connect(self.touched.emit)
        watch(self.consent_given, self.changed.emit)
        self.consent_given.toggled.connect(self._follow_consent)
        body.addWidget(consent)

        notes = QGroupBox(self.tr("Notes"), self.body)
        notes_box = QVBoxLayout(notes)
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.notes.fontMetrics().lineSpacing() * 3 + 14)
        self.notes.textChanged.connect(self.changed.emit)
        notes_box.addWidget(self.notes)
        body.addWidget(notes)
        body.addStretch(1)
        body.setAlignment(Qt.AlignmentFlag.AlignTop)

    def _follow_consent(self, given: bool) -> None:
        for _text, check in self.purposes:
            check.setEnabled(given)

    def all_slots(self) -> list[FieldSlot]:
        return self.slots

    def collect(self, data: dict, errors: dict[str, list[str]]) -> None:
        data["specific_needs"] = [c for c, check in self.needs.items() if check.isChecked()]
        given = self.consent_given.isChecked()
        data["consent_given"] = given
        data["consent_by"] = self.actor.username if given else None
        purposes = [text for text, check in self.purposes if check.isChecked()]
        data["consent_purposes"] = "; ".join(purposes) if given and purposes else None
        data["notes"] = self.notes.toPlainText().strip() or None
