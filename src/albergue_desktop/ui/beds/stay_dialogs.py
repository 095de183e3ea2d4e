"""Dialogs of the bed board, each calling one service: check-in (assign a bed with the
bedding kit, receive a pending arrival, or give a bed to someone present without one),
check-out with reason and destination, transfer to another center, block a bed with a
reason. Each runs its service in the background and reports ``succeeded(message)``."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.enums import BeddingItem, CenterStatus, CheckoutReason
from ...domain.errors import AlbergueError
from ...domain.labels import label
from ...services import beds, centers, people, stays
from ...services.bed_board import BedBoard
from ...services.context import Actor
from ...storage.bed_queries import BedTile, Occupant
from ...storage.db import Database
from ..ops import ERROR_STYLE, error_text, query_op, waiting_text
from ..tasks import TaskManager

BLOCK_REASONS = (QT_TRANSLATE_NOOP("BlockDialog", "Broken cot"),
                 QT_TRANSLATE_NOOP("BlockDialog", "Wet mat"),
                 QT_TRANSLATE_NOOP("BlockDialog", "Kept free for isolation"),
                 QT_TRANSLATE_NOOP("BlockDialog", "Cleaning"))


class ServiceDialog(QDialog):
    succeeded = Signal(str)

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        # Enter answers OK (nothing while it is off); it never cancels: Esc does
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAutoDefault(False)
        self.ok_button.setDefault(True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.layout_ = QVBoxLayout(self)
        self.layout_.addLayout(self.form)
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)
        self.busy = False
        self.setMinimumWidth(460)

    def submit(self) -> None:  # overridden
        raise NotImplementedError

    def run(self, fn: Callable[[], object], success: str) -> None:
        if self.busy:
            return
        self.busy = True
        self.ok_button.setEnabled(False)
        self.message.clear()
        self.tasks.run(fn, lambda _result: self._done(success), self._failed, write=True)
        if self.tasks.writes_held:  # a pull holds the file: the write waits its turn
            self.message.setText(waiting_text(self.tasks))

    def _done(self, success: str) -> None:
        self.busy = False
        self.succeeded.emit(success)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self.busy = False
        self.ok_button.setEnabled(True)
        self.message.setText(error_text(error))


def bedding_boxes(parent: QWidget, kind: str | None) -> tuple[QWidget, dict[str, QCheckBox]]:
    """The bedding kit check boxes (cot, mat, blanket, pillow), in one row."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    boxes = {}
    for item in BeddingItem:
        box = QCheckBox(label("bedding", item), row)
        box.setChecked(item in (BeddingItem.BLANKET, BeddingItem.PILLOW) or item == kind)
        layout.addWidget(box)
        boxes[str(item)] = box
    layout.addStretch(1)
    return row, boxes


