"""Schema migrations: a file written by schema version 1 (tests/data/schema_v1.sqlite, made by
tests/data/make_schema_v1.py with the v1 code) opens and upgrades in place; the migration
runner applies new versions atomically; migrations produce the schema tables.py declares."""

from __future__ import annotations

import hashlib
import importlib
from albergue_sync import dbapi as sqlite3
from pathlib import Path

import pytest
from sqlmodel import SQLModel, select

from albergue_desktop.domain.errors import StorageError
from albergue_desktop.services import people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage import migrations
from albergue_desktop.storage import tables  # noqa: F401  (registers every table)
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Bed, Person, Stay
from factories import copy_db  # noqa: E402

V1_FILE = Path(__file__).parents[1] / "data" / "schema_v1.sqlite"
V1_SHA256 = hashlib.sha256(V1_FILE.read_bytes()).hexdigest()
V1_SITE_ID = "879c0d29f2a3aa3e1a3e663867885562"
V1_SEQ_LAST = 70
# the module that defines the runner (it may re-export from the sync package)
RUNNER = importlib.import_module(migrations.apply.__module__)


@pytest.fixture
def v1_copy(tmp_path):
    """A private copy of the committed v1 file; the committed file must stay byte-identical."""
    copy = tmp_path / "center03-v1.sqlite"
    copy_db(V1_FILE, copy)
    yield copy
    assert hashlib.sha256(V1_FILE.read_bytes()).hexdigest() == V1_SHA256
    for suffix in ("-wal", "-shm", "-journal"):
        assert not Path(str(V1_FILE) + suffix).exists()


def raw(path: Path, sql: str, params=()) -> list[tuple]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def columns(path: Path, table: str) -> set[str]:
    return {r[1] for r in raw(path, f"PRAGMA table_info({table})")}


def test_committed_file_is_a_small_self_contained_v1_file():
    data = V1_FILE.read_bytes()
    assert len(data) < 200_000
    assert data[18] == data[19] == 1  # rollback-journal mode: no -wal file needed
    conn = sqlite3.connect(f"file:{V1_FILE}?mode=ro&immutable=1", uri=True)
    try:
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT count(*) FROM person").fetchone() == (6,)
    finally:
        conn.close()
    assert (meta["app"], meta["schema_version"], meta["site_id"]) == (
        "albergue", "1", V1_SITE_ID)


def test_current_code_opens_and_upgrades_a_v1_copy(v1_copy):
    database = Database.open(v1_copy)
    try:
        assert database.schema_version == migrations.CURRENT_SCHEMA_VERSION
        assert (database.site_id, database.meta("seq_last")) == (V1_SITE_ID, str(V1_SEQ_LAST))
        with database.session() as s:
            persons = {p.folio: p for p in s.exec(select(Person))}
            open_stays = s.exec(select(Stay).where(Stay.check_out == None)).all()  # noqa: E711
            occupied = s.exec(select(Bed).where(Bed.status == "occupied")).all()
            statuses = {b.status for b in s.exec(select(Bed))}
        assert sorted(persons) == [f"MXL-03-{n:06d}" for n in range(1, 7)]
        marie = persons["MXL-03-000001"]
        assert (marie.given_names, marie.surnames, marie.sex, str(marie.birth_date)) == (
            "Marie-Claude", "Joseph", "F", "1990-05-01")
        assert marie.phone == "+52 686 555 0101" and marie.vv == {V1_SITE_ID: marie.change_seq}
        assert persons["MXL-03-000003"].birth_date_estimated is True
        assert persons["MXL-03-000006"].deleted is True
        assert len(open_stays) == 4
        # v0010: a bed keeps only what staff set; occupancy is the open stays.
        assert occupied == [] and statuses <= {"available", "out_of_service"}
        assert all(st.bed_id for st in open_stays)
        assert open_stays[0].check_in.tzinfo is not None
    finally:
        database.close()
    assert raw(v1_copy, "PRAGMA integrity_check") == [("ok",)]


