"""The warehouse screen (a tab): a center's supplies stock by item with the low-stock marks,
the latest movements, transfers in transit; receive a donation (with its receipt), send
to another center, load the supply catalog. Reads and writes through ops
(services/stock_views.py, services/supplies.py, services/stock_transfers.py)."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDateEdit, QDoubleSpinBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton, QSpinBox, QTableWidget, QTableWidgetItem,
    QTabWidget, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain import supplies as sd
from ...domain.i18n import translate
from ...domain.stock import ItemKind
from ...services import centers, stock_transfers, stock_views, supplies
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, on_changed, query_op, write_op
from ..pharmacy.dialogs import FormDialog
from ..tasks import TaskManager

SUPPLY = str(ItemKind.SUPPLY)
WARN = QColor("#fff3cd")
BAD = QColor("#f8d7da")


def _load(db: Database, actor: Actor, center_id: str | None):
    found = centers.list_centers(db)
    center_id = center_id or actor.center_id or db.meta("center_id") or \
        (found[0].id if found else None)
    if center_id is None:
        return found, None, [], [], [], []
    return (found, center_id, stock_views.balances(db, actor, center_id, SUPPLY),
            stock_views.history(db, actor, center_id, SUPPLY, limit=300),
            [(i.id, f"{i.name} ({i.unit})") for i in supplies.supply_items(db, actor)],
            stock_transfers.pending(db, actor, center_id, kind=SUPPLY))


def _cell(value: object, *, right: bool = False, colour: QColor | None = None
          ) -> QTableWidgetItem:
    item = QTableWidgetItem("" if value is None else str(value))
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


class DonationDialog(FormDialog):
    """A donation received: donor (a partner of the program, an organization or a person),
    date, in-kind value if known, and the items counted, one line each."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 items: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.setWindowTitle(self.tr("Receive a donation"))
        self.kind = QComboBox(self)
        self.kind.addItem(self.tr("Partner of the program"), str(sd.DonorKind.PARTNER))
        self.kind.addItem(self.tr("Organization or business"), str(sd.DonorKind.ORGANIZATION))
        self.kind.addItem(self.tr("Person"), str(sd.DonorKind.PERSON))
        self.partner = QComboBox(self)
        for code, name in sd.PARTNERS.items():
            self.partner.addItem(name, code)
        self.donor = QLineEdit(self)
        self.donor.setEnabled(False)
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = clock.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.value = QDoubleSpinBox(self)
        self.value.setRange(0, 100_000_000)
        self.value.setDecimals(2)
        self.value.setPrefix("$ ")
        self.value.setSpecialValueText(self.tr("not declared"))
        self.note = QLineEdit(self)
        self.item = QComboBox(self)
        for item_id, label in items:
            self.item.addItem(label, item_id)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 1_000_000)
        self.add_button = QPushButton(self.tr("&Add line"), self)
        self.add_button.setAutoDefault(False)
        self.lines = _table(self, [self.tr("Item"), self.tr("Quantity")], self.tr("Items"))
        form = QFormLayout()
        form.addRow(self.tr("&Donor"), self.kind)
        form.addRow(self.tr("&Partner"), self.partner)
        form.addRow(self.tr("Donor &name"), self.donor)
        form.addRow(self.tr("D&ate received"), self.day)
        form.addRow(self.tr("In-kind &value (MXN)"), self.value)
        form.addRow(self.tr("N&ote"), self.note)
        line = QHBoxLayout()
        line.addWidget(self.item, 3)
        line.addWidget(self.quantity, 1)
        line.addWidget(self.add_button)
        item_label = QLabel(self.tr("&Item"), self)
        item_label.setBuddy(self.item)
        form.addRow(item_label, line)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.lines, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.entries: list[tuple[str, str, int]] = []
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.add_button.clicked.connect(self.add_line)
        self.watch(self.kind, self.partner, self.donor, self.day, self.value, self.note,
                   self.quantity)
        self.resize(640, 520)
        self.kind.setFocus()

    def _kind_changed(self) -> None:
        partner = self.kind.currentData() == sd.DonorKind.PARTNER
        self.partner.setEnabled(partner)
        self.donor.setEnabled(not partner)

    def add_line(self) -> None:
        if self.item.currentData() is None or self.quantity.value() <= 0:
            self.message.setText(self.tr("Choose an item and a quantity above zero."))
            return
        self.entries.append((self.item.currentData(), self.item.currentText(),
                             self.quantity.value()))
        self.lines.setRowCount(len(self.entries))
        for row, (_i, label, qty) in enumerate(self.entries):
            self.lines.setItem(row, 0, _cell(label))
            self.lines.setItem(row, 1, _cell(qty, right=True))
        self.quantity.setValue(0)
        self.message.clear()
        self.dirty = True
        self.item.setFocus()

    def save(self) -> None:
        if self.quantity.value() > 0:  # a line typed and not added yet: add it
            self.add_line()
        kind = self.kind.currentData()
        donor = self.partner.currentData() if kind == sd.DonorKind.PARTNER else self.donor.text()
        d = self.day.date()
        from datetime import date
        kwargs = dict(center_id=self.center_id, received_on=date(d.year(), d.month(), d.day()),
                      donor_kind=kind, donor=donor,
                      lines=[supplies.DonationLine(i, q) for i, _l, q in self.entries],
                      value_mxn=self.value.value() or None, note=self.note.text())
        callbacks = self.begin_save()
        if callbacks is not None:
            write_op(self, self.tasks,
                     lambda db=self.db, actor=self.actor: supplies.record_donation(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])


