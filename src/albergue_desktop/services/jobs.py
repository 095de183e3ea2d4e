"""The job bank: employers, job fairs, openings, each person's work paperwork (RFC, CURP,
NSS) and placements. Matching people and openings is in :mod:`.job_matching`.
Permission MANAGE_PATHWAYS writes, VIEW_PEOPLE reads. docs/pathways.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from sqlmodel import Session, select
from stdnum import exceptions as stdnum_exc
from stdnum import luhn
from stdnum.mx import rfc as stdnum_rfc

from ..domain import clock
from ..domain.errors import FieldError, RuleViolation, ValidationError
from ..domain.normalize import clean_name
from ..domain.pathways import (
    CurpStatus, HiringFile, OpeningStatus, PlacementOutcome, RfcStatus, missing_to_hire,
)
from ..domain.permissions import Permission
from ..domain.validation import validate_rfc
from ..storage.db import Database
from ..storage.reference import occupations
from ..storage.tables import (
    Employer, IdentityDocument, JobFair, JobOpening, JobPlacement, Person, WorkPaperwork,
)
from .context import Actor
from .pathway_common import check_enum, get_live, raise_if

ACTIVE_OUTCOMES = (PlacementOutcome.STARTED, PlacementOutcome.WORKING_30_DAYS)


def _required(errors: list[FieldError], field: str, value: str | None, msgid: str) -> str:
    text = clean_name(value)
    if not text:
        errors.append(FieldError(field, msgid))
    return text


def validate_company_rfc(field: str, value: str | None) -> list[FieldError]:
    """An employer's RFC: 12 characters (persona moral) or 13 (persona física), checked by
    python-stdnum's mx.rfc (check digit not enforced, as for people)."""
    if not value:
        return []
    compact = stdnum_rfc.compact(value)
    if len(compact) not in (12, 13):
        return [FieldError(field, "Invalid RFC: {reason}.", {"reason": "wrong length"})]
    try:
        stdnum_rfc.validate(compact, validate_check_digits=False)
    except stdnum_exc.ValidationError:
        return [FieldError(field, "Invalid RFC: {reason}.", {"reason": "invalid format"})]
    return []


def validate_nss(field: str, value: str | None) -> list[FieldError]:
    """IMSS Número de Seguridad Social: 11 digits, the last a Luhn check digit."""
    if not value:
        return []
    digits = "".join(c for c in value if c.isdigit())
    if len(digits) != 11 or len(digits) != len(value.replace(" ", "").replace("-", "")):
        return [FieldError(field, "Invalid NSS: it has 11 digits.")]
    if not luhn.is_valid(digits):
        return [FieldError(field, "Invalid NSS: wrong check digit.")]
    return []


# --- employers and fairs ----------------------------------------------------------------

