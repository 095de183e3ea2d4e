"""Supplies on the stock ledger: the supply catalog and kits, donations received (each item a
``donation_in`` movement naming the donation), distributions to a household or a person
(``distribution_out`` movements naming the distribution, never below zero, with a warning
on a repeat inside a period the user confirms), meals served and water and sanitation
counts per center. docs/supplies.md.

Permission: SUPPLIES for everything here (a donated medicine also needs PHARMACY: the
ledger checks it per item). Reading a household's supplies needs VIEW_PEOPLE too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from sqlalchemy import func, text
from sqlmodel import Session, col, select

from ..domain import clock
from ..domain import supplies as sd
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..domain.stock import ItemKind, MovementReason
from ..storage.db import Database
from ..storage.tables import (
    Center, Distribution, Donation, MealService, Person, Stay, StockItem,
    StockMovement, WashStatus,
)
from .context import Actor
from .stays import take_write_lock
from .stock import MovementResult, Warning_, ensure_item, item_id_for, receive_in, take_out

# A repeat of the same item to the same household inside this many days is warned (the
# user confirms it). A local setting: a week matches the kits' weekly quantities.
DEFAULT_REPEAT_DAYS = 7
_NAMESPACE = uuid.UUID("0b8c3f52-4d1e-4f57-9a3c-2e6f1d9b7c44")


# --- catalog -----------------------------------------------------------------------------------

def load_catalog(db: Database, actor: Actor) -> int:
    """Add the supply catalog's items this file lacks (ids derived from their codes, the same
    in every file). Returns how many were added."""
    actor.require(Permission.SUPPLIES)
    added = 0
    with db.session(actor.username) as session:
        for s in sd.SUPPLIES:
            if session.get(StockItem, item_id_for(s.code)) is None:
                ensure_item(session, code=s.code, kind=ItemKind.SUPPLY, name=s.name,
                            unit=s.unit, category=s.category, low_stock=s.low_stock,
                            source=sd.SUPPLY_CATALOG_SOURCE)
                added += 1
    return added


def supply_items(db: Database, actor: Actor) -> list[StockItem]:
    actor.require(Permission.SUPPLIES)
    with db.read_session() as session:
        return list(session.exec(select(StockItem).where(
            StockItem.kind == ItemKind.SUPPLY, StockItem.deleted == False,  # noqa: E712
            StockItem.active == True).order_by(col(StockItem.name))))  # noqa: E712


# --- donations -------------------------------------------------------------------------------

@dataclass(frozen=True)
class DonationLine:
    item_id: str
    quantity: int
    lot_code: str | None = None
    expiry: date | None = None


def record_donation(db: Database, actor: Actor, *, center_id: str, received_on: date,
                    donor_kind: str, donor: str, lines: list[DonationLine],
                    value_mxn: float | None = None, note: str | None = None,
                    when: datetime | None = None) -> tuple[str, tuple[Warning_, ...]]:
    """A donation and its items as ``donation_in`` movements, in one transaction. Returns the
    donation id and the ledger's warnings (a medicine close to expiry)."""
    actor.require(Permission.SUPPLIES)
    errors = []
    try:
        kind = sd.DonorKind(donor_kind)
    except ValueError:
        errors.append(FieldError("donor_kind", "Unknown value: {value}.", {"value": donor_kind}))
        kind = None
    donor = (donor or "").strip()
    if not donor:
        errors.append(FieldError("donor", "This field is required."))
    elif kind is sd.DonorKind.PARTNER and donor not in sd.PARTNERS:
        errors.append(FieldError("donor", "Unknown value: {value}.", {"value": donor}))
    if received_on > clock.today():
        errors.append(FieldError("received_on", "The date cannot be in the future."))
    if not lines:
        errors.append(FieldError("lines", "Add at least one item."))
    if value_mxn is not None and value_mxn < 0:
        errors.append(FieldError("value_mxn", "The value cannot be negative."))
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        if session.get(Center, center_id) is None:
            raise NotFoundError("center", center_id)
        donation = Donation(center_id=center_id, received_on=received_on,
                            donor_kind=str(kind), donor=donor, value_mxn=value_mxn,
                            note=(note or "").strip() or None, received_by=actor.username)
        session.add(donation)
        session.flush()
        warnings: list[Warning_] = []
        for line in lines:
            result = receive_in(session, actor, center_id=center_id, item_id=line.item_id,
                                quantity=line.quantity, reason=MovementReason.DONATION_IN,
                                lot_code=line.lot_code, expiry=line.expiry,
                                donation_id=donation.id, when=when)
            warnings += result.warnings
        return donation.id, tuple(warnings)


