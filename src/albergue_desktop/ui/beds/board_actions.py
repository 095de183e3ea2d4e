"""What the bed board does with its tiles (a mixin of :class:`.board.BedBoardView`): which
actions a tile offers to the role, its menu, and each action through a dialog or a
service call in the background; choosing a free bed for someone (move, or a bed for a
person present without one)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu

from ...domain.permissions import Permission
from ...services import beds, stays
from ...storage.bed_queries import BedTile, Occupant
from ..ops import waiting_text
from .stay_dialogs import BlockDialog, CheckInDialog, CheckOutDialog, TransferDialog

MENU = {
    "assign": QT_TRANSLATE_NOOP("BedBoardView", "&Assign a person…"),
    "move": QT_TRANSLATE_NOOP("BedBoardView", "&Move to another bed…"),
    "check_out": QT_TRANSLATE_NOOP("BedBoardView", "Check &out…"),
    "transfer": QT_TRANSLATE_NOOP("BedBoardView", "&Transfer…"),
    "block": QT_TRANSLATE_NOOP("BedBoardView", "&Block…"),
    "unblock": QT_TRANSLATE_NOOP("BedBoardView", "&Unblock"),
    "open": QT_TRANSLATE_NOOP("BedBoardView", "&Open record"),
}
BACK_IN_SERVICE = QT_TRANSLATE_NOOP("BedBoardView", "Bed {bed} is back in service.")
CHOOSE_BED = QT_TRANSLATE_NOOP("BedBoardView", "Choose a free bed for {name}: click it, or "
                               "move with the arrows and press Enter. Esc cancels.")
NOT_FREE = QT_TRANSLATE_NOOP("BedBoardView", "Bed {bed} is not free.")
MOVED = QT_TRANSLATE_NOOP("BedBoardView", "{name} is now in bed {bed}.")
KEYS = {"assign": "Ins", "move": "M", "check_out": "Del", "transfer": "T", "block": "B",
        "unblock": "B", "open": "O"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("BedBoardView", text)


class BoardActions:
    """Needs ``db``, ``actor``, ``tasks``, ``board``, ``grid``, ``panel``, ``banner``,
    ``target``, ``can_stays``, ``can_centers``, ``refresh``, ``show_message``,
    ``_failed`` and the signals ``changed`` and ``open_person_requested``."""

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
        texts = {name: _tr(MENU[name]) for name in MENU}
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
                        _tr(BACK_IN_SERVICE).format(bed=tile.code))
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
        # a write: it waits for a pull that holds the file (ui/tasks.py)
        self.tasks.run(fn, lambda _r: self._after_write(success), self._failed, write=True)
        if self.tasks.writes_held:
            self.show_message(waiting_text(self.tasks))

    def _after_write(self, success: str) -> None:
        self.show_message(success)
        self.refresh()
        self.changed.emit()

    # --- choosing a free bed for someone ------------------------------------------------

    def start_target(self, occupant: Occupant) -> None:
        self.target = occupant
        self.banner.setText(_tr(CHOOSE_BED).format(name=occupant.full_name))
        self.banner.show()
        self.grid.set_targeting(True)
        self.grid.setFocus()

    def cancel_target(self) -> None:
        self.target = None
        self.banner.hide()
        self.grid.set_targeting(False)

    def _place_target(self, tile: BedTile) -> None:
        if tile.state != "free":
            self.show_message(_tr(NOT_FREE).format(bed=tile.code), error=True)
            return
        occupant = self.target
        self.cancel_target()
        self._write(partial(stays.move_bed, self.db, self.actor, person_id=occupant.person_id,
                            bed_id=tile.bed_id),
                    _tr(MOVED).format(name=occupant.full_name, bed=tile.code))
