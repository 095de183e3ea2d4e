"""Regression tests of "silent loss or stranded data" and "the conflict log is part
of the data": a clock once years ahead, rekey after a restore, a restored center that pulls,
health rows of a person transferred in, resolutions the merge rules would undo, and conflict
records that depend on the merge order (docs/sync-recovery.md)."""

from __future__ import annotations

import json
from albergue_sync import dbapi as sqlite3

import pytest
from sync_helpers import (
    ClockedDatabase, central_credentials, conflict_set, contents, credentials, edit, file_digest,
    make_center, register,
)

from albergue_desktop.services import stays
from albergue_desktop.services.context import SYSTEM
from albergue_sync import Options, auth, merge_files
from albergue_sync.cli import main
from albergue_sync.conflicts import list_conflicts, resolve
from albergue_sync.files import hlc_to_ms, inspect, now_ms
from albergue_sync.i18n import SyncRefused
from albergue_sync.recovery import reclock, rekey
from factories import copy_db  # noqa: E402

YEAR_MS = 365 * 24 * 3600 * 1000
HOUR_MS = 3600 * 1000


def value(path, sql, *args):
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = conn.execute(sql, args).fetchone()
        return row[0] if row else None
    finally:
        conn.close()


def share(central, *dbs):
    for db in dbs:
        merge_files(db.path, [central], Options(direction="pull"))


# --- a clock once years ahead ---------------------------------------------------------------

