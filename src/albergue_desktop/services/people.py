"""Registering, editing, deleting and finding people. The only write path for people."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass
from datetime import date

from albergue_sync import redact
from sqlalchemy.orm import Session

from ..domain import clock
from ..domain.enums import Relationship
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.normalize import clean_name, identifier_key, name_key
from ..domain.permissions import (
    RECORD_PERMISSION, Permission, hidden_needs, need_permission, visible_needs,
)
from ..domain.validation import validate_document, validate_person, validate_vaccination
from ..storage import queries
from ..storage.db import Database
from ..storage.tables import (
    Center, Household, HouseholdBase, IdentityDocument, IdentityDocumentBase, Person,
    PersonCreate, PersonUpdate, VaccinationBase, Vaccination,
)
from .context import Actor
from .stays import close_open_stay, take_write_lock

NAME_FIELDS = ("given_names", "surnames", "document_name")


class MemberInput(PersonCreate):
    """One household member as typed: the person plus their documents and vaccinations."""

    documents: list[IdentityDocumentBase] = []
    vaccinations: list[VaccinationBase] = []


class HouseholdInput(HouseholdBase):
    pass


@dataclass(frozen=True)
class Registration:
    household_id: str
    person_ids: list[str]
    folios: list[str]


def _tidy(data: dict) -> dict:
    for name in NAME_FIELDS:
        if name in data and data[name] is not None:
            data[name] = clean_name(data[name])
    for name in ("curp", "rfc"):
        if data.get(name):
            data[name] = identifier_key(data[name])
        elif name in data:
            data[name] = None
    if data.get("nationality"):
        data["nationality"] = data["nationality"].upper()
    if data.get("country_of_birth"):
        data["country_of_birth"] = data["country_of_birth"].upper()
    return data


def _search_key(person: Person) -> str:
    return name_key(" ".join(filter(None, (person.given_names, person.surnames,
                                           person.document_name))))


def folio_prefix(center: Center) -> str:
    return f"{center.city_prefix}-{center.code}-"


def check_household(actor: Actor, members: list[MemberInput],
                    today: date) -> tuple[list[dict], int]:
    """Validate and tidy a household as typed: (the members' person fields, the index of
    the head). The head is the member with relationship ``head`` (a lone member becomes
    head). Raises :class:`ValidationError` with every problem, or ``PermissionDenied`` when
    clinical needs are recorded without the health permission. Shared by every write path
    that registers people (:func:`register_household`, ``services.imports``)."""
    actor.require(Permission.REGISTER)
    errors: list[FieldError] = []
    if not members:
        errors.append(FieldError("members", "A household needs at least one member."))
    datas = [_tidy(m.model_dump(exclude={"documents", "vaccinations"})) for m in members]
    if len(datas) == 1 and not datas[0].get("relationship"):
        datas[0]["relationship"] = Relationship.HEAD
    heads = [i for i, d in enumerate(datas) if d.get("relationship") == Relationship.HEAD]
    if members and len(heads) != 1:
        errors.append(FieldError("members", "A household needs exactly one head."))
    for i, (member, data) in enumerate(zip(members, datas)):
        errors += validate_person(data, today=today, prefix=f"members.{i}.")
        for j, doc in enumerate(member.documents):
            errors += validate_document(doc.model_dump(), today=today,
                                        prefix=f"members.{i}.documents.{j}.")
        for j, vac in enumerate(member.vaccinations):
            errors += validate_vaccination(vac.model_dump(), today=today,
                                           prefix=f"members.{i}.vaccinations.{j}.")
    if errors:
        raise ValidationError(errors)
    for d in datas:
        _require_record(actor, d.get("specific_needs") or [])
    return datas, heads[0]


def register_household(db: Database, actor: Actor, *, center_id: str,
                       members: list[MemberInput], household: HouseholdInput | None = None,
                       today: date | None = None,
                       session: Session | None = None) -> Registration:
    """Register a household and all its members (with documents and vaccinations) in one
    transaction. The head is the member with relationship ``head`` (a lone member becomes
    head). Each person gets the next folio of the center. Nothing is written on error.
    With ``session`` the rows join the caller's open transaction (a spreadsheet import
    commits all its households at once) and the caller commits."""
    today = today or clock.today()
    datas, head = check_household(actor, members, today)
    with (nullcontext(session) if session is not None
          else db.session(actor.username)) as session:
        take_write_lock(session)  # the next folio is read and used in one locked transaction
        center = session.get(Center, center_id)
        if center is None or center.deleted:
            raise NotFoundError("center", center_id)
        prefix = folio_prefix(center)
        number = queries.next_folio_number(session=session, prefix=prefix)
        hh_data = household.model_dump() if household else {}
        hh_data.update(center_id=center_id)
        hh = Household(**hh_data)
        session.add(hh)
        people: list[Person] = []
        for offset, data in enumerate(datas):
            person = Person(**data, folio=f"{prefix}{number + offset:06d}", center_id=center_id,
                            household_id=hh.id)
            person.search_key = _search_key(person)
            people.append(person)
            session.add(person)
        hh.head_person_id = people[head].id
        session.flush()  # persons before their documents (foreign keys)
        for member, person in zip(members, people):
            for doc in member.documents:
                session.add(IdentityDocument(**doc.model_dump(), person_id=person.id,
                                             number_key=identifier_key(doc.number)))
            for vac in member.vaccinations:
                session.add(Vaccination(**vac.model_dump(), person_id=person.id))
    return Registration(hh.id, [p.id for p in people], [str(p.folio) for p in people])


def add_member_in_session(session: Session, *, household_id: str, member: MemberInput,
                          center_id: str, today: date) -> Person:
    """Register one more member of an existing household (a birth) on the caller's open,
    write-locked transaction: validated as a registration, the next folio of ``center_id``,
    documents and vaccinations with it. No permission check: the caller checked its own
    (``services.pregnancy.record_birth`` needs EDIT_HEALTH)."""
    data = _tidy(member.model_dump(exclude={"documents", "vaccinations"}))
    errors = validate_person(data, today=today)
    for j, doc in enumerate(member.documents):
        errors += validate_document(doc.model_dump(), today=today, prefix=f"documents.{j}.")
    if errors:
        raise ValidationError(errors)
    household = session.get(Household, household_id)
    center = session.get(Center, center_id)
    if household is None or household.deleted:
        raise NotFoundError("household", household_id)
    if center is None or center.deleted:
        raise NotFoundError("center", center_id)
    prefix = folio_prefix(center)
    number = queries.next_folio_number(session=session, prefix=prefix)
    person = Person(**data, folio=f"{prefix}{number:06d}", center_id=center_id,
                    household_id=household_id)
    person.search_key = _search_key(person)
    session.add(person)
    session.flush()
    for doc in member.documents:
        session.add(IdentityDocument(**doc.model_dump(), person_id=person.id,
                                     number_key=identifier_key(doc.number)))
    for vac in member.vaccinations:
        session.add(Vaccination(**vac.model_dump(), person_id=person.id))
    return person


def get_person(db: Database, actor: Actor, person_id: str) -> Person:
    """The person as the actor may see it: clinical specific-needs codes are removed for
    roles without health permission (the returned object is detached; never saved)."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("person", person_id)
        session.expunge(person)
    person.specific_needs = visible_needs(actor.role, person.specific_needs or [])
    return person


