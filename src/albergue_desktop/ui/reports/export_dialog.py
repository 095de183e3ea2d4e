"""Export the database to an Excel workbook for supervisors and partners: choose the file,
the day of the census sheet; the export runs in the background with the sheet and rows
reached shown, and may be cancelled (then nothing is written). A role that may not view
health data gets no health columns or sheets (``export_workbook`` decides by the actor)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.errors import AlbergueError
from ...domain.permissions import Permission
from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager
from ..ops import alive
from ..ops import CancelToken, Cancelled


def run_export(db: Database, actor: Actor, out: Path, day: date, token: CancelToken,
               on_progress) -> Path:
    from ...reports.excel_export import export_workbook

    def progress(sheet: str, rows: int) -> None:
        token.check()
        on_progress(sheet, rows)

    token.check()
    return export_workbook(db, actor, out, day=day, progress=progress)


class ExportDialog(QDialog):
    """Signal ``exported(Path)`` when the workbook is written."""

    exported = Signal(object)
    _worker_progress = Signal(int, str, int)  # job, sheet, rows (emitted in the worker)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.setWindowTitle(self.tr("Export to Excel"))
        self._job = 0
        self._token: CancelToken | None = None
        self.output: Path | None = None

        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        self.path = QLineEdit(str(Path(folder) / self.tr("albergue-{date}.xlsx").format(
            date=clock.today().isoformat())), self)
        self.path.setMinimumWidth(420)
        self.browse = QPushButton(self.tr("&Choose…"), self)
        day = clock.today()
        today = QDate(day.year, day.month, day.day)
        self.day = QDateEdit(today, self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        form = QFormLayout()
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path)
        form.addRow(label, path_row)
        form.addRow(self.tr("&Census day:"), self.day)
        contents = QLabel(self)
        contents.setWordWrap(True)
        contents.setText(
            self.tr("One sheet per entity (centers, households, people, documents, stays) and "
                    "one per report (roster, beds, daily census, impact).") + " " +
            (self.tr("Health data is included (vaccinations, clinical needs): keep the file "
                     "confidential.") if actor.can(Permission.VIEW_HEALTH) else
             self.tr("Without health data: your role may not view it.")))
        self.health_included = actor.can(Permission.VIEW_HEALTH)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(self.tr("&Export"),
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.open_button = self.buttons.addButton(self.tr("&Open the workbook"),
                                                  QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setText(self.tr("C&lose"))
        self.open_button.hide()
        self.export_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(contents)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        self.browse.clicked.connect(self.choose_file)
        self.export_button.clicked.connect(self.start)
        self.open_button.clicked.connect(self.open_output)
        self.close_button.clicked.connect(self.reject)
        self._worker_progress.connect(self._on_progress)
        self.resize(max(self.sizeHint().width(), 720), max(self.sizeHint().height(), 240))

    @property
    def running(self) -> bool:
        return self._token is not None

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export to"), self.path.text(), self.tr("Excel workbooks (*.xlsx)"))
        if chosen:
            self.path.setText(chosen)

    def target(self) -> Path:
        path = Path(self.path.text().strip()).expanduser()
        return path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")

    def start(self) -> None:
        if self.running:
            return
        if not self.path.text().strip():
            self.status.setText(self.tr("Choose the file to write."))
            return
        out = self.target()
        value = self.day.date()
        self._job += 1
        job, self._token = self._job, CancelToken()
        self.output = None
        self._set_running(True)
        self.status.setText(self.tr("Exporting…"))
        self.tasks.run(partial(run_export, self.db, self.actor, out,
                               date(value.year(), value.month(), value.day()), self._token,
                               partial(self._worker_progress.emit, job)),
                       alive(self, partial(self._on_done, job)),
                       alive(self, partial(self._on_failed, job)))

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.export_button.setEnabled(not running)
        self.browse.setEnabled(not running)
        self.path.setEnabled(not running)
        self.day.setEnabled(not running)
        self.close_button.setText(self.tr("Ca&ncel") if running else self.tr("C&lose"))
        if running:
            self.open_button.hide()

    def _on_progress(self, job: int, sheet: str, rows: int) -> None:
        if job == self._job and self.running and not self._token.cancelled:
            self.status.setText(self.tr("Sheet “{sheet}”: %n row(s)…", "", rows).format(
                sheet=sheet))

    def _on_done(self, job: int, path: Path) -> None:
        if job != self._job:
            return
        self._token = None
        self._set_running(False)
        self.output = Path(path)
        self.status.setText(self.tr("The workbook was saved in {path}").format(path=str(path)))
        self.open_button.show()
        self.exported.emit(self.output)

    def _on_failed(self, job: int, error: BaseException) -> None:
        if job != self._job:
            return
        self._token = None
        self._set_running(False)
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Export cancelled: no file was written."))
        elif isinstance(error, AlbergueError):
            self.status.setText(str(error))
        else:
            self.status.setText(self.tr("Something went wrong: {error}").format(error=error))

    def open_output(self) -> None:
        if self.output is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.output)))

    def reject(self) -> None:
        """Close, or cancel a running export first (the dialog stays to say so)."""
        if self.running:
            self._token.cancel()
            self.status.setText(self.tr("Cancelling…"))
            return
        super().reject()
