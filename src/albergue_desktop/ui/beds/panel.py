"""The side panel of the bed board: the selected bed (details, its household's beds and the
buttons of what can be done with it), the people present without a bed and the pending
arrivals of transfers. Widgets only; the board connects them."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGridLayout, QGroupBox, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout,
    QWidget,
)

from ...domain.labels import label
from ...services.bed_board import BedBoard
from ...storage.bed_queries import BedTile, Occupant
from .labels import state_label

ACTIONS = ("assign", "move", "check_out", "transfer", "block", "unblock", "open")


class BoardPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumWidth(300)
        self.setMaximumWidth(380)
        self.bed_box = QGroupBox(self.tr("Selected bed"), self)
        self.details = QLabel(self.tr("Choose a bed on the board (arrows, Enter for its "
                                      "actions)."), self.bed_box)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons: dict[str, QPushButton] = {}
        texts = {"assign": self.tr("Assign…"), "move": self.tr("Move…"),
                 "check_out": self.tr("Check out…"), "transfer": self.tr("Transfer…"),
                 "block": self.tr("Block…"), "unblock": self.tr("Unblock"),
                 "open": self.tr("Open record")}
        grid = QGridLayout()
        for i, name in enumerate(ACTIONS):
            button = QPushButton(texts[name], self.bed_box)
            button.setAutoDefault(False)
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[name] = button
        bed_layout = QVBoxLayout(self.bed_box)
        bed_layout.addWidget(self.details)
        bed_layout.addLayout(grid)

        self.unbedded_box = QGroupBox(self)
        self.unbedded = QListWidget(self.unbedded_box)
        self.unbedded.setMinimumHeight(48)
        self.give_bed_button = QPushButton(self.tr("Give a &bed…"), self.unbedded_box)
        inner = QVBoxLayout(self.unbedded_box)
        inner.addWidget(self.unbedded)
        inner.addWidget(self.give_bed_button)
        self.pending_box = QGroupBox(self)
        self.pending = QListWidget(self.pending_box)
        self.pending.setMinimumHeight(48)
        self.receive_button = QPushButton(self.tr("&Receive…"), self.pending_box)
        inner = QVBoxLayout(self.pending_box)
        inner.addWidget(self.pending)
        inner.addWidget(self.receive_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bed_box)
        layout.addWidget(self.unbedded_box, 1)
        layout.addWidget(self.pending_box, 1)
        self.show_tile(None, None, {})

    def show_board(self, board: BedBoard) -> None:
        self.unbedded_box.setTitle(self.tr("Present without a bed (%n)", "",
                                           len(board.unbedded)))
        self.pending_box.setTitle(self.tr("Expected arrivals (%n)", "", len(board.pending)))
        self._fill(self.unbedded, [(o, "") for o in board.unbedded])
        self._fill(self.pending, [(p.person, p.from_center or "") for p in board.pending])
        self.give_bed_button.setEnabled(self.unbedded.count() > 0)
        self.receive_button.setEnabled(self.pending.count() > 0)

    def _fill(self, widget: QListWidget, rows: list[tuple[Occupant, str]]) -> None:
        current = self.selected(widget)
        widget.clear()
        for occupant, origin in rows:
            text = f"{occupant.full_name} · {occupant.folio or '—'}"
            if origin:
                text += " — " + self.tr("from {center}").format(center=origin)
            item = QListWidgetItem(text, widget)
            item.setData(Qt.ItemDataRole.UserRole, occupant)
            if current is not None and occupant.person_id == current.person_id:
                widget.setCurrentItem(item)
        if widget.currentItem() is None and widget.count():
            widget.setCurrentRow(0)

    @staticmethod
    def selected(widget: QListWidget) -> Occupant | None:
        item = widget.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def show_tile(self, tile: BedTile | None, area_name: str | None,
                  household_beds: dict[str, tuple[str, ...]]) -> None:
        if tile is None:
            self.details.setText(self.tr("Choose a bed on the board (arrows, Enter for its "
                                         "actions)."))
            return
        lines = [f"<b>{escape(tile.code)}</b> · {escape(area_name or '')} · "
                 f"{escape(label('bed_kind', tile.kind))}",
                 escape(state_label(tile.state))]
        if tile.state == "blocked":
            lines.append(escape(self.tr("Reason: {reason}").format(
                reason=tile.block_reason or "—")))
        if tile.occupant is not None:
            o = tile.occupant
            lines.append(f"<b>{escape(o.full_name)}</b> · {escape(o.folio or '—')}")
            lines.append(escape(self.tr("Since {date}").format(
                date=o.check_in.astimezone().strftime("%d/%m/%Y %H:%M"))))
            beds = household_beds.get(o.household_id or "", ())
            if o.household_id:
                lines.append(escape(self.tr("Household {name}: beds {beds}").format(
                    name=o.household_label or "—", beds=", ".join(beds))))
        self.details.setText("<br>".join(lines))
