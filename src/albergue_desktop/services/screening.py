"""Health screening visits (role salud): record one, read a person's history and latest.

A screening is an append-only event: each visit is a new ``screening`` row, never updated.
A correction is a new row whose ``corrects_id`` names the row it replaces (the replaced row
stays, for the history). The triage result is computed with the rule table
(:mod:`albergue_desktop.domain.clinical_rules`) and stored with the row for reporting and
history; on read it is computed again from the stored inputs, so the screen always shows what
the current table says, and :attr:`ScreeningRecord.result_changed` tells when that differs
from what was recorded.

Up-triage (IITT: "clinicians may always up-triage"): a role with EDIT_HEALTH may raise the
colour the rules computed, with a reason, never lower it. The row keeps the computed colour
(``colour``), the final colour, the reason and who raised it; :attr:`ScreeningRecord.final_colour`
is never below what the current rule table computes.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import Session, object_session
from sqlmodel import select

from ..domain import clock
from ..domain.clinical_enums import (
    ApparentAge, Avpu, ChronicCondition, ObstetricSign, Symptom, TriageColour, TriageSign,
    clinical_label, worst_colour,
)
from ..domain.clinical_rules import RULES, age_in_months
from ..domain.enums import SPECIFIC_NEEDS, Sex
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..domain.respiratory import CASE_DEFINITION, symptoms_in_window
from ..domain.triage import ScreeningInput, TriageResult, assess, validate_screening
from ..storage.db import Database
from ..storage.tables import Person, Screening
from . import access_log
from .context import Actor
from .stays import current_stay, take_write_lock

DISABILITY_CODES = tuple(c for c in SPECIFIC_NEEDS if c.startswith("DS-"))


def rule_table_fingerprint() -> str:
    """A short hash of the rule table and the respiratory case definition in force: stored
    with each screening, so a result can be traced to the table that produced it."""
    parts = [f"{r.id}|{r.measure}|{r.op}|{r.value}|{r.band}|{r.colour}|"
             f"{','.join(sorted(r.flags))}|{r.source}|{r.pregnant_only}|"
             f"{','.join(sorted(r.any_of))}|{r.older_than_months}" for r in RULES]
    d = CASE_DEFINITION
    parts.append(f"{d.window_days}|{','.join(sorted(d.major))}|{d.min_major}|"
                 f"{','.join(sorted(d.minor))}|{d.min_minor}|"
                 f"{','.join(sorted(d.under_5_only))}|"
                 f"{','.join(sorted(d.warning_signs))}|{d.urgent_spo2_below}|{d.fever_from_c}")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class StoredResult:
    """The result as computed and stored when the visit was recorded."""

    colour: TriageColour
    flags: tuple[str, ...]
    high_risk_vitals: tuple[str, ...]
    respiratory_screen: str
    needs_isolation: bool
    urgent_care: bool
    consultation: bool
    obstetric_warning: bool
    rules_fired: tuple[str, ...]
    rule_table: str


@dataclass(frozen=True)
class ScreeningRecord:
    """One visit as the screens show it: the inputs, the stored result and the result
    recomputed from the current rule table (``triage``, with reasons)."""

    id: str
    person_id: str
    center_id: str | None
    screened_at: datetime
    screened_by: str
    recorded_at: datetime | None
    age_months: int | None
    input: ScreeningInput
    symptom_onsets: dict[Symptom, date]
    stored: StoredResult
    triage: TriageResult
    corrects_id: str | None = None
    corrected_by_id: str | None = None  # the correction that replaced this record, if any
    raised_to: TriageColour | None = None  # a clinician's up-triage, if any
    raise_reason: str | None = None
    raised_by: str | None = None

    @property
    def computed_colour(self) -> TriageColour:
        """What the current rule table gives for the stored inputs."""
        return self.triage.colour

    @property
    def final_colour(self) -> TriageColour:
        """The colour to act on: the computed one, or a clinician's higher one."""
        return worst_colour(c for c in (self.triage.colour, self.raised_to) if c is not None)

    @property
    def raised(self) -> bool:
        return self.final_colour is not self.triage.colour

    @property
    def is_current(self) -> bool:
        return self.corrected_by_id is None

    @property
    def result_changed(self) -> bool:
        """The current rule table gives another colour or other reasons than were stored."""
        return (self.triage.colour is not self.stored.colour
                or self.triage.rule_ids != frozenset(self.stored.rules_fired))


