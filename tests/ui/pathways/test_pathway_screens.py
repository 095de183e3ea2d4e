"""The pathway board and every pathway form, driven by keyboard: Enter saves (errors stay
beside their field, typed values kept), Esc closes an untouched form and asks before
discarding typed work."""

from __future__ import annotations

from datetime import date

import pytest
from pathway_world import lodged_family
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidget, QMessageBox
from sqlmodel import select

from albergue_desktop.domain import clock
from albergue_desktop.services import centers, housing, jobs
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage import tables as t
from albergue_desktop.ui.pathways import forms
from albergue_desktop.ui.pathways.board import PathwayBoard
from albergue_desktop.ui.pathways.form import PathwayForm

COORD = Actor(username="coordinacion", role="coordinacion")
STAFF = Actor(username="vinc", role="vinculacion")


@pytest.fixture(autouse=True)
def _today():
    with clock.frozen(date(2022, 2, 1)):
        yield


def rows(db, model):
    with db.session() as s:
        return list(s.exec(select(model).where(model.deleted == False)))  # noqa: E712


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def board_loaded(qtbot, board):
    qtbot.waitUntil(lambda: board.loaded)
    return board


def type_into(qtbot, form, name, text):
    w = form.widgets[name]
    w.setFocus()
    if isinstance(w, QLineEdit):
        w.clear()
    if text.isascii():
        qtbot.keyClicks(w, text)
    else:  # QTest types ASCII only; the accented text goes in as an input method would
        w.insert(text)


def choose(form, name, code):
    combo = form.widgets[name]
    assert isinstance(combo, QComboBox)
    combo.setCurrentIndex(combo.findData(code))


def enter_and_wait(qtbot, form):
    with qtbot.waitSignal(form.finished):
        qtbot.keyClick(form.widgets[form.spec.fields[0].name], Qt.Key.Key_Return)


def test_board_lists_households_by_stage_and_filters_by_center(qtbot, db, center, tasks):
    other = centers.create_center(db, SYSTEM, code="9", name="Centro 9")
    area = centers.create_area(db, SYSTEM, center_id=other.id, name="A")
    centers.add_beds(db, SYSTEM, area_id=area.id, count=3)
    lodged_family(db, center.id)
    lodged_family(db, other.id, surname="Pierre")
    board = board_loaded(qtbot, show(qtbot, PathwayBoard(db, COORD, tasks)))
    arrived = board.columns["arrived"]
    assert arrived.count() == 2
    assert board.headers["arrived"].text() == "Llegada (2)"
    board.loaded = False
    board.center.setCurrentIndex(board.center.findData(other.id))
    board_loaded(qtbot, board)
    assert arrived.count() == 1 and "Marie-Claude Pierre" in arrived.item(0).text()


def test_discharge_from_the_board_by_keyboard(qtbot, db, center, tasks):
    hh, ids = lodged_family(db, center.id)
    board = board_loaded(qtbot, show(qtbot, PathwayBoard(db, COORD, tasks)))
    board.columns["arrived"].setCurrentRow(0)
    qtbot.waitUntil(lambda: board.people.count() == 3)
    assert "días en albergue" in board.summary.text()
    head = board.people.item(0).text()
    assert "falta:" in head and "RFC" in head and "NSS" in head  # what is missing to be hired
    board.actions["discharge"].click()
    form = board.form
    assert isinstance(form, PathwayForm)
    choose(form, "destination", "other_city")
    type_into(qtbot, form, "destination_detail", "Tijuana")
    choose(form, "transport", "bus_ticket")
    board.loaded = False
    enter_and_wait(qtbot, form)
    [d] = rows(db, t.Discharge)
    assert d.household_id == hh and d.destination_detail == "Tijuana"
    assert d.transport == "bus_ticket" and sorted(d.person_ids) == sorted(ids)
    board_loaded(qtbot, board)
    assert board.columns["left"].count() == 1 and board.columns["arrived"].count() == 0


