"""The audit log viewer and the record's "who viewed this record" section: only
supervision and administration get them, the query runs in the worker, filters narrow it,
and opening a record is audited once (not again when it reloads after an edit)."""

from __future__ import annotations

import os
from datetime import date

import pytest
from ui_helpers import actor_of, record_loaded, show_window

from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.ui.audit.actions import open_audit
from albergue_desktop.ui.main_window import MainWindow


@pytest.fixture
def person(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Rose", surnames="Pierre", sex="F", birth_date=date(1990, 5, 1),
        relationship="head", nationality="HT")])
    return reg.person_ids[0], reg.folios[0]


def _window(qtbot, db, role, center, username=None):
    return show_window(qtbot, MainWindow(db, actor_of(role, center.id, username)))


@pytest.mark.parametrize("role", ["registro", "salud", "coordinacion"])
def test_other_roles_have_no_audit_menu_and_no_viewers_section(db, center, person, qtbot,
                                                               role):
    window = _window(qtbot, db, role, center)
    assert "audit" not in window.menus.actions
    window.open_person(person[0])
    qtbot.waitUntil(lambda: record_loaded(window, person[1]) is not None)
    assert window.current_record().viewers_label is None


def test_a_supervisor_sees_who_viewed_and_filters_the_log(db, center, person, qtbot,
                                                          tmp_path):
    pid, folio = person
    intake = _window(qtbot, db, "registro", center, "registro1")
    intake.open_person(pid)
    qtbot.waitUntil(lambda: record_loaded(intake, folio) is not None)
    intake.current_record().reload()  # a reload is not a new read
    qtbot.waitUntil(lambda: intake.tasks.pending == 0)
    intake.close()

    window = _window(qtbot, db, "supervision", center, "sup1")
    window.open_person(pid)
    qtbot.waitUntil(lambda: record_loaded(window, folio) is not None)
    view = window.current_record()
    qtbot.waitUntil(lambda: "registro1" in view.viewers_label.text())
    assert view.viewers_label.text().count("registro1") == 1
    assert view.parentWidget() is not None

    audit = open_audit(window)
    assert window.menus.actions["audit"].text() == "&Registro de auditoría"
    qtbot.waitUntil(lambda: audit.results.rowCount() > 0 and audit.user.count() > 1)
    assert window.tabs.tabText(window.tabs.currentIndex()) == "Registro de auditoría"
    audit.action.setCurrentIndex(audit.action.findData("view_record"))
    with qtbot.waitSignal(audit.shown):
        audit.search()
    users = {audit.results.item(r, 1).text() for r in range(audit.results.rowCount())}
    assert users == {"registro1", "sup1"}
    assert audit.results.item(0, 2).text() == "Registro abierto"
    audit.user.setCurrentIndex(audit.user.findData("registro1"))
    with qtbot.waitSignal(audit.shown):
        audit.search()
    assert audit.results.rowCount() == 1
    audit.action.setCurrentIndex(0)
    audit.user.setCurrentIndex(0)
    audit.person.setText(folio)
    with qtbot.waitSignal(audit.shown):
        audit.search()
    assert audit.results.rowCount() >= 3  # the person's creation and the two reads
    assert audit.status.text().endswith("eventos.")
    audit.use_dates.setChecked(True)
    audit.start.setDate(audit.start.date().addYears(-30))
    audit.end.setDate(audit.start.date())
    with qtbot.waitSignal(audit.shown):
        audit.search()
    assert audit.results.rowCount() == 0
    if os.environ.get("ALBERGUE_SHOTS"):  # a look at the screen (docs/audit-chain.md)
        audit.use_dates.setChecked(False)
        audit.person.clear()
        with qtbot.waitSignal(audit.shown):
            audit.search()
        window.grab().save(os.path.join(os.environ["ALBERGUE_SHOTS"], "audit_viewer.png"))
        window.tabs.setCurrentWidget(view)
        window.grab().save(os.path.join(os.environ["ALBERGUE_SHOTS"], "who_viewed.png"))