def _enum_set(enum, values: Iterable) -> frozenset:
    return frozenset(enum(v) for v in values if v in enum._value2member_map_)


def _age_days(row: Screening) -> int | None:
    """Completed days of age on the visit day, from the person's birth date (the IITT child
    card's "infant under 8 days"); None without a session or a birth date."""
    session = object_session(row)
    person = session.get(Person, row.person_id) if session is not None else None
    if person is None or person.birth_date is None or row.age_months is None:
        return None
    return max((row.screened_at.astimezone().date() - person.birth_date).days, 0)


def _record(row: Screening, corrected_by: str | None) -> ScreeningRecord:
    data = ScreeningInput(
        temperature_c=row.temperature_c, heart_rate=row.heart_rate,
        respiratory_rate=row.respiratory_rate, systolic_bp=row.systolic_bp,
        diastolic_bp=row.diastolic_bp, spo2=row.spo2,
        avpu=Avpu(row.avpu) if row.avpu in Avpu._value2member_map_ else None,
        weight_kg=row.weight_kg, height_cm=row.height_cm,
        symptoms=_enum_set(Symptom, row.symptoms or ()),
        chronic_conditions=_enum_set(ChronicCondition, row.chronic_conditions or ()),
        pregnant=bool(row.pregnant), gestation_weeks=row.gestation_weeks,
        obstetric_signs=_enum_set(ObstetricSign, row.obstetric_signs or ()),
        disabilities=frozenset(row.disabilities or ()), notes=row.notes or "",
        signs=_enum_set(TriageSign, row.signs or ()),
        apparent_age=ApparentAge(row.apparent_age)
        if row.apparent_age in ApparentAge._value2member_map_ else None)
    onsets = {Symptom(k): date.fromisoformat(v) for k, v in (row.symptom_onsets or {}).items()
              if k in Symptom._value2member_map_ and v}
    stored = StoredResult(
        TriageColour(row.colour), tuple(row.flags or ()), tuple(row.high_risk_vitals or ()),
        row.respiratory_screen, bool(row.needs_isolation), bool(row.urgent_care),
        bool(row.consultation), bool(row.obstetric_warning), tuple(row.rules_fired or ()),
        row.rule_table)
    return ScreeningRecord(
        row.id, row.person_id, row.center_id, row.screened_at, row.screened_by, row.created_at,
        row.age_months, data, onsets, stored,
        assess(data, age_months=row.age_months, age_days=_age_days(row)),
        row.corrects_id, corrected_by,
        TriageColour(row.final_colour) if row.final_colour in TriageColour._value2member_map_
        else None, row.raise_reason, row.raised_by)


def _check(person: Person, s: ScreeningInput, onsets: Mapping[Symptom, date],
           visit_day: date) -> list[FieldError]:
    errors = validate_screening(s)
    vocabularies = (("symptoms", Symptom, s.symptoms | set(onsets)),
                    ("chronic_conditions", ChronicCondition, s.chronic_conditions),
                    ("obstetric_signs", ObstetricSign, s.obstetric_signs),
                    ("signs", TriageSign, s.signs),
                    ("apparent_age", ApparentAge,
                     {s.apparent_age} if s.apparent_age is not None else set()),
                    ("avpu", Avpu, {s.avpu} if s.avpu is not None else set()),
                    ("disabilities", DISABILITY_CODES, s.disabilities))
    for name, vocabulary, values in vocabularies:
        unknown = sorted(str(v) for v in values if str(v) not in {str(c) for c in vocabulary})
        if unknown:
            errors.append(FieldError(name, "Unknown value: {value}.",
                                     {"value": ", ".join(unknown)}))
    if any(onset > visit_day for onset in onsets.values()):
        errors.append(FieldError("symptom_onsets", "The date cannot be in the future."))
    if s.pregnant and person.sex == Sex.MALE:
        errors.append(FieldError("pregnant", "A pregnancy cannot be recorded for a man."))
    return errors


