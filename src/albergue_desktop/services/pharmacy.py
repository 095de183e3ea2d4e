"""The pharmacy: a person's allergies, medicines dispensed to a person (from the stock
ledger, first expiring lot first), the medicine catalog. docs/stock-ledger.md.

Allergies and dispensings are health data (``HEALTH_TABLES``): reading them needs
VIEW_HEALTH, recording them EDIT_HEALTH; dispensing also needs PHARMACY (it takes stock).
An allergy that matches the medicine stops the dispensing with :class:`AllergyWarning`
until the dispenser confirms it (``acknowledge_allergy``); the row keeps the warning seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, col, select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.medicine_catalog import MEDICINES
from ..domain.normalize import name_key
from ..domain.permissions import Permission
from ..domain.stock import ItemKind, MovementReason
from ..storage.db import Database
from ..storage.tables import Allergy, Dispensing, Person, StockItem, StockLot, StockMovement
from . import access_log
from .context import Actor
from .stays import current_stay, take_write_lock
from .stock import MovementResult, Warning_, ensure_item, take_out

SEVERITIES = ("mild", "moderate", "severe")


def load_catalog(db: Database, actor: Actor) -> int:
    """Add the curated medicine list's items this file lacks. Returns how many were added."""
    actor.require(Permission.PHARMACY)
    added = 0
    with db.session(actor.username) as session:
        for m in MEDICINES:
            before = session.get(StockItem, _id(m.code))
            if before is None:
                ensure_item(session, code=m.code, kind=ItemKind.MEDICINE, name=m.name,
                            presentation=m.presentation, unit=m.unit, category=m.category,
                            allergens=list(m.allergens), low_stock=m.low_stock,
                            source=m.source)
                added += 1
    return added


def _id(code: str) -> str:
    from .stock import item_id_for

    return item_id_for(code)


# --- allergies ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class AllergyRecord:
    id: str
    person_id: str
    substance: str
    reaction: str | None
    severity: str | None
    recorded_at: datetime
    recorded_by: str


def _allergy(row: Allergy) -> AllergyRecord:
    return AllergyRecord(row.id, row.person_id, row.substance, row.reaction, row.severity,
                         row.recorded_at, row.recorded_by)


def _person(session: Session, person_id: str) -> Person:
    person = session.get(Person, person_id)
    if person is None or person.deleted:
        raise NotFoundError("person", person_id)
    return person


def record_allergy(db: Database, actor: Actor, *, person_id: str, substance: str,
                   reaction: str | None = None, severity: str | None = None,
                   when: datetime | None = None) -> AllergyRecord:
    actor.require(Permission.EDIT_HEALTH)
    substance = " ".join((substance or "").split())
    errors = []
    if not substance:
        errors.append(FieldError("substance", "This field is required."))
    if severity is not None and severity not in SEVERITIES:
        errors.append(FieldError("severity", "Unknown value: {value}.", {"value": severity}))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        _person(session, person_id)
        known = [a for a in person_allergies(session, person_id)
                 if name_key(a.substance) == name_key(substance)]
        if known:
            raise RuleViolation("This allergy is already recorded.")
        row = Allergy(person_id=person_id, substance=substance,
                      reaction=(reaction or "").strip() or None, severity=severity,
                      recorded_at=when or clock.now(), recorded_by=actor.username)
        session.add(row)
        session.flush()
        return _allergy(row)


def remove_allergy(db: Database, actor: Actor, allergy_id: str, *, reason: str) -> None:
    """Take back an allergy recorded by mistake (a tombstone with the reason)."""
    actor.require(Permission.EDIT_HEALTH)
    if not (reason or "").strip():
        raise ValidationError([FieldError("reason", "Write the reason.")])
    with db.session(actor.username) as session:
        row = session.get(Allergy, allergy_id)
        if row is None or row.deleted:
            raise NotFoundError("allergy", allergy_id)
        row.deleted, row.deleted_at, row.deleted_by = True, clock.now(), actor.username
        row.delete_reason = reason.strip()
        session.add(row)


def person_allergies(session: Session, person_id: str) -> list[AllergyRecord]:
    """No permission check: for services that checked theirs."""
    rows = session.exec(select(Allergy).where(Allergy.person_id == person_id,
                                              Allergy.deleted == False)  # noqa: E712
                        .order_by(col(Allergy.recorded_at))).all()
    return [_allergy(r) for r in rows]


def allergies_of(db: Database, actor: Actor, person_id: str) -> list[AllergyRecord]:
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        found = person_allergies(session, person_id)
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name="allergy",
                        row_id=person_id, what="allergies", count=len(found))
        return found


def matching_allergies(allergies: list[AllergyRecord], item: StockItem) -> list[AllergyRecord]:
    """The allergies that name the medicine, one of its ingredients or its class: whole words
    of the allergy compared with the item's name and allergens (accents and case ignored)."""
    words = {name_key(w) for w in [item.name, *(item.allergens or [])] if w}
    words |= {w for phrase in list(words) for w in phrase.split() if len(w) > 3}
    found = []
    for a in allergies:
        key = name_key(a.substance)
        parts = {key, *(w for w in key.split() if len(w) > 3)}
        if parts & words or any(key and key in w for w in words):
            found.append(a)
    return found


