"""Medical consultations (role salud): record one, correct one, read a person's history.

Append-only like screenings (:mod:`.screening`): each consultation is a new row, never
updated; a correction is a new row whose ``corrects_id`` names the row it replaces, which
stays for the history (``ConsultationRecord.corrected_by_id``). The vital signs are judged
by the screening's rule table (:func:`albergue_desktop.domain.triage.assess`), with the
pregnancy of the person known from their latest screening or prenatal visit. The diagnosis
is an ICD-10 code of :mod:`albergue_desktop.domain.icd10`. docs/health-followup.md.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlmodel import Session
from sqlmodel import col, select

from ..domain import clock, icd10
from ..domain.clinical_enums import Avpu, TriageColour
from ..domain.clinical_rules import age_in_months
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..domain.triage import ScreeningInput, TriageResult, assess, validate_screening
from ..storage.db import Database
from ..storage.tables import Consultation, Person
from . import access_log
from .context import Actor
from .health_common import center_of, is_pregnant, live_person
from .stays import take_write_lock

VITALS = ("temperature_c", "heart_rate", "respiratory_rate", "systolic_bp", "diastolic_bp",
          "spo2", "avpu", "weight_kg", "height_cm")
MAX_FOLLOW_UP_DAYS = 366
TEXT_MAX = 4000


@dataclass(frozen=True)
class ConsultationInput:
    """What the clinician types. Vitals may be missing; ``reason`` is required."""

    reason: str = ""
    temperature_c: float | None = None
    heart_rate: int | None = None
    respiratory_rate: int | None = None
    systolic_bp: int | None = None
    diastolic_bp: int | None = None
    spo2: int | None = None
    avpu: Avpu | None = None
    weight_kg: float | None = None
    height_cm: float | None = None
    findings: str = ""
    diagnosis_code: str = ""
    diagnosis_text: str = ""
    plan: str = ""
    follow_up_date: date | None = None
    attended_by: str = ""

    def vitals(self, *, pregnant: bool = False) -> ScreeningInput:
        return ScreeningInput(**{name: getattr(self, name) for name in VITALS},
                              pregnant=pregnant)


@dataclass(frozen=True)
class ConsultationRecord:
    id: str
    person_id: str
    center_id: str | None
    attended_at: datetime
    attended_by: str
    recorded_by: str | None
    input: ConsultationInput
    colour: TriageColour       # as recorded
    rules_fired: tuple[str, ...]
    triage: TriageResult       # the vitals judged by the current rule table
    corrects_id: str | None = None
    corrected_by_id: str | None = None

    @property
    def is_current(self) -> bool:
        return self.corrected_by_id is None

    @property
    def diagnosis(self) -> str:
        code, text = self.input.diagnosis_code, self.input.diagnosis_text
        return f"{code} {text}".strip()


def validate_consultation(data: ConsultationInput, *, visit_day: date) -> list[FieldError]:
    """Typing errors of a consultation (empty list when it can be saved)."""
    errors = validate_screening(data.vitals())
    if not data.reason.strip():
        errors.append(FieldError("reason", "This field is required."))
    for name in ("reason", "findings", "diagnosis_text", "plan"):
        if len(getattr(data, name) or "") > TEXT_MAX:
            errors.append(FieldError(name, "The text is too long (at most {max} characters).",
                                     {"max": TEXT_MAX}))
    if data.diagnosis_code.strip() and icd10.lookup(data.diagnosis_code) is None:
        errors.append(FieldError("diagnosis_code", "{code} is not an ICD-10 diagnosis code.",
                                 {"code": data.diagnosis_code.strip()}))
    if data.follow_up_date is not None:
        if data.follow_up_date < visit_day:
            errors.append(FieldError("follow_up_date",
                                     "The follow-up date is before the consultation."))
        elif data.follow_up_date > visit_day + timedelta(days=MAX_FOLLOW_UP_DAYS):
            errors.append(FieldError("follow_up_date",
                                     "The follow-up date is more than a year away."))
    return errors


def _record(row: Consultation, corrected_by: str | None, pregnant: bool = False
            ) -> ConsultationRecord:
    data = ConsultationInput(
        reason=row.reason, temperature_c=row.temperature_c, heart_rate=row.heart_rate,
        respiratory_rate=row.respiratory_rate, systolic_bp=row.systolic_bp,
        diastolic_bp=row.diastolic_bp, spo2=row.spo2,
        avpu=Avpu(row.avpu) if row.avpu is not None and row.avpu in Avpu._value2member_map_
        else None,
        weight_kg=row.weight_kg, height_cm=row.height_cm, findings=row.findings or "",
        diagnosis_code=row.diagnosis_code or "", diagnosis_text=row.diagnosis_text or "",
        plan=row.plan or "", follow_up_date=row.follow_up_date, attended_by=row.attended_by)
    colour = (TriageColour(row.colour) if row.colour in TriageColour._value2member_map_
              else TriageColour.GREEN)
    return ConsultationRecord(
        row.id, row.person_id, row.center_id, row.attended_at, row.attended_by,
        row.created_by, data, colour, tuple(row.rules_fired or ()),
        assess(data.vitals(pregnant=pregnant), age_months=row.age_months), row.corrects_id,
        corrected_by)


def _corrected(session: Session, person_id: str) -> dict[str, str]:
    rows = session.exec(select(Consultation.corrects_id, Consultation.id).where(
        Consultation.person_id == person_id, Consultation.corrects_id != None,  # noqa: E711
        Consultation.deleted == False))  # noqa: E712
    return {str(old): new for old, new in rows}


def record_consultation(db: Database, actor: Actor, *, person_id: str,
                        consultation: ConsultationInput, when: datetime | None = None,
                        center_id: str | None = None, corrects_id: str | None = None,
                        ) -> ConsultationRecord:
    """Record a consultation (always a new row). ``corrects_id``: this row replaces that
    earlier consultation of the same person (same time unless ``when`` is given); a row
    already corrected cannot be corrected again (correct the latest version).
    ``attended_by`` defaults to the actor."""
    actor.require(Permission.EDIT_HEALTH)
    stripped: dict[str, Any] = {f.name: getattr(consultation, f.name).strip()
                                for f in fields(consultation)
                                if isinstance(getattr(consultation, f.name), str)}
    data = replace(consultation, **stripped)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = live_person(session, person_id)
        if corrects_id is not None:
            old = session.get(Consultation, corrects_id)
            if old is None or old.deleted or old.person_id != person_id:
                raise NotFoundError("consultation", corrects_id)
            if corrects_id in _corrected(session, person_id):
                raise RuleViolation("This record was already corrected; correct the latest "
                                    "version.")
            when = when or old.attended_at
            center_id = center_id or old.center_id
        when = when or clock.now()
        visit_day = when.astimezone().date()
        errors = validate_consultation(data, visit_day=visit_day)
        if errors:
            raise ValidationError(errors)
        diagnosis = icd10.lookup(data.diagnosis_code) if data.diagnosis_code else None
        if diagnosis is not None:
            data = replace(data, diagnosis_code=diagnosis.code,
                           diagnosis_text=data.diagnosis_text or diagnosis.name())
        age = age_in_months(person.birth_date, visit_day) if person.birth_date else None
        pregnant = is_pregnant(session, person_id, visit_day)
        result = assess(data.vitals(pregnant=pregnant), age_months=age)
        row = Consultation(
            person_id=person_id, center_id=center_id or center_of(session, person),
            attended_at=when, attended_by=data.attended_by or actor.username,
            corrects_id=corrects_id, age_months=age, reason=data.reason,
            temperature_c=data.temperature_c, heart_rate=data.heart_rate,
            respiratory_rate=data.respiratory_rate, systolic_bp=data.systolic_bp,
            diastolic_bp=data.diastolic_bp, spo2=data.spo2,
            avpu=str(data.avpu) if data.avpu is not None else None,
            weight_kg=data.weight_kg, height_cm=data.height_cm,
            colour=str(result.colour), rules_fired=[f.rule_id for f in result.findings],
            findings=data.findings or None, diagnosis_code=data.diagnosis_code or None,
            diagnosis_text=data.diagnosis_text or None, plan=data.plan or None,
            follow_up_date=data.follow_up_date)
        session.add(row)
        session.flush()
        return _record(row, None, pregnant)


def person_consultations(session: Session, person_id: str) -> list[ConsultationRecord]:
    """Every consultation of a person, latest first, corrected rows included (no permission
    check: for services that checked theirs)."""
    rows = session.exec(select(Consultation).where(
        Consultation.person_id == person_id, Consultation.deleted == False)  # noqa: E712
        .order_by(col(Consultation.attended_at).desc(),
                  col(Consultation.change_seq).desc())).all()
    corrected = {r.corrects_id: r.id for r in rows if r.corrects_id}
    pregnant = is_pregnant(session, person_id, clock.today())
    return [_record(r, corrected.get(r.id), pregnant) for r in rows]


def consultations_of(db: Database, actor: Actor, person_id: str) -> list[ConsultationRecord]:
    """A person's consultations, latest first, each correction next to the row it replaced
    (``corrected_by_id`` set on the replaced one). An audited read."""
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        if session.get(Person, person_id) is None:
            raise NotFoundError("person", person_id)
        records = person_consultations(session, person_id)
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name="consultation",
                        row_id=person_id, what="consultations", count=len(records))
        return records


@dataclass(frozen=True)
class PersonContext:
    """What the consultation form needs of the person: the age and whether pregnant (the
    vital signs are judged with the pregnancy rows of the table)."""

    folio: str | None
    name: str
    birth_date: date | None
    pregnant: bool


def person_context(db: Database, actor: Actor, person_id: str) -> PersonContext:
    actor.require(Permission.VIEW_HEALTH)
    with db.read_session() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        return PersonContext(person.folio, f"{person.given_names} {person.surnames.upper()}",
                             person.birth_date, is_pregnant(session, person_id, clock.today()))


def get_consultation(db: Database, actor: Actor, consultation_id: str) -> ConsultationRecord:
    actor.require(Permission.VIEW_HEALTH)
    with db.read_session() as session:
        row = session.get(Consultation, consultation_id)
        if row is None or row.deleted:
            raise NotFoundError("consultation", consultation_id)
        corrected = _corrected(session, row.person_id).get(row.id)
        return _record(row, corrected, is_pregnant(session, row.person_id, clock.today()))
