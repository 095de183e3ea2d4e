"""A person's health timeline: screenings, consultations, referrals, vaccines, prenatal and
postnatal visits, births and (only with MENTAL_HEALTH) psychosocial notes, newest first.
Other modules add their records with :func:`register_source` (the pharmacy: medicines
dispensed); a source declares the permission needed to see its events."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timezone

from sqlmodel import Session, select

from ..domain.i18n import translate as _
from ..domain.permissions import Permission
from ..domain.pregnancy import LABELS as PREGNANCY_LABELS
from ..storage.db import Database
from ..storage.tables import Allergy, Birth, Dispensing, Person, StockItem, Vaccination
from . import access_log
from .consultations import person_consultations
from .context import Actor
from .mental_health import person_notes
from .pregnancy import person_visits
from .referrals import person_referrals, status_word
from .screening import person_screenings


@dataclass(frozen=True)
class TimelineEvent:
    at: datetime
    kind: str            # screening | consultation | referral | vaccine | pregnancy | birth ...
    title: str           # translated
    detail: str
    by: str | None
    record_id: str
    colour: str | None = None      # a triage colour, when the record has one
    corrected: bool = False        # replaced by a later correction (shown, struck through)
    corrects_id: str | None = None
    is_open: bool = False          # an open referral


Source = Callable[[Session, str], Iterable[TimelineEvent]]
_SOURCES: dict[str, tuple[Permission, Source]] = {}


def register_source(kind: str, permission: Permission, source: Source) -> None:
    _SOURCES[kind] = (permission, source)


def _at(day: date | None) -> datetime:
    return datetime.combine(day or date.min, time(12), tzinfo=timezone.utc)


def _screenings(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    for r in person_screenings(session, person_id):
        detail = ", ".join(f.text() for f in r.triage.findings[:3])
        yield TimelineEvent(r.screened_at, "screening", _("Screening"), detail, r.screened_by,
                            r.id, str(r.final_colour), not r.is_current, r.corrects_id)


def _consultations(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    for r in person_consultations(session, person_id):
        parts = [r.input.reason, r.diagnosis]
        if r.input.follow_up_date:
            parts.append(_("Follow-up") + ": " + r.input.follow_up_date.strftime("%d/%m/%Y"))
        yield TimelineEvent(r.attended_at, "consultation", _("Consultation"),
                            " · ".join(p for p in parts if p), r.attended_by, r.id,
                            str(r.colour), not r.is_current, r.corrects_id)


def _referrals(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    for r in person_referrals(session, person_id):
        parts = [r.destination, r.specialty or "", r.reason, status_word(r.status),
                 _(r.urgency)]
        if r.counter_referral:
            parts.append(r.counter_referral)
        yield TimelineEvent(r.referred_at, "referral", _("Referral"),
                            " · ".join(p for p in parts if p), r.referred_by, r.id,
                            is_open=r.is_open)


def _vaccines(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    rows = session.exec(select(Vaccination).where(
        Vaccination.person_id == person_id, Vaccination.deleted == False)).all()  # noqa: E712
    for v in rows:
        parts = [v.vaccine, v.brand or "", _("dose {n}", n=v.dose) if v.dose else "",
                 v.lot or ""]
        yield TimelineEvent(_at(v.date), "vaccine", _("Vaccine"),
                            " · ".join(p for p in parts if p), None, v.id)


def _pregnancy(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    for v in person_visits(session, person_id):
        parts = []
        if v.input.gestation_weeks is not None:
            parts.append(_("{n} weeks", n=v.input.gestation_weeks))
        if v.input.systolic_bp and v.input.diastolic_bp:
            parts.append(f"{v.input.systolic_bp}/{v.input.diastolic_bp} mmHg")
        parts += [_(PREGNANCY_LABELS[s]) for s in sorted(v.input.warning_signs)
                  if s in PREGNANCY_LABELS]
        parts.append(_(PREGNANCY_LABELS[str(v.recommendation)]))
        yield TimelineEvent(v.visited_at, "pregnancy", _(PREGNANCY_LABELS[v.input.kind]),
                            " · ".join(parts), v.visited_by, v.id, None, not v.is_current,
                            v.corrects_id)
    births = session.exec(select(Birth).where(Birth.person_id == person_id,
                                              Birth.deleted == False)).all()  # noqa: E712
    for b in births:
        baby = session.get(Person, b.newborn_id)
        name = f"{baby.given_names} {baby.surnames.upper()} ({baby.folio})" if baby else ""
        parts = [name, b.place or "", f"{b.weight_g} g" if b.weight_g else ""]
        yield TimelineEvent(_at(b.born_on), "birth", _("Birth"),
                            " · ".join(p for p in parts if p), b.recorded_by, b.id)


def _mental_health(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    for n in person_notes(session, person_id):
        yield TimelineEvent(n.noted_at, "mental_health", _("Mental health note"),
                            n.note, n.noted_by, n.id, None, n.corrected_by_id is not None,
                            n.corrects_id)


def _medicines(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    """Medicines dispensed (the pharmacy's records; the ledger itself names no person)."""
    rows = session.exec(select(Dispensing, StockItem).where(
        Dispensing.person_id == person_id, Dispensing.deleted == False,  # noqa: E712
        Dispensing.item_id == StockItem.id)).all()
    for d, item in rows:
        parts = [f"{item.name} {item.presentation}".strip(), f"{d.quantity} {item.unit}",
                 d.dose, _("{n} days", n=d.days) if d.days else "", d.reason or ""]
        if d.allergy_warning:
            parts.append(_("allergy warned: {allergies}", allergies=d.allergy_warning))
        yield TimelineEvent(d.dispensed_at, "medicine", _("Medicine"),
                            " · ".join(p for p in parts if p), d.dispensed_by, d.id)


def _allergies(session: Session, person_id: str) -> Iterable[TimelineEvent]:
    rows = session.exec(select(Allergy).where(Allergy.person_id == person_id,
                                              Allergy.deleted == False)).all()  # noqa: E712
    for a in rows:
        parts = [a.substance, a.reaction or "", _(a.severity) if a.severity else ""]
        yield TimelineEvent(a.recorded_at, "allergy", _("Allergy"),
                            " · ".join(p for p in parts if p), a.recorded_by, a.id)


register_source("screening", Permission.VIEW_HEALTH, _screenings)
register_source("consultation", Permission.VIEW_HEALTH, _consultations)
register_source("referral", Permission.VIEW_HEALTH, _referrals)
register_source("vaccine", Permission.VIEW_HEALTH, _vaccines)
register_source("pregnancy", Permission.VIEW_HEALTH, _pregnancy)
register_source("mental_health", Permission.MENTAL_HEALTH, _mental_health)
register_source("medicine", Permission.VIEW_HEALTH, _medicines)
register_source("allergy", Permission.VIEW_HEALTH, _allergies)


def timeline(db: Database, actor: Actor, person_id: str) -> list[TimelineEvent]:
    """The person's health events the actor may see, newest first (an audited read)."""
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        events: list[TimelineEvent] = []
        for _kind, (permission, source) in _SOURCES.items():
            if actor.can(permission):
                events += source(session, person_id)
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name=None,
                        row_id=person_id, what="health timeline", count=len(events))
    events.sort(key=lambda e: (e.at if e.at.tzinfo else e.at.replace(tzinfo=timezone.utc)),
                reverse=True)
    return events

