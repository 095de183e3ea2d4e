"""Only committed data travels (docs/sync-design.md guarantee 10, "Bad sources that change the
target"): sources are read from a private copy recovered as after a crash, never in SQLite's
immutable mode; stamps and ids are checked before anything is written; a refused source
changes nothing, and neither does a source after it; temporary copies stay in the app's own
folder and a killed merge's copies are removed by the next merge."""

from __future__ import annotations

import json
import os
import shutil
import signal
from albergue_sync import dbapi as sqlite3
import subprocess
import sys
import tempfile
import textwrap

import pytest
from sync_helpers import (
    central_credentials, contents, edit, file_digest, make_center, register, side_files,
)
from factories import keys_code  # noqa: E402

from albergue_sync import SyncRefused, auth, merge_files
from albergue_sync import files as sync_files
from albergue_sync.cli import main
from albergue_sync.status import export


def _usb_copy(db, tmp_path, name="usb.sqlite"):
    """A center file as it travels: a closed copy in rollback-journal mode."""
    copy = tmp_path / name
    export(db.path, copy)
    return copy


def _add_people(conn: sqlite3.Connection, count: int, tag: str) -> None:
    """Insert ``count`` well-stamped people in the open transaction of ``conn``."""
    cur = conn.execute("SELECT * FROM person LIMIT 1")
    names = [d[0] for d in cur.description]
    template = dict(zip(names, cur.fetchone()))
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    site, seq, hlc = meta["site_id"], int(meta["seq_last"]), int(meta["hlc_last"]) + 1
    import uuid

    rows = []
    for i in range(1, count + 1):
        row = dict(template, id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"{tag}-{i}")), folio=None,
                   hlc=hlc, change_seq=seq + i, vv=json.dumps({site: seq + i}),
                   fv=json.dumps({"*": [hlc, site, seq + i]}),
                   given_names=f"{tag} {i}", notes="x" * 2000)
        rows.append([row[n] for n in names])
    conn.executemany(f"INSERT INTO person ({', '.join(names)}) VALUES "
                     f"({', '.join('?' for _ in names)})", rows)
    conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                     [(str(seq + count), "seq_last"), (str(hlc), "hlc_last")])


def _names(path, tag: str) -> set[str]:
    return {r["given_names"] for r in contents(path)["person"].values()
            if r["given_names"].startswith(tag)}


def _immutable_names(path, tag: str) -> set[str] | None:
    """What an immutable read (the old way) sees: the uncommitted rows, or a "malformed"
    file (None) when it catches half-written pages."""
    conn = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return {r[0] for r in conn.execute(
            "SELECT given_names FROM person WHERE given_names LIKE ? || '%'", (tag,))}
    except sqlite3.DatabaseError:
        return None
    finally:
        conn.close()


@pytest.fixture
def center(two_centers):
    (a, a_center), _ = two_centers
    register(a, a_center, "Marie")
    return a, a_center


def test_a_writers_uncommitted_transaction_is_not_merged(center, tmp_path):
    a, _ = center
    usb = _usb_copy(a, tmp_path)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    writer = sqlite3.connect(usb, isolation_level=None)
    try:
        writer.execute("PRAGMA cache_size = 2")  # spills its pages into the file
        writer.execute("BEGIN IMMEDIATE")
        _add_people(writer, 300, "Pendiente")
        # An immutable read (the old way) takes these pages as committed.
        assert _immutable_names(usb, "Pendiente") != set()
        reports = merge_files(central, [usb])
        assert reports[0].new == 0
        assert _names(central, "Pendiente") == set()
        writer.execute("COMMIT")
    finally:
        writer.close()
    merge_files(central, [usb])  # once committed, it travels
    assert len(_names(central, "Pendiente")) == 300


