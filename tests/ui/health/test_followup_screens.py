"""The health follow-up screens: the consultation form (Enter saves only when valid, Esc asks
before discarding typed work, a correction keeps the earlier record), the health desk (its
sections, an item opens the person), the record's health timeline per role (mental health
notes only for salud), and the referral form."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from ui_helpers import actor_of, show_window

from albergue_desktop.domain import clock
from albergue_desktop.services import (
    consultations, mental_health, referrals, stays,
)
from albergue_desktop.services.consultations import ConsultationInput
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.ui.health.care_dialogs import ReferralDialog
from albergue_desktop.ui.health.consultation import ConsultationDialog
from albergue_desktop.ui.health.desk import HealthDesk
from albergue_desktop.ui.main_window import MainWindow


def _dialog(qtbot, db, center, family, tasks, **kw) -> ConsultationDialog:
    dialog = ConsultationDialog(db, actor_of("salud", center.id), family.mother, tasks, **kw)
    dialog.confirm_discard = lambda: True  # closing at teardown never waits on a question
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.context is not None)
    return dialog


def test_enter_saves_only_a_valid_consultation(db, center, family, tasks, qtbot):
    dialog = _dialog(qtbot, db, center, family, tasks)
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)  # no reason yet: nothing is saved
    assert dialog.isVisible() and "obligatorio" in dialog.message.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.reason, "Tos y fiebre")
    qtbot.keyClicks(dialog.vitals["temperature_c"].edit, "39.6")
    assert dialog.badge.text() == "AMARILLO"  # above 39 °C: IITT high-risk vital
    qtbot.keyClicks(dialog.vitals["heart_rate"].edit, "400")  # out of range
    assert not dialog.save_button.isEnabled()
    qtbot.keyClick(dialog.vitals["heart_rate"].edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    dialog.vitals["heart_rate"].edit.clear()
    qtbot.keyClicks(dialog.diagnosis_search, "j06.9")
    qtbot.keyClick(dialog.diagnosis_search, Qt.Key.Key_Return)  # picks the first match
    assert dialog.diagnosis_code.text() == "<b>J06.9</b>"
    assert dialog.diagnosis_text.text().startswith("Infección aguda de las vías")
    assert dialog.isVisible()  # Enter in the search picks, it does not save
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    record = saved.args[0]
    assert record.input.reason == "Tos y fiebre" and record.input.diagnosis_code == "J06.9"
    assert str(record.colour) == "yellow" and not dialog.isVisible()


def test_esc_asks_before_discarding(db, center, family, tasks, qtbot, monkeypatch):
    dialog = _dialog(qtbot, db, center, family, tasks)
    asked = []
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(1) or False)
    qtbot.keyClicks(dialog.reason, "Dolor")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [1] and dialog.isVisible()  # kept: the user said no
    monkeypatch.setattr(dialog, "confirm_discard", lambda: asked.append(2) or True)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == [1, 2] and not dialog.isVisible()
    untouched = _dialog(qtbot, db, center, family, tasks)
    monkeypatch.setattr(untouched, "confirm_discard", lambda: asked.append(3) or False)
    qtbot.keyClick(untouched, Qt.Key.Key_Escape)  # nothing typed: closes without asking
    assert asked == [1, 2] and not untouched.isVisible()


def test_pregnancy_judges_the_pressure(db, center, family, tasks, qtbot):
    from albergue_desktop.services import pregnancy
    pregnancy.record_visit(db, actor_of("salud", center.id), person_id=family.mother,
                           visit=pregnancy.VisitInput(gestation_weeks=30))
    dialog = _dialog(qtbot, db, center, family, tasks)
    assert dialog.pregnant and "embarazada" in dialog.person_label.text()
    qtbot.keyClicks(dialog.vitals["systolic_bp"].edit, "165")
    assert dialog.badge.text() == "ROJO"  # IITT: pregnant with SBP >= 160


def test_a_correction_keeps_the_earlier_consultation(db, center, family, tasks, qtbot):
    nurse = actor_of("salud", center.id)
    first = consultations.record_consultation(db, nurse, person_id=family.mother,
                                              consultation=ConsultationInput(
                                                  reason="Cefalea", diagnosis_code="R51"))
    dialog = _dialog(qtbot, db, center, family, tasks, corrects=first)
    assert dialog.reason.text() == "Cefalea" and dialog.diagnosis_code.text() == "<b>R51</b>"
    dialog.reason.setText("Cefalea tensional")
    with qtbot.waitSignal(dialog.saved):
        dialog.save()
    history = consultations.consultations_of(db, nurse, family.mother)
    assert [r.input.reason for r in history] == ["Cefalea tensional", "Cefalea"]
    assert history[1].corrected_by_id == history[0].id


def test_desk_sections_and_opening_a_person(db, center, family, qtbot):
    for pid in (family.mother, family.father, family.child):
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center.id)
    nurse = actor_of("salud", center.id)
    yesterday = clock.today() - timedelta(days=1)
    consultations.record_consultation(
        db, nurse, person_id=family.father,
        when=datetime.now(timezone.utc) - timedelta(days=3),
        consultation=ConsultationInput(reason="Control de presión", follow_up_date=yesterday))
    referrals.create_referral(db, nurse, person_id=family.child, referral=referrals.ReferralInput(
        destination="Hospital Materno Infantil", reason="Valoración pediátrica",
        urgency="priority"))
    window = show_window(qtbot, MainWindow(db, nurse))
    window.menus.actions["health_desk"].trigger()
    desk = window.tabs.currentWidget()
    assert isinstance(desk, HealthDesk)
    with qtbot.waitSignal(desk.loaded):
        pass
    shown = desk.items_shown()
    assert shown["follow_up"] == [family.father]
    assert sorted(shown["pending_screening"]) == sorted([family.mother, family.father,
                                                          family.child])
    assert shown["referrals"] == [family.child] and shown["isolation"] == []
    section = desk.tree.topLevelItem(0)
    assert section.text(0) == "Seguimientos para hoy (1)"
    assert section.child(0).text(3).startswith("1 día de retraso")
    desk.tree.setCurrentItem(section.child(0))
    qtbot.keyClick(desk.tree, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_record() is not None)
    assert window.current_record().person_id == family.father
    window.close()


def test_timeline_by_role(db, center, family, qtbot):
    nurse = actor_of("salud", center.id)
    consultations.record_consultation(db, nurse, person_id=family.mother,
                                      consultation=ConsultationInput(reason="Dolor lumbar"))
    mental_health.record_note(db, nurse, person_id=family.mother, kind="psychology",
                              note="Duelo migratorio")
    for role, sees_note in (("salud", True), ("supervision", False)):
        window = show_window(qtbot, MainWindow(db, actor_of(role, center.id)))
        view = window.open_person(family.mother)
        qtbot.waitUntil(lambda v=view: v.timeline is not None and v.timeline.events is not None)
        kinds = [e.kind for e in view.timeline.events]
        assert "consultation" in kinds
        assert ("mental_health" in kinds) is sees_note
        texts = [view.timeline.table.item(r, 2).text()
                 for r in range(view.timeline.table.rowCount())]
        assert any("Dolor lumbar" in t for t in texts)
        assert any("Duelo" in t for t in texts) is sees_note
        assert view.timeline.buttons["note"].isVisibleTo(view) is sees_note
        window.close()
    for role in ("registro", "coordinacion", "admin"):
        window = show_window(qtbot, MainWindow(db, actor_of(role, center.id)))
        view = window.open_person(family.mother)
        assert view.timeline is None
        assert "health_desk" not in window.menus.actions
        window.close()


def test_referral_form(db, center, family, tasks, qtbot):
    dialog = ReferralDialog(db, actor_of("salud", center.id), tasks, family.child)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.destination, Qt.Key.Key_Return)
    assert dialog.isVisible() and "Destino" in dialog.message.text()
    qtbot.keyClicks(dialog.destination, "Hospital General de Mexicali")
    qtbot.keyClicks(dialog.reason, "Fractura")
    dialog.urgency.setCurrentIndex(dialog.urgency.findData("urgent"))
    with qtbot.waitSignal(dialog.saved) as saved:
        qtbot.keyClick(dialog.destination, Qt.Key.Key_Return)
    assert saved.args[0].urgency == "urgent" and saved.args[0].status == "sent"
