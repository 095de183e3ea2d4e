"""Mental health and psychosocial support notes: seen and recorded only by roles with the
MENTAL_HEALTH permission (the health staff; not supervision, not administration: IASC
Guidelines on Mental Health and Psychosocial Support in Emergency Settings, 2007,
confidentiality). Append-only; a correction names the note it replaces. The audit log
keeps that a note was written and read, never its text (create events carry no values)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Session
from sqlmodel import col, select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..storage.db import Database
from ..storage.tables import MentalHealthNote
from . import access_log
from .context import Actor
from .health_common import center_of, live_person
from .stays import take_write_lock


class NoteKind(StrEnum):
    PSYCHOLOGICAL_FIRST_AID = "first_aid"
    PSYCHOLOGY = "psychology"
    PSYCHIATRY = "psychiatry"
    GROUP_SUPPORT = "group"
    FOLLOW_UP = "follow_up"


class Risk(StrEnum):
    NONE = "none"
    LOW = "low"
    MODERATE = "moderate"
    HIGH = "high"  # risk of harm to self or others: refer the same day (mhGAP 2016)


@dataclass(frozen=True)
class NoteLine:
    id: str
    person_id: str
    noted_at: datetime
    noted_by: str
    kind: str
    note: str
    risk: str | None
    follow_up_date: date | None
    corrects_id: str | None
    corrected_by_id: str | None = None


def record_note(db: Database, actor: Actor, *, person_id: str, kind: str, note: str,
                risk: str | None = None, follow_up_date: date | None = None,
                corrects_id: str | None = None, when: datetime | None = None) -> NoteLine:
    actor.require(Permission.MENTAL_HEALTH)
    errors = []
    if kind not in NoteKind._value2member_map_:
        errors.append(FieldError("kind", "Unknown value: {value}.", {"value": kind}))
    if risk is not None and risk not in Risk._value2member_map_:
        errors.append(FieldError("risk", "Unknown value: {value}.", {"value": risk}))
    if not note.strip():
        errors.append(FieldError("note", "This field is required."))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = live_person(session, person_id)
        if corrects_id is not None:
            old = session.get(MentalHealthNote, corrects_id)
            if old is None or old.deleted or old.person_id != person_id:
                raise NotFoundError("note", corrects_id)
            if session.exec(select(MentalHealthNote.id).where(
                    MentalHealthNote.corrects_id == corrects_id)).first():
                raise RuleViolation("This record was already corrected; correct the latest "
                                    "version.")
            when = when or old.noted_at
        row = MentalHealthNote(person_id=person_id, center_id=center_of(session, person),
                               noted_at=when or clock.now(), noted_by=actor.username,
                               corrects_id=corrects_id, kind=kind, note=note.strip(),
                               risk=risk, follow_up_date=follow_up_date)
        session.add(row)
        session.flush()
        return _line(row, None)


def _line(r: MentalHealthNote, corrected_by: str | None) -> NoteLine:
    return NoteLine(r.id, r.person_id, r.noted_at, r.noted_by, r.kind, r.note, r.risk,
                    r.follow_up_date, r.corrects_id, corrected_by)


def person_notes(session: Session, person_id: str) -> list[NoteLine]:
    rows = session.exec(select(MentalHealthNote).where(
        MentalHealthNote.person_id == person_id,
        MentalHealthNote.deleted == False)  # noqa: E712
        .order_by(col(MentalHealthNote.noted_at).desc())).all()
    corrected = {r.corrects_id: r.id for r in rows if r.corrects_id}
    return [_line(r, corrected.get(r.id)) for r in rows]


def notes_of(db: Database, actor: Actor, person_id: str) -> list[NoteLine]:
    actor.require(Permission.MENTAL_HEALTH)
    with db.session(actor.username) as session:
        lines = person_notes(session, person_id)
        access_log.note(session, actor, access_log.VIEW_HEALTH,
                        table_name="mental_health_note", row_id=person_id,
                        what="mental health notes", count=len(lines))
        return lines
