"""The health section of the person record (only for roles that may see health data): every
screening visit, latest first, with its colour (a clinician's raised colour, with the computed
one under it, and who raised it and why), reasons and who screened; the vaccination
summary with the children's schedule gaps; and "New screening" for roles that record."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.permissions import Permission
from ...services import screening
from ...services.context import Actor
from ...services.vaccination_summary import vaccination_summary
from ...storage.db import Database
from ..ops import error_text, query_op
from ..tasks import TaskManager
from .common import COLOURS, colour_word
from .result_panel import _rich, vaccination_html


def _load(db: Database, actor: Actor, person_id: str):
    return (screening.screenings_of(db, actor, person_id),
            vaccination_summary(db, actor, person_id))


class HealthSection(QGroupBox):
    """``loaded()`` after each reload; ``changed(person_id)`` after a visit is recorded."""

    loaded = Signal()
    changed = Signal(str)

    def __init__(self, db: Database, actor: Actor, person_id: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Health: screenings and vaccination"))
        self._db, self._actor, self._tasks = db, actor, tasks
        self.person_id = person_id
        self.records: list[screening.ScreeningRecord] | None = None
        self._dialog = None
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Visit"), self.tr("Colour"), self.tr("Reasons"), self.tr("Screened by")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.empty_label = QLabel("<i>" + self.tr("No screening recorded.") + "</i>", self)
        self.vaccination = _rich(self)
        self.new_button = QPushButton(self.tr("New &screening…"), self)
        self.new_button.setVisible(actor.can(Permission.EDIT_HEALTH))
        self.new_button.clicked.connect(self.new_screening)
        top = QHBoxLayout()
        top.addWidget(self.empty_label, 1)
        top.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(QLabel("<b>" + self.tr("Vaccination") + "</b>", self))
        layout.addWidget(self.vaccination)
        self.reload()

    def reload(self) -> None:
        query_op(self, self._tasks, partial(_load, self._db, self._actor, self.person_id),
                 self._show, on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.empty_label.setText(error_text(error))

    def _show(self, loaded) -> None:
        records, summary = loaded
        self.records = records
        self.table.setRowCount(len(records))
        for row, record in enumerate(records):
            when = record.screened_at.astimezone().strftime("%d/%m/%Y %H:%M")
            if not record.is_current:
                when += "\n" + self.tr("(corrected later)")
            text = colour_word(record.final_colour)
            if record.raised:
                text += "\n" + self.tr("(computed: {colour})").format(
                    colour=colour_word(record.computed_colour))
            colour = QTableWidgetItem(text)
            background, foreground = COLOURS[record.final_colour]
            colour.setBackground(QBrush(QColor(background)))
            colour.setForeground(QBrush(QColor(foreground)))
            colour.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            font = colour.font()
            font.setBold(True)
            colour.setFont(font)
            reasons = "\n".join(text for _id, text in record.triage.reasons) or "—"
            if record.raised:
                reasons = self.tr("Raised to {colour} by {user}: {reason}").format(
                    colour=colour_word(record.final_colour), user=record.raised_by or "—",
                    reason=record.raise_reason or "—") + "\n" + reasons
            cells = [QTableWidgetItem(when), colour, QTableWidgetItem(reasons),
                     QTableWidgetItem(record.screened_by)]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(len(records)))
        self.table.setFixedHeight(min(self.table.horizontalHeader().height() + rows_height
                                      + 2 * self.table.frameWidth() + 2, 280))
        self.table.setVisible(bool(records))
        self.empty_label.setText(
            self.tr("%n visit(s), the latest first.", "", len(records)) if records
            else "<i>" + self.tr("No screening recorded.") + "</i>")
        self.vaccination.setText(vaccination_html(summary))
        self.loaded.emit()

    def new_screening(self) -> None:
        if not self._actor.can(Permission.EDIT_HEALTH):
            return
        from .dialog import ScreeningDialog
        self._dialog = ScreeningDialog(self._db, self._actor, [self.person_id], self._tasks,
                                       self)
        self._dialog.saved.connect(self._on_saved)
        self._dialog.open()

    def _on_saved(self, person_id: str) -> None:
        self.reload()
        self.changed.emit(person_id)
