"""The "medicines dispensed" report dialog: a period and a center, then Save PDF (written
on the worker, reports/pharmacy.py; the list of people only for roles with health data)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from ...domain import clock
from ...services import centers
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, error_text, query_op
from ..tasks import TaskManager


def _write(db: Database, actor: Actor, out: Path, center: str | None, start: date,
           end: date) -> Path:
    from ...reports.pharmacy import dispensed_pdf
    return dispensed_pdf(db, actor, out, center=center, start=start, end=end)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class DispensedReportDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 center_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.busy = False
        self.setWindowTitle(self.tr("Medicines dispensed"))
        today = clock.today()
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit, day in ((self.start, today - timedelta(days=today.day - 1)),
                          (self.end, today)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setDate(QDate(day.year, day.month, day.day))
        self.center = QComboBox(self)
        self.center.addItem(self.tr("All centers in this file"), None)
        self.pdf_button = QPushButton(self.tr("Save &PDF…"), self)
        close = QPushButton(self.tr("&Close"), self)
        for b in (self.pdf_button, close):
            b.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&From"), self.start)
        form.addRow(self.tr("&Until"), self.end)
        form.addRow(self.tr("C&enter"), self.center)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.pdf_button.clicked.connect(lambda: self.save())
        close.clicked.connect(self.reject)
        self._wanted = center_id
        query_op(self, tasks, lambda: centers.list_centers(db), self._centers,
                 on_error=lambda e: self.message.setText(error_text(e)))

    def _centers(self, found) -> None:
        for c in found:
            self.center.addItem(f"{c.code} · {c.name}", c.id)
        if self._wanted is not None:
            self.center.setCurrentIndex(max(self.center.findData(self._wanted), 0))

    def save(self, path: str | None = None) -> None:
        if self.busy:
            return
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        if end < start:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("The end of the period is before its start."))
            return
        center = self.center.currentData()
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the report"),
                str(Path(folder) / f"medicamentos-{start}-{end}.pdf"), "*.pdf")
            if not path:
                return
        out = Path(path)
        self.busy = True
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing…"))
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks, lambda: _write(db, actor, out, center, start, end),
                 self._written, on_error=self._failed)

    def _written(self, out: Path) -> None:
        self.busy = False
        self.message.setText(self.tr("Saved: {path}").format(path=str(out)))

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
