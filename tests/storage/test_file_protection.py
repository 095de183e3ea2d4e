"""The database file on disk: a damaged file is found on open (quick_check) and left as it
is, the data folder is 0700 and the files 0600 on POSIX (docs/threat-model.md)."""

from __future__ import annotations

import hashlib
import os
from albergue_sync import dbapi as sqlite3
import stat

import pytest

from albergue_desktop.domain.errors import StorageError
from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage import db as db_module
from albergue_desktop.storage.db import Database

posix = pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def filled(path, center_factory, make_member, n=40, *, encrypt=True):
    database = Database.open(path, encrypt=encrypt)
    c = center_factory(database)
    names = ["Marie", "Jean", "Rose", "Wilner", "Guerline", "Frantz", "Nadège", "Esther"]
    for i in range(n):
        people.register_household(database, SYSTEM, center_id=c.id, members=[
            make_member(given=f"{names[i % 8]} {names[i // 8 % 8]}", relationship="head")])
    with database.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    database.close()
    return path


@pytest.fixture
def center_factory():
    from albergue_desktop.services import centers

    def make(database):
        c, _admin = centers.init_center_database(
            database, center_code="03", center_name="Centro 3", city_prefix="MXL",
            admin_username="admin", admin_password="contraseña-segura")
        return c
    return make


def test_a_damaged_page_is_found_on_open_and_the_file_is_left_alone(tmp_path, center_factory,
                                                                      make_member):
    path = filled(tmp_path / "c.sqlite", center_factory, make_member)
    conn = sqlite3.connect(path)
    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    # the last page of the person table's own b-tree: found by the root page, not guessed
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'person'").fetchone()[0]
    conn.close()
    with open(path, "r+b") as fh:  # a bad sector in the middle of the people's data
        fh.seek((root - 1) * page_size)
        fh.write(b"\xff" * 64)
    before = digest(path)
    with pytest.raises(StorageError, match="está dañado") as caught:
        Database.open(path)
    assert "restáurelo desde una copia de seguridad" in str(caught.value) \
        or "está dañado:" in str(caught.value)
    assert digest(path) == before


def test_quick_check_problems_are_refused(tmp_path, center_factory, make_member, monkeypatch):
    # The check itself (whatever SQLite reports), not only a read that fails on the way.
    path = filled(tmp_path / "c.sqlite", center_factory, make_member, n=1)

    class Conn:
        def __init__(self, real):
            self.real = real

        def execute(self, sql, *args):
            if sql.startswith("PRAGMA quick_check"):
                return [("Page 7: btreeInitPage() returns error code 11",)]
            return self.real.execute(sql, *args)

        def close(self):
            self.real.close()

    real_connect = sqlite3.connect
    monkeypatch.setattr(db_module.sqlite3, "connect",
                        lambda *a, **k: Conn(real_connect(*a, **k)))
    with pytest.raises(StorageError, match=r"está dañado \(Page 7: btreeInitPage"):
        db_module.inspect_file(path)


def test_an_intact_file_passes_the_check(tmp_path, center_factory, make_member):
    path = filled(tmp_path / "c.sqlite", center_factory, make_member, n=3)
    Database.open(path).close()


@posix
def test_a_new_database_file_is_private(tmp_path, center_factory, make_member):
    os.umask(0o022)
    path = filled(tmp_path / "nuevo.sqlite", center_factory, make_member, n=2)
    assert mode(path) == 0o600
    database = Database.open(path)
    with database.session() as s:
        s.connection().exec_driver_sql("SELECT count(*) FROM person").all()
    for companion in ("-wal", "-shm"):
        side = tmp_path / f"nuevo.sqlite{companion}"
        if side.exists():
            assert mode(side) == 0o600, companion
    database.close()