def test_enter_with_an_error_keeps_the_form_and_what_was_typed(qtbot, db, center, tasks):
    hh, _ids = lodged_family(db, center.id)
    form = show(qtbot, PathwayForm(forms.discharge_form(db, COORD, household_id=hh), tasks))
    choose(form, "destination", "other_city")  # no "where"
    type_into(qtbot, form, "transport_detail", "Camión 7")
    qtbot.keyClick(form.widgets["transport_detail"], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errors["destination_detail"].isVisible())
    assert "a dónde" in form.errors["destination_detail"].text()
    assert form.isVisible() and form.widgets["transport_detail"].text() == "Camión 7"
    assert rows(db, t.Discharge) == []


def test_esc_asks_before_discarding_typed_work(qtbot, db, tasks):
    form = show(qtbot, PathwayForm(forms.employer_form(db, STAFF), tasks))
    qtbot.keyClick(form, Qt.Key.Key_Escape)  # nothing typed: closes
    assert not form.isVisible()
    form = show(qtbot, PathwayForm(forms.employer_form(db, STAFF), tasks))
    type_into(qtbot, form, "name", "Taller Ruiz")
    qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: form.discard_box is not None and form.discard_box.isVisible())
    qtbot.keyClick(form.discard_box, Qt.Key.Key_Escape)  # Esc on the question keeps the work
    assert form.isVisible() and form.widgets["name"].text() == "Taller Ruiz"
    qtbot.keyClick(form.widgets["name"], Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: form.discard_box.isVisible())
    discard = [b for b in form.discard_box.buttons()
               if form.discard_box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole][0]
    discard.click()
    qtbot.waitUntil(lambda: not form.isVisible())
    assert rows(db, t.Employer) == []


def _employer(db):
    return jobs.save_employer(db, STAFF, name="Maquiladora")


def _lease(db):
    home = housing.save_home(db, STAFF, housing.HomeInput(address="Calle 5", rent=3000))
    return housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 1, 1))


# form name -> (build spec, fill, model saved, check)
def _cases(db, center):
    hh, ids = lodged_family(db, center.id)
    head, child = ids[0], ids[2]
    emp = _employer(db)
    opening = jobs.save_opening(db, STAFF, jobs.OpeningInput(emp.id, "Soldador"))
    lease = _lease(db)
    housing.save_home(db, STAFF, housing.HomeInput(address="Calle 9"))
    housing.save_landlord(db, STAFF, name="Sr. Ruiz")
    ch = forms.load_choices(db)
    return {
        "employer": (forms.employer_form(db, STAFF),
                     [("name", "Taller Ruiz"), ("rfc", "TRU010101AB1")], t.Employer,
                     lambda r: any(x.name == "Taller Ruiz" and x.rfc == "TRU010101AB1"
                                   for x in r)),
        "opening": (forms.opening_form(db, STAFF, ch),
                    [("employer_id", emp.id), ("position", "soudeur"), ("count", "4"),
                     ("wage", "2,800")], t.JobOpening,
                    lambda r: any(x.isco_code == "7212" and x.count == 4 and x.wage == 2800
                                  for x in r)),
        "paperwork": (forms.paperwork_form(db, STAFF, head, "Marie"),
                      [("rfc_status", "appointment"), ("rfc_appointment", "15/02/2022")],
                      t.WorkPaperwork,
                      lambda r: r[0].rfc_appointment == date(2022, 2, 15)),
        "placement": (forms.placement_form(db, STAFF, head, "Marie", ch),
                      [("opening_id", opening.id)], t.JobPlacement,
                      lambda r: r[0].person_id == head and r[0].outcome == "proposed"),
        "landlord": (forms.landlord_form(db, STAFF), [("name", "Sra. Gómez")], t.Landlord,
                     lambda r: any(x.name == "Sra. Gómez" for x in r)),
        "home": (forms.home_form(db, STAFF, ch),
                 [("address", "Av. Colón 44"), ("rooms", "3"), ("rent", "3500"),
                  ("status", "recovered")], t.Home,
                 lambda r: any(x.address == "Av. Colón 44" and x.recovered for x in r)),
        "lease": (forms.lease_form(db, STAFF, ch), [("home_id", ch.homes[0][0])], t.Lease,
                  lambda r: len(r) == 2),
        "move_in": (forms.move_in_form(db, STAFF, hh, "Marie", ch),
                    [("lease_id", lease.id), ("rent_share", "1500")], t.LeaseHousehold,
                    lambda r: r[0].household_id == hh and r[0].rent_share == 1500),
        "asylum": (forms.asylum_form(db, COORD, head, "Marie"),
                   [("office", "COMAR Tijuana"), ("status", "constancia")],
                   t.AsylumApplication, lambda r: r[0].status == "constancia"),
        "referral": (forms.referral_form(db, COORD, child, "Roseline"),
                     [("office", "PPNNA Mexicali")], t.ProtectionReferral,
                     lambda r: r[0].person_id == child),
        "school": (forms.school_form(db, STAFF, child, "Roseline"),
                   [("school", "Primaria Juárez"), ("grade", "2")], t.SchoolEnrollment,
                   lambda r: r[0].grade == 2 and r[0].level == "primaria"),
        "inea": (forms.inea_form(db, STAFF, head, "Marie"), [("level", "secundaria")],
                 t.IneaEnrollment, lambda r: r[0].level == "secundaria"),
        "spanish": (forms.spanish_group_form(db, STAFF, center.id, [(head, "Marie")]),
                    [("name", "Español A"), ("members", [head])], t.SpanishGroup,
                    lambda r: r[0].member_ids == [head]),
        "discharge_alone": (forms.discharge_form(db, COORD, person_id=ids[1], who="Jean"),
                            [("destination", "return"), ("destination_detail", "Haití")], t.Discharge,
                            lambda r: r[0].person_id == ids[1]),
    }