def save_employer(db: Database, actor: Actor, *, employer_id: str | None = None,
                  name: str, sector: str | None = None, rfc: str | None = None,
                  contact_name: str | None = None, phone: str | None = None,
                  email: str | None = None, address: str | None = None,
                  notes: str | None = None) -> Employer:
    """Create (no ``employer_id``) or update an employer."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    name = _required(errors, "name", name, "The name is required.")
    errors += validate_company_rfc("rfc", rfc)
    raise_if(errors)
    values = dict(name=name, sector=sector or None,
                  rfc=stdnum_rfc.compact(rfc) if rfc else None, contact_name=contact_name or None,
                  phone=phone or None, email=email or None, address=address or None,
                  notes=notes or None)
    with db.session(actor.username) as session:
        row = get_live(session, Employer, employer_id) if employer_id else Employer(
            name=name)
        row.sqlmodel_update(values)
        session.add(row)
        session.flush()
        return row


def save_fair(db: Database, actor: Actor, *, fair_id: str | None = None, held_on: date,
              name: str, place: str | None = None, employer_ids: Sequence[str] = ()) -> JobFair:
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    name = _required(errors, "name", name, "The name is required.")
    raise_if(errors)
    with db.session(actor.username) as session:
        for eid in employer_ids:
            get_live(session, Employer, eid)
        row = get_live(session, JobFair, fair_id) if fair_id else JobFair(
            held_on=held_on, name=name)
        row.sqlmodel_update(dict(held_on=held_on, name=name, place=place or None,
                                 employer_ids=list(dict.fromkeys(employer_ids))))
        session.add(row)
        session.flush()
        return row


# --- openings -----------------------------------------------------------------------------

@dataclass
class OpeningInput:
    employer_id: str
    position: str
    count: int = 1
    wage: float | None = None
    wage_period: str = "week"
    shift: str | None = None
    requirements: str | None = None
    place: str | None = None
    opened_on: date | None = None
    fair_id: str | None = None
    isco_code: str | None = None  # None: coded from the position


def save_opening(db: Database, actor: Actor, data: OpeningInput, *,
                 opening_id: str | None = None) -> JobOpening:
    """Create or update an opening. Its ISCO-08 unit group comes from the position typed
    ("Soldador MIG" -> 7212) unless given."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    position = _required(errors, "position", data.position, "This field is required.")
    if not 1 <= data.count <= 500:
        errors.append(FieldError("count", "The number of places must be between 1 and 500."))
    if data.wage is not None and data.wage < 0:
        errors.append(FieldError("wage", "The wage cannot be negative."))
    check_enum(errors, "wage_period", data.wage_period, ("day", "week", "fortnight", "month"))
    isco = data.isco_code or occupations().code_of(position)
    if isco and isco not in occupations().groups:
        errors.append(FieldError("isco_code", "Unknown value: {value}.", {"value": isco}))
    raise_if(errors)
    with db.session(actor.username) as session:
        get_live(session, Employer, data.employer_id)
        if data.fair_id:
            get_live(session, JobFair, data.fair_id)
        row = get_live(session, JobOpening, opening_id) if opening_id else \
            JobOpening(employer_id=data.employer_id, position=position,
                       opened_on=data.opened_on or clock.today())
        row.sqlmodel_update(dict(
            employer_id=data.employer_id, position=position, isco_code=isco, count=data.count,
            wage=data.wage, wage_period=data.wage_period, shift=data.shift or None,
            requirements=data.requirements or None, place=data.place or None,
            opened_on=data.opened_on or row.opened_on, fair_id=data.fair_id))
        session.add(row)
        session.flush()
        return row


def set_opening_status(db: Database, actor: Actor, opening_id: str, status: str) -> JobOpening:
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    check_enum(errors, "status", status, OpeningStatus)
    raise_if(errors)
    with db.session(actor.username) as session:
        row = get_live(session, JobOpening, opening_id)
        row.status = status
        session.add(row)
        return row


# --- paperwork ----------------------------------------------------------------------------

@dataclass
class PaperworkInput:
    rfc_status: str = RfcStatus.NOT_STARTED
    rfc: str | None = None
    rfc_appointment: date | None = None
    rfc_issued_on: date | None = None
    curp_status: str = CurpStatus.NONE
    nss: str | None = None
    notes: str | None = None


def paperwork_of(session: Session, person_id: str) -> WorkPaperwork | None:
    return session.exec(select(WorkPaperwork).where(
        WorkPaperwork.person_id == person_id,
        WorkPaperwork.deleted == False)).first()  # noqa: E712


