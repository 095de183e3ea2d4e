"""The coordinators' pathway board: households by stage (arrived, documents, job, housing,
ready to leave, left) with their days in the shelter, a center filter, and below the board
the selected household's own view of each pathway with the actions that move it on
(discharge, paperwork, placement, move into a home, school, INEA, COMAR, referral).
Every read and write goes through ``ui/ops.py``; the forms are :mod:`.forms`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget,
    QListWidgetItem, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.labels import label
from ...domain.pathways import STAGE_ORDER
from ...domain.permissions import Permission
from ...services import centers as centers_service
from ...services import pathway_board
from ...services.context import Actor
from ...services.pathway_board import BoardRow, Member
from ...storage.db import Database
from ..ops import ERROR_STYLE, error_text, on_changed, query_op
from ..tasks import TaskManager
from . import forms
from .form import FormSpec, PathwayForm, SessionForm

ROLE = Qt.ItemDataRole.UserRole


@dataclass
class BoardData:
    rows: list[BoardRow]
    centers: list[tuple[str, str]]
    choices: forms.Choices


def load_board(db: Database, actor: Actor, center_id: str | None) -> BoardData:
    """Worker function: the board, the centers of the filter and the forms' choices."""
    rows = pathway_board.board(db, actor, center_id=center_id)
    centers = [(c.id, f"{c.code} {c.name}") for c in centers_service.list_centers(db)]
    return BoardData(rows, centers, forms.load_choices(db))


def load_members(db: Database, actor: Actor, household_id: str) -> list[Member]:
    """Worker function: the members of one household."""
    return pathway_board.members(db, actor, household_id)


