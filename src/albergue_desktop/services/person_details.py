"""Correcting, after registration, every detail it captured.

Identity documents and vaccinations are rows of their own (synced tables): they are added,
corrected (only the fields that differ are written) and removed (a tombstone with a reason).
Consent is given or withdrawn with its purposes; who and when are recorded here, never typed.
The person's own fields (languages, work experience, migratory status and validity, specific
needs...) go through :func:`services.people.update_person`, which keeps clinical needs to
health roles. :func:`save_details` applies a whole edit in one transaction, after checking
all of it: nothing partial is written. Every write is audited by the storage hook, so the
record's history shows it."""

from __future__ import annotations

from contextlib import nullcontext
from datetime import date

from sqlalchemy.orm import Session
from sqlmodel import SQLModel

from ..domain import clock
from ..domain.errors import (
    FieldError, NotFoundError, PermissionDenied, RuleViolation, ValidationError,
)
from ..domain.normalize import identifier_key
from ..domain.permissions import Permission
from ..domain.validation import validate_document, validate_person, validate_vaccination
from ..storage.db import Database
from ..storage.tables import (
    IdentityDocument, IdentityDocumentBase, Person, PersonUpdate, Vaccination, VaccinationBase,
)
from ..storage.versioning import utcnow
from .context import Actor
from .people import update_person
from .stays import take_write_lock

REASON_REQUIRED = "A reason is required."


class DocumentEntry(IdentityDocumentBase):
    """A document as typed in the edit dialog: ``id`` of the stored row it corrects, or None
    for a new document."""

    id: str | None = None


class VaccinationEntry(VaccinationBase):
    id: str | None = None


class ConsentChange(SQLModel):
    given: bool
    purposes: list[str] = []


class DetailEdits(SQLModel):
    """One save of the edit dialog. Documents and vaccinations not mentioned stay as they
    are (one added meanwhile by a sync is kept)."""

    person: PersonUpdate | None = None
    documents: list[DocumentEntry] = []  # new (no id) and corrected (id) documents
    removed_documents: dict[str, str] = {}  # stored id -> reason
    vaccinations: list[VaccinationEntry] = []
    removed_vaccinations: dict[str, str] = {}
    consent: ConsentChange | None = None


def _require_vaccinations(actor: Actor) -> None:
    """Vaccinations are recorded at intake and corrected by intake or health staff."""
    if not (actor.can(Permission.EDIT_PEOPLE) or actor.can(Permission.EDIT_HEALTH)):
        raise PermissionDenied(str(Permission.EDIT_PEOPLE))


def _open(db: Database, actor: Actor, session: Session | None):
    return nullcontext(session) if session is not None else db.session(actor.username)


def _live_person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None:
        raise NotFoundError("person", person_id)
    if person.deleted:
        raise RuleViolation("This record was deleted.")
    return person


def _stored(session: Session, model, row_id: str, what: str, person_id: str | None = None):
    row = session.get(model, row_id)
    if row is None or row.deleted or (person_id is not None and row.person_id != person_id):
        raise NotFoundError(what, row_id)
    _live_person(session, row.person_id)
    return row


def _document_values(doc: IdentityDocumentBase) -> dict:
    data = IdentityDocumentBase.model_validate(doc.model_dump()).model_dump()
    data["number"] = (data.get("number") or "").strip()
    if data.get("issuing_country"):
        data["issuing_country"] = data["issuing_country"].upper()
    return data


def _vaccination_values(vac: VaccinationBase) -> dict:
    data = VaccinationBase.model_validate(vac.model_dump()).model_dump()
    for name in ("vaccine", "brand", "lot", "place"):
        if isinstance(data.get(name), str):
            data[name] = data[name].strip() or (None if name != "vaccine" else "")
    return data


def _check(errors: list[FieldError]) -> None:
    if errors:
        raise ValidationError(errors)


def _reason(reason: str | None, field: str = "reason") -> str:
    if not reason or not reason.strip():
        raise ValidationError([FieldError(field, REASON_REQUIRED)])
    return reason.strip()


