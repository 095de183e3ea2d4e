"""The person record view (one tab of the main window): every detail of the person, the
household with links to its members, documents, vaccinations, stays and the history of
changes, with Edit and Delete for the roles that may use them. The record is read in the
background through :func:`services.records.person_record`, which already hides what the
reader's role may not see (clinical specific needs)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QPushButton, QScrollArea,
    QVBoxLayout, QWidget,
)

from ...domain import clock
from ...domain.labels import label
from ...domain.permissions import Permission, is_health_need, is_protection_need
from ...domain.validation import age_on
from ...services import access_log
from ...services.context import Actor
from ...services.records import PersonRecord, person_record
from ...storage.db import Database
from ..ops import Changes, error_text, on_changed, query_op
from ..tasks import TaskManager
from . import sections
from .fields import field_label, format_date, format_value, need_label
from .photo import PhotoPanel

PERSONAL = ("folio", "given_names", "surnames", "document_name", "sex", "birth_date",
            "nationality", "country_of_birth", "civil_status", "relationship", "education_level",
            "languages", "work_experience", "arrival_date")
CONTACT = ("phone", "emergency_contact_name", "emergency_contact_phone")
MIGRATORY = ("migratory_status", "migratory_status_from", "migratory_status_until", "curp",
             "rfc")
CONSENT = ("consent_given", "consent_at", "consent_by", "consent_purposes", "notes")


def person_status(record: PersonRecord) -> str:
    """present | in_transit | discharged | registered, as in the people list."""
    open_stays = [s for s in record.stays if s.check_out is None]
    if open_stays:
        return "in_transit" if open_stays[-1].status == "pending" else "present"
    return "discharged" if record.stays else "registered"


def _value_label(parent: QWidget) -> QLabel:
    value = QLabel(parent)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class PersonRecordView(QWidget):
    """Signals: ``loaded()``, ``title_changed(str)``, ``open_person_requested(person_id)``
    (a household member's link), ``person_changed(person_id)`` after an edit,
    ``person_deleted(person_id)`` after a deletion."""

    loaded = Signal()
    title_changed = Signal(str)
    open_person_requested = Signal(str)
    person_changed = Signal(str)
    person_deleted = Signal(str)

    def __init__(self, db: Database, actor: Actor, person_id: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._actor = actor
        self._tasks = tasks
        self.person_id = person_id
        self.record: PersonRecord | None = None
        self._dialog = None
        self.member_buttons: dict[str, QPushButton] = {}

        self.name_label = QLabel(self.tr("Loading…"), self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.summary_label = QLabel(self)
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fdecea; color: #8a1c1c; padding: 6px;")
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.linkActivated.connect(self._on_link)
        self.banner.hide()
        self.edit_button = QPushButton(self.tr("&Edit…"), self)
        self.edit_button.setToolTip(self.tr("Edit this record (Ctrl+E)"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.delete_button = QPushButton(self.tr("&Delete…"), self)
        self.edit_button.setVisible(actor.can(Permission.EDIT_PEOPLE))
        self.delete_button.setVisible(actor.can(Permission.DELETE_PEOPLE))
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(False)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        # a person's request to see their data (services/data_requests.py): a printout
        self.access_button = QPushButton(self.tr("Personal &data…"), self)
        self.access_button.setToolTip(self.tr(
            "Print everything held about this person (a data-protection access request)"))
        self.access_button.setVisible(actor.can(Permission.DATA_REQUESTS))
        self.access_button.setEnabled(False)
        self.access_button.clicked.connect(self.print_access)

        header = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.name_label)
        titles.addWidget(self.summary_label)
        # what needs attention at the desk: expired documents, no consent recorded
        self.flags_label = QLabel(self)
        self.flags_label.setObjectName("recordFlags")
        self.flags_label.setWordWrap(True)
        self.flags_label.setStyleSheet("QLabel#recordFlags { color: #8a4b00; }")
        self.flags_label.hide()
        titles.addWidget(self.flags_label)
        header.addLayout(titles, 1)
        header.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.access_button, 0, Qt.AlignmentFlag.AlignTop)
        header.addWidget(self.delete_button, 0, Qt.AlignmentFlag.AlignTop)

        self.values: dict[str, QLabel] = {}
        body = QWidget(self)
        grid = QGridLayout(body)
        left, right = QVBoxLayout(), QVBoxLayout()
        left.addWidget(self._form_box(self.tr("Personal details"), PERSONAL, body))
        left.addWidget(self._form_box(self.tr("Contact"), CONTACT, body))
        left.addWidget(self._form_box(self.tr("Migratory status and identifiers"), MIGRATORY,
                                      body))
        left.addWidget(self._form_box(self.tr("Consent and notes"), CONSENT, body))
        left.addStretch(1)
        self.household_box = QGroupBox(self.tr("Household"), body)
        self.members_layout = QGridLayout(self.household_box)
        self.needs_label = self._html_box(self.tr("Specific needs"), right, body)
        right.insertWidget(0, self.household_box)
        self.photo = PhotoPanel(db, actor, person_id, tasks, body)
        right.insertWidget(0, self.photo)
        on_changed(self, self._on_changed)  # the photo panel's writes arrive here too
        self.documents_label = self._html_box(self.tr("Identity documents"), right, body)
        self.vaccinations_label = self._html_box(self.tr("Vaccinations"), right, body)
        self.stays_label = self._html_box(self.tr("Stays"), right, body)
        # records confirmed as duplicates of this person (duplicates review), with their stays
        self.duplicates_label = self._html_box(self.tr("Linked duplicate records"), right, body)
        self.duplicates_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction)
        self.duplicates_label.linkActivated.connect(self._on_link)
        self.duplicates_label.parentWidget().hide()
        self.health = None  # screenings and vaccination: only for roles that see health data
        if actor.can(Permission.VIEW_HEALTH):
            from ..health.history import HealthSection
            self.health = HealthSection(db, actor, person_id, tasks, body)
            self.health.changed.connect(self.person_changed)
            right.addWidget(self.health)
        self.timeline = None  # consultations, referrals, pregnancy... (health follow-up)
        if actor.can(Permission.VIEW_HEALTH):
            from ..health.timeline import TimelineSection
            self.timeline = TimelineSection(db, actor, person_id, tasks, body)
        right.addStretch(1)
        grid.addLayout(left, 0, 0)
        grid.addLayout(right, 0, 1)
        history = QVBoxLayout()
        self.history_label = self._html_box(self.tr("History of changes"), history, body)
        # who opened this record or its health history: supervision and admin
        self.viewers_label = None
        if actor.can(Permission.VIEW_AUDIT):
            self.viewers_label = self._html_box(self.tr("Who viewed this record"), history,
                                                body)
        if self.timeline is not None:
            grid.addWidget(self.timeline, 1, 0, 1, 2)
        grid.addLayout(history, 2, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(scroll, 1)
        self.reload()

    def _form_box(self, title: str, fields: tuple[str, ...], parent: QWidget) -> QGroupBox:
        box = QGroupBox(title, parent)
        form = QFormLayout(box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        # One label width for every box, so the values line up down the column.
        metrics = self.fontMetrics()
        width = max(metrics.horizontalAdvance(field_label(n))
                    for n in PERSONAL + CONTACT + MIGRATORY + CONSENT) + 8
        for name in fields:
            self.values[name] = _value_label(box)
            caption = QLabel(field_label(name), box)
            caption.setMinimumWidth(width)
            form.addRow(caption, self.values[name])
        return box

    def _html_box(self, title: str, layout: QVBoxLayout, parent: QWidget) -> QLabel:
        box = QGroupBox(title, parent)
        inner = QVBoxLayout(box)
        text = QLabel(box)
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        inner.addWidget(text)
        layout.addWidget(box)
        return text

    # --- loading --------------------------------------------------------------------------

    def reload(self) -> None:
        if self.record is not None:
            self.photo.reload()
            if self.health is not None:
                self.health.reload()
        # opening the record is an audited read; a reload after an edit is not a new one
        query_op(self, self._tasks,
                 partial(person_record, self._db, self._actor, self.person_id,
                         audited=self.record is None),
                 self._show, on_error=self._failed)
        if self.viewers_label is not None:
            query_op(self, self._tasks,
                     partial(access_log.viewers_of, self._db, self._actor, self.person_id),
                     self._show_viewers, on_error=self._failed)

    def _show_viewers(self, lines: list) -> None:
        what = {access_log.VIEW_RECORD: self.tr("record"),
                access_log.VIEW_HEALTH: self.tr("health history")}
        self.viewers_label.setText(sections.table_html(
            [self.tr("When (UTC)"), self.tr("User"), self.tr("Viewed")],
            [[line.at.strftime("%d/%m/%Y %H:%M"), line.username or "—",
              what.get(line.action, line.action)] for line in lines],
            self.tr("No one has viewed this record yet.")))

    def _failed(self, error: BaseException) -> None:
        text = error_text(error)
        self.name_label.setText(self.tr("This record cannot be shown"))
        self.banner.setText(text)
        self.banner.show()

    def _show(self, record: PersonRecord) -> None:
        self.record = record
        p = record.person
        if self.timeline is not None:
            self.timeline.set_sex(p.sex)  # pregnancy and birth buttons for women only
        name = f"{p.given_names} {p.surnames.upper()}".strip()
        self.name_label.setText(name)
        self.title_changed.emit(p.folio or name)
        center = f"{record.center.code} · {record.center.name}" if record.center else "—"
        self.summary_label.setText(" · ".join(filter(None, [
            p.folio, label("person_status", person_status(record)),
            self.tr("Center {center}").format(center=center)])))
        for name_, value in self.values.items():
            value.setText(self._field_text(record, name_))
        self._show_banner(record)
        flags = self.flags(record)
        self.flags_label.setText("  ".join("⚠ " + f for f in flags))
        self.flags_label.setVisible(bool(flags))
        self._show_members(record)
        self.needs_label.setText(self._needs_html(p.specific_needs or []))
        self.documents_label.setText(sections.documents_html(record.documents))
        self.vaccinations_label.setText(sections.vaccinations_html(record.vaccinations))
        self.stays_label.setText(sections.stays_html(record.stays))
        self.history_label.setText(sections.history_html(record.history))
        self.duplicates_label.setText("".join(
            f"<p><a href='person:{d.id}'>{sections.escape(d.folio or '—')}</a> · "
            f"{sections.escape(d.full_name)} ({sections.escape(d.center_code or '—')})</p>"
            + sections.stays_html(d.stays) for d in record.duplicates))
        self.duplicates_label.parentWidget().setVisible(bool(record.duplicates))
        live = not p.deleted and record.merged_into is None
        self.edit_button.setEnabled(live)
        self.delete_button.setEnabled(live)
        self.access_button.setEnabled(live)
        self.photo.set_editable(live)
        self.loaded.emit()

    def flags(self, record: PersonRecord) -> list[str]:
        """Expired identity documents (on the scenario's day) and a missing consent."""
        today = clock.today()
        flags = [self.tr("{doc} expired on {date}").format(
                     doc=label("doc_type", d.doc_type), date=format_date(d.expiry_date))
                 for d in record.documents
                 if d.expiry_date is not None and d.expiry_date < today]
        if not record.person.consent_given:
            flags.append(self.tr("No consent recorded"))
        return flags

    def _field_text(self, record: PersonRecord, name: str) -> str:
        p = record.person
        if name == "folio":
            return p.folio or "—"
        text = format_value(name, getattr(p, name))
        if name == "birth_date" and p.birth_date is not None:
            age = age_on(p.birth_date, clock.today())
            text = (self.tr("{date} (estimated; about {age} years)") if p.birth_date_estimated
                    else self.tr("{date} ({age} years)")).format(date=text, age=age)
        if name == "birth_date" and p.age_in_doubt:
            text += " · " + self.tr("age in doubt: presumed a minor")
        return text

    def _needs_html(self, needs: list[str]) -> str:
        if not needs:
            return "<i>" + self.tr("None recorded.") + "</i>"
        items = []
        for code in needs:
            text = f"{need_label(code)} ({code})"
            if is_health_need(code):
                text += " — " + self.tr("health information")
            elif is_protection_need(code):  # SV-*, WR-WR: docs/sensitive-data.md
                text += " — " + self.tr("confidential: protection")
            items.append(f"<li>{sections.escape(text)}</li>")
        return "<ul style='margin: 0'>" + "".join(items) + "</ul>"

    def _show_banner(self, record: PersonRecord) -> None:
        p = record.person
        if p.deleted:
            self.banner.setText(sections.escape(self.tr(
                "This record was deleted on {date} by {user}. Reason: {reason}").format(
                date=format_value("deleted_at", p.deleted_at), user=p.deleted_by or "—",
                reason=p.delete_reason or "—")))
        elif record.merged_into is not None:
            kept = record.merged_into
            self.banner.setText(self.tr("Duplicate record of {folio}: the lists and counts "
                                        "show that record instead of this one.").format(
                folio=f"<a href='person:{kept.id}'>"
                      f"{sections.escape(kept.folio or kept.id)}</a>"))
        self.banner.setVisible(p.deleted or record.merged_into is not None)

    def _show_members(self, record: PersonRecord) -> None:
        while self.members_layout.count():
            item = self.members_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.member_buttons = {}
        if not record.members:
            self.members_layout.addWidget(QLabel(self.tr("No household."), self.household_box))
            return
        today = clock.today()
        for row, member in enumerate(record.members):
            text = f"{member.folio or '—'} · {member.full_name}"
            if member.id == record.person.id:
                widget = QLabel(f"<b>{sections.escape(text)}</b>", self.household_box)
            else:
                widget = QPushButton(text, self.household_box)
                widget.setFlat(True)
                widget.setCursor(Qt.CursorShape.PointingHandCursor)
                widget.setStyleSheet("text-align: left; color: palette(link);")
                widget.setToolTip(self.tr("Open this person's record"))
                widget.clicked.connect(partial(self.open_person_requested.emit, member.id))
                self.member_buttons[member.id] = widget
            age = (str(age_on(member.birth_date, today)) if member.birth_date else "—")
            details = QLabel(self.tr("{relationship}, {sex}, {age} years").format(
                relationship=label("relationship", member.relationship) or "—",
                sex=label("sex", member.sex), age=age), self.household_box)
            self.members_layout.addWidget(widget, row, 0)
            self.members_layout.addWidget(details, row, 1)
        self.members_layout.setColumnStretch(1, 1)

    def _on_link(self, link: str) -> None:
        if link.startswith("person:"):
            self.open_person_requested.emit(link.removeprefix("person:"))

    # --- actions ----------------------------------------------------------------------------

    def edit(self) -> None:
        if (self.record is None or not self.edit_button.isEnabled()
                or not self._actor.can(Permission.EDIT_PEOPLE)):
            return
        from .edit import EditPersonDialog
        self._dialog = EditPersonDialog(self._db, self._actor, self.record.person,
                                        self._tasks, self,
                                        documents=self.record.documents,
                                        vaccinations=self.record.vaccinations)
        self._dialog.saved.connect(self._on_saved)
        self._dialog.open()

    def delete(self) -> None:
        if (self.record is None or not self.delete_button.isEnabled()
                or not self._actor.can(Permission.DELETE_PEOPLE)):
            return
        from .delete import DeletePersonDialog
        self._dialog = DeletePersonDialog(self._db, self._actor, self.record.person,
                                          self._tasks, self)
        self._dialog.deleted.connect(lambda: self.person_deleted.emit(self.person_id))
        self._dialog.open()

    def print_access(self, path: Path | None = None) -> None:
        """Save the access printout as a PDF (the file chosen in a save dialog; worker)."""
        if self.record is None or not self._actor.can(Permission.DATA_REQUESTS):
            return
        from ...reports.data_access import access_pdf
        from ..health.printing import _ask_path, _done, _failed

        path = path or _ask_path(self, self.tr("personal-data.pdf"))
        if path is None:
            return
        db, actor, person_id = self._db, self._actor, self.person_id
        query_op(self, self._tasks, lambda: access_pdf(db, actor, path, person_id=person_id),
                 lambda out: _done(self, out), on_error=lambda e: _failed(self, e))

    def _on_changed(self, changes: Changes) -> None:
        """A write op (here or in another screen) changed what a record shows."""
        if changes.touches("people", "households", "stays", "beds", "screenings", "photos"):
            self.reload()

    def _on_saved(self) -> None:
        self.person_changed.emit(self.person_id)  # the reload follows changed(Changes)
