"""The database file on disk: a damaged file is found on open (quick_check) and left as it
is, the data folder is 0700 and the files 0600 on POSIX (docs/threat-model.md)."""

from __future__ import annotations

import hashlib
import os
import sqlite3
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


def filled(path, center_factory, make_member, n=40):
    database = Database.open(path)
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
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
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