def test_a_hot_journal_of_a_killed_writer_is_rolled_back_not_merged(center, tmp_path):
    a, _ = center
    usb = _usb_copy(a, tmp_path)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    killed = tmp_path / "killed"
    killed.mkdir()
    script = textwrap.dedent(f"""
        import os, signal, sys
        sys.path.insert(0, {str(os.path.dirname(__file__))!r})
        sys.path.insert(0, {str(os.path.dirname(os.path.dirname(__file__)))!r})
        from albergue_sync import dbapi as sqlite3
        {keys_code(usb)}
        from test_source_reading import _add_people
        conn = sqlite3.connect({str(usb)!r}, isolation_level=None)
        conn.execute("PRAGMA cache_size = 2")
        conn.execute("BEGIN IMMEDIATE")
        _add_people(conn, 300, "Perdido")
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    assert (tmp_path / "usb.sqlite-journal").exists()  # the hot journal stays behind
    assert _immutable_names(usb, "Perdido") != set()  # the half-written pages are there
    before = file_digest(usb), (tmp_path / "usb.sqlite-journal").read_bytes()
    reports = merge_files(central, [usb])
    assert reports[0].new == 0 and _names(central, "Perdido") == set()
    # The source itself was only copied: not rolled back in place, no side files added.
    assert (file_digest(usb), (tmp_path / "usb.sqlite-journal").read_bytes()) == before
    assert side_files(usb) == ["usb.sqlite-journal"]


def test_a_wal_source_brings_only_committed_frames(center, tmp_path):
    a, a_center = center
    pid = register(a, a_center, "Rose")  # a is open: its last writes are in its WAL
    assert (a.path.parent / f"{a.path.name}-wal").exists()
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    assert pid in contents(central)["person"]


def test_temporary_copies_stay_beside_the_target_and_go_away(center, tmp_path, monkeypatch):
    a, _ = center
    system_tmp = tmp_path / "system-tmp"
    system_tmp.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(system_tmp))
    seen = []
    real = sync_files.recovered_copy

    def spy(source, dest):
        seen.append(dest)
        return real(source, dest)

    monkeypatch.setattr(sync_files, "recovered_copy", spy)
    central = tmp_path / "centro" / "central.sqlite"
    merge_files(central, [a.path])
    assert seen and all(p.parent.parent == sync_files.work_root(central) for p in seen)
    assert list(system_tmp.iterdir()) == []
    assert not sync_files.work_root(central).exists()


def test_a_killed_merges_copies_are_removed_by_the_next_merge(center, tmp_path):
    if not hasattr(signal, "SIGKILL"):
        pytest.skip("needs SIGKILL")
    a, _ = center
    central = tmp_path / "central.sqlite"
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from albergue_sync import files
        {keys_code(a.path)}
        work = files.WorkDir(Path({str(central)!r}))
        files.recovered_copy(Path({str(a.path)!r}), work.file("source"))
        os.kill(os.getpid(), signal.SIGKILL)
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    root = sync_files.work_root(central)
    left = list(root.glob("run-*/source-*.sqlite"))
    assert len(left) == 1  # a full copy of the center's data, left by the killed run
    live = sync_files.WorkDir(central)  # a run still going is not touched
    try:
        merge_files(central, [a.path])
        assert not left[0].exists()
        assert live.path.exists()
    finally:
        live.cleanup()
    assert not root.exists()


# --- stamps and ids --------------------------------------------------------------------

def _tamper(path, sql: str, *args) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute(sql, args)
    finally:
        conn.close()


BAD_STAMPS = {
    "vv not JSON": ("vv", "{not json"),
    "vv a list": ("vv", "[1, 2]"),
    "vv counter text": ("vv", '{"abc": "7"}'),
    "fv not JSON": ("fv", "nope"),
    "fv dot too short": ("fv", '{"*": [1, "abc"]}'),
    "fv dot text hlc": ("fv", '{"*": ["1", "abc", 3]}'),
    "fv a number": ("fv", "42"),
    "fv star of four": ("fv", '{"*": [1, "abc", 3, 4]}'),
    "fv good star, bad field dot": ("fv", '{"*": [1, "abc", 3], "notes": "x"}'),
    "vv empty": ("vv", ""),
}


@pytest.mark.parametrize("case", sorted(BAD_STAMPS))
def test_malformed_stamps_are_refused_on_new_and_known_rows(center, tmp_path, capsys, case):
    a, a_center = center
    known = register(a, a_center, "Nadia")
    usb = _usb_copy(a, tmp_path)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    auth.create_account(central, "admin", "albergue-demo")
    admin = central_credentials(tmp_path)
    edit(a, known, notes="editada")
    new = register(a, a_center, "Lucie")
    column, value = BAD_STAMPS[case]
    for pid in (known, new):
        usb = _usb_copy(a, tmp_path, f"usb-{pid[:8]}.sqlite")
        _tamper(usb, f"UPDATE person SET {column} = ? WHERE id = ?", value, pid)
        before = file_digest(central)
        capsys.readouterr()
        assert main(["merge", "--into", str(central), str(usb), *admin]) == 1
        err = capsys.readouterr().err
        assert "datos de sincronización mal formados" in err and column in err, err
        assert "Traceback" not in err
        assert file_digest(central) == before


def test_a_non_uuid_id_is_refused(center, tmp_path, capsys):
    a, a_center = center
    usb = _usb_copy(a, tmp_path)
    _tamper(usb, "UPDATE person SET id = 'persona-1' WHERE given_names = 'Marie'")
    central = tmp_path / "central.sqlite"
    capsys.readouterr()
    assert main(["merge", "--into", str(central), str(usb),
                 *central_credentials(tmp_path)]) == 1
    assert "mal formados (person persona-1, id)" in capsys.readouterr().err
    assert not central.exists()


def test_a_reference_that_is_not_a_uuid_is_refused(center, tmp_path):
    a, a_center = center
    usb = _usb_copy(a, tmp_path)
    _tamper(usb, "UPDATE person SET center_id = 'CENTRO 1'")
    with pytest.raises(SyncRefused, match="center_id"):
        merge_files(tmp_path / "central.sqlite", [usb])


def test_good_then_tampered_source_merges_nothing_and_creates_nothing(center, two_centers,
                                                                      tmp_path, capsys):
    a, _ = center
    (_, _), (b, b_center) = two_centers
    register(b, b_center, "Jean")
    good = _usb_copy(a, tmp_path, "good.sqlite")
    tampered = _usb_copy(b, tmp_path, "tampered.sqlite")
    _tamper(tampered, "UPDATE person SET fv = '{\"*\": 5}'")
    central = tmp_path / "central.sqlite"
    capsys.readouterr()
    admin = central_credentials(tmp_path)
    assert main(["merge", "--into", str(central), str(good), str(tampered), *admin]) == 1
    err = capsys.readouterr()
    assert "tampered.sqlite" in err.err and err.out == ""
    assert not central.exists() and not sync_files.work_root(central).exists()
    # With the central file present, it stays byte for byte as it was.
    assert main(["merge", "--into", str(central), str(good), *admin]) == 0
    before = file_digest(central)
    assert main(["merge", "--into", str(central), str(good), str(tampered), *admin]) == 1
    assert file_digest(central) == before


def test_a_source_failing_after_another_was_committed_names_both(two_centers, tmp_path,
                                                                 monkeypatch):
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center)
    register(b, b_center, "Jean")
    from albergue_sync import apply

    real = apply.apply_source
    calls = []

    def second_fails(target, plan, options, *conn):
        calls.append(plan.path)
        if len(calls) == 2:
            raise SyncRefused("The disk is full; nothing of {path} was merged. Free some "
                              "space and try again.", path=str(plan.path))
        return real(target, plan, options, *conn)

    monkeypatch.setattr(apply, "apply_source", second_fails)
    with pytest.raises(SyncRefused) as exc:
        merge_files(tmp_path / "central.sqlite", [a.path, b.path])
    text = str(exc.value)
    assert f"Se integró: {a.path}" in text and f"No se integró: {b.path}" in text
    assert "no se integró nada de " + str(b.path) in text
    assert [r.path for r in exc.value.reports] == [str(a.path)]


def _spy_copies(monkeypatch) -> list:
    seen: list = []
    real = sync_files.recovered_copy

    def spy(source, dest):
        seen.append(source)
        return real(source, dest)

    monkeypatch.setattr(sync_files, "recovered_copy", spy)
    return seen


def test_a_clean_rollback_source_is_read_in_place_and_left_as_it_was(center, tmp_path,
                                                                    monkeypatch):
    a, _ = center
    usb = _usb_copy(a, tmp_path)
    before = file_digest(usb)
    copies = _spy_copies(monkeypatch)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    assert copies == []  # no journal, no WAL: nothing to recover, nothing copied
    assert _names(central, "Marie") == {"Marie"}
    assert file_digest(usb) == before and side_files(usb) == []


def test_a_closed_wal_source_is_read_in_place_without_leaving_side_files(center, tmp_path,
                                                                        monkeypatch):
    a, _ = center
    usb = _usb_copy(a, tmp_path)
    conn = sqlite3.connect(usb, isolation_level=None)
    assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    conn.close()
    assert side_files(usb) == []
    before = file_digest(usb)
    copies = _spy_copies(monkeypatch)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    assert copies == [] and _names(central, "Marie") == {"Marie"}
    assert file_digest(usb) == before and side_files(usb) == []


def test_a_source_with_wal_frames_or_a_journal_is_read_from_a_copy(center, tmp_path,
                                                                   monkeypatch):
    a, _ = center
    copies = _spy_copies(monkeypatch)
    assert (a.path.parent / f"{a.path.name}-wal").stat().st_size > 0
    merge_files(tmp_path / "central.sqlite", [a.path])
    assert copies == [a.path]


def _written_after_the_check(monkeypatch, usb, stamps) -> None:
    """Commit one person into ``usb`` after the engine checked it, before it merges it."""
    from albergue_sync import engine

    real = engine.plan_sources

    def plan_then_write(*args, **kwargs):
        planned = real(*args, **kwargs)
        conn = sqlite3.connect(usb, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            _add_people(conn, 1, "Tardio")
            if stamps is not None:
                conn.execute("UPDATE person SET vv = ? WHERE given_names LIKE 'Tardio%'",
                             (stamps,))
            conn.execute("COMMIT")
        finally:
            conn.close()
        return planned

    monkeypatch.setattr(engine, "plan_sources", plan_then_write)


def test_a_source_written_between_its_check_and_its_merge_is_checked_again(
        center, tmp_path, monkeypatch):
    a, _ = center
    usb = _usb_copy(a, tmp_path)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    _written_after_the_check(monkeypatch, usb, '{"x": "not a counter"}')
    with pytest.raises(SyncRefused, match="mal formados"):
        merge_files(central, [usb])
    assert _names(central, "Tardio") == set()


def test_a_good_write_between_check_and_merge_travels(center, tmp_path, monkeypatch):
    a, _ = center
    usb = _usb_copy(a, tmp_path)
    central = tmp_path / "central.sqlite"
    merge_files(central, [usb])
    _written_after_the_check(monkeypatch, usb, None)
    merge_files(central, [usb])
    assert _names(central, "Tardio") == {"Tardio 1"}
