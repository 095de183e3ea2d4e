"""Bad input is refused with a clear Spanish message, exit code 1, and the target untouched
(byte for byte, and no -wal/-shm files appear next to it)."""

from __future__ import annotations

import os
from albergue_sync import dbapi as sqlite3

import pytest
from sync_helpers import (
    central_credentials, credentials, edit, file_digest, make_center, register, side_files,
    state,
)

from albergue_sync.cli import main
from albergue_sync.schema import CURRENT_SCHEMA_VERSION
from albergue_sync.status import export

YEAR_MS = 365 * 24 * 3600 * 1000


@pytest.fixture
def setup(two_centers, tmp_path):
    """A central file that already holds center 01, closed (no WAL), and center 02."""
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center)
    register(b, b_center, "Jean", "Pierre")
    central = tmp_path / "central.sqlite"
    assert main(["merge", "--into", str(central), str(a.path),
                 *central_credentials(tmp_path)]) == 0
    return central, a, b


def refused(capsys, argv, target, *, expect: str) -> str:
    before = file_digest(target) if target.exists() else None
    sides = side_files(target)
    capsys.readouterr()
    if "--user" not in argv:  # signed in as the central file's administrator
        argv = [*argv, *central_credentials(target.parent)]
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert expect in err, err
    assert (file_digest(target) if target.exists() else None) == before
    assert side_files(target) == sides
    return err


def test_truncated_copy(setup, tmp_path, capsys):
    central, a, b = setup
    copy = tmp_path / "usb.sqlite"
    export(b.path, copy)
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])
    refused(capsys, ["merge", "--into", str(central), str(copy)], central, expect="dañado")


def test_random_bytes(setup, tmp_path, capsys):
    central, *_ = setup
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(os.urandom(20_000))
    refused(capsys, ["merge", "--into", str(central), str(junk)], central,
            expect="no es un archivo SQLite")


def test_sqlite_header_then_garbage(setup, tmp_path, capsys):
    central, *_ = setup
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"SQLite format 3\x00" + os.urandom(8000))
    refused(capsys, ["merge", "--into", str(central), str(junk)], central, expect="dañado")


def test_foreign_sqlite_database(setup, tmp_path, capsys):
    central, *_ = setup
    other = tmp_path / "contabilidad.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE cuentas (id INTEGER PRIMARY KEY, saldo REAL)")
    refused(capsys, ["merge", "--into", str(central), str(other)], central,
            expect="de otro programa")


def test_newer_schema_names_both_versions(setup, tmp_path, capsys):
    central, a, b = setup
    newer = tmp_path / "newer.sqlite"
    export(b.path, newer)
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                     (str(CURRENT_SCHEMA_VERSION + 4),))
    err = refused(capsys, ["merge", "--into", str(central), str(newer)], central,
                  expect=f"esquema {CURRENT_SCHEMA_VERSION + 4}")
    assert f"esquema {CURRENT_SCHEMA_VERSION}" in err


def test_two_files_claiming_the_same_site(setup, tmp_path, capsys):
    central, a, b = setup
    copy = tmp_path / "copia.sqlite"
    export(b.path, copy)
    refused(capsys, ["merge", "--into", str(central), str(b.path), str(copy)], central,
            expect="mismo sitio")


def test_a_clock_years_ahead(setup, tmp_path, capsys):
    central, a, b = setup
    future, center_id = make_center(tmp_path / "futuro.sqlite", "07")
    future.skew_ms = 3 * YEAR_MS
    register(future, center_id, "Rose")
    future.close()
    err = refused(capsys, ["merge", "--into", str(central), str(future.path)], central,
                  expect="más de 24 horas adelante")
    assert int(err.split("con fecha ")[1][:4]) >= 2028


def test_merged_into_itself(setup, capsys):
    central, a, b = setup
    refused(capsys, ["merge", "--into", str(central), str(central)], central,
            expect="en sí mismo")


def test_a_good_source_with_a_bad_one_merges_nothing(setup, tmp_path, capsys):
    central, a, b = setup
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"not a database")
    refused(capsys, ["merge", "--into", str(central), str(b.path), str(junk)], central,
            expect="no es un archivo SQLite")


def test_a_refused_merge_does_not_create_the_central_file(two_centers, tmp_path, capsys):
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00" * 5000)
    central = tmp_path / "nuevo.sqlite"
    refused(capsys, ["merge", "--into", str(central), str(junk)], central, expect="no es")
    assert not central.exists()


def test_a_restored_backup_is_refused_until_it_is_rekeyed(setup, tmp_path, capsys):
    central, a, b = setup
    backup = tmp_path / "respaldo.sqlite"
    export(b.path, backup)
    pid = register(b, b.meta("center_id"), "Nadia")
    edit(b, pid, notes="después del respaldo")
    admin = central_credentials(tmp_path)
    assert main(["merge", "--into", str(central), str(b.path), *admin]) == 0
    # The laptop is restored from the backup: its next change numbers would repeat.
    err = refused(capsys, ["merge", "--into", str(central), str(backup)], central,
                  expect="rekey")
    assert "respaldo restaurado" in err
    assert main(["rekey", str(backup), *credentials(tmp_path)]) == 0
    assert main(["merge", "--into", str(central), str(backup), *admin]) == 0


def test_wrong_usage_exits_with_2(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["merge"])
    assert exc.value.code == 2
    assert main(["conflicts", "x.sqlite", "--resolve", "abc"]) == 2


def test_a_full_disk_mid_merge_leaves_the_target_as_it_was(setup, monkeypatch, capsys):
    central, a, b = setup
    for name in ("Nadia", "Rose", "Lucie", "Claudette"):
        register(b, b.meta("center_id"), name, document=f"HT{len(name)}99")
    before = state(central)
    from albergue_sync import files as sync_files
    real_connect = sync_files.connect

    def tiny_disk(path, *, readonly):
        conn = real_connect(path, readonly=readonly)
        if not readonly:  # the target: no room for more than a couple of new pages
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        return conn

    monkeypatch.setattr(sync_files, "connect", tiny_disk)
    admin = central_credentials(central.parent)
    refused(capsys, ["merge", "--into", str(central), str(b.path)], central,
            expect="disco está lleno")
    monkeypatch.undo()
    assert state(central) == before
    assert main(["merge", "--into", str(central), str(b.path), *admin]) == 0
