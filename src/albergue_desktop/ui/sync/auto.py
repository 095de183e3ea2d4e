"""The desktop syncs by itself with the central's sync server (docs/sync-server.md).

Once this computer is enrolled (``albergue-sync connect``), :class:`AutoSync` pushes often
(every ``push_seconds``, only when there are changes) and pulls on a cadence
(``settings.sync_pull_minutes``) and when the session goes idle. The work runs on a
``TaskManager`` of its own, never on the worker that saves: a push only reads the file, a
pull is one short merge. The status bar shows the state: synced, N changes pending,
offline since..., refused: why. The computer's enrollment (by a user with the sync
permission) is what authorizes it, so it runs whoever is signed in (as the system actor).
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDateTime, QLocale, QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from ...services import sync_server
from ...services.context import SYSTEM
from ...services.sync_server import SyncState
from .. import settings
from ..tasks import TaskManager

DEFAULT_PUSH_SECONDS = 60


class AutoSync(QObject):
    """``state_changed(SyncState)`` after every look, push or pull; ``pulled(int)`` when a
    pull changed rows of this file (the window reloads what it shows)."""

    state_changed = Signal(object)
    pulled = Signal(int)

    def __init__(self, db, parent: QObject | None = None, *,
                 push_seconds: int = DEFAULT_PUSH_SECONDS,
                 pull_minutes: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = TaskManager(self)  # its own worker: a sync never waits behind a save
        self._busy = False
        self.push_timer = QTimer(self)
        self.push_timer.setInterval(push_seconds * 1000)
        self.push_timer.timeout.connect(self.push_now)
        self.pull_timer = QTimer(self)
        self.pull_timer.setInterval((pull_minutes if pull_minutes is not None
                                     else settings.sync_pull_minutes()) * 60_000)
        self.pull_timer.timeout.connect(self.pull_now)

    def start(self) -> None:
        """Pull now, then push and pull on their timers (not enrolled: they only look, so a
        computer enrolled meanwhile starts syncing)."""
        self.push_timer.start()
        self.pull_timer.start()
        self.pull_now()

    def stop(self) -> None:
        self.push_timer.stop()
        self.pull_timer.stop()
        self.tasks.shutdown()

    def refresh(self) -> None:
        """Look again (after a save: the number of pending changes)."""
        if not self._busy:
            self.tasks.run(partial(sync_server.state, self.db), self._on_state,
                           self._on_error)

    def push_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.tasks.run(partial(sync_server.push, self.db, SYSTEM), self._on_pushed,
                       self._on_error)

    def pull_now(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.tasks.run(partial(sync_server.pull, self.db, SYSTEM), self._on_pulled,
                       self._on_error)

    def _on_pushed(self, state: SyncState) -> None:
        self._busy = False
        self.state_changed.emit(state)

    def _on_pulled(self, result: tuple[SyncState, int]) -> None:
        self._busy = False
        state, changed = result
        self.state_changed.emit(state)
        if changed:
            self.pulled.emit(changed)
        if state.pending:  # what the pull changed goes back (the central reads it unchanged)
            self.push_now()

    def _on_state(self, state: SyncState) -> None:
        self.state_changed.emit(state)

    def _on_error(self, exc: BaseException) -> None:
        self._busy = False
        self.state_changed.emit(SyncState(sync_server.REFUSED, reason=str(exc)))


class SyncStatusLabel(QLabel):
    """The state in the status bar; hidden while this computer is not enrolled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContentsMargins(6, 0, 6, 0)
        self.hide()

    def show_state(self, state: SyncState) -> None:
        colour = {sync_server.SYNCED: "#1b6e20", sync_server.PENDING: "#8a5a00",
                  sync_server.OFFLINE: "#8a5a00", sync_server.REFUSED: "#b00020"}
        if state.state == sync_server.NOT_ENROLLED:
            self.hide()
            return
        if state.state == sync_server.SYNCED:
            text = self.tr("Synchronized")
        elif state.state == sync_server.PENDING:
            text = self.tr("%n change(s) pending", "", state.pending)
        elif state.state == sync_server.OFFLINE:
            when = QDateTime(state.offline_since).toLocalTime() if state.offline_since \
                else QDateTime.currentDateTime()
            shown = QLocale().toString(when, QLocale.FormatType.ShortFormat)
            text = self.tr("Offline since {time}").format(time=shown)
            if state.pending:
                text += " · " + self.tr("%n change(s) pending", "", state.pending)
        else:
            text = self.tr("Refused: {reason}").format(reason=state.reason or "")
        self.setText(text if len(text) <= 90 else text[:87] + "…")
        self.setToolTip(text)
        self.setStyleSheet(f"color: {colour.get(state.state, '#000000')};")
        self.show()
