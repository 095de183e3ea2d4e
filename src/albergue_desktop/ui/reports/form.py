"""The left side of the Reports screen: which report, for which center (and area, day or
period); only the choices that the chosen report uses are enabled."""

from __future__ import annotations

from datetime import date
from functools import partial

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDateEdit, QFormLayout, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.permissions import Permission
from ...services import centers
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import Center
from ..ops import error_text, query_op
from ..tasks import TaskManager
from .jobs import KINDS, ReportRequest, areas_of

CARDS_ALL, CARDS_AREA, CARDS_HOUSEHOLD, CARDS_TODAY = "all", "area", "household", "today"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class ReportForm(QWidget):
    """``request()`` is what the user chose; ``changed`` when any choice changes. The centers
    (and a center's areas) are read on the worker: ``centers_read`` once they are."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *,
                 tasks: TaskManager) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.centers_read = False
        titles = {
            "roster": (self.tr("Roster of sheltered people"),
                       self.tr("Everyone present, by center, area and household.")),
            "bedlist": (self.tr("Bed list"),
                        self.tr("Every bed with its occupant, free or blocked, for the night "
                                "count.")),
            "census": (self.tr("Daily census"),
                       self.tr("Present, arrivals and departures of a day; free beds and "
                               "meals.")),
            "idcards": (self.tr("ID cards"),
                        self.tr("Cards with a QR code of the folio, eight per sheet.")),
            "impact": (self.tr("Impact and results"),
                       self.tr("Admissions, discharges and the program's indicators for a "
                               "period.")),
            "welcome": (self.tr("Welcome papers"),
                        self.tr("Rules and rights notice and consent forms of a household or "
                                "person, in each person's language (Spanish, Haitian Creole "
                                "or French).")),
            "dashboard": (self.tr("Dashboard"),
                          self.tr("Charts: occupancy of each center against its capacity, "
                                  "arrivals and departures per day, triage colours.")),
        }
        self.titles = {k: v[0] for k, v in titles.items()}
        self.kinds = QListWidget(self)
        self.kinds.setAccessibleName(self.tr("Report"))
        for kind in KINDS:
            item = QListWidgetItem(titles[kind][0], self.kinds)
            item.setData(Qt.ItemDataRole.UserRole, kind)
            item.setToolTip(titles[kind][1])
        self.kinds.setCurrentRow(0)
        rows = self.kinds.sizeHintForRow(0) * len(KINDS) + 2 * self.kinds.frameWidth() + 4
        self.kinds.setFixedHeight(rows)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.descriptions = {k: v[1] for k, v in titles.items()}

        self.center = QComboBox(self)
        self.center.addItem(self.tr("All centers"), None)
        self.area = QComboBox(self)
        # whose ID cards: everyone present, one area, one household, registered today
        self.cards_for = QComboBox(self)
        for text, code in ((self.tr("Everyone present"), CARDS_ALL),
                           (self.tr("One area"), CARDS_AREA),
                           (self.tr("One household"), CARDS_HOUSEHOLD),
                           (self.tr("Registered today"), CARDS_TODAY)):
            self.cards_for.addItem(text, code)
        self.household = QLineEdit(self)
        self.household.setPlaceholderText(self.tr("Folio of any member"))
        self.household.setToolTip(self.tr("The folio of any member of the household: "
                                          "every member gets a card."))
        self.backs = QCheckBox(self.tr("Print the backs (two-sided)"), self)
        self.backs.setToolTip(self.tr("After each sheet, the backs of its cards in each "
                                      "person's language, placed for long-edge duplex."))
        self.paper_lang = QComboBox(self)
        for text, code in ((self.tr("Each person's"), None), ("Español", "es"),
                           ("Kreyòl ayisyen", "ht"), ("Français", "fr")):
            self.paper_lang.addItem(text, code)
        today = _qdate(clock.today())
        self.day = QDateEdit(today, self)
        self.start = QDateEdit(today.addMonths(-1), self)
        self.end = QDateEdit(today, self)
        for edit in (self.day, self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("dd/MM/yyyy")
            edit.setMaximumDate(today.addYears(1))
        self.whole_period = QCheckBox(self.tr("Everything recorded"), self)
        self.whole_period.setChecked(True)
        self.health_note = QLabel(self)
        self.health_note.setWordWrap(True)
        self.health_note.setText(
            self.tr("Medical flags are included: your role may view health data.")
            if actor.can(Permission.VIEW_HEALTH) else
            self.tr("Medical flags are left out: your role may not view health data."))

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("&Center:"), self.center)
        form.addRow(self.tr("For &whom:"), self.cards_for)
        form.addRow(self.tr("&Area:"), self.area)
        form.addRow(self.tr("House&hold:"), self.household)
        form.addRow("", self.backs)
        form.addRow(self.tr("Paper lang&uage:"), self.paper_lang)
        form.addRow(self.tr("&Day:"), self.day)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        form.addRow("", self.whole_period)
        heading = QLabel(self.tr("&Report:"), self)
        heading.setBuddy(self.kinds)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.kinds)
        layout.addWidget(self.description)
        layout.addLayout(form)
        layout.addWidget(self.health_note)

        self.kinds.currentRowChanged.connect(lambda _r: self._update())
        self.center.currentIndexChanged.connect(lambda _i: self._load_areas())
        self.whole_period.toggled.connect(lambda _c: self._update())
        self.cards_for.currentIndexChanged.connect(lambda _i: self._update())
        self.household.textChanged.connect(lambda _t: self.changed.emit())
        self.backs.toggled.connect(lambda _c: self._update())
        self.paper_lang.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for widget in (self.area, self.center):
            widget.currentIndexChanged.connect(lambda _i: self.changed.emit())
        for edit in (self.day, self.start, self.end):
            edit.dateChanged.connect(lambda _d: self.changed.emit())
        self._load_areas()
        self._update()
        query_op(self, tasks, partial(centers.centers_with_own, db), self._fill_centers,
                 on_error=error_text)  # a busy file: "All centers" only

    def _fill_centers(self, found: tuple[list[Center], str | None]) -> None:
        """The centers, and this laptop's chosen unless the user chose meanwhile."""
        listed, own = found
        chosen = self.center.currentData()
        self.center.blockSignals(True)
        for c in listed:
            self.center.addItem(f"{c.code} · {c.name}", c.id)
        wanted = chosen or own or self.actor.center_id
        if wanted is not None and self.center.findData(wanted) >= 0:
            self.center.setCurrentIndex(self.center.findData(wanted))
        self.center.blockSignals(False)
        self.centers_read = True
        self._load_areas()

    # --- choices --------------------------------------------------------------------------

    @property
    def kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else KINDS[0]

    def set_kind(self, kind: str) -> None:
        self.kinds.setCurrentRow(KINDS.index(kind))

    def set_center(self, center_id: str | None) -> None:
        self.center.setCurrentIndex(max(self.center.findData(center_id), 0))

    def _load_areas(self) -> None:
        self._set_areas([])
        center_id = self.center.currentData()
        if center_id is not None:
            query_op(self, self.tasks, partial(areas_of, self.db, self.actor, center_id),
                     partial(self._show_areas, center_id), on_error=error_text)

    def _show_areas(self, center_id: str | None, areas: list[tuple[str, str]]) -> None:
        if center_id == self.center.currentData():  # else another center was chosen since
            self._set_areas(areas)

    def _set_areas(self, areas: list[tuple[str, str]]) -> None:
        self.area.blockSignals(True)
        self.area.clear()
        self.area.addItem(self.tr("All areas"), None)
        for area_id, name in areas:
            self.area.addItem(name, area_id)
        self.area.blockSignals(False)
        self._update()

    def _update(self) -> None:
        kind = self.kind
        self.description.setText(self.descriptions[kind])
        self.center.setEnabled(kind != "impact")
        people = kind in ("idcards", "welcome")
        cards_for = self.cards_for.currentData() if people else None
        self.cards_for.setEnabled(people)
        self.backs.setEnabled(kind == "idcards")
        self.paper_lang.setEnabled(kind == "welcome" or (kind == "idcards" and
                                                         self.backs.isChecked()))
        self.area.setEnabled(self.center.currentData() is not None and (
            kind == "bedlist" or cards_for == CARDS_AREA))
        self.household.setEnabled(cards_for == CARDS_HOUSEHOLD)
        self.day.setEnabled(kind == "census")
        periodic = kind in ("impact", "dashboard")
        self.whole_period.setEnabled(periodic)
        for edit in (self.start, self.end):
            edit.setEnabled(periodic and not self.whole_period.isChecked())
        self.health_note.setVisible(kind == "roster")
        self.changed.emit()

    def request(self) -> ReportRequest:
        kind = self.kind
        period = kind in ("impact", "dashboard") and not self.whole_period.isChecked()
        cards_for = (self.cards_for.currentData() if kind in ("idcards", "welcome")
                     else None)
        return ReportRequest(
            kind,
            center=self.center.currentData() if kind != "impact" else None,
            area=self.area.currentData() if self.area.isEnabled() else None,
            household=self.household.text().strip() if cards_for == CARDS_HOUSEHOLD else None,
            registered_today=cards_for == CARDS_TODAY,
            backs=self.backs.isEnabled() and self.backs.isChecked(),
            paper_lang=self.paper_lang.currentData() if self.paper_lang.isEnabled() else None,
            day=_pydate(self.day.date()) if kind == "census" else None,
            start=_pydate(self.start.date()) if period else None,
            end=_pydate(self.end.date()) if period else None)

    def center_code(self) -> str:
        """The center's code for a file name ('todos' style text for all centers)."""
        text = self.center.currentText() if self.center.isEnabled() else ""
        return text.split(" · ")[0] if self.center.currentData() is not None and text else ""
