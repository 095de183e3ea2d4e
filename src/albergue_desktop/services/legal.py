"""The legal and protection pathway: COMAR asylum applications, referrals of children to
the Procuraduría de Protección de Niñas, Niños y Adolescentes, and the documents (TVRH,
COMAR papers, temporary CURP) that expire soon.

Applications and referrals are protection data: only roles with the PROTECTION permission
read or write them (domain/permissions.py, docs/sensitive-data.md), and a pull without
health data withholds them (albergue_sync.rules.PROTECTION_TABLES). The expiry list holds
only documents staff recorded at registration, so every role that sees people sees it.
docs/pathways.md."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text
from sqlmodel import select

from ..domain import clock
from ..domain.errors import FieldError, RuleViolation
from ..domain.pathways import (
    EXPIRY_WINDOW_DAYS, TEMPORARY_CURP_DAYS, AsylumStatus, ReferralStatus,
)
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import AsylumApplication, Person, ProtectionReferral
from .context import Actor
from .pathway_common import age_on, check_enum, full_name, get_live, raise_if

ADULT_AGE = 18  # LGDNNA art. 5: children are under 18


@dataclass
class AsylumInput:
    filed_on: date
    office: str | None = None
    case_number: str | None = None
    status: str = AsylumStatus.FILED
    next_appointment: date | None = None
    notes: str | None = None


def save_asylum(db: Database, actor: Actor, person_id: str, data: AsylumInput, *,
                application_id: str | None = None) -> AsylumApplication:
    actor.require(Permission.PROTECTION)
    errors: list[FieldError] = []
    check_enum(errors, "status", data.status, AsylumStatus)
    if data.filed_on > clock.today():
        errors.append(FieldError("filed_on", "The date cannot be in the future."))
    raise_if(errors)
    with db.session(actor.username) as session:
        get_live(session, Person, person_id)
        row = get_live(session, AsylumApplication, application_id) \
            if application_id else AsylumApplication(person_id=person_id, filed_on=data.filed_on)
        row.sqlmodel_update(dict(filed_on=data.filed_on, office=data.office or None,
                                 case_number=data.case_number or None, status=data.status,
                                 next_appointment=data.next_appointment,
                                 notes=data.notes or None))
        session.add(row)
        session.flush()
        return row


def applications_of(db: Database, actor: Actor, person_id: str) -> list[AsylumApplication]:
    actor.require(Permission.PROTECTION)
    with db.read_session() as session:
        return list(session.exec(select(AsylumApplication).where(
            AsylumApplication.person_id == person_id,
            AsylumApplication.deleted == False)))  # noqa: E712


def refer_child(db: Database, actor: Actor, person_id: str, *, referred_on: date,
                office: str | None = None, reason: str | None = None,
                status: str = ReferralStatus.REFERRED,
                referral_id: str | None = None) -> ProtectionReferral:
    """Refer a child (under 18; an unknown or doubted age is presumed a minor, LGDNNA
    art. 5) to the Procuraduría de Protección, or update the referral's status."""
    actor.require(Permission.PROTECTION)
    errors: list[FieldError] = []
    check_enum(errors, "status", status, ReferralStatus)
    raise_if(errors)
    with db.session(actor.username) as session:
        person = get_live(session, Person, person_id)
        age = age_on(person, referred_on)
        if age is not None and age >= ADULT_AGE and not person.age_in_doubt:
            raise RuleViolation(
                "Only children (under 18) are referred to the Procuraduría de Protección.")
        row = get_live(session, ProtectionReferral, referral_id) if referral_id \
            else ProtectionReferral(person_id=person_id, referred_on=referred_on)
        row.sqlmodel_update(dict(referred_on=referred_on, office=office or None,
                                 reason=reason or None, status=status))
        session.add(row)
        session.flush()
        return row


def referrals(db: Database, actor: Actor, *, open_only: bool = True) -> list[ProtectionReferral]:
    actor.require(Permission.PROTECTION)
    with db.read_session() as session:
        rows = session.exec(select(ProtectionReferral).where(
            ProtectionReferral.deleted == False)).all()  # noqa: E712
        return [r for r in rows if not open_only or r.status != ReferralStatus.CLOSED]


@dataclass(frozen=True)
class Expiring:
    person_id: str
    name: str
    folio: str | None
    document: str  # doc type, or "migratory_status"
    number: str | None
    expires: date
    estimated: bool  # a temporary CURP whose expiry is its issue date + 180 days


_DOCS = ("tvrh_card", "comar_constancia", "curp", "fmm", "resident_card")


def expiring_documents(db: Database, actor: Actor, *, days: int = EXPIRY_WINDOW_DAYS,
                       today: date | None = None,
                       center_id: str | None = None) -> list[Expiring]:
    """Documents that expire between today and ``days`` days from now (TVRH, COMAR
    constancia, temporary CURP, FMM, residence card), and migratory conditions ending then,
    soonest first. A CURP without an expiry held by an asylum seeker is taken as temporary:
    issue date + 180 days."""
    actor.require(Permission.VIEW_PEOPLE)
    today = today or clock.today()
    end = today + timedelta(days=days)
    marks = ", ".join(f"'{d}'" for d in _DOCS)
    where_center = " AND p.center_id = :center" if center_id else ""
    out: list[Expiring] = []
    with db.read_session() as session:
        conn = session.connection()
        rows = conn.execute(text(
            "SELECT p.id, p.given_names, p.surnames, p.folio, d.doc_type, d.number, "
            "d.expiry_date, d.issue_date, p.migratory_status FROM identity_document d "
            "JOIN person p ON p.id = d.person_id WHERE d.deleted = 0 AND p.deleted = 0 "
            f"AND p.merged_into_id IS NULL AND d.doc_type IN ({marks}){where_center}"),
            {"center": center_id}).all()
        for pid, given, surnames, folio, kind, number, expiry, issued, status in rows:
            estimated = False
            if expiry is None and kind == "curp" and issued and status == "solicitante_refugio":
                expiry = date.fromisoformat(str(issued)[:10]) + timedelta(TEMPORARY_CURP_DAYS)
                estimated = True
            if expiry is None:
                continue
            expiry = expiry if isinstance(expiry, date) else date.fromisoformat(str(expiry)[:10])
            if today <= expiry <= end:
                out.append(Expiring(pid, f"{given} {surnames}".strip(), folio, kind, number,
                                    expiry, estimated))
        for person in session.exec(select(Person).where(
                Person.deleted == False, Person.merged_into_id == None,  # noqa: E711,E712
                Person.migratory_status_until >= today,  # type: ignore[operator]
                Person.migratory_status_until <= end)):  # type: ignore[operator]
            if center_id and person.center_id != center_id:
                continue
            assert person.migratory_status_until is not None
            out.append(Expiring(person.id, full_name(person), person.folio, "migratory_status",
                                person.migratory_status, person.migratory_status_until, False))
    return sorted(out, key=lambda e: (e.expires, e.name))
