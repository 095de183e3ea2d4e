"""The stock ledger (services/stock.py): receive, first-expiring-first-out takes, refusals,
write-offs, counts, transfers, permissions."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from sqlmodel import select

from albergue_desktop.domain import clock
from albergue_desktop.domain.errors import PermissionDenied, RuleViolation, ValidationError
from albergue_desktop.domain.permissions import Permission
from albergue_desktop.domain.stock import ExpiredStockOnly, NotEnoughStock
from albergue_desktop.services import centers, stock, stock_transfers, stock_views
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import StockMovement

NURSE = Actor("enfermera", "salud")
WHEN = datetime(2022, 1, 10, 17, 0, tzinfo=timezone.utc)
TODAY = date(2022, 1, 10)


@pytest.fixture
def paracetamol(db):
    with db.session("system") as session:
        item = stock.ensure_item(session, code="paracetamol-tab-500", kind="medicine",
                                 name="Paracetamol", presentation="tableta 500 mg",
                                 unit="tableta", low_stock=50)
        return item.id


@pytest.fixture(autouse=True)
def _day():
    with clock.frozen(TODAY):
        yield


def _receive(db, center, item, qty, lot, expiry, **kw):
    return stock.receive(db, NURSE, center_id=center.id, item_id=item, quantity=qty,
                         lot_code=lot, expiry=expiry, when=WHEN, **kw)


def _stock(db, center, item):
    return {b.lot_code: b.quantity for s in stock_views.balances(db, NURSE, center.id, "medicine")
            if s.item_id == item for b in s.lots}


def test_takes_come_from_the_first_expiring_lot(db, center, paracetamol):
    _receive(db, center, paracetamol, 100, "L-LATE", date(2023, 6, 30))
    _receive(db, center, paracetamol, 30, "L-EARLY", date(2022, 5, 31))
    _receive(db, center, paracetamol, 20, "L-MID", date(2022, 9, 30))
    result = stock.take(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=40,
                        reason="dispense_out", when=WHEN)
    assert [(lot.lot_code, n) for lot, n in result.taken] == [("L-EARLY", 30), ("L-MID", 10)]
    assert _stock(db, center, paracetamol) == {"L-LATE": 100, "L-MID": 10}
    assert len(result.movement_ids) == 2


def test_more_than_there_is_is_refused_and_nothing_is_written(db, center, paracetamol):
    _receive(db, center, paracetamol, 10, "L1", date(2023, 1, 31))
    with pytest.raises(NotEnoughStock) as caught:
        stock.take(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=11,
                   reason="dispense_out", when=WHEN)
    assert "Solo hay 10 tableta de Paracetamol" in str(caught.value)
    assert _stock(db, center, paracetamol) == {"L1": 10}
    with db.read_session() as session:
        assert len(session.exec(select(StockMovement)).all()) == 1


def test_expired_lots_are_never_handed_out_and_are_warned(db, center, paracetamol):
    _receive(db, center, paracetamol, 10, "OLD", date(2022, 2, 28))
    _receive(db, center, paracetamol, 5, "NEW", date(2023, 2, 28))
    later = datetime(2022, 3, 15, 17, tzinfo=timezone.utc)
    with pytest.raises(ExpiredStockOnly):
        stock.take(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=8,
                   reason="dispense_out", when=later)
    result = stock.take(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=3,
                        reason="dispense_out", when=later)
    assert [lot.lot_code for lot, _ in result.taken] == ["NEW"]
    assert any("OLD" in w.message() and "venció" in w.message() for w in result.warnings)
    lot_id = next(lot.lot_id for s in stock_views.balances(db, NURSE, center.id, "medicine")
                  for lot in s.lots if lot.lot_code == "OLD")
    with pytest.raises(RuleViolation):
        stock.take(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=1,
                   reason="dispense_out", lot_id=lot_id, when=later)
    stock.write_off(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=10,
                    lot_id=lot_id, expired=True, when=later)
    assert _stock(db, center, paracetamol) == {"NEW": 2}


def test_a_medicine_needs_lot_and_expiry_and_an_expired_lot_is_not_received(db, center,
                                                                              paracetamol):
    with pytest.raises(ValidationError):
        _receive(db, center, paracetamol, 10, "", date(2023, 1, 1))
    with pytest.raises(ValidationError):
        _receive(db, center, paracetamol, 10, "L1", None)
    with pytest.raises(RuleViolation):
        _receive(db, center, paracetamol, 10, "L0", date(2021, 12, 31))
    with pytest.raises(ValidationError):
        _receive(db, center, paracetamol, 0, "L1", date(2023, 1, 1))


def test_a_short_dated_donation_is_warned(db, center, paracetamol):
    result = _receive(db, center, paracetamol, 10, "SHORT", date(2022, 6, 30))
    assert result.warnings and "menos de un año" in result.warnings[0].message()
    assert not _receive(db, center, paracetamol, 10, "LONG", date(2023, 6, 30)).warnings


def test_the_same_lot_with_another_expiry_is_refused(db, center, paracetamol):
    _receive(db, center, paracetamol, 10, "L1", date(2023, 1, 31))
    with pytest.raises(RuleViolation):
        _receive(db, center, paracetamol, 10, "l1", date(2023, 3, 31))


def test_loss_needs_a_reason_and_count_adjusts_by_the_difference(db, center, paracetamol):
    _receive(db, center, paracetamol, 10, "L1", date(2023, 1, 31))
    lot_id = stock.lot_id_for(paracetamol, "L1")
    with pytest.raises(ValidationError):
        stock.write_off(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=2,
                        lot_id=lot_id, when=WHEN)
    stock.write_off(db, NURSE, center_id=center.id, item_id=paracetamol, quantity=2,
                    lot_id=lot_id, note="frasco roto", when=WHEN)
    stock.count(db, NURSE, center_id=center.id, item_id=paracetamol, lot_id=lot_id, counted=5,
                note="inventario mensual", when=WHEN)
    assert _stock(db, center, paracetamol) == {"L1": 5}
    assert stock.count(db, NURSE, center_id=center.id, item_id=paracetamol, lot_id=lot_id,
                       counted=5, note="otra vez").movement_ids == ()


def test_permissions_follow_the_item_kind(db, center, paracetamol):
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            _receive_as(db, center, paracetamol, Actor("x", role))
    with db.session("system") as session:
        blanket = stock.ensure_item(session, code="cobija", kind="supply", name="Cobija",
                                    unit="pieza").id
    stock.receive(db, Actor("coord", "coordinacion"), center_id=center.id, item_id=blanket,
                  quantity=5, when=WHEN)
    with pytest.raises(PermissionDenied):
        stock.receive(db, NURSE, center_id=center.id, item_id=blanket, quantity=5, when=WHEN)
    with pytest.raises(PermissionDenied):
        stock_views.balances(db, Actor("r", "registro"), center.id, "medicine")


def _receive_as(db, center, item, actor):
    return stock.receive(db, actor, center_id=center.id, item_id=item, quantity=1,
                         lot_code="X", expiry=date(2023, 1, 1), when=WHEN)


def test_a_transfer_is_sent_then_received(db, center, paracetamol):
    other = centers.create_center(db, SYSTEM, code="07", name="Centro Comunitario 7")
    _receive(db, center, paracetamol, 30, "L1", date(2022, 8, 31))
    _receive(db, center, paracetamol, 30, "L2", date(2023, 8, 31))
    with pytest.raises(NotEnoughStock):
        stock_transfers.send(db, NURSE, from_center_id=center.id, to_center_id=other.id,
                             item_id=paracetamol, quantity=61, when=WHEN)
    sent = stock_transfers.send(db, NURSE, from_center_id=center.id, to_center_id=other.id,
                                item_id=paracetamol, quantity=40, when=WHEN)
    assert _stock(db, center, paracetamol) == {"L2": 20}
    waiting = stock_transfers.pending(db, NURSE, other.id)
    assert [(p.lot_code, p.quantity) for p in waiting] == [("L1", 30), ("L2", 10)]
    assert {p.sent_id for p in waiting} == set(sent.movement_ids)
    with pytest.raises(ValidationError):   # fewer without saying why
        stock_transfers.receive_sent(db, NURSE, sent_id=waiting[1].sent_id, quantity=8)
    stock_transfers.receive_sent(db, NURSE, sent_id=waiting[0].sent_id)
    stock_transfers.receive_sent(db, NURSE, sent_id=waiting[1].sent_id, quantity=8,
                                 note="dos blísteres mojados")
    with pytest.raises(RuleViolation):
        stock_transfers.receive_sent(db, NURSE, sent_id=waiting[0].sent_id)
    assert stock_transfers.pending(db, NURSE, other.id) == []
    assert _stock(db, other, paracetamol) == {"L1": 30, "L2": 8}


def test_alerts_name_expired_expiring_and_low_stock(db, center, paracetamol):
    _receive(db, center, paracetamol, 20, "SOON", date(2022, 2, 15))
    _receive(db, center, paracetamol, 20, "OK", date(2023, 2, 15))
    found = stock_views.alerts(db, NURSE, center.id, "medicine", today=TODAY)
    assert [(a.kind, a.lot_code) for a in found] == [("soon", "SOON"), ("low", None)]
    assert found[1].quantity == 40 and found[1].threshold == 50
    history = stock_views.history(db, NURSE, center.id, "medicine")
    assert [h.lot_code for h in history] and all(h.quantity == 20 for h in history)


def test_the_to_do_provider_lists_expired_and_low_stock_for_who_manages_it(db, center,
                                                                           paracetamol):
    from albergue_desktop.services.stock_todo import stock_todo
    _receive(db, center, paracetamol, 12, "OLD", date(2022, 3, 1))
    later = date(2022, 3, 10)
    items = stock_todo(db, NURSE, center.id, today=later)
    assert [(t.kind, t.priority) for t in items] == [("expired", 1), ("low", 2)]
    assert items[0].title == "Existencia caducada por dar de baja: Paracetamol tableta 500 mg"
    assert "quedan 12 unidades" in items[0].detail
    assert stock_todo(db, Actor("r", "registro"), center.id, today=later) == []


def test_the_health_desk_lists_expired_and_low_stock(db, center, paracetamol):
    from albergue_desktop.services import health_desk, todo

    _receive(db, center, paracetamol, 20, "L-OLD", date(2022, 3, 1))
    nurse = Actor("enfermera", "salud", center.id)
    sections = {k: items for k, _t, items in health_desk.desk(db, nurse, center_id=center.id,
                                                              today=date(2022, 4, 1))}
    labels = [i.label for i in sections[todo.STOCK]]
    assert any("Paracetamol" in label for label in labels)
    assert all(i.permission is Permission.PHARMACY for i in sections[todo.STOCK])
    # supervision holds PHARMACY too; a coordinator sees no health desk at all
    with pytest.raises(PermissionDenied):
        health_desk.desk(db, Actor("c", "coordinacion", center.id), center_id=center.id)