class CheckInDialog(ServiceDialog):
    """Assign a bed. ``bed`` fixed (a free tile) or chosen among the free beds; ``person``
    fixed (a pending arrival or someone without a bed) or chosen: people without a bed here,
    pending arrivals, or anyone registered found by name or folio."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, board: BedBoard, *,
                 bed: BedTile | None = None, person: Occupant | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Check-in"), parent)
        self.board, self.bed, self.person = board, bed, person
        self.unbedded = {o.person_id for o in board.unbedded}
        self.kit_row, self.kit = bedding_boxes(self, bed.kind if bed else "cot")
        self.ok_button.setText(self.tr("&Check in"))
        if bed is not None:
            area = next(a.name for a in board.areas if a.area_id == bed.area_id)
            self.form.addRow(self.tr("Bed"), QLabel(f"<b>{bed.code}</b> · {area}", self))
            self.bed_combo = None
        else:
            self.bed_combo = QComboBox(self)
            self.bed_combo.addItem(self.tr("No bed for now"), None)
            for area in board.areas:
                for tile in area.beds:
                    if tile.state == "free":
                        self.bed_combo.addItem(f"{tile.code} · {area.name}", tile.bed_id)
            self.bed_combo.setCurrentIndex(min(1, self.bed_combo.count() - 1))
            self.form.addRow(self.tr("&Bed"), self.bed_combo)
        if person is not None:
            self.form.addRow(self.tr("Person"), QLabel(
                f"<b>{person.full_name}</b> · {person.folio or '—'}", self))
            self.search = self.people_list = None
        else:
            self.search = QLineEdit(self)
            self.search.setPlaceholderText(self.tr("Name or folio, then Enter"))
            self.people_list = QListWidget(self)
            self.people_list.setMinimumSize(460, 200)
            self.form.addRow(self.tr("&Find"), self.search)
            self.form.addRow(self.tr("&Person"), self.people_list)
            self.search.installEventFilter(self)  # Enter searches; it does not check in
            self.people_list.currentItemChanged.connect(lambda *_: self._kit_for_person())
            self._fill([(o, "unbedded") for o in board.unbedded]
                       + [(p.person, "pending") for p in board.pending])
        self.form.addRow(self.tr("Bedding kit"), self.kit_row)
        self.notes = QLineEdit(self)
        self.form.addRow(self.tr("&Notes"), self.notes)
        self._kit_for_person()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt naming)
        if (watched is self.search and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self.find()
            return True
        return super().eventFilter(watched, event)

    def _fill(self, rows: list[tuple[Occupant, str]]) -> None:
        self.people_list.clear()
        texts = {"unbedded": self.tr("present here without a bed"),
                 "pending": self.tr("expected arrival (transfer)")}
        for occupant, kind in rows:
            item = QListWidgetItem(f"{occupant.full_name} · {occupant.folio or '—'} — "
                                   f"{texts[kind]}", self.people_list)
            item.setData(Qt.ItemDataRole.UserRole, occupant.person_id)
        if self.people_list.count():
            self.people_list.setCurrentRow(0)

    def find(self) -> None:
        text = self.search.text().strip()
        if text:
            self.tasks.run(partial(people.search_people, self.db, self.actor, text, limit=30),
                           self._found, self._failed)

    def _found(self, rows) -> None:
        self.people_list.clear()
        self.message.setText("")
        # someone with a bed is not checked in again: moving them is a board action
        bedded = [row for row in rows if row.bed_code]
        rows = [row for row in rows if not row.bed_code]
        for row in rows:
            item = QListWidgetItem(f"{row.full_name} · {row.folio or '—'} — "
                                   f"{label('person_status', row.status)}", self.people_list)
            item.setData(Qt.ItemDataRole.UserRole, row.id)
        if self.people_list.count():
            self.people_list.setCurrentRow(0)
        elif not bedded:
            self.message.setText(self.tr("Nobody found."))
        if bedded:
            self.message.setText(self.tr(
                "%n person(s) found already have a bed and are not listed (to change a "
                "bed, use Move to another bed on the board).", "", len(bedded)))
        self._kit_for_person()

    def person_id(self) -> str | None:
        if self.person is not None:
            return self.person.person_id
        item = self.people_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _kit_for_person(self) -> None:
        """Someone already present without a bed got their kit at check-in: just a bed."""
        self.kit_row.setEnabled(self.person_id() not in self.unbedded)

    def bed_id(self) -> str | None:
        return self.bed.bed_id if self.bed is not None else self.bed_combo.currentData()

    def submit(self) -> None:
        person_id, bed_id = self.person_id(), self.bed_id()
        if person_id is None:
            self.message.setText(self.tr("Choose a person."))
            return
        if person_id in self.unbedded:
            if bed_id is None:
                self.message.setText(self.tr("Choose a bed."))
                return
            self.run(partial(stays.move_bed, self.db, self.actor, person_id=person_id,
                             bed_id=bed_id), self.tr("Bed assigned."))
            return
        kit = [code for code, box in self.kit.items() if box.isChecked()]
        self.run(partial(stays.check_in, self.db, self.actor, person_id=person_id,
                         center_id=self.board.center_id, bed_id=bed_id, bedding=kit,
                         notes=self.notes.text().strip() or None),
                 self.tr("Checked in."))


class CheckOutDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, occupant: Occupant,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Check-out"), parent)
        self.occupant = occupant
        self.ok_button.setText(self.tr("&Check out"))
        self.form.addRow(self.tr("Person"), QLabel(
            f"<b>{occupant.full_name}</b> · {occupant.folio or '—'}", self))
        self.reason = QComboBox(self)
        for code in CheckoutReason:
            if code != CheckoutReason.TRANSFER:  # a transfer has its own dialog
                self.reason.addItem(label("checkout_reason", code), str(code))
        self.destination = QLineEdit(self)
        self.destination.setPlaceholderText(self.tr("City, address, hospital…"))
        self.notes = QLineEdit(self)
        self.form.addRow(self.tr("&Reason"), self.reason)
        self.form.addRow(self.tr("&Destination"), self.destination)
        self.form.addRow(self.tr("&Notes"), self.notes)

    def submit(self) -> None:
        self.run(partial(stays.check_out, self.db, self.actor,
                         person_id=self.occupant.person_id, reason=self.reason.currentData(),
                         destination=self.destination.text().strip() or None,
                         notes=self.notes.text().strip() or None),
                 self.tr("{name} checked out; the bed is free.").format(
                     name=self.occupant.full_name))


class TransferDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, occupant: Occupant,
                 from_center_id: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Transfer to another center"), parent)
        self.occupant = occupant
        self.ok_button.setText(self.tr("&Transfer"))
        self.form.addRow(self.tr("Person"), QLabel(
            f"<b>{occupant.full_name}</b> · {occupant.folio or '—'}", self))
        self.center = QComboBox(self)
        self.centers_loaded = False
        self.ok_button.setEnabled(False)  # until the centers arrive from the worker
        query_op(self, tasks, partial(centers.list_centers, db),
                 partial(self._fill_centers, from_center_id),
                 on_error=lambda e: self.message.setText(error_text(e)))
        self.notes = QLineEdit(self)
        self.form.addRow(self.tr("&To center"), self.center)
        self.form.addRow(self.tr("&Notes"), self.notes)
        note = QLabel(self.tr("The bed frees now; the other center receives the person as an "
                              "expected arrival, with the same record and folio."), self)
        note.setWordWrap(True)
        self.layout_.insertWidget(1, note)

    def _fill_centers(self, from_center_id: str, found: list) -> None:
        for c in found:
            if c.id != from_center_id and c.status != CenterStatus.CLOSED:
                self.center.addItem(f"{c.code} · {c.name}", c.id)
        self.centers_loaded = True
        if self.center.count() == 0:
            # said before anything can be pressed: the button stays off
            self.center.setEnabled(False)
            self.message.setText(self.tr(
                "No other open center is known to this file, so there is nowhere to transfer "
                "to. The other centers arrive with the next synchronization with the "
                "central, or an administrator adds them."))
            self.ok_button.setEnabled(False)
            return
        self.ok_button.setEnabled(not self.busy)

    def submit(self) -> None:
        if not self.centers_loaded:
            return
        if self.center.currentData() is None:
            self.message.setText(self.tr("There is no other open center."))
            return
        self.run(partial(stays.transfer, self.db, self.actor,
                         person_id=self.occupant.person_id,
                         to_center_id=self.center.currentData(),
                         notes=self.notes.text().strip() or None),
                 self.tr("{name} transferred to {center}.").format(
                     name=self.occupant.full_name, center=self.center.currentText()))


class BlockDialog(ServiceDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, tile: BedTile,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Block bed {bed}").format(bed=tile.code),
                         parent)
        self.tile = tile
        self.ok_button.setText(self.tr("&Block"))
        self.form.addRow(self.tr("Bed"), QLabel(f"<b>{tile.code}</b>", self))
        self.reason = QComboBox(self)
        self.reason.setMinimumWidth(320)
        self.reason.setEditable(True)
        self.reason.addItems([""] + [self.tr(r) for r in BLOCK_REASONS])
        self.reason.lineEdit().setPlaceholderText(self.tr("Why the bed is out of service"))
        self.form.addRow(self.tr("&Reason (required)"), self.reason)

    def submit(self) -> None:
        if not self.reason.currentText().strip():
            self.message.setText(self.tr("Write why the bed is blocked: the reason is "
                                         "required."))
            self.reason.setFocus()
            return
        self.run(partial(beds.block_bed, self.db, self.actor, self.tile.bed_id,
                         reason=self.reason.currentText()),
                 self.tr("Bed {bed} blocked.").format(bed=self.tile.code))