def _corrections(session: Session, person_id: str) -> dict[str, str]:
    """Corrected screening id -> id of the live row that corrects it."""
    rows = session.exec(select(Screening.corrects_id, Screening.id).where(
        Screening.person_id == person_id, Screening.corrects_id != None,  # noqa: E711
        Screening.deleted == False))  # noqa: E712
    return {corrected: by for corrected, by in rows}


RAISE_NOT_HIGHER = ("A clinician may only raise the colour the rules computed ({computed}), "
                    "never lower it or keep it.")
RAISE_NEEDS_REASON = "Write why the colour is raised."


def record_screening(db: Database, actor: Actor, *, person_id: str, screening: ScreeningInput,
                     symptom_onsets: Mapping[Symptom | str, date] | None = None,
                     when: datetime | None = None, center_id: str | None = None,
                     screened_by: str | None = None, corrects_id: str | None = None,
                     raise_to: TriageColour | str | None = None,
                     raise_reason: str | None = None) -> ScreeningRecord:
    """Record one visit (a new row, always). ``screening.symptoms`` are symptoms present now;
    a symptom with an onset date in ``symptom_onsets`` counts only if the onset is within the
    respiratory case definition's 10-day window on the visit's (local) day. ``corrects_id``:
    this row replaces that earlier one of the same person (same visit time unless ``when`` is
    given). ``center_id`` defaults to where the person is staying, else where they were
    registered. ``screening.apparent_age`` is kept only when the person has no date of birth.

    ``raise_to``: the clinician's up-triage, strictly above the computed colour, with a
    ``raise_reason`` (RuleViolation if not higher, ValidationError without a reason); the row
    records who raised it (the actor)."""
    actor.require(Permission.EDIT_HEALTH)
    reason = (raise_reason or "").strip()
    carried = None
    if raise_to is not None:
        raise_to = TriageColour(raise_to)
    onsets = {Symptom(k) if k in Symptom._value2member_map_ else k: v
              for k, v in (symptom_onsets or {}).items()}
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        if corrects_id is not None:
            old = session.get(Screening, corrects_id)
            if old is None or old.deleted or old.person_id != person_id:
                raise NotFoundError("screening", corrects_id)
            if corrects_id in _corrections(session, person_id):
                raise RuleViolation("This screening was already corrected; correct the "
                                    "latest version.")
            when = when or old.screened_at
            carried = old if raise_to is None and old.raised_by else None
        when = when or clock.now()
        visit_day = when.astimezone().date()
        errors = _check(person, screening, onsets, visit_day)
        if errors:
            raise ValidationError(errors)
        in_window = symptoms_in_window(onsets, today=visit_day)
        age = age_in_months(person.birth_date, visit_day) if person.birth_date else None
        data = dataclasses.replace(
            screening, symptoms=_enum_set(Symptom, screening.symptoms - set(onsets)) | in_window,
            chronic_conditions=_enum_set(ChronicCondition, screening.chronic_conditions),
            obstetric_signs=_enum_set(ObstetricSign, screening.obstetric_signs),
            signs=_enum_set(TriageSign, screening.signs),
            apparent_age=ApparentAge(screening.apparent_age)
            if screening.apparent_age is not None and age is None else None,
            avpu=Avpu(screening.avpu) if screening.avpu is not None else None)
        days = (max((visit_day - person.birth_date).days, 0) if person.birth_date else None)
        result = assess(data, age_months=age, age_days=days)
        if raise_to is not None:
            if raise_to.rank <= result.colour.rank:
                raise RuleViolation(RAISE_NOT_HIGHER, computed=clinical_label(result.colour))
            if not reason:
                raise ValidationError([FieldError("raise_reason", RAISE_NEEDS_REASON)])
        raised_by = actor.username
        if corrects_id is not None and carried is not None:
            # a correction keeps an earlier clinician's raise while it is still a raise
            earlier = TriageColour(carried.final_colour)
            if earlier.rank > result.colour.rank:
                raise_to, reason, raised_by = earlier, carried.raise_reason or "", \
                    carried.raised_by or raised_by
        if center_id is None:
            stay = current_stay(session, person_id)
            center_id = stay.center_id if stay is not None else person.center_id
        row = Screening(
            person_id=person_id, center_id=center_id, screened_at=when,
            screened_by=screened_by or actor.username, corrects_id=corrects_id,
            age_months=age, temperature_c=data.temperature_c, heart_rate=data.heart_rate,
            respiratory_rate=data.respiratory_rate, systolic_bp=data.systolic_bp,
            diastolic_bp=data.diastolic_bp, spo2=data.spo2,
            avpu=str(data.avpu) if data.avpu is not None else None,
            weight_kg=data.weight_kg, height_cm=data.height_cm,
            symptoms=sorted(str(x) for x in data.symptoms),
            symptom_onsets={str(k): v.isoformat() for k, v in sorted(onsets.items())},
            chronic_conditions=sorted(str(x) for x in data.chronic_conditions),
            pregnant=data.pregnant, gestation_weeks=data.gestation_weeks,
            obstetric_signs=sorted(str(x) for x in data.obstetric_signs),
            disabilities=sorted(data.disabilities), notes=data.notes.strip() or None,
            colour=str(result.colour),
            flags=sorted({str(f) for x in result.findings for f in x.rule.flags}),
            high_risk_vitals=sorted(str(m) for m in result.high_risk_vitals),
            respiratory_screen=str(result.respiratory.screen),
            needs_isolation=result.needs_isolation, urgent_care=result.urgent_care,
            consultation=result.consultation, obstetric_warning=result.obstetric_warning,
            rules_fired=[f.rule_id for f in result.findings],
            rule_table=rule_table_fingerprint(),
            signs=sorted(str(x) for x in data.signs),
            apparent_age=str(data.apparent_age) if data.apparent_age is not None else None,
            final_colour=str(raise_to or result.colour),
            raise_reason=reason if raise_to is not None else None,
            raised_by=raised_by if raise_to is not None else None)
        session.add(row)
        session.flush()
        return _record(row, None)


