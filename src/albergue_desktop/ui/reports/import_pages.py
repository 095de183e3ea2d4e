"""The middle steps of the import wizard: the column mapping (guessed, corrected by the user
with a list per column) and the preview of every row with its errors and the counts, which
must be confirmed before anything is written."""

from __future__ import annotations

from datetime import date, datetime
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHeaderView, QLabel, QTableView, QTableWidget,
    QTableWidgetItem, QVBoxLayout, QWizardPage,
)

from ...domain.i18n import translate as _
from ...reports import import_mapping as im
from .import_model import REASON, PreviewModel

if TYPE_CHECKING:
    from .import_wizard import ImportWizard

EXAMPLES = 3
ERROR_STYLE = "color: #b3261e;"


def _cell_text(value) -> str:
    """A cell as the user typed it: dates as dd/mm/yyyy, whole numbers without ".0"."""
    if isinstance(value, datetime | date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


class MappingPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which field of Albergue each column holds. Correct a "
                                 "guess with its list; choose “Do not import” to skip a "
                                 "column."))
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Column of the file"),
                                              self.tr("First values"),
                                              self.tr("Field in Albergue")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.combos: list[QComboBox] = []
        self._sheet = None

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        sheet = self.w.sheet
        if sheet is self._sheet:  # back from the preview: keep the user's corrections
            return
        self._sheet = sheet
        self.table.setRowCount(len(sheet.headers))
        self.combos = []
        choices = sorted(((_(label), field) for field, (label, _syn) in im.FIELDS.items()),
                         key=lambda c: c[0].casefold())
        for col, header in enumerate(sheet.headers):
            examples = [_cell_text(v) for _n, values in sheet.rows[:20] if col < len(values)
                        and (v := values[col]) not in (None, "")][:EXAMPLES]
            name = QTableWidgetItem(header or self.tr("Column {n}").format(n=col + 1))
            self.table.setItem(col, 0, name)
            self.table.setItem(col, 1, QTableWidgetItem(" · ".join(examples)))
            combo = QComboBox(self.table)
            combo.addItem(self.tr("— Do not import —"), None)
            for text, field in choices:
                combo.addItem(text, field)
            combo.setAccessibleName(self.tr("Field of column {name}").format(name=name.text()))
            combo.setCurrentIndex(max(combo.findData(self.w.mapping.get(col)), 0))
            combo.currentIndexChanged.connect(partial(self._on_choice, col))
            self.table.setCellWidget(col, 2, combo)
            self.combos.append(combo)
        if self.combos:  # every row as tall as its list, however long the examples are
            self.table.verticalHeader().setDefaultSectionSize(
                self.combos[0].sizeHint().height() + 4)
        self._show_status()

    def set_field(self, col: int, field: str | None) -> None:
        """Choose the field of a column (as the user does with its list)."""
        self.combos[col].setCurrentIndex(max(self.combos[col].findData(field), 0))

    def _on_choice(self, col: int, _index: int) -> None:
        field = self.combos[col].currentData()
        if field is None:
            self.w.mapping.pop(col, None)
        else:
            if field not in im.MULTI_COLUMN:  # one column per field: the other one lets go
                for other, f in list(self.w.mapping.items()):
                    if f == field and other != col:
                        self.combos[other].blockSignals(True)
                        self.combos[other].setCurrentIndex(0)
                        self.combos[other].blockSignals(False)
                        del self.w.mapping[other]
            self.w.mapping[col] = field
        self.w.preview = None  # the preview must be made again
        self._show_status()
        self.completeChanged.emit()

    def missing(self) -> list[str]:
        return [_(m) for m in im.missing_fields(self.w.mapping)]

    def _show_status(self) -> None:
        missing = self.missing()
        if missing:
            self.status.setStyleSheet(ERROR_STYLE)
            self.status.setText(self.tr("Choose the columns for: {fields}.").format(
                fields=", ".join(missing)))
        else:
            self.status.setStyleSheet("")
            self.status.setText(self.tr("%n column(s) will be read.", "",
                                        len(self.w.mapping)))

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        return bool(self.w.mapping) and not self.missing()


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.w = wizard
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(self.tr("Nothing has been written yet. Check the rows left out and "
                                 "why; they are saved in an error workbook after the "
                                 "import."))
        self.setCommitPage(True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.only_problems = QCheckBox(self.tr("Show only the rows with &problems"), self)
        self.only_problems.setChecked(True)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setTabKeyNavigation(False)
        self.detail = QLabel(self)  # the whole reason of the selected row
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confirm = QCheckBox(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.only_problems)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detail)
        layout.addWidget(self.confirm)
        self.table.selectionModel().currentRowChanged.connect(self._show_detail)
        self.model.changed.connect(lambda: self._show_detail(self.table.currentIndex()))
        self.only_problems.toggled.connect(self.model.set_only_problems)
        self.model.changed.connect(self._show_summary)
        self.model.modelReset.connect(self._fit_columns)
        self.confirm.toggled.connect(lambda _c: self.completeChanged.emit())
        self._loading = False

    def initializePage(self) -> None:  # noqa: N802 (Qt)
        self.confirm.setChecked(False)
        self.confirm.hide()
        if self.w.preview is not None:
            self._on_ready(self.w.preview)
            return
        self._loading = True
        self.model.set_preview(None)
        self.summary.setStyleSheet("")
        self.summary.setText(self.tr("Checking every row…"))
        self.w.run_preview(self._on_ready, self._on_failed)
        self.completeChanged.emit()

    def _on_ready(self, preview) -> None:
        self._loading = False
        self.model.set_preview(preview)
        self._show_summary()
        self.completeChanged.emit()

    def _on_failed(self, message: str) -> None:
        self._loading = False
        self.summary.setStyleSheet(ERROR_STYLE)
        self.summary.setText(message)
        self.completeChanged.emit()

    def _show_detail(self, current, _previous=None) -> None:
        reason = self.model.data(self.model.index(current.row(), REASON)) \
            if current.isValid() else ""
        self.detail.setText(self.tr("Row {row}: {why}").format(
            row=self.model.data(self.model.index(current.row(), 0)), why=reason)
            if reason else "")

    def _fit_columns(self) -> None:
        self.detail.clear()
        self.table.resizeColumnsToContents()
        if self.model.rowCount():  # the first row's whole reason is shown below the table
            self.table.setCurrentIndex(self.model.index(0, 0))
        for col in range(REASON):
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 320))

    def _show_summary(self) -> None:
        s = self.model.summary()
        if not s:
            return
        text = self.tr("%n row(s) read.", "", s["rows"]) + " " + self.tr(
            "Can be imported: {people} people in {households} households. Left out: "
            "{left_out} rows.").format(**s)
        if s["duplicates"]:
            text += " " + self.tr("%n row(s) look like people already registered: tick "
                                  "“Import anyway” only after checking each.", "",
                                  s["duplicates"])
        self.summary.setStyleSheet("")
        self.summary.setText(text)
        self.confirm.setText(self.tr("I checked the preview: import {people} people in "
                                     "{households} households.").format(**s))
        self.confirm.setVisible(s["people"] > 0)
        if not s["people"]:
            self.confirm.setChecked(False)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 (Qt)
        s = self.model.summary()
        return (not self._loading and bool(s) and s["people"] > 0
                and self.confirm.isChecked())