def update_person(db: Database, actor: Actor, person_id: str, changes: PersonUpdate,
                  today: date | None = None, *, session: Session | None = None) -> Person:
    """Apply the fields set in ``changes`` (partial update). Audited by the storage hook.
    With ``session`` the change joins the caller's transaction (services.person_details)."""
    actor.require(Permission.EDIT_PEOPLE)
    today = today or clock.today()
    data = _tidy(changes.model_dump(exclude_unset=True))
    with (nullcontext(session) if session is not None
          else db.session(actor.username)) as session:
        take_write_lock(session)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("person", person_id)
        if person.deleted:
            raise RuleViolation("This record was deleted.")
        if "specific_needs" in data:
            data["specific_needs"] = _merge_needs(actor, person.specific_needs or [],
                                                  data["specific_needs"] or [])
            if sorted(data["specific_needs"]) != sorted(person.specific_needs or []) \
                    and is_withheld(person, "specific_needs"):
                raise RuleViolation(
                    "This file did not receive all the specific needs of this person (the "
                    "central file was taken without health data): they can only be changed "
                    "at the person's center, or after taking the central file with health "
                    "data.")
        merged = {**person.model_dump(), **data}
        keys = set(data)
        if keys & {"birth_date", "sex", "birth_date_estimated"} and merged.get("curp"):
            keys.add("curp")
        if "consent_given" in keys or "consent_by" in keys or "consent_purposes" in keys:
            keys |= {"consent_given", "consent_by", "consent_purposes"}
        if keys & {"migratory_status_from", "migratory_status_until"}:
            keys |= {"migratory_status_from", "migratory_status_until"}
        subset = {k: merged.get(k) for k in keys}
        if "curp" in keys:  # the CURP is checked against birth date and sex
            subset |= {k: merged.get(k) for k in ("birth_date", "sex", "birth_date_estimated")}
        errors = validate_person(subset, today=today, partial=True)
        if errors:
            raise ValidationError(errors)
        person.sqlmodel_update(data)
        if keys & set(NAME_FIELDS):
            person.search_key = _search_key(person)
        session.add(person)
    return person


