"""Supplies (services/supplies.py): the catalog and kits, donations on the ledger,
distributions (repeat warned, never negative, all or nothing), suggestions by household,
meals, WASH shortfalls, permissions."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from factories import member
from sqlmodel import select

from albergue_desktop.domain import clock
from albergue_desktop.domain import supplies as sd
from albergue_desktop.domain.errors import PermissionDenied, ValidationError
from albergue_desktop.domain.stock import NotEnoughStock
from albergue_desktop.services import people, stock_views, supplies
from albergue_desktop.services.context import Actor
from albergue_desktop.services.stock import item_id_for
from albergue_desktop.storage.tables import Distribution, StockMovement

COORD = Actor("coord", "coordinacion")
NURSE = Actor("enfermera", "salud")
INTAKE = Actor("registro1", "registro")
TODAY = date(2022, 1, 10)
WHEN = datetime(2022, 1, 10, 17, 0, tzinfo=timezone.utc)


@pytest.fixture(autouse=True)
def _day():
    with clock.frozen(TODAY):
        yield


@pytest.fixture
def family(db, center):
    reg = people.register_household(db, Actor("registro1", "registro", center.id),
                                    center_id=center.id, today=TODAY, members=[
        member(given="Marie", birth=date(1992, 3, 1)),
        member(given="Jean", sex="M", birth=date(1990, 1, 1), relationship="spouse"),
        member(given="Bébé", birth=date(2021, 9, 1), relationship="child"),
        member(given="Paul", sex="M", birth=date(2016, 2, 1), relationship="child")])
    return reg


def _stocked(db, center, **quantities):
    supplies.load_catalog(db, COORD)
    lines = [supplies.DonationLine(item_id_for(code.replace("_", "-")), qty)
             for code, qty in quantities.items()]
    donation_id, _w = supplies.record_donation(
        db, COORD, center_id=center.id, received_on=TODAY, donor_kind="partner",
        donor="ACNUR", lines=lines, value_mxn=1500.0, when=WHEN - timedelta(days=30))
    return donation_id


def _on_hand(db, center, code):
    rows = stock_views.balances(db, COORD, center.id, "supply")
    return next((r.quantity for r in rows if r.item_id == item_id_for(code)), 0)


def test_the_catalog_loads_once_with_derived_ids(db, center):
    assert supplies.load_catalog(db, COORD) == len(sd.SUPPLIES)
    assert supplies.load_catalog(db, COORD) == 0
    names = {i.name for i in supplies.supply_items(db, COORD)}
    assert "Cobija" in names and "Pañal etapa 4 (1–2 años)" in names
    for kit in sd.KITS:  # every kit line names a catalog item (or a size resolved by age)
        for line in kit.lines:
            assert line.code in sd.SUPPLY_BY_CODE or line.code in ("panal", "ropa")


def test_a_donation_is_ledger_movements_naming_it(db, center):
    donation_id = _stocked(db, center, cobija=100, despensa=20)
    view = supplies.donation(db, COORD, donation_id)
    assert view.donor_label.startswith("ACNUR")
    assert {(n, q) for n, _u, q in view.lines} == {("Cobija", 100), ("Despensa", 20)}
    assert view.units == 120
    assert _on_hand(db, center, "cobija") == 100
    with db.read_session() as session:
        reasons = {m.reason for m in session.exec(select(StockMovement))}
    assert reasons == {"donation_in"}


def test_a_donation_needs_a_known_partner_items_and_a_past_date(db, center):
    supplies.load_catalog(db, COORD)
    with pytest.raises(ValidationError) as caught:
        supplies.record_donation(db, COORD, center_id=center.id,
                                 received_on=TODAY + timedelta(days=1), donor_kind="partner",
                                 donor="NADIE", lines=[])
    fields = {e.field for e in caught.value.errors}
    assert fields == {"donor", "received_on", "lines"}


def test_a_repeat_inside_the_period_is_warned_then_recorded_when_confirmed(db, center, family):
    _stocked(db, center, despensa=10)
    line = [supplies.DistributionLine(item_id_for("despensa"), 1)]
    kw = dict(center_id=center.id, person_id=family.person_ids[0], lines=line,
              kit_code="despensa")
    supplies.distribute(db, COORD, when=WHEN - timedelta(days=3), **kw)
    with pytest.raises(supplies.RepeatDistribution) as caught:  # another member, same household
        supplies.distribute(db, COORD, when=WHEN, **{**kw, "person_id": family.person_ids[1]})
    assert "Despensa" in str(caught.value) and "7 días" in str(caught.value)
    assert _on_hand(db, center, "despensa") == 9  # nothing written
    result = supplies.distribute(db, COORD, when=WHEN, confirm_repeat=True, **kw)
    assert _on_hand(db, center, "despensa") == 8
    with db.read_session() as session:
        d = session.get(Distribution, result.distribution_id)
        assert d.repeat_confirmed == "Despensa" and d.household_id == family.household_id
    # outside the period: no warning
    supplies.distribute(db, COORD, when=WHEN + timedelta(days=8), **kw)
    # a shorter configured period
    supplies.distribute(db, COORD, when=WHEN + timedelta(days=10), repeat_days=1, **kw)


def test_a_distribution_never_goes_negative_and_writes_nothing_when_refused(db, center, family):
    _stocked(db, center, jabon=10, cobija=1)
    lines = [supplies.DistributionLine(item_id_for("jabon"), 4),
             supplies.DistributionLine(item_id_for("cobija"), 2)]
    with pytest.raises(NotEnoughStock):
        supplies.distribute(db, COORD, center_id=center.id, person_id=family.person_ids[0],
                            lines=lines, when=WHEN)
    assert _on_hand(db, center, "jabon") == 10 and _on_hand(db, center, "cobija") == 1
    with db.read_session() as session:
        assert session.exec(select(Distribution)).all() == []


def test_the_household_suggests_kit_quantities_by_size_and_ages(db, center, family):
    r = supplies.recipient(db, COORD, family.person_ids[2])
    assert r.size == 4 and r.household_id == family.household_id
    got = {code: q for code, q, _why in supplies.suggest(r, "kit-bebe", TODAY)}
    assert got == {item_id_for("panal-2"): sd.DIAPERS_PER_WEEK,  # 4 months old
                   item_id_for("toallitas-humedas"): 1,
                   item_id_for("formula-lactea"): sd.FORMULA_TINS_PER_WEEK}
    aseo = {code: q for code, q, _why in supplies.suggest(r, "kit-aseo", TODAY)}
    assert aseo[item_id_for("jabon")] == 4 and aseo[item_id_for("toalla-sanitaria")] == 2
    ropa = {code: q for code, q, _why in supplies.suggest(r, "kit-ropa", TODAY)}
    assert ropa[item_id_for("ropa-bebe")] == 2 and ropa[item_id_for("ropa-nino-3-5")] == 2


def test_the_recipient_shows_what_the_household_received(db, center, family):
    _stocked(db, center, despensa=5, jabon=10)
    supplies.distribute(db, COORD, center_id=center.id, person_id=family.person_ids[0],
                        lines=[supplies.DistributionLine(item_id_for("jabon"), 4)],
                        kit_code="kit-aseo", when=WHEN)
    r = supplies.recipient(db, COORD, family.person_ids[3])
    assert [(x.item, x.quantity, x.kit_code) for x in r.received] == [
        ("Jabón de tocador", 4, "kit-aseo")]


def test_permissions(db, center, family):
    supplies.load_catalog(db, COORD)
    for actor in (NURSE, INTAKE):
        with pytest.raises(PermissionDenied):
            supplies.load_catalog(db, actor)
        with pytest.raises(PermissionDenied):
            supplies.distribute(db, actor, center_id=center.id, person_id=family.person_ids[0],
                                lines=[supplies.DistributionLine(item_id_for("jabon"), 1)])
        with pytest.raises(PermissionDenied):
            supplies.record_donation(db, actor, center_id=center.id, received_on=TODAY,
                                     donor_kind="person", donor="Ana",
                                     lines=[supplies.DistributionLine(item_id_for("jabon"), 1)])
        with pytest.raises(PermissionDenied):
            supplies.record_meals(db, actor, center_id=center.id, day=TODAY,
                                  service="lunch", served=10)


def test_meals_default_to_the_present_count_and_a_second_record_corrects(db, center):
    assert supplies.present_count(db, COORD, center.id) == 0
    a = supplies.record_meals(db, COORD, center_id=center.id, day=TODAY, service="lunch",
                              served=120, provider="SEDENA", present=118, infants=3)
    b = supplies.record_meals(db, COORD, center_id=center.id, day=TODAY, service="lunch",
                              served=125, provider="SEDENA", present=118, infants=3)
    assert a == b
    rows = supplies.meals(db, COORD, center_id=center.id)
    assert [(m.service, m.served) for m in rows] == [("lunch", 125)]
    with pytest.raises(ValidationError):
        supplies.record_meals(db, COORD, center_id=center.id, day=TODAY, service="brunch",
                              served=-1)


def test_wash_shortfalls_follow_sphere():
    out = sd.wash_shortfalls(100, toilets=4, showers=2, water_points=1, litres_per_day=1000)
    texts = " ".join(s.msgid for s in out)
    assert "toilet" in texts and "litres" in texts
    assert not sd.wash_shortfalls(100, toilets=5, showers=2, water_points=1,
                                  litres_per_day=1500)
    assert sd.wash_shortfalls(0, toilets=0, showers=0, water_points=0, litres_per_day=0) == []