class PathwayBoard(QDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.setWindowTitle(self.tr("Exit pathways"))
        self.data: BoardData | None = None
        self.members: list[Member] = []
        self.form: PathwayForm | None = None
        self.list_dialog: QDialog | None = None
        self.loaded = False
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Center:"), self))
        self.center = QComboBox(self)
        self.center.addItem(self.tr("All centers"), None)
        self.center.currentIndexChanged.connect(lambda _i: self.reload())
        top.addWidget(self.center, 1)
        self.status = QLabel(self)
        top.addWidget(self.status, 2)
        layout.addLayout(top)
        grid = QGridLayout()
        self.columns: dict[str, QListWidget] = {}
        self.headers: dict[str, QLabel] = {}
        for i, stage in enumerate(STAGE_ORDER):
            head = QLabel(self)
            head.setStyleSheet("font-weight: bold;")
            lst = QListWidget(self)
            lst.setObjectName(f"stage_{stage}")
            lst.currentItemChanged.connect(partial(self._picked, lst))
            grid.addWidget(head, 0, i)
            grid.addWidget(lst, 1, i)
            self.columns[stage], self.headers[stage] = lst, head
        layout.addLayout(grid, 3)
        detail = QGroupBox(self.tr("Household"), self)
        d = QHBoxLayout(detail)
        self.summary = QLabel(self.tr("Choose a household on the board."), detail)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        d.addWidget(self.summary, 3)
        self.people = QListWidget(detail)
        self.people.setObjectName("members")
        self.people.setWordWrap(True)
        d.addWidget(self.people, 2)
        buttons = QGridLayout()
        self.actions: dict[str, QPushButton] = {}
        specs = self._action_specs()
        for i, (name, text, _fn) in enumerate(specs):
            b = QPushButton(text, detail)
            b.setObjectName(name)
            b.setAutoDefault(False)
            b.clicked.connect(partial(self._run_action, name))
            buttons.addWidget(b, i // 2, i % 2)
            self.actions[name] = b
        d.addLayout(buttons, 3)
        layout.addWidget(detail, 2)
        tools = QGridLayout()  # two rows: the board fits a 1366-pixel screen
        specs = self._tool_specs()
        per_row = (len(specs) + 1) // 2 or 1
        for i, (name, text) in enumerate(specs):
            b = QPushButton(text, self)
            b.setObjectName(name)
            b.setAutoDefault(False)
            b.clicked.connect(partial(self._run_tool, name))
            tools.addWidget(b, i // per_row, i % per_row)
            self.actions[name] = b
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        tools.setColumnStretch(per_row, 1)
        tools.addWidget(close, 1, per_row + 1)
        layout.addLayout(tools)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.error)
        self._enable_actions(False)
        on_changed(self, lambda _c: self.reload())
        self.resize(1340, 700)
        self.reload()

    def pathway_lines(self, row: BoardRow) -> list[str]:
        """The household's view of each pathway, one line each (pure)."""
        days = self.tr("{n} days in the shelter").format(n=row.days) if row.days is not None \
            else self.tr("never lodged")
        lines = [f"{label('pathway_stage', row.stage)} · {days} · {row.center}"]
        lines.append(self.tr("Documents: {ok} of {n} adults may work and have a CURP; {rfc} with "
                        "RFC").format(ok=row.adults_documented, n=row.adults, rfc=row.rfc_issued))
        lines.append(self.tr("Job: {n} working").format(n=row.working) if row.working
                     else self.tr("Job: nobody placed yet"))
        lines.append(self.tr("Housing: {home}").format(home=row.home) if row.housed
                     else self.tr("Housing: no home yet"))
        lines.append(self.tr("School: {e} of {n} children enrolled").format(e=row.enrolled,
                                                                       n=row.children)
                     if row.children else self.tr("School: no school-age children"))
        if row.destination:
            lines.append(self.tr("Left: {where}").format(where=label("discharge_destination",
                                                                row.destination)))
        return lines

    # --- actions ----------------------------------------------------------------------------

    def _action_specs(self) -> list[tuple[str, str, Callable]]:
        a = self.actor
        out: list[tuple[str, str, Callable]] = []
        if a.can(Permission.DISCHARGE):
            out += [("discharge", self.tr("Discharge the household…"), self._discharge),
                    ("leave_alone", self.tr("Selected member leaves alone…"), self._leave_alone)]
        if a.can(Permission.MANAGE_PATHWAYS):
            out += [("paperwork", self.tr("Work paperwork…"), self._member(forms.paperwork_form)),
                    ("placement", self.tr("Job placement…"), self._placement),
                    ("openings_for", self.tr("Openings for this member…"), self._openings_for),
                    ("outcome", self.tr("Job follow-up…"), self._outcome),
                    ("move_out", self.tr("Move out of the home…"), self._move_out),
                    ("move_in", self.tr("Move into a home…"), self._move_in),
                    ("school", self.tr("School enrollment…"), self._member(forms.school_form)),
                    ("inea", self.tr("INEA…"), self._member(forms.inea_form))]
        if a.can(Permission.PROTECTION):
            out += [("asylum", self.tr("COMAR application…"), self._member(forms.asylum_form)),
                    ("referral", self.tr("Refer to the Procuraduría…"),
                     self._member(forms.referral_form))]
        return out

    def _tool_specs(self) -> list[tuple[str, str]]:
        if not self.actor.can(Permission.MANAGE_PATHWAYS):
            return []
        return [("candidates", self.tr("Candidates for an opening…")),
                ("expiring", self.tr("Documents expiring…")),
                ("employer", self.tr("New employer…")), ("opening", self.tr("New opening…")),
                ("landlord", self.tr("New landlord…")), ("home", self.tr("New home…")),
                ("lease", self.tr("New lease…")), ("spanish", self.tr("Spanish group…")),
                ("session", self.tr("Spanish class session…"))]

    def _run_tool(self, name: str) -> None:
        ch = self.data.choices if self.data else forms.Choices()
        db, actor = self.db, self.actor
        if name == "session":
            def ready(groups: list[forms.Group]) -> None:
                if not groups:
                    self.error.setText(self.tr("Create a Spanish group first."))
                    return
                self.form = SessionForm(forms.session_form(db, actor, groups), self.tasks, self)
                self.form.open()
            query_op(self, self.tasks, partial(forms.spanish_groups, db,
                                               self.center.currentData()), ready,
                     on_error=lambda e: self.error.setText(error_text(e)))
            return
        if name in ("candidates", "expiring"):
            from .lists import CandidatesDialog, ExpiringDialog
            self.list_dialog = CandidatesDialog(db, actor, self.tasks, ch.openings, self) \
                if name == "candidates" else \
                ExpiringDialog(db, actor, self.tasks, self.center.currentData(), self)
            self.list_dialog.open()
            return
        spec = {"employer": lambda: forms.employer_form(db, actor),
                "opening": lambda: forms.opening_form(db, actor, ch),
                "landlord": lambda: forms.landlord_form(db, actor),
                "home": lambda: forms.home_form(db, actor, ch),
                "lease": lambda: forms.lease_form(db, actor, ch),
                "spanish": lambda: forms.spanish_group_form(
                    db, actor, self.center.currentData(),
                    [(m.person_id, m.name) for m in self.members])}[name]()
        self.open_form(spec)

    def _run_action(self, name: str) -> None:
        for key, _text, fn in self._action_specs():
            if key == name:
                fn()

    def open_form(self, spec: FormSpec) -> PathwayForm:
        self.form = PathwayForm(spec, self.tasks, self)
        self.form.open()
        return self.form

    def selected_row(self) -> BoardRow | None:
        for lst in self.columns.values():
            item = lst.currentItem()
            if item is not None and item.isSelected():
                return item.data(ROLE)
        return None

    def selected_member(self) -> Member | None:
        item = self.people.currentItem()
        return item.data(ROLE) if item is not None else None

    def _discharge(self) -> None:
        row = self.selected_row()
        if row is not None:
            ch = self.data.choices if self.data else None
            self.open_form(forms.discharge_form(self.db, self.actor,
                                                household_id=row.household_id, who=row.head,
                                                ch=ch))

    def _leave_alone(self) -> None:
        m = self.selected_member()
        if m is None:
            self.error.setText(self.tr("Choose a member of the household first."))
            return
        self.open_form(forms.discharge_form(self.db, self.actor, person_id=m.person_id,
                                            who=m.name))

    def _member(self, build) -> Callable[[], None]:
        def run() -> None:
            m = self.selected_member()
            if m is None:
                self.error.setText(self.tr("Choose a member of the household first."))
                return
            self.error.clear()
            self.open_form(build(self.db, self.actor, m.person_id, m.name))
        return run

    def _placement(self) -> None:
        m = self.selected_member()
        if m is None:
            self.error.setText(self.tr("Choose a member of the household first."))
            return
        ch = self.data.choices if self.data else forms.Choices()
        self.open_form(forms.placement_form(self.db, self.actor, m.person_id, m.name, ch))

    def _openings_for(self) -> None:
        m = self.selected_member()
        if m is None:
            self.error.setText(self.tr("Choose a member of the household first."))
            return
        from .lists import OpeningsDialog
        self.list_dialog = OpeningsDialog(self.db, self.actor, self.tasks, m.person_id, m.name,
                                          self)
        self.list_dialog.open()

    def _outcome(self) -> None:
        m = self.selected_member()
        if m is None:
            self.error.setText(self.tr("Choose a member of the household first."))
            return

        def ready(placements: list[tuple[str, str]]) -> None:
            if not placements:
                self.error.setText(self.tr("{who} has no job placement yet.").format(who=m.name))
                return
            self.open_form(forms.outcome_form(self.db, self.actor, m.name, placements))

        query_op(self, self.tasks, partial(forms.placements_of, self.db, m.person_id), ready,
                 on_error=lambda e: self.error.setText(error_text(e)))

    def _move_out(self) -> None:
        row = self.selected_row()
        if row is None:
            return

        def ready(leases: list[tuple[str, str]]) -> None:
            if not leases:
                self.error.setText(self.tr("The household lives in no leased home."))
                return
            self.open_form(forms.move_out_form(self.db, self.actor, row.household_id,
                                               row.head, leases))

        query_op(self, self.tasks, partial(forms.leases_of, self.db, row.household_id), ready,
                 on_error=lambda e: self.error.setText(error_text(e)))

    def _move_in(self) -> None:
        row = self.selected_row()
        if row is not None:
            ch = self.data.choices if self.data else forms.Choices()
            self.open_form(forms.move_in_form(self.db, self.actor, row.household_id, row.head,
                                              ch))

    # --- loading ----------------------------------------------------------------------------

    def reload(self) -> None:
        self.status.setText(self.tr("Loading…"))
        query_op(self, self.tasks, partial(load_board, self.db, self.actor,
                                           self.center.currentData()),
                 self._show, on_error=lambda e: self.error.setText(error_text(e)))

    def _show(self, data: BoardData) -> None:
        self.data = data
        if self.center.count() == 1:
            self.center.blockSignals(True)
            for cid, name in data.centers:
                self.center.addItem(name, cid)
            self.center.blockSignals(False)
        keep = self.selected_row()
        by_stage: dict[str, list[BoardRow]] = {s: [] for s in STAGE_ORDER}
        for row in data.rows:
            by_stage[row.stage].append(row)
        for stage, lst in self.columns.items():
            lst.blockSignals(True)
            lst.clear()
            for row in by_stage[stage]:
                days = "" if row.days is None else self.tr(" · {n} d").format(n=row.days)
                item = QListWidgetItem(f"{row.head} ({row.members}){days}", lst)
                item.setData(ROLE, row)
                item.setToolTip("\n".join(self.pathway_lines(row)))
                if keep is not None and row.household_id == keep.household_id:
                    lst.setCurrentItem(item)
            lst.blockSignals(False)
            self.headers[stage].setText(f"{label('pathway_stage', stage)} "
                                        f"({len(by_stage[stage])})")
        self.status.setText(self.tr("{n} households").format(n=len(data.rows)))
        self.loaded = True
        if keep is not None:
            fresh = next((r for r in data.rows if r.household_id == keep.household_id), None)
            if fresh is not None:
                self._describe(fresh)

    def _picked(self, lst: QListWidget, current: QListWidgetItem | None, _prev=None) -> None:
        if current is None:
            return
        for other in self.columns.values():
            if other is not lst:
                other.blockSignals(True)
                other.clearSelection()
                other.setCurrentItem(None)
                other.blockSignals(False)
        current.setSelected(True)
        row: BoardRow = current.data(ROLE)
        self._describe(row)
        query_op(self, self.tasks, partial(load_members, self.db, self.actor, row.household_id),
                 self._show_members, on_error=lambda e: self.error.setText(error_text(e)))

    def _describe(self, row: BoardRow) -> None:
        self.summary.setText(f"<b>{row.head}</b> {row.folio or ''}<br>"
                             + "<br>".join(self.pathway_lines(row)))
        self._enable_actions(True)
        self.error.clear()

    def _show_members(self, members: list[Member]) -> None:
        self.members = members
        self.people.clear()
        for m in members:
            age = "" if m.age is None else self.tr(", {n} years").format(n=m.age)
            where = "" if m.present else self.tr(" — not in a shelter")
            item = QListWidgetItem(f"{m.name}{age}{where}", self.people)
            if m.missing:
                item.setToolTip(self.tr("Missing to be hired: {what}").format(
                    what=", ".join(label("hiring_missing", c) for c in m.missing)))
                item.setText(item.text() + self.tr(" — missing: {what}").format(
                    what=", ".join(label("hiring_missing", c) if c != "work_permit"
                                   else self.tr("work permit") for c in m.missing)))
            item.setData(ROLE, m)
        if members:
            self.people.setCurrentRow(0)

    def _enable_actions(self, on: bool) -> None:
        for name, button in self.actions.items():
            if name not in dict((n, t) for n, t in self._tool_specs()):
                button.setEnabled(on)

