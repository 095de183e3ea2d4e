"""Audited reads (services/access_log.py): opening a record, a health view, an export,
a print and a command-line read leave who, when and what (never the values read); a
supervisor or administrator sees who viewed a record and searches the audit log with filters;
read events are chained like every audit row and health values never surface to a role
without the right to them."""

from __future__ import annotations

import json
from albergue_sync import dbapi as sqlite3
from datetime import date, timedelta

import pytest

from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.reports.excel_export import export_workbook
from albergue_desktop.reports.roster import roster_pdf
from albergue_desktop.services import access_log, people, records, screening
from albergue_desktop.services.access_log import AuditFilter
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_sync import auditchain

NOTE = "NOTA-CLINICA-CENTINELA"


@pytest.fixture
def world(db, center, intake_actor, make_member):
    result = people.register_household(db, intake_actor, center_id=center.id,
                                       members=[make_member(given="Rose", surnames="Pierre")])
    pid = result.person_ids[0]
    nurse = Actor("enf1", "salud", center.id)
    screening.record_screening(db, nurse, person_id=pid,
                               screening=ScreeningInput(temperature_c=36.8, notes=NOTE))
    return pid, nurse


def events(db, action):
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute("SELECT username, table_name, row_id, changes FROM audit_event "
                            "WHERE action = ? ORDER BY rowid", (action,)).fetchall()
    finally:
        conn.close()


SUPERVISOR = Actor("sup1", "supervision")
ADMIN = Actor("admin", "admin")


def test_opening_a_record_is_audited_and_not_part_of_its_history(db, world, intake_actor):
    pid, _nurse = world
    assert events(db, "view_record") == []
    record = records.person_record(db, intake_actor, pid)
    assert events(db, "view_record") == [("registro1", "person", pid, "{}")]
    assert all(h.action not in access_log.READ_ACTIONS for h in record.history)
    again = records.person_record(db, intake_actor, pid)
    assert len(again.history) == len(record.history)  # reads never fill the history
    viewers = access_log.viewers_of(db, SUPERVISOR, pid)
    assert [(v.username, v.action) for v in viewers] == [("registro1", "view_record")] * 2


def test_a_health_view_is_audited_without_its_values(db, world):
    pid, nurse = world
    screening.screenings_of(db, nurse, pid)
    ((user, table, row, changes),) = events(db, "view_health")
    assert (user, table, row) == ("enf1", "screening", pid)
    assert json.loads(changes) == {"what": "screenings", "count": 1}
    assert NOTE not in changes
    assert [v.action for v in access_log.viewers_of(db, SUPERVISOR, pid)] == ["view_health"]


def test_only_supervision_and_administration_see_who_viewed(db, world, intake_actor):
    pid, nurse = world
    for actor in (intake_actor, nurse, Actor("coord", "coordinacion")):
        with pytest.raises(PermissionDenied):
            access_log.viewers_of(db, actor, pid)
        with pytest.raises(PermissionDenied):
            access_log.search(db, actor, AuditFilter())
    access_log.viewers_of(db, ADMIN, pid)
    access_log.search(db, ADMIN, AuditFilter())


def test_a_print_and_an_export_are_audited(db, world, tmp_path):
    roster_pdf(db, SYSTEM, tmp_path / "roster.pdf", center="03")
    ((user, _t, _r, changes),) = events(db, "print")
    assert user == "system" and json.loads(changes) == {"report": "roster", "center": "03"}
    export_workbook(db, SYSTEM, tmp_path / "all.xlsx", day=date(2021, 12, 20))
    ((user, _t, _r, changes),) = events(db, "export")
    assert json.loads(changes) == {"report": "workbook", "day": "2021-12-20"}


def test_a_failed_print_leaves_no_read_event(db, world, tmp_path):
    with pytest.raises(PermissionDenied):
        roster_pdf(db, Actor("x", "nobody"), tmp_path / "x.pdf")
    assert events(db, "print") == []


