"""Regression tests for the silent-loss scenarios a review reproduced (restored backup,
arrival after a transfer undone, deleted person still holding a stay)."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

import pytest
from sync_helpers import (
    ClockedDatabase, conflict_set, contents, delete, edit, file_digest, make_center, register,
)

from albergue_desktop.services import stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.tables import Bed
from albergue_sync import Options, merge_files
from albergue_sync.conflicts import list_conflicts
from albergue_sync.files import rekey
from albergue_sync.i18n import SyncRefused, translate
from factories import copy_db  # noqa: E402


def rows(path, sql, *args):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def test_restored_backup_reusing_merged_change_numbers_is_refused_then_merges_after_rekey(
        tmp_path):
    a, center = make_center(tmp_path / "a.sqlite", "01")
    register(a, center, "Jean")
    a.close()
    backup = tmp_path / "a_backup.sqlite"
    copy_db(tmp_path / "a.sqlite", backup)
    a = ClockedDatabase.open(tmp_path / "a.sqlite")
    paul = register(a, center, "Paul")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    a.close()
    # the laptop dies; the backup is restored and used for longer than what was lost
    r = ClockedDatabase.open(backup)
    rose = register(r, center, "Rose")
    jean = rows(backup, "SELECT id FROM person WHERE given_names = 'Jean'")[0][0]
    for note in ("x", "y", "z"):
        edit(r, jean, notes=note)
    r.close()
    assert int(rows(backup, "SELECT value FROM meta WHERE key = 'seq_last'")[0][0]) > \
        rows(central, "SELECT seq_merged FROM sync_source")[0][0]  # no lower-seq shortcut
    before = file_digest(central)
    with pytest.raises(SyncRefused) as err:
        merge_files(central, [backup])
    assert "albergue-sync rekey" in str(err.value) and "respaldo restaurado" in str(err.value)
    assert err.value.exit_code == 1 and file_digest(central) == before

    rekey(backup)
    merge_files(central, [backup])  # no abort on the reused folio
    folios = dict(rows(central, "SELECT id, folio FROM person"))
    assert folios[rose] == folios[paul]  # both kept
    clashes = [c for c in list_conflicts(central) if c["kind"] == "duplicate"]
    assert [(c["table_name"], c["field"], c["loser_value"]) for c in clashes] == \
        [("person", "folio", folios[rose])]
    assert rows(central, "SELECT notes FROM person WHERE id = ?", jean) == [("z",)]


def _beds(db, center):
    return [r[0] for r in rows(db.path, "SELECT id FROM bed WHERE center_id = ? ORDER BY code",
                               center)]


def test_arrival_after_a_transfer_is_not_silently_undone_by_a_did_not_arrive_check_out(
        tmp_path):
    a, ca = make_center(tmp_path / "a.sqlite", "01")
    b, cb = make_center(tmp_path / "b.sqlite", "02")
    central = tmp_path / "central.sqlite"
    merge_files(central, [b.path])
    merge_files(a.path, [central], Options(direction="pull"))
    pid = register(a, ca)
    stays.check_in(a, SYSTEM, person_id=pid, center_id=ca, bed_id=_beds(a, ca)[0])
    stays.transfer(a, SYSTEM, person_id=pid, to_center_id=cb)
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull"))
    bed = _beds(b, cb)[0]
    stays.check_in(b, SYSTEM, person_id=pid, center_id=cb, bed_id=bed)  # arrives at B
    stays.check_out(a, SYSTEM, person_id=pid, reason="voluntary")  # A: "did not arrive"
    results = []
    for order in ([a.path, b.path], [b.path, a.path]):
        target = tmp_path / f"central_{order[0].stem}.sqlite"
        copy_db(central, target)
        merge_files(target, order)
        closed = {(c["kind"], c["table_name"], c["field"]) for c in list_conflicts(target)}
        assert {("closed", "stay", "status"), ("closed", "stay", "bed_id")} <= closed
        # the stay ends closed (check-out only moves forward): its bed is free again
        assert rows(target, "SELECT count(*) FROM stay WHERE person_id = ? AND center_id = ? "
                    "AND check_out IS NULL", pid, cb) == [(0,)]
        assert rows(target, "SELECT status FROM bed WHERE id = ?", bed) == [("available",)]
        results.append((contents(target), sorted(conflict_set(target))))
    assert results[0] == results[1]
    with_label = {c["kind"]: translate(c["kind"]) for c in list_conflicts(target)}
    assert with_label["closed"] != "closed"


def test_bed_status_repair_never_touches_an_out_of_service_bed(tmp_path):
    a, ca = make_center(tmp_path / "a.sqlite", "01")
    b, _ = make_center(tmp_path / "b.sqlite", "02")
    bed = _beds(a, ca)[1]
    with a.session() as s:
        s.get(Bed, bed).status = "out_of_service"
    pid = register(a, ca)
    stays.check_in(a, SYSTEM, person_id=pid, center_id=ca, bed_id=_beds(a, ca)[0])
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    assert dict(rows(central, "SELECT id, status FROM bed WHERE center_id = ?", ca)) == \
        dict(rows(a.path, "SELECT id, status FROM bed WHERE center_id = ?", ca))


def test_deleted_person_holding_an_open_stay_after_a_merge_is_logged(tmp_path):
    a, ca = make_center(tmp_path / "a.sqlite", "01")
    b, cb = make_center(tmp_path / "b.sqlite", "02")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    q = register(a, ca, "Luc")
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    delete(a, q)
    stays.check_in(b, SYSTEM, person_id=q, center_id=cb)
    merge_files(central, [a.path, b.path])
    found = [(c["kind"], c["table_name"], c["loser_value"]) for c in list_conflicts(central)
             if c["kind"] == "deleted_person"]
    assert found == [("deleted_person", "stay", q)]
    assert translate("deleted_person") == "persona eliminada con estancia abierta"
