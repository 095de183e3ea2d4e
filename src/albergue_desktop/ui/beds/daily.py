"""The day's numbers of a center (:func:`services.census.daily_numbers`): people present,
arrivals and departures of the day (transfers among them), expected arrivals and beds; and
present / arrivals / departures by sex, age group and segment."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QDateEdit, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.errors import AlbergueError
from ...domain.labels import label
from ...services.census import AGE_GROUPS, UNKNOWN_AGE, DailyNumbers, daily_numbers
from ...services.context import Actor
from ...storage.db import Database
from ..tasks import TaskManager
from .labels import segment_label

SUMMARY = ("present", "arrivals", "departures", "expected", "free", "occupied", "blocked",
           "total")


class DailyNumbersPanel(QWidget):
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.center_id: str | None = None
        self.numbers: DailyNumbers | None = None
        today = clock.today()  # a demo file's day (domain/clock.py)
        self.day = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("dd/MM/yyyy")
        self.day.setMaximumDate(self.day.date())
        self.title = QLabel(self)
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        captions = {"present": self.tr("Present"), "arrivals": self.tr("Arrivals"),
                    "departures": self.tr("Departures"),
                    "expected": self.tr("Expected (transfers)"),
                    "free": self.tr("Free beds"), "occupied": self.tr("Occupied beds"),
                    "blocked": self.tr("Blocked beds"), "total": self.tr("Beds")}
        self.values: dict[str, QLabel] = {}
        summary = QGridLayout()
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 1.6)
        big.setBold(True)
        for i, name in enumerate(SUMMARY):
            value = QLabel("—", self)
            value.setFont(big)
            caption = QLabel(captions[name], self)
            summary.addWidget(value, (i // 4) * 2, i % 4)
            summary.addWidget(caption, (i // 4) * 2 + 1, i % 4)
            self.values[name] = value
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Present"), self.tr("Arrivals"), self.tr("Departures")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMinimumWidth(220)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(QLabel(self.tr("&Day"), self, buddy=self.day))
        top.addWidget(self.day)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(summary)
        layout.addWidget(self.table, 1)
        self.day.dateChanged.connect(lambda _d: self.reload())

    def set_center(self, center_id: str) -> None:
        self.center_id = center_id
        self.reload()

    def reload(self) -> None:
        if self.center_id is None:
            return
        day = self.day.date().toPython()
        self.tasks.run(partial(daily_numbers, self.db, self.actor, self.center_id, day),
                       self._show, self._failed)

    def _failed(self, error: BaseException) -> None:
        if not isinstance(error, AlbergueError):
            raise error
        self.title.setText(str(error))

    def _show(self, numbers: DailyNumbers) -> None:
        if numbers.center_id != self.center_id:
            return
        self.numbers = numbers
        self.title.setText(self.tr("{code} · {name}, {day}").format(
            code=numbers.code, name=numbers.name, day=numbers.day.strftime("%d/%m/%Y")))
        v = self.values
        v["present"].setText(str(numbers.present.total))
        v["arrivals"].setText(_with_transfers(numbers.arrivals.total, numbers.transfers_in,
                                              self.tr("{count} ({transfers} transfers)")))
        v["departures"].setText(_with_transfers(numbers.departures.total,
                                                numbers.transfers_out,
                                                self.tr("{count} ({transfers} transfers)")))
        v["expected"].setText(str(numbers.expected))
        v["free"].setText(str(numbers.beds.available))
        v["occupied"].setText(str(numbers.beds.occupied))
        v["blocked"].setText(str(numbers.beds.blocked))
        v["total"].setText(str(numbers.beds.total))
        self._fill_table(numbers)
        self.loaded.emit()

    def rows(self, numbers: DailyNumbers) -> list[tuple[str, tuple[int, int, int]]]:
        """(caption, (present, arrivals, departures)) of each line of the table."""
        parts = (numbers.present, numbers.arrivals, numbers.departures)
        out = []
        sexes = dict.fromkeys(["F", "M", "X", *(k for p in parts for k in p.by_sex)])
        for sex in sexes:
            counts = tuple(p.by_sex.get(sex, 0) for p in parts)
            if sex in ("F", "M") or any(counts):
                out.append((self.tr("Sex: {sex}").format(sex=label("sex", sex)), counts))
        for group in [g for g, _low, _high in AGE_GROUPS] + [UNKNOWN_AGE]:
            counts = tuple(p.by_age.get(group, 0) for p in parts)
            if group != UNKNOWN_AGE or any(counts):
                caption = (self.tr("Age: unknown") if group == UNKNOWN_AGE
                           else self.tr("Age: {group} years").format(group=group))
                out.append((caption, counts))
        segments = dict.fromkeys(k for p in parts for k in p.by_segment)
        for segment in sorted(segments, key=lambda s: (s is None, s or "")):
            counts = tuple(p.by_segment.get(segment, 0) for p in parts)
            out.append((self.tr("Segment: {segment}").format(
                segment=segment_label(segment)), counts))
        return out

    def _fill_table(self, numbers: DailyNumbers) -> None:
        rows = self.rows(numbers)
        self.table.setRowCount(len(rows))
        self.table.setVerticalHeaderLabels([caption for caption, _counts in rows])
        for r, (_caption, counts) in enumerate(rows):
            for c, count in enumerate(counts):
                item = QTableWidgetItem(str(count))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)


def _with_transfers(count: int, transfers: int, template: str) -> str:
    return template.format(count=count, transfers=transfers) if transfers else str(count)