def test_a_center_whose_clock_was_years_ahead_gets_back_with_reclock_and_loses_nothing(
        two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    central = tmp_path / "central.sqlite"
    pid = register(a, a_center, "Jean")
    merge_files(central, [a.path, b.path])
    share(central, b)
    a.skew_ms = 3 * YEAR_MS  # the laptop's clock jumps three years ahead
    edit(a, pid, notes="escrito con el reloj adelantado")
    other = register(a, a_center, "Rose")
    a.skew_ms = 0  # ... and is corrected; the file still holds the future clock
    edit(a, pid, phone="555-0101")
    assert hlc_to_ms(inspect(a.path).hlc_last) > now_ms() + YEAR_MS
    before = file_digest(central)
    with pytest.raises(SyncRefused) as err:
        merge_files(central, [a.path])
    assert "reclock" in str(err.value) and file_digest(central) == before

    report = reclock(a.path)
    assert report.writes > 0 and hlc_to_ms(report.hlc_after) < now_ms() + HOUR_MS
    assert value(a.path, "SELECT count(*) FROM audit_event WHERE action = 'reclock'") == 1
    jump = json.loads(value(a.path, "SELECT changes FROM audit_event WHERE action = 'reclock'"))
    assert jump["hlc_last"][0] == report.hlc_before and jump["writes"] == report.writes
    assert reclock(a.path).writes == 0  # once is enough

    merge_files(central, [a.path])  # accepted now
    assert value(central, "SELECT notes FROM person WHERE id = ?", pid) == \
        "escrito con el reloj adelantado"
    assert value(central, "SELECT phone FROM person WHERE id = ?", pid) == "555-0101"
    assert value(central, "SELECT given_names FROM person WHERE id = ?", other) == "Rose"
    share(central, b)
    edit(b, pid, notes="corregido después")  # a later real edit wins again
    merge_files(central, [b.path, a.path])
    share(central, a)
    for path in (central, a.path):
        assert value(path, "SELECT notes FROM person WHERE id = ?", pid) == "corregido después"
    assert list_conflicts(central) == []


def test_reclock_from_the_command_line(two_centers, tmp_path, capsys):
    (a, a_center), _ = two_centers
    a.skew_ms = 2 * YEAR_MS
    register(a, a_center)
    a.skew_ms = 0
    me = credentials(tmp_path)
    assert main(["reclock", str(a.path), *me]) == 0
    out = capsys.readouterr().out
    assert "nada" in out and "bitácora" in out
    assert main(["reclock", str(a.path), *me]) == 0
    assert "no hay nada que hacer" in capsys.readouterr().out


def test_a_clock_hours_ahead_is_merged_but_flagged(two_centers, tmp_path, capsys):
    (a, a_center), _ = two_centers
    a.skew_ms = 5 * HOUR_MS
    register(a, a_center)
    central = tmp_path / "central.sqlite"
    [report] = merge_files(central, [a.path])
    assert 4 * HOUR_MS < report.clock_ahead_ms <= 5 * HOUR_MS
    assert main(["merge", "--into", str(tmp_path / "c2.sqlite"), str(a.path),
                 *central_credentials(tmp_path)]) == 0
    assert "horas adelante" in capsys.readouterr().err
    a.skew_ms = 0
    other = tmp_path / "c3.sqlite"
    [plain] = merge_files(other, [make_center(tmp_path / "x.sqlite", "09")[0].path])
    assert plain.clock_ahead_ms == 0


# --- rekey, restores and clones ---------------------------------------------------------------

def _restored_with_a_reused_change_number(tmp_path):
    """A center merged, its laptop died after one more merged edit; the backup (from before
    that edit) is restored and the same field is edited again with the same change number."""
    a, center = make_center(tmp_path / "a.sqlite", "01")
    jean = register(a, center, "Jean")
    a.close()
    backup = tmp_path / "backup.sqlite"
    copy_db(tmp_path / "a.sqlite", backup)
    a = ClockedDatabase.open(tmp_path / "a.sqlite")
    edit(a, jean, notes="antes de que muriera la laptop")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    a.close()
    r = ClockedDatabase.open(backup)
    edit(r, jean, notes="después de restaurar")
    r.close()
    assert inspect(backup).seq_last == inspect(tmp_path / "a.sqlite").seq_last
    return central, backup, jean


def test_rekey_against_the_central_keeps_both_values_of_a_reused_change_number(tmp_path):
    central, backup, jean = _restored_with_a_reused_change_number(tmp_path)
    with pytest.raises(SyncRefused) as err:
        merge_files(central, [backup])
    assert f"rekey {backup} --against {central}" in str(err.value)
    report = rekey(backup, against=central)
    assert report.writes >= 1 and report.fork_after > 0
    merge_files(central, [backup])
    notes = value(central, "SELECT notes FROM person WHERE id = ?", jean)
    [conflict] = [c for c in list_conflicts(central) if c["field"] == "notes"]
    assert {notes, conflict["loser_value"]} == {"antes de que muriera la laptop",
                                                "después de restaurar"}
    assert conflict["winner_value"] == notes
    assert value(backup, "SELECT count(*) FROM audit_event WHERE action = 'rekey'") == 1


def test_rekey_without_the_central_also_keeps_both_values(tmp_path):
    central, backup, jean = _restored_with_a_reused_change_number(tmp_path)
    rekey(backup)
    merge_files(central, [backup])
    notes = value(central, "SELECT notes FROM person WHERE id = ?", jean)
    losers = {c["loser_value"] for c in list_conflicts(central) if c["field"] == "notes"}
    assert {notes} | losers == {"antes de que muriera la laptop", "después de restaurar"}


def test_a_restored_center_that_pulls_is_detected_then_pulls_after_rekey(tmp_path):
    a, center = make_center(tmp_path / "a.sqlite", "01")
    jean = register(a, center, "Jean")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    share(central, a)
    a.close()
    backup = tmp_path / "backup.sqlite"
    copy_db(a.path, backup)
    a = ClockedDatabase.open(a.path)
    paul = register(a, center, "Paul")
    edit(a, jean, notes="de la laptop original")
    merge_files(central, [a.path])
    a.close()
    r = ClockedDatabase.open(backup)  # restored, used for longer than what was lost
    rose = register(r, center, "Rose")  # reuses Paul's folio and change numbers
    edit(r, jean, notes="del respaldo")
    for _ in range(3):
        edit(r, rose, phone=f"555-010{_}")
    r.close()
    before = file_digest(backup)
    with pytest.raises(SyncRefused) as err:
        merge_files(backup, [central], Options(direction="pull"))
    text = str(err.value)
    assert "UNIQUE" not in text and f"rekey {backup} --against {central}" in text
    assert file_digest(backup) == before
    rekey(backup, against=central)
    merge_files(backup, [central], Options(direction="pull"))
    merge_files(central, [backup])
    share(central, ClockedDatabase.open(backup))
    for path in (central, backup):
        assert value(path, "SELECT given_names FROM person WHERE id = ?", paul) == "Paul"
        assert value(path, "SELECT given_names FROM person WHERE id = ?", rose) == "Rose"
        notes = value(path, "SELECT notes FROM person WHERE id = ?", jean)
        losers = {c["loser_value"] for c in list_conflicts(path) if c["field"] == "notes"}
        assert {notes} | losers == {"de la laptop original", "del respaldo"}
    assert contents(central) == contents(backup)


# --- health rows of a person transferred in -----------------------------------------------------

def test_an_incremental_pull_without_health_brings_a_transferred_persons_health(
        two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pid = register(a, a_center, vaccine=True)
    stays.check_in(a, SYSTEM, person_id=pid, center_id=a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    share(central, a)
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    assert contents(b.path)["vaccination"] == {}  # another center's person
    stays.transfer(a, SYSTEM, person_id=pid, to_center_id=b_center)
    merge_files(central, [a.path])
    [report] = merge_files(b.path, [central], Options(direction="pull", with_health=False))
    assert report.mode == "incremental"
    assert [v["person_id"] for v in contents(b.path)["vaccination"].values()] == [pid]
    [again] = merge_files(b.path, [central], Options(direction="pull", with_health=False))
    assert again.tables["vaccination"]["read"] == 0


# --- resolutions checked against the field's type and rules -----------------------------------

def _check_out_conflict(two_centers, tmp_path):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    stays.check_in(a, SYSTEM, person_id=pid, center_id=a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    share(central, b)
    stays.check_out(a, SYSTEM, person_id=pid, reason="voluntary")
    stays.check_out(b, SYSTEM, person_id=pid, reason="housing")
    edit(a, pid, notes="de A")
    edit(b, pid, notes="de B")
    merge_files(central, [a.path, b.path])
    found = {c["field"]: c for c in list_conflicts(central) if c["kind"] == "field"}
    return central, found


def test_a_resolution_the_merge_rules_would_undo_is_refused_with_a_reason(two_centers,
                                                                          tmp_path):
    central, found = _check_out_conflict(two_centers, tmp_path)
    before = file_digest(central)
    with pytest.raises(SyncRefused) as err:
        resolve(central, found["check_out"]["id"], "null")
    assert "solo avanza" in str(err.value) and file_digest(central) == before
    with pytest.raises(SyncRefused) as err:
        resolve(central, found["check_out"]["id"], '"ayer"')
    assert "fecha y hora" in str(err.value)
    with pytest.raises(SyncRefused) as err:
        resolve(central, found["notes"]["id"], "5")
    assert "texto" in str(err.value)
    with pytest.raises(SyncRefused):
        resolve(central, found["notes"]["id"], "true")
    assert file_digest(central) == before
    resolve(central, found["check_out"]["id"], json.dumps(found["check_out"]["loser_value"]))
    resolve(central, found["notes"]["id"], '"acordado"')
    assert value(central, "SELECT count(*) FROM stay WHERE check_out IS NULL") == 0


def test_resolving_from_the_command_line_says_why_it_is_refused(two_centers, tmp_path, capsys):
    central, found = _check_out_conflict(two_centers, tmp_path)
    auth.create_account(central, "supervisora", "albergue-demo", role="supervision")
    code = main(["conflicts", str(central), "--resolve", found["check_out"]["id"],
                 "--value", "null", *credentials(tmp_path, "supervisora")])
    assert code == 1 and "solo avanza" in capsys.readouterr().err


# --- the conflict log is a function of the set of writes ----------------------------------------

def _three_concurrent_edits(center_templates, tmp_path):
    """Three centers edit the same field of a shared person concurrently, a < b < c."""
    paths = []
    for i, code in enumerate(("01", "02", "03")):
        path = tmp_path / f"s{i}.sqlite"
        if code in ("01", "02"):
            copy_db(center_templates / f"c{code}.sqlite", path)
        else:
            make_center(path, code)[0].close()
        paths.append(path)
    first = ClockedDatabase.open(paths[0])
    pid = register(first, first.meta("center_id"), "Jean")
    first.close()
    seed = tmp_path / "seed.sqlite"
    merge_files(seed, [paths[0]])
    dbs = []
    for path in paths:
        if path != paths[0]:
            merge_files(path, [seed], Options(direction="pull"))
        dbs.append(ClockedDatabase.open(path))
    for db, note in zip(dbs, ("a", "b", "c")):
        db.skew_ms = {"a": 0, "b": 1000, "c": 2000}[note]
        edit(db, pid, notes=note)
        db.close()
    return paths, pid


def _log(path):
    return {k: {n: v for n, v in r.items() if n not in ("detected_at", "detected_by")}
            for k, r in conflict_set(path).items()}


def test_three_concurrent_edits_give_the_same_records_in_orders_abc_and_cba(
        center_templates, tmp_path):
    paths, pid = _three_concurrent_edits(center_templates, tmp_path)
    abc, cba = tmp_path / "abc.sqlite", tmp_path / "cba.sqlite"
    for source in paths:
        merge_files(abc, [source])
    for source in reversed(paths):
        merge_files(cba, [source])
    assert _log(abc) == _log(cba)
    records = list_conflicts(abc)
    assert sorted(c["loser_value"] for c in records) == ["a", "b"]
    assert {c["winner_value"] for c in records} == {"c"}  # never a stale "kept b"
    assert value(abc, "SELECT notes FROM person WHERE id = ?", pid) == "c"


# --- audit events re-stamped by a merge are still the same history ---------------------------

GREATER_SITE = "f" * 32  # above any site id (token_hex), so its stamps win every re-stamp


def _verify_chains(path):
    conn = sqlite3.connect(path)
    try:
        from albergue_sync import auditchain

        return auditchain.verify(conn).broken
    finally:
        conn.close()


def test_events_re_stamped_by_a_rekeyed_copy_do_not_make_later_merges_refuse(
        two_centers, tmp_path, monkeypatch):
    """A copied file rekeyed without --against moves every event of its old site to its new
    site; the central file and every file that pulls it re-stamp those events (the greatest
    stamps win), which moves them to a later change. The bookmark marks taken before (the
    last audit event at the bookmark) were such events: the next incremental pull and merge
    used to be refused, telling to rekey the central file."""
    (a, a_center), (b, _) = two_centers
    central = tmp_path / "central.sqlite"
    jean = register(a, a_center, "Jean")
    edit(a, jean, notes="primera nota")
    merge_files(central, [b.path, a.path])  # the central's mark for b's pull: one of a's
    share(central, b)
    a.close()
    copy = tmp_path / "copia.sqlite"
    copy_db(a.path, copy)
    a = ClockedDatabase.open(a.path)
    monkeypatch.setattr("albergue_sync.schema.new_site_id", lambda: GREATER_SITE)
    assert rekey(copy).fork_after == 0
    c = ClockedDatabase.open(copy)
    edit(c, jean, phone="686 555 0101")
    c.close()
    [report] = merge_files(central, [copy])
    assert report.tables["audit_event"]["updated"] > 0  # a's events re-stamped
    edit(b, jean, notes="nota de B")
    [pulled] = merge_files(b.path, [central], Options(direction="pull"))
    assert pulled.mode == "incremental"
    [merged] = merge_files(central, [b.path])
    assert merged.mode == "incremental"
    [pulled] = merge_files(a.path, [central], Options(direction="pull"))  # re-stamps a's own
    assert pulled.tables["audit_event"]["updated"] > 0
    edit(a, jean, notes="nota de A")
    [merged] = merge_files(central, [a.path])
    assert merged.mode == "incremental"
    for path in (a.path, b.path, copy):
        merge_files(path, [central], Options(direction="pull"))
        merge_files(central, [path])
    for path in (a.path, b.path, copy):
        merge_files(path, [central], Options(direction="pull"))
    for path in (a.path, b.path, copy):
        assert contents(path) == contents(central)
        assert _verify_chains(path) is None
    assert value(central, "SELECT phone FROM person WHERE id = ?", jean) == "686 555 0101"
    # a's note was written after a pulled b's: it supersedes it, no conflict
    assert value(central, "SELECT notes FROM person WHERE id = ?", jean) == "nota de A"


def test_two_copies_of_a_restored_file_both_rekeyed_against_the_central(tmp_path):
    """The same writes made after a restore, held by two copies that are both rekeyed: each
    moves them to its own new site; every file ends with the same stamps and every later
    merge and pull stays incremental."""
    central, backup, jean = _restored_with_a_reused_change_number(tmp_path)
    b, _ = make_center(tmp_path / "b.sqlite", "02")
    merge_files(central, [b.path])
    share(central, b)
    twin = tmp_path / "gemelo.sqlite"
    copy_db(backup, twin)
    for path, note in ((backup, "del respaldo"), (twin, "del gemelo")):
        with pytest.raises(SyncRefused):
            merge_files(central, [path])
        rekey(path, against=central)
        db = ClockedDatabase.open(path)
        edit(db, jean, phone="686 555 0202" if path == twin else "686 555 0303")
        db.close()
    merge_files(central, [backup, twin])
    for path in (backup, twin, b.path):
        merge_files(path, [central], Options(direction="pull"))
    for _round in range(2):
        for path in (backup, twin, b.path):
            [merged] = merge_files(central, [path])
            [pulled] = merge_files(path, [central], Options(direction="pull"))
            assert (merged.mode, pulled.mode) == ("incremental", "incremental")
    for path in (backup, twin, b.path):
        assert contents(path) == contents(central)
        assert _verify_chains(path) is None
    notes = value(central, "SELECT notes FROM person WHERE id = ?", jean)
    losers = {c["loser_value"] for c in list_conflicts(central) if c["field"] == "notes"}
    assert {"antes de que muriera la laptop", "después de restaurar"} <= {notes} | losers
    b.close()


def test_a_mark_holds_when_its_event_was_re_stamped_but_not_when_the_history_forked():
    from albergue_sync.engine import mark_holds, seq_mark

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE audit_event (id TEXT PRIMARY KEY, change_seq INT, hlc INT)")
    conn.executemany("INSERT INTO audit_event VALUES (?, ?, ?)",
                     [("e1", 3, 100), ("e2", 5, 200), ("e3", 5, 300), ("e4", 9, 400)])
    mark = seq_mark(conn, 7)
    assert mark == "5:e3:300" and mark_holds(conn, 7, mark)
    conn.execute("UPDATE audit_event SET change_seq = 12 WHERE id = 'e3'")  # re-stamped
    assert mark_holds(conn, 7, mark)
    conn.execute("UPDATE audit_event SET change_seq = 13 WHERE id = 'e2'")  # and another
    assert mark_holds(conn, 7, mark)
    conn.execute("INSERT INTO audit_event VALUES ('r1', 6, 500)")  # a write reusing change 6
    assert not mark_holds(conn, 7, mark)
    conn.execute("DELETE FROM audit_event WHERE id = 'r1'")
    conn.execute("UPDATE audit_event SET hlc = 301 WHERE id = 'e3'")  # not the same event
    assert not mark_holds(conn, 7, mark)
    conn.execute("DELETE FROM audit_event WHERE id = 'e3'")  # never had it
    assert not mark_holds(conn, 7, mark)
    conn.execute("INSERT INTO audit_event VALUES ('e3', 5, 300)")  # back where it was
    assert mark_holds(conn, 7, mark)
    assert mark_holds(conn, 7, None) and not mark_holds(conn, 7, "garbage")
