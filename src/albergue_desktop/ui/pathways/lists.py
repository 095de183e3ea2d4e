"""Read-only lists of the pathways, each read on the worker: people suggested for an opening
(with the reasons, and "send to interview" for the one chosen), openings for a person, and
the documents that expire in the next 30 days."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton,
    QVBoxLayout, QWidget,
)

from ...domain.labels import label
from ...domain.permissions import Permission
from ...services import job_matching, jobs, legal
from ...services.context import Actor
from ...storage.db import Database
from ..ops import ERROR_STYLE, Changes, error_text, query_op, write_op
from ..tasks import TaskManager

ROLE = Qt.ItemDataRole.UserRole


def candidates(db: Database, actor: Actor, opening_id: str) -> list[job_matching.Suggestion]:
    """Worker function: people for an opening."""
    return job_matching.match_people(db, actor, opening_id, limit=50)


def openings_for(db: Database, actor: Actor, person_id: str):
    """Worker function: openings for a person."""
    return job_matching.match_openings(db, actor, person_id)


def expiring(db: Database, actor: Actor, center_id: str | None):
    """Worker function: documents expiring in the next 30 days."""
    return legal.expiring_documents(db, actor, center_id=center_id)


def propose(db: Database, actor: Actor, person_id: str, opening_id: str):
    """Worker function: send the person to the opening's interview."""
    return jobs.place(db, actor, person_id=person_id, opening_id=opening_id)


class ListDialog(QDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, title: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self.setWindowTitle(title)
        self.loaded = False
        self.layout_ = QVBoxLayout(self)
        self.top = QHBoxLayout()
        self.layout_.addLayout(self.top)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.layout_.addWidget(self.list, 1)
        self.status = QLabel(self)
        self.layout_.addWidget(self.status)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.layout_.addWidget(self.error)
        self.bottom = QHBoxLayout()
        self.bottom.addStretch(1)
        close = QPushButton(self.tr("Close"), self)
        close.setAutoDefault(False)
        close.clicked.connect(self.reject)
        self.bottom.addWidget(close)
        self.layout_.addLayout(self.bottom)
        self.resize(760, 560)

    def fill(self, lines: list[tuple[str, object]]) -> None:
        self.list.clear()
        for text, data in lines:
            item = QListWidgetItem(text, self.list)
            item.setData(ROLE, data)
        self.status.setText(self.tr("{n} found").format(n=len(lines)))
        self.loaded = True

    def failed(self, error: BaseException) -> None:
        self.error.setText(error_text(error))
        self.loaded = True


class CandidatesDialog(ListDialog):
    """People suggested for an opening, best first, with the reasons; the chosen one can be
    sent to the interview (a placement "proposed")."""

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 openings: list[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Candidates for an opening"), parent)
        self.top.addWidget(QLabel(self.tr("Opening:"), self))
        self.opening = QComboBox(self)
        for oid, text in openings:
            self.opening.addItem(text, oid)
        self.opening.currentIndexChanged.connect(lambda _i: self.reload())
        self.top.addWidget(self.opening, 1)
        self.send = QPushButton(self.tr("Send to interview"), self)
        self.send.setAutoDefault(False)
        self.send.setEnabled(actor.can(Permission.MANAGE_PATHWAYS))
        self.send.clicked.connect(self.send_selected)
        self.bottom.insertWidget(0, self.send)
        self.reload()

    def reload(self) -> None:
        oid = self.opening.currentData()
        if oid is None:
            self.fill([])
            return
        self.loaded = False
        self.status.setText(self.tr("Looking for people…"))
        query_op(self, self.tasks, partial(candidates, self.db, self.actor, oid),
                 lambda found: self.fill([(f"{s.name} {s.folio or ''} — {s.score}\n  "
                                           + "\n  ".join(s.reasons), s) for s in found]),
                 on_error=self.failed)

    def send_selected(self) -> None:
        item = self.list.currentItem()
        oid = self.opening.currentData()
        if item is None or oid is None:
            self.error.setText(self.tr("Choose a person in the list first."))
            return
        person = item.data(ROLE)
        write_op(self, self.tasks, partial(propose, self.db, self.actor, person.person_id, oid),
                 changes=Changes.of("people"), on_error=self.failed,
                 on_done=lambda _r: self.status.setText(
                     self.tr("{name} was sent to the interview.").format(name=person.name)))


class OpeningsDialog(ListDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager, person_id: str,
                 who: str, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Openings for {who}").format(who=who),
                         parent)
        query_op(self, self.tasks, partial(openings_for, db, actor, person_id),
                 lambda found: self.fill([(f"{o.position} — {o.employer} ({o.score})\n  "
                                           + "\n  ".join(o.reasons), o) for o in found]),
                 on_error=self.failed)


class ExpiringDialog(ListDialog):
    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 center_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(db, actor, tasks, self.tr("Documents expiring in the next 30 days"),
                         parent)

        def lines(found) -> list[tuple[str, object]]:
            out = []
            for e in found:
                kind = label("doc_type", e.document) if e.document != "migratory_status" \
                    else self.tr("Migratory condition")
                note = self.tr(" (issue date + 180 days)") if e.estimated else ""
                out.append((f"{e.expires:%d/%m/%Y} — {e.name} {e.folio or ''} — {kind} "
                            f"{e.number or ''}{note}", e))
            return out

        query_op(self, self.tasks, partial(expiring, db, actor, center_id),
                 lambda found: self.fill(lines(found)), on_error=self.failed)
