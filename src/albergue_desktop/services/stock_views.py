"""What the stock screens and the to-do list read from the ledger: stock on hand per item and
lot, the movement history, and the low or expiring stock alerts. Reads only
(``Database.read_session``); permission per item kind (services/stock.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, col, select

from ..domain import clock
from ..domain.stock import ExpiryState, LotBalance, expiry_state, fefo_order
from ..storage.db import Database
from ..storage.tables import Center, StockItem, StockLot, StockMovement
from .context import Actor
from .stock import require_kind


@dataclass(frozen=True)
class ItemStock:
    item_id: str
    code: str
    name: str
    presentation: str
    unit: str
    low_stock: int | None
    lots: tuple[LotBalance, ...]  # lots with units on hand (or a negative balance), FEFO

    @property
    def quantity(self) -> int:
        return sum(b.quantity for b in self.lots)

    @property
    def usable(self) -> int:
        """Units in lots that are not expired (what can be handed out)."""
        today = clock.today()
        return sum(b.quantity for b in self.lots
                   if expiry_state(b.expiry, today) is not ExpiryState.EXPIRED)

    @property
    def low(self) -> bool:
        return self.low_stock is not None and self.usable <= self.low_stock

    def expiry_state(self, today: date | None = None) -> ExpiryState:
        """The worst state among the lots with stock."""
        today = today or clock.today()
        states = {expiry_state(b.expiry, today) for b in self.lots if b.quantity > 0}
        for state in (ExpiryState.EXPIRED, ExpiryState.SOON):
            if state in states:
                return state
        return ExpiryState.OK

    @property
    def negative(self) -> bool:
        """A balance below zero: only possible when two files wrote takes for the same
        center (docs/stock-ledger.md); it needs a count."""
        return any(b.quantity < 0 for b in self.lots)


def balances(db: Database, actor: Actor, center_id: str, kind: str, *,
             include_empty: bool = False) -> list[ItemStock]:
    """Stock on hand of every item of ``kind`` at a center, by name; items never stocked
    there are left out unless ``include_empty``."""
    require_kind(actor, kind)
    with db.read_session() as session:
        return balances_in(session, center_id, kind, include_empty=include_empty)


def balances_in(session: Session, center_id: str, kind: str, *,
                include_empty: bool = False) -> list[ItemStock]:
    """:func:`balances` inside an open read session (the caller checked the permission)."""
    items = {i.id: i for i in session.exec(select(StockItem).where(
        StockItem.kind == kind, StockItem.deleted == False))}  # noqa: E712
    rows = session.exec(
        select(StockMovement.item_id, StockMovement.lot_id, func.sum(StockMovement.quantity))
        .where(StockMovement.center_id == center_id,
               StockMovement.deleted == False)  # noqa: E712
        .group_by(col(StockMovement.item_id), col(StockMovement.lot_id))).all()
    lot_ids = [r[1] for r in rows if r[1] is not None]
    lots = {lot.id: lot for lot in session.exec(select(StockLot).where(
        StockLot.id.in_(lot_ids)))}  # type: ignore[attr-defined]
    per_item: dict[str, list[LotBalance]] = {}
    for item_id, lot_id, total in rows:
        if item_id not in items:
            continue
        lot = lots.get(lot_id) if lot_id else None
        per_item.setdefault(item_id, []).append(LotBalance(
            lot_id, lot.lot_code if lot else None, lot.expiry if lot else None, int(total)))
    out = []
    for item in items.values():
        held = per_item.get(item.id)
        if held is None and not include_empty:
            continue
        kept = tuple(fefo_order(b for b in held or () if b.quantity != 0))
        out.append(ItemStock(item.id, item.code, item.name, item.presentation, item.unit,
                             item.low_stock, kept))
    return sorted(out, key=lambda s: (s.name.casefold(), s.presentation.casefold()))


def items(db: Database, actor: Actor, kind: str) -> list[StockItem]:
    """The active items of ``kind``, by name."""
    require_kind(actor, kind)
    with db.read_session() as session:
        return list(session.exec(select(StockItem).where(
            StockItem.kind == kind, StockItem.deleted == False,  # noqa: E712
            StockItem.active == True).order_by(StockItem.name, StockItem.presentation)))  # noqa: E712


@dataclass(frozen=True)
class MovementRow:
    id: str
    moved_at: datetime
    moved_by: str
    item: str
    unit: str
    lot_code: str | None
    expiry: date | None
    quantity: int
    reason: str
    note: str | None
    other_center: str | None


def history(db: Database, actor: Actor, center_id: str, kind: str, *,
            item_id: str | None = None, limit: int = 500) -> list[MovementRow]:
    """The latest movements at a center (newest first). Names no person: a dispensing's
    patient is health data, read through services/pharmacy.py."""
    require_kind(actor, kind)
    with db.read_session() as session:
        query = (select(StockMovement, StockItem, StockLot, Center)
                 .join(StockItem, col(StockItem.id) == col(StockMovement.item_id))
                 .outerjoin(StockLot, col(StockLot.id) == col(StockMovement.lot_id))
                 .outerjoin(Center, col(Center.id) == col(StockMovement.other_center_id))
                 .where(StockMovement.center_id == center_id, StockItem.kind == kind,
                        StockMovement.deleted == False)  # noqa: E712
                 .order_by(StockMovement.moved_at.desc(), StockMovement.id.desc())  # type: ignore[attr-defined]
                 .limit(limit))
        if item_id is not None:
            query = query.where(StockMovement.item_id == item_id)
        rows = session.exec(query).all()
    return [MovementRow(m.id, m.moved_at, m.moved_by, f"{i.name} {i.presentation}".strip(),
                        i.unit, lot.lot_code if lot else None, lot.expiry if lot else None,
                        m.quantity, m.reason, m.note, f"{c.code} · {c.name}" if c else None)
            for m, i, lot, c in rows]


@dataclass(frozen=True)
class StockAlert:
    """One line of a to-do list: an item running low, a lot expiring soon or expired, or a
    negative balance to count."""

    kind: str  # low | soon | expired | negative
    center_id: str
    item_id: str
    item: str
    lot_code: str | None
    expiry: date | None
    quantity: int
    threshold: int | None = None


def alerts(db: Database, actor: Actor, center_id: str, kind: str,
           today: date | None = None) -> list[StockAlert]:
    """Low, expiring and expired stock at a center: expired first, then expiring (soonest
    first), then low, then negative balances."""
    require_kind(actor, kind)
    with db.read_session() as session:
        return alerts_in(session, center_id, kind, today)


def alerts_in(session: Session, center_id: str, kind: str,
              today: date | None = None) -> list[StockAlert]:
    """:func:`alerts` inside an open read session (the caller checked the permission)."""
    today = today or clock.today()
    found: list[StockAlert] = []
    for s in balances_in(session, center_id, kind):
        name = f"{s.name} {s.presentation}".strip()
        for b in s.lots:
            state = expiry_state(b.expiry, today)
            if b.quantity < 0:
                found.append(StockAlert("negative", center_id, s.item_id, name, b.lot_code,
                                        b.expiry, b.quantity))
            elif b.quantity > 0 and state in (ExpiryState.EXPIRED, ExpiryState.SOON):
                found.append(StockAlert(str(state), center_id, s.item_id, name, b.lot_code,
                                        b.expiry, b.quantity))
        if s.low:
            found.append(StockAlert("low", center_id, s.item_id, name, None, None, s.usable,
                                    s.low_stock))
    order = {"expired": 0, "soon": 1, "low": 2, "negative": 3}
    return sorted(found, key=lambda a: (order[a.kind], a.expiry or date.max, a.item))
