"""The duplicates screen (supervision and administration): records of the whole database
that may be one person registered at two centers, for review. "Confirmar duplicado" links
the duplicate to the person kept (every list and count then shows one person); "No es
duplicado" dismisses the pair for good; confirmed links can be undone. The scan runs off
the GUI thread; nothing is ever merged automatically."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ...domain.errors import AlbergueError
from ...services import duplicate_scan, sync_links
from ...services.context import Actor
from ...services.duplicate_scan import DuplicatePair, ScanResult
from ...storage.db import Database
from ..ops import alive
from ..tasks import TaskManager
from .common import local_time, message_label, show_message
from .duplicate_parts import ComparePanel, reasons_text, side_text

THRESHOLDS = (80.0, 90.0, 70.0)  # the first is the default


def _table(parent: QWidget, headers: list[str], stretch: tuple[int, ...]) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    for column in range(len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if column in stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table


def _selected_row(table: QTableWidget) -> int | None:
    rows = table.selectionModel().selectedRows()
    return rows[0].row() if rows else None


class DuplicatesView(QWidget):
    """Signals: ``scanned()``, ``changed()`` after a confirmation, undo or dismissal,
    ``open_person_requested(person_id)``."""

    scanned = Signal()
    changed = Signal()
    open_person_requested = Signal(str)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.pairs: list[DuplicatePair] = []
        self.links: list[sync_links.LinkLine] = []
        self.result: ScanResult | None = None
        self._generation = 0

        self.scan_button = QPushButton(self.tr("&Look for duplicates"), self)
        self.threshold = QComboBox(self)
        for value, text in zip(THRESHOLDS, (self.tr("Likely (score 80 or more)"),
                                            self.tr("Very likely (90 or more)"),
                                            self.tr("Possible (70 or more)"))):
            self.threshold.addItem(text, value)
        self.cross_only = QCheckBox(self.tr("Only between &different centers"), self)
        self.cross_only.setChecked(True)
        self.status = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.scan_button)
        top.addWidget(QLabel(self.tr("Show:"), self))
        top.addWidget(self.threshold)
        top.addWidget(self.cross_only)
        top.addWidget(self.status, 1)

        self.tabs = QTabWidget(self)
        review = QWidget(self.tabs)
        self.table = _table(review, [self.tr("Score"), self.tr("Record A"), self.tr("Record B"),
                                     self.tr("Why")], (3,))
        self.compare = ComparePanel(review)
        self.keep = QComboBox(review)
        self.confirm_button = QPushButton(self.tr("&Confirm duplicate"), review)
        self.dismiss_button = QPushButton(self.tr("&Not a duplicate"), review)
        decide = QHBoxLayout()
        decide.addWidget(QLabel(self.tr("Keep:"), review))
        decide.addWidget(self.keep, 1)
        decide.addWidget(self.confirm_button)
        decide.addWidget(self.dismiss_button)
        self.message = message_label(review)
        detail = QWidget(review)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.compare, 1)
        detail_layout.addLayout(decide)
        detail_layout.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Vertical, review)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        QVBoxLayout(review).addWidget(splitter)
        self.tabs.addTab(review, self.tr("To review"))

        confirmed = QWidget(self.tabs)
        self.links_table = _table(confirmed, [self.tr("Duplicate"), self.tr("Linked to"),
                                              self.tr("By"), self.tr("On")], (0, 1))
        self.undo_button = QPushButton(self.tr("&Undo the link"), confirmed)
        self.open_link_button = QPushButton(self.tr("&Open the kept record"), confirmed)
        link_buttons = QHBoxLayout()
        link_buttons.addWidget(self.undo_button)
        link_buttons.addWidget(self.open_link_button)
        link_buttons.addStretch(1)
        self.links_message = message_label(confirmed)
        confirmed_layout = QVBoxLayout(confirmed)
        confirmed_layout.addWidget(self.links_table, 1)
        confirmed_layout.addLayout(link_buttons)
        confirmed_layout.addWidget(self.links_message)
        self.tabs.addTab(confirmed, self.tr("Confirmed"))

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

        self.scan_button.clicked.connect(self.scan)
        self.threshold.currentIndexChanged.connect(lambda _i: self.scan())
        self.cross_only.toggled.connect(lambda _on: self.scan())
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.compare.open_person_requested.connect(self.open_person_requested)
        self.confirm_button.clicked.connect(self.confirm)
        self.dismiss_button.clicked.connect(self.dismiss)
        self.undo_button.clicked.connect(self.undo)
        self.open_link_button.clicked.connect(self._open_kept)
        self._show_pair(None)
        self.scan()

    # --- scanning -------------------------------------------------------------------------

    def scan(self) -> None:
        self._generation += 1
        generation = self._generation
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Looking for duplicates…"))
        self.tasks.run(partial(duplicate_scan.scan_duplicates, self.db, self.actor,
                               threshold=self.threshold.currentData(),
                               cross_center_only=self.cross_only.isChecked()),
                       alive(self, partial(self._scanned, generation)),
                       alive(self, self._failed))
        self._load_links()

    def _scanned(self, generation: int, result: ScanResult) -> None:
        if generation != self._generation:
            return
        self.scan_button.setEnabled(True)
        self.result = result
        self.pairs = list(result.pairs)
        self._fill_pairs()
        self.status.setText(self.tr("{records} records compared in {seconds} s").format(
            records=f"{result.people:,}", seconds=f"{result.seconds:.1f}"))
        self.scanned.emit()

    def _failed(self, error: BaseException) -> None:
        self.scan_button.setEnabled(True)
        if not isinstance(error, AlbergueError):
            raise error
        self.status.setText("")
        show_message(self.message, str(error), error=True)

    def _fill_pairs(self) -> None:
        self.table.setRowCount(len(self.pairs))
        for row, pair in enumerate(self.pairs):
            cells = [f"{pair.score:.0f}", side_text(pair.a), side_text(pair.b),
                     reasons_text(pair)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if column == 0:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.tabs.setTabText(0, self.tr("To review ({count})").format(count=len(self.pairs)))
        if self.pairs:
            self.table.selectRow(0)
        else:
            self._show_pair(None)

    # --- the selected pair ------------------------------------------------------------------

    def current(self) -> DuplicatePair | None:
        row = _selected_row(self.table)
        return self.pairs[row] if row is not None and row < len(self.pairs) else None

    def _show_selected(self) -> None:
        self._show_pair(self.current())

    def _show_pair(self, pair: DuplicatePair | None) -> None:
        self.compare.show_pair(pair)
        self.keep.clear()
        for widget in (self.keep, self.confirm_button, self.dismiss_button):
            widget.setEnabled(pair is not None)
        if pair is None:
            return
        for letter, side in (("A", pair.a), ("B", pair.b)):
            self.keep.addItem(self.tr("{letter}: {record}; the other is its duplicate").format(
                letter=letter, record=side_text(side)), side.id)
        self.keep.setCurrentIndex(0 if pair.keep.id == pair.a.id else 1)

    def _drop(self, gone: set[str], pair: tuple[str, str]) -> None:
        """Pairs that no longer need a decision leave the list (no new scan needed): the
        decided ``pair`` and every pair of a record now linked (``gone``)."""
        row = _selected_row(self.table) or 0
        self.pairs = [p for p in self.pairs if p.key != pair and not set(p.key) & gone]
        self._fill_pairs()
        if self.pairs:
            self.table.selectRow(min(row, len(self.pairs) - 1))

    def confirm(self) -> None:
        pair = self.current()
        if pair is None:
            return
        kept = self.keep.currentData()
        duplicate = pair.b.id if kept == pair.a.id else pair.a.id
        self._decide(partial(sync_links.confirm_duplicate, self.db, self.actor,
                             duplicate_id=duplicate, kept_id=kept),
                     self.tr("{duplicate} is now linked to {kept}.").format(
                         duplicate=side_text(pair.b if kept == pair.a.id else pair.a),
                         kept=side_text(pair.a if kept == pair.a.id else pair.b)),
                     {duplicate}, pair.key)

    def dismiss(self) -> None:
        pair = self.current()
        if pair is not None:
            self._decide(partial(sync_links.dismiss_pair, self.db, self.actor, *pair.key),
                         self.tr("The pair will not be proposed again."), set(), pair.key)

    def _decide(self, job, done_text: str, gone: set[str], pair: tuple[str, str]) -> None:
        for widget in (self.confirm_button, self.dismiss_button):
            widget.setEnabled(False)

        def done(_result) -> None:
            self._drop(gone, pair)
            show_message(self.message, done_text)
            self._load_links()
            self.changed.emit()

        def failed(error: BaseException) -> None:
            self._show_selected()
            if not isinstance(error, AlbergueError):
                raise error
            show_message(self.message, str(error), error=True)

        self.tasks.run(job, alive(self, done), alive(self, failed), write=True)

    # --- confirmed links --------------------------------------------------------------------

    def _load_links(self) -> None:
        self.tasks.run(partial(sync_links.confirmed_links, self.db, self.actor),
                       alive(self, self._show_links), alive(self, self._failed))

    def _show_links(self, links: list[sync_links.LinkLine]) -> None:
        self.links = links
        self.links_table.setRowCount(len(links))
        for row, link in enumerate(links):
            for column, text in enumerate([link.duplicate, link.kept, link.linked_by or "—",
                                           local_time(link.linked_at)]):
                self.links_table.setItem(row, column, QTableWidgetItem(text))
        self.tabs.setTabText(1, self.tr("Confirmed ({count})").format(count=len(links)))
        for button in (self.undo_button, self.open_link_button):
            button.setEnabled(bool(links))
        if links:
            self.links_table.selectRow(0)

    def current_link(self) -> sync_links.LinkLine | None:
        row = _selected_row(self.links_table)
        return self.links[row] if row is not None and row < len(self.links) else None

    def _open_kept(self) -> None:
        link = self.current_link()
        if link is not None:
            self.open_person_requested.emit(link.kept_id)

    def undo(self) -> None:
        link = self.current_link()
        if link is None:
            return

        def done(_result) -> None:
            show_message(self.links_message, self.tr("{duplicate} is listed again.").format(
                duplicate=link.duplicate))
            self.changed.emit()
            self.scan()

        def failed(error: BaseException) -> None:
            if not isinstance(error, AlbergueError):
                raise error
            show_message(self.links_message, str(error), error=True)

        self.tasks.run(partial(sync_links.undo_duplicate, self.db, self.actor,
                               duplicate_id=link.duplicate_id), alive(self, done),
                       alive(self, failed), write=True)
