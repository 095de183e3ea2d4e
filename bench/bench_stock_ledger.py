"""Benchmark of the stock ledger (docs/stock-ledger.md) with N movements in the file.

A file gets one center, the medicine catalog and N movements (receipts and takes over the
catalog's items, many lots; written set-based with the same stamps as the app's writes).
Then, in the same run, each operation beside the bare query of the same rows:

- one item's stock per lot at one center (``stock.lot_balances``) vs a bare
  ``SELECT lot_id, sum(quantity) ... GROUP BY lot_id`` through sqlite3;
- the whole center's stock screen (``stock_views.balances``) vs a bare GROUP BY over every
  movement of the center;
- one take through the service (write lock, balance, FEFO, movement, stamps, audit, commit)
  vs a bare sqlite3 INSERT of one row with a commit.

    uv run python bench/bench_stock_ledger.py                 # 100,000 movements
    uv run python bench/bench_stock_ledger.py --movements 20000

Target (issue: supplies): recording one distribution from a scan takes <= 100 ms of app time
with 100,000 movements in the file; the take below is that write.
"""

from __future__ import annotations

import argparse
import random
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from albergue_desktop.domain.medicine_catalog import MEDICINES
from albergue_desktop.services import centers, pharmacy, stock, stock_views
from albergue_desktop.services.context import Actor
from albergue_desktop.storage.bulk import RowFactory, insert_new_rows
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import StockLot, StockMovement

NURSE = Actor("enfermera", "salud")


def build(path: Path, count: int) -> tuple[Database, str]:
    db = Database.open(path)
    center, _ = centers.init_center_database(
        db, center_code="03", center_name="Centro Comunitario 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-segura-123")
    pharmacy.load_catalog(db, NURSE)
    rng = random.Random(3)
    lots_f, moves_f = RowFactory(StockLot), RowFactory(StockMovement)
    lots, moves = [], []
    start = datetime(2021, 12, 9, tzinfo=timezone.utc)
    for m in MEDICINES:
        item = stock.item_id_for(m.code)
        for k in range(20):
            lot = lots_f(item_id=item, lot_code=f"L{k}",
                         expiry=date.today() + timedelta(days=30 * (k + 1)))
            lot["id"] = stock.lot_id_for(item, f"L{k}")
            lots.append(lot)
    per_lot = count // len(lots)
    for lot in lots:
        balance = 0
        for j in range(per_lot):
            qty = rng.randint(50, 100) if j % 4 == 0 or balance < 10 else -rng.randint(1, 9)
            balance += qty
            moves.append(moves_f(center_id=center.id, item_id=lot["item_id"], lot_id=lot["id"],
                                 quantity=qty, reason="donation_in" if qty > 0
                                 else "dispense_out",
                                 moved_at=start + timedelta(minutes=len(moves)),
                                 moved_by="bench"))
    with db.session("bench", audit=False) as session:
        insert_new_rows(session, [(StockLot, lots), (StockMovement, moves)])
    return db, center.id


def timed(fn, repeat: int) -> float:
    runs = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t)
    return statistics.median(runs) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--movements", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ledger.sqlite"
        db, center_id = build(path, args.movements)
        item = stock.item_id_for("paracetamol-tab-500")
        raw = sqlite3.connect(path)
        n = raw.execute("SELECT count(*) FROM stock_movement").fetchone()[0]

        def one_item():
            with db.read_session() as session:
                stock.lot_balances(session, center_id, item)

        def bare_item():
            raw.execute("SELECT lot_id, sum(quantity) FROM stock_movement WHERE center_id = ? "
                        "AND item_id = ? AND deleted = 0 GROUP BY lot_id",
                        (center_id, item)).fetchall()

        def screen():
            stock_views.balances(db, NURSE, center_id, "medicine")

        def bare_screen():
            raw.execute("SELECT item_id, lot_id, sum(quantity) FROM stock_movement "
                        "WHERE center_id = ? AND deleted = 0 GROUP BY item_id, lot_id",
                        (center_id,)).fetchall()

        def take():
            stock.take(db, NURSE, center_id=center_id, item_id=item, quantity=1,
                       reason="dispense_out")

        def bare_insert():
            raw.execute("INSERT INTO stock_movement (id, site_id, deleted, hlc, change_seq, "
                        "vv, fv, center_id, item_id, quantity, reason, moved_at, moved_by) "
                        "VALUES (lower(hex(randomblob(16))), '', 0, 0, 0, '{}', '{}', ?, ?, "
                        "-1, 'bench', '2022-01-01', 'bench')", (center_id, item))
            raw.commit()

        print(f"{n:,} movements in the file")
        print(f"{'operation':<34}{'app ms':>9}{'bare ms':>9}{'ratio':>8}")
        for name, app, bare in (("one item's balance per lot", one_item, bare_item),
                                ("the center's stock screen", screen, bare_screen),
                                ("one take (a dispensing's write)", take, bare_insert)):
            a, b = timed(app, args.repeat), timed(bare, args.repeat)
            print(f"{name:<34}{a:>9.1f}{b:>9.1f}{a / b:>8.1f}")
        raw.execute("DELETE FROM stock_movement WHERE reason = 'bench'")
        raw.commit()
        raw.close()
        db.close()


if __name__ == "__main__":
    main()
