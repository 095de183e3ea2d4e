"""The bed board of a center (a tab of the main window): areas as blocks of bed tiles, a
segment filter, capacity two ways (beds and Sphere) with warnings, the people without a bed
and the expected arrivals; beds are assigned, moved, freed, blocked and unblocked from the
tiles (menu, keyboard or the side panel). A second tab has the day's numbers."""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from ...domain.capacity import NO_AREA
from ...domain.errors import AlbergueError
from ...domain.permissions import Permission
from ...services import centers
from ...services.bed_board import BedBoard, bed_board
from ...services.context import Actor
from ...storage.bed_queries import Occupant
from ...storage.db import Database
from ..ops import error_text
from ..tasks import TaskManager
from .board_actions import KEYS, BoardActions
from .daily import DailyNumbersPanel
from .grid import BedGrid
from .labels import capacity_lines, segment_label
from .panel import BoardPanel

ERROR_STYLE, WARNING_STYLE = "color: #b00020;", "color: #b00020; font-weight: bold;"
BANNER_STYLE = "background: #e3f2fd; color: #0d47a1; padding: 6px; font-weight: bold;"


class BedBoardView(BoardActions, QWidget):
    """Signals: ``loaded()`` after each refresh, ``changed()`` after a write,
    ``open_person_requested(person_id)``."""

    loaded = Signal()
    changed = Signal()
    open_person_requested = Signal(str)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None, *, center_id: str | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.board: BedBoard | None = None
        self.target: Occupant | None = None  # choosing a free bed for this person
        self.dialog = None
        self.timings: dict[str, float] = {}
        self.can_stays = actor.can(Permission.MANAGE_STAYS)
        self.can_centers = actor.can(Permission.MANAGE_CENTERS)

        self.center_combo = QComboBox(self)
        for c in centers.list_centers(db):
            self.center_combo.addItem(f"{c.code} · {c.name}", c.id)
        wanted = center_id or db.meta("center_id") or actor.center_id
        self.center_combo.setCurrentIndex(max(0, self.center_combo.findData(wanted)))
        self.segment_combo = QComboBox(self)
        self.segment_combo.addItem(self.tr("All segments"), None)
        self.refresh_button = QPushButton(self.tr("&Refresh"), self)
        self.refresh_button.setToolTip(self.tr("Read the board again (F5)"))
        self.config_button = QPushButton(self.tr("Con&figure center…"), self)
        self.config_button.setVisible(self.can_centers)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("&Center"), self, buddy=self.center_combo))
        bar.addWidget(self.center_combo)
        bar.addWidget(QLabel(self.tr("&Segment"), self, buddy=self.segment_combo))
        bar.addWidget(self.segment_combo)
        bar.addStretch(1)
        bar.addWidget(self.refresh_button)
        bar.addWidget(self.config_button)
        self.beds_label, self.sphere_label = QLabel(self), QLabel(self)
        self.warning_label = QLabel(self)
        self.warning_label.setStyleSheet(WARNING_STYLE)
        self.warning_label.setWordWrap(True)
        self.banner = QLabel(self)
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.hide()
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.grid = BedGrid()
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(self.grid)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.panel = BoardPanel(self)
        splitter = QSplitter(self)
        splitter.addWidget(self.scroll)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 1)
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 4, 0, 0)
        capacity = QHBoxLayout()
        capacity.addWidget(self.beds_label)
        capacity.addSpacing(24)
        capacity.addWidget(self.sphere_label)
        capacity.addStretch(1)
        page_layout.addLayout(capacity)
        page_layout.addWidget(self.warning_label)
        page_layout.addWidget(self.banner)
        page_layout.addWidget(splitter, 1)
        page_layout.addWidget(self.message)
        self.daily = DailyNumbersPanel(db, actor, tasks, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(page, self.tr("&Beds"))
        self.tabs.addTab(self.daily, self.tr("&Daily numbers"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)

        self.center_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.segment_combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.refresh_button.clicked.connect(self.refresh)
        self.config_button.clicked.connect(self.configure)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Refresh), self, self.refresh)
        self.grid.current_changed.connect(self._on_current)
        self.grid.activated.connect(self._on_activated)
        self.grid.menu_requested.connect(self.show_menu)
        self.grid.ensure_visible.connect(self._ensure_visible)
        for name, button in self.panel.buttons.items():
            button.clicked.connect(partial(self.do, name))
        self.panel.give_bed_button.clicked.connect(self.give_bed)
        self.panel.receive_button.clicked.connect(self.receive)
        for name in ("assign", "move", "check_out", "transfer", "block", "open"):
            QShortcut(QKeySequence(KEYS[name]), self.grid, partial(self.do, name),
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.grid, self.cancel_target,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.refresh()

    def configure(self) -> None:
        if self.can_centers and self.center_id is not None:
            from .center_config import CenterConfigDialog
            self.dialog = CenterConfigDialog(self.db, self.actor, self.center_id, self.tasks,
                                             self)
            self.dialog.changed.connect(self.refresh)
            self.dialog.open()

    def on_tab_shown(self, index: int) -> None:
        """The main window shows another tab: read the board again when it is this one."""
        parent = self.parentWidget()
        tabs = parent.parentWidget() if parent is not None else None
        if isinstance(tabs, QTabWidget) and tabs.widget(index) is self:
            self.refresh()

    @property
    def center_id(self) -> str | None:
        return self.center_combo.currentData()

    # --- loading ------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.center_id is None:
            self.message.setText(self.tr("There is no center yet."))
            return
        started = time.perf_counter()
        self.tasks.run(partial(bed_board, self.db, self.actor, self.center_id),
                       partial(self._show, started), self._failed)
        self.daily.set_center(self.center_id)

    def _show(self, started: float, board: BedBoard) -> None:
        if board.center_id != self.center_id:
            return  # another center was chosen meanwhile
        self.timings["query_ms"] = (time.perf_counter() - started) * 1000
        self.board = board
        segment = self.segment_combo.currentData()
        self.segment_combo.blockSignals(True)
        self.segment_combo.clear()
        self.segment_combo.addItem(self.tr("All segments"), None)
        for code in dict.fromkeys(a.segment for a in board.areas):
            self.segment_combo.addItem(segment_label(code), code)
        self.segment_combo.setCurrentIndex(max(0, self.segment_combo.findData(segment)))
        self.segment_combo.blockSignals(False)
        beds_line, sphere_line = capacity_lines(board.capacity)
        self.beds_label.setText(beds_line)
        self.sphere_label.setText(sphere_line)
        warnings = [w.text() for w in board.capacity.warnings if w.msgid != NO_AREA]
        self.warning_label.setText("⚠ " + " ".join(warnings) if warnings else "")
        self.warning_label.setVisible(bool(warnings))
        self.panel.show_board(board)
        self.apply_filter()
        self.timings["total_ms"] = (time.perf_counter() - started) * 1000
        self.loaded.emit()

    def apply_filter(self) -> None:
        if self.board is None:
            return
        started = time.perf_counter()
        self.grid.set_areas(self.board.areas_of(self.segment_combo.currentData()))
        self.timings["layout_ms"] = (time.perf_counter() - started) * 1000

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self.show_message(error_text(error), error=True)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _ensure_visible(self, rect: QRect) -> None:
        self.scroll.ensureVisible(rect.center().x(), rect.center().y(), 10,
                                  rect.height() // 2 + 30)
