"""Screens refresh only what a write changed: a registration inserts its people's lines at
the top of the list, an edit updates its person's line and a delete removes it, without
reading the list again (no model reset); a write that names no people (a pull, an import)
reads the list once."""

from __future__ import annotations

from datetime import date
from functools import partial

from ui_helpers import actor_of, show_window

from albergue_desktop.services import people
from albergue_desktop.services.people import MemberInput, PersonUpdate
from albergue_desktop.ui.intake.saving import registered_changes
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.ops import Changes, hub, write_op


def member(given: str, relationship: str = "head") -> MemberInput:
    return MemberInput(given_names=given, surnames="Joseph", sex="F", birth_date=date(1990, 5, 1),
                       nationality="HT", relationship=relationship)


def fail(error: BaseException) -> None:
    raise error


class Counter:
    def __init__(self, model) -> None:
        self.resets = self.inserted = self.changed = self.removed = 0
        model.modelReset.connect(lambda: self.bump("resets"))
        model.rowsInserted.connect(lambda *_a: self.bump("inserted"))
        model.dataChanged.connect(lambda *_a: self.bump("changed"))
        model.rowsRemoved.connect(lambda *_a: self.bump("removed"))

    def bump(self, name: str) -> None:
        setattr(self, name, getattr(self, name) + 1)


def test_a_registration_inserts_its_lines_without_reloading_the_list(db, center, qtbot):
    actor = actor_of("coordinacion", center.id)
    first = people.register_household(db, actor, center_id=center.id, members=[member("Ana")])
    window = show_window(qtbot, MainWindow(db, actor))
    model = window.people.model
    qtbot.waitUntil(lambda: model.rowCount() == 1 and window.count_label.text() == "1 persona")
    seen = Counter(model)

    with qtbot.waitSignal(hub().changed):
        write_op(window, window.tasks, partial(
            people.register_household, db, actor, center_id=center.id,
            members=[member("Rose"), member("Lise", "child")]),
            changes=registered_changes, on_error=fail)
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert {model.person(0).given_names, model.person(1).given_names} == {"Rose", "Lise"}
    assert model.person(2).given_names == "Ana"  # newest first
    qtbot.waitUntil(lambda: window.count_label.text() == "3 personas")
    assert seen.resets == 0 and seen.inserted == 2

    # an edit of one person: its line only, in place
    with qtbot.waitSignal(hub().changed):
        write_op(window, window.tasks, partial(
            people.update_person, db, actor, first.person_ids[0],
            PersonUpdate(given_names="Anaïs")),
            changes=Changes.of("people", person_ids=first.person_ids), on_error=fail)
    qtbot.waitUntil(lambda: model.person(2).given_names == "Anaïs")
    assert seen.resets == 0 and seen.changed == 1

    # a delete: its line goes
    with qtbot.waitSignal(hub().changed):
        write_op(window, window.tasks, partial(
            people.delete_person, db, actor, first.person_ids[0], reason="registro duplicado"),
            changes=Changes.of("people", person_ids=first.person_ids), on_error=fail)
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    assert seen.resets == 0 and seen.removed == 1

    # a change that names nobody (a pull): the list is read again, once
    hub().changed.emit(Changes.of("people", "households", "stays"))
    qtbot.waitUntil(lambda: seen.resets == 1)
    assert model.rowCount() == 2
    window.close()


def test_changes_keep_the_people_they_name():
    registration = Changes.of("people", person_ids=["a"])
    assert (registration | Changes.of("stays", person_ids=["b"])).person_ids == {"a", "b"}
    assert (registration | Changes.of("people")).person_ids is None  # anything: all
    assert (registration | Changes.of("users")).person_ids == {"a"}  # not about the list
    assert not Changes() and Changes.of("users")
