"""The health timeline of the person record (roles that see health data): every screening,
consultation, referral, vaccine, prenatal and postnatal visit and birth, and the mental
health notes for roles with MENTAL_HEALTH, newest first. A corrected record stays, struck
through, under the correction that replaced it. The buttons record a new consultation,
correct the selected one, refer, move a referral's status, record pregnancy visits, a birth
or a note; "Print" writes the consultation summary of the selected consultation."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from ...domain.permissions import Permission
from ...services import consultations, health_timeline, referrals
from ...services.context import Actor
from ...services.health_timeline import TimelineEvent
from ...storage.db import Database
from ..ops import Changes, error_text, on_changed, query_op
from ..tasks import TaskManager
from .common import COLOURS

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


class TimelineSection(QGroupBox):
    loaded = Signal()

    def __init__(self, db: Database, actor: Actor, person_id: str, tasks: TaskManager,
                 parent: QWidget | None = None, *, sex: str | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Health timeline"))
        self.db, self.actor, self.tasks, self.person_id = db, actor, tasks, person_id
        self.sex = sex
        self.events: list[TimelineEvent] | None = None
        self._dialog = None
        self.table = QTableWidget(0, 4, self)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Type"),
                                              self.tr("Details"), self.tr("By")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemActivated.connect(lambda _i: self._default_action())
        self.empty = QLabel(self)
        edit = actor.can(Permission.EDIT_HEALTH)
        self._edit = edit
        self.buttons: dict[str, QPushButton] = {}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        for key, text, row, visible in (
                ("consultation", self.tr("New &consultation…"), row1, edit),
                ("correct", self.tr("C&orrect…"), row1, edit),
                ("print", self.tr("&Print summary…"), row1, True),
                ("referral", self.tr("&Refer…"), row1, edit),
                ("status", self.tr("Referral s&tatus…"), row1, edit),
                ("prenatal", self.tr("Prenata&l visit…"), row2, edit and sex != "M"),
                ("postnatal", self.tr("Post&natal check…"), row2, edit and sex != "M"),
                ("birth", self.tr("Bi&rth…"), row2, edit and sex != "M"),
                ("note", self.tr("&Mental health note…"), row2,
                 actor.can(Permission.MENTAL_HEALTH))):
            button = QPushButton(text, self)
            button.setVisible(visible)
            button.clicked.connect(partial(self._run, key))
            row.addWidget(button)
            self.buttons[key] = button
        row1.addStretch(1)
        row2.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addLayout(row1)
        layout.addLayout(row2)
        on_changed(self, self._on_changed)
        self._update_buttons()
        self.reload()

    def set_sex(self, sex: str | None) -> None:
        """Offer the pregnancy and birth forms for women only (the services refuse men)."""
        self.sex = sex
        for key in ("prenatal", "postnatal", "birth"):
            self.buttons[key].setVisible(self._edit and sex != "M")

    def reload(self) -> None:
        query_op(self, self.tasks, partial(health_timeline.timeline, self.db, self.actor,
                                           self.person_id), self._show,
                 on_error=lambda e: self.empty.setText(error_text(e)))

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches("screenings", "people", "stock"):
            self.reload()

    def _show(self, events: list[TimelineEvent]) -> None:
        self.events = events
        self.empty.setText("" if events else "<i>" + self.tr("No health record yet.") + "</i>")
        self.table.setRowCount(len(events))
        for row, e in enumerate(events):
            when = e.at.astimezone().strftime("%d/%m/%Y %H:%M") if e.kind not in (
                "vaccine", "birth") else e.at.strftime("%d/%m/%Y")
            detail = e.detail
            if e.corrected:
                detail = self.tr("[corrected] ") + detail
            elif e.corrects_id:
                detail = self.tr("[correction] ") + detail
            if e.is_open:
                detail += " · " + self.tr("open")
            cells = [when, e.title, detail, e.by or ""]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(EVENT_ROLE, e)
                if e.corrected:
                    font = QFont(item.font())
                    font.setStrikeOut(True)
                    item.setFont(font)
                    item.setForeground(QBrush(QColor("#777777")))
                self.table.setItem(row, column, item)
            if e.colour and e.colour.upper() in {c.name for c in COLOURS}:
                background, foreground = next(v for c, v in COLOURS.items()
                                              if c.name == e.colour.upper())
                badge = self.table.item(row, 1)
                badge.setBackground(QBrush(QColor(background)))
                badge.setForeground(QBrush(QColor(foreground)))
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().height() + sum(
            self.table.rowHeight(r) for r in range(min(len(events), 12))) + 6
        self.table.setFixedHeight(max(height, 60))
        self._update_buttons()
        self.loaded.emit()

    def selected(self) -> TimelineEvent | None:
        items = self.table.selectedItems()
        return items[0].data(EVENT_ROLE) if items else None

    def _update_buttons(self) -> None:
        e = self.selected()
        is_consultation = e is not None and e.kind == "consultation"
        self.buttons["correct"].setEnabled(is_consultation and not e.corrected)
        self.buttons["print"].setEnabled(is_consultation)
        self.buttons["status"].setEnabled(e is not None and e.kind == "referral"
                                          and e.is_open)

    def _default_action(self) -> None:
        e = self.selected()
        if e is not None and e.kind == "referral" and e.is_open:
            self._run("status")
        elif e is not None and e.kind == "consultation":
            self._run("print")

    # --- actions ------------------------------------------------------------------------

    def _run(self, key: str) -> None:
        from . import care_dialogs as cd
        e = self.selected()
        if key in ("consultation", "correct"):
            if key == "correct" and e is not None:
                query_op(self, self.tasks, partial(consultations.get_consultation, self.db,
                                                   self.actor, e.record_id),
                         self._open_consultation,
                         on_error=lambda err: self.empty.setText(error_text(err)))
            else:
                self._open_consultation(None)
            return
        if key == "print" and e is not None:
            self._print(e.record_id)
            return
        if key == "status" and e is not None:
            query_op(self, self.tasks, partial(referrals.referrals_of, self.db, self.actor,
                                               self.person_id),
                     lambda lines: self._open_status(lines, e.record_id),
                     on_error=lambda err: self.empty.setText(error_text(err)))
            return
        factories = {
            "referral": lambda: cd.ReferralDialog(
                self.db, self.actor, self.tasks, self.person_id, self,
                consultation_id=e.record_id if e is not None and e.kind == "consultation"
                else None),
            "prenatal": lambda: cd.PregnancyVisitDialog(self.db, self.actor, self.tasks,
                                                        self.person_id, self),
            "postnatal": lambda: cd.PregnancyVisitDialog(self.db, self.actor, self.tasks,
                                                         self.person_id, self,
                                                         kind="postnatal"),
            "birth": lambda: cd.BirthDialog(self.db, self.actor, self.tasks, self.person_id,
                                            self),
            "note": lambda: cd.MentalHealthNoteDialog(self.db, self.actor, self.tasks,
                                                      self.person_id, self),
        }
        if key in factories:
            self._dialog = factories[key]()
            self._dialog.open()

    def _open_consultation(self, record) -> None:
        from .consultation import ConsultationDialog
        self._dialog = ConsultationDialog(self.db, self.actor, self.person_id, self.tasks,
                                          self, corrects=record)
        self._dialog.open()

    def _open_status(self, lines, referral_id: str) -> None:
        from .care_dialogs import ReferralStatusDialog
        line = next((r for r in lines if r.id == referral_id), None)
        if line is not None:
            self._dialog = ReferralStatusDialog(self.db, self.actor, self.tasks, line, self)
            self._dialog.open()

    def _print(self, consultation_id: str) -> None:
        from .printing import print_consultation
        print_consultation(self, self.db, self.actor, self.tasks, consultation_id)
