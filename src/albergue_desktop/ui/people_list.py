"""The people list: a search box over the table of people.

Empty search box: everyone, newest first, loaded page by page as the user scrolls. Typing
searches names, folios and document numbers (debounced, in the background). A complete folio
followed by Enter, which is what a USB barcode scanner types, selects that person.
"""

from __future__ import annotations

import re
from functools import partial

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QVBoxLayout, \
    QWidget

from ..domain.errors import AlbergueError
from ..domain.labels import choices, label
from ..storage import queries
from ..storage.db import Database
from ..storage.queries import PersonRow
from . import people_model as pm
from .tasks import TaskManager

SEARCH_DELAY_MS = 200
SEARCH_LIMIT = 500
FOLIO_RE = re.compile(r"^\s*([A-Za-z]{2,4}-[0-9]{1,3}-[0-9]{6})\s*$")



def _column_samples() -> dict[int, list[str]]:
    """Typical widest texts of each column (the name column takes the remaining space)."""
    return {pm.COL_FOLIO: ["MXL-03-000000"], pm.COL_SEX: [t for _c, t in choices("sex")],
            pm.COL_AGE: ["~100"], pm.COL_NATIONALITY: [label("country", "SV")],
            pm.COL_CENTER: ["Centro Comunitario 12"], pm.COL_BED: ["DOR-000"],
            pm.COL_STATUS: [t for _c, t in choices("person_status")]}


def _load_page(db: Database, before_rowid: int | None, limit: int) -> list[PersonRow]:
    with db.session() as session:
        return queries.find_people(session=session, before_rowid=before_rowid, limit=limit)


def _search(db: Database, text: str) -> list[PersonRow]:
    with db.session() as session:
        return queries.find_people(session=session, text_query=text, limit=SEARCH_LIMIT)


class PeopleList(QWidget):
    """Signals: ``results_shown(count, text)`` after a search (count -1 when the full list is
    back), ``folio_not_found(folio)``, ``search_failed(message)`` (a translated
    :class:`AlbergueError`, e.g. the database is busy), ``person_activated(PersonRow)`` on
    double click or Enter in the list."""

    results_shown = Signal(int, str)
    folio_not_found = Signal(str)
    search_failed = Signal(str)
    person_activated = Signal(object)

    def __init__(self, db: Database, tasks: TaskManager, parent: QWidget | None = None, *,
                 page_size: int = pm.PAGE_SIZE) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._generation = 0  # bumped by every search; older results are dropped

        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search by name, folio or document…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search people"))
        self.search_box.installEventFilter(self)

        self.model = pm.PeopleModel(self, page_size=page_size)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self._setup_table()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search_box.textChanged.connect(lambda _text: self._debounce.start())
        self.search_box.returnPressed.connect(self._on_return)
        self.table.activated.connect(self._on_activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.search_box)
        layout.addWidget(self.table)
        self.setFocusProxy(self.search_box)
        self.show_everyone()

    def _setup_table(self) -> None:
        t = self.table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        t.setCornerButtonEnabled(False)
        t.setTabKeyNavigation(False)  # Tab leaves the table, as in a form
        # Fixed row heights: the view never measures rows, which keeps big lists cheap.
        rows = t.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(t.fontMetrics().height() + 8)
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        metrics = t.fontMetrics()
        pad = 24
        for column, samples in _column_samples().items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal) or ""
            width = max(metrics.horizontalAdvance(text) for text in [title, *samples])
            header.resizeSection(column, width + pad)
        header.setSectionResizeMode(pm.COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(metrics.horizontalAdvance("~00") + pad)

    # --- what is shown ---------------------------------------------------------------------

    def show_everyone(self) -> None:
        """Everyone, newest first; the first page is read at once, the rest on scrolling."""
        self._generation += 1
        self.model.browse(partial(_load_page, self._db))
        self.model.fetchMore(QModelIndex())
        self.results_shown.emit(-1, "")

    def _search_now(self, select_folio: str | None = None) -> None:
        self._debounce.stop()
        text = self.search_box.text().strip()
        if not text:
            self.show_everyone()
            return
        self._generation += 1
        generation = self._generation
        self._tasks.run(partial(_search, self._db, text),
                        lambda rows: self._show_results(generation, text, rows, select_folio),
                        partial(self._search_error, generation))

    def _search_error(self, generation: int, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error  # a bug: let it surface
        if generation == self._generation:
            self.search_failed.emit(str(error))

    def _show_results(self, generation: int, text: str, rows: list[PersonRow],
                      select_folio: str | None) -> None:
        if generation != self._generation:
            return  # the user has typed on since
        self.model.set_rows(rows)
        self.results_shown.emit(len(rows), text)
        if select_folio is not None:
            row = self.model.row_of_folio(select_folio)
            if row is None:
                self.folio_not_found.emit(select_folio)
            else:
                self.select_row(row)
            self.search_box.selectAll()  # the next scan replaces the text

    def _on_return(self) -> None:
        match = FOLIO_RE.match(self.search_box.text())
        self._search_now(select_folio=match.group(1).upper() if match else None)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, pm.COL_FOLIO)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)

    def selected_person(self) -> PersonRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.person(rows[0].row()) if rows else None

    def _on_activated(self, index: QModelIndex) -> None:
        self.person_activated.emit(self.model.person(index.row()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search box moves into the list, so the keyboard never gets stuck.
        if (watched is self.search_box and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Down
                and self.model.rowCount() > 0):
            self.table.setFocus()
            if not self.table.selectionModel().hasSelection():
                self.select_row(0)
            return True
        return super().eventFilter(watched, event)
