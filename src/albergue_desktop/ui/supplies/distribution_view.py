"""The distribution screen (a tab), built for a queue: scan the ID card (or search) with the
scanner line shared with the vaccination days; the household shows with its members and
what it received lately; a kit fills its quantities for that household (diapers by the
children's ages, soap per person...), or items are added one by one; Enter records.

Keyboard: after a scan the kit list has the focus (arrows choose a kit), the quantities are
edited with Tab, Enter records (a repeat inside the period asks first, No by default), Esc
asks before dropping typed quantities, Ctrl+F goes back to the scanner line. Reads and
writes through ops (services/supplies.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QHeaderView, QLabel, QListWidget, QMessageBox, QPushButton,
    QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain import supplies as sd
from ...domain.i18n import translate
from ...services import centers, stock_views, supplies
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, on_changed, query_op, write_op
from ..queue.scanner import ScanInput
from ..tasks import TaskManager


def _load(db: Database, actor: Actor, center_id: str | None):
    found = centers.list_centers(db)
    center_id = center_id or actor.center_id or db.meta("center_id") or \
        (found[0].id if found else None)
    stock = stock_views.balances(db, actor, center_id, "supply") if center_id else []
    items = [(i.id, i.name, i.unit) for i in supplies.supply_items(db, actor)]
    today = supplies.distributed_today(db, actor, center_id) if center_id else 0
    return found, center_id, stock, items, today


def _recipient(db: Database, actor: Actor, person_id: str):
    """The person's household, its history and each kit's quantities for it (worker)."""
    r = supplies.recipient(db, actor, person_id)
    return r, {k.code: supplies.suggest(r, k.code) for k in sd.KITS}


class DistributionView(QWidget):
    """Signals: ``shown(recipient)`` once a household is on screen, ``recorded(id)`` after a
    distribution is saved, ``failed(text)`` when a lookup or a save is refused,
    ``loaded()`` after the stock is read."""

    shown = Signal(object)
    recorded = Signal(str)
    failed = Signal(str)
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.center_id: str | None = None
        self.recipient: supplies.Recipient | None = None
        self.suggestions: dict[str, list[tuple[str, int, str]]] = {}
        self.on_hand: dict[str, int] = {}
        self.items: list[tuple[str, str, str]] = []
        self.saving = False
        self.dirty = False
        self.ask = self._ask  # a test replaces it to answer the questions

        self.center = QComboBox(self)
        self.center.setAccessibleName(self.tr("Center"))
        self.center.setMinimumContentsLength(24)
        self.period = QSpinBox(self)
        self.period.setRange(0, 90)
        self.period.setValue(supplies.DEFAULT_REPEAT_DAYS)
        self.period.setSuffix(self.tr(" days"))
        self.period.setAccessibleName(self.tr("Repeat warning period"))
        self.period.setToolTip(self.tr("A household that received the same item within this "
                                       "many days is warned before handing it out again."))
        top = QHBoxLayout()
        for label, widget in ((self.tr("&Center:"), self.center),
                              (self.tr("Warn on a repeat within:"), self.period)):
            lab = QLabel(label, self)
            lab.setBuddy(widget)
            top.addWidget(lab)
            top.addWidget(widget)
        top.addStretch(1)
        self.tally = QLabel(self)
        top.addWidget(self.tally)

        self.scanner = ScanInput(db, actor, tasks, self)
        self.household = QLabel(self)
        self.household.setTextFormat(Qt.TextFormat.RichText)
        self.household.setWordWrap(True)
        self.household.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.household.setMinimumHeight(self.fontMetrics().height() * 8)

        self.kit = QComboBox(self)
        self.kit.setAccessibleName(self.tr("Kit"))
        self.kit.addItem(self.tr("Item by item"), None)
        for k in sd.KITS:
            self.kit.addItem(k.name, k.code)
        self.item = QComboBox(self)
        self.item.setAccessibleName(self.tr("Item"))
        self.add_button = QPushButton(self.tr("&Add item"), self)
        self.lines = QTableWidget(0, 4, self)
        self.lines.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Quantity"),
                                              self.tr("In stock"), self.tr("Why")])
        self.lines.setAccessibleName(self.tr("Items to hand out"))
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.lines.horizontalHeader().setStretchLastSection(True)
        self.record_button = QPushButton(self.tr("&Record (Enter)"), self)
        self.skip_button = QPushButton(self.tr("S&kip (Esc)"), self)
        for b in (self.add_button, self.record_button, self.skip_button):
            b.setAutoDefault(False)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.done_list = QListWidget(self)
        self.done_list.setAccessibleName(self.tr("Recorded on this screen"))
        self.done_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        left = QVBoxLayout()
        scan_label = QLabel(self.tr("&Scan or search:"), self)
        scan_label.setBuddy(self.scanner)
        left.addWidget(scan_label)
        left.addWidget(self.scanner)
        left.addWidget(self.household, 1)
        left.addWidget(QLabel(self.tr("Recorded on this screen:"), self))
        left.addWidget(self.done_list)
        right = QVBoxLayout()
        kit_row = QHBoxLayout()
        kit_label = QLabel(self.tr("&Kit:"), self)
        kit_label.setBuddy(self.kit)
        kit_row.addWidget(kit_label)
        kit_row.addWidget(self.kit, 1)
        kit_row.addWidget(self.item, 2)
        kit_row.addWidget(self.add_button)
        right.addLayout(kit_row)
        right.addWidget(self.lines, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.record_button)
        buttons.addWidget(self.skip_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addWidget(self.message)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

        self.center.activated.connect(lambda _i: self.refresh(self.center.currentData()))
        self.scanner.person_chosen.connect(self._chosen)
        self.kit.currentIndexChanged.connect(self._kit_changed)
        self.add_button.clicked.connect(self.add_item)
        self.record_button.clicked.connect(self.record)
        self.skip_button.clicked.connect(self.skip)
        QShortcut(QKeySequence.StandardKey.Find, self, self.scanner.reset)
        on_changed(self, lambda c: self.refresh() if c.touches("stock", "centers") else None)
        self._enable(False)
        self.refresh()
        self.scanner.reset()

    # --- reading ----------------------------------------------------------------------------

    def refresh(self, center_id: str | None = None) -> None:
        wanted = center_id or self.center_id
        query_op(self, self.tasks, lambda db=self.db, actor=self.actor: _load(db, actor, wanted), self._loaded,
                 on_error=self._fail)

    def _loaded(self, data) -> None:
        found, center_id, stock, items, today = data
        self.center_id, self.items = center_id, items
        self.on_hand = {s.item_id: s.usable for s in stock}
        self.center.blockSignals(True)
        self.center.clear()
        for c in found:
            self.center.addItem(f"{c.code} · {c.name}", c.id)
        if center_id is not None:
            self.center.setCurrentIndex(max(self.center.findData(center_id), 0))
        self.center.blockSignals(False)
        current = self.item.currentData()
        self.item.clear()
        for item_id, name, unit in items:
            self.item.addItem(f"{name} ({self.on_hand.get(item_id, 0)} {unit})", item_id)
        if current is not None:
            self.item.setCurrentIndex(max(self.item.findData(current), 0))
        self.tally.setText(self.tr("Distributions today at this center: {n}").format(n=today))
        for row in range(self.lines.rowCount()):
            cell = self.lines.item(row, 0)
            if cell is not None:
                self.lines.setItem(row, 2, self._cell(
                    self.on_hand.get(cell.data(Qt.ItemDataRole.UserRole), 0)))
        if not items:
            self._say(self.tr("No supplies in this file yet: load the supply catalog in the "
                              "warehouse screen."), error=True)
        self.loaded.emit()

    def _chosen(self, person_id: str, _label: str) -> None:
        self.message.clear()
        query_op(self, self.tasks, lambda db=self.db, actor=self.actor: _recipient(db, actor, person_id),
                 self._show, on_error=self._fail)

    def _show(self, found) -> None:
        r, self.suggestions = found
        self.recipient = r
        today = clock.today()
        ages = []
        for name, m in zip(r.member_names, r.members, strict=True):
            months = sd.age_months(m.birth_date, today)
            age = "" if months is None else (
                self.tr("{years} years").format(years=months // 12) if months >= 24
                else self.tr("{months} months").format(months=months))
            ages.append(f"<li>{name} · {age}</li>")
        received = "".join(
            f"<li>{x.when.astimezone().strftime('%d/%m/%Y')} · {x.item} ×{x.quantity}"
            f"{' · ' + sd.KIT_BY_CODE[x.kit_code].name if x.kit_code in sd.KIT_BY_CODE else ''}"
            "</li>" for x in r.received[:12]) or "<li>" + self.tr("nothing in 90 days") + "</li>"
        self.household.setText(
            f"<h3>{r.name}</h3><p>{r.folio or ''} · "
            + self.tr("household of {n}").format(n=r.size) + f"</p><ul>{''.join(ages)}</ul>"
            "<p><b>" + self.tr("Received lately") + f"</b></p><ul>{received}</ul>")
        self._enable(True)
        self._kit_changed()
        self.kit.setFocus()
        self.shown.emit(r)

    # --- the lines ----------------------------------------------------------------------------

    def _cell(self, value: object) -> QTableWidgetItem:
        cell = QTableWidgetItem(str(value))
        cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
        return cell

    def _kit_changed(self) -> None:
        r = self.recipient
        if r is None:
            return
        code = self.kit.currentData()
        self.lines.setRowCount(0)
        if code is not None:
            for item_id, qty, why in self.suggestions.get(code, []):
                self._add_line(item_id, qty, translate(why))
        self.dirty = False

    def _add_line(self, item_id: str, quantity: int, why: str = "") -> None:
        name = next((f"{n} ({u})" for i, n, u in self.items if i == item_id), item_id)
        for row in range(self.lines.rowCount()):
            cell = self.lines.item(row, 0)
            if cell is not None and cell.data(Qt.ItemDataRole.UserRole) == item_id:
                spin = self.lines.cellWidget(row, 1)
                assert isinstance(spin, QSpinBox)
                spin.setValue(spin.value() + quantity)
                return
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        cell = self._cell(name)
        cell.setData(Qt.ItemDataRole.UserRole, item_id)
        self.lines.setItem(row, 0, cell)
        spin = QSpinBox(self.lines)
        spin.setRange(0, 100000)
        spin.setValue(quantity)
        spin.setAccessibleName(self.tr("Quantity of {item}").format(item=name))
        spin.valueChanged.connect(self._edited)
        self.lines.setCellWidget(row, 1, spin)
        self.lines.setItem(row, 2, self._cell(self.on_hand.get(item_id, 0)))
        self.lines.setItem(row, 3, self._cell(why))

    def _edited(self, _value: int = 0) -> None:
        self.dirty = True

    def add_item(self) -> None:
        item_id = self.item.currentData()
        if self.recipient is None or item_id is None:
            return
        self._add_line(item_id, 1)
        self.dirty = True

    def chosen_lines(self) -> list[supplies.DistributionLine]:
        out = []
        for row in range(self.lines.rowCount()):
            cell, spin = self.lines.item(row, 0), self.lines.cellWidget(row, 1)
            if cell is not None and isinstance(spin, QSpinBox) and spin.value() > 0:
                out.append(supplies.DistributionLine(cell.data(Qt.ItemDataRole.UserRole),
                                                     spin.value()))
        return out

    # --- recording ----------------------------------------------------------------------------

    def record(self, confirm_repeat: bool = False) -> None:
        r, center_id = self.recipient, self.center_id
        lines = self.chosen_lines()
        if r is None or center_id is None or self.saving:
            return
        if not lines:
            self._say(self.tr("Choose a kit or add items first."), error=True)
            return
        self.saving = True
        self.record_button.setEnabled(False)
        kit, days = self.kit.currentData(), self.period.value()

        def done(result: supplies.DistributionResult) -> None:
            self.saving = False
            units = sum(ln.quantity for ln in lines)
            self.done_list.insertItem(0, f"{r.name} · {r.folio or ''} · "
                                      + self.tr("{n} units").format(n=units))
            self._say(self.tr("Recorded: {name}.").format(name=r.name)
                      + " ".join(["", *(w.message() for w in result.warnings)]))
            self._clear()
            self.refresh()
            self.recorded.emit(result.distribution_id)

        def failed(error: BaseException) -> None:
            self.saving = False
            self.record_button.setEnabled(True)
            if isinstance(error, supplies.RepeatDistribution) and not confirm_repeat:
                if self.ask(self.tr("Repeat distribution"),
                            error_text(error) + "\n\n" + self.tr("Hand them out again?")):
                    self.record(confirm_repeat=True)
                    return
                self._say(self.tr("Not recorded: nothing was handed out again."), error=True)
                return
            self._fail(error)

        write_op(self, self.tasks,
                 lambda db=self.db, actor=self.actor: supplies.distribute(db, actor, center_id=center_id,
                                             person_id=r.person_id, lines=lines, kit_code=kit,
                                             confirm_repeat=confirm_repeat, repeat_days=days),
                 changes=Changes.of("stock"), on_error=failed, on_done=done)

    def _ask(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text,
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setEscapeButton(QMessageBox.StandardButton.No)
        return box.exec() == QMessageBox.StandardButton.Yes

    def skip(self) -> None:
        """Drop the household shown (asks first when quantities were typed)."""
        if self.saving or self.recipient is None:
            return
        if self.dirty and not self.ask(self.tr("Discard"),
                                       self.tr("Discard the quantities typed for this "
                                               "household?")):
            return
        self._clear()

    def _clear(self) -> None:
        self.recipient = None
        self.dirty = False
        self.household.clear()
        self.lines.setRowCount(0)
        self._enable(False)
        self.scanner.reset()

    def _enable(self, on: bool) -> None:
        for w in (self.kit, self.item, self.add_button, self.record_button, self.skip_button,
                  self.lines):
            w.setEnabled(on)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def _fail(self, error: BaseException) -> None:
        text = error_text(error)
        self._say(text, error=True)
        self.failed.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter records the household shown; Esc drops it (asking when typed)."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QPushButton):
                if focus.isEnabled():
                    focus.click()
            elif self.recipient is not None:
                self.record()
            return
        if key == Qt.Key.Key_Escape and self.recipient is not None:
            self.skip()
            return
        super().keyPressEvent(event)