def test_the_viewer_filters_by_user_action_table_dates_and_person(db, world, intake_actor,
                                                                  make_member):
    pid, nurse = world
    other = people.register_household(db, intake_actor, center_id=intake_actor.center_id,
                                      members=[make_member(given="Jean", surnames="Paul")]
                                      ).person_ids[0]
    records.person_record(db, intake_actor, pid)
    screening.screenings_of(db, nurse, pid)
    every = access_log.search(db, SUPERVISOR, AuditFilter())
    assert len(every) > 4 and every[0].at >= every[-1].at  # newest first
    by_user = access_log.search(db, SUPERVISOR, AuditFilter(username="enf1"))
    assert by_user and {line.username for line in by_user} == {"enf1"}
    reads = access_log.search(db, SUPERVISOR, AuditFilter(action="view_record"))
    assert [(line.username, line.row_id) for line in reads] == [("registro1", pid)]
    health = access_log.search(db, SUPERVISOR, AuditFilter(table_name="screening"))
    assert health and {line.table_name for line in health} == {"screening"}
    of_person = access_log.search(db, SUPERVISOR, AuditFilter(person_id=pid))
    assert of_person and other not in {line.row_id for line in of_person}
    assert any(line.table_name == "screening" and line.action == "create"
               for line in of_person)  # the person's screening belongs to their history
    today = every[0].at.date()
    assert access_log.search(db, SUPERVISOR, AuditFilter(start=today, end=today))
    assert access_log.search(db, SUPERVISOR, AuditFilter(
        start=today + timedelta(days=1))) == []
    assert access_log.search(db, SUPERVISOR, AuditFilter(end=today - timedelta(days=1))) == []
    choices = access_log.filter_choices(db, SUPERVISOR)
    assert {"enf1", "registro1"} <= set(choices.usernames)
    assert {"create", "view_record", "view_health"} <= set(choices.actions)


def test_an_administrator_never_sees_health_values_in_the_log(db, world):
    pid, nurse = world
    screening.record_screening(db, nurse, person_id=pid,
                               screening=ScreeningInput(temperature_c=37.0, notes=NOTE))
    with db.session("enf1") as session:  # a health audit row that carries values
        from albergue_desktop.storage.tables import AuditEvent
        from albergue_desktop.storage.versioning import utcnow
        session.add(AuditEvent(at=utcnow(), username="enf1", action="update",
                               table_name="screening", row_id="s1",
                               changes={"notes": [None, NOTE]}))
    shown = access_log.search(db, ADMIN, AuditFilter(table_name="screening"))
    assert shown and NOTE not in repr(shown)
    assert any(line.withheld for line in shown)
    assert NOTE in repr(access_log.search(db, SUPERVISOR, AuditFilter(table_name="screening")))


def test_read_events_are_chained_like_every_audit_row(db, world, intake_actor):
    pid, nurse = world
    records.person_record(db, intake_actor, pid)
    screening.screenings_of(db, nurse, pid)
    conn = sqlite3.connect(db.path)
    try:
        verdict = auditchain.verify(conn)
        unchained = conn.execute("SELECT count(*) FROM audit_event WHERE action LIKE 'view%' "
                                 "AND chain_hash IS NULL").fetchone()
    finally:
        conn.close()
    assert verdict.ok and verdict.rows >= 2 and unchained == (0,)


def test_a_read_event_refuses_anything_but_plain_values(db):
    with pytest.raises(TypeError):
        access_log.record(db, SYSTEM, access_log.PRINT, report="x", rows=[1, 2])
    with pytest.raises(ValueError):
        access_log.record(db, SYSTEM, "update")


def test_command_line_search_and_stats_are_audited(db, world, capsys, tmp_path):
    from albergue_desktop.cli import main
    from albergue_desktop.services import centers

    centers.create_user(db, Actor("admin", "admin"), username="ana", full_name="Ana Registro",
                        role="registro", password="clave-de-prueba-1")
    secret = tmp_path / "clave.txt"
    secret.write_text("clave-de-prueba-1\n", "utf-8")
    assert main(["search", "--db", str(db.path), "Rose", "--user", "ana",
                 "--password-file", str(secret)]) == 0
    assert main(["stats", "--db", str(db.path)]) == 0
    found = events(db, "cli_read")
    assert [(u, json.loads(c)) for (u, _t, _r, c) in found] == [
        ("ana", {"command": "search", "results": 1}), ("system", {"command": "stats"})]
    assert all("Rose" not in c for (*_x, c) in found)  # the search text is not kept
