"""Import a legacy census spreadsheet (.xlsx), in four steps: the file (and the center that
registers the people), the column mapping, the preview with every row's errors, and the
import itself: all valid rows in ONE transaction (``reports.excel_import.confirm_import``),
then a workbook with the rows left out, offered to open or to save elsewhere. Nothing is
written before the user confirms on the preview page. Reading, checking and importing run
in the TaskManager's worker."""

from __future__ import annotations

import tempfile
from functools import partial
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget, QWizard, QWizardPage,
)

from ...domain.errors import AlbergueError
from ...reports import excel_import as ei
from ...services import centers
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Center
from ..tasks import TaskManager
from ..ops import alive, error_text, query_op
from .import_pages import ERROR_STYLE, MappingPage, PreviewPage
from .jobs import save_copy


def read_file(path: Path, sheet: str | None) -> tuple[ei.SheetData, list[str]]:
    """The sheet's rows and headers, and the names of every sheet of the workbook."""
    data = ei.read_sheet(path, sheet)  # checked and bounded (untrusted file): open it once
    return data, list(data.sheets)


def error_report_path(source: Path) -> Path:
    """Beside the spreadsheet ("censo-errores.xlsx"); the temp folder when that folder
    cannot be written."""
    folder = source.parent
    if not folder.is_dir() or not _writable(folder):
        folder = _fallback_folder()
    return folder / f"{source.stem}-errores.xlsx"


def _fallback_folder() -> Path:
    """The user's Documents (or home) folder: not the temp folder, which is the app's
    private one, emptied at exit (storage/private_tmp.py)."""
    home = Path.home()
    documents = home / "Documents"
    return documents if documents.is_dir() and _writable(documents) else home


def _writable(folder: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def run_import(db, actor, preview, allowed, source: Path) -> tuple[ei.ImportResult, Path | None]:
    result = ei.confirm_import(db, actor, preview, allow_duplicates=allowed)
    report = None
    if result.left_out:
        _groups, left_out = preview.plan(allowed)
        try:
            report = ei.write_error_report(preview, left_out, error_report_path(source))
        except AlbergueError:  # the people are imported; the report goes to the temp folder
            report = ei.write_error_report(
                preview, left_out, _fallback_folder() / f"{source.stem}-errores.xlsx")
    return result, report


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Spreadsheet"))
        self.setSubTitle(self.tr("Choose the census workbook (.xlsx) that the shelter kept "
                                 "and the center that registers its people."))
        self.path = QLineEdit(self)
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.sheet = QComboBox(self)
        self.center = QComboBox(self)  # filled once the centers are read (in the background)
        query_op(self, wizard.tasks, partial(centers.centers_with_own, wizard.db),
                 self._fill_centers, on_error=self._on_centers_failed)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        form = QFormLayout()
        label = QLabel(self.tr("&File:"), self)
        label.setBuddy(self.path)
        form.addRow(label, row)
        form.addRow(self.tr("S&heet:"), self.sheet)
        form.addRow(self.tr("C&enter:"), self.center)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.browse.clicked.connect(self.choose_file)
        self.path.editingFinished.connect(lambda: self.load(self.path.text()))
        self.sheet.activated.connect(lambda _i: self.load(self.path.text(),
                                                          self.sheet.currentText()))
        self.center.currentIndexChanged.connect(self._on_center)
        self.sheet.setEnabled(False)
        self._loading, self._loaded_path = False, None

    def _fill_centers(self, found: tuple[list[Center], str | None]) -> None:
        listed, own = found
        self.center.blockSignals(True)
        for c in listed:
            self.center.addItem(f"{c.code} · {c.name}", c.id)
        self.center.setCurrentIndex(max(self.center.findData(own or self.w.actor.center_id),
                                        0))
        self.center.blockSignals(False)
        self._on_center(self.center.currentIndex())
        self.completeChanged.emit()

    def _on_centers_failed(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(error_text(error))

    def choose_file(self) -> None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        chosen, _f = QFileDialog.getOpenFileName(
            self, self.tr("Census spreadsheet"), self.path.text() or folder,
            self.tr("Excel workbooks (*.xlsx);;All files (*)"))
        if chosen:
            self.path.setText(chosen)
            self.load(chosen)

    def load(self, text: str, sheet: str | None = None) -> None:
        path = Path(text.strip()).expanduser() if text.strip() else None
        if path is None or (path == self._loaded_path and sheet is None):
            return
        self._loading, self._loaded_path = True, path
        self.w.set_sheet(None)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Reading {name}…").format(name=path.name))
        self.completeChanged.emit()
        self.w.tasks.run(partial(read_file, path, sheet),
                         alive(self, partial(self._on_read, path)),
                         alive(self, partial(self._on_error, path)))

    def _on_read(self, path: Path, found: tuple[ei.SheetData, list[str]]) -> None:
        if path != self._loaded_path:
            return
        data, names = found
        self._loading = False
        self.sheet.blockSignals(True)
        self.sheet.clear()
        self.sheet.addItems(names)
        self.sheet.setCurrentText(data.sheet)
        self.sheet.setEnabled(len(names) > 1)
        self.sheet.blockSignals(False)
        self.w.set_sheet(data)
        self.status.setText(self.tr("Sheet “{sheet}”: %n row(s) below the headers (row "
                                    "{header}); {known} columns recognized.", "",
                                    len(data.rows)).format(
            sheet=data.sheet, header=data.header_row, known=len(data.mapping)))
        self.completeChanged.emit()

    def _on_error(self, path: Path, error: BaseException) -> None:
        if path != self._loaded_path:
            return
        self._loading = False
        self._loaded_path = None  # the same file may be tried again once fixed
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(str(error) if isinstance(error, AlbergueError) else
                            self.tr("{name} could not be read: {error}").format(
                                name=path.name, error=error))
        self.completeChanged.emit()

    def _on_center(self, _index: int) -> None:
        self.w.preview = None

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return not self._loading and self.w.sheet is not None and self.center.count() > 0


class ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Import"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.report_label = QLabel(self)
        self.report_label.setWordWrap(True)
        self.open_report = QPushButton(self.tr("&Open the error workbook"), self)
        self.save_report = QPushButton(self.tr("&Save the error workbook as…"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_report)
        buttons.addWidget(self.save_report)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.report_label)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.open_report.clicked.connect(self._open)
        self.save_report.clicked.connect(self._save)
        self.done = False
        self.report: Path | None = None

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        self.done, self.report = False, None
        for widget in (self.open_report, self.save_report, self.report_label):
            widget.hide()
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Importing… do not close this window."))
        self.w.run_import(self._on_done, self._on_failed)

    def _on_done(self, result: ei.ImportResult, report: Path | None) -> None:
        self.done, self.report = True, report
        self.message.setText(self.tr("Imported {people} people in {households} households.")
                             .format(people=result.people, households=result.households))
        if report is not None:
            self.report_label.setText(self.tr("%n row(s) were left out; the error workbook "
                                              "is saved in {path}", "", result.left_out)
                                      .format(path=str(report)))
            for widget in (self.open_report, self.save_report, self.report_label):
                widget.show()
        self.completeChanged.emit()

    def _on_failed(self, message: str) -> None:
        self.done = True
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(self.tr("Nothing was imported: {error}").format(error=message))
        self.completeChanged.emit()

    def _open(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report)))

    def _save(self) -> None:
        if self.report is None:
            return
        chosen, _f = QFileDialog.getSaveFileName(self, self.tr("Save the error workbook as"),
                                                 str(self.report),
                                                 self.tr("Excel workbooks (*.xlsx)"))
        if chosen:
            try:
                save_copy(self.report, Path(chosen))
            except AlbergueError as exc:
                self.report_label.setText(str(exc))
                return
            self.report_label.setText(self.tr("The error workbook is saved in {path}")
                                      .format(path=chosen))

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return self.done


