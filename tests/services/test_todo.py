"""The to-do mechanism: providers register with a permission; collect runs those the actor
may use and drops items needing a permission the actor lacks; the desk shows the pharmacy's
stock slot once a provider is registered there."""

from __future__ import annotations

from datetime import date

import pytest

from albergue_desktop.domain.permissions import Permission
from albergue_desktop.services import health_desk, todo
from albergue_desktop.services.context import Actor
from albergue_desktop.services.todo import Priority, TodoItem


@pytest.fixture
def stock_provider():
    seen = []

    def provider(session, query):
        seen.append(query)
        yield TodoItem(todo.STOCK, "Paracetamol 500 mg: 12 tabletas", Priority.HIGH,
                       Permission.VIEW_HEALTH, date(2022, 2, 1), detail="lote L1")
        yield TodoItem(todo.STOCK, "hidden", Priority.URGENT, Permission.MANAGE_USERS)

    before = todo._PROVIDERS.get(todo.STOCK)  # the pharmacy's own provider
    todo.register(todo.STOCK, "Low or expiring stock", Permission.VIEW_HEALTH, provider,
                  order=60)
    yield seen
    todo._PROVIDERS.pop(todo.STOCK, None)
    if before is not None:
        todo._PROVIDERS[todo.STOCK] = before


def test_the_stock_slot_fills_when_registered(db, center, stock_provider):
    nurse = Actor("salud", "salud", center.id)
    sections = health_desk.desk(db, nurse, center_id=center.id, today=date(2022, 1, 15))
    keys = [k for k, _t, _i in sections]
    assert keys[-1] == todo.STOCK and keys.index("referrals") < keys.index(todo.STOCK)
    title, items = next((t, i) for k, t, i in sections if k == todo.STOCK)
    assert title == "Existencias bajas o por caducar"
    assert [i.label for i in items] == ["Paracetamol 500 mg: 12 tabletas"]  # not "hidden"
    assert stock_provider[0].center_id == center.id
    assert stock_provider[0].today == date(2022, 1, 15)


def test_collect_skips_providers_the_actor_may_not_use(db, center, stock_provider):
    out = todo.collect(db, Actor("r", "registro"), center_id=center.id)
    assert out == {}
    only = todo.collect(db, Actor("s", "salud"), center_id=center.id, keys=[todo.STOCK])
    assert list(only) == [todo.STOCK]
