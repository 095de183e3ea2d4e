"""Regression tests named after the sync failures of real trackers (docs/sync-design.md, "Pitfalls")."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

from sync_helpers import check_in, contents, delete, edit, make_center, register

from albergue_desktop.services import stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import Person
from albergue_sync import Options, merge_files
from albergue_sync.conflicts import list_conflicts, resolve
from albergue_sync.status import export

HOUR_MS = 3600 * 1000


def value(path, sql, *args):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchone()[0]
    finally:
        conn.close()


def share(central, *dbs):
    """Every center pulls the central registry."""
    for db in dbs:
        merge_files(db.path, [central], Options(direction="pull"))


def test_pouchdb_an_offline_edit_does_not_resurrect_a_deleted_record(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    share(central, b)
    delete(a, pid)                       # deleted at center 01 (online)
    edit(b, pid, phone="686 555 0101")   # edited offline at center 02, not knowing
    merge_files(central, [b.path, a.path])
    merge_files(central, [a.path, b.path])
    assert value(central, "SELECT deleted FROM person WHERE id = ?", pid) == 1
    [conflict] = list_conflicts(central)
    assert (conflict["kind"], conflict["field"], conflict["loser_value"]) == (
        "delete", "phone", "686 555 0101")
    # The supervisor restores the record: a new write that syncs everywhere.
    resolve(central, conflict["id"], "false")
    share(central, a, b)
    for path in (central, a.path, b.path):
        assert value(path, "SELECT deleted FROM person WHERE id = ?", pid) == 0
        assert value(path, "SELECT phone FROM person WHERE id = ?", pid) == "686 555 0101"


def test_crsqlite_delete_then_recreate_reaches_the_other_copy(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center, "Lucie")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    share(central, b)
    delete(a, pid)
    with a.session("admin") as session:  # restored at the center: deleted goes back to False
        person = session.get(Person, pid)
        person.deleted, person.delete_reason = False, None
        session.add(person)
    again = register(a, a_center, "Lucie")  # and registered again: a new id, never reused
    assert again != pid
    # Out of order and in any grouping, the other copy ends with both live records.
    merge_files(b.path, [a.path], Options(direction="pull"))
    merge_files(central, [b.path])
    merge_files(central, [a.path])
    for path in (central, b.path):
        assert value(path, "SELECT deleted FROM person WHERE id = ?", pid) == 0
        assert value(path, "SELECT count(*) FROM person WHERE deleted = 0") == 2
    assert contents(central)["person"] == contents(b.path)["person"]
    assert list_conflicts(central) == []


def test_odk_updates_delivered_out_of_order_keep_the_latest(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    edit(a, pid, notes="primera versión")
    usb = tmp_path / "usb.sqlite"
    export(a.path, usb)                     # the first edit travels by USB to center 02
    merge_files(b.path, [usb], Options(direction="pull"))
    edit(a, pid, notes="segunda versión")   # the second goes straight to the central file
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    merge_files(first, [a.path, b.path])    # newest first
    merge_files(second, [b.path, a.path])   # oldest first
    for path in (first, second):
        assert value(path, "SELECT notes FROM person WHERE id = ?", pid) == "segunda versión"
        assert list_conflicts(path) == []   # an older edit is not a conflict
    assert contents(first) == contents(second)
    dots = value(first, "SELECT fv FROM person WHERE id = ?", pid)
    assert dots.count(a.site_id) == 2  # creation and the last edit: distinct version dots


def test_actual_budget_a_laptop_clock_an_hour_off_still_orders_writes(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    a.skew_ms = HOUR_MS  # center 01's clock runs an hour ahead
    pid = register(a, a_center)
    edit(a, pid, notes="escrito con el reloj adelantado")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    share(central, b)
    edit(b, pid, notes="corregido después")  # later, having seen it: must win
    merge_files(central, [a.path, b.path])
    assert value(central, "SELECT notes FROM person WHERE id = ?", pid) == "corregido después"
    assert list_conflicts(central) == []


def test_sormas_a_transfer_between_centers_keeps_the_same_person(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pid = register(a, a_center, "Wilner", "Casséus")
    check_in(a, pid, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    share(central, a, b)
    stays.transfer(a, SYSTEM, person_id=pid, to_center_id=b_center)
    merge_files(central, [a.path])
    share(central, b)
    for path in (central, b.path):
        assert value(path, "SELECT count(*) FROM person") == 1
        assert value(path, "SELECT center_id FROM stay WHERE person_id = ? AND "
                           "check_out IS NULL", pid) == b_center
        assert value(path, "SELECT reason FROM stay WHERE person_id = ? AND "
                           "check_out IS NOT NULL", pid) == "transfer"
    stays.check_out(b, SYSTEM, person_id=pid, reason="voluntary")  # center 02 owns the stay
    merge_files(central, [b.path])
    assert value(central, "SELECT count(*) FROM stay WHERE check_out IS NULL") == 0


def test_a_file_copied_to_another_laptop_is_told_apart_after_rekey(tmp_path):
    a, a_center = make_center(tmp_path / "a.sqlite", "01")
    register(a, a_center)
    clone = tmp_path / "clone.sqlite"
    export(a.path, clone)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    from albergue_sync.files import rekey
    rekey(clone)
    merge_files(central, [clone])  # same rows, same stamps: nothing new, nothing lost
    assert value(central, "SELECT count(*) FROM person") == 1
    a.close()