def _apply(row, values: dict) -> bool:
    """Set only the fields that differ (the audit lists exactly those). True if any did."""
    changed = {k: v for k, v in values.items() if getattr(row, k) != v}
    for name, value in changed.items():
        setattr(row, name, value)
    return bool(changed)


def _tombstone(row, actor: Actor, reason: str) -> None:
    row.deleted, row.deleted_at = True, utcnow()
    row.deleted_by, row.delete_reason = actor.username, reason


# --- documents ---------------------------------------------------------------------------------

def add_document(db: Database, actor: Actor, person_id: str, doc: IdentityDocumentBase, *,
                 today: date | None = None, session: Session | None = None) -> str:
    actor.require(Permission.EDIT_PEOPLE)
    values = _document_values(doc)
    _check(validate_document(values, today=today or clock.today()))
    with _open(db, actor, session) as s:
        take_write_lock(s)
        _live_person(s, person_id)
        row = IdentityDocument(**values, person_id=person_id,
                               number_key=identifier_key(values["number"]))
        s.add(row)
        s.flush()
        return row.id


def correct_document(db: Database, actor: Actor, document_id: str, doc: IdentityDocumentBase,
                     *, today: date | None = None, session: Session | None = None,
                     person_id: str | None = None) -> bool:
    """Correct a stored document; the number key (search) follows the number. False when
    nothing differed."""
    actor.require(Permission.EDIT_PEOPLE)
    values = _document_values(doc)
    _check(validate_document(values, today=today or clock.today()))
    with _open(db, actor, session) as s:
        take_write_lock(s)
        row = _stored(s, IdentityDocument, document_id, "document", person_id)
        changed = _apply(row, {**values, "number_key": identifier_key(values["number"])})
        s.add(row)
        return changed


def remove_document(db: Database, actor: Actor, document_id: str, *, reason: str,
                    session: Session | None = None, person_id: str | None = None) -> None:
    actor.require(Permission.EDIT_PEOPLE)
    reason = _reason(reason)
    with _open(db, actor, session) as s:
        take_write_lock(s)
        row = _stored(s, IdentityDocument, document_id, "document", person_id)
        _tombstone(row, actor, reason)
        s.add(row)


# --- vaccinations ------------------------------------------------------------------------------

def add_vaccination(db: Database, actor: Actor, person_id: str, vac: VaccinationBase, *,
                    today: date | None = None, session: Session | None = None) -> str:
    _require_vaccinations(actor)
    values = _vaccination_values(vac)
    _check(validate_vaccination(values, today=today or clock.today()))
    with _open(db, actor, session) as s:
        take_write_lock(s)
        _live_person(s, person_id)
        row = Vaccination(**values, person_id=person_id)
        s.add(row)
        s.flush()
        return row.id


def correct_vaccination(db: Database, actor: Actor, vaccination_id: str, vac: VaccinationBase,
                        *, today: date | None = None, session: Session | None = None,
                        person_id: str | None = None) -> bool:
    _require_vaccinations(actor)
    values = _vaccination_values(vac)
    _check(validate_vaccination(values, today=today or clock.today()))
    with _open(db, actor, session) as s:
        take_write_lock(s)
        row = _stored(s, Vaccination, vaccination_id, "vaccination", person_id)
        changed = _apply(row, values)
        s.add(row)
        return changed


def remove_vaccination(db: Database, actor: Actor, vaccination_id: str, *, reason: str,
                       session: Session | None = None, person_id: str | None = None) -> None:
    _require_vaccinations(actor)
    reason = _reason(reason)
    with _open(db, actor, session) as s:
        take_write_lock(s)
        row = _stored(s, Vaccination, vaccination_id, "vaccination", person_id)
        _tombstone(row, actor, reason)
        s.add(row)


# --- consent -----------------------------------------------------------------------------------

def _consent_errors(change: ConsentChange) -> list[FieldError]:
    if change.given and not [p for p in change.purposes if p.strip()]:
        return [FieldError("consent_purposes", "Choose at least one purpose of the consent.")]
    return []


