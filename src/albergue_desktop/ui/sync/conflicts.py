"""The conflicts screen (supervision and administration): the values a merge did not keep,
each beside the value kept, with who wrote them and when. Resolving picks one of the two
(or a typed value); the choice is a new change of this file, so it syncs to every file."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton,
    QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from albergue_sync import SyncRefused

from ...domain.errors import AlbergueError
from ...services import sync_conflicts
from ...services.context import Actor
from ...services.sync_conflicts import ConflictItem
from ...storage.db import Database
from ..ops import alive
from ..records.fields import field_label, format_value
from ..tasks import TaskManager
from .common import local_time, message_label, show_message
from .conflict_parts import WriteBox, kind_label, table_label

class ConflictsView(QWidget):
    """Signals: ``loaded()``, ``resolved()`` after a resolution was written,
    ``open_person_requested(person_id)``."""

    loaded = Signal()
    resolved = Signal()
    open_person_requested = Signal(str)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.items: list[ConflictItem] = []
        self._generation = 0

        self.count_label = QLabel(self)
        self.show_resolved = QCheckBox(self.tr("Show &resolved ones too"), self)
        self.reload_button = QPushButton(self.tr("Re&fresh"), self)
        top = QHBoxLayout()
        top.addWidget(self.count_label, 1)
        top.addWidget(self.show_resolved)
        top.addWidget(self.reload_button)

        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("What"),
                                              self.tr("Field"), self.tr("Conflict"),
                                              self.tr("State")])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)

        detail = QWidget(self)
        self.title = QLabel(detail)
        self.title.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open the record"), detail)
        title_row = QHBoxLayout()
        title_row.addWidget(self.title, 1)
        title_row.addWidget(self.open_button)
        self.kept_box = WriteBox(self.tr("Value kept by the merge"),
                                 self.tr("&Keep this value"), detail)
        self.other_box = WriteBox(self.tr("Other value"), self.tr("&Use this value"), detail)
        sides = QHBoxLayout()
        sides.addWidget(self.kept_box, 1)
        sides.addWidget(self.other_box, 1)
        self.typed = QLineEdit(detail)
        self.typed.setPlaceholderText(self.tr("or type the right value"))
        self.typed_button = QPushButton(self.tr("Use the &typed value"), detail)
        self.reviewed_button = QPushButton(self.tr("&Mark as reviewed"), detail)
        self.resolution = QLabel(detail)
        self.resolution.setWordWrap(True)
        actions = QHBoxLayout()
        actions.addWidget(self.typed, 1)
        actions.addWidget(self.typed_button)
        actions.addWidget(self.reviewed_button)
        self.message = message_label(detail)
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(title_row)
        detail_layout.addLayout(sides, 1)
        detail_layout.addLayout(actions)
        detail_layout.addWidget(self.resolution)
        detail_layout.addWidget(self.message)
        self.detail = detail

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.show_resolved.toggled.connect(lambda _on: self.reload())
        self.reload_button.clicked.connect(self.reload)
        self.table.itemSelectionChanged.connect(self._show_selected)
        self.open_button.clicked.connect(self._open_person)
        self.kept_box.use_button.clicked.connect(partial(self._resolve_side, "kept"))
        self.other_box.use_button.clicked.connect(partial(self._resolve_side, "other"))
        self.typed_button.clicked.connect(self._resolve_typed)
        self.typed.returnPressed.connect(self._resolve_typed)
        self.reviewed_button.clicked.connect(partial(self._resolve, "reviewed"))
        self._show_item(None)
        self.reload()

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        self._generation += 1
        generation = self._generation
        self.tasks.run(partial(sync_conflicts.list_conflicts, self.db, self.actor,
                               include_resolved=self.show_resolved.isChecked()),
                       alive(self, partial(self._show_items, generation)),
                       alive(self, self._failed))

    def _show_items(self, generation: int, items: list[ConflictItem]) -> None:
        if generation != self._generation:
            return
        selected = self.current()
        self.items = items
        open_count = sum(not c.resolved for c in items)
        self.count_label.setText(self.tr("%n open conflict(s)", "", open_count))
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            state = (self.tr("Resolved by {who}").format(who=item.resolved_by or "—")
                     if item.resolved else self.tr("Open"))
            cells = [item.record, table_label(item.table), field_label(item.field),
                     kind_label(item.kind), state]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        keep = next((i for i, c in enumerate(items) if selected and c.id == selected.id), 0)
        self.table.clearSelection()
        if items:
            self.table.selectRow(keep)
        self._show_selected()
        self.loaded.emit()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, (SyncRefused, AlbergueError)):
            raise error
        show_message(self.message, str(error), error=True)
        self.loaded.emit()

    def current(self) -> ConflictItem | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.items):
            return None
        return self.items[rows[0].row()]

    # --- the selected conflict --------------------------------------------------------------

    def _show_selected(self) -> None:
        self._show_item(self.current())

    def _value_text(self, item: ConflictItem, value) -> str:
        if item.kind == "delete" and value is True:
            return self.tr("Record deleted")
        if item.kind in ("orphan", "duplicate", "stay"):
            return str(value) if value not in (None, "") else "—"
        return format_value(item.field, value)

    def _show_item(self, item: ConflictItem | None) -> None:
        self.detail.setEnabled(item is not None)
        self.message.clear()
        self.typed.clear()
        if item is None:
            self.title.setText(self.tr("No conflict selected."))
            for box in (self.kept_box, self.other_box):
                box.value.clear()
                box.who.clear()
            self.resolution.clear()
            return
        self.title.setText(f"<b>{item.record}</b> · {table_label(item.table)} · "
                           f"{field_label(item.field)} — {kind_label(item.kind)}")
        self.open_button.setEnabled(item.person_id is not None)
        self.kept_box.show_write(self._value_text(item, item.kept.value), item.kept)
        self.other_box.show_write(self._value_text(item, item.other.value), item.other)
        field_kind = item.kind == "field"
        self.kept_box.use_button.setText(self.tr("&Keep deleted") if item.kind == "delete"
                                         else self.tr("&Keep this value"))
        self.other_box.use_button.setText(self.tr("&Restore the record")
                                          if item.kind == "delete" else self.tr("&Use this value"))
        for box in (self.kept_box, self.other_box):
            box.use_button.setVisible(field_kind or item.kind == "delete")
            box.use_button.setEnabled(not item.resolved)
        typable = field_kind and sync_conflicts.column_type(item.table, item.field) in (
            str, int, float, date)
        for widget in (self.typed, self.typed_button):
            widget.setVisible(typable)
            widget.setEnabled(not item.resolved)
        self.reviewed_button.setVisible(not field_kind and item.kind != "delete")
        self.reviewed_button.setEnabled(not item.resolved)
        self.resolution.setText(self.tr("Resolved by {who} on {when}: {value}").format(
            who=item.resolved_by or "—", when=local_time(item.resolved_at),
            value=self._value_text(item, item.resolved_value)) if item.resolved else "")

    def _open_person(self) -> None:
        item = self.current()
        if item is not None and item.person_id:
            self.open_person_requested.emit(item.person_id)

    # --- resolving --------------------------------------------------------------------------

    def _resolve_side(self, side: str) -> None:
        item = self.current()
        if item is None:
            return
        if item.kind == "delete":
            self._resolve("keep_deleted" if side == "kept" else "restore")
        else:
            self._resolve(side)

    def _resolve_typed(self) -> None:
        item = self.current()
        if item is None or not self.typed.isVisible():
            return
        try:
            value = sync_conflicts.typed_value(item.table, item.field, self.typed.text())
        except AlbergueError as exc:
            show_message(self.message, str(exc), error=True)
            self.typed.setFocus()
            return
        self._resolve("typed", value)

    def _resolve(self, choice: str, value=None) -> None:
        item = self.current()
        if item is None or item.resolved:
            return
        self.detail.setEnabled(False)
        self.tasks.run(partial(sync_conflicts.resolve_conflict, self.db, self.actor, item.id,
                               choice, value=value),
                       alive(self, self._on_resolved), alive(self, self._on_resolve_failed),
                       write=True)

    def _on_resolved(self, _result) -> None:
        self.resolved.emit()
        self.reload()

    def _on_resolve_failed(self, error: BaseException) -> None:
        self.detail.setEnabled(True)
        if not isinstance(error, (SyncRefused, AlbergueError)):
            raise error
        show_message(self.message, str(error), error=True)