def test_search_works_on_an_upgraded_v1_file(v1_copy):
    database = Database.open(v1_copy)
    try:
        def find(q):
            return [r.folio for r in people.search_people(database, SYSTEM, q)]
        assert find("wilnes") == ["MXL-03-000003"]
        assert find("JOSEPH marie") == ["MXL-03-000001"]
        assert find("pp 1234567") == ["MXL-03-000001"]
        assert find("JOMC900501MNESSR05") == ["MXL-03-000001"]
        assert find("0012345678") == ["MXL-03-000004"]
        assert find("d'haiti") == ["MXL-03-000005"]
        assert find("Ti-Jean") == []                      # tombstoned in the v1 file
        rows = {r.folio: r for r in people.search_people(database, SYSTEM, "", limit=50)}
        assert rows["MXL-03-000001"].status == "present"
        assert rows["MXL-03-000005"].status == "discharged"
        assert rows["MXL-03-000004"].bed_code is not None
    finally:
        database.close()


def test_an_upgraded_v1_file_keeps_working(v1_copy):
    from factories import member

    database = Database.open(v1_copy)
    try:
        with database.session() as s:
            center_id = s.get(Person, raw(v1_copy, "SELECT id FROM person LIMIT 1")[0][0]
                              ).center_id
        reg = people.register_household(database, SYSTEM, center_id=center_id,
                                        members=[member("Nouvo", "Moun")])
        assert reg.folios == ["MXL-03-000007"]
        with database.session() as s:
            person = s.get(Person, reg.person_ids[0])
            held = {st.bed_id for st in s.exec(select(Stay).where(
                Stay.check_out == None, Stay.deleted == False))}  # noqa: E711, E712
            free = next(b for b in s.exec(select(Bed).where(Bed.status == "available"))
                        if b.id not in held)
        assert person.change_seq > V1_SEQ_LAST          # the sequence continues
        stays.check_in(database, SYSTEM, person_id=person.id, center_id=center_id,
                       bed_id=free.id)
        assert [r.folio for r in people.search_people(database, SYSTEM, "nouvo")] == [
            "MXL-03-000007"]
    finally:
        database.close()


# --- the runner with an extra (fake) migration -----------------------------------------------

def _with_extra_migration(monkeypatch, statements: list[str]) -> int:
    """Pretend the app ships one more migration; returns its version number."""
    extra = migrations.CURRENT_SCHEMA_VERSION + 1
    real_load = RUNNER.load
    monkeypatch.setattr(RUNNER, "MIGRATIONS", {**RUNNER.MIGRATIONS, extra: "vNNNN_test.sql"})
    monkeypatch.setattr(RUNNER, "load",
                        lambda v: list(statements) if v == extra else real_load(v))
    for module in {RUNNER, migrations}:
        monkeypatch.setattr(module, "CURRENT_SCHEMA_VERSION", extra)
    return extra


EXTRA_OK = ["ALTER TABLE person ADD COLUMN nickname VARCHAR",
            "CREATE TABLE test_extra (id INTEGER PRIMARY KEY, note VARCHAR)",
            "UPDATE person SET nickname = 'Mimi' WHERE folio = 'MXL-03-000001'"]


def test_a_v1_file_runs_every_later_migration_in_order(v1_copy, monkeypatch):
    extra = _with_extra_migration(monkeypatch, EXTRA_OK)
    database = Database.open(v1_copy)
    database.close()
    assert raw(v1_copy, "SELECT value FROM meta WHERE key = 'schema_version'") == [(str(extra),)]
    assert "nickname" in columns(v1_copy, "person")
    assert raw(v1_copy, "SELECT nickname FROM person WHERE folio = 'MXL-03-000001'") == [
        ("Mimi",)]
    assert raw(v1_copy, "SELECT count(*) FROM person") == [(6,)]
    # every real migration between 1 and the extra one ran too
    for table in SQLModel.metadata.tables:
        assert raw(v1_copy, "SELECT 1 FROM sqlite_master WHERE name = ?", (table,)), table
    # opening again does not migrate again (ALTER TABLE would fail on a second run)
    Database.open(v1_copy).close()


def test_a_current_file_gets_only_the_new_migration(tmp_path, monkeypatch):
    path = tmp_path / "current.sqlite"
    Database.open(path).close()
    ran = []
    extra = _with_extra_migration(monkeypatch, EXTRA_OK)
    real_load = RUNNER.load
    monkeypatch.setattr(RUNNER, "load", lambda v: ran.append(v) or real_load(v))
    Database.open(path).close()
    assert ran == [extra]
    assert "nickname" in columns(path, "person")