@dataclass(frozen=True)
class DonationView:
    id: str
    center_id: str
    center_name: str
    received_on: date
    donor_kind: str
    donor: str
    donor_label: str
    value_mxn: float | None
    note: str | None
    received_by: str
    lines: tuple[tuple[str, str, int], ...]  # item name, unit, quantity

    @property
    def units(self) -> int:
        return sum(q for _n, _u, q in self.lines)


def _donation_view(session: Session, d: Donation) -> DonationView:
    rows = session.exec(select(StockItem.name, StockItem.unit, func.sum(StockMovement.quantity))
                        .join(StockItem, col(StockItem.id) == col(StockMovement.item_id))
                        .where(StockMovement.donation_id == d.id,
                               StockMovement.deleted == False)  # noqa: E712
                        .group_by(col(StockItem.id)).order_by(col(StockItem.name))).all()
    center = session.get(Center, d.center_id)
    return DonationView(d.id, d.center_id, center.name if center else "", d.received_on,
                        d.donor_kind, d.donor, sd.donor_label(d.donor_kind, d.donor),
                        d.value_mxn, d.note, d.received_by,
                        tuple((n, u, int(q)) for n, u, q in rows))


def donation(db: Database, actor: Actor, donation_id: str) -> DonationView:
    actor.require(Permission.SUPPLIES)
    with db.read_session() as session:
        d = session.get(Donation, donation_id)
        if d is None or d.deleted:
            raise NotFoundError("donation", donation_id)
        return _donation_view(session, d)


def donations(db: Database, actor: Actor, *, center_id: str | None = None,
              start: date | None = None, end: date | None = None,
              donor: str | None = None) -> list[DonationView]:
    """Donations received, newest first (a center, a period, a donor)."""
    actor.require(Permission.SUPPLIES)
    with db.read_session() as session:
        q = select(Donation).where(Donation.deleted == False)  # noqa: E712
        if center_id:
            q = q.where(Donation.center_id == center_id)
        if start:
            q = q.where(Donation.received_on >= start)
        if end:
            q = q.where(Donation.received_on <= end)
        if donor:
            q = q.where(Donation.donor == donor)
        rows = session.exec(q.order_by(col(Donation.received_on).desc())).all()
        return [_donation_view(session, d) for d in rows]


# --- households and what they received ----------------------------------------------------------

@dataclass(frozen=True)
class Received:
    when: datetime
    item_id: str
    item: str
    unit: str
    quantity: int
    kit_code: str | None
    center_id: str


@dataclass(frozen=True)
class Recipient:
    """A person chosen at the queue, their household and what it already received."""

    person_id: str
    name: str
    folio: str | None
    household_id: str | None
    center_id: str | None  # where they are lodged (open stay), else their registered center
    members: tuple[sd.Member, ...]
    member_names: tuple[str, ...]
    received: tuple[Received, ...]  # newest first

    @property
    def size(self) -> int:
        return len(self.members)


def _person_name(p: Person) -> str:
    return f"{p.given_names} {p.surnames.upper()}".strip()


