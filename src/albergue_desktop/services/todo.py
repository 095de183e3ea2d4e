"""The to-do list: one mechanism every module feeds (Qt-free).

A module registers a *provider* under a key with the permission needed to see its items;
:func:`collect` runs, in one read snapshot, every provider the actor may use and returns
their items by key. The health desk (``ui/health/desk.py``) shows the health providers
(:mod:`.health_desk`); a home view can show any set of keys. The pharmacy registers its
low or expiring stock under :data:`STOCK` with the same call::

    todo.register(todo.STOCK, "Low or expiring stock", Permission.X, provider, order=60)

A provider is ``provider(session, query) -> Iterable[TodoItem]``: it reads with the session
(no writes) and returns items already labelled in the current language.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import IntEnum

from sqlmodel import Session

from ..domain import clock
from ..domain.permissions import Permission
from ..storage.db import Database
from .context import Actor

STOCK = "stock"  # the slot of the pharmacy's low or expiring stock


class Priority(IntEnum):
    URGENT = 0
    HIGH = 1
    NORMAL = 2
    LOW = 3


@dataclass(frozen=True)
class TodoItem:
    kind: str                  # the provider's key
    label: str                 # what to do, in the current language
    priority: Priority
    permission: Permission     # needed to see the item (checked again by collect)
    due: date | None = None
    person_id: str | None = None
    household_id: str | None = None
    folio: str | None = None
    name: str | None = None
    detail: str = ""           # a short second line (days left, destination...)


@dataclass(frozen=True)
class TodoQuery:
    actor: Actor
    center_id: str | None  # None: every center of the file
    today: date


Provider = Callable[[Session, TodoQuery], Iterable[TodoItem]]


@dataclass(frozen=True)
class ProviderEntry:
    key: str
    title: str            # English msgid of the section title (domain.i18n)
    permission: Permission
    provider: Provider
    order: int


_PROVIDERS: dict[str, ProviderEntry] = {}


def register(key: str, title: str, permission: Permission, provider: Provider, *,
             order: int = 100) -> None:
    """Add (or replace) the provider of ``key``."""
    _PROVIDERS[key] = ProviderEntry(key, title, permission, provider, order)


def providers(actor: Actor, keys: Iterable[str] | None = None) -> list[ProviderEntry]:
    """The providers the actor may use (of ``keys``, or all), in their order."""
    wanted = set(keys) if keys is not None else None
    return sorted((p for p in _PROVIDERS.values()
                   if actor.can(p.permission) and (wanted is None or p.key in wanted)),
                  key=lambda p: (p.order, p.key))


def sort_key(item: TodoItem) -> tuple:
    return (item.priority, item.due or date.max, item.name or "", item.folio or "")


def collect(db: Database, actor: Actor, *, center_id: str | None,
            today: date | None = None, keys: Iterable[str] | None = None,
            ) -> dict[str, list[TodoItem]]:
    """Every item the actor may see, by provider key (each list most urgent first). Keys of
    providers the actor may not use are absent; items needing a permission the actor lacks
    are dropped even if a provider returned them."""
    query = TodoQuery(actor, center_id, today or clock.today())
    out: dict[str, list[TodoItem]] = {}
    with db.read_session() as session:
        for entry in providers(actor, keys):
            items = [i for i in entry.provider(session, query) if actor.can(i.permission)]
            out[entry.key] = sorted(items, key=sort_key)
    return out
