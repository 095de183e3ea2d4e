"""Donations, distributions, meals and WASH counts merge between center files: two
centers, merged into two central files in opposite orders, give the same rows, the ledger's
stock of each center equal to its own file's, and no conflict."""

from __future__ import annotations

from datetime import date, datetime, timezone

from albergue_sync import merge_files
from sync_helpers import check_in, conflict_set, contents, register

from albergue_desktop.services import supplies
from albergue_desktop.services.context import Actor
from albergue_desktop.services.stock import item_id_for

COORD = Actor(username="coord", role="coordinacion")
DAY = date(2022, 1, 10)
WHEN = datetime(2022, 1, 10, 17, tzinfo=timezone.utc)


def _work(db, center_id: str, tag: str) -> None:
    supplies.load_catalog(db, COORD)
    supplies.record_donation(db, COORD, center_id=center_id, received_on=DAY,
                             donor_kind="partner", donor="DIF-ESTATAL",
                             lines=[supplies.DonationLine(item_id_for("cobija"), 50),
                                    supplies.DonationLine(item_id_for("despensa"), 10)],
                             when=WHEN)
    pid = register(db, center_id, f"Jean{tag}", "Pierre")
    check_in(db, pid, center_id)
    supplies.distribute(db, COORD, center_id=center_id, person_id=pid, kit_code="despensa",
                        lines=[supplies.DistributionLine(item_id_for("despensa"), 1),
                               supplies.DistributionLine(item_id_for("cobija"), 2)],
                        when=WHEN)
    supplies.record_meals(db, COORD, center_id=center_id, day=DAY, service="lunch",
                          served=1, provider="SEDENA")
    supplies.record_wash(db, COORD, center_id=center_id, day=DAY, toilets=1, showers=1,
                         water_points=1, litres_per_day=100)


def _stock(path) -> dict:
    out: dict = {}
    for m in contents(path)["stock_movement"].values():
        if not m["deleted"]:
            key = (m["center_id"], m["item_id"])
            out[key] = out.get(key, 0) + m["quantity"]
    return out


def test_two_centers_merge_to_the_same_supplies(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    _work(a, a_center, "A")
    _work(b, b_center, "B")
    c1, c2 = tmp_path / "c1.sqlite", tmp_path / "c2.sqlite"
    merge_files(c1, [a.path, b.path])
    merge_files(c2, [b.path, a.path])
    merge_files(c1, [b.path, a.path])  # again: nothing changes
    one, two = contents(c1), contents(c2)
    for table in ("donation", "distribution", "meal_service", "wash_status", "stock_item",
                  "stock_movement"):
        assert one[table] == two[table], table
    for table in ("donation", "distribution", "meal_service", "wash_status"):
        assert len(one[table]) == 2, table
    merged = _stock(c1)
    assert merged == _stock(c2)
    for db, center in ((a, a_center), (b, b_center)):
        assert {k: v for k, v in merged.items() if k[0] == center} == _stock(db.path)
    assert merged[(a_center, item_id_for("cobija"))] == 48
    assert conflict_set(c1) == {} and conflict_set(c2) == {}