CASES = ("employer", "opening", "paperwork", "placement", "landlord", "home", "lease",
         "move_in", "asylum", "referral", "school", "inea", "spanish", "discharge_alone")


@pytest.mark.parametrize("case", CASES)
def test_each_form_saves_by_keyboard(qtbot, db, center, tasks, case):
    spec, fill, model, check = _cases(db, center)[case]
    form = show(qtbot, PathwayForm(spec, tasks))
    for name, value in fill:
        w = form.widgets[name]
        if isinstance(w, QComboBox):
            assert w.findData(value) >= 0, (name, value)
            w.setCurrentIndex(w.findData(value))
        elif isinstance(w, QListWidget):
            for i in range(w.count()):
                item = w.item(i)
                item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole)
                                   in value else Qt.CheckState.Unchecked)
        else:
            type_into(qtbot, form, name, value)
    enter_and_wait(qtbot, form)
    assert form.result() == form.DialogCode.Accepted, form.message.text()
    assert check(rows(db, model))


def test_a_role_sees_only_its_actions(qtbot, db, center, tasks):
    board = board_loaded(qtbot, show(qtbot, PathwayBoard(db, STAFF, tasks)))
    assert "asylum" not in board.actions and "referral" not in board.actions
    assert "employer" in board.actions and "discharge" in board.actions
    board = board_loaded(qtbot, show(qtbot, PathwayBoard(db, Actor("r", "registro"), tasks)))
    assert "employer" not in board.actions and "paperwork" not in board.actions


def test_candidates_for_an_opening_with_reasons_and_send_to_interview(qtbot, db, center, tasks):
    from albergue_desktop.services import people
    from albergue_desktop.storage.tables import PersonUpdate
    from albergue_desktop.ui.pathways.lists import CandidatesDialog
    _hh, ids = lodged_family(db, center.id)
    people.update_person(db, SYSTEM, ids[0], PersonUpdate(
        work_experience=[{"occupation": "sodè", "years": 6}]))
    emp = _employer(db)
    o = jobs.save_opening(db, STAFF, jobs.OpeningInput(emp.id, "Soldador"))
    dialog = show(qtbot, CandidatesDialog(db, STAFF, tasks, forms.load_choices(db).openings))
    qtbot.waitUntil(lambda: dialog.loaded and dialog.list.count() == 1)
    text = dialog.list.item(0).text()
    assert "Marie-Claude" in text and "sodè, 6 años" in text and "7212" in text
    assert "Falta:" in text
    dialog.list.setCurrentRow(0)
    dialog.send.click()
    qtbot.waitUntil(lambda: "entrevista" in dialog.status.text())
    [p] = rows(db, t.JobPlacement)
    assert p.person_id == ids[0] and p.opening_id == o.id and p.outcome == "proposed"