def save_paperwork(db: Database, actor: Actor, person_id: str,
                   data: PaperworkInput) -> WorkPaperwork:
    """Record where the person's RFC, CURP and NSS stand. An issued RFC is validated with
    python-stdnum and written to the person's record (person.rfc)."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    check_enum(errors, "rfc_status", data.rfc_status, RfcStatus)
    check_enum(errors, "curp_status", data.curp_status, CurpStatus)
    if data.rfc_status == RfcStatus.ISSUED and not data.rfc:
        errors.append(FieldError("rfc", "An issued RFC needs the RFC itself."))
    if data.rfc_status == RfcStatus.APPOINTMENT and not data.rfc_appointment:
        errors.append(FieldError("rfc_appointment", "An appointment needs its date."))
    errors += validate_rfc("rfc", data.rfc)
    errors += validate_nss("nss", data.nss)
    if data.rfc_issued_on and data.rfc_issued_on > clock.today():
        errors.append(FieldError("rfc_issued_on", "The date cannot be in the future."))
    raise_if(errors)
    with db.session(actor.username) as session:
        person = get_live(session, Person, person_id)
        row = paperwork_of(session, person_id) or WorkPaperwork(person_id=person_id)
        issued_on = data.rfc_issued_on or (clock.today() if data.rfc_status == RfcStatus.ISSUED
                                           and row.rfc_status != RfcStatus.ISSUED else
                                           row.rfc_issued_on)
        row.sqlmodel_update(dict(
            rfc_status=data.rfc_status, rfc_appointment=data.rfc_appointment,
            rfc_issued_on=issued_on if data.rfc_status == RfcStatus.ISSUED else None,
            curp_status=data.curp_status,
            nss="".join(c for c in data.nss if c.isdigit()) if data.nss else None,
            notes=data.notes or None))
        session.add(row)
        if data.rfc:
            compact = stdnum_rfc.compact(data.rfc)
            if person.rfc != compact:
                person.rfc = compact
                session.add(person)
        session.flush()
        return row


def _has_doc(session: Session, person_id: str, kinds: tuple[str, ...], today: date) -> bool:
    docs = session.exec(select(IdentityDocument).where(
        IdentityDocument.person_id == person_id, IdentityDocument.deleted == False,  # noqa: E712
        IdentityDocument.doc_type.in_(kinds))).all()  # type: ignore[attr-defined]
    return any(d.expiry_date is None or d.expiry_date >= today for d in docs)


def hiring_file(session: Session, person: Person, today: date) -> HiringFile:
    """The facts :func:`missing_to_hire` reads, from the person, their documents and their
    paperwork row."""
    paper = paperwork_of(session, person.id)
    status = person.migratory_status
    until = person.migratory_status_until
    if _has_doc(session, person.id, ("tvrh_card", "resident_card"), today):
        status, until = status if status in ("residente_temporal", "residente_permanente") \
            else "tvrh", None
    curp = person.curp or ("doc" if _has_doc(session, person.id, ("curp",), today) else None)
    rfc = person.rfc or ("doc" if _has_doc(session, person.id, ("rfc",), today) else None)
    return HiringFile(migratory_status=status, status_until=until, curp=curp,
                      rfc_status=paper.rfc_status if paper else None, rfc=rfc,
                      nss=paper.nss if paper else None)


def missing_for(db: Database, actor: Actor, person_id: str) -> list[str]:
    """What the person still needs to be hired (codes of domain.pathways.missing_to_hire)."""
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        person = get_live(session, Person, person_id)
        return missing_to_hire(hiring_file(session, person, clock.today()), clock.today())


# --- placements ---------------------------------------------------------------------------

def place(db: Database, actor: Actor, *, person_id: str, opening_id: str,
          start_date: date | None = None, outcome: str = PlacementOutcome.PROPOSED,
          notes: str | None = None) -> JobPlacement:
    """Send a person to an opening (proposed) or record that they started."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    check_enum(errors, "outcome", outcome, PlacementOutcome)
    if outcome != PlacementOutcome.PROPOSED and start_date is None:
        errors.append(FieldError("start_date", "The start date is required."))
    raise_if(errors)
    with db.session(actor.username) as session:
        person = get_live(session, Person, person_id)
        opening = get_live(session, JobOpening, opening_id)
        if opening.status != OpeningStatus.OPEN:
            raise RuleViolation("This opening is not open.")
        placed = session.exec(select(JobPlacement).where(
            JobPlacement.opening_id == opening_id, JobPlacement.deleted == False)).all()  # noqa: E712
        if any(p.person_id == person_id and p.outcome != PlacementOutcome.LEFT for p in placed):
            raise RuleViolation("{name} is already placed in this opening.",
                                name=f"{person.given_names} {person.surnames}".strip())
        working = [p for p in placed if p.outcome in ACTIVE_OUTCOMES]
        if outcome in ACTIVE_OUTCOMES and len(working) >= opening.count:
            raise RuleViolation("All places of this opening are taken.")
        row = JobPlacement(person_id=person_id, opening_id=opening_id, start_date=start_date,
                           outcome=outcome, outcome_on=start_date, notes=notes or None)
        session.add(row)
        session.flush()
        return row


def set_outcome(db: Database, actor: Actor, placement_id: str, outcome: str, *,
                on: date | None = None, start_date: date | None = None) -> JobPlacement:
    """Started, left, or still working at 30 days (only once 30 days have passed)."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    check_enum(errors, "outcome", outcome, PlacementOutcome)
    raise_if(errors)
    on = on or clock.today()
    with db.session(actor.username) as session:
        row = get_live(session, JobPlacement, placement_id)
        start = start_date or row.start_date
        if outcome != PlacementOutcome.PROPOSED and start is None:
            raise ValidationError([FieldError("start_date", "The start date is required.")])
        if outcome == PlacementOutcome.WORKING_30_DAYS and start and on < start + timedelta(30):
            raise RuleViolation(
                "Still working at 30 days can only be recorded 30 days after the start.")
        row.start_date, row.outcome, row.outcome_on = start, outcome, on
        session.add(row)
        return row
