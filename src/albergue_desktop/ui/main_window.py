"""The main window of a signed-in user: the people list (with filters) and the records opened
from it as tabs; menus show only what the user's role may use; the session locks after the
idle time set on this computer. The database's totals are in the status bar."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDialog, QLabel, QLineEdit, QMainWindow, QMessageBox, QTabWidget, QVBoxLayout, QWidget,
)
from shiboken6 import isValid

from ..domain import clock
from ..domain.permissions import Permission
from ..services import accounts, centers
from ..services.context import Actor
from ..storage.db import Database
from ..storage.tables import Center
from . import settings
from .auth.labels import role_label
from .auth.lock import IdleWatcher, LockScreen
from .main_menus import MainMenus
from .ops import Changes, error_text, on_changed, query_op, waiting_text
from .people_list import SEARCH_LIMIT, PeopleList, _count
from .sync.auto import AutoSync, SyncStatusLabel
from .tasks import TaskManager

MAX_RECORD_TABS = 8
NOTICE_MS = 10_000  # how long a notice stays in the status bar


def _site(db: Database) -> tuple[Center | None, str]:
    """(the center this file belongs to or None, the site id): read on the worker."""
    center_id = db.meta("center_id")
    return next((c for c in centers.list_centers(db) if c.id == center_id), None), db.site_id


class MainWindow(QMainWindow):
    """Signals for the application: ``user_switched(Actor)`` (another user signed in on the
    lock screen), ``sign_out_requested()``, ``language_chosen(str)``, ``closed()``."""

    user_switched = Signal(object)
    sign_out_requested = Signal()
    language_chosen = Signal(str)
    closed = Signal()

    def __init__(self, db: Database, actor: Actor, parent: QWidget | None = None, *,
                 tasks: TaskManager | None = None, idle_ms: int | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.actor = actor
        self._owns_tasks = tasks is None
        self.tasks = tasks or TaskManager(self)
        self.setWindowTitle(self.tr("Albergue — {file}").format(file=db.path.name))
        self.records: dict[str, QWidget] = {}  # person id -> its record tab
        self._dialog: QDialog | None = None
        self._hidden_dialogs: list[QDialog] = []
        self.lock_screen: LockScreen | None = None

        # The search box stays above every tab: a scanned folio opens its record wherever
        # the user is, and the focus stays in the box for the next scan.
        central = QWidget(self)
        search_box = QLineEdit(central)
        self.people = PeopleList(db, self.tasks, central, search_box=search_box, actor=actor)
        self.tabs = QTabWidget(central)
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.addTab(self.people, self.tr("People"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        self.demo_banner: QLabel | None = None  # added above the search box for a demo file
        layout.addWidget(search_box)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        search_box.textEdited.connect(lambda _text: self.tabs.setCurrentWidget(self.people))

        self.results_label = QLabel(self)
        self.user_label = QLabel(self)
        self.site_label = QLabel(self)
        self.count_label = QLabel(self)
        # "Saving waits: synchronization in progress…" while writes wait for a long job
        self.waiting_label = QLabel(self)
        self.waiting_label.setObjectName("waitingLabel")
        self.waiting_label.hide()
        for label in (self.results_label, self.user_label, self.site_label, self.count_label,
                      self.waiting_label):
            label.setContentsMargins(6, 0, 6, 0)
        status = self.statusBar()
        status.addWidget(self.results_label, 1)
        status.addPermanentWidget(self.waiting_label)
        status.addPermanentWidget(self.user_label)
        status.addPermanentWidget(self.site_label)
        status.addPermanentWidget(self.count_label)
        self.server_label = SyncStatusLabel(self)
        status.addPermanentWidget(self.server_label)
        self.user_label.setText(self.tr("{user} · {role}").format(
            user=actor.username, role=role_label(actor.role)))
        self.people.results_shown.connect(self._on_results)
        self.people.folio_not_found.connect(self._on_folio_not_found)
        self.people.search_failed.connect(self.results_label.setText)
        self.people.person_activated.connect(lambda row: self.open_person(row.id))
        self.people.folio_scanned.connect(lambda row: self.open_person(row.id, focus=False))
        self.people.filtered_count.connect(self._on_filtered_count)

        self.menus = MainMenus(self)
        self.actions: dict[str, QAction] = self.menus.actions
        self.idle = IdleWatcher(idle_ms if idle_ms is not None
                                else settings.idle_minutes() * 60_000, self)
        self.idle.idle.connect(self.lock)
        # with the central's sync server, when this computer is enrolled (docs/sync-server.md)
        self.auto_sync = AutoSync(db, self)
        self.auto_sync.state_changed.connect(self._on_server_state)
        self.auto_sync.pulled.connect(lambda _rows: self.after_write())
        self.idle.idle.connect(self.auto_sync.pull_now)
        self.auto_sync.start()

        on_changed(self, self._on_changed)
        self.tasks.writes_waiting.connect(self._on_writes_waiting)
        self._site_read = False  # the file's own center (None: a central file), once read
        self._file_center_id: str | None = None
        self._full_name = ""  # the greeting of the lock screen, once read
        query_op(self, self.tasks, partial(db.meta, clock.AS_OF_META_KEY), self._demo_banner,
                 on_error=error_text)  # a busy file: no banner until the next start
        query_op(self, self.tasks, partial(accounts.full_name, db, actor.username),
                 self._set_full_name, on_error=error_text)
        self.refresh_totals()
        self.people.search_box.setFocus()

    def _demo_banner(self, as_of: str | None) -> None:
        """A yellow strip over everything when the file is a demo file (meta ``as_of``,
        domain/clock.py, read in the background): nobody should take its synthetic people
        for real ones."""
        day = clock.parse_as_of(as_of)
        if day is None or self.demo_banner is not None:
            return
        shown = QLocale().toString(QDate(day.year, day.month, day.day),
                                   self.tr("MMMM d, yyyy"))
        central = self.centralWidget()
        banner = QLabel(self.tr("DEMO — synthetic data as of {date}").format(date=shown),
                        central)
        banner.setObjectName("demoBanner")
        banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        banner.setStyleSheet("QLabel#demoBanner { background: #ffd400; color: #000000; "
                             "font-weight: bold; padding: 4px; border: 1px solid #b39500; }")
        banner.setAccessibleName(banner.text())
        layout = central.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(0, banner)
        banner.show()  # added after the window was shown
        self.demo_banner = banner

    # --- totals -----------------------------------------------------------------------------

    def refresh_totals(self) -> None:
        """The center of this file and the number of people, both read in the background."""
        query_op(self, self.tasks, partial(_site, self.db), self._show_site,
                 on_error=lambda e: self.site_label.setText(error_text(e)))
        query_op(self, self.tasks, partial(_count, self.db, self.actor),
                 lambda total: self.count_label.setText(self._count_text(total)),
                 on_error=lambda e: self.count_label.setText(error_text(e)))

    def _count_text(self, total: int) -> str:
        return self.tr("%Ln person(s)", "", total)

    def _set_full_name(self, name: str) -> None:
        self._full_name = name

    def _show_site(self, site: tuple[Center | None, str]) -> None:
        """Which center this file belongs to; a supervisor's merged file names no center."""
        center, site_id = site
        self._site_read, self._file_center_id = True, center.id if center else None
        if center is not None:
            text = self.tr("Center {code} · {name}").format(code=center.code, name=center.name)
        else:
            text = self.tr("All centers · site {site}").format(site=site_id[:8])
        self.site_label.setText(text)

    def after_write(self) -> None:
        """A write made outside ``ui/ops.py`` (registration, beds, sync): totals, list and open
        records. Writes through ``write_op`` arrive at :meth:`_on_changed` instead."""
        self.refresh_totals()
        self.people.refresh()
        for view in self.records.values():
            view.reload()
        self.auto_sync.refresh()

    def _on_server_state(self, state) -> None:
        from .sync.actions import refresh_last_sync  # noqa: PLC0415 (it imports this module)

        self.server_label.show_state(state)
        refresh_last_sync(self)  # "Last sync" follows the server's exchanges too

    def _on_changed(self, changes: Changes) -> None:
        """Refresh only what a write op changed: the count follows people, the list what it
        shows (people, households, stays, beds, screenings): only the lines of the people
        the write names, or the whole list once when it names none (a pull, an import);
        the site label follows centers."""
        if changes.people and not changes.centers:  # refresh_totals below counts too
            query_op(self, self.tasks, partial(_count, self.db, self.actor),
                     lambda total: self.count_label.setText(self._count_text(total)),
                     on_error=lambda e: self.count_label.setText(error_text(e)))
        if changes.touches("people", "households", "stays", "beds", "screenings"):
            # open records follow the same signal themselves
            if changes.known_people is not None and not changes.centers:
                self.people.refresh_people(changes.known_people)
            else:
                self.people.refresh()
        if changes.centers:
            self.people.filter_bar.reload_centers()
            self.refresh_totals()
        self.auto_sync.refresh()  # the number of changes waiting to be sent

    def _on_writes_waiting(self, count: int) -> None:
        """Writes wait for a long job (a pull holds the file): say so instead of freezing."""
        self.waiting_label.setText(waiting_text(self.tasks) if count else "")
        self.waiting_label.setStyleSheet("color: #8a5a00; font-weight: bold;")
        self.waiting_label.setVisible(count > 0)

    # --- the people list --------------------------------------------------------------------

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.people)
        self.people.search_box.setFocus()
        self.people.search_box.selectAll()

    def show_household_of_selected(self) -> None:
        row = self.people.selected_person()
        if row is not None and row.household_id:
            self.tabs.setCurrentWidget(self.people)
            self.people.filter_bar.set_household(row.household_id, row.full_name)

    def _on_results(self, count: int, text: str) -> None:
        if count < 0:
            self.results_label.clear()
        elif count >= SEARCH_LIMIT:
            self.results_label.setText(
                self.tr("Showing the first {count} results for “{text}”").format(
                    count=QLocale().toString(count), text=text))
        else:
            self.results_label.setText(self.tr("%Ln result(s) for “{text}”", "", count)
                                       .format(text=text))

    def _on_filtered_count(self, count: int) -> None:
        if count >= 0 and not self.people.search_box.text().strip():
            self.results_label.setText(self.tr("%Ln person(s) match the filters", "", count))
        elif count < 0 and not self.people.search_box.text().strip():
            self.results_label.clear()

    def _on_folio_not_found(self, folio: str) -> None:
        self.results_label.setText(self.tr("No person has the folio {folio}.").format(
            folio=folio))

    # --- records ----------------------------------------------------------------------------

    def open_person(self, person_id: str, *, focus: bool = True) -> QWidget:
        """Show the record of a person in its tab (opened once; the oldest tab closes when
        too many are open). ``focus`` False leaves the keyboard where it is (a scan)."""
        from .records.view import PersonRecordView

        view = self.records.get(person_id)
        if view is None:
            if len(self.records) >= MAX_RECORD_TABS:
                self.close_tab(self.tabs.indexOf(next(iter(self.records.values()))))
            view = PersonRecordView(self.db, self.actor, person_id, self.tasks, self.tabs)
            view.title_changed.connect(partial(self._set_tab_title, view))
            view.open_person_requested.connect(self.open_person)
            view.person_deleted.connect(self._on_deleted)
            self.records[person_id] = view
            self.tabs.addTab(view, self.tr("Record"))
        self.tabs.setCurrentWidget(view)
        if focus:
            view.setFocus()
        return view

    def _set_tab_title(self, view: QWidget, title: str) -> None:
        index = self.tabs.indexOf(view)
        if index >= 0:
            self.tabs.setTabText(index, title)

    def _on_deleted(self, person_id: str) -> None:
        view = self.records.get(person_id)
        if view is not None:
            self.close_tab(self.tabs.indexOf(view))
        self.statusBar().showMessage(self.tr("The record was deleted."), NOTICE_MS)

    def close_tab(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if widget is None or widget is self.people:
            return
        self.records = {k: v for k, v in self.records.items() if v is not widget}
        if callable(release := getattr(widget, "release", None)):
            release()  # a tab that holds background work or temporary files lets go
        self.tabs.removeTab(index)
        widget.deleteLater()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def current_record(self):
        widget = self.tabs.currentWidget()
        return widget if widget in self.records.values() else None

    # --- registration and administration ----------------------------------------------------

    def open_registration(self) -> QDialog | None:
        """The registration dialog for the user's center, else this file's; on a central
        file (no center) an explanation. None when no dialog opened (yet: when this file's
        center is still being read, the dialog opens once it is)."""
        if not self.actor.can(Permission.REGISTER):
            return None
        if self.actor.center_id is not None:
            return self._open_registration(self.actor.center_id)
        if self._site_read:
            return self._open_registration(self._file_center_id)
        query_op(self, self.tasks, partial(_site, self.db),
                 lambda site: (self._show_site(site),
                               self._open_registration(self._file_center_id)),
                 on_error=lambda e: self.statusBar().showMessage(error_text(e), NOTICE_MS))
        return None

    def _open_registration(self, center_id: str | None) -> QDialog | None:
        from .intake import RegistrationDialog

        if center_id is None:  # a central file merged from the centers belongs to none
            QMessageBox.information(self, self.tr("New registration"), self.tr(
                "This file is a central file and belongs to no center. Register people on "
                "the laptop of the center that receives them; they arrive here with the "
                "next synchronization."))
            return None
        # the registration is a write op: the list shows its people through the hub
        dialog = RegistrationDialog(self.db, self.actor, center_id, self.tasks, self)
        dialog.open_person_requested.connect(self.open_person)
        dialog.next_step_requested.connect(self._on_next_step)
        dialog.cards_requested.connect(self._on_cards_requested)
        self._dialog = dialog
        dialog.open()
        return dialog

    def _on_next_step(self, step: str, household_id: str) -> None:
        """After a registration: the household in the list, and its screening (health
        staff) or its placement in beds (intake, coordination)."""
        from .beds.actions import place_household
        from .health.actions import screen_household
        self.tabs.setCurrentWidget(self.people)
        self.people.filter_bar.set_household(household_id, self.tr("the new registration"))
        if step == "screening":
            screen_household(self, household_id)
        else:
            place_household(self, household_id)

    def _on_cards_requested(self, folio: str) -> None:
        """After a registration: the Reports tab on the ID cards of that household."""
        from .reports.actions import open_reports
        from .reports.form import CARDS_HOUSEHOLD
        view = open_reports(self)
        view.form.set_kind("idcards")
        view.form.cards_for.setCurrentIndex(view.form.cards_for.findData(CARDS_HOUSEHOLD))
        view.form.household.setText(folio)

    def open_admin(self) -> QDialog | None:
        from .auth.admin import AdminDialog, can_administer
        if not can_administer(self.actor):
            return None
        dialog = AdminDialog(self.db, self.actor, self, tasks=self.tasks)
        dialog.idle_minutes_changed.connect(lambda m: self.idle.set_timeout(m * 60_000))
        self._dialog = dialog
        dialog.open()
        return dialog

    # --- the idle lock ----------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    def _own_dialogs(self) -> list[QDialog]:
        found = []
        for dialog in self.findChildren(QDialog):
            if dialog.isVisible():
                found.append(dialog)
        return found

    def change_password(self) -> None:
        """File > Change my password…: the signed-in user's own password."""
        from .auth.password import ChangePasswordDialog

        ChangePasswordDialog(self.db, self.actor, self).exec()

    def lock(self) -> None:
        """Cover the window (and hide its dialogs) until the password is typed again."""
        if self.locked:
            return
        self.idle.pause()
        self._hidden_dialogs = self._own_dialogs()
        for dialog in self._hidden_dialogs:
            dialog.hide()
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.db, self.actor, self.tasks, self,
                                          full_name=self._full_name)
            self.lock_screen.unlocked.connect(self.unlock)
            self.lock_screen.user_switched.connect(self.user_switched)
        self._set_usable(False)
        self.lock_screen.cover()

    def unlock(self) -> None:
        if self.lock_screen is not None:
            self.lock_screen.hide()
        self._set_usable(True)
        for dialog in self._hidden_dialogs:
            if isValid(dialog):  # a message box run by exec() is gone once hidden
                dialog.show()
        self._hidden_dialogs = []
        self.idle.resume()

    def _set_usable(self, usable: bool) -> None:
        self.menuBar().setEnabled(usable)
        self.centralWidget().setEnabled(usable)
        self.statusBar().setEnabled(usable)
        for action in self.actions.values():
            action.setEnabled(usable)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.setGeometry(self.rect())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.idle.stop()
        self.auto_sync.stop()
        for i in range(self.tabs.count()):
            if callable(release := getattr(self.tabs.widget(i), "release", None)):
                release()
        if self._owns_tasks:
            self.tasks.shutdown()
        super().closeEvent(event)
        self.closed.emit()
