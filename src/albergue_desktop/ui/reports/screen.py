"""The Reports screen (a tab of the main window): choose a report, generate it in the
background with the page reached shown (and a cancel), look at its pages, print it through
the system print dialog or save a copy. The signed-in user's role decides the health detail
printed. Reports are generated into a private temporary folder; "Save as…" copies them."""

from __future__ import annotations

import tempfile
import time
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog, QFrame, QHBoxLayout, QLabel, QProgressBar, QPushButton, QScrollArea,
    QSplitter, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.errors import AlbergueError
from ...services.context import Actor
from ...storage.db import Database
from ..ops import Cancelled, CancelToken, alive
from ..tasks import TaskManager
from . import jobs, printing
from .form import ReportForm
from .preview import PdfPreview

PANEL_WIDTH = 330


class ReportsView(QWidget):
    """Signals: ``generated(Path)`` once a report's preview is shown, ``idle()`` whenever a
    generation or a print ends (done, failed or cancelled)."""

    generated = Signal(object)
    idle = Signal()
    _worker_page = Signal(int, int)  # job, page: emitted in the worker, delivered here

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self._tmp = tempfile.TemporaryDirectory(prefix="albergue-reportes-",
                                                ignore_cleanup_errors=True)
        self._job = 0
        self._token: CancelToken | None = None
        self._printer = None
        self._busy = ""          # "" | "generate" | "print"
        self._started = 0.0
        self.output: Path | None = None
        self.last_seconds: float | None = None  # click to first page shown, last report

        self.form = ReportForm(db, actor, self, tasks=tasks)
        self.generate_button = QPushButton(self.tr("&Generate"), self)
        self.generate_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"), self)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.save_button = QPushButton(self.tr("&Save as…"), self)
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.save_button.setToolTip(self.tr("Save a copy of the PDF (Ctrl+S)"))

        run_row = QHBoxLayout()
        run_row.addWidget(self.generate_button)
        run_row.addWidget(self.cancel_button)
        out_row = QHBoxLayout()
        out_row.addWidget(self.print_button)
        out_row.addWidget(self.save_button)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        panel = QWidget(self)
        side = QVBoxLayout(panel)
        side.addWidget(self.form)
        side.addLayout(run_row)
        side.addWidget(self.progress)
        side.addWidget(self.status)
        side.addWidget(line)
        side.addLayout(out_row)
        side.addStretch(1)
        scroll = QScrollArea(self)  # the panel scrolls on a small screen rather than clip
        scroll.setWidget(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setMinimumWidth(PANEL_WIDTH)
        scroll.setMaximumWidth(PANEL_WIDTH + 80)

        self.preview = PdfPreview(tasks, self)
        splitter = QSplitter(self)
        splitter.addWidget(scroll)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)

        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button.clicked.connect(self.print_report)
        self.save_button.clicked.connect(self.save_as)
        self.form.changed.connect(self._on_form_changed)
        self.preview.loaded.connect(self._on_preview_loaded)
        self._worker_page.connect(self._on_page)
        for keys, slot in (("Ctrl+P", self.print_report), ("Ctrl+S", self.save_as),
                           ("Escape", self.cancel)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._set_busy("")
        self.status.setText(self.tr("Choose a report and press Generate."))

    # --- state ----------------------------------------------------------------------------

    @property
    def temp_folder(self) -> Path:
        """Where the reports are generated (removed when the tab closes)."""
        return Path(self._tmp.name)

    @property
    def busy(self) -> bool:
        return bool(self._busy)

    def _set_busy(self, what: str) -> None:
        self._busy = what
        has_pdf = self.preview.pages is not None and self.output is not None
        self.generate_button.setEnabled(not what)
        self.form.setEnabled(not what)
        self.cancel_button.setEnabled(bool(what))
        self.print_button.setEnabled(not what and has_pdf)
        self.save_button.setEnabled(not what and has_pdf)
        self.progress.setVisible(bool(what))
        self.progress.setRange(0, 0)  # busy: the number of pages is known only at the end
        if not what:
            self.idle.emit()

    def _on_form_changed(self) -> None:
        """Another choice: the report shown no longer matches it."""
        if not self._busy and self.output is not None:
            self.output = None
            self.preview.clear(self.tr("The choices changed: press Generate again."))
            self._set_busy("")

    # --- generating -----------------------------------------------------------------------

    def generate(self) -> None:
        if self._busy:
            return
        request = self.form.request()
        self._job += 1
        job, self._token = self._job, CancelToken()
        out = self.temp_folder / f"{request.kind}-{job}.pdf"
        self.output = None
        self.preview.clear(self.tr("Generating the report…"))
        self._started = time.perf_counter()
        self._set_busy("generate")
        self.status.setText(self.tr("Generating…"))
        self.tasks.run(partial(jobs.generate, self.db, self.actor, request, out,
                               token=self._token, on_page=partial(self._worker_page.emit, job)),
                       alive(self, partial(self._on_generated, job)),
                       alive(self, partial(self._on_failed, job)))

    def cancel(self) -> None:
        if self._busy and self._token is not None:
            self._token.cancel()
            self.status.setText(self.tr("Cancelling…"))

    def _on_page(self, job: int, page: int) -> None:
        if job != self._job or not self._busy:
            return
        if self._busy == "print":
            self.status.setText(self.tr("Printing page {page} of {pages}…").format(
                page=page, pages=self.preview.page_count))
        else:
            self.status.setText(self.tr("Generating… page {page}").format(page=page))

    def _on_generated(self, job: int, path: Path) -> None:
        if job != self._job:
            return
        if self._token is not None and self._token.cancelled:  # finished as the user cancelled
            Path(path).unlink(missing_ok=True)
            self._on_failed(job, Cancelled())
            return
        self.output = Path(path)
        self.status.setText(self.tr("Opening the preview…"))
        self.preview.show_pdf(self.output)

    def _on_preview_loaded(self, pages: int) -> None:
        if self._busy != "generate":
            return
        if pages < 0:
            self.output = None
            self.status.setText(self.tr("The report was generated but cannot be shown."))
            self._set_busy("")
            return
        self.last_seconds = time.perf_counter() - self._started
        self.status.setText(self.tr("Ready: %n page(s) in {seconds} s.", "", pages).format(
            seconds=f"{self.last_seconds:.1f}"))
        self._set_busy("")
        self.generated.emit(self.output)

    def _on_failed(self, job: int, error: BaseException) -> None:
        if job != self._job:
            return
        if isinstance(error, Cancelled):
            text = (self.tr("Printing cancelled.") if self._busy == "print" else
                    self.tr("Cancelled: no report was generated."))
        elif isinstance(error, (AlbergueError, printing.PrintError)):
            text = str(error)
        else:
            text = self.tr("Something went wrong: {error}").format(error=error)
        if self._busy != "print":
            self.output = None
            self.preview.clear(text)
        self.status.setText(text)
        self._set_busy("")

    # --- printing and saving --------------------------------------------------------------

    def print_report(self) -> None:
        pages = self.preview.pages
        if self._busy or pages is None or self.output is None:
            return
        printer = printing.new_printer(pages, self.form.titles[self.form.kind])
        if not printing.ask_printer(self, printer):
            return
        numbers = printing.page_range(printer, len(pages))
        self._job += 1
        job, self._token = self._job, CancelToken()
        self._printer = printer  # kept alive until the worker is done with it
        self._set_busy("print")
        self.status.setText(self.tr("Printing…"))
        self.tasks.run(partial(printing.print_pages, pages, printer, numbers,
                               on_page=partial(self._worker_page.emit, job),
                               check=self._token.check),
                       alive(self, partial(self._on_printed, job)),
                       alive(self, partial(self._on_failed, job)))

    def _on_printed(self, job: int, count: int) -> None:
        if job != self._job:
            return
        self._printer = None
        self.status.setText(self.tr("Sent %n page(s) to the printer.", "", count))
        self._set_busy("")

    def suggested_name(self) -> str:
        names = {"roster": self.tr("roster"), "bedlist": self.tr("bed-list"),
                 "census": self.tr("daily-census"), "idcards": self.tr("id-cards"),
                 "impact": self.tr("impact"), "dashboard": self.tr("dashboard"),
                 "welcome": self.tr("welcome-papers")}
        request = self.form.request()
        parts = [names[request.kind], self.form.center_code(),
                 (request.day or clock.today()).isoformat()]
        return "-".join(p for p in parts if p) + ".pdf"

    def save_as(self) -> None:
        if self._busy or self.output is None:
            return
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as"), str(Path(folder) / self.suggested_name()),
            self.tr("PDF documents (*.pdf)"))
        if not chosen:
            return
        target = Path(chosen)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            jobs.save_copy(self.output, target)
        except AlbergueError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Saved in {path}").format(path=str(target)))

    # --- closing --------------------------------------------------------------------------

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt; shown on its own)
        self.release()
        super().closeEvent(event)

    def release(self) -> None:
        """Stop using the worker and the temporary folder (the tab is closing)."""
        if self._token is not None:
            self._token.cancel()
        self.preview.clear()
        self.tasks.run(self._tmp.cleanup, on_error=lambda _e: None)
