"""The bed board of a center (a tab of the main window): areas as blocks of bed tiles, a
segment filter, capacity two ways (beds and Sphere) with warnings, the people without a bed
and the expected arrivals; beds are assigned, moved, freed, blocked and unblocked from the
tiles (menu, keyboard or the side panel). A second tab has the day's numbers."""

from __future__ import annotations

import time
from functools import partial

from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QMenu, QPushButton, QScrollArea, QSplitter, QTabWidget,
    QVBoxLayout, QWidget,
)

from ...domain.capacity import NO_AREA
from ...domain.errors import AlbergueError
from ...domain.permissions import Permission
from ...services import beds, centers, stays
from ...services.bed_board import BedBoard, bed_board
from ...services.context import Actor
from ...storage.bed_queries import BedTile, Occupant
from ...storage.db import Database
from ..tasks import TaskManager
from .daily import DailyNumbersPanel
from .grid import BedGrid
from .labels import capacity_lines, segment_label
from .panel import BoardPanel
from .stay_dialogs import (
    BlockDialog, CheckInDialog, CheckOutDialog, TransferDialog, error_text,
)

ERROR_STYLE, WARNING_STYLE = "color: #b00020;", "color: #b00020; font-weight: bold;"
BANNER_STYLE = "background: #e3f2fd; color: #0d47a1; padding: 6px; font-weight: bold;"
KEYS = {"assign": "Ins", "move": "M", "check_out": "Del", "transfer": "T", "block": "B",
        "unblock": "B", "open": "O"}


class BedBoardView(QWidget):
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
        page_layout.addWidget(self.beds_label)
        page_layout.addWidget(self.sphere_label)
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

    # --- the current tile ---------------------------------------------------------------

    def _area_name(self, tile: BedTile) -> str:
        return next((a.name for a in self.board.areas if a.area_id == tile.area_id), "")

    def _on_current(self, tile: BedTile | None) -> None:
        if self.board is None:
            return
        self.panel.show_tile(tile, self._area_name(tile) if tile else None,
                             self.board.household_beds())
        allowed = self.allowed(tile)
        for name, button in self.panel.buttons.items():
            needs = Permission.MANAGE_CENTERS if name in ("block", "unblock") else (
                Permission.MANAGE_STAYS if name != "open" else Permission.VIEW_PEOPLE)
            button.setVisible(self.actor.can(needs))
            button.setEnabled(name in allowed)

    def allowed(self, tile: BedTile | None) -> set[str]:
        """What can be done with a tile, for this role."""
        if tile is None:
            return set()
        out: set[str] = set()
        if tile.state == "free":
            out |= {"assign"} if self.can_stays else set()
            out |= {"block"} if self.can_centers else set()
        elif tile.state == "occupied":
            out |= {"move", "check_out", "transfer"} if self.can_stays else set()
            out.add("open")
        elif self.can_centers:
            out.add("unblock")
        return out

    def show_menu(self, tile: BedTile, pos: QPoint) -> QMenu | None:
        allowed = self.allowed(tile)
        if not allowed:
            return None
        texts = {"assign": self.tr("&Assign a person…"), "move": self.tr("&Move to another bed…"),
                 "check_out": self.tr("Check &out…"), "transfer": self.tr("&Transfer…"),
                 "block": self.tr("&Block…"), "unblock": self.tr("&Unblock"),
                 "open": self.tr("&Open record")}
        menu = QMenu(self)
        for name in texts:
            if name in allowed:
                action = menu.addAction(texts[name], partial(self.do, name))
                action.setShortcut(QKeySequence(KEYS[name]))
        self.menu = menu
        menu.popup(pos)
        return menu

    def _on_activated(self, tile: BedTile) -> None:
        if self.target is not None:
            self._place_target(tile)
        else:
            self.show_menu(tile, self.grid.mapToGlobal(
                self.grid.tile_rect(tile.bed_id).center()))

    # --- actions ------------------------------------------------------------------------

    def do(self, name: str) -> None:
        tile = self.grid.current_tile()
        if name == "block" and tile is not None and tile.state == "blocked":
            name = "unblock"  # B toggles
        if tile is None or name not in self.allowed(tile) or self.board is None:
            return
        occupant = tile.occupant
        if name == "assign":
            self._open(CheckInDialog(self.db, self.actor, self.tasks, self.board, bed=tile,
                                     parent=self))
        elif name == "move":
            self.start_target(occupant)
        elif name == "check_out":
            self._open(CheckOutDialog(self.db, self.actor, self.tasks, occupant, self))
        elif name == "transfer":
            self._open(TransferDialog(self.db, self.actor, self.tasks, occupant,
                                      self.board.center_id, self))
        elif name == "block":
            self._open(BlockDialog(self.db, self.actor, self.tasks, tile, self))
        elif name == "unblock":
            self._write(partial(beds.unblock_bed, self.db, self.actor, tile.bed_id),
                        self.tr("Bed {bed} is back in service.").format(bed=tile.code))
        elif name == "open":
            self.open_person_requested.emit(occupant.person_id)

    def give_bed(self) -> None:
        occupant = self.panel.selected(self.panel.unbedded)
        if occupant is not None and self.can_stays:
            self.start_target(occupant)

    def receive(self) -> None:
        occupant = self.panel.selected(self.panel.pending)
        if occupant is not None and self.can_stays and self.board is not None:
            self._open(CheckInDialog(self.db, self.actor, self.tasks, self.board,
                                     person=occupant, parent=self))

    def _open(self, dialog) -> None:
        self.dialog = dialog
        dialog.succeeded.connect(self._after_write)
        dialog.finished.connect(self._dialog_closed)
        dialog.open()

    def _dialog_closed(self, _result: int) -> None:
        """Back to the board, ready for the next key."""
        self.window().activateWindow()
        self.grid.setFocus()

    def _write(self, fn, success: str) -> None:
        self.tasks.run(fn, lambda _r: self._after_write(success), self._failed)

    def _after_write(self, success: str) -> None:
        self.show_message(success)
        self.refresh()
        self.changed.emit()

    # --- choosing a free bed for someone ------------------------------------------------

    def start_target(self, occupant: Occupant) -> None:
        self.target = occupant
        self.banner.setText(self.tr("Choose a free bed for {name}: click it, or move with the "
                                    "arrows and press Enter. Esc cancels.").format(
            name=occupant.full_name))
        self.banner.show()
        self.grid.set_targeting(True)
        self.grid.setFocus()

    def cancel_target(self) -> None:
        self.target = None
        self.banner.hide()
        self.grid.set_targeting(False)

    def _place_target(self, tile: BedTile) -> None:
        if tile.state != "free":
            self.show_message(self.tr("Bed {bed} is not free.").format(bed=tile.code),
                              error=True)
            return
        occupant = self.target
        self.cancel_target()
        self._write(partial(stays.move_bed, self.db, self.actor, person_id=occupant.person_id,
                            bed_id=tile.bed_id),
                    self.tr("{name} is now in bed {bed}.").format(name=occupant.full_name,
                                                                  bed=tile.code))
