"""Configuration of a center's beds (roles that manage centers): profile, medical care,
daily capacity and Sphere m² per person; areas with floor area and segment; beds created in
bulk ("create 30 cots in Dormitorio A"); beds blocked with a reason or unblocked."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
    QFormLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from ...domain.capacity import M2_PER_PERSON_DEFAULT, M2_PRESETS, preset_for
from ...domain.enums import BedKind
from ...domain.labels import label
from ...domain.permissions import Permission
from ...services import beds, centers
from ...services.bed_board import BedBoard, BoardArea, bed_board
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Center
from ..ops import ERROR_STYLE, Changes, error_text, query_op, write_op
from ..tasks import TaskManager
from .labels import segment_label, segment_pairs, state_label

BEDS = Changes.of("beds")


def load_center(db: Database, actor: Actor, center_id: str) -> tuple[Center, BedBoard]:
    """The center's stored settings and its bed board (on the worker)."""
    center = next(c for c in centers.list_centers(db) if c.id == center_id)
    return center, bed_board(db, actor, center_id)


class CenterConfigDialog(QDialog):
    """``changed()`` after each saved change. Opens at once; the center's settings and areas
    arrive from the worker (``loaded()``), and the center form is filled on the first load
    only, so a later reload never overwrites what is being typed."""

    changed = Signal()
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, center_id: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        actor.require(Permission.MANAGE_CENTERS)
        super().__init__(parent)
        self.db, self.actor, self.tasks, self.center_id = db, actor, tasks, center_id
        self.board: BedBoard | None = None
        self.center: Center | None = None
        self.setWindowTitle(self.tr("Configure center"))

        self.profile = QComboBox(self)
        for code, text in segment_pairs(areas=False):
            self.profile.addItem(text, code)
        self.medical = QCheckBox(self.tr("The center has &medical care"), self)
        self.capacity = QSpinBox(self)
        self.capacity.setRange(0, 5000)
        self.capacity.setSpecialValueText(self.tr("not set"))
        self.m2 = QDoubleSpinBox(self)
        self.m2.setRange(1, 20)
        self.m2.setSingleStep(0.5)
        self.m2.setSuffix(" m²")
        self.m2.setValue(M2_PER_PERSON_DEFAULT)
        self.m2_preset = QComboBox(self)
        for preset in M2_PRESETS:
            self.m2_preset.addItem(preset.text(), preset.key)
        self.m2_preset.addItem(self.tr("Another value"), "")
        self.m2_source = QLabel(self)
        self.m2_source.setWordWrap(True)
        self.m2_source.setStyleSheet("color: #444; font-style: italic;")
        self.m2_source.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        # room for the longest source, so the form does not jump (nor clip) when it changes
        self.m2_source.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        m2_cell = QVBoxLayout()
        m2_cell.setSpacing(2)
        m2_row = QHBoxLayout()
        m2_row.addWidget(self.m2_preset, 1)
        m2_row.addWidget(self.m2)
        m2_cell.addLayout(m2_row)
        m2_cell.addWidget(self.m2_source)
        self.save_center_button = save_center = QPushButton(self.tr("&Save center"), self)
        self.center_box = center_box = QGroupBox("…", self)
        center_box.setEnabled(False)  # until the stored settings arrive
        form = QFormLayout(center_box)
        form.addRow(self.tr("&Profile"), self.profile)
        form.addRow("", self.medical)
        form.addRow(self.tr("Daily &capacity"), self.capacity)
        m2_label = QLabel(self.tr("Sphere: m² per &person"), self)
        m2_label.setBuddy(self.m2_preset)
        sphere_tip = self.tr(
            "Sphere (the Sphere Handbook, 2018) sets the minimum humanitarian standards: "
            "here, the covered living space per person (at least 3.5 m²; 4.5-5.5 m² in a "
            "cold climate or where people cook and wash indoors). An area's Sphere capacity "
            "is its m² divided by that figure.")
        for widget in (m2_label, self.m2_preset):
            widget.setToolTip(sphere_tip)
        form.addRow(m2_label, m2_cell)
        form.addRow("", save_center)

        self.table = QTableWidget(0, 6, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Area"), self.tr("Segment"), self.tr("m²"), self.tr("Beds"),
            self.tr("Blocked"), self.tr("Sphere capacity")])
        self.table.horizontalHeaderItem(5).setToolTip(sphere_tip)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 8)
        self.area_name = QLineEdit(self)
        self.area_segment = QComboBox(self)
        for code, text in segment_pairs():
            self.area_segment.addItem(text, code)
        self.area_m2 = QDoubleSpinBox(self)
        self.area_m2.setRange(0, 100000)
        self.area_m2.setSuffix(" m²")
        self.area_m2.setSpecialValueText(self.tr("unknown"))
        save_area = QPushButton(self.tr("Save &area"), self)
        self.new_area_button = new_area = QPushButton(self.tr("&New area"), self)
        area_form = QFormLayout()
        area_form.addRow(self.tr("&Name"), self.area_name)
        area_form.addRow(self.tr("Se&gment"), self.area_segment)
        area_form.addRow(self.tr("&Floor area"), self.area_m2)
        area_buttons = QHBoxLayout()
        area_buttons.addWidget(save_area)
        area_buttons.addWidget(new_area)
        area_buttons.addStretch(1)
        area_form.addRow("", area_buttons)

        self.count = QSpinBox(self)
        self.count.setRange(1, 500)
        self.count.setValue(30)
        self.kind = QComboBox(self)
        for kind in BedKind:
            self.kind.addItem(label("bed_kind", kind), str(kind))
        self.bulk_area = QComboBox(self)
        self.prefix = QLineEdit(self)
        self.prefix.setMaxLength(4)
        self.prefix.setFixedWidth(60)
        self.prefix.setPlaceholderText("A")
        self.create_button = create = QPushButton(self.tr("C&reate beds"), self)
        self.bulk_area.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        bulk = QHBoxLayout()
        for widget in (QLabel(self.tr("Create"), self), self.count, self.kind,
                       QLabel(self.tr("in"), self), self.bulk_area):
            bulk.addWidget(widget)
        bulk.addStretch(1)
        for widget in (QLabel(self.tr("code prefix"), self), self.prefix, create):
            bulk.addWidget(widget)

        self.bed_list = QListWidget(self)
        self.bed_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.block_reason = QLineEdit(self)
        self.block_reason.setPlaceholderText(self.tr("Reason (required to block)"))
        self.block_button = block = QPushButton(self.tr("&Block selected"), self)
        self.unblock_button = unblock = QPushButton(self.tr("&Unblock selected"), self)
        beds_box = QGroupBox(self.tr("Beds of the selected area"), self)
        beds_layout = QVBoxLayout(beds_box)
        beds_layout.addWidget(self.bed_list, 1)
        beds_layout.addWidget(self.block_reason)
        row = QHBoxLayout()
        row.addWidget(block)
        row.addWidget(unblock)
        beds_layout.addLayout(row)

        areas_box = QGroupBox(self.tr("Areas and dormitories"), self)
        areas_layout = QVBoxLayout(areas_box)
        areas_layout.addWidget(self.table, 1)
        areas_layout.addLayout(area_form)
        areas_layout.addLayout(bulk)
        top = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(center_box)
        left.addWidget(beds_box, 1)
        top.addLayout(left, 1)
        top.addWidget(areas_box, 2)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(1150, 660)

        save_center.clicked.connect(self.save_center)
        save_area.clicked.connect(self.save_area)
        new_area.clicked.connect(self.new_area)
        create.clicked.connect(self.create_beds)
        block.clicked.connect(self.block_selected)
        unblock.clicked.connect(self.unblock_selected)
        self.table.currentCellChanged.connect(lambda *_: self._show_area())
        self.m2_preset.activated.connect(self._preset_chosen)
        self.m2.valueChanged.connect(self._show_preset)
        self._show_preset()
        self.reload()

    # --- Sphere presets -----------------------------------------------------------------

    def _preset_chosen(self, _index: int) -> None:
        preset = next((p for p in M2_PRESETS if p.key == self.m2_preset.currentData()), None)
        if preset is not None:
            self.m2.setValue(preset.m2_per_person)
        self._show_preset()

    def _show_preset(self, *_args) -> None:
        """The preset matching the value (or "another value") and its source."""
        preset = preset_for(self.m2.value())
        index = self.m2_preset.findData(preset.key if preset else "")
        self.m2_preset.setCurrentIndex(index)
        self.m2_source.setText(self.tr("Source: {source}").format(source=preset.source_text())
                               if preset else self.tr("A value set by the center, not a "
                                                      "Sphere preset."))

    # --- loading ------------------------------------------------------------------------

    def reload(self) -> None:
        query_op(self, self.tasks, partial(load_center, self.db, self.actor, self.center_id),
                 self._show, on_error=self._failed)

    def _fill_center(self, center: Center) -> None:
        self.center = center
        self.center_box.setTitle(f"{center.code} · {center.name}")
        self.profile.setCurrentIndex(max(0, self.profile.findData(center.profile)))
        self.medical.setChecked(center.has_medical_care)
        self.capacity.setValue(center.daily_capacity or 0)
        self.m2.setValue(center.m2_per_person or M2_PER_PERSON_DEFAULT)
        self.center_box.setEnabled(True)

    def _show(self, loaded: tuple[Center, BedBoard]) -> None:
        center, board = loaded
        if self.center is None:
            self._fill_center(center)
        current = self.current_area()
        self.board = board
        self.table.setRowCount(len(board.areas))
        self.bulk_area.clear()
        for r, area in enumerate(board.areas):
            cap = area.capacity
            sphere = cap.status.sphere_capacity
            cells = [area.name, segment_label(area.segment),
                     "—" if cap.area_m2 is None else f"{cap.area_m2:g}", str(cap.beds),
                     str(cap.blocked), "—" if sphere is None else str(sphere)]
            for c, text in enumerate(cells):
                self.table.setItem(r, c, QTableWidgetItem(text))
            self.bulk_area.addItem(area.name, area.area_id)
        ids = [a.area_id for a in board.areas]
        row = ids.index(current.area_id) if current and current.area_id in ids else 0
        if board.areas:
            self.table.selectRow(row)
            self.bulk_area.setCurrentIndex(row)
        self._show_area()
        self.loaded.emit()

    def current_area(self) -> BoardArea | None:
        row = self.table.currentRow()
        if self.board is None or not 0 <= row < len(self.board.areas):
            return None
        return self.board.areas[row]

    def _show_area(self) -> None:
        area = self.current_area()
        self.bed_list.clear()
        if area is None:
            return
        self.area_name.setText(area.name)
        self.area_segment.setCurrentIndex(max(0, self.area_segment.findData(area.segment)))
        self.area_m2.setValue(area.capacity.area_m2 or 0)
        self.bulk_area.setCurrentIndex(max(0, self.bulk_area.findData(area.area_id)))
        self.prefix.setPlaceholderText(area.name.split()[-1][:3].upper() if area.name else "")
        for tile in area.beds:
            text = f"{tile.code} · {label('bed_kind', tile.kind)} · {state_label(tile.state)}"
            if tile.state == "blocked":
                text += f" ({tile.block_reason or '—'})"
            item = QListWidgetItem(text, self.bed_list)
            item.setData(Qt.ItemDataRole.UserRole, tile)

    # --- writing ------------------------------------------------------------------------

    def _write(self, fn, success: str, changes: Changes | None = None) -> None:
        write_op(self, self.tasks, fn, changes=changes or BEDS,
                 on_done=lambda _r: self._written(success), on_error=self._failed)

    def _written(self, success: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(success)
        self.changed.emit()
        self.reload()

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    def save_center(self) -> None:
        if self.center is None:
            return  # not loaded yet: nothing to compare with, nothing typed
        changes = beds.CenterUpdate(profile=self.profile.currentData(),
                                    has_medical_care=self.medical.isChecked(),
                                    daily_capacity=self.capacity.value() or None,
                                    m2_per_person=self.m2.value())
        self._write(partial(beds.update_center, self.db, self.actor, self.center_id, changes),
                    self.tr("Center saved."), Changes.of("centers", "beds"))

    def _area_values(self) -> dict:
        return {"name": self.area_name.text().strip(),
                "segment": self.area_segment.currentData(),
                "area_m2": self.area_m2.value() or None}

    def save_area(self) -> None:
        area = self.current_area()
        if area is not None:
            self._write(partial(beds.update_area, self.db, self.actor, area.area_id,
                                beds.AreaUpdate(**self._area_values())),
                        self.tr("Area saved."))

    def new_area(self) -> None:
        values = self._area_values()
        if not values["name"] or (self.current_area() is not None
                                  and values["name"] == self.current_area().name):
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Write the name of the new area first."))
            self.area_name.setFocus()
            self.area_name.selectAll()
            return
        self._write(partial(centers.create_area, self.db, self.actor,
                            center_id=self.center_id, **values),
                    self.tr("Area {name} created.").format(name=values["name"]))

    def create_beds(self) -> None:
        area_id = self.bulk_area.currentData()
        if area_id is None:
            return
        count, area = self.count.value(), self.bulk_area.currentText()
        self._write(partial(centers.add_beds, self.db, self.actor, area_id=area_id,
                            count=count, kind=self.kind.currentData(),
                            prefix=self.prefix.text().strip().upper() or None),
                    self.tr("%n bed(s) created in {area}.", "", count).format(area=area))

    def _selected_tiles(self):
        return [i.data(Qt.ItemDataRole.UserRole) for i in self.bed_list.selectedItems()]

    def block_selected(self) -> None:
        tiles = self._selected_tiles()
        reason = self.block_reason.text().strip()
        if tiles and not reason:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(self.tr("Write why the beds are blocked: the reason is "
                                         "required."))
            self.block_reason.setFocus()
            return

        def block_all():
            for tile in tiles:
                beds.block_bed(self.db, self.actor, tile.bed_id, reason=reason)
        if tiles:
            write_op(self, self.tasks, block_all, changes=Changes.of("beds"),
                     on_done=lambda _r: self._written(
                         self.tr("%n bed(s) blocked.", "", len(tiles))),
                     on_error=self._failed)

    def unblock_selected(self) -> None:
        tiles = self._selected_tiles()

        def unblock_all():
            for tile in tiles:
                beds.unblock_bed(self.db, self.actor, tile.bed_id)
        if tiles:
            write_op(self, self.tasks, unblock_all, changes=Changes.of("beds"),
                     on_done=lambda _r: self._written(
                         self.tr("%n bed(s) unblocked.", "", len(tiles))),
                     on_error=self._failed)