# The field dot albergue_sync.redact gives a field it withheld on a pull without health data.
WITHHELD_DOT = redact.WITHHELD_DOT


def is_withheld(person: Person, field: str) -> bool:
    """Whether this file holds only part of ``field`` (withheld by a pull without health
    data): changing it here would overwrite what it never received."""
    return list((person.fv or {}).get(field) or []) == WITHHELD_DOT


def _require_record(actor: Actor, codes: list[str]) -> None:
    """Health and protection codes are recorded only by roles with the matching permission
    (domain/permissions.py)."""
    for code in codes:
        needed = need_permission(code)
        if needed is not None:
            actor.require(RECORD_PERMISSION[needed])


def _merge_needs(actor: Actor, stored: list[str], submitted: list[str]) -> list[str]:
    """A role that cannot see restricted codes (health, protection) submits only the codes
    it sees: keep the stored codes it could not see, and refuse restricted codes it may not
    record (added or removed)."""
    hidden = hidden_needs(actor.role, stored)
    shown_before = set(stored) - set(hidden)
    submitted = [c for c in submitted if c not in hidden]
    changed = shown_before.symmetric_difference(submitted)
    _require_record(actor, sorted(changed))
    return list(submitted) + hidden


def delete_person(db: Database, actor: Actor, person_id: str, *, reason: str) -> None:
    """Tombstone a person (never a physical delete). An open stay is closed so the bed frees."""
    actor.require(Permission.DELETE_PEOPLE)
    if not reason or not reason.strip():
        raise ValidationError([FieldError("reason", "A reason is required.")])
    now = clock.now()
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = session.get(Person, person_id)
        if person is None:
            raise NotFoundError("person", person_id)
        if person.deleted:
            return
        person.deleted, person.deleted_at = True, now
        person.deleted_by, person.delete_reason = actor.username, reason.strip()
        session.add(person)
        close_open_stay(session, person_id, when=now, reason="other",
                        destination=None, notes=reason.strip())


def search_people(db: Database, actor: Actor, text_query: str, *, limit: int = 50,
                  center_id: str | None = None) -> list[queries.PersonRow]:
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        return queries.find_people(session=session, text_query=text_query, limit=limit,
                                   center_id=center_id)