def test_expiring_documents_list(qtbot, db, center, tasks):
    from albergue_desktop.services import people
    from albergue_desktop.storage.tables import PersonUpdate
    from albergue_desktop.ui.pathways.lists import ExpiringDialog
    _hh, ids = lodged_family(db, center.id)
    people.update_person(db, SYSTEM, ids[0], PersonUpdate(
        migratory_status="tvrh", migratory_status_until=date(2022, 2, 20)))
    dialog = show(qtbot, ExpiringDialog(db, STAFF, tasks, None))
    qtbot.waitUntil(lambda: dialog.loaded)
    assert dialog.list.count() == 1 and "20/02/2022" in dialog.list.item(0).text()


def test_job_follow_up_and_move_out_from_the_board(qtbot, db, center, tasks):
    hh, ids = lodged_family(db, center.id)
    emp = _employer(db)
    o = jobs.save_opening(db, STAFF, jobs.OpeningInput(emp.id, "Soldador"))
    jobs.place(db, STAFF, person_id=ids[0], opening_id=o.id)
    lease = _lease(db)
    housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh, discharge=False)
    board = board_loaded(qtbot, show(qtbot, PathwayBoard(db, STAFF, tasks)))
    board.columns["housing"].setCurrentRow(0)
    qtbot.waitUntil(lambda: board.people.count() == 3)
    board.people.setCurrentRow(0)  # the head
    board.actions["outcome"].click()
    qtbot.waitUntil(lambda: board.form is not None and board.form.isVisible())
    form = board.form
    choose(form, "outcome", "started")
    type_into(qtbot, form, "start_date", "01/02/2022")
    enter_and_wait(qtbot, form)
    assert form.result() == form.DialogCode.Accepted, form.message.text()
    [p] = rows(db, t.JobPlacement)
    assert p.outcome == "started" and p.start_date == date(2022, 2, 1)
    board.form = None
    board.actions["move_out"].click()
    qtbot.waitUntil(lambda: board.form is not None and board.form.isVisible())
    enter_and_wait(qtbot, board.form)
    [lh] = rows(db, t.LeaseHousehold)
    assert lh.moved_out == date(2022, 2, 1)


def test_spanish_class_session_records_attendance_of_the_chosen_group(qtbot, db, center,
                                                                      tasks):
    from albergue_desktop.services import schooling
    from albergue_desktop.ui.pathways.form import SessionForm
    _hh, ids = lodged_family(db, center.id)
    a = schooling.save_group(db, STAFF, name="Grupo A", member_ids=ids[:2])
    schooling.save_group(db, STAFF, name="Grupo B", member_ids=[ids[2]])
    groups = forms.spanish_groups(db, None)
    form = show(qtbot, SessionForm(forms.session_form(db, STAFF, groups), tasks))
    choose(form, "group_id", a.id)
    lst = form.widgets["present"]
    visible = [lst.item(i) for i in range(lst.count()) if not lst.item(i).isHidden()]
    assert len(visible) == 2  # Grupo B's member is not offered
    visible[0].setCheckState(Qt.CheckState.Checked)
    type_into(qtbot, form, "topic", "Saludos")
    enter_and_wait(qtbot, form)
    assert form.result() == form.DialogCode.Accepted, form.message.text()
    got = {r.person_id: (r.sessions, r.present) for r in schooling.attendance(db, STAFF, a.id)}
    assert got == {ids[0]: (1, 1), ids[1]: (1, 0)}
