"""The weekly epidemiological notification dialog: choose a day of the week and a center,
save the PDF or the Excel sheet (written on the worker, reports/epi_notification.py)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.epi_week import EpiWeek, epi_week
from ...services import centers
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, error_text, query_op
from ..tasks import TaskManager


def _write(db: Database, actor: Actor, kind: str, out: Path, week: EpiWeek,
           center: str | None) -> Path:
    from ...reports import epi_notification as report
    make = report.notification_pdf if kind == "pdf" else report.notification_xlsx
    return make(db, actor, out, week=week, center=center)


class EpiNotificationDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.busy = False
        self.setWindowTitle(self.tr("Weekly epidemiological notification"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        last_week = clock.today() - timedelta(days=7)
        self.day.setDate(QDate(last_week.year, last_week.month, last_week.day))
        self.week = QLabel(self)
        self.center = QComboBox(self)
        self.center.addItem(self.tr("All centers in this file"), None)
        self.pdf_button = QPushButton(self.tr("Save &PDF…"), self)
        self.xlsx_button = QPushButton(self.tr("Save &Excel…"), self)
        close = QPushButton(self.tr("&Close"), self)
        for b in (self.pdf_button, self.xlsx_button, close):
            b.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("A &day of the week"), self.day)
        form.addRow(self.tr("Epidemiological week"), self.week)
        form.addRow(self.tr("C&enter"), self.center)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("New respiratory and diarrhoeal cases by age group "
                                        "and sex (SINAVE/DGE, SUIVE-1)."), self))
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        self.day.dateChanged.connect(lambda _d: self._show_week())
        self.pdf_button.clicked.connect(lambda: self.save("pdf"))
        self.xlsx_button.clicked.connect(lambda: self.save("xlsx"))
        close.clicked.connect(self.reject)
        self._show_week()
        query_op(self, tasks, lambda: centers.list_centers(db), self._centers,
                 on_error=lambda e: self.message.setText(error_text(e)))

    def _centers(self, found) -> None:
        for c in found:
            self.center.addItem(f"{c.code} · {c.name}", c.id)

    def selected_week(self) -> EpiWeek:
        d = self.day.date()
        return epi_week(date(d.year(), d.month(), d.day()))

    def _show_week(self) -> None:
        w = self.selected_week()
        self.week.setText(self.tr("{week} of {year}: {start} to {end}").format(
            week=w.week, year=w.year, start=w.start.strftime("%d/%m/%Y"),
            end=w.end.strftime("%d/%m/%Y")))

    def save(self, kind: str, path: str | None = None) -> None:
        if self.busy:
            return
        week, center = self.selected_week(), self.center.currentData()
        if path is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation)
            suffix = "pdf" if kind == "pdf" else "xlsx"
            path, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Save the notification"),
                str(Path(folder) / f"notificacion-{week}.{suffix}"), f"*.{suffix}")
            if not path:
                return
        out = Path(path)
        self.busy = True
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Writing…"))
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks, lambda: _write(db, actor, kind, out, week, center),
                 self._written, on_error=self._failed)

    def _written(self, out: Path) -> None:
        self.busy = False
        self.message.setText(self.tr("Saved: {path}").format(path=str(out)))

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))
