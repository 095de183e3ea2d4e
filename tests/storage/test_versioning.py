"""The versioning hook: sync stamps (docs/sync-design.md), audit events, atomicity of the clock state."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import text
from sqlmodel import select

from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import AuditEvent, Center, Household, Person
from albergue_desktop.storage.versioning import (
    HLC_COUNTER_BITS, WriteContext, hlc_to_ms, next_hlc,
)


def seq_last(db: Database) -> int:
    return int(db.meta("seq_last"))


def add_center(db: Database, code: str = "03", user: str = "ana") -> Center:
    with db.session(user) as s:
        center = Center(code=code, name=f"Centro {code}")
        s.add(center)
    return center


def audits(db: Database, row_id: str) -> list[AuditEvent]:
    with db.session() as s:
        return list(s.exec(select(AuditEvent).where(AuditEvent.row_id == row_id)
                           .order_by(AuditEvent.change_seq)))


def test_insert_is_stamped(db):
    center = add_center(db, user="ana")
    with db.session() as s:
        row = s.get(Center, center.id)
    assert row.site_id == db.site_id
    assert row.created_by == row.updated_by == "ana"
    assert row.created_at is not None and row.created_at.tzinfo is not None
    assert row.created_at == row.updated_at
    assert row.change_seq >= 1 and row.hlc > 0
    assert row.vv == {db.site_id: row.change_seq}
    assert row.fv == {"*": [row.hlc, db.site_id, row.change_seq]}
    assert len(row.id) == 36 and row.id[14] == "7"  # UUIDv7


def test_update_stamps_only_changed_fields_and_bumps_the_vector(db):
    center = add_center(db)
    with db.session("luis") as s:
        row = s.get(Center, center.id)
        created = (row.created_at, row.created_by, row.change_seq, row.hlc)
        row.name, row.daily_capacity = "Centro Tres", 120
        row.address = row.address  # assigned but unchanged: not a change
        s.add(row)
    with db.session() as s:
        row = s.get(Center, center.id)
    assert (row.created_at, row.created_by) == created[:2]
    assert row.updated_by == "luis"
    assert row.change_seq > created[2] and row.hlc > created[3]
    dot = [row.hlc, db.site_id, row.change_seq]
    assert row.fv == {"*": [created[3], db.site_id, created[2]], "name": dot,
                      "daily_capacity": dot}
    assert row.vv == {db.site_id: row.change_seq}


def test_writing_the_same_value_changes_nothing(db):
    center = add_center(db)
    before = seq_last(db)
    with db.session("luis") as s:
        row = s.get(Center, center.id)
        row.name = row.name
        s.add(row)
    assert seq_last(db) == before
    assert [a.action for a in audits(db, center.id)] == ["create"]


def test_change_seq_strictly_increases_across_sessions_and_reopening(tmp_path):
    path = tmp_path / "seq.sqlite"
    seqs = []
    for round_ in range(3):
        database = Database.open(path)
        for i in range(2):
            c = add_center(database, code=f"{round_}{i}")
            with database.session() as s:
                seqs.append(s.get(Center, c.id).change_seq)
        database.close()
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
    database = Database.open(path)
    with database.session() as s:
        all_seqs = s.connection().execute(text(
            "SELECT change_seq FROM center UNION ALL SELECT change_seq FROM audit_event"
        )).scalars().all()
    assert len(all_seqs) == len(set(all_seqs))  # every stamped row has its own number
    assert max(all_seqs) == seq_last(database)
    database.close()


def test_hlc_is_monotonic_when_the_wall_clock_goes_backwards(db):
    def write(clock_ms: int, code: str) -> int:
        with db.session("t") as s:
            s.info["write_context"] = WriteContext(db.site_id, "t", clock=lambda: clock_ms)
            center = Center(code=code, name="x")
            s.add(center)
        return center.hlc

    first = write(1_700_000_000_000, "01")
    assert hlc_to_ms(first) == 1_700_000_000_000
    second = write(1_600_000_000_000, "02")     # the laptop clock went back a few years
    third = write(1_600_000_000_000, "03")
    assert first < second < third
    assert hlc_to_ms(second) == hlc_to_ms(third) == 1_700_000_000_000
    later = write(1_800_000_000_000, "04")      # physical time wins again once it is ahead
    assert later == 1_800_000_000_000 << HLC_COUNTER_BITS
    assert int(db.meta("hlc_last")) == later


def test_next_hlc():
    assert next_hlc(0, 5) == 5 << HLC_COUNTER_BITS
    assert next_hlc(5 << HLC_COUNTER_BITS, 5) == (5 << HLC_COUNTER_BITS) + 1
    assert next_hlc(9 << HLC_COUNTER_BITS, 5) == (9 << HLC_COUNTER_BITS) + 1


def test_physical_delete_of_a_synced_row_is_refused(db):
    center = add_center(db)
    before = seq_last(db)
    with pytest.raises(RuntimeError, match="tombstone"):
        with db.session("t") as s:
            s.delete(s.get(Center, center.id))
    with db.session() as s:
        assert s.get(Center, center.id) is not None
    assert seq_last(db) == before


def test_audit_events_for_create_update_and_delete(db):
    center = add_center(db, user="ana")
    with db.session("luis") as s:
        row = s.get(Center, center.id)
        row.name = "Centro Tres"
        s.add(row)
    with db.session("eva") as s:
        row = s.get(Center, center.id)
        row.deleted, row.delete_reason = True, "cerrado"
        s.add(row)
    events = audits(db, center.id)
    assert [(e.action, e.username, e.table_name) for e in events] == [
        ("create", "ana", "center"), ("update", "luis", "center"), ("delete", "eva", "center")]
    assert events[1].changes == {"name": ["Centro 03", "Centro Tres"]}
    assert events[2].changes == {"deleted": [False, True], "delete_reason": [None, "cerrado"]}
    # audit events are synced rows too, stamped by the same hook
    assert all(e.site_id == db.site_id and e.vv == {db.site_id: e.change_seq} for e in events)


def test_audit_changes_are_json_friendly(db):
    with db.session("t") as s:
        hh = Household(size=1)
        s.add(hh)
        s.flush()
        person = Person(given_names="Ana", sex="F", birth_date=date(1990, 1, 2),
                        household_id=hh.id)
        s.add(person)
    with db.session("t") as s:
        p = s.get(Person, person.id)
        p.birth_date = date(1991, 3, 4)
        s.add(p)
    assert audits(db, person.id)[-1].changes == {"birth_date": ["1990-01-02", "1991-03-04"]}


def test_session_without_audit_writes_no_events(db):
    with db.session("t", audit=False) as s:
        center = Center(code="09", name="x")
        s.add(center)
    assert audits(db, center.id) == []
    with db.session() as s:
        assert s.get(Center, center.id).change_seq > 0


def test_failed_transaction_leaves_nothing_and_keeps_the_sequence(db):
    add_center(db, code="01")
    before_seq, before_hlc = seq_last(db), db.meta("hlc_last")
    with pytest.raises(ZeroDivisionError):
        with db.session("t") as s:
            s.add(Center(code="02", name="will vanish"))
            s.flush()  # stamped and written inside the transaction...
            assert s.connection().execute(text("SELECT count(*) FROM center")).scalar() == 2
            1 / 0      # ...then the unit of work fails
    with db.session() as s:
        assert [c.code for c in s.exec(select(Center))] == ["01"]
        assert s.connection().execute(text(
            "SELECT count(*) FROM audit_event")).scalar() == 1
    assert seq_last(db) == before_seq and db.meta("hlc_last") == before_hlc


def test_a_constraint_failure_at_commit_rolls_everything_back(db):
    from sqlalchemy.exc import IntegrityError

    add_center(db, code="01")
    before = seq_last(db)
    with pytest.raises(IntegrityError):
        with db.session("t") as s:
            s.add(Center(code="05", name="ok"))
            s.add(Center(code="01", name="duplicate code"))
    with db.session() as s:
        assert [c.code for c in s.exec(select(Center))] == ["01"]
    assert seq_last(db) == before


def test_writes_need_a_database_session(db):
    from albergue_desktop.storage.db import AlbergueSession

    with AlbergueSession(db.engine) as s:  # no write context: who is writing is unknown
        s.add(Center(code="07", name="x"))
        with pytest.raises(RuntimeError, match="Database.session"):
            s.flush()