def recipient(db: Database, actor: Actor, person_id: str, *, history_days: int = 90,
              today: date | None = None) -> Recipient:
    actor.require(Permission.SUPPLIES)
    actor.require(Permission.VIEW_PEOPLE)
    today = today or clock.today()
    with db.read_session() as session:
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        if person.household_id:
            people = list(session.exec(select(Person).where(
                Person.household_id == person.household_id,
                Person.deleted == False)  # noqa: E712
                .order_by(col(Person.birth_date))))
        else:
            people = [person]
        stay = session.exec(select(Stay).where(
            Stay.person_id == person_id, Stay.check_out == None,  # noqa: E711
            Stay.deleted == False)).first()  # noqa: E712
        center_id = stay.center_id if stay else person.center_id
        since = datetime.combine(today - timedelta(days=history_days), datetime.min.time())
        received = _received(session, person.household_id, person_id, since)
        return Recipient(person.id, _person_name(person), person.folio, person.household_id,
                         center_id,
                         tuple(sd.Member(p.sex, p.birth_date) for p in people),
                         tuple(_person_name(p) for p in people), tuple(received))


def _received(session: Session, household_id: str | None, person_id: str,
              since: datetime) -> list[Received]:
    who = ("m.household_id = :household" if household_id else "m.person_id = :person")
    rows = session.connection().execute(text(
        "SELECT m.moved_at, m.item_id, i.name, i.unit, -m.quantity, d.kit_code, m.center_id "
        "FROM stock_movement m JOIN stock_item i ON i.id = m.item_id "
        "LEFT JOIN distribution d ON d.id = m.distribution_id "
        f"WHERE {who} AND m.moved_at >= :since AND m.deleted = 0 "
        "AND m.reason = 'distribution_out' ORDER BY m.moved_at DESC"),
        {"household": household_id, "person": person_id, "since": since}).all()
    out = []
    for at, item_id, name, unit, qty, kit, center in rows:
        when = at if isinstance(at, datetime) else datetime.fromisoformat(str(at))
        out.append(Received(when, item_id, name, unit, int(qty), kit, center))
    return out


def suggest(recipient_: Recipient, kit_code: str, today: date | None = None,
            ) -> list[tuple[str, int, str]]:
    """(item id, quantity, why) of a kit for the recipient's household."""
    kit = sd.KIT_BY_CODE.get(kit_code)
    if kit is None:
        raise ValidationError([FieldError("kit", "Unknown value: {value}.",
                                          {"value": kit_code})])
    return [(item_id_for(s.code), s.quantity, s.why)
            for s in sd.suggest(kit, list(recipient_.members), today or clock.today())]


# --- distributions ---------------------------------------------------------------------------

class RepeatDistribution(RuleViolation):
    """Some items were already given to this household inside the repeat period; nothing was
    recorded. ``repeats``: (item name, units, when) of the earlier distributions."""

    msgid = ("Already received in the last {days} days: {items}. Confirm to hand them out "
             "again.")

    def __init__(self, repeats: list[tuple[str, int, datetime]], days: int) -> None:
        self.repeats = repeats
        self.days = days
        items = "; ".join(f"{name} ×{units} ({when.astimezone().strftime('%d/%m/%Y')})"
                          for name, units, when in repeats)
        super().__init__(self.msgid, days=days, items=items)


@dataclass(frozen=True)
class DistributionLine:
    item_id: str
    quantity: int


@dataclass(frozen=True)
class DistributionResult:
    distribution_id: str
    movements: MovementResult
    warnings: tuple[Warning_, ...] = field(default_factory=tuple)


