"""Before a registration is saved, a clock flagged by services/clock.py is shown and the user
chooses to save anyway or not (docs/sync-recovery.md)."""

from __future__ import annotations

from sqlalchemy import text

from albergue_desktop.storage.versioning import wall_clock_ms
from albergue_desktop.ui.intake import saving

HOUR = 3600 * 1000


def _clock_ahead(db, hours: int) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'hlc_last'",
                             (str((wall_clock_ms() + hours * HOUR) << 16),))


def people_count(db) -> int:
    with db.session() as s:
        return s.connection().execute(text("SELECT count(*) FROM person")).scalar()


def _type_someone(keyboard):
    for value in ("Wilner", "Louis", "H", "03/02/1988", "Hai"):
        keyboard.field(value)


def test_a_flagged_clock_is_shown_before_saving_and_no_saves_nothing(
        open_dialog, keyboard, qtbot, db, monkeypatch):
    _clock_ahead(db, 5)
    asked = []
    monkeypatch.setattr(saving, "confirm_save",
                        lambda parent, warnings: asked.append(warnings) or False)
    dialog = open_dialog()
    _type_someone(keyboard)
    dialog.save()
    qtbot.waitUntil(lambda: bool(asked) and not dialog.flow.busy)
    [warnings] = asked
    assert [w.code for w in warnings] == ["file_ahead"]
    assert "posterior al reloj" in warnings[0].message
    assert people_count(db) == 0 and dialog.isVisible()
    assert dialog.save_button.isEnabled()


def test_save_anyway_saves(open_dialog, keyboard, qtbot, db, monkeypatch):
    _clock_ahead(db, 5)
    monkeypatch.setattr(saving, "confirm_save", lambda parent, warnings: True)
    dialog = open_dialog()
    _type_someone(keyboard)
    with qtbot.waitSignal(dialog.household_registered, timeout=5000):
        dialog.save()
    assert people_count(db) == 1


def test_no_question_when_the_clock_is_right(open_dialog, keyboard, qtbot, db, monkeypatch):
    asked = []
    monkeypatch.setattr(saving, "confirm_save",
                        lambda parent, warnings: asked.append(warnings) or True)
    dialog = open_dialog()
    _type_someone(keyboard)
    with qtbot.waitSignal(dialog.household_registered, timeout=5000):
        dialog.save()
    assert asked == [[]]
