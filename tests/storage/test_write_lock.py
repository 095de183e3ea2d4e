"""Write sessions take the write lock at BEGIN (``BEGIN IMMEDIATE``), read sessions do not.

Deterministic: the first writer is paused by an event right after it has read the state it
decides on; nothing waits on a clock except SQLite's busy handler of the second writer.
"""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import event, select, text

from albergue_desktop.domain.errors import StorageError
from albergue_desktop.services import centers
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage import db as dbmod
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import Bed

WAIT = 30  # seconds: a safety net against a hung test, never a timing that is asserted


def _no_wait(database: Database) -> None:
    """Make every new connection of ``database`` fail at once on a lock instead of waiting."""
    database.engine.dispose()
    event.listen(database.engine, "connect",
                 lambda conn, _rec: conn.execute("PRAGMA busy_timeout = 0"))


def test_a_write_session_holds_the_write_lock_from_its_first_read(db, tmp_path):
    other = Database.open(db.path)
    _no_wait(other)
    try:
        with db.session() as session:
            session.execute(text("SELECT count(*) FROM bed")).scalar_one()  # only a read
            with pytest.raises(StorageError):
                with other.session() as second:
                    second.execute(text("SELECT 1"))
            # readers are not held up by the writer
            with other.read_session() as reader:
                assert reader.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        other.close()


def test_a_read_session_refuses_to_write(db, center):
    with pytest.raises(RuntimeError):
        with db.read_session() as session:
            bed = session.scalars(select(Bed)).first()
            bed.code = "X-99"
            session.add(bed)
            session.flush()


def test_two_windows_adding_beds_at_once_get_distinct_codes(db, center):
    """Window A reads the beds of the area and is paused there; window B starts adding beds to
    the same area; A goes on. B waits for A's lock and numbers after A's beds."""
    area = centers.create_area(db, SYSTEM, center_id=center.id, name="Dormitorio B")
    second_window = Database.open(db.path)
    a_has_read, b_begins = threading.Event(), threading.Event()
    bed_reads = {"n": 0}

    def pause_a_after_reading(conn, cursor, statement, params, context, executemany):
        if threading.current_thread().name == "window-a" and "FROM bed" in statement \
                and "count" in statement.lower() and not a_has_read.is_set():
            bed_reads["n"] += 1
            a_has_read.set()
            assert b_begins.wait(WAIT)

    def note_b_begins(conn, cursor, statement, params, context, executemany):
        if statement.startswith("BEGIN"):
            b_begins.set()

    event.listen(db.engine, "after_cursor_execute", pause_a_after_reading)
    event.listen(second_window.engine, "before_cursor_execute", note_b_begins)
    results: dict[str, object] = {}

    def window(name, database):
        try:
            results[name] = centers.add_beds(database, SYSTEM, area_id=area.id, count=2)
        except BaseException as exc:  # reported below
            results[name] = exc

    a = threading.Thread(target=window, args=("a", db), name="window-a")
    a.start()
    assert a_has_read.wait(WAIT)
    b = threading.Thread(target=window, args=("b", second_window), name="window-b")
    b.start()
    a.join(WAIT)
    b.join(WAIT)
    second_window.close()
    assert not a.is_alive() and not b.is_alive()
    assert bed_reads["n"] == 1
    assert not isinstance(results["a"], BaseException), results["a"]
    assert not isinstance(results["b"], BaseException), results["b"]
    with db.read_session() as session:
        codes = session.scalars(select(Bed.code).where(Bed.area_id == area.id)).all()
    assert sorted(codes) == ["B-01", "B-02", "B-03", "B-04"]


def test_begin_mode_follows_the_session_kind(db):
    seen = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda c, cur, statement, *a: seen.append(statement)
                 if statement.startswith("BEGIN") else None)
    with db.session() as session:
        session.execute(text("SELECT 1"))
    with db.read_session() as session:
        session.execute(text("SELECT 1"))
    assert seen == ["BEGIN IMMEDIATE", "BEGIN"]
    assert dbmod.BEGIN_OPTION
