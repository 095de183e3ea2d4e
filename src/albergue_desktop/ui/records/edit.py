"""Editing a person: every detail registration captured, on the registration's pages (basic
data; documents and migratory status; languages, education and work; vaccination; specific
needs and consent). Saving sends only what changed to
:func:`services.person_details.save_details`, in one transaction: person fields field by
field, documents and vaccinations added, corrected or removed with a reason, consent with who
and when stamped by the service. Clinical needs appear only for roles that may see them and
can be changed only by roles that may record them; the service enforces the same. Errors are
shown next to their fields, and the pages that have them are marked."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QDialogButtonBox, QGroupBox, QLabel, QMessageBox, QStyle, QTabWidget, QVBoxLayout,
    QWidget,
)

from ...domain import clock
from ...domain.errors import ValidationError
from ...services import person_details as pd
from ...services.context import Actor
from ...storage.db import Database
from ...storage.tables import IdentityDocument, Person, PersonUpdate, Vaccination
from ..intake.fields import FieldParseError, FieldSlot, FormPage
from ..intake.skills_editor import SkillsTab
from ..ops import ERROR_STYLE, Changes, error_text, write_op
from ..tasks import TaskManager
from .edit_pages import REQUIRED_TEXT, FieldsPage, NeedsConsentPage, editor_value, fill_editor
from .edit_rows import StoredDocumentsEditor, StoredVaccinationEditor

LEFT = ("given_names", "surnames", "sex", "birth_date", "birth_date_estimated", "age_in_doubt",
        "nationality", "country_of_birth", "civil_status", "relationship", "arrival_date")
RIGHT = ("phone", "emergency_contact_name", "emergency_contact_phone", "notes")
IDS = ("document_name", "curp", "rfc")
MIGRATORY = ("migratory_status", "migratory_status_from", "migratory_status_until")
SKILLS = ("languages", "education_level", "work_experience")
Messages = dict[str, list[str]]


def _blank(value: Any) -> Any:
    return None if value in ("", []) else value


class EditPersonDialog(QDialog):
    """``saved(person_id)`` after the service accepted the changes."""

    saved = Signal(object)

    def __init__(self, db: Database, actor: Actor, person: Person, tasks: TaskManager,
                 parent: QWidget | None = None, *, documents: list[IdentityDocument] = (),
                 vaccinations: list[Vaccination] = ()) -> None:
        super().__init__(parent)
        self._db, self._actor, self._person = db, actor, person
        self._tasks = tasks
        self.saving = False  # a save runs on the worker: no second save, no discard
        self.setWindowTitle(self.tr("Edit {folio}").format(folio=person.folio or ""))
        self.basic = FieldsPage([LEFT, RIGHT])
        documents_box = QGroupBox(self.tr("Identity documents"))
        self.documents = StoredDocumentsEditor(documents_box)
        QVBoxLayout(documents_box).addWidget(self.documents)
        self.identity = FieldsPage([IDS, MIGRATORY], [documents_box])
        self.skills = SkillsTab()
        self.vaccines = FormPage()
        vaccines_box = QGroupBox(self.tr("Doses received"), self.vaccines.body)
        self.vaccinations = StoredVaccinationEditor(vaccines_box)
        QVBoxLayout(vaccines_box).addWidget(self.vaccinations)
        vaccines_layout = QVBoxLayout(self.vaccines.body)
        vaccines_layout.addWidget(vaccines_box)
        vaccines_layout.addStretch(1)
        self.needs = NeedsConsentPage(actor, person)
        self.needs_list = self.needs.needs_list
        self.tabs = QTabWidget(self)
        for page, title in ((self.basic, self.tr("Basic data")),
                            (self.identity, self.tr("Documents and migratory status")),
                            (self.skills, self.tr("Languages, education and work")),
                            (self.vaccines, self.tr("Vaccination")),
                            (self.needs, self.tr("Specific needs and consent"))):
            self.tabs.addTab(page, title)
        self.editors = {**self.basic.editors, **self.identity.editors}
        self.errors = {**self.basic.errors, **self.identity.errors,
                       "specific_needs": self.needs.needs_error,
                       "consent_given": self.needs.consent_error,
                       "consent_purposes": self.needs.consent_error}
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        self._buttons = buttons
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self).activated.connect(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self._fill(list(documents), list(vaccinations))
        self._fit_to_screen()
        self.editors["given_names"].setFocus()

    def _fit_to_screen(self) -> None:
        width, height = 1100, 660
        screen = self.screen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width() - 24), min(height,
                                                                    available.height() - 48)
        self.resize(width, height)

    # --- values ------------------------------------------------------------------------------

    def _fill(self, documents: list[IdentityDocument], vaccinations: list[Vaccination]) -> None:
        p = self._person
        for name, editor in self.editors.items():
            fill_editor(name, editor, getattr(p, name))
        for item in p.languages or []:
            combo = self.skills.language_levels.get(item.get("code"))
            if combo is not None:
                if combo.findData(item.get("level")) < 0:
                    combo.addItem(str(item.get("level")), item.get("level"))
                combo.set_code(item.get("level"))
        education = self.skills.education_level
        if p.education_level and education.findData(p.education_level) < 0:
            education.addItem(p.education_level, p.education_level)
        education.set_code(p.education_level)
        for job in p.work_experience or []:
            row = self.skills.work.add_row()
            row.widgets["occupation"].setText(str(job.get("occupation") or job.get("skill")
                                                  or job.get("title") or ""))
            years = job.get("years")
            row.widgets["years"].setText("" if years in (None, "") else str(years))
        self.documents.load(documents)
        self.vaccinations.load(vaccinations)
        self._skills_base = self._skills({})
        # the stored rows were made after the buttons: Tab goes from the migratory status
        # to the documents, not to Save
        chain = [self.editors["migratory_status_until"],
                 *(w for row in self.documents.rows for w in row.widgets.values()),
                 self.documents.add_button]
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _skills(self, errors: Messages) -> dict[str, Any]:
        data: dict[str, Any] = {}
        self.skills.collect(data, errors)
        shown = set(self.skills.language_levels)
        data["languages"] += [item for item in self._person.languages or []
                              if item.get("code") not in shown]  # kept, not shown
        return data

    def person_changes(self, errors: Messages) -> dict[str, Any]:
        """The person fields whose value differs from the stored one; values that cannot be
        read add their message to ``errors``."""
        changed: dict[str, Any] = {}
        for name, editor in self.editors.items():
            try:
                value = editor_value(editor)
            except FieldParseError as exc:
                errors.setdefault(name, []).append(str(exc))
                continue
            if _blank(value) != _blank(getattr(self._person, name)):
                changed[name] = "" if value is None and name in REQUIRED_TEXT else value
        skills = self._skills(errors)
        for name in SKILLS:
            if skills[name] != self._skills_base[name]:
                changed[name] = skills[name]
        if sorted(self.needs.checked_needs()) != sorted(self._person.specific_needs or []):
            changed["specific_needs"] = self.needs.checked_needs()
        return changed

    def collect(self) -> tuple[pd.DetailEdits, dict[str, str], Messages]:
        """The edit to send, the UI path of each document/vaccination it lists
        (``documents.0.`` of the edit -> ``documents.3.`` on screen) and the messages of
        values that could not be read."""
        errors: Messages = {}
        person = self.person_changes(errors)
        keymap: dict[str, str] = {}
        lists: dict[str, list] = {"documents": [], "vaccinations": []}
        for kind, editor, entry in (("documents", self.documents, pd.DocumentEntry),
                                    ("vaccinations", self.vaccinations, pd.VaccinationEntry)):
            for key, values, stored_id in editor.entries(errors):
                keymap[f"{kind}.{len(lists[kind])}."] = key
                lists[kind].append(entry(**values, id=stored_id))
        consent = None
        if self.needs.consent_changed():
            given, purposes = self.needs.consent()
            consent = pd.ConsentChange(given=given, purposes=list(purposes))
        edits = pd.DetailEdits(
            person=PersonUpdate(**person) if person else None, documents=lists["documents"],
            removed_documents=dict(self.documents.removed), vaccinations=lists["vaccinations"],
            removed_vaccinations=dict(self.vaccinations.removed), consent=consent)
        return edits, keymap, errors

    def has_changes(self) -> bool:
        edits, _keymap, errors = self.collect()
        return bool(errors) or bool(edits.person or edits.documents or edits.removed_documents
                                    or edits.vaccinations or edits.removed_vaccinations
                                    or edits.consent)

    # --- errors ------------------------------------------------------------------------------

    def _slots(self) -> list[FieldSlot]:
        return (self.documents.slots() + self.vaccinations.slots()
                + self.skills.all_slots())

    def show_errors(self, messages: Messages) -> list[str]:
        """Each message under its field; the rest in the message line. Pages with errors get
        a warning icon, and the first field with an error the focus. Returns the messages
        that belong to no field."""
        per_label: dict[QLabel, list[str]] = {}
        placed: set[str] = set()
        targets: list[QWidget] = []
        for name, label in self.errors.items():
            per_label.setdefault(label, [])
            for key, texts in messages.items():
                if key == name or key.split(".")[0] == name:
                    per_label[label] += [t for t in texts if t not in per_label[label]]
                    placed.add(key)
                    targets.append(self.editors.get(name) or (
                        self.needs_list if name == "specific_needs"
                        else self.needs.consent_given))
        for slot in self._slots():
            texts = messages.get(slot.key, []) if slot.key else []
            per_label.setdefault(slot.error, [])
            per_label[slot.error] += texts
            if texts:
                placed.add(slot.key)
                targets.append(slot.widget)
        for label, texts in per_label.items():
            label.setText("\n".join(texts))
            label.setVisible(bool(texts))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        for index in range(self.tabs.count()):
            page = self.tabs.widget(index)
            marked = any(page.isAncestorOf(w) for w in targets)
            self.tabs.setTabIcon(index, warning if marked else QIcon())
        unplaced = [t for key, texts in messages.items() if key not in placed for t in texts]
        if targets:
            first = next(i for i in range(self.tabs.count())
                         if self.tabs.widget(i).isAncestorOf(targets[0]))
            self.tabs.setCurrentIndex(first)
            targets[0].setFocus(Qt.FocusReason.OtherFocusReason)
        return unplaced

    # --- saving ------------------------------------------------------------------------------

    def _ui_messages(self, errors: list, keymap: dict[str, str],
                     messages: Messages | None = None) -> Messages:
        """Field errors of the service under the paths of the fields on screen (after the
        messages already in ``messages``, which win for their field)."""
        messages = dict(messages or {})
        added: Messages = {}
        for error in errors:
            key = error.field
            for prefix, ui_prefix in keymap.items():
                if key.startswith(prefix):
                    key = ui_prefix + key[len(prefix):]
            if key not in messages:
                added.setdefault(key, []).append(error.message())
        return messages | added

    def save(self) -> None:
        if self.saving:
            return
        edits, keymap, errors = self.collect()
        if errors:  # unreadable values: shown with every other problem found meanwhile
            found = pd.edit_errors(edits, clock.today())
            unplaced = self.show_errors(self._ui_messages(found, keymap, errors))
            self.message.setText(" ".join([self.tr("Correct the marked fields; nothing was "
                                                   "saved."), *unplaced]))
            return
        if not (edits.person or edits.documents or edits.removed_documents
                or edits.vaccinations or edits.removed_vaccinations or edits.consent):
            self.accept()  # nothing changed: nothing to write
            return
        self._set_saving(True)
        db, actor, person_id = self._db, self._actor, self._person.id
        write_op(self, self._tasks, lambda: pd.save_details(db, actor, person_id, edits),
                 changes=Changes.of("people", "households"),
                 on_done=lambda _r: self._saved(),
                 on_error=lambda error: self._failed(error, keymap))

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        # looked up each time: the box may rebuild its standard buttons (a style change)
        self._buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not saving)
        if saving:
            self.message.clear()

    def _saved(self) -> None:
        self._set_saving(False)
        self.saved.emit(self._person.id)
        self.accept()

    def _failed(self, error: BaseException, keymap: dict[str, str]) -> None:
        """The service refused: everything typed stays, the problems are shown."""
        self._set_saving(False)
        if isinstance(error, ValidationError):
            unplaced = self.show_errors(self._ui_messages(error.errors, keymap))
            self.message.setText(" ".join([str(error).splitlines()[0], *unplaced]))
            return
        text = error_text(error)
        self.show_errors({})
        self.message.setText(text)

    def reject(self) -> None:
        if self.saving:
            return  # Esc while saving: the save decides (the dialog closes if it succeeds)
        if self.has_changes() and not self.confirm_discard():
            return
        super().reject()

    def confirm_discard(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Discard changes?"),
            self.tr("The changes to this record have not been saved. Discard them?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Discard
