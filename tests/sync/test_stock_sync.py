"""The stock ledger merges without conflicts: any sequence of movements at two centers
(receipts, takes refused or not, transfers sent and received, losses), merged into central
files in any order and any number of times through the real sync merge, gives the same stock
everywhere, equal to what each center's own file says, and never negative."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from albergue_desktop.domain.stock import NotEnoughStock
from albergue_desktop.services import stock, stock_transfers
from albergue_desktop.services.context import Actor
from albergue_sync import merge_files

from factories import copy_db
from sync_helpers import ClockedDatabase

NURSE = Actor("enfermera", "salud")
WHEN = datetime(2022, 1, 10, 17, tzinfo=timezone.utc)
ITEMS = ("paracetamol-tab-500", "amoxicilina-cap-500")
LOTS = (("A1", date(2023, 3, 31)), ("B2", date(2023, 9, 30)), ("C3", date(2024, 1, 31)))

op = st.one_of(
    st.tuples(st.just("receive"), st.integers(0, 1), st.integers(0, 1), st.integers(0, 2),
              st.integers(1, 30)),
    st.tuples(st.just("take"), st.integers(0, 1), st.integers(0, 1), st.integers(1, 40)),
    st.tuples(st.just("send"), st.integers(0, 1), st.integers(0, 1), st.integers(1, 25)),
    st.tuples(st.just("sync"), st.integers(0, 1)),
    st.tuples(st.just("arrive"), st.integers(0, 1), st.integers(0, 5)),
)


def ledger(path: Path) -> dict[tuple[str, str, str | None], int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {(c, i, lot): q for c, i, lot, q in conn.execute(
            "SELECT center_id, item_id, lot_id, sum(quantity) FROM stock_movement "
            "WHERE deleted = 0 GROUP BY center_id, item_id, lot_id")}
    finally:
        conn.close()


def conflicts(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM sync_conflict").fetchone()[0]
    finally:
        conn.close()


def own(stock_of: dict, center_id: str) -> dict:
    return {k: v for k, v in stock_of.items() if k[0] == center_id}


@pytest.fixture(scope="module")
def stock_templates(center_templates, tmp_path_factory):
    """Centers 01 and 02 that know each other (each pulled the other) and hold the same
    catalog, built once."""
    folder = tmp_path_factory.mktemp("stock_centers")
    dbs = []
    for code in ("01", "02"):
        copy_db(center_templates / f"c{code}.sqlite", folder / f"c{code}.sqlite")
        db = ClockedDatabase.open(folder / f"c{code}.sqlite")
        with db.session("system") as session:
            for code_ in ITEMS:
                stock.ensure_item(session, code=code_, kind="medicine", name=code_,
                                  unit="tableta")
        dbs.append(db)
    merge_files(dbs[0].path, [dbs[1].path])
    merge_files(dbs[1].path, [dbs[0].path])
    for db in dbs:
        db.close()
    return folder


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(ops=st.lists(op, max_size=14), order=st.permutations([0, 1]))
def test_any_movements_merged_in_any_order_give_the_same_stock(stock_templates, ops, order):
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        dbs, centers = [], []
        for code in ("01", "02"):
            copy_db(stock_templates / f"c{code}.sqlite", work / f"c{code}.sqlite")
            db = ClockedDatabase.open(work / f"c{code}.sqlite")
            dbs.append(db)
            centers.append(db.meta("center_id"))
        try:
            expected: dict[tuple[str, str, str | None], int] = {}

            def add(center, item, lot, qty):
                key = (center, item, lot)
                expected[key] = expected.get(key, 0) + qty

            for step in ops:
                kind, site = step[0], step[1]
                db, center, other = dbs[site], centers[site], centers[1 - site]
                if kind == "receive":
                    item = stock.item_id_for(ITEMS[step[2]])
                    code, expiry = LOTS[step[3]]
                    stock.receive(db, NURSE, center_id=center, item_id=item, quantity=step[4],
                                  lot_code=code, expiry=expiry, when=WHEN)
                    add(center, item, stock.lot_id_for(item, code), step[4])
                elif kind in ("take", "send"):
                    item = stock.item_id_for(ITEMS[step[2]])
                    try:
                        if kind == "take":
                            done = stock.take(db, NURSE, center_id=center, item_id=item,
                                              quantity=step[3], reason="dispense_out",
                                              when=WHEN)
                        else:
                            done = stock_transfers.send(
                                db, NURSE, from_center_id=center, to_center_id=other,
                                item_id=item, quantity=step[3], when=WHEN)
                    except NotEnoughStock:
                        continue
                    for lot, units in done.taken:
                        add(center, item, lot.lot_id, -units)
                elif kind == "sync":   # the other center's file brought here (a pull)
                    merge_files(db.path, [dbs[1 - site].path])
                else:
                    waiting = stock_transfers.pending(db, NURSE, center)
                    if waiting:
                        sent = waiting[step[2] % len(waiting)]
                        stock_transfers.receive_sent(db, NURSE, sent_id=sent.sent_id, when=WHEN)
                        add(center, sent.item_id, stock.lot_id_for(sent.item_id,
                                                                   sent.lot_code or ""),
                            sent.quantity)
            paths = [d.path for d in dbs]
            first, second = work / "central1.sqlite", work / "central2.sqlite"
            merge_files(first, [paths[i] for i in order])
            for i in order[::-1]:
                merge_files(second, [paths[i]])
                merge_files(second, [paths[i]])   # a repeated merge changes nothing
            merge_files(first, [second])
            for central in (first, second):
                assert ledger(central) == expected
                assert all(v >= 0 for v in ledger(central).values())
                assert conflicts(central) == 0
            for db, center in zip(dbs, centers, strict=True):
                assert own(ledger(db.path), center) == own(expected, center)
        finally:
            for db in dbs:
                db.close()


def test_dispensings_and_allergies_stay_with_their_center_on_a_pull_without_health(
        two_centers, tmp_path):
    """The ledger travels to every center (it names no patient); the dispensing and the
    allergy of a person of center 01 do not reach center 02 on a pull without health."""
    from albergue_desktop.services import pharmacy
    from albergue_sync import Options

    from sync_helpers import register

    (a, a_center), (b, _b_center) = two_centers
    person = register(a, a_center, "Marie", "Joseph")
    with a.session("system") as session:
        item = stock.ensure_item(session, code=ITEMS[0], kind="medicine", name="Paracetamol",
                                 unit="tableta").id
    stock.receive(a, NURSE, center_id=a_center, item_id=item, quantity=10, lot_code="A1",
                  expiry=date(2030, 1, 31), when=WHEN)
    pharmacy.record_allergy(a, NURSE, person_id=person, substance="Penicilina")
    pharmacy.dispense(a, NURSE, person_id=person, item_id=item, quantity=4, dose="1 c/8 h",
                      center_id=a_center, when=WHEN)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    conn = sqlite3.connect(f"file:{b.path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM dispensing").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM allergy").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM audit_event WHERE table_name IN "
                            "('dispensing', 'allergy') AND changes NOT IN ('{}', '')"
                            ).fetchone()[0] == 0
    finally:
        conn.close()
    assert ledger(b.path)[(a_center, item, stock.lot_id_for(item, "A1"))] == 6
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    conn = sqlite3.connect(f"file:{b.path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM dispensing").fetchone()[0] == 1
    finally:
        conn.close()
