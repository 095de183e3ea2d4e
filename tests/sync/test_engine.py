"""Merging center files into a central file and back."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
from pathlib import Path

from albergue_desktop.services import centers, people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_sync import Options, merge_files
from albergue_sync.conflicts import list_conflicts, resolve
from albergue_sync.status import export

from sync_helpers import (
    check_in, conflict_set, contents, delete, edit, file_digest, make_center, register,
)
from factories import copy_db  # noqa: E402

DATA = Path(__file__).parents[1] / "data"


def rows(path: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_merging_two_centers_gives_a_central_file_with_both(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pa = register(a, a_center, "Marie", "Joseph", document="HT123", vaccine=True)
    pb = register(b, b_center, "Jean", "Pierre")
    centers.create_user(a, None, username="ana", full_name="Ana", role="admin",
                        password="contraseña-larga")
    central = tmp_path / "central.sqlite"
    reports = merge_files(central, [a.path, b.path])
    assert [r.mode for r in reports] == ["full", "full"]
    assert reports[0].new > 0 and reports[0].conflicts == 0
    got = contents(central)
    assert {pa, pb} <= set(got["person"])
    assert got["person"][pa] == contents(a.path)["person"][pa]  # the very same row and stamps
    assert len(got["center"]) == 2 and len(got["vaccination"]) == 1
    assert rows(central, "SELECT count(*) FROM app_user") == [(0,)]  # users stay local
    with Database.open(central) as db:  # the desktop opens it and finds people by name
        assert [p.id for p in people.search_people(db, SYSTEM, "marie jos")] == [pa]
        assert [p.id for p in people.search_people(db, SYSTEM, "HT123")] == [pa]


def test_a_second_merge_reads_only_what_changed(two_centers, tmp_path):
    (a, a_center), _ = two_centers
    ids = [register(a, a_center, name) for name in ("Ana", "Bea", "Cleo", "Dora", "Eva")]
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    before = contents(central), rows(central, "SELECT value FROM meta WHERE key = 'seq_last'")
    [again] = merge_files(central, [a.path])
    assert (again.mode, again.rows_read, again.new, again.updated) == ("incremental", 0, 0, 0)
    # repeating a merge changes nothing (but the time of the last merge)
    assert (contents(central), rows(central, "SELECT value FROM meta WHERE key = 'seq_last'")
            ) == before
    edit(a, ids[2], notes="llegó con fiebre")
    [step] = merge_files(central, [a.path])
    assert step.mode == "incremental"
    assert step.tables["person"] == {"read": 1, "new": 0, "updated": 1, "unchanged": 0}
    assert step.rows_read == 2  # the person and its audit event
    assert rows(central, "SELECT notes FROM person WHERE id = ?", ids[2]) == [
        ("llegó con fiebre",)]


def test_full_option_and_changed_epoch_read_everything(two_centers, tmp_path):
    (a, a_center), _ = two_centers
    register(a, a_center)
    central = tmp_path / "central.sqlite"
    first = merge_files(central, [a.path])[0]
    assert merge_files(central, [a.path], Options(full=True))[0].rows_read == first.rows_read
    with sqlite3.connect(a.path) as conn:
        conn.execute("UPDATE meta SET value = 'otra-epoca' WHERE key = 'epoch'")
    [again] = merge_files(central, [a.path])
    assert again.mode == "full" and again.new == 0 and again.updated == 0


def test_merges_in_any_order_and_grouping_give_the_same_central(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    c, c_center = make_center(tmp_path / "c03.sqlite", "03")
    shared = register(a, a_center)
    merge_files(tmp_path / "hub.sqlite", [a.path])
    for db in (b, c):
        merge_files(db.path, [tmp_path / "hub.sqlite"], Options(direction="pull"))
    edit(a, shared, notes="A")
    edit(b, shared, notes="B")
    edit(c, shared, phone="555 123 4567")
    delete(c, register(c, c_center, "Borrada"))
    one, two, three = (tmp_path / f"central{i}.sqlite" for i in range(3))
    merge_files(one, [a.path, b.path, c.path])
    merge_files(two, [c.path, b.path, a.path])
    merge_files(tmp_path / "ab.sqlite", [b.path, a.path])
    merge_files(three, [c.path])
    merge_files(three, [tmp_path / "ab.sqlite"])
    assert contents(one) == contents(two) == contents(three)
    ids = [set(conflict_set(p)) for p in (one, two, three)]
    assert ids[0] == ids[1] == ids[2] and len(ids[0]) == 1
    [conflict] = list_conflicts(one)
    assert (conflict["field"], {conflict["winner_value"], conflict["loser_value"]}) == (
        "notes", {"A", "B"})


def test_pull_brings_the_registry_but_not_other_centers_health(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pa = register(a, a_center, vaccine=True)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    [report] = merge_files(b.path, [central], Options(direction="pull", with_health=False))
    assert pa in contents(b.path)["person"]
    assert contents(b.path)["vaccination"] == {}
    assert report.tables["vaccination"]["read"] == 0
    [report] = merge_files(b.path, [central], Options(direction="pull", with_health=True))
    assert report.mode == "full"  # health rows skipped before: read everything once
    assert len(contents(b.path)["vaccination"]) == 1


def test_conflicts_and_their_resolution_travel_between_files(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull"))
    edit(a, pid, notes="de A")
    edit(b, pid, notes="de B")
    merge_files(central, [a.path, b.path])
    [conflict] = list_conflicts(central)
    resolve(central, conflict["id"][:10], '"acordado"', user="supervisora")
    assert list_conflicts(central) == []
    merge_files(a.path, [central], Options(direction="pull"))
    assert rows(a.path, "SELECT notes FROM person WHERE id = ?", pid) == [("acordado",)]
    [mine] = list_conflicts(a.path, include_resolved=True)
    assert mine["resolved"] and mine["resolved_value"] == "acordado"
    assert mine["resolved_by"] == "supervisora"
    assert rows(a.path, "SELECT count(*) FROM audit_event WHERE action = 'resolve_conflict'"
                ) == [(1,)]


def test_two_laptops_set_up_as_the_same_center_merge_with_duplicates_logged(tmp_path):
    a, a_center = make_center(tmp_path / "a.sqlite", "05")
    b, b_center = make_center(tmp_path / "b.sqlite", "05")
    pa, pb = register(a, a_center, "Ana"), register(b, b_center, "Rose")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    kinds = {(c["kind"], c["table_name"], c["field"]) for c in list_conflicts(central)}
    assert kinds == {("duplicate", "center", "code"), ("duplicate", "person", "folio")}
    assert {pa, pb} <= set(contents(central)["person"])
    other = tmp_path / "other.sqlite"
    merge_files(other, [b.path, a.path])
    assert set(conflict_set(other)) == set(conflict_set(central))


def test_an_orphan_is_logged_not_refused(two_centers, tmp_path):
    (a, a_center), _ = two_centers
    pid = register(a, a_center)
    broken = tmp_path / "broken.sqlite"
    export(a.path, broken)  # never a raw copy of a live file
    with sqlite3.connect(broken) as conn:
        conn.execute("DELETE FROM household")  # a damaged source: the parent is gone
    central = tmp_path / "central.sqlite"
    [report] = merge_files(central, [broken])
    assert pid in contents(central)["person"]
    [orphan] = list_conflicts(central)
    assert (orphan["kind"], orphan["table_name"], orphan["field"]) == (
        "orphan", "person", "household_id")
    assert report.conflicts == 1


def test_a_file_of_schema_version_1_is_upgraded_on_a_copy_and_merged(tmp_path):
    old = tmp_path / "v1.sqlite"
    copy_db(DATA / "schema_v1.sqlite", old)
    before = file_digest(old)
    central = tmp_path / "central.sqlite"
    [report] = merge_files(central, [old])
    assert report.mode == "full" and report.new > 0
    assert file_digest(old) == before
    assert not list((tmp_path).glob("v1.sqlite-*"))
    people_v1 = rows(old, "SELECT id FROM person ORDER BY id")
    assert rows(central, "SELECT id FROM person ORDER BY id") == people_v1
    assert rows(central, "SELECT count(*) FROM app_user") == [(0,)]


def test_a_stay_check_out_merges_forward(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    stay = check_in(a, pid, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull"))
    from albergue_desktop.services import stays
    stays.check_out(a, SYSTEM, person_id=pid, reason="voluntary")
    merge_files(central, [b.path, a.path])
    assert rows(central, "SELECT check_out IS NOT NULL FROM stay WHERE id = ?", stay.id) == [
        (1,)]


def test_two_open_stays_made_before_a_sync_are_logged(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pid = register(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull"))
    check_in(a, pid, a_center)  # the same person checked in at two centers, offline
    check_in(b, pid, b_center)
    merge_files(central, [a.path, b.path])
    [clash] = list_conflicts(central)
    assert (clash["kind"], clash["table_name"], clash["row_id"]) == ("stay", "person", pid)
    assert len(clash["loser_value"]) == 2
    other = tmp_path / "other.sqlite"
    merge_files(other, [b.path, a.path])
    assert set(conflict_set(other)) == set(conflict_set(central))
