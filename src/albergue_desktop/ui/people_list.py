"""The people list: a search box and filters over the table of people.

Empty search box: everyone, newest first, loaded page by page as the user scrolls. Typing
searches names, folios and document numbers (debounced, in the background). The filters
(center, status, nationality, specific need, household) narrow both. A complete folio
followed by Enter, which is what a USB barcode scanner types, selects that person and opens
the record (whatever the filters). Enter or a double click on a line opens it too.
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
from ..services import people_list
from ..services.context import Actor
from ..storage.db import Database
from ..storage.queries import PersonRow
from . import people_model as pm
from .ops import error_text, query_op
from .people_filters import FilterBar
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


def _load_page(db: Database, actor: Actor, before_rowid: int | None, limit: int,
               **filters: str) -> list[PersonRow]:
    return people_list.browse_people(db, actor, before_rowid, limit, **filters)


def _search(db: Database, actor: Actor, text: str, **filters: str) -> list[PersonRow]:
    return people_list.search_people(db, actor, text, limit=SEARCH_LIMIT, **filters)


def _rows_of(db: Database, actor: Actor, person_ids: frozenset[str],
             **filters: str) -> list[PersonRow]:
    return people_list.people_rows(db, actor, person_ids, **filters)


def _count(db: Database, actor: Actor, **filters: str) -> int:
    return people_list.count_people(db, actor, **filters)


class PeopleList(QWidget):
    """Signals: ``results_shown(count, text)`` after a search (count -1 when the full list is
    back), ``folio_not_found(folio)``, ``search_failed(message)`` (a translated
    :class:`AlbergueError`, e.g. the database is busy), ``person_activated(PersonRow)`` on
    double click or Enter in the list, ``folio_scanned(PersonRow)`` for a complete folio and
    Enter in the search box (what a barcode scanner types), ``filtered_count(count)``
    (-1: no filter) after the filters change or the list is refreshed."""

    results_shown = Signal(int, str)
    folio_not_found = Signal(str)
    search_failed = Signal(str)
    person_activated = Signal(object)
    folio_scanned = Signal(object)
    filtered_count = Signal(int)

    def __init__(self, db: Database, tasks: TaskManager, parent: QWidget | None = None, *,
                 actor: Actor, page_size: int = pm.PAGE_SIZE,
                 search_box: QLineEdit | None = None) -> None:
        """``search_box``: a box placed elsewhere (the main window keeps it above every tab,
        so a scanner works whatever is shown); by default the list has its own. Every read
        goes through services.people_list with ``actor`` (its permissions decide which
        specific needs can be filtered on)."""
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self._page_size = page_size
        self._generation = 0  # bumped by every search; older results are dropped
        self.filter_bar = FilterBar(db, tasks, self, actor=actor)
        self.filter_bar.changed.connect(self.refresh)

        own_box = search_box is None
        self.search_box = search_box if search_box is not None else QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Search by name, folio or document…"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setAccessibleName(self.tr("Search people"))
        self.search_box.installEventFilter(self)

        self.model = pm.PeopleModel(self, page_size=page_size, run=self._run_page)
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
        layout.setContentsMargins(0, 6, 0, 0)
        if own_box:
            layout.addWidget(self.search_box)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table)
        # Not to a box outside the list: hiding the list (another tab) would take the focus
        # from the box (QWidget.hasFocus follows the proxy).
        self.setFocusProxy(self.search_box if own_box else self.table)
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

    def filters(self) -> dict[str, str]:
        return self.filter_bar.filters()

    def refresh(self) -> None:
        """Read the list again (after a write, or when the filters change)."""
        if self.search_box.text().strip():
            self._search_now()
        else:
            self.show_everyone()
        self._count_filtered()

    def refresh_people(self, person_ids: frozenset[str]) -> None:
        """After a write that names the people it changed: only their lines are read again
        and updated, inserted or removed in place (no reset of the list). A search shown is
        asked again (it is at most :data:`SEARCH_LIMIT` lines)."""
        if self.search_box.text().strip():
            self.refresh()
            return
        if not person_ids:
            return
        generation = self._generation
        query_op(self, self._tasks,
                 partial(_rows_of, self._db, self._actor, person_ids, **self.filters()),
                 partial(self._update_lines, generation, person_ids),
                 on_error=partial(self._search_error, generation))
        self._count_filtered()

    def _update_lines(self, generation: int, person_ids: frozenset[str],
                      rows: list[PersonRow]) -> None:
        if generation == self._generation:  # else the list was read again meanwhile
            self.model.update_people(person_ids, rows)

    def show_everyone(self) -> None:
        """Everyone (as filtered), newest first; the first page is read on the worker (the
        rows shown stay until it arrives, so a refresh does not flash an empty list), the
        rest on scrolling."""
        self._generation += 1
        filters = self.filters()
        loader = partial(_load_page, self._db, self._actor, **filters)
        generation = self._generation
        self._tasks.run(partial(loader, None, self._page_size),
                        lambda rows: self._show_first_page(generation, loader, rows),
                        partial(self._search_error, generation))

    def _show_first_page(self, generation: int, loader, rows: list[PersonRow]) -> None:
        if generation == self._generation:
            self.model.browse(loader, first_page=rows)
            self.results_shown.emit(-1, "")

    def _count_filtered(self) -> None:
        filters = self.filters()
        if not filters:
            self.filtered_count.emit(-1)
            return
        generation = self._generation
        self._tasks.run(partial(_count, self._db, self._actor, **filters),
                        lambda n: generation == self._generation and self.filtered_count.emit(n),
                        partial(self._search_error, generation))

    def _search_now(self, select_folio: str | None = None) -> None:
        self._debounce.stop()
        text = self.search_box.text().strip()
        if not text:
            self.show_everyone()
            return
        self._generation += 1
        generation = self._generation
        # A scanned folio finds its person whatever the filters.
        filters = {} if select_folio is not None else self.filters()
        self._tasks.run(partial(_search, self._db, self._actor, text, **filters),
                        lambda rows: self._show_results(generation, text, rows, select_folio),
                        partial(self._search_error, generation))

    def _run_page(self, work, deliver) -> None:
        """The model's next page (scrolling) is read on the worker, never in fetchMore."""
        query_op(self, self._tasks, work, deliver, on_error=self._page_failed)

    def _page_failed(self, error: BaseException) -> None:
        text = error_text(error)
        self.model.fetch_failed()
        self.search_failed.emit(text)

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
            self.search_box.selectAll()  # the next scan replaces the text
            if row is None:
                self.folio_not_found.emit(select_folio)
            else:
                self.select_row(row)
                self.folio_scanned.emit(self.model.person(row))

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
