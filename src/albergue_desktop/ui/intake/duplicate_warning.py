"""The warning shown before saving when a member may already be registered (here or at
another center): open that record instead, continue (a different person), or go back."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from ...services.duplicates import DuplicateCandidate


class DuplicateWarning(QDialog):
    """Non-blocking (``open()``). Emits exactly one of ``open_record_chosen(person_id)``,
    ``different_person_chosen()`` or ``go_back_chosen()`` (also on Esc)."""

    open_record_chosen = Signal(str)
    different_person_chosen = Signal()
    go_back_chosen = Signal()

    def __init__(self, typed: str, candidates: list[DuplicateCandidate],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Possible duplicate"))
        self.setModal(True)
        self.candidates = candidates
        self._answered = False
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("You are registering <b>{typed}</b>.").format(
            typed=_escape(typed)))
        layout.addWidget(intro)
        self.setMinimumWidth(620)
        self.message = QLabel(self.describe(candidates[0]))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        font = self.message.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.message.setFont(font)
        layout.addWidget(self.message)
        self.details = QLabel(self.details_text(candidates[0]))
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        layout.addWidget(self.details)
        self.list = QListWidget(self)
        for candidate in candidates:
            item = QListWidgetItem(self.describe(candidate, short=True))
            item.setData(Qt.ItemDataRole.UserRole, candidate.person_id)
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        self.list.setVisible(len(candidates) > 1)
        self.list.currentRowChanged.connect(self._show_candidate)
        if len(candidates) > 1:
            layout.addWidget(QLabel(self.tr("Other possible matches:")))
            layout.addWidget(self.list)
        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Open that record instead"), self)
        self.different_button = QPushButton(self.tr("It is a &different person"), self)
        self.back_button = QPushButton(self.tr("Go &back"), self)
        for button in (self.open_button, self.different_button, self.back_button):
            buttons.addWidget(button)
        # Enter never creates a duplicate nor drops the household being typed: only "Go
        # back" answers it, wherever the focus is (the others need a click, Space or Alt+key)
        for button in (self.open_button, self.different_button):
            button.setAutoDefault(False)
        self.back_button.setAutoDefault(True)
        self.back_button.setDefault(True)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self._open_record)
        self.different_button.clicked.connect(self._different)
        self.back_button.clicked.connect(self.reject)

    def describe(self, c: DuplicateCandidate, *, short: bool = False) -> str:
        params = dict(name=c.full_name, folio=c.folio or "—", center=c.center_code or "?",
                      date=c.registered_on.isoformat() if c.registered_on else "?")
        if short:
            return self.tr("{name}, {folio}, center {center}, {date}").format(**params)
        return self.tr("This person may be {name}, {folio}, registered at center {center} "
                       "on {date}.").format(**params)

    def details_text(self, c: DuplicateCandidate) -> str:
        born = c.birth_date.strftime("%d/%m/%Y") if c.birth_date else "?"
        return self.tr("Born {born} · {center_name} · similarity {score}%").format(
            born=born, center_name=c.center_name or "?", score=round(c.match.score))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_candidate(self, row: int) -> None:
        candidate = self.candidates[max(row, 0)]
        self.message.setText(self.describe(candidate))
        self.details.setText(self.details_text(candidate))

    def selected_person_id(self) -> str:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else self.candidates[0].person_id

    def _open_record(self) -> None:
        person_id = self.selected_person_id()
        self._answered = True
        self.accept()
        self.open_record_chosen.emit(person_id)

    def _different(self) -> None:
        self._answered = True
        self.accept()
        self.different_person_chosen.emit()

    def reject(self) -> None:
        super().reject()
        if not self._answered:
            self._answered = True
            self.go_back_chosen.emit()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
