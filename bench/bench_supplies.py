"""Benchmark of a distribution at the queue (docs/supplies.md) with N movements in the file.

A file gets one center, the supply catalog, one registered household of four and N ledger
movements over the supply items (donations in, distributions out to other households;
written set-based with the same stamps as the app's writes). Then, in the same run:

- the scan: the ID card's folio resolved (``scan.resolve``), the household with what it
  received (``supplies.recipient``) and each kit's quantities for it;
- the write: a "kit de aseo" (8 items) handed out (``supplies.distribute``: write lock,
  repeat check, one balance and one movement per item, stamps, audit, commit);

each beside the bare sqlite3 work of the same rows (one indexed SELECT; 9 INSERTs and a
commit).

    uv run python bench/bench_supplies.py                  # 100,000 movements
    uv run python bench/bench_supplies.py --movements 20000

Target (issue: supplies): recording one distribution from a scan takes <= 100 ms of app
time with 100,000 movements in the file: "scan + write" below.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from albergue_sync import dbapi as sqlite3
from albergue_sync.files import uri

from albergue_desktop.domain import supplies as sd
from albergue_desktop.services import centers, people, scan, supplies
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.people import MemberInput
from albergue_desktop.services.stock import item_id_for
from albergue_desktop.storage.bulk import RowFactory, insert_new_rows
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Person, StockMovement

COORD = Actor("coord", "coordinacion")


def build(path: Path, count: int) -> tuple[Database, str, str]:
    db = Database.open(path)
    center, _ = centers.init_center_database(
        db, center_code="03", center_name="Centro Comunitario 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-segura-123")
    supplies.load_catalog(db, COORD)
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[
        MemberInput(given_names=g, surnames="Joseph", sex=s, birth_date=b, relationship=r,
                    nationality="HT")
        for g, s, b, r in (("Marie", "F", date(1990, 1, 1), "head"),
                           ("Jean", "M", date(1988, 1, 1), "spouse"),
                           ("Ti", "M", date(2021, 6, 1), "child"),
                           ("Rose", "F", date(2015, 6, 1), "child"))])
    rng = random.Random(15)
    moves_f = RowFactory(StockMovement)
    items = [item_id_for(s.code) for s in sd.SUPPLIES]
    start = datetime(2021, 12, 9, tzinfo=timezone.utc)
    moves = []
    balance = dict.fromkeys(items, 0)
    for k in range(count):
        item = rng.choice(items)
        qty = rng.randint(100, 500) if balance[item] < 20 or k % 5 == 0 else -rng.randint(1, 6)
        balance[item] += qty
        moves.append(moves_f(center_id=center.id, item_id=item, quantity=qty,
                             reason="donation_in" if qty > 0 else "distribution_out",
                             moved_at=start + timedelta(minutes=k), moved_by="bench"))
    with db.session("bench", audit=False) as session:
        insert_new_rows(session, [(StockMovement, moves)])
        folio = session.get(Person, reg.person_ids[0]).folio
    return db, center.id, folio


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
        path = Path(folder) / "supplies.sqlite"
        db, center_id, folio = build(path, args.movements)
        raw = sqlite3.connect(uri(path, readonly=False), uri=True)  # the file's key, as the app
        n = raw.execute("SELECT count(*) FROM stock_movement").fetchone()[0]
        found: dict = {}

        def do_scan():
            person = scan.resolve(db, COORD, folio).exact
            r = supplies.recipient(db, COORD, person.id)
            found["r"] = r
            found["lines"] = [supplies.DistributionLine(i, q)
                              for i, q, _w in supplies.suggest(r, "kit-aseo")]

        def bare_scan():
            raw.execute("SELECT id, household_id FROM person WHERE folio = ?",
                        (folio,)).fetchall()

        def write():
            r = found["r"]
            supplies.distribute(db, COORD, center_id=center_id, person_id=r.person_id,
                                lines=found["lines"], kit_code="kit-aseo",
                                confirm_repeat=True)

        def bare_write():
            for _ in range(len(found["lines"]) + 1):
                raw.execute("INSERT INTO stock_movement (id, site_id, deleted, hlc, "
                            "change_seq, vv, fv, center_id, item_id, quantity, reason, "
                            "moved_at, moved_by) VALUES (lower(hex(randomblob(16))), '', 0, "
                            "0, 0, '{}', '{}', ?, ?, -1, 'bench', '2022-01-01', 'bench')",
                            (center_id, item_id_for("jabon")))
            raw.commit()

        def both():
            do_scan()
            write()

        def bare_both():
            bare_scan()
            bare_write()

        do_scan()
        print(f"{n:,} movements in the file")
        print(f"{'operation':<40}{'app ms':>9}{'bare ms':>9}{'ratio':>8}")
        for name, app, bare in (("scan: folio, household, kits", do_scan, bare_scan),
                                ("write: a kit de aseo handed out", write, bare_write),
                                ("scan + write (target <= 100 ms)", both, bare_both)):
            a, b = timed(app, args.repeat), timed(bare, args.repeat)
            print(f"{name:<40}{a:>9.1f}{b:>9.1f}{a / b:>8.1f}")
        raw.execute("DELETE FROM stock_movement WHERE reason = 'bench'")
        raw.commit()
        raw.close()
        db.close()


if __name__ == "__main__":
    main()
