"""Saving a household from the registration dialog: block on real errors, look for possible
duplicates of every member (in the background), ask about each one, then register the whole
household in one transaction (in the background) and map the service's errors back to the
fields (``members.N.field``)."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from shiboken6 import isValid

from ...domain.errors import AlbergueError, ValidationError
from ...domain.matching import PersonFacts
from ...services import clock, duplicates, photos
from ...services.context import Actor
from ...services.people import HouseholdInput, Registration
from ...storage.db import Database
from ..clock_warning import confirm_save
from ..ops import Changes, waiting_text, write_op
from .duplicate_warning import DuplicateWarning
from .person_form import PersonForm

if TYPE_CHECKING:
    from .registration import RegistrationDialog


def find_duplicates(db: Database, actor: Actor, facts: list[PersonFacts]):
    """Worker thread: the possible duplicates of each member, in member order."""
    return [duplicates.find_possible_duplicates(db, actor, f) if f.given_names else []
            for f in facts]


def check_before_save(db: Database, actor: Actor, facts: list[PersonFacts]):
    """Worker thread: the clock warnings (services/clock.py) and the possible duplicates."""
    return clock.clock_warnings(db), find_duplicates(db, actor, facts)


def registered_changes(registration: Registration) -> Changes:
    """A registration adds its people and their household (and their photos)."""
    return Changes.of("people", "households", "photos", person_ids=registration.person_ids,
                      household_ids=[registration.household_id])


class SaveFlow(QObject):
    def __init__(self, dialog: RegistrationDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog
        self.busy = False      # checking duplicates or saving: the form is locked
        self.saving = False    # the transaction was handed to the worker
        self._generation = 0   # bumped by cancel(): late results are dropped
        self._queue: list[tuple[PersonForm, list]] = []
        self._dismissed: dict[int, set[str]] = {}  # id(form) -> candidates said different
        self.warning: DuplicateWarning | None = None

    # --- steps ----------------------------------------------------------------------------

    def start(self) -> None:
        d = self.dialog
        if self.busy:
            return
        forms = d.member_forms()
        failing = []
        for index, form in enumerate(forms):
            form.show_all_errors = True
            if form.refresh_errors():
                failing.append(index)
        if failing:
            d.select_member(failing[0])
            form = forms[failing[0]]
            form.focus_first_error()
            messages = form.unplaced
            d.show_status(" ".join([self.tr("Correct the marked fields; nothing was saved."),
                                    *messages]), error=True)
            return
        self._lock(True, self.tr("Looking for people already registered…"))
        facts = [form.facts() for form in forms]
        generation = self._generation
        d.tasks.run(partial(check_before_save, d.db, d.actor, facts),
                    partial(self._on_checked, generation, forms),
                    partial(self._on_error, generation))

    def _on_checked(self, generation: int, forms: list[PersonForm], checked) -> None:
        warnings, found = checked
        if not self._current(generation):
            return
        if not confirm_save(self.dialog, warnings):
            self._lock(False, self.tr("Not saved: check the date and time of this computer."))
            return
        self._on_duplicates(generation, forms, found)

    def _on_duplicates(self, generation: int, forms: list[PersonForm], found: list) -> None:
        if not self._current(generation):
            return
        self._queue = []
        for form, candidates in zip(forms, found):
            dismissed = self._dismissed.get(id(form), set())
            fresh = [c for c in candidates if c.person_id not in dismissed]
            if fresh:
                self._queue.append((form, fresh))
        self._next_warning()

    def _next_warning(self) -> None:
        d = self.dialog
        if not self._queue:
            self._register()
            return
        form, candidates = self._queue.pop(0)
        d.select_member(d.member_forms().index(form))
        self.warning = DuplicateWarning(form.display_name(), candidates, d)
        self.warning.open_record_chosen.connect(d.open_existing)
        self.warning.different_person_chosen.connect(partial(self._different, form,
                                                             candidates))
        self.warning.go_back_chosen.connect(partial(self._go_back, form))
        self.warning.open()

    def _different(self, form: PersonForm, candidates: list) -> None:
        self._dismissed.setdefault(id(form), set()).update(c.person_id for c in candidates)
        self._next_warning()

    def _go_back(self, form: PersonForm) -> None:
        self._queue = []
        self._lock(False, self.tr("Not saved yet: check the data and save again."))
        self.dialog.activateWindow()  # the keyboard goes back to the form
        form.focus_first_field()

    def _register(self) -> None:
        d = self.dialog
        forms = d.member_forms()
        members = [form.member_input() for form in forms]
        household = HouseholdInput(address=d.address.text().strip() or None,
                                   notes=d.household_notes.toPlainText().strip() or None)
        self.saving = True
        self._lock(True, self.tr("Saving…"))
        generation = self._generation
        # While a pull holds the file the save waits its turn, and says so.
        write_op(self, d.tasks,
                 partial(photos.register_with_photos, d.db, d.actor, center_id=d.center_id,
                         members=members, household=household, today=d.today,
                         member_photos=[form.photo.image for form in forms]),
                 changes=registered_changes,
                 on_done=partial(self._on_registered, generation),
                 on_error=partial(self._on_error, generation),
                 on_waiting=lambda: d.show_status(waiting_text(d.tasks)))

    def _on_registered(self, generation: int, registration) -> None:
        self.saving = False
        if not self._current(generation):
            return
        self._lock(False, "")
        self.dialog.show_registered(registration)

    def _on_error(self, generation: int, error: BaseException) -> None:
        self.saving = False
        if not self._current(generation):
            if not isinstance(error, AlbergueError):
                raise error
            return
        d = self.dialog
        self._lock(False, "")
        if not isinstance(error, AlbergueError):
            raise error  # a bug: let it surface
        if isinstance(error, ValidationError):
            self.show_service_errors(error)
        else:
            d.show_status(str(error), error=True)

    def show_service_errors(self, error: ValidationError) -> None:
        """``members.N.field`` messages go next to the field of member N; the others (a
        household without head...) to the status line."""
        d = self.dialog
        forms = d.member_forms()
        per_form: dict[int, dict[str, list[str]]] = {}
        general: list[str] = []
        for field_error in error.errors:
            parts = field_error.field.split(".", 2)
            if len(parts) == 3 and parts[0] == "members" and parts[1].isdigit() \
                    and int(parts[1]) < len(forms):
                per_form.setdefault(int(parts[1]), {}).setdefault(parts[2], []).append(
                    field_error.message())
            else:
                general.append(field_error.message())
        for index, errors in per_form.items():
            forms[index].set_service_errors(errors)
            general += forms[index].unplaced
        if per_form:
            first = min(per_form)
            d.select_member(first)
            forms[first].focus_first_error()
        d.show_status(" ".join([self.tr("Correct the marked fields; nothing was saved."),
                                *general]), error=True)

    # --- state ----------------------------------------------------------------------------

    def _current(self, generation: int) -> bool:
        return generation == self._generation and isValid(self.dialog)

    def _lock(self, busy: bool, message: str) -> None:
        d = self.dialog
        self.busy = busy
        if busy:
            self._focus = d.focusWidget()
        d.forms.setEnabled(not busy)
        d.members.setEnabled(not busy)
        d.save_button.setEnabled(not busy)
        d.add_button.setEnabled(not busy)
        d.household_box.setEnabled(not busy)
        d.show_status(message)
        if not busy and getattr(self, "_focus", None) is not None and isValid(self._focus):
            self._focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def cancel(self) -> None:
        """The dialog closes: drop the results of work still running."""
        self._generation += 1
        self._queue = []
        if self.warning is not None and isValid(self.warning) and self.warning.isVisible():
            self.warning.blockSignals(True)
            self.warning.close()
