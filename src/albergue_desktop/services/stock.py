"""The stock ledger: receive, take (first expiring lot first), transfer, write off and count,
for medicines and supplies alike. Design and guarantees: docs/stock-ledger.md.

Every change is a new :class:`StockMovement` row (append-only); the stock on hand of a center
is the sum of its live movements, per item and lot. A take checks the stock inside the write
transaction (``Database.session`` begins with ``BEGIN IMMEDIATE``), so two takes can never
both spend the same units of one file. Permission: :data:`KIND_PERMISSION` per item kind.
The functions taking a ``session`` are the building blocks other services call inside their
own transaction (the pharmacy's dispensing, the supplies' distributions).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.permissions import Permission
from ..domain.stock import (
    DONATION_MIN_SHELF_LIFE_DAYS, INBOUND, NEEDS_NOTE, OUTBOUND, ExpiryState, ItemKind,
    LotBalance, MovementReason, expiry_state, fefo_plan, signed,
)
from ..storage.db import Database
from ..storage.tables import Center, StockItem, StockLot, StockMovement
from .context import Actor
from .stays import take_write_lock

KIND_PERMISSION: dict[str, Permission] = {
    ItemKind.MEDICINE: Permission.PHARMACY,
    ItemKind.SUPPLY: Permission.SUPPLIES,
}
_NAMESPACE = uuid.UUID("6f1d3c1e-6a43-4f0e-9a57-3d1b2f7c0a11")


def item_id_for(code: str) -> str:
    """The id of the catalog item ``code``: the same in every file."""
    return str(uuid.uuid5(_NAMESPACE, "item:" + code.strip().casefold()))


def lot_id_for(item_id: str, lot_code: str) -> str:
    """The id of lot ``lot_code`` of an item: the same in every file that receives it."""
    return str(uuid.uuid5(_NAMESPACE, f"lot:{item_id}:{lot_code.strip().casefold()}"))


def require_kind(actor: Actor, kind: str) -> None:
    actor.require(KIND_PERMISSION.get(kind, Permission.MANAGE_CENTERS))


def can_manage(actor: Actor, kind: str) -> bool:
    return actor.can(KIND_PERMISSION.get(kind, Permission.MANAGE_CENTERS))


@dataclass(frozen=True)
class Warning_:
    """Something the user should see after a movement that was saved anyway."""

    msgid: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self) -> str:
        from ..domain.i18n import translate

        return translate(self.msgid, **self.params)


@dataclass(frozen=True)
class MovementResult:
    movement_ids: tuple[str, ...]
    taken: tuple[tuple[LotBalance, int], ...] = ()  # lot, units (takes and transfers)
    warnings: tuple[Warning_, ...] = ()


# --- items and lots --------------------------------------------------------------------------

def ensure_item(session: Session, *, code: str, kind: str, name: str, presentation: str = "",
                unit: str = "unidad", category: str | None = None,
                allergens: list[str] | None = None, low_stock: int | None = None,
                source: str | None = None) -> StockItem:
    """The item with catalog ``code``, created (with its derived id) when missing."""
    item_id = item_id_for(code)
    item = session.get(StockItem, item_id)
    if item is None:
        item = StockItem(id=item_id, kind=str(ItemKind(kind)), code=code, name=name,
                         presentation=presentation, unit=unit, category=category,
                         allergens=sorted({a.casefold() for a in allergens or ()}),
                         low_stock=low_stock, source=source)
        session.add(item)
        session.flush()
    return item


def add_item(db: Database, actor: Actor, *, code: str, kind: str, name: str,
             presentation: str = "", unit: str = "unidad", **extra) -> StockItem:
    """A new item (a medicine or supply outside the catalog). RuleViolation when the code
    is taken."""
    require_kind(actor, kind)
    errors = [FieldError(n, "This field is required.")
              for n, v in (("code", code), ("name", name), ("unit", unit)) if not v.strip()]
    if errors:
        raise ValidationError(errors)
    with db.session(actor.username) as session:
        if session.get(StockItem, item_id_for(code)) is not None:
            raise RuleViolation("An item with the code {code} already exists.", code=code)
        return ensure_item(session, code=code.strip(), kind=kind, name=name.strip(),
                           presentation=presentation.strip(), unit=unit.strip(), **extra)


def _lot(session: Session, item: StockItem, lot_code: str | None,
         expiry: date | None) -> StockLot | None:
    code = (lot_code or "").strip()
    if not code:
        return None
    lot_id = lot_id_for(item.id, code)
    lot = session.get(StockLot, lot_id)
    if lot is None:
        lot = StockLot(id=lot_id, item_id=item.id, lot_code=code, expiry=expiry)
        session.add(lot)
    elif expiry is not None and lot.expiry != expiry:
        raise RuleViolation("Lot {lot} of {item} is recorded with expiry {recorded}; check the "
                            "box (a different expiry is a different lot code).",
                            lot=code, item=item.name,
                            recorded=lot.expiry.isoformat() if lot.expiry else "—")
    return lot


def _item(session: Session, item_id: str) -> StockItem:
    item = session.get(StockItem, item_id)
    if item is None or item.deleted:
        raise NotFoundError("item", item_id)
    return item


def _center(session: Session, center_id: str) -> Center:
    center = session.get(Center, center_id)
    if center is None or center.deleted:
        raise NotFoundError("center", center_id)
    return center


# --- balances ----------------------------------------------------------------------------------

def lot_balances(session: Session, center_id: str, item_id: str) -> list[LotBalance]:
    """Stock on hand of one item at one center, per lot (zero balances included). Reads the
    covering index ix_stock_movement_balance."""
    rows = session.exec(
        select(StockMovement.lot_id, func.sum(StockMovement.quantity))
        .where(StockMovement.center_id == center_id, StockMovement.item_id == item_id,
               StockMovement.deleted == False)  # noqa: E712
        .group_by(col(StockMovement.lot_id))).all()
    lots = {lot.id: lot for lot in session.exec(select(StockLot).where(
        StockLot.id.in_([r[0] for r in rows if r[0] is not None])))}  # type: ignore[attr-defined]
    out = []
    for lot_id, total in rows:
        lot = lots.get(lot_id) if lot_id is not None else None
        out.append(LotBalance(lot_id, lot.lot_code if lot else None,
                              lot.expiry if lot else None, int(total or 0)))
    return out


def on_hand(session: Session, center_id: str, item_id: str) -> int:
    return sum(b.quantity for b in lot_balances(session, center_id, item_id))


# --- movements ---------------------------------------------------------------------------------

def _movement(session: Session, *, center_id: str, item: StockItem, lot_id: str | None,
              reason: MovementReason, quantity: int, when: datetime, by: str,
              **refs) -> StockMovement:
    row = StockMovement(center_id=center_id, item_id=item.id, lot_id=lot_id,
                        quantity=signed(reason, quantity), reason=str(reason), moved_at=when,
                        moved_by=by, **refs)
    session.add(row)
    return row


def _check_quantity(quantity: int, note: str | None, reason: MovementReason) -> None:
    errors = []
    if not isinstance(quantity, int) or quantity <= 0:
        errors.append(FieldError("quantity", "The quantity must be a whole number above zero."))
    if reason in NEEDS_NOTE and not (note or "").strip():
        errors.append(FieldError("note", "Write the reason."))
    if errors:
        raise ValidationError(errors)


def receive_in(session: Session, actor: Actor, *, center_id: str, item_id: str,
               quantity: int, reason: MovementReason | str = MovementReason.DONATION_IN,
               lot_code: str | None = None, expiry: date | None = None,
               note: str | None = None, donation_id: str | None = None,
               when: datetime | None = None) -> MovementResult:
    """Add ``quantity`` units of an item (lot ``lot_code``, expiring ``expiry``) at a center,
    inside the caller's transaction."""
    reason = MovementReason(reason)
    if reason not in INBOUND or reason is MovementReason.TRANSFER_IN:
        raise RuleViolation("Use a donation or a purchase to receive stock.")
    _check_quantity(quantity, note, reason)
    item = _item(session, item_id)
    require_kind(actor, item.kind)
    _center(session, center_id)
    when = when or clock.now()
    warnings: list[Warning_] = []
    if item.kind == ItemKind.MEDICINE and not (lot_code or "").strip():
        raise ValidationError([FieldError("lot_code", "A medicine needs its lot and expiry.")])
    if item.kind == ItemKind.MEDICINE and expiry is None:
        raise ValidationError([FieldError("expiry", "A medicine needs its lot and expiry.")])
    lot = _lot(session, item, lot_code, expiry)
    day = when.astimezone().date()
    state = expiry_state(lot.expiry if lot else None, day)
    if state is ExpiryState.EXPIRED:
        raise RuleViolation("Lot {lot} expired on {expiry}: expired stock is not received.",
                            lot=lot.lot_code if lot else "", expiry=str(expiry))
    if (reason is MovementReason.DONATION_IN and lot is not None and lot.expiry is not None
            and item.kind == ItemKind.MEDICINE
            and (lot.expiry - day).days < DONATION_MIN_SHELF_LIFE_DAYS):
        warnings.append(Warning_(
            "Lot {lot} expires on {expiry}, less than a year from now (WHO guidelines for "
            "medicine donations ask for at least one year of shelf life on arrival).",
            {"lot": lot.lot_code, "expiry": lot.expiry.isoformat()}))
    row = _movement(session, center_id=center_id, item=item,
                    lot_id=lot.id if lot else None, reason=reason, quantity=quantity,
                    when=when, by=actor.username, note=(note or "").strip() or None,
                    donation_id=donation_id)
    return MovementResult((row.id,), (), tuple(warnings))


