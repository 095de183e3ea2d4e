"""The pharmacy screen (a tab): a center's medicine stock with its lots, expiry and low-stock
marks, the alerts, the movement history, and the Receive and Dispense dialogs. Reads and
writes through ops (services/stock_views.py, services/stock.py, services/pharmacy.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
    QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.stock import ExpiryState, ItemKind, expiry_state
from ...services import centers, pharmacy, stock_transfers, stock_views
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, on_changed, query_op, write_op
from ..tasks import TaskManager
from .dialogs import DispenseDialog, ReceiveDialog, TransferDialog, WriteOffDialog

MEDICINE = str(ItemKind.MEDICINE)
WARN = QColor("#fff3cd")
BAD = QColor("#f8d7da")


def _load(db: Database, actor: Actor, center_id: str | None):
    """Everything the screen shows, read on the worker."""
    found = centers.list_centers(db)
    center_id = center_id or actor.center_id or db.meta("center_id") or \
        (found[0].id if found else None)
    if center_id is None:
        return found, None, [], [], [], [], []
    return (found, center_id, stock_views.balances(db, actor, center_id, MEDICINE),
            stock_views.alerts(db, actor, center_id, MEDICINE),
            stock_views.history(db, actor, center_id, MEDICINE, limit=300),
            [(i.id, f"{i.name} {i.presentation}".strip())
             for i in stock_views.items(db, actor, MEDICINE)],
            stock_transfers.pending(db, actor, center_id, kind=MEDICINE))


def _cell(text: object, *, right: bool = False, colour: QColor | None = None
          ) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    if colour is not None:
        item.setBackground(QBrush(colour))
    return item


def _table(parent: QWidget, headers: list[str], name: str) -> QTableWidget:
    t = QTableWidget(0, len(headers), parent)
    t.setHorizontalHeaderLabels(headers)
    t.setAccessibleName(name)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().hide()
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    t.horizontalHeader().setStretchLastSection(True)
    return t


class PharmacyView(QWidget):
    """Signal ``loaded()`` after every read of the screen's data."""

    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.center_id: str | None = None
        self.stock: list[stock_views.ItemStock] = []
        self.items: list[tuple[str, str]] = []
        self.dialog = None
        self.pending_dispense: tuple[str, str] | None = None

        self.center = QComboBox(self)
        self.center.setAccessibleName(self.tr("Center"))
        self.receive_button = QPushButton(self.tr("&Receive…"), self)
        self.dispense_button = QPushButton(self.tr("&Dispense…"), self)
        self.write_off_button = QPushButton(self.tr("&Write off…"), self)
        self.write_off_button.setToolTip(self.tr("An expired lot or a loss of the medicine "
                                                 "selected"))
        self.transfer_button = QPushButton(self.tr("Send to another c&enter…"), self)
        self.report_button = QPushButton(self.tr("Dispensed re&port…"), self)
        self.catalog_button = QPushButton(self.tr("Load the medicine &list"), self)
        self.catalog_button.setToolTip(self.tr(
            "Adds the essential medicines of the curated list (WHO Model List 2021, Cuadro "
            "Básico) that this file does not have yet."))
        top = QHBoxLayout()
        center_label = QLabel(self.tr("&Center:"), self)
        center_label.setBuddy(self.center)
        top.addWidget(center_label)
        top.addWidget(self.center, 1)
        for b in (self.receive_button, self.dispense_button, self.write_off_button,
                  self.transfer_button, self.report_button, self.catalog_button):
            top.addWidget(b)
        self.alerts = QLabel(self)
        self.alerts.setWordWrap(True)
        self.alerts.setTextFormat(Qt.TextFormat.RichText)
        self.message = QLabel(self)
        self.message.setWordWrap(True)

        self.table = _table(self, [self.tr("Medicine"), self.tr("Presentation"),
                                   self.tr("On hand"), self.tr("Usable"), self.tr("Unit"),
                                   self.tr("Next expiry"), self.tr("Status")],
                            self.tr("Stock"))
        self.lots = _table(self, [self.tr("Lot"), self.tr("Expiry"), self.tr("Units"),
                                  self.tr("Status")], self.tr("Lots"))
        self.history = _table(self, [self.tr("Date"), self.tr("Medicine"), self.tr("Lot"),
                                     self.tr("Movement"), self.tr("Units"), self.tr("By"),
                                     self.tr("Note")], self.tr("Movements"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.lots)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(split, self.tr("&Stock"))
        self.tabs.addTab(self.history, self.tr("&Movements"))
        incoming = QWidget(self)
        self.pending = _table(incoming, [self.tr("Sent"), self.tr("From"), self.tr("Medicine"),
                                         self.tr("Lot"), self.tr("Expiry"), self.tr("Units")],
                              self.tr("Transfers in transit"))
        self.arrived_button = QPushButton(self.tr("The selected transfer &arrived"), incoming)
        box = QVBoxLayout(incoming)
        box.addWidget(self.pending, 1)
        box.addWidget(self.arrived_button)
        self.tabs.addTab(incoming, self.tr("&In transit"))
        self.transfers: list[stock_transfers.PendingTransfer] = []
        self.centers: list[tuple[str, str]] = []
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.center.activated.connect(lambda _i: self.refresh(self.center.currentData()))
        self.table.itemSelectionChanged.connect(self._show_lots)
        self.receive_button.clicked.connect(self.open_receive)
        self.dispense_button.clicked.connect(lambda: self.open_dispense())
        self.catalog_button.clicked.connect(self.load_catalog)
        self.write_off_button.clicked.connect(self.open_write_off)
        self.report_button.clicked.connect(self.open_report)
        self.transfer_button.clicked.connect(self.open_transfer)
        self.arrived_button.clicked.connect(self.receive_transfer)
        on_changed(self, lambda c: self.refresh() if c.touches("stock", "centers") else None)
        self.refresh()

    # --- reading ---------------------------------------------------------------------------

    def refresh(self, center_id: str | None = None) -> None:
        wanted = center_id or self.center_id
        db, actor = self.db, self.actor  # the worker never touches the widget
        query_op(self, self.tasks, lambda: _load(db, actor, wanted), self._loaded,
                 on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))

    def _loaded(self, data) -> None:
        found, center_id, balances, alerts, history, items, transfers = data
        self.center_id, self.stock, self.items = center_id, balances, items
        self.centers = [(c.id, f"{c.code} · {c.name}") for c in found]
        self._fill_transfers(transfers)
        self.center.blockSignals(True)
        self.center.clear()
        for c in found:
            self.center.addItem(f"{c.code} · {c.name}", c.id)
        if center_id is not None:
            self.center.setCurrentIndex(max(self.center.findData(center_id), 0))
        self.center.blockSignals(False)
        self._fill_stock(balances)
        self._fill_alerts(alerts)
        self._fill_history(history)
        for b in (self.receive_button, self.dispense_button, self.write_off_button,
                  self.transfer_button):
            b.setEnabled(center_id is not None and bool(items))
        if not items:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("No medicines in this file yet: load the medicine "
                                         "list first."))
        if self.pending_dispense is not None and items:
            person, self.pending_dispense = self.pending_dispense, None
            self.open_dispense(person if person[0] else None)
        self.loaded.emit()

    def _status(self, s: stock_views.ItemStock) -> tuple[str, QColor | None]:
        if s.negative:
            return self.tr("Negative: count it"), BAD
        state = s.expiry_state()
        if state is ExpiryState.EXPIRED:
            return self.tr("Expired lot"), BAD
        if s.low:
            return self.tr("Low (≤ {n})").format(n=s.low_stock), WARN
        if state is ExpiryState.SOON:
            return self.tr("Expires soon"), WARN
        return "", None

    def _fill_stock(self, balances: list[stock_views.ItemStock]) -> None:
        selected = self.selected_item()
        self.table.setRowCount(len(balances))
        for row, s in enumerate(balances):
            status, colour = self._status(s)
            nxt = next((b.expiry for b in s.lots if b.quantity > 0 and b.expiry), None)
            values = [s.name, s.presentation, s.quantity, s.usable, s.unit,
                      nxt.strftime("%d/%m/%Y") if nxt else "", status]
            for col, value in enumerate(values):
                item = _cell(value, right=col in (2, 3), colour=colour if col == 6 else None)
                item.setData(Qt.ItemDataRole.UserRole, s.item_id)
                self.table.setItem(row, col, item)
            if s.item_id == selected:
                self.table.selectRow(row)
        self._show_lots()

    def selected_item(self) -> str | None:
        items = self.table.selectedItems()
        return items[0].data(Qt.ItemDataRole.UserRole) if items else None

    def _show_lots(self) -> None:
        item_id = self.selected_item()
        s = next((x for x in self.stock if x.item_id == item_id), None)
        lots = list(s.lots) if s else []
        today = clock.today()
        self.lots.setRowCount(len(lots))
        labels = {ExpiryState.EXPIRED: (self.tr("Expired: write it off"), BAD),
                  ExpiryState.SOON: (self.tr("Expires soon"), WARN)}
        for row, b in enumerate(lots):
            text, colour = labels.get(expiry_state(b.expiry, today), ("", None))
            for col, value in enumerate([b.lot_code or "—", b.expiry.strftime("%d/%m/%Y")
                                         if b.expiry else "", b.quantity, text]):
                self.lots.setItem(row, col, _cell(value, right=col == 2,
                                                  colour=colour if col == 3 else None))

    def _fill_alerts(self, alerts: list[stock_views.StockAlert]) -> None:
        if not alerts:
            self.alerts.setText(self.tr("No stock alerts."))
            return
        counts = {k: sum(1 for a in alerts if a.kind == k)
                  for k in ("expired", "soon", "low", "negative")}
        parts = [self.tr("{n} expired lots").format(n=counts["expired"]) if counts["expired"]
                 else "",
                 self.tr("{n} lots expiring soon").format(n=counts["soon"]) if counts["soon"]
                 else "",
                 self.tr("{n} medicines low").format(n=counts["low"]) if counts["low"] else "",
                 self.tr("{n} negative balances").format(n=counts["negative"])
                 if counts["negative"] else ""]
        self.alerts.setText("<b>" + self.tr("Alerts:") + "</b> " +
                            " · ".join(p for p in parts if p))

    def _fill_history(self, rows: list[stock_views.MovementRow]) -> None:
        names = self.movement_names()
        self.history.setRowCount(len(rows))
        for row, m in enumerate(rows):
            note = " · ".join(x for x in (m.other_center, m.note) if x)
            values = [m.moved_at.astimezone().strftime("%d/%m/%Y %H:%M"), m.item,
                      m.lot_code or "—", names.get(m.reason, m.reason), m.quantity,
                      m.moved_by, note]
            for col, value in enumerate(values):
                self.history.setItem(row, col, _cell(value, right=col == 4))

    def movement_names(self) -> dict[str, str]:
        return {"donation_in": self.tr("Donation"), "purchase_in": self.tr("Purchase"),
                "transfer_in": self.tr("Transfer received"),
                "dispense_out": self.tr("Dispensed"), "distribution_out": self.tr("Handed out"),
                "transfer_out": self.tr("Transfer sent"), "loss": self.tr("Loss"),
                "expiry": self.tr("Expired, written off"), "adjustment": self.tr("Count")}

    # --- writing ----------------------------------------------------------------------------

    def open_receive(self) -> ReceiveDialog | None:
        if self.center_id is None or not self.items:
            return None
        self.dialog = ReceiveDialog(self.db, self.actor, self.tasks, self.center_id,
                                    self.items, self)
        self.dialog.saved.connect(self._after_receive)
        self.dialog.open()
        return self.dialog

    def _after_receive(self, result) -> None:
        self._say_warnings(self.tr("Received."), result.warnings)

    def open_dispense(self, person: tuple[str, str] | None = None) -> DispenseDialog | None:
        if self.center_id is None or not self.items:
            return None
        labels = {s.item_id: f"{s.name} {s.presentation} ({s.usable} {s.unit})"
                  for s in self.stock}
        items = [(i, labels.get(i, label)) for i, label in self.items if i in labels] or \
            self.items
        self.dialog = DispenseDialog(self.db, self.actor, self.tasks, self.center_id, items,
                                     person, self)
        self.dialog.saved.connect(self._after_dispense)
        self.dialog.open()
        return self.dialog

    def _after_dispense(self, result: pharmacy.DispenseResult) -> None:
        lots = ", ".join(f"{lot.lot_code or '—'} ×{n}" for lot, n in result.movement.taken)
        self._say_warnings(self.tr("Dispensed from lot(s) {lots}.").format(lots=lots),
                           result.warnings)

    def _say_warnings(self, head: str, warnings) -> None:
        text = " ".join([head, *(w.message() for w in warnings)])
        self.message.setStyleSheet(ERROR_STYLE if warnings else "")
        self.message.setText(text)

    def _fill_transfers(self, transfers: list[stock_transfers.PendingTransfer]) -> None:
        self.transfers = transfers
        self.pending.setRowCount(len(transfers))
        for row, t in enumerate(transfers):
            values = [t.sent_at.astimezone().strftime("%d/%m/%Y %H:%M"), t.from_center, t.item,
                      t.lot_code or "—", t.expiry.strftime("%d/%m/%Y") if t.expiry else "",
                      f"{t.quantity} {t.unit}"]
            for col, value in enumerate(values):
                self.pending.setItem(row, col, _cell(value, right=col == 5))
        self.arrived_button.setEnabled(bool(transfers))
        if transfers:
            self.tabs.setTabText(2, self.tr("&In transit ({n})").format(n=len(transfers)))
        else:
            self.tabs.setTabText(2, self.tr("&In transit"))

    def receive_transfer(self) -> None:
        rows = self.pending.selectionModel().selectedRows()
        if not rows:
            self.message.setText(self.tr("Select the transfer that arrived."))
            return
        sent = self.transfers[rows[0].row()]
        db, actor = self.db, self.actor  # the worker never touches the widget
        write_op(self, self.tasks,
                 lambda: stock_transfers.receive_sent(db, actor, sent_id=sent.sent_id),
                 changes=Changes.of("stock"), on_error=self._failed,
                 on_done=lambda _r: self.message.setText(
                     self.tr("Received from {center}: {units} {unit} of {item}.").format(
                         center=sent.from_center, units=sent.quantity, unit=sent.unit,
                         item=sent.item)))

    def open_write_off(self) -> WriteOffDialog | None:
        item_id = self.selected_item()
        s = next((x for x in self.stock if x.item_id == item_id), None)
        if self.center_id is None or s is None or not any(b.quantity > 0 for b in s.lots):
            self.message.setText(self.tr("Select a medicine with stock first."))
            return None
        today = clock.today()
        lots = [(b.lot_id, f"{b.lot_code or '—'} · "
                 f"{b.expiry.strftime('%d/%m/%Y') if b.expiry else ''} · {b.quantity}",
                 b.quantity, expiry_state(b.expiry, today) is ExpiryState.EXPIRED)
                for b in s.lots if b.quantity > 0]
        self.dialog = WriteOffDialog(self.db, self.actor, self.tasks, self.center_id, s.item_id,
                                     f"{s.name} {s.presentation}", lots, self)
        self.dialog.saved.connect(lambda _r: self.message.setText(self.tr("Written off.")))
        self.dialog.open()
        return self.dialog

    def open_transfer(self) -> TransferDialog | None:
        if self.center_id is None or len(self.centers) < 2:
            self.message.setText(self.tr("This file knows no other center."))
            return None
        items = [(s.item_id, f"{s.name} {s.presentation} ({s.usable} {s.unit})")
                 for s in self.stock if s.usable > 0]
        self.dialog = TransferDialog(self.db, self.actor, self.tasks, self.center_id, items,
                                     self.centers, self)
        self.dialog.saved.connect(lambda _r: self.message.setText(
            self.tr("Sent; the other center records the arrival.")))
        self.dialog.open()
        return self.dialog

    def open_report(self):
        from .dispensed_dialog import DispensedReportDialog
        self.dialog = DispensedReportDialog(self.db, self.actor, self.tasks, self.center_id,
                                            self)
        self.dialog.open()
        return self.dialog

    def load_catalog(self) -> None:
        db, actor = self.db, self.actor  # the worker never touches the widget
        write_op(self, self.tasks, lambda: pharmacy.load_catalog(db, actor),
                 changes=Changes.of("stock"), on_error=self._failed,
                 on_done=lambda n: self.message.setText(
                     self.tr("{n} medicines added to the list.").format(n=n)))