@pytest.mark.parametrize("bad_statement", [
    "ALTER TABLE no_such_table ADD COLUMN x INTEGER",           # OperationalError
    "CREATE UNIQUE INDEX ux_test_surnames ON person (surnames)",  # IntegrityError: 2 Josephs
])
def test_a_failing_migration_leaves_the_file_as_it_was(v1_copy, monkeypatch, bad_statement):
    _with_extra_migration(monkeypatch, [*EXTRA_OK, bad_statement])
    before = v1_copy.read_bytes()
    with pytest.raises(StorageError) as err:
        Database.open(v1_copy)
    assert str(err.value).startswith(f"No se puede abrir {v1_copy}")
    assert raw(v1_copy, "SELECT value FROM meta WHERE key = 'schema_version'") == [("1",)]
    assert "nickname" not in columns(v1_copy, "person")
    assert not raw(v1_copy, "SELECT 1 FROM sqlite_master WHERE name = 'test_extra'")
    assert raw(v1_copy, "PRAGMA integrity_check") == [("ok",)]
    conn = sqlite3.connect(v1_copy)  # fold any WAL back before comparing pages
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    assert v1_copy.read_bytes()[100:] == before[100:]  # same pages (header counters aside)


# --- the schema the migrations build is the schema tables.py declares -------------------------

def _assert_matches_metadata(path: Path) -> None:
    problems = []
    for table in SQLModel.metadata.sorted_tables:
        have = columns(path, table.name)
        if not have:
            problems.append(f"table {table.name} missing")
            continue
        for column in table.columns:
            if column.name not in have:
                problems.append(f"column {table.name}.{column.name} missing")
        indexes = {r[1]: r for r in raw(path, f"PRAGMA index_list({table.name})")}
        for index in table.indexes:
            if index.name not in indexes:
                problems.append(f"index {index.name} missing")
                continue
            cols = [r[2] for r in raw(path, f"PRAGMA index_info({index.name})")]
            if cols != [c.name for c in index.columns]:
                problems.append(f"index {index.name} is on {cols}")
            if bool(indexes[index.name][2]) != bool(index.unique):
                problems.append(f"index {index.name} uniqueness differs")
    assert not problems, "tables.py and the migrations disagree (add a migration):\n" + \
        "\n".join(problems)


def test_migrated_new_file_matches_tables_py(tmp_path):
    path = tmp_path / "fresh.sqlite"
    Database.open(path).close()
    _assert_matches_metadata(path)


def test_upgraded_v1_file_matches_tables_py_and_a_new_file(v1_copy, tmp_path):
    Database.open(v1_copy).close()
    _assert_matches_metadata(v1_copy)
    fresh = tmp_path / "fresh.sqlite"
    Database.open(fresh).close()
    schema = "SELECT type, name, tbl_name FROM sqlite_master ORDER BY name"
    assert raw(v1_copy, schema) == raw(fresh, schema)
    for (_type, name, _tbl) in raw(fresh, schema):
        if _type == "table":
            assert raw(v1_copy, f"PRAGMA table_info({name})") == \
                raw(fresh, f"PRAGMA table_info({name})"), name


def test_the_metadata_check_catches_a_column_without_migration(tmp_path, monkeypatch):
    from sqlalchemy import Column, String

    path = tmp_path / "fresh.sqlite"
    Database.open(path).close()
    column = Column("shoe_size", String)
    tables.Person.__table__.append_column(column)
    try:
        with pytest.raises(AssertionError, match="person.shoe_size missing"):
            _assert_matches_metadata(path)
    finally:
        tables.Person.__table__._columns.remove(column)
    _assert_matches_metadata(path)


def test_fts_index_is_rebuilt_consistently_after_upgrade(v1_copy):
    Database.open(v1_copy).close()
    live = raw(v1_copy, "SELECT k.n FROM person p JOIN person_key k ON k.person_id = p.id"
                        " WHERE p.deleted = 0 ORDER BY k.n")
    assert raw(v1_copy, "SELECT rowid FROM person_fts ORDER BY rowid") == live
    # every person has a key, in registration order (schema v11)
    assert raw(v1_copy, "SELECT count(*) FROM person") == \
        raw(v1_copy, "SELECT count(*) FROM person_key")
    by_key = raw(v1_copy, "SELECT p.created_at FROM person p JOIN person_key k"
                          " ON k.person_id = p.id ORDER BY k.n")
    assert by_key == sorted(by_key)
    conn = sqlite3.connect(v1_copy)
    try:  # FTS5's own check: the index agrees with its stored content
        conn.execute("INSERT INTO person_fts(person_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