def receive(db: Database, actor: Actor, **kwargs) -> MovementResult:
    """:func:`receive_in` in its own transaction."""
    with db.session(actor.username) as session:
        return receive_in(session, actor, **kwargs)


def _expired_warnings(balances: list[LotBalance], day: date) -> list[Warning_]:
    return [Warning_("Lot {lot} expired on {expiry}: {quantity} units are still in stock; "
                     "write them off as expired.",
                     {"lot": b.lot_code or "—", "expiry": b.expiry.isoformat()
                      if b.expiry else "—", "quantity": b.quantity})
            for b in balances
            if b.quantity > 0 and expiry_state(b.expiry, day) is ExpiryState.EXPIRED]


def take_out(session: Session, actor: Actor, *, center_id: str, item_id: str, quantity: int,
             reason: MovementReason | str, lot_id: str | None = None, note: str | None = None,
             when: datetime | None = None, **refs) -> MovementResult:
    """Take ``quantity`` units of an item at a center, first expiring lot first (or from
    ``lot_id``), inside the caller's transaction, which must hold the write lock. Refuses
    (:class:`~albergue_desktop.domain.stock.NotEnoughStock`) more than there is, and
    expired lots. ``refs``: person_id, household_id, dispensing_id, other_center_id."""
    reason = MovementReason(reason)
    if reason not in OUTBOUND:
        raise RuleViolation("Use a dispensing, a distribution, a transfer or a loss to take "
                            "stock out.")
    _check_quantity(quantity, note, reason)
    take_write_lock(session)
    item = _item(session, item_id)
    require_kind(actor, item.kind)
    when = when or clock.now()
    day = when.astimezone().date()
    balances = lot_balances(session, center_id, item_id)
    if lot_id is not None or reason is MovementReason.EXPIRY:
        chosen = [b for b in balances if b.lot_id == lot_id]
        have = chosen[0].quantity if chosen else 0
        if have < quantity:
            from ..domain.stock import NotEnoughStock
            raise NotEnoughStock(available=have, wanted=quantity, item=item.name,
                                 unit=item.unit)
        if reason is not MovementReason.EXPIRY and reason is not MovementReason.LOSS \
                and expiry_state(chosen[0].expiry, day) is ExpiryState.EXPIRED:
            raise RuleViolation("Lot {lot} expired on {expiry}: it is never handed out; write "
                                "it off as expired.", lot=chosen[0].lot_code or "—",
                                expiry=str(chosen[0].expiry))
        plan = [(chosen[0], quantity)]
    else:
        plan = fefo_plan(balances, quantity, day, item=item.name, unit=item.unit)
    ids = []
    for lot, units in plan:
        row = _movement(session, center_id=center_id, item=item, lot_id=lot.lot_id,
                        reason=reason, quantity=units, when=when, by=actor.username,
                        note=(note or "").strip() or None, **refs)
        ids.append(row.id)
    warnings = [] if reason is MovementReason.EXPIRY else _expired_warnings(balances, day)
    return MovementResult(tuple(ids), tuple(plan), tuple(warnings))


