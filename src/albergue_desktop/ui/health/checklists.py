"""Checklists of the screening form: the DGE respiratory symptoms with their onset (days
ago), plain lists of codes (chronic conditions, obstetric signs, disabilities), and the IITT
signs as check boxes whose long labels wrap (never cut) in two columns."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QSpinBox, QWidget,
)

from ...domain.clinical_enums import Symptom, clinical_label
from ...domain.respiratory import CASE_DEFINITION

MAX_ONSET_DAYS = 60


class SymptomChecklist(QWidget):
    """One row per symptom of the respiratory screen: a check box and how many days ago it
    began (0 = today). A symptom counts for the screen only when it began within the window
    (10 days); a row outside it says so. ``changed()`` on any change."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[Symptom, QCheckBox] = {}
        self.days: dict[Symptom, QSpinBox] = {}
        self.notes: dict[Symptom, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        major = [s for s in Symptom if s in CASE_DEFINITION.major]
        minor = [s for s in Symptom if s in CASE_DEFINITION.minor]
        row = 0
        for title, symptoms in ((self.tr("Major symptoms (1 or more)"), major),
                                (self.tr("Minor symptoms (1 or more)"), minor)):
            heading = QLabel(f"<b>{title}</b>", self)
            grid.addWidget(heading, row, 0, 1, 3)
            row += 1
            for symptom in symptoms:
                box = QCheckBox(clinical_label(symptom), self)
                spin = QSpinBox(self)
                spin.setRange(0, MAX_ONSET_DAYS)
                spin.setPrefix(self.tr("began "))
                spin.setSuffix(self.tr(" day(s) ago"))
                spin.setSpecialValueText(self.tr("began today"))
                spin.setEnabled(False)
                spin.setAccessibleName(self.tr("Days since {symptom} began").format(
                    symptom=clinical_label(symptom)))
                note = QLabel(self)
                note.setStyleSheet("color: #8a5a00;")
                box.toggled.connect(spin.setEnabled)
                box.toggled.connect(self._on_change)
                spin.valueChanged.connect(self._on_change)
                grid.addWidget(box, row, 0)
                grid.addWidget(spin, row, 1)
                grid.addWidget(note, row, 2)
                self.boxes[symptom], self.days[symptom], self.notes[symptom] = box, spin, note
                row += 1
        grid.setColumnStretch(2, 1)

    def _on_change(self, *_args) -> None:
        for symptom, spin in self.days.items():
            out = self.boxes[symptom].isChecked() and spin.value() > CASE_DEFINITION.window_days
            self.notes[symptom].setText(
                self.tr("more than {days} days: does not count").format(
                    days=CASE_DEFINITION.window_days) if out else "")
        self.changed.emit()

    def onsets(self, today: date) -> dict[Symptom, date]:
        """Checked symptoms -> onset date."""
        return {s: today - timedelta(days=self.days[s].value())
                for s, box in self.boxes.items() if box.isChecked()}

    def set_checked(self, symptom: Symptom, checked: bool = True, days_ago: int = 0) -> None:
        self.boxes[symptom].setChecked(checked)
        self.days[symptom].setValue(days_ago)

    def clear(self) -> None:
        for symptom in self.boxes:
            self.set_checked(symptom, False)


class CodeChecklist(QWidget):
    """Check boxes of codes laid out in ``columns``; ``checked()`` gives the codes."""

    changed = Signal()

    def __init__(self, items: Iterable[tuple[str, str]], columns: int = 2,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        items = list(items)
        per_column = -(-len(items) // columns)
        for i, (code, text) in enumerate(items):
            box = QCheckBox(text, self)
            box.toggled.connect(lambda _on: self.changed.emit())
            grid.addWidget(box, i % per_column, i // per_column)
            self.boxes[code] = box

    def checked(self) -> frozenset[str]:
        return frozenset(c for c, box in self.boxes.items() if box.isChecked())

    def set_checked(self, codes: Iterable[str]) -> None:
        codes = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 (Qt naming)
        super().setEnabled(enabled)
        if not enabled:
            self.set_checked(())


class _WrapLabel(QLabel):
    """The text of a check box that wraps; clicking it toggles the box (as a box's own text
    does)."""

    def __init__(self, text: str, box: QCheckBox, parent: QWidget) -> None:
        super().__init__(text, parent)
        self.box = box
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setBuddy(box)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt naming)
        if event.button() == Qt.MouseButton.LeftButton and self.box.isEnabled():
            self.box.toggle()
        super().mouseReleaseEvent(event)


class SignChecklist(QWidget):
    """Check boxes of codes in ``columns`` columns with wrapping labels (the IITT signs have
    long names); ``headings`` maps a code to a bold line shown before it. Tab moves through
    the boxes in reading order, column by column; Space ticks."""

    changed = Signal()

    def __init__(self, items: Iterable[tuple[str, str]], columns: int = 2,
                 headings: dict[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        self.labels: dict[str, QLabel] = {}
        headings = headings or {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(3)
        grid.setHorizontalSpacing(16)
        items = list(items)
        per_column = -(-(len(items) + len(headings)) // columns)
        row = column = 0
        for code, text in items:
            if code in headings:
                if row >= per_column - 1:
                    row, column = 0, column + 1
                heading = QLabel(f"<b>{headings[code]}</b>", self)
                heading.setWordWrap(True)
                heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
                grid.addWidget(heading, row, column)
                row += 1
            box = QCheckBox(self)
            box.setAccessibleName(text)
            box.toggled.connect(lambda _on: self.changed.emit())
            label = _WrapLabel(text, box, self)
            cell = QWidget(self)
            line = QHBoxLayout(cell)
            line.setContentsMargins(0, 0, 0, 0)
            line.setSpacing(4)
            line.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
            line.addWidget(label, 1)
            grid.addWidget(cell, row, column)
            self.boxes[code], self.labels[code] = box, label
            row += 1
            if row >= per_column:
                row, column = 0, column + 1
        for c in range(columns):
            grid.setColumnStretch(c, 1)
        boxes = list(self.boxes.values())
        for first, second in zip(boxes, boxes[1:]):
            QWidget.setTabOrder(first, second)

    def checked(self) -> frozenset[str]:
        return frozenset(c for c, box in self.boxes.items() if box.isChecked())

    def set_checked(self, codes: Iterable[str]) -> None:
        codes = set(codes)
        for code, box in self.boxes.items():
            box.setChecked(code in codes)

    def first_box(self) -> QCheckBox:
        return next(iter(self.boxes.values()))

    def last_box(self) -> QCheckBox:
        return list(self.boxes.values())[-1]
