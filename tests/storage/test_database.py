"""Database.open: identity of a new file, pragmas of every connection, refused files."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
from albergue_sync import keyfile

import pytest
from sqlalchemy import text

from albergue_desktop.domain.errors import SchemaTooNewError, StorageError
from albergue_desktop.storage import db as db_module
from albergue_desktop.storage import migrations
from albergue_desktop.storage.db import BUSY_TIMEOUT_MS, Database, default_db_path


def meta_of(path) -> dict[str, str]:
    conn = sqlite3.connect(path)
    try:
        return dict(conn.execute("SELECT key, value FROM meta"))
    finally:
        conn.close()


def test_new_file_gets_identity_and_schema(tmp_path):
    path = tmp_path / "sub" / "dir" / "new.sqlite"
    database = Database.open(path)
    database.close()
    meta = meta_of(path)
    assert meta["app"] == "albergue"
    assert len(meta["site_id"]) == 32 and int(meta["site_id"], 16) >= 0
    assert len(meta["epoch"]) == 16 and int(meta["epoch"], 16) >= 0
    assert meta["schema_version"] == str(migrations.CURRENT_SCHEMA_VERSION)
    assert meta["seq_last"] == "0"
    assert (database.site_id, database.epoch) == (meta["site_id"], meta["epoch"])
    assert database.schema_version == migrations.CURRENT_SCHEMA_VERSION


def test_each_file_is_its_own_site_and_reopening_keeps_it(tmp_path):
    a, b = Database.open(tmp_path / "a.sqlite"), Database.open(tmp_path / "b.sqlite")
    assert a.site_id != b.site_id and a.epoch != b.epoch
    site, epoch = a.site_id, a.epoch
    a.close(), b.close()
    again = Database.open(tmp_path / "a.sqlite")
    assert (again.site_id, again.epoch) == (site, epoch)
    again.close()


def test_engine_connections_have_the_pragmas(db):
    # several pooled connections: each one must have been configured
    conns = [db.engine.connect() for _ in range(3)]
    try:
        for conn in conns:
            pragma = lambda name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()  # noqa: E731
            assert pragma("journal_mode") == "wal"
            assert pragma("foreign_keys") == 1
            assert pragma("synchronous") == 2  # FULL
            assert pragma("busy_timeout") == BUSY_TIMEOUT_MS
    finally:
        for conn in conns:
            conn.close()


def test_foreign_keys_are_enforced_in_sessions(db):
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError):
        with db.session("t") as s:
            s.connection().execute(text(
                "INSERT INTO area (id, site_id, deleted, hlc, change_seq, vv, fv, center_id,"
                " name, segment) VALUES ('a', 's', 0, 0, 0, '{}', '{}', 'no-such-center',"
                " 'x', 'families')"))


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"Lista de personas\n" * 100)
    with pytest.raises(StorageError) as err:
        Database.open(path)
    assert str(err.value) == \
        f"{path} no es una base de datos de Albergue (no es un archivo SQLite)."
    assert path.read_bytes() == b"Lista de personas\n" * 100


def test_a_tiny_garbage_file_is_refused(tmp_path):
    path = tmp_path / "tiny.sqlite"
    path.write_bytes(b"\x00\x01")
    with pytest.raises(StorageError):
        Database.open(path)


def test_a_foreign_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ana')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(StorageError) as err:
        Database.open(path)
    assert "es una base de datos SQLite de otro programa" in str(err.value)
    assert path.read_bytes() == before


def test_a_sqlite_file_with_someone_elses_meta_table_is_refused(tmp_path):
    path = tmp_path / "meta.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    conn.execute("INSERT INTO meta VALUES ('app', 'otra-app')")
    conn.commit()
    conn.close()
    with pytest.raises(StorageError, match="otro programa"):
        Database.open(path)


def test_a_truncated_albergue_file_is_reported_as_damaged(tmp_path, db):
    with db.session("t") as s:
        s.connection().execute(text("UPDATE meta SET value = value"))
    db.close()
    sqlite3.connect(db.path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = db.path.read_bytes()
    broken = tmp_path / "broken.sqlite"
    for damaged in (data[:100] + b"\xff" * 3000, data[: len(data) // 2]):
        broken.write_bytes(damaged)
        keyfile.copy_keys(db.path, broken)  # an encrypted copy, its key known (signed in)
        with pytest.raises(StorageError) as err:
            Database.open(broken)
        assert str(err.value).startswith((f"{broken} está dañado",
                                          f"{broken} está incompleto ("))


def test_a_newer_schema_is_refused_with_versions_named(tmp_path):
    path = tmp_path / "future.sqlite"
    Database.open(path).close()
    newer = migrations.CURRENT_SCHEMA_VERSION + 7
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(newer),))
    conn.commit()
    conn.close()
    with pytest.raises(SchemaTooNewError) as err:
        Database.open(path)
    message = str(err.value)
    assert "versión más reciente de Albergue" in message
    assert f"esquema {newer}" in message
    assert f"hasta el esquema {migrations.CURRENT_SCHEMA_VERSION}" in message
    assert str(path) in message
    assert (err.value.found, err.value.supported) == (newer, migrations.CURRENT_SCHEMA_VERSION)
    assert meta_of(path)["schema_version"] == str(newer)  # untouched


def test_an_empty_file_is_refused_not_initialized(tmp_path):
    # A 0-byte file is usually a copy that failed: a fresh database there would hide the loss
    # (docs/threat-model.md).
    path = tmp_path / "empty.sqlite"
    path.touch()
    with pytest.raises(StorageError, match=r"está vacío \(0 bytes\)"):
        Database.open(path)
    assert path.stat().st_size == 0


def test_an_empty_sqlite_file_is_initialized(tmp_path):
    path = tmp_path / "blank.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 0")
    conn.execute("VACUUM")  # writes the header: a valid SQLite file without tables
    conn.close()
    assert path.stat().st_size > 0
    Database.open(path).close()
    assert meta_of(path)["schema_version"] == str(migrations.CURRENT_SCHEMA_VERSION)


def test_reopening_does_not_rerun_migrations(tmp_path, monkeypatch):
    path = tmp_path / "x.sqlite"
    Database.open(path).close()
    monkeypatch.setattr(migrations, "apply", lambda *a, **k: pytest.fail("migrated again"))
    Database.open(path).close()


def test_default_path_honours_albergue_db(monkeypatch, tmp_path):
    monkeypatch.setenv("ALBERGUE_DB", str(tmp_path / "elsewhere.sqlite"))
    assert default_db_path() == tmp_path / "elsewhere.sqlite"
    monkeypatch.delenv("ALBERGUE_DB")
    assert default_db_path().name == "albergue.sqlite"


def test_busy_and_disk_full_become_spanish_storage_errors(tmp_path):
    full = db_module._storage_error(sqlite3.OperationalError("database or disk is full"),
                                    tmp_path)
    busy = db_module._storage_error(sqlite3.OperationalError("database is locked"), tmp_path)
    assert str(full).startswith("El disco está lleno; no se guardó nada.")
    assert str(busy) == "La base de datos está ocupada; inténtelo de nuevo en un momento."