def take(db: Database, actor: Actor, **kwargs) -> MovementResult:
    """:func:`take_out` in its own transaction."""
    with db.session(actor.username) as session:
        return take_out(session, actor, **kwargs)


def write_off(db: Database, actor: Actor, *, center_id: str, item_id: str, quantity: int,
              lot_id: str | None, expired: bool = False, note: str | None = None,
              when: datetime | None = None) -> MovementResult:
    """A loss (with its reason) or an expired lot written off, from one lot."""
    reason = MovementReason.EXPIRY if expired else MovementReason.LOSS
    with db.session(actor.username) as session:
        if lot_id is None and not expired:
            return take_out(session, actor, center_id=center_id, item_id=item_id,
                            quantity=quantity, reason=reason, note=note, when=when)
        return take_out(session, actor, center_id=center_id, item_id=item_id,
                        quantity=quantity, reason=reason, lot_id=lot_id, note=note, when=when)


def count(db: Database, actor: Actor, *, center_id: str, item_id: str, lot_id: str | None,
          counted: int, note: str, when: datetime | None = None) -> MovementResult:
    """A physical count of one lot: an adjustment by the difference with the ledger (nothing
    when they agree). The count cannot be negative."""
    if not isinstance(counted, int) or counted < 0:
        raise ValidationError([FieldError("counted", "The count must be zero or more.")])
    if not (note or "").strip():
        raise ValidationError([FieldError("note", "Write the reason.")])
    with db.session(actor.username) as session:
        take_write_lock(session)
        item = _item(session, item_id)
        require_kind(actor, item.kind)
        have = next((b.quantity for b in lot_balances(session, center_id, item_id)
                     if b.lot_id == lot_id), 0)
        if counted == have:
            return MovementResult(())
        row = _movement(session, center_id=center_id, item=item, lot_id=lot_id,
                        reason=MovementReason.ADJUSTMENT, quantity=counted - have,
                        when=when or clock.now(), by=actor.username, note=note.strip())
        session.flush()
        return MovementResult((row.id,))
