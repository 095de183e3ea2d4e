"""Transfers of stock between centers: sent by one center, received by the other.

The sending center writes ``transfer_out`` movements (one per lot taken, first expiring
first) naming the receiving center; they travel to it through the central file. The
receiving center writes one ``transfer_in`` per movement sent (``counterpart_id``), with the
units that arrived (fewer, with a note, when some were lost on the way). Each center writes
only its own movements, so the two halves never conflict (docs/stock-ledger.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy.orm import aliased
from sqlmodel import col, select

from ..domain import clock
from ..domain.errors import FieldError, NotFoundError, RuleViolation, ValidationError
from ..domain.stock import MovementReason
from ..storage.db import Database
from ..storage.tables import Center, StockItem, StockLot, StockMovement
from .context import Actor
from .stays import take_write_lock
from .stock import MovementResult, _center, _item, require_kind, take_out


def send(db: Database, actor: Actor, *, from_center_id: str, to_center_id: str, item_id: str,
         quantity: int, lot_id: str | None = None, note: str | None = None,
         when: datetime | None = None) -> MovementResult:
    """Send ``quantity`` units to another center (first expiring lots first, or ``lot_id``);
    refused when there is not enough."""
    if from_center_id == to_center_id:
        raise RuleViolation("A transfer goes to another center.")
    with db.session(actor.username) as session:
        _center(session, to_center_id)
        return take_out(session, actor, center_id=from_center_id, item_id=item_id,
                        quantity=quantity, reason=MovementReason.TRANSFER_OUT, lot_id=lot_id,
                        note=note, when=when, other_center_id=to_center_id)


@dataclass(frozen=True)
class PendingTransfer:
    """Units sent to a center that it has not received yet (one lot)."""

    sent_id: str
    from_center_id: str
    from_center: str
    item_id: str
    item: str
    unit: str
    lot_code: str | None
    expiry: date | None
    quantity: int
    sent_at: datetime
    sent_by: str


def pending(db: Database, actor: Actor, center_id: str, *,
            kind: str | None = None) -> list[PendingTransfer]:
    """What other centers sent to ``center_id`` that it has not received, oldest first (only
    the kinds of stock the actor manages)."""
    received = aliased(StockMovement)
    with db.read_session() as session:
        query = (select(StockMovement, StockItem, StockLot, Center)
                 .join(StockItem, col(StockItem.id) == col(StockMovement.item_id))
                 .join(Center, col(Center.id) == col(StockMovement.center_id))
                 .outerjoin(StockLot, col(StockLot.id) == col(StockMovement.lot_id))
                 .where(StockMovement.reason == str(MovementReason.TRANSFER_OUT),
                        StockMovement.other_center_id == center_id,
                        StockMovement.deleted == False,  # noqa: E712
                        ~select(received.id).where(received.counterpart_id == StockMovement.id,
                                                   received.deleted == False)  # noqa: E712
                        .exists())
                 .order_by(col(StockMovement.moved_at)))
        if kind is not None:
            query = query.where(StockItem.kind == kind)
        rows = session.exec(query).all()
    from .stock import can_manage
    return [PendingTransfer(m.id, m.center_id, f"{c.code} · {c.name}", i.id, i.name, i.unit,
                            lot.lot_code if lot else None, lot.expiry if lot else None,
                            -m.quantity, m.moved_at, m.moved_by)
            for m, i, lot, c in rows if can_manage(actor, i.kind)]


def receive_sent(db: Database, actor: Actor, *, sent_id: str, quantity: int | None = None,
                 note: str | None = None, when: datetime | None = None) -> MovementResult:
    """Record the arrival of a transfer at its receiving center: all the units sent, or
    ``quantity`` (fewer, with a note saying what happened to the rest)."""
    with db.session(actor.username) as session:
        take_write_lock(session)
        sent = session.get(StockMovement, sent_id)
        if sent is None or sent.deleted or sent.reason != MovementReason.TRANSFER_OUT \
                or sent.other_center_id is None:
            raise NotFoundError("transfer", sent_id)
        item = _item(session, sent.item_id)
        require_kind(actor, item.kind)
        already = session.exec(select(StockMovement.id).where(
            StockMovement.counterpart_id == sent_id,
            StockMovement.deleted == False)).first()  # noqa: E712
        if already is not None:
            raise RuleViolation("This transfer was already received.")
        units = -sent.quantity if quantity is None else quantity
        errors = []
        if not isinstance(units, int) or units < 0 or units > -sent.quantity:
            errors.append(FieldError("quantity", "Between 0 and {sent} units were sent.",
                                     {"sent": -sent.quantity}))
        elif units < -sent.quantity and not (note or "").strip():
            errors.append(FieldError("note", "Say what happened to the units that did not "
                                     "arrive."))
        if errors:
            raise ValidationError(errors)
        row = StockMovement(center_id=sent.other_center_id, item_id=sent.item_id,
                            lot_id=sent.lot_id, quantity=units,
                            reason=str(MovementReason.TRANSFER_IN),
                            moved_at=when or clock.now(), moved_by=actor.username,
                            note=(note or "").strip() or None, other_center_id=sent.center_id,
                            counterpart_id=sent.id)
        session.add(row)
        session.flush()
        return MovementResult((row.id,))