def raise_colour(db: Database, actor: Actor, screening_id: str, *,
                 raise_to: TriageColour | str, reason: str) -> ScreeningRecord:
    """Up-triage a recorded visit after the fact: a correction row (same inputs and visit
    time) that carries the raised colour, the reason and who raised it. Same rules as
    :func:`record_screening` (EDIT_HEALTH, strictly higher, a reason)."""
    actor.require(Permission.EDIT_HEALTH)
    with db.session(actor.username) as session:
        row = session.get(Screening, screening_id)
        if row is None or row.deleted:
            raise NotFoundError("screening", screening_id)
        record = _record(row, None)
    raise_to = TriageColour(raise_to)
    if raise_to.rank <= record.final_colour.rank:
        raise RuleViolation(RAISE_NOT_HIGHER, computed=clinical_label(record.final_colour))
    return record_screening(
        db, actor, person_id=record.person_id, screening=record.input,
        symptom_onsets=record.symptom_onsets, when=record.screened_at,
        center_id=record.center_id, screened_by=record.screened_by, corrects_id=record.id,
        raise_to=raise_to, raise_reason=reason)


def person_screenings(session: Session, person_id: str) -> list[ScreeningRecord]:
    """Every screening of a person, latest visit first (a correction right before the row it
    corrects). No permission check: for services that already checked theirs."""
    rows = session.exec(select(Screening).where(
        Screening.person_id == person_id, Screening.deleted == False)  # noqa: E712
        .order_by(Screening.screened_at.desc(), Screening.change_seq.desc())).all()
    corrected = {r.corrects_id: r.id for r in rows if r.corrects_id}
    return [_record(r, corrected.get(r.id)) for r in rows]


def latest_of(session: Session, person_id: str) -> ScreeningRecord | None:
    """The latest visit that no correction replaced (no permission check; see above)."""
    return next((r for r in person_screenings(session, person_id) if r.is_current), None)


def screenings_of(db: Database, actor: Actor, person_id: str) -> list[ScreeningRecord]:
    """A person's screening history, latest visit first, corrected rows included (with
    ``corrected_by_id`` set)."""
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        records = person_screenings(session, person_id)
        # audited read: who saw the history, how many visits; never the values
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name="screening",
                        row_id=person_id, what="screenings", count=len(records))
        return records


def latest_screening(db: Database, actor: Actor, person_id: str) -> ScreeningRecord | None:
    """The person's latest screening (its current version), or None."""
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        return latest_of(session, person_id)
