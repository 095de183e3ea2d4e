"""Everything about one member of the household being registered, on five pages, with
validation as the user types (domain rules of :mod:`albergue_desktop.domain.validation`)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QStyle, QTabWidget, QWidget

from ...domain import clock
from ...domain.matching import PersonFacts
from ...domain.validation import validate_document, validate_person, validate_vaccination
from ...services.context import Actor
from ...services.people import MemberInput
from ...storage.tables import IdentityDocumentBase, VaccinationBase
from .basic_tab import BasicTab
from .documents_editor import DocumentsTab
from .fields import ErrorLabel, FieldSlot, FormPage
from .needs_consent import NeedsTab
from .skills_editor import SkillsTab
from .vaccination_editor import VaccinationTab

VALIDATION_DELAY_MS = 150

Errors = dict[str, list[str]]


class Collected:
    """The values typed for one person, ready for the registration service, and the
    messages of the values that could not be read (keys are paths inside the person)."""

    def __init__(self, person: dict, documents: list[dict], vaccinations: list[dict],
                 errors: Errors) -> None:
        self.person, self.documents, self.vaccinations = person, documents, vaccinations
        self.errors = errors

    def signature(self) -> tuple:
        return repr(self.person), repr(self.documents), repr(self.vaccinations)


class PersonForm(QTabWidget):
    """Signals: ``changed`` on every edit; ``errors_shown(count)`` after validation shows
    messages (count of fields with a visible error)."""

    changed = Signal()
    errors_shown = Signal(int)

    def __init__(self, actor: Actor, *, is_head: bool, today: date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.actor, self.today, self.is_head = actor, today, is_head
        self.show_all_errors = False  # after a save attempt: required fields too
        self.basic = BasicTab(is_head=is_head, today=today)
        self.documents = DocumentsTab()
        self.skills = SkillsTab()
        self.vaccines = VaccinationTab()
        self.needs = NeedsTab(actor)
        self.addTab(self.basic, self.tr("Basic data"))
        self.addTab(self.documents, self.tr("Documents and migratory status"))
        self.addTab(self.skills, self.tr("Languages, education and work"))
        self.addTab(self.vaccines, self.tr("Vaccination"))
        self.addTab(self.needs, self.tr("Specific needs, consent and notes"))
        self.setUsesScrollButtons(True)
        self.photo = self.basic.photo  # optional; saved with the household
        self.photo.changed.connect(self.changed.emit)
        self._validate_timer = QTimer(self)
        self._validate_timer.setSingleShot(True)
        self._validate_timer.setInterval(VALIDATION_DELAY_MS)
        self._validate_timer.timeout.connect(self.refresh_errors)
        for page in self.pages():
            page.changed.connect(self._on_changed)
            page.touched.connect(self._validate_timer.start)
        self._pristine = self.collect().signature()
        self._extra_errors: Errors = {}  # from the service, until the next edit
        self.unplaced: list[str] = []
        self.visible_errors = 0

    def pages(self) -> list[FormPage]:
        return [self.widget(i) for i in range(self.count())]

    def _on_changed(self) -> None:
        self._extra_errors = {}
        self._validate_timer.start()
        self.changed.emit()

    def slots(self) -> list[FieldSlot]:
        return (self.basic.slots + self.documents.all_slots() + self.skills.all_slots()
                + self.vaccines.all_slots() + self.needs.all_slots())

    # --- values ---------------------------------------------------------------------------

    def collect(self) -> Collected:
        person: dict = {}
        errors: Errors = {}
        self.basic.collect(person, errors)
        documents = self.documents.collect(person, errors)
        self.skills.collect(person, errors)
        vaccinations = self.vaccines.collect(errors)
        self.needs.collect(person, errors)
        return Collected(person, documents, vaccinations, errors)

    def carry_over(self, previous: PersonForm) -> None:
        """Start from the previous member's shared fields (basic_tab.BasicTab.carry_over);
        what was carried over is not typed work (closing asks nothing because of it)."""
        self.basic.carry_over(previous.basic)
        self._pristine = self.collect().signature()

    def has_input(self) -> bool:
        """Something was typed (defaults such as today's arrival date do not count)."""
        return self.collect().signature() != self._pristine or self.photo.image is not None

    def validate(self) -> Errors:
        """Messages per path inside this person: unreadable values first; the domain rules
        for the values that could be read."""
        got = self.collect()
        errors: Errors = {k: list(v) for k, v in got.errors.items()}
        found = validate_person(got.person, today=self.today)
        for i, doc in enumerate(got.documents):
            found += validate_document(doc, today=self.today, prefix=f"documents.{i}.")
        for i, vac in enumerate(got.vaccinations):
            found += validate_vaccination(vac, today=self.today, prefix=f"vaccinations.{i}.")
        for error in found:
            if error.field not in got.errors:
                errors.setdefault(error.field, []).append(error.message())
        for key, messages in self._extra_errors.items():
            errors.setdefault(key, [])
            errors[key] += [m for m in messages if m not in errors[key]]
        return {key: messages for key, messages in errors.items() if messages}

    def member_input(self) -> MemberInput:
        got = self.collect()
        person = dict(got.person)
        person["consent_at"] = clock.now() if person.get("consent_given") else None
        return MemberInput(**person,
                           documents=[IdentityDocumentBase(**d) for d in got.documents],
                           vaccinations=[VaccinationBase(**v) for v in got.vaccinations])

    def facts(self) -> PersonFacts:
        got = self.collect()
        p = got.person
        docs = [d["number"] for d in got.documents if d.get("number")]
        docs += [p[k] for k in ("curp", "rfc") if p.get(k)]
        return PersonFacts(p["given_names"], p["surnames"], p["sex"] or None, p["birth_date"],
                           p["birth_date_estimated"], p["nationality"], tuple(docs))

    def display_name(self) -> str:
        given = self.basic.given_names.text().strip()
        surnames = self.basic.surnames.text().strip().upper()
        return " ".join(filter(None, (given, surnames)))

    # --- errors ---------------------------------------------------------------------------

    def set_service_errors(self, errors: Errors) -> None:
        """Messages from the registration service (shown until the next edit)."""
        self._extra_errors = errors
        self.show_all_errors = True
        self.refresh_errors()

    def refresh_errors(self) -> int:
        """Show the messages of the touched fields (every field after a save attempt) and
        mark the pages that have errors. Returns the number of errors (shown or not);
        :attr:`unplaced` keeps the messages that belong to no field."""
        self._validate_timer.stop()
        errors = self.validate()
        per_label: dict[ErrorLabel, list[str]] = {}
        placed: set[str] = set()
        page_has_error = [False] * self.count()
        for slot in self.slots():
            messages = errors.get(slot.key, []) if slot.key else []
            if slot.key in errors:
                placed.add(slot.key)
            visible = messages if (self.show_all_errors or slot.touched) else []
            per_label.setdefault(slot.error, [])
            per_label[slot.error] += [m for m in visible if m not in per_label[slot.error]]
            if messages:
                page_has_error[self._page_of(slot.widget)] = True
        for error_label, messages in per_label.items():
            error_label.show_messages(messages)
        self.unplaced = [m for k, ms in errors.items() if k not in placed for m in ms]
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index, has_error in enumerate(page_has_error):
            self.setTabIcon(index, icon if (has_error and self.show_all_errors) else QIcon())
        self.visible_errors = sum(bool(m) for m in per_label.values())
        self.errors_shown.emit(self.visible_errors)
        return len(errors)

    def _page_of(self, widget: QWidget) -> int:
        for index, page in enumerate(self.pages()):
            if page.isAncestorOf(widget):
                return index
        return 0

    def first_error_page(self) -> int | None:
        errors = self.validate()
        for slot in self.slots():
            if slot.key and slot.key in errors:
                return self._page_of(slot.widget)
        return None

    def focus_first_field(self) -> None:
        self.setCurrentIndex(0)
        page: FormPage = self.widget(0)
        page.focus_first()

    def focus_first_error(self) -> None:
        errors = self.validate()
        for slot in self.slots():
            if slot.key and slot.key in errors and slot.widget.isEnabled():
                self.setCurrentIndex(self._page_of(slot.widget))
                slot.widget.setFocus(Qt.FocusReason.OtherFocusReason)
                return