class AllergyWarning(RuleViolation):
    """The person is allergic to the medicine: confirm to dispense anyway."""

    msgid = "{name} has a recorded allergy to {allergies}. Dispense {item} anyway?"


# --- dispensing ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DispenseResult:
    dispensing_id: str
    movement: MovementResult
    allergy_warning: str | None

    @property
    def warnings(self) -> tuple[Warning_, ...]:
        return self.movement.warnings


def dispense(db: Database, actor: Actor, *, person_id: str, item_id: str, quantity: int,
             dose: str, days: int | None = None, reason: str | None = None,
             consultation_id: str | None = None, center_id: str | None = None,
             acknowledge_allergy: bool = False, when: datetime | None = None) -> DispenseResult:
    """Hand ``quantity`` units of a medicine to a person: a dispensing row (health data) and
    the ledger movements that take it, first expiring lot first, in one transaction. Refuses
    more than there is (NotEnoughStock), and stops on a matching allergy (AllergyWarning)
    unless ``acknowledge_allergy``. ``center_id``: where the person stays, else the actor's."""
    actor.require(Permission.EDIT_HEALTH)
    actor.require(Permission.PHARMACY)
    errors = []
    if not (dose or "").strip():
        errors.append(FieldError("dose", "This field is required."))
    if days is not None and not 1 <= days <= 365:
        errors.append(FieldError("days", "The days must be between 1 and 365."))
    if not isinstance(quantity, int) or quantity <= 0:
        errors.append(FieldError("quantity", "The quantity must be a whole number above zero."))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = _person(session, person_id)
        item = session.get(StockItem, item_id)
        if item is None or item.deleted or item.kind != ItemKind.MEDICINE:
            raise NotFoundError("item", item_id)
        matches = matching_allergies(person_allergies(session, person_id), item)
        warning = None
        if matches:
            names = ", ".join(a.substance for a in matches)
            if not acknowledge_allergy:
                raise AllergyWarning(name=f"{person.given_names} {person.surnames}".strip(),
                                     allergies=names, item=item.name)
            warning = names
        if center_id is None:
            stay = current_stay(session, person_id)
            center_id = stay.center_id if stay is not None else actor.center_id
        if center_id is None:
            raise RuleViolation("Choose the center whose pharmacy hands out the medicine.")
        when = when or clock.now()
        row = Dispensing(person_id=person_id, center_id=center_id, item_id=item_id,
                         quantity=quantity, dose=dose.strip(), days=days,
                         reason=(reason or "").strip() or None,
                         consultation_id=consultation_id, dispensed_at=when,
                         dispensed_by=actor.username, allergy_warning=warning)
        session.add(row)
        moved = take_out(session, actor, center_id=center_id, item_id=item_id,
                         quantity=quantity, reason=MovementReason.DISPENSE_OUT, when=when,
                         dispensing_id=row.id)
        return DispenseResult(row.id, moved, warning)


@dataclass(frozen=True)
class DispensingRecord:
    id: str
    person_id: str
    center_id: str
    item: str
    unit: str
    quantity: int
    dose: str
    days: int | None
    reason: str | None
    consultation_id: str | None
    dispensed_at: datetime
    dispensed_by: str
    allergy_warning: str | None
    lots: tuple[tuple[str, date | None, int], ...]  # lot code, expiry, units


def _records(session: Session, rows: list[tuple[Dispensing, StockItem]]
             ) -> list[DispensingRecord]:
    ids = [d.id for d, _ in rows]
    lots: dict[str, list[tuple[str, date | None, int]]] = {}
    for movement, lot in session.exec(
            select(StockMovement, StockLot)
            .outerjoin(StockLot, col(StockLot.id) == col(StockMovement.lot_id))
            .where(col(StockMovement.dispensing_id).in_(ids),
                   StockMovement.deleted == False)):  # noqa: E712
        lots.setdefault(movement.dispensing_id or "", []).append(
            (lot.lot_code if lot else "—", lot.expiry if lot else None, -movement.quantity))
    return [DispensingRecord(d.id, d.person_id, d.center_id,
                             f"{i.name} {i.presentation}".strip(), i.unit, d.quantity, d.dose,
                             d.days, d.reason, d.consultation_id, d.dispensed_at,
                             d.dispensed_by, d.allergy_warning, tuple(lots.get(d.id, ())))
            for d, i in rows]


def dispensings_of(db: Database, actor: Actor, person_id: str) -> list[DispensingRecord]:
    """A person's medicines, latest first (a health view: audited)."""
    actor.require(Permission.VIEW_HEALTH)
    with db.session(actor.username) as session:
        rows = session.exec(select(Dispensing, StockItem)
                            .join(StockItem, col(StockItem.id) == col(Dispensing.item_id))
                            .where(Dispensing.person_id == person_id,
                                   Dispensing.deleted == False)  # noqa: E712
                            .order_by(col(Dispensing.dispensed_at).desc())).all()
        found = _records(session, list(rows))
        access_log.note(session, actor, access_log.VIEW_HEALTH, table_name="dispensing",
                        row_id=person_id, what="dispensings", count=len(found))
        return found