@posix
def test_the_data_folder_is_0700_and_its_files_0600(tmp_path, monkeypatch):
    data = tmp_path / "share" / "Albergue"
    monkeypatch.setattr(db_module, "user_data_dir", lambda *a, **k: str(data))
    monkeypatch.delenv("ALBERGUE_DB", raising=False)
    os.umask(0o022)
    Database.open(db_module.default_db_path()).close()
    assert mode(data) == 0o700
    assert mode(data / "albergue.sqlite") == 0o600
    # a folder and a file left open by an older version are tightened on the next open
    os.chmod(data, 0o755)
    os.chmod(data / "albergue.sqlite", 0o644)
    Database.open(db_module.default_db_path()).close()
    assert mode(data) == 0o700 and mode(data / "albergue.sqlite") == 0o600


@posix
def test_a_file_outside_the_data_folder_keeps_its_rights(tmp_path):
    # a central file on a shared folder: its owner chose who may read it
    path = tmp_path / "central.sqlite"
    Database.open(path).close()
    os.chmod(path, 0o640)
    Database.open(path).close()
    assert mode(path) == 0o640


def test_a_failed_creation_leaves_no_empty_file(tmp_path, monkeypatch):
    def boom(*a, **k):
        raise sqlite3.OperationalError("disk I/O error")
    monkeypatch.setattr(db_module.migrations, "initialize", boom)
    path = tmp_path / "nuevo.sqlite"
    with pytest.raises(StorageError):
        Database.open(path)
    assert not path.exists()


def test_a_copy_cut_short_is_refused_without_reading_it(tmp_path, center_factory,
                                                       make_member, monkeypatch):
    # a plain file (an earlier version's, before its conversion): an encrypted file's page
    # count is inside its encrypted first page, so a cut is found when it is read
    path = filled(tmp_path / "c.sqlite", center_factory, make_member, n=3, encrypt=False)
    page_size = int(sqlite3.connect(path).execute("PRAGMA page_size").fetchone()[0])
    data = path.read_bytes()
    cut = tmp_path / "cortado.sqlite"
    cut.write_bytes(data[:len(data) - 3 * page_size])  # a USB copy interrupted
    monkeypatch.setattr(db_module, "FULL_CHECK_MAX_BYTES", 0)  # as if it were a big file
    assert not db_module.needs_full_check(cut)
    with pytest.raises(StorageError, match=r"está incompleto \(\d+ de \d+ bytes\): la copia"):
        Database.open(cut)
    assert cut.read_bytes() == data[:len(data) - 3 * page_size]


def test_which_files_get_the_full_check(tmp_path, center_factory, make_member, monkeypatch):
    path = filled(tmp_path / "c.sqlite", center_factory, make_member, n=1)
    assert db_module.needs_full_check(path)  # small: always
    monkeypatch.setattr(db_module, "FULL_CHECK_MAX_BYTES", 0)
    assert not db_module.needs_full_check(path)  # big and closed cleanly
    wal = tmp_path / "c.sqlite-wal"
    wal.write_bytes(b"\0" * 32)  # the last writer did not close it (crash, kill, power cut)
    assert db_module.needs_full_check(path)
    wal.unlink()
    (tmp_path / "c.sqlite-journal").write_bytes(b"")
    assert db_module.needs_full_check(path)


def test_a_big_file_left_hot_by_a_crash_is_checked(tmp_path, center_factory, make_member,
                                                  monkeypatch):
    path = filled(tmp_path / "c.sqlite", center_factory, make_member, n=1)
    monkeypatch.setattr(db_module, "FULL_CHECK_MAX_BYTES", 0)
    calls = []
    real = db_module._quick_check
    monkeypatch.setattr(db_module, "_quick_check", lambda *a: calls.append(1) or real(*a))
    Database.open(path).close()
    assert calls == []
    writer = sqlite3.connect(path)  # another process still writing: a non-empty WAL
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("CREATE TABLE scratch(x)")
    writer.commit()
    try:
        assert (tmp_path / "c.sqlite-wal").stat().st_size > 0
        db_module.inspect_file(path)
        assert calls == [1]
    finally:
        writer.close()
