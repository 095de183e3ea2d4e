"""Stock lines for a to-do list (the health desk's, the warehouse's): expired lots to write
off, lots expiring soon, items running low and negative balances, at one center, as plain
items a to-do mechanism can show. A provider function: it takes the database, the actor and
the center, and returns the items (none for a kind the actor does not manage)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from ..domain import clock
from ..domain.i18n import translate
from ..domain.permissions import Permission
from ..domain.stock import ItemKind
from ..storage.db import Database
from ..storage.tables import StockMovement
from . import todo
from .context import Actor
from .stock import can_manage
from .stock_views import alerts, alerts_in

PRIORITY = {"expired": 1, "negative": 1, "soon": 2, "low": 2}  # 1: act today


@dataclass(frozen=True)
class StockTodo:
    kind: str  # expired | soon | low | negative
    priority: int
    title: str  # in the current language
    detail: str
    center_id: str
    item_id: str
    due: date | None  # the expiry, when there is one


def _text(alert) -> tuple[str, str]:
    lot = alert.lot_code or "—"
    expiry = alert.expiry.strftime("%d/%m/%Y") if alert.expiry else ""
    if alert.kind == "expired":
        return (translate("Expired stock to write off: {item}", item=alert.item),
                translate("Lot {lot} expired on {expiry}; {quantity} units left.", lot=lot,
                          expiry=expiry, quantity=alert.quantity))
    if alert.kind == "soon":
        return (translate("Stock expiring soon: {item}", item=alert.item),
                translate("Lot {lot} expires on {expiry}; {quantity} units left.", lot=lot,
                          expiry=expiry, quantity=alert.quantity))
    if alert.kind == "low":
        return (translate("Low stock: {item}", item=alert.item),
                translate("{quantity} usable units (warning at {threshold}).",
                          quantity=alert.quantity, threshold=alert.threshold))
    return (translate("Stock count needed: {item}", item=alert.item),
            translate("Lot {lot} shows {quantity} units after a merge; count it.", lot=lot,
                      quantity=alert.quantity))


def stock_todo(db: Database, actor: Actor, center_id: str, *,
               today: date | None = None,
               kinds: tuple[str, ...] = (ItemKind.MEDICINE, ItemKind.SUPPLY)) -> list[StockTodo]:
    """The stock to-do items of a center for the kinds of stock ``actor`` manages, most
    urgent first."""
    found = []
    for kind in kinds:
        if not can_manage(actor, kind):
            continue
        for alert in alerts(db, actor, center_id, kind, today=today or clock.today()):
            title, detail = _text(alert)
            found.append(StockTodo(alert.kind, PRIORITY[alert.kind], title, detail,
                                   center_id, alert.item_id, alert.expiry))
    return sorted(found, key=lambda t: (t.priority, t.due or date.max, t.title))


_TODO_PRIORITY = {1: todo.Priority.HIGH, 2: todo.Priority.NORMAL}


def _medicine_provider(session: Session, query: todo.TodoQuery) -> Iterable[todo.TodoItem]:
    """The health desk's slot: the pharmacy's alerts at the query's center (or at every
    center holding medicines when the desk shows the whole file)."""
    if query.center_id is not None:
        centers = [query.center_id]
    else:
        centers = list(session.exec(select(StockMovement.center_id).distinct()))
    for center_id in centers:
        for alert in alerts_in(session, center_id, ItemKind.MEDICINE, query.today):
            title, detail = _text(alert)
            yield todo.TodoItem(todo.STOCK, title, _TODO_PRIORITY[PRIORITY[alert.kind]],
                                Permission.PHARMACY, alert.expiry, detail=detail)


todo.register(todo.STOCK, "Low or expiring stock", Permission.PHARMACY, _medicine_provider,
              order=60)