def distribute(db: Database, actor: Actor, *, center_id: str, person_id: str,
               lines: list[DistributionLine], to_household: bool = True,
               kit_code: str | None = None, confirm_repeat: bool = False,
               repeat_days: int = DEFAULT_REPEAT_DAYS, note: str | None = None,
               when: datetime | None = None) -> DistributionResult:
    """Hand ``lines`` to the person's household (or to the person alone), from the center's
    stock, in one transaction: all the lines or nothing. Refused with
    :class:`RepeatDistribution` when one of the items went to the same household (person)
    inside ``repeat_days`` and ``confirm_repeat`` is false; refused with
    :class:`~albergue_desktop.domain.stock.NotEnoughStock` when a line is more than the
    center holds (the ledger never goes negative)."""
    actor.require(Permission.SUPPLIES)
    lines = [ln for ln in lines if ln.quantity]
    if not lines:
        raise ValidationError([FieldError("lines", "Add at least one item.")])
    if kit_code is not None and kit_code not in sd.KIT_BY_CODE:
        raise ValidationError([FieldError("kit", "Unknown value: {value}.", {"value": kit_code})])
    if repeat_days < 0:
        raise ValidationError([FieldError("repeat_days", "The value cannot be negative.")])
    when = when or clock.now()
    merged: dict[str, int] = {}
    for ln in lines:
        merged[ln.item_id] = merged.get(ln.item_id, 0) + ln.quantity
    with db.session(actor.username) as session:
        take_write_lock(session)
        person = session.get(Person, person_id)
        if person is None or person.deleted:
            raise NotFoundError("person", person_id)
        household_id = person.household_id if to_household else None
        seen = None
        if repeat_days:
            since = when - timedelta(days=repeat_days)
            earlier = [r for r in _received(session, household_id, person_id, since)
                       if r.item_id in merged]
            if earlier and not confirm_repeat:
                raise RepeatDistribution([(r.item, r.quantity, r.when) for r in earlier],
                                         repeat_days)
            if earlier:
                seen = "; ".join(sorted({r.item for r in earlier}))
        dist = Distribution(center_id=center_id, household_id=household_id,
                            person_id=None if household_id else person_id, kit_code=kit_code,
                            distributed_at=when, distributed_by=actor.username,
                            repeat_confirmed=seen, note=(note or "").strip() or None)
        if household_id:
            dist.person_id = person_id  # who came to the counter
        session.add(dist)
        ids: list[str] = []
        taken: list = []
        warnings: list[Warning_] = []
        # One flush at commit: each line reads the balance of its own item, which the
        # unflushed movements of the other items do not change (one stamping pass).
        with session.no_autoflush:
            for item_id, qty in merged.items():
                r = take_out(session, actor, center_id=center_id, item_id=item_id,
                             quantity=qty, reason=MovementReason.DISTRIBUTION_OUT, when=when,
                             person_id=person_id, household_id=household_id,
                             distribution_id=dist.id)
                ids += r.movement_ids
                taken += r.taken
                warnings += r.warnings
        return DistributionResult(dist.id, MovementResult(tuple(ids), tuple(taken)),
                                  tuple(warnings))


def distributed_today(db: Database, actor: Actor, center_id: str,
                      today: date | None = None) -> int:
    """Distributions recorded at the center on a local day (every screen)."""
    actor.require(Permission.SUPPLIES)
    day = today or clock.today()
    start = datetime.combine(day, datetime.min.time()).astimezone()
    with db.read_session() as session:
        return int(session.exec(select(func.count()).select_from(Distribution).where(
            Distribution.center_id == center_id, Distribution.deleted == False,  # noqa: E712
            Distribution.distributed_at >= start,
            Distribution.distributed_at < start + timedelta(days=1))).one())


# --- meals -------------------------------------------------------------------------------------

def present_count(db: Database, actor: Actor, center_id: str) -> int:
    """People with an open stay at the center now (the default number of meals)."""
    actor.require(Permission.SUPPLIES)
    with db.read_session() as session:
        return int(session.exec(select(func.count()).select_from(Stay).where(
            Stay.center_id == center_id, Stay.check_out == None,  # noqa: E711
            Stay.status == "open", Stay.deleted == False)).one())  # noqa: E712


def meal_id_for(center_id: str, day: date, service: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"meal:{center_id}:{day.isoformat()}:{service}"))


