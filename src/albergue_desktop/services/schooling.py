"""School and language: children's enrolment in basic education (preescolar, primaria,
secundaria) with the documents still missing, adults studying with INEA, and Spanish
classes (groups, sessions, attendance). Writes need MANAGE_PATHWAYS. docs/pathways.md."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from ..domain import clock
from ..domain.errors import FieldError, RuleViolation
from ..domain.pathways import EnrollmentStatus, IneaLevel, IneaStatus, SchoolLevel
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import (
    IneaEnrollment, Person, SchoolEnrollment, SpanishAttendance, SpanishGroup, SpanishSession,
)
from .context import Actor
from .pathway_common import age_on, check_enum, get_live, raise_if

GRADES = {SchoolLevel.PRESCHOOL: 3, SchoolLevel.PRIMARY: 6, SchoolLevel.SECONDARY: 3}
SCHOOL_DOCUMENTS = ("birth_certificate", "curp", "previous_grades", "vaccination_card",
                    "proof_of_address")
# INEA: education for people of 15 and over (Ley General de Educación 2019, art. 70)
INEA_MIN_AGE = 15


@dataclass
class EnrollmentInput:
    school: str
    level: str
    grade: int | None = None
    status: str = EnrollmentStatus.DOCUMENTS
    enrolled_on: date | None = None
    missing_documents: tuple[str, ...] = ()


def save_enrollment(db: Database, actor: Actor, person_id: str, data: EnrollmentInput, *,
                    enrollment_id: str | None = None) -> SchoolEnrollment:
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    school = (data.school or "").strip()
    if not school:
        errors.append(FieldError("school", "The school is required."))
    check_enum(errors, "level", data.level, SchoolLevel)
    check_enum(errors, "status", data.status, EnrollmentStatus)
    top = GRADES.get(data.level, 6)  # type: ignore[call-overload]
    if data.grade is not None and not 1 <= data.grade <= top:
        errors.append(FieldError("grade", "The grade must be between 1 and 6."))
    for i, doc in enumerate(data.missing_documents):
        check_enum(errors, f"missing_documents.{i}", doc, SCHOOL_DOCUMENTS)
    raise_if(errors)
    with db.session(actor.username) as session:
        get_live(session, Person, person_id)
        row = get_live(session, SchoolEnrollment, enrollment_id) if enrollment_id \
            else SchoolEnrollment(person_id=person_id, school=school, level=data.level)
        enrolled_on = data.enrolled_on or (row.enrolled_on if enrollment_id else None)
        if data.status in (EnrollmentStatus.ENROLLED, EnrollmentStatus.ATTENDING) \
                and enrolled_on is None:
            enrolled_on = clock.today()
        row.sqlmodel_update(dict(school=school, level=data.level, grade=data.grade,
                                 status=data.status, enrolled_on=enrolled_on,
                                 missing_documents=list(dict.fromkeys(data.missing_documents))))
        session.add(row)
        session.flush()
        return row


def save_inea(db: Database, actor: Actor, person_id: str, *, level: str,
              status: str = IneaStatus.ENROLLED, started_on: date | None = None,
              certified_on: date | None = None,
              enrollment_id: str | None = None) -> IneaEnrollment:
    """An adult (15 or over) studying with INEA; "certified" is the revalidation counted by
    the impact report and needs its date."""
    actor.require(Permission.MANAGE_PATHWAYS)
    errors: list[FieldError] = []
    check_enum(errors, "level", level, IneaLevel)
    check_enum(errors, "status", status, IneaStatus)
    if status == IneaStatus.CERTIFIED and certified_on is None:
        errors.append(FieldError("certified_on", "The certification date is required."))
    raise_if(errors)
    started_on = started_on or clock.today()
    with db.session(actor.username) as session:
        person = get_live(session, Person, person_id)
        age = age_on(person, started_on)
        if age is not None and age < INEA_MIN_AGE:
            raise RuleViolation("Adults only (15 and over) study with INEA.")
        row = get_live(session, IneaEnrollment, enrollment_id) if enrollment_id \
            else IneaEnrollment(person_id=person_id, level=level, started_on=started_on)
        row.sqlmodel_update(dict(level=level, status=status, started_on=started_on,
                                 certified_on=certified_on if status == IneaStatus.CERTIFIED
                                 else None))
        session.add(row)
        session.flush()
        return row


def save_group(db: Database, actor: Actor, *, name: str, center_id: str | None = None,
               level: str | None = None, teacher: str | None = None,
               member_ids: Iterable[str] = (), group_id: str | None = None) -> SpanishGroup:
    actor.require(Permission.MANAGE_PATHWAYS)
    name = (name or "").strip()
    if not name:
        raise_if([FieldError("name", "The name is required.")])
    with db.session(actor.username) as session:
        members = list(dict.fromkeys(member_ids))
        for pid in members:
            get_live(session, Person, pid)
        row = get_live(session, SpanishGroup, group_id) if group_id \
            else SpanishGroup(name=name)
        row.sqlmodel_update(dict(name=name, center_id=center_id, level=level or None,
                                 teacher=teacher or None, member_ids=members))
        session.add(row)
        session.flush()
        return row


def record_session(db: Database, actor: Actor, group_id: str, *, held_on: date,
                   present_ids: Iterable[str], topic: str | None = None) -> SpanishSession:
    """A class held: one attendance row per member of the group (present or absent)."""
    actor.require(Permission.MANAGE_PATHWAYS)
    present = set(present_ids)
    with db.session(actor.username) as session:
        group = get_live(session, SpanishGroup, group_id)
        if present - set(group.member_ids):
            raise RuleViolation("The person is not in this group.")
        row = SpanishSession(group_id=group_id, held_on=held_on, topic=topic or None)
        session.add(row)
        session.flush()
        session.add_all([SpanishAttendance(session_id=row.id, person_id=pid,
                                           present=pid in present) for pid in group.member_ids])
        return row


@dataclass(frozen=True)
class AttendanceRow:
    person_id: str
    sessions: int
    present: int


def attendance(db: Database, actor: Actor, group_id: str) -> list[AttendanceRow]:
    actor.require(Permission.VIEW_PEOPLE)
    with db.read_session() as session:
        sessions = [s.id for s in session.exec(select(SpanishSession).where(
            SpanishSession.group_id == group_id, SpanishSession.deleted == False))]  # noqa: E712
        rows = session.exec(select(SpanishAttendance).where(
            SpanishAttendance.session_id.in_(sessions),  # type: ignore[attr-defined]
            SpanishAttendance.deleted == False)).all()  # noqa: E712
    counts: dict[str, list[int]] = {}
    for r in rows:
        c = counts.setdefault(r.person_id, [0, 0])
        c[0] += 1
        c[1] += int(r.present)
    return [AttendanceRow(pid, n, p) for pid, (n, p) in counts.items()]