class ImportWizard(QWizard):
    """Signal ``imported(int)`` with the number of people registered."""

    imported = Signal(int)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.sheet: ei.SheetData | None = None
        self.mapping: dict[int, str] = {}
        self.preview: ei.ImportPreview | None = None
        self.setWindowTitle(self.tr("Import a census spreadsheet"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Finish"))
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.result_page):
            self.addPage(page)
        self.resize(1000, 640)

    def set_sheet(self, sheet: ei.SheetData | None) -> None:
        self.sheet = sheet
        self.mapping = dict(sheet.mapping) if sheet is not None else {}
        self.preview = None

    def center_id(self) -> str | None:
        return self.file_page.center.currentData()

    def run_preview(self, on_ready, on_failed) -> None:
        sheet, mapping, center_id = self.sheet, dict(self.mapping), self.center_id()

        def ready(preview: ei.ImportPreview) -> None:
            if self.sheet is sheet and self.mapping == mapping:
                self.preview = preview
                on_ready(preview)

        self.tasks.run(partial(ei.preview_import, self.db, self.actor, sheet,
                               center_id=center_id, mapping=mapping), alive(self, ready),
                       alive(self, lambda error: on_failed(_message(error))))

    def run_import(self, on_done, on_failed) -> None:
        preview = self.preview
        allowed = set(self.preview_page.model.allowed)

        def done(found) -> None:
            result, report = found
            self.imported.emit(result.people)
            on_done(result, report)

        # a long write: searches go on beside it, saves wait for it (ui/tasks.py)
        self.tasks.run_long(partial(run_import, self.db, self.actor, preview, allowed,
                                    preview.sheet.path), alive(self, done),
                            alive(self, lambda error: on_failed(_message(error))),
                            label=self.tr("import in progress"))

    def reject(self) -> None:
        if self.currentPage() is self.result_page and not self.result_page.done:
            return  # the import is running: it finishes (or fails) as a whole
        super().reject()


def _message(error: BaseException) -> str:
    return str(error) if isinstance(error, AlbergueError) else repr(error)