def set_consent(db: Database, actor: Actor, person_id: str, change: ConsentChange, *,
                session: Session | None = None) -> None:
    """Record consent given (with its purposes) or withdrawn, stamped with the acting user
    and the time: nobody types who or when."""
    actor.require(Permission.EDIT_PEOPLE)
    _check(_consent_errors(change))
    with _open(db, actor, session) as s:
        take_write_lock(s)
        person = _live_person(s, person_id)
        purposes = "; ".join(p.strip() for p in change.purposes if p.strip())
        person.consent_given = change.given
        person.consent_purposes = purposes if change.given else None
        person.consent_by, person.consent_at = actor.username, clock.now()
        s.add(person)


# --- everything at once ------------------------------------------------------------------------

def edit_errors(edits: DetailEdits, today: date) -> list[FieldError]:
    """What :func:`save_details` would refuse without reading the database (the person
    fields checked on their own: a CURP against the stored birth date is checked on saving).
    The edit dialog shows these together with the values it could not read."""
    errors: list[FieldError] = []
    if edits.person is not None:
        errors += validate_person(edits.person.model_dump(exclude_unset=True), today=today,
                                  partial=True)
    return errors + _row_errors(edits, today)


def _row_errors(edits: DetailEdits, today: date) -> list[FieldError]:
    errors: list[FieldError] = []
    for i, doc in enumerate(edits.documents):
        errors += validate_document(_document_values(doc), today=today,
                                    prefix=f"documents.{i}.")
    for i, vac in enumerate(edits.vaccinations):
        errors += validate_vaccination(_vaccination_values(vac), today=today,
                                       prefix=f"vaccinations.{i}.")
    for kind, removed in (("documents", edits.removed_documents),
                          ("vaccinations", edits.removed_vaccinations)):
        errors += [FieldError(f"{kind}.removed", REASON_REQUIRED)
                   for reason in removed.values() if not (reason or "").strip()]
    if edits.consent is not None:
        errors += _consent_errors(edits.consent)
    return errors


def save_details(db: Database, actor: Actor, person_id: str, edits: DetailEdits, *,
                 today: date | None = None) -> None:
    """Apply one edit of a person in one transaction. Every problem is reported at once in a
    :class:`ValidationError` (paths ``given_names``, ``documents.1.number``,
    ``vaccinations.0.date``, ``consent_purposes``...); then nothing is written."""
    today = today or clock.today()
    if edits.person is not None:
        actor.require(Permission.EDIT_PEOPLE)
    if edits.documents or edits.removed_documents or edits.consent is not None:
        actor.require(Permission.EDIT_PEOPLE)
    if edits.vaccinations or edits.removed_vaccinations:
        _require_vaccinations(actor)
    errors = _row_errors(edits, today)
    with db.session(actor.username) as s:
        take_write_lock(s)
        _live_person(s, person_id)
        if edits.person is not None and edits.person.model_fields_set:
            try:
                update_person(db, actor, person_id, edits.person, today, session=s)
            except ValidationError as exc:
                errors = exc.errors + errors
        _check(errors)  # raising here rolls the person change back too
        for doc in edits.documents:
            if doc.id is None:
                add_document(db, actor, person_id, doc, today=today, session=s)
            else:
                correct_document(db, actor, doc.id, doc, today=today, session=s,
                                 person_id=person_id)
        for doc_id, reason in edits.removed_documents.items():
            remove_document(db, actor, doc_id, reason=reason, session=s, person_id=person_id)
        for vac in edits.vaccinations:
            if vac.id is None:
                add_vaccination(db, actor, person_id, vac, today=today, session=s)
            else:
                correct_vaccination(db, actor, vac.id, vac, today=today, session=s,
                                    person_id=person_id)
        for vac_id, reason in edits.removed_vaccinations.items():
            remove_vaccination(db, actor, vac_id, reason=reason, session=s,
                               person_id=person_id)
        if edits.consent is not None:
            set_consent(db, actor, person_id, edits.consent, session=s)