class SupplyTransferDialog(FormDialog):
    """Send units of a supply to another center; the other center records the arrival."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 items: list[tuple[str, str]], centers_: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.setWindowTitle(self.tr("Send to another center"))
        self.item = QComboBox(self)
        for item_id, label in items:
            self.item.addItem(label, item_id)
        self.to_center = QComboBox(self)
        for cid, label in centers_:
            if cid != center_id:
                self.to_center.addItem(label, cid)
        self.quantity = QSpinBox(self)
        self.quantity.setRange(0, 1_000_000)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("&Item"), self.item)
        form.addRow(self.tr("&To"), self.to_center)
        form.addRow(self.tr("&Quantity"), self.quantity)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.watch(self.item, self.to_center, self.quantity, self.note)
        self.item.setFocus()

    def save(self) -> None:
        if self.item.currentData() is None or self.to_center.currentData() is None:
            self.message.setText(self.tr("Choose the item and the center."))
            return
        kwargs = dict(from_center_id=self.center_id, to_center_id=self.to_center.currentData(),
                      item_id=self.item.currentData(), quantity=self.quantity.value(),
                      note=self.note.text())
        callbacks = self.begin_save()
        if callbacks is not None:
            write_op(self, self.tasks,
                     lambda db=self.db, actor=self.actor: stock_transfers.send(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])


class WarehouseView(QWidget):
    """Signal ``loaded()`` after every read of the screen's data."""

    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.center_id: str | None = None
        self.stock: list[stock_views.ItemStock] = []
        self.items: list[tuple[str, str]] = []
        self.centers: list[tuple[str, str]] = []
        self.transfers: list[stock_transfers.PendingTransfer] = []
        self.dialog: FormDialog | None = None

        self.center = QComboBox(self)
        self.center.setAccessibleName(self.tr("Center"))
        self.receive_button = QPushButton(self.tr("&Receive a donation…"), self)
        self.transfer_button = QPushButton(self.tr("Send to another c&enter…"), self)
        self.catalog_button = QPushButton(self.tr("Load the supply &catalog"), self)
        self.meals_button = QPushButton(self.tr("&Meals served…"), self)
        self.wash_button = QPushButton(self.tr("&Water and sanitation…"), self)
        top = QHBoxLayout()
        center_label = QLabel(self.tr("&Center:"), self)
        center_label.setBuddy(self.center)
        top.addWidget(center_label)
        top.addWidget(self.center, 1)
        for b in (self.receive_button, self.transfer_button, self.meals_button,
                  self.wash_button, self.catalog_button):
            top.addWidget(b)
        self.alerts = QLabel(self)
        self.alerts.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.table = _table(self, [self.tr("Item"), self.tr("On hand"), self.tr("Unit"),
                                   self.tr("Low at"), self.tr("Status")], self.tr("Stock"))
        self.history = _table(self, [self.tr("Date"), self.tr("Item"), self.tr("Movement"),
                                     self.tr("Quantity"), self.tr("By"), self.tr("Note")],
                              self.tr("Movements"))
        incoming = QWidget(self)
        self.pending = _table(incoming, [self.tr("Sent"), self.tr("From"), self.tr("Item"),
                                         self.tr("Quantity")], self.tr("Transfers in transit"))
        self.arrived_button = QPushButton(self.tr("The selected transfer &arrived"), incoming)
        box = QVBoxLayout(incoming)
        box.addWidget(self.pending, 1)
        box.addWidget(self.arrived_button)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.table, self.tr("&Stock"))
        self.tabs.addTab(self.history, self.tr("&Movements"))
        self.tabs.addTab(incoming, self.tr("&In transit"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.alerts)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

        self.center.activated.connect(lambda _i: self.refresh(self.center.currentData()))
        self.receive_button.clicked.connect(self.open_donation)
        self.transfer_button.clicked.connect(self.open_transfer)
        self.catalog_button.clicked.connect(self.load_catalog)
        self.meals_button.clicked.connect(self.open_meals)
        self.wash_button.clicked.connect(self.open_wash)
        self.arrived_button.clicked.connect(self.receive_transfer)
        on_changed(self, lambda c: self.refresh() if c.touches("stock", "centers") else None)
        self.refresh()

    def refresh(self, center_id: str | None = None) -> None:
        wanted = center_id or self.center_id
        query_op(self, self.tasks, lambda db=self.db, actor=self.actor: _load(db, actor, wanted), self._loaded,
                 on_error=self._failed)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(error_text(error))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _loaded(self, data) -> None:
        found, center_id, balances, history, items, transfers = data
        self.center_id, self.stock, self.items = center_id, balances, items
        self.centers = [(c.id, f"{c.code} · {c.name}") for c in found]
        self.center.blockSignals(True)
        self.center.clear()
        for c in found:
            self.center.addItem(f"{c.code} · {c.name}", c.id)
        if center_id is not None:
            self.center.setCurrentIndex(max(self.center.findData(center_id), 0))
        self.center.blockSignals(False)
        self.table.setRowCount(len(balances))
        low = 0
        for row, s in enumerate(sorted(balances, key=lambda s: s.name)):
            status, colour = "", None
            if s.negative:
                status, colour = self.tr("Negative: count it"), BAD
            elif s.low:
                status, colour = self.tr("Low"), WARN
                low += 1
            values = [s.name, s.quantity, s.unit,
                      "" if s.low_stock is None else s.low_stock, status]
            for col, value in enumerate(values):
                self.table.setItem(row, col, _cell(value, right=col in (1, 3),
                                                   colour=colour if col == 4 else None))
        names = {"donation_in": self.tr("Donation"), "purchase_in": self.tr("Purchase"),
                 "transfer_in": self.tr("Transfer received"),
                 "distribution_out": self.tr("Handed out"),
                 "transfer_out": self.tr("Transfer sent"), "loss": self.tr("Loss"),
                 "expiry": self.tr("Expired, written off"), "adjustment": self.tr("Count")}
        self.history.setRowCount(len(history))
        for row, m in enumerate(history):
            note = " · ".join(x for x in (m.other_center, m.note) if x)
            for col, value in enumerate([m.moved_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                                         m.item, names.get(m.reason, m.reason), m.quantity,
                                         m.moved_by, note]):
                self.history.setItem(row, col, _cell(value, right=col == 3))
        self.transfers = transfers
        self.pending.setRowCount(len(transfers))
        for row, t in enumerate(transfers):
            for col, value in enumerate([t.sent_at.astimezone().strftime("%d/%m/%Y %H:%M"),
                                         t.from_center, t.item, f"{t.quantity} {t.unit}"]):
                self.pending.setItem(row, col, _cell(value, right=col == 3))
        self.arrived_button.setEnabled(bool(transfers))
        self.alerts.setText(self.tr("{n} items low").format(n=low) if low
                            else self.tr("No stock alerts."))
        for b in (self.receive_button, self.transfer_button):
            b.setEnabled(center_id is not None and bool(items))
        if not items:
            self._say(self.tr("No supplies in this file yet: load the supply catalog first."))
        self.loaded.emit()

    def open_donation(self) -> DonationDialog | None:
        if self.center_id is None or not self.items:
            return None
        dialog = DonationDialog(self.db, self.actor, self.tasks, self.center_id, self.items,
                                self)
        dialog.saved.connect(lambda result: self._say(
            " ".join([self.tr("Donation received."), *(w.message() for w in result[1])])))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_transfer(self) -> SupplyTransferDialog | None:
        if self.center_id is None or len(self.centers) < 2:
            self._say(self.tr("This file knows no other center."))
            return None
        items = [(s.item_id, f"{s.name} ({s.usable} {s.unit})") for s in self.stock
                 if s.usable > 0]
        dialog = SupplyTransferDialog(self.db, self.actor, self.tasks, self.center_id, items,
                                      self.centers, self)
        dialog.saved.connect(lambda _r: self._say(
            self.tr("Sent; the other center records the arrival.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_meals(self) -> MealsDialog | None:
        if self.center_id is None:
            return None
        dialog = MealsDialog(self.db, self.actor, self.tasks, self.center_id, self)
        dialog.saved.connect(lambda _r: self._say(self.tr("Meals recorded.")))
        self.dialog = dialog
        dialog.open()
        return dialog

    def open_wash(self) -> WashDialog | None:
        if self.center_id is None:
            return None
        dialog = WashDialog(self.db, self.actor, self.tasks, self.center_id, self)
        dialog.saved.connect(self._after_wash)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _after_wash(self, shortfalls: list[sd.WashShortfall]) -> None:
        if not shortfalls:
            self._say(self.tr("Water and sanitation recorded: the center meets the Sphere "
                              "indicators."))
            return
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(" ".join([self.tr("Below the Sphere indicators:"),
                                       *(translate(s.msgid, **s.params) for s in shortfalls)]))

    def receive_transfer(self) -> None:
        rows = self.pending.selectionModel().selectedRows()
        if not rows:
            self._say(self.tr("Select the transfer that arrived."))
            return
        sent = self.transfers[rows[0].row()]
        write_op(self, self.tasks,
                 lambda db=self.db, actor=self.actor: stock_transfers.receive_sent(db, actor, sent_id=sent.sent_id),
                 changes=Changes.of("stock"), on_error=self._failed,
                 on_done=lambda _r: self._say(self.tr("Transfer received.")))

    def load_catalog(self) -> None:
        write_op(self, self.tasks, lambda db=self.db, actor=self.actor: supplies.load_catalog(db, actor),
                 changes=Changes.of("stock"), on_error=self._failed,
                 on_done=lambda n: self._say(
                     self.tr("{n} supplies added to the catalog.").format(n=n)))


class MealsDialog(FormDialog):
    """The meals served at the center in one service of a day: the number (the people
    present now is offered), the provider, special diets as totals (no names)."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.setWindowTitle(self.tr("Meals served"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = clock.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.service = QComboBox(self)
        for kind, label in ((sd.MealKind.BREAKFAST, self.tr("Breakfast")),
                            (sd.MealKind.LUNCH, self.tr("Lunch")),
                            (sd.MealKind.DINNER, self.tr("Dinner"))):
            self.service.addItem(label, str(kind))
        self.served = QSpinBox(self)
        self.served.setRange(0, 100_000)
        self.provider = QComboBox(self)
        self.provider.setEditable(True)
        self.provider.addItem("", None)
        for code, name in sd.PARTNERS.items():
            self.provider.addItem(name, code)
        self.infants = QSpinBox(self)
        self.pregnant = QSpinBox(self)
        self.chronic = QSpinBox(self)
        for s in (self.infants, self.pregnant, self.chronic):
            s.setRange(0, 10_000)
        self.present: int | None = None
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Service"), self.service)
        form.addRow(self.tr("Meals s&erved"), self.served)
        form.addRow(self.tr("&Provider"), self.provider)
        form.addRow(self.tr("Special diets: &infants"), self.infants)
        form.addRow(self.tr("Special diets: p&regnancy"), self.pregnant)
        form.addRow(self.tr("Special diets: &chronic illness"), self.chronic)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.watch(self.day, self.service, self.served, self.infants, self.pregnant,
                   self.chronic)
        query_op(self, tasks, lambda: supplies.present_count(db, actor, center_id),
                 self._present, on_error=self.on_error)
        self.served.setFocus()

    def _present(self, n: int) -> None:
        self.present = n
        if not self.dirty:
            self.served.setValue(n)
            self.dirty = False
        self.served.setToolTip(self.tr("People present now: {n}").format(n=n))

    def save(self) -> None:
        d = self.day.date()
        from datetime import date
        provider = self.provider.currentData() if self.provider.currentIndex() > 0 and \
            self.provider.currentText() == self.provider.itemText(
                self.provider.currentIndex()) else self.provider.currentText()
        kwargs = dict(center_id=self.center_id, day=date(d.year(), d.month(), d.day()),
                      service=self.service.currentData(), served=self.served.value(),
                      provider=provider, present=self.present, infants=self.infants.value(),
                      pregnant=self.pregnant.value(), chronic=self.chronic.value())
        callbacks = self.begin_save()
        if callbacks is not None:
            write_op(self, self.tasks,
                     lambda db=self.db, actor=self.actor: supplies.record_meals(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])


class WashDialog(FormDialog):
    """The center's water, sanitation and hygiene count on a day; saving shows where it
    falls short of the Sphere indicators for the people present."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, center_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, parent)
        self.center_id = center_id
        self.setWindowTitle(self.tr("Water and sanitation"))
        self.day = QDateEdit(self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        today = clock.today()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.toilets, self.showers, self.points = QSpinBox(self), QSpinBox(self), QSpinBox(self)
        self.litres = QSpinBox(self)
        for s in (self.toilets, self.showers, self.points):
            s.setRange(0, 1000)
        self.litres.setRange(0, 10_000_000)
        self.litres.setSingleStep(100)
        self.note = QLineEdit(self)
        form = QFormLayout()
        form.addRow(self.tr("&Date"), self.day)
        form.addRow(self.tr("&Toilets working"), self.toilets)
        form.addRow(self.tr("&Showers working"), self.showers)
        form.addRow(self.tr("&Water points (taps)"), self.points)
        form.addRow(self.tr("&Litres of water a day"), self.litres)
        form.addRow(self.tr("&Note"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Sphere Handbook 2018: at least 15 litres per person "
                                        "a day, at most 20 people per toilet and 250 per "
                                        "tap; UNHCR: at most 50 people per shower."), self))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.watch(self.day, self.toilets, self.showers, self.points, self.litres, self.note)
        self.toilets.setFocus()

    def save(self) -> None:
        d = self.day.date()
        from datetime import date
        kwargs = dict(center_id=self.center_id, day=date(d.year(), d.month(), d.day()),
                      toilets=self.toilets.value(), showers=self.showers.value(),
                      water_points=self.points.value(), litres_per_day=self.litres.value(),
                      note=self.note.text())
        callbacks = self.begin_save()
        if callbacks is not None:
            write_op(self, self.tasks,
                     lambda db=self.db, actor=self.actor: supplies.record_wash(db, actor, **kwargs),
                     changes=Changes.of("stock"), on_done=callbacks[0], on_error=callbacks[1])
