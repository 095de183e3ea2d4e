"""The Sync screen (a tab of the main window): the central file (remembered on this
computer), "Enviar al archivo central" and "Traer del archivo central", run by the task
manager off the GUI thread with a progress bar and a Cancel button, then a summary per file
of what changed. A refused file shows the engine's message and nothing changes."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QProgressBar, QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from albergue_sync import SyncCancelled, SyncRefused

from ...domain.errors import AlbergueError
from ...domain.permissions import Permission
from ...services import sync_files
from ...services.context import Actor
from ...services.sync_files import SyncSummary
from ...storage.db import Database
from ..ops import CancelToken, alive
from ..tasks import TaskManager
from .common import (
    central_file, local_time, message_label, remember_central_file, show_message,
)
from .conflict_parts import table_label

PROGRESS_STEPS = 1000


class SyncView(QWidget):
    """Signals: ``synced(SyncSummary)`` after a push or pull that completed, ``finished()``
    after any run (done, refused or cancelled)."""

    synced = Signal(object)
    finished = Signal()
    _worker_progress = Signal(int, int, str, str)  # emitted in the worker thread

    def __init__(self, db: Database, actor: Actor, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.actor, self.tasks = db, actor, tasks
        self._cancel: CancelToken | None = None
        self.last_summary: SyncSummary | None = None

        intro = QLabel(self.tr(
            "The central file gathers the databases of every center. Send this database to "
            "it (over a shared folder or a USB stick), and bring back the people registered "
            "at other centers."), self)
        intro.setWordWrap(True)
        self.path_edit = QLineEdit(central_file(), self)
        self.path_edit.setPlaceholderText(self.tr("e.g. E:\\albergue-central.sqlite"))
        self.choose_button = QPushButton(self.tr("&Choose…"), self)
        path_label = QLabel(self.tr("Central &file:"), self)
        path_label.setBuddy(self.path_edit)
        path_row = QHBoxLayout()
        path_row.addWidget(path_label)
        path_row.addWidget(self.path_edit, 1)
        path_row.addWidget(self.choose_button)

        self.push_button = QPushButton(self.tr("&Send to the central file"), self)
        self.pull_button = QPushButton(self.tr("&Bring from the central file"), self)
        self.health_box = QCheckBox(self.tr("Also bring &health records of other centers"),
                                    self)
        self.health_box.setVisible(actor.can(Permission.VIEW_HEALTH))
        self.health_box.setToolTip(self.tr(
            "Vaccinations and screenings of people of other centers. Off unless this center "
            "cares for them."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.push_button)
        buttons.addWidget(self.pull_button)
        buttons.addWidget(self.health_box)
        buttons.addStretch(1)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, PROGRESS_STEPS)
        self.progress.setFormat("%p %")
        self.stage_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("Ca&ncel"), self)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        for widget in (self.progress, self.stage_label, self.cancel_button):
            widget.hide()
        self.message = message_label(self)

        self.summary_box = QGroupBox(self.tr("What changed"), self)
        self.summary = QTableWidget(0, 7, self.summary_box)
        self.summary.setHorizontalHeaderLabels([
            self.tr("File"), self.tr("Merge"), self.tr("New"), self.tr("Updated"),
            self.tr("Unchanged"), self.tr("Conflicts"), self.tr("Duration")])
        self.summary.verticalHeader().hide()
        self.summary.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.summary.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, 7):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        box_layout = QVBoxLayout(self.summary_box)
        box_layout.addWidget(self.summary)
        # one line per file merged (one for a push or a pull)
        self.summary.setMaximumHeight(self.summary.horizontalHeader().sizeHint().height()
                                      + 4 * self.summary.verticalHeader().defaultSectionSize())
        self.summary_box.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(path_row)
        layout.addLayout(buttons)
        layout.addLayout(progress_row)
        layout.addWidget(self.stage_label)
        layout.addWidget(self.message)
        layout.addWidget(self.summary_box)
        layout.addStretch(1)
        self.setTabOrder(self.path_edit, self.choose_button)
        self.setTabOrder(self.choose_button, self.push_button)
        self.setTabOrder(self.push_button, self.pull_button)
        self.setTabOrder(self.pull_button, self.health_box)

        self.choose_button.clicked.connect(self.choose_file)
        self.push_button.clicked.connect(self.push)
        self.pull_button.clicked.connect(self.pull)
        self.cancel_button.clicked.connect(self.cancel)
        self._worker_progress.connect(self._on_progress)

    # --- running ------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._cancel is not None

    def choose_file(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Central file"), self.path_edit.text(),
            self.tr("Albergue databases (*.sqlite *.db);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if chosen:
            self.path_edit.setText(chosen)

    def _central(self) -> Path | None:
        text = self.path_edit.text().strip()
        if not text:
            show_message(self.message, self.tr("Choose the central file first."), error=True)
            self.path_edit.setFocus()
            return None
        remember_central_file(text)
        return Path(text)

    def push(self) -> None:
        central = self._central()
        if central is not None and not self.running:
            self._start("push", partial(sync_files.push, self.db, self.actor, central))

    def pull(self) -> None:
        central = self._central()
        if central is not None and not self.running:
            self._start("pull", partial(sync_files.pull, self.db, self.actor, central,
                                        with_health=self.health_box.isChecked()))

    def _start(self, direction: str, job) -> None:
        cancel = self._cancel = CancelToken()
        self._set_running(True)
        self.message.clear()
        self.summary_box.hide()
        self.stage_label.setText(self.tr("Copying this database…") if direction == "push"
                                 else self.tr("Checking the central file…"))
        self.progress.setValue(0)
        # On the lane of long jobs: searches answer meanwhile, and a save made during a pull
        # waits for it in the task manager's queue (ui/tasks.py).
        self.tasks.run_long(partial(job, progress=self._worker_progress.emit,
                                    cancelled=cancel.is_set),
                            alive(self, self._done), alive(self, self._failed),
                            writes=direction == "pull",
                            label=self.tr("synchronization in progress"))

    def cancel(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()
            self.cancel_button.setEnabled(False)
            self.stage_label.setText(self.tr("Cancelling…"))

    def _set_running(self, running: bool) -> None:
        for widget in (self.push_button, self.pull_button, self.choose_button, self.path_edit,
                       self.health_box):
            widget.setEnabled(not running)
        for widget in (self.progress, self.stage_label, self.cancel_button):
            widget.setVisible(running)
        self.cancel_button.setEnabled(running)
        if not running:
            self._cancel = None

    def _on_progress(self, done: int, total: int, stage: str, detail: str) -> None:
        if self._cancel is None or self._cancel.is_set():
            return
        # export: first 10 %; checking the other file: up to 20 %; merging: the rest
        share = done / total if total else 0.0
        value = {"export": 0.0, "check": 0.1 + 0.1 * share}.get(stage, 0.2 + 0.8 * share)
        self.progress.setValue(int(value * PROGRESS_STEPS))
        if stage == "merge" and detail:
            self.stage_label.setText(self.tr("Merging: {table}").format(
                table=table_label(detail)))
        elif stage == "check":
            self.stage_label.setText(self.tr("Checking {file}…").format(
                file=Path(detail).name))

    def _done(self, summary: SyncSummary) -> None:
        self._set_running(False)
        self.last_summary = summary
        self._show_summary(summary)
        changed = summary.changed
        if summary.direction == "push":
            text = (self.tr("This database was sent to the new central file {file}.")
                    if summary.created else
                    self.tr("This database was sent to {file}.")).format(
                file=summary.central.name)
        else:
            text = self.tr("The central file {file} was brought into this database.").format(
                file=summary.central.name)
        text += " " + self.tr("%n record(s) new or updated.", "", changed)
        if summary.recovery_code:  # a new, encrypted central file: shown only now
            text += " " + self.tr("Recovery code of the central file (write it down and keep "
                                  "it locked away; it is shown only now): {code}.").format(
                code=summary.recovery_code)
        conflicts = sum(r.conflicts for r in summary.reports)
        if conflicts:
            text += " " + self.tr("%n conflict(s) to review.", "", conflicts)
        show_message(self.message, text + " " + self.tr("Finished at {time}.").format(
            time=local_time(summary.finished_at)))
        self.synced.emit(summary)
        self.finished.emit()

    def _failed(self, error: BaseException) -> None:
        self._set_running(False)
        if isinstance(error, SyncCancelled):
            show_message(self.message, self.tr("Cancelled. Nothing was changed."), error=True)
        elif isinstance(error, (SyncRefused, AlbergueError)):
            show_message(self.message, str(error), error=True)
        self.finished.emit()
        if not isinstance(error, (SyncRefused, AlbergueError)):
            raise error

    def _show_summary(self, summary: SyncSummary) -> None:
        self.summary.setRowCount(len(summary.reports))
        for row, report in enumerate(summary.reports):
            mode = self.tr("complete") if report.mode == "full" else self.tr("changes only")
            cells = [Path(report.path).name, mode, str(report.new), str(report.updated),
                     str(report.unchanged), str(report.conflicts),
                     self.tr("{seconds} s").format(seconds=f"{report.seconds:.1f}")]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(report.path if column == 0 else text)
                if column >= 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.summary.setItem(row, column, item)
        self.summary_box.setTitle(
            self.tr("What changed in the central file") if summary.direction == "push"
            else self.tr("What changed in this database"))
        self.summary_box.show()

    def release(self) -> None:
        """The tab closes: a running synchronization is cancelled (and rolled back)."""
        self.cancel()