def record_meals(db: Database, actor: Actor, *, center_id: str, day: date, service: str,
                 served: int, provider: str | None = None, present: int | None = None,
                 infants: int = 0, pregnant: int = 0, chronic: int = 0) -> str:
    """The meals served at a center in one service of one day (a second record of the same
    service corrects the first). Special diets are totals, no names."""
    actor.require(Permission.SUPPLIES)
    errors = []
    try:
        service = str(sd.MealKind(service))
    except ValueError:
        errors.append(FieldError("service", "Unknown value: {value}.", {"value": service}))
    for name, value in (("served", served), ("infants", infants), ("pregnant", pregnant),
                        ("chronic", chronic)):
        if not isinstance(value, int) or value < 0:
            errors.append(FieldError(name, "The value cannot be negative."))
    if day > clock.today():
        errors.append(FieldError("day", "The date cannot be in the future."))
    if errors:
        raise ValidationError(errors)
    meal_id = meal_id_for(center_id, day, service)
    with db.session(actor.username) as session:
        row = session.get(MealService, meal_id)
        if row is None:
            row = MealService(id=meal_id, center_id=center_id, day=day, service=service,
                              served=served, recorded_by=actor.username)
            session.add(row)
        row.served, row.provider, row.present = served, (provider or "").strip() or None, present
        row.infants, row.pregnant, row.chronic = infants, pregnant, chronic
        row.recorded_by = actor.username
        row.deleted = False
        return meal_id


def meals(db: Database, actor: Actor, *, center_id: str | None = None,
          start: date | None = None, end: date | None = None) -> list[MealService]:
    actor.require(Permission.SUPPLIES)
    with db.read_session() as session:
        q = select(MealService).where(MealService.deleted == False)  # noqa: E712
        if center_id:
            q = q.where(MealService.center_id == center_id)
        if start:
            q = q.where(MealService.day >= start)
        if end:
            q = q.where(MealService.day <= end)
        return list(session.exec(q.order_by(col(MealService.day), col(MealService.service))))


# --- water, sanitation and hygiene --------------------------------------------------------------

def record_wash(db: Database, actor: Actor, *, center_id: str, day: date, toilets: int,
                showers: int, water_points: int, litres_per_day: int,
                note: str | None = None) -> list[sd.WashShortfall]:
    """A center's WASH count on a day (a second count that day corrects the first). Returns
    the Sphere shortfalls for the people present now."""
    actor.require(Permission.SUPPLIES)
    values = {"toilets": toilets, "showers": showers, "water_points": water_points,
              "litres_per_day": litres_per_day}
    errors = [FieldError(k, "The value cannot be negative.") for k, v in values.items()
              if not isinstance(v, int) or v < 0]
    if errors:
        raise ValidationError(errors)
    row_id = str(uuid.uuid5(_NAMESPACE, f"wash:{center_id}:{day.isoformat()}"))
    with db.session(actor.username) as session:
        row = session.get(WashStatus, row_id)
        if row is None:
            row = WashStatus(id=row_id, center_id=center_id, day=day, recorded_by=actor.username,
                             toilets=toilets, showers=showers, water_points=water_points,
                             litres_per_day=litres_per_day)
            session.add(row)
        for k, v in values.items():
            setattr(row, k, v)
        row.note, row.recorded_by = (note or "").strip() or None, actor.username
    return wash_shortfalls(db, actor, center_id)


def wash_shortfalls(db: Database, actor: Actor, center_id: str) -> list[sd.WashShortfall]:
    """The latest WASH count of the center against the people present now."""
    actor.require(Permission.SUPPLIES)
    with db.read_session() as session:
        row = session.exec(select(WashStatus).where(
            WashStatus.center_id == center_id, WashStatus.deleted == False)  # noqa: E712
            .order_by(col(WashStatus.day).desc())).first()
    if row is None:
        return []
    return sd.wash_shortfalls(present_count(db, actor, center_id), toilets=row.toilets,
                              showers=row.showers, water_points=row.water_points,
                              litres_per_day=row.litres_per_day)
