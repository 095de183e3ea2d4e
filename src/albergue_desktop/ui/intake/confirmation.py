"""What the worker sees after a household is saved: each member's folio and name, and the
next steps (health screening, bed assignment) or another registration."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.labels import label
from ...services.people import Registration

MAX_ROWS_SHOWN = 12


class ConfirmationPage(QWidget):
    """Signals: ``step_chosen(step)`` with ``"screening"``, ``"bed"`` or ``"cards"``,
    ``another_chosen``
    (register another household), ``close_chosen``."""

    step_chosen = Signal(str)
    another_chosen = Signal()
    close_chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(self.tr("Write the folio on each person's wristband or card.")))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Folio"), self.tr("Name"), self.tr("Relationship")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        layout.addWidget(QLabel(self.tr("Next step for this household:")))
        buttons = QHBoxLayout()
        self.screening_button = QPushButton(self.tr("Health &screening"), self)
        self.bed_button = QPushButton(self.tr("Assign &beds"), self)
        self.cards_button = QPushButton(self.tr("Print &ID cards"), self)
        self.another_button = QPushButton(self.tr("Register &another household"), self)
        self.close_button = QPushButton(self.tr("&Close"), self)
        for button in (self.screening_button, self.bed_button, self.cards_button,
                       self.another_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.screening_button.clicked.connect(lambda: self.step_chosen.emit("screening"))
        self.bed_button.clicked.connect(lambda: self.step_chosen.emit("bed"))
        self.cards_button.clicked.connect(lambda: self.step_chosen.emit("cards"))
        self.another_button.clicked.connect(self.another_chosen.emit)
        self.close_button.clicked.connect(self.close_chosen.emit)

    def show_registration(self, registration: Registration, names: list[str],
                          relationships: list[str | None]) -> None:
        count = len(registration.folios)
        self.title.setText(self.tr("Household registered: %n person(s)", "", count))
        self.table.setRowCount(count)
        folio_font = QFont(self.table.font())
        folio_font.setBold(True)
        folio_font.setPointSizeF(folio_font.pointSizeF() * 1.2)
        for row, (folio, name, relationship) in enumerate(
                zip(registration.folios, names, relationships)):
            items = [QTableWidgetItem(folio), QTableWidgetItem(name),
                     QTableWidgetItem(label("relationship", relationship))]
            items[0].setFont(folio_font)
            for column, item in enumerate(items):
                self.table.setItem(row, column, item)
        row_height = max(QFontMetrics(folio_font).height(), self.table.fontMetrics().height())
        self.table.verticalHeader().setDefaultSectionSize(row_height + 10)
        for row in range(count):
            self.table.setRowHeight(row, row_height + 10)
        visible = min(count, MAX_ROWS_SHOWN)  # a bigger household scrolls
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height()
                                  + visible * (row_height + 10) + 2 * self.table.frameWidth())
        self.screening_button.setFocus()
