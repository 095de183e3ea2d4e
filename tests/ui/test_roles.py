"""The UI hides what a role cannot use; health fields (clinical specific needs) only for
salud and supervision. The services refuse the same calls."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from ui_helpers import actor_of, show_window

from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.services import accounts, people, records
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.storage.tables import PersonUpdate
from albergue_desktop.ui.main_window import MainWindow

CLINICAL = ("SM-CI", "SM-DP", "SM-MI", "SM-MN", "CR-TP")


@pytest.fixture
def nadege(db, center):
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Nadège", surnames="Saint-Vil", sex="F", birth_date=date(1988, 7, 9),
        nationality="HT", specific_needs=["WR-LC", "SM-CI"])])
    return reg.person_ids[0]


def _window(qtbot, db, center, role):
    return show_window(qtbot, MainWindow(db, actor_of(role, center.id)))


def _menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def _need_codes(window):
    combo = window.people.filter_bar.need_combo
    return {combo.itemData(i) for i in range(1, combo.count())}


def _open(qtbot, window, person_id):
    view = window.open_person(person_id)
    qtbot.waitUntil(lambda: view.record is not None)
    return view


@pytest.mark.parametrize(("role", "expected", "admin_tabs"), [
    ("registro", {"register", "edit"}, None),
    ("salud", set(), None),
    ("coordinacion", {"register", "edit", "delete", "admin"}, ["C&entro"]),
    ("supervision", {"register", "edit", "delete", "admin"}, ["C&entro"]),
    ("admin", {"register", "edit", "delete", "admin"}, ["&Usuarios", "C&entro", "Este &equipo"]),
])
def test_menus_offer_only_what_the_role_may_use(db, center, qtbot, role, expected,
                                                admin_tabs):
    """Coordination and supervision manage centers (the Center tab), only admin users."""
    window = _window(qtbot, db, center, role)
    role_actions = {"register", "edit", "delete", "admin"}
    assert role_actions & set(window.actions) == expected
    assert ("A&dministración" in _menu_titles(window)) == (admin_tabs is not None)
    dialog = window.open_admin()
    if admin_tabs is None:
        assert dialog is None
    else:
        assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == admin_tabs
        dialog.done(0)
    window.close()


def test_registro_sees_no_clinical_needs_anywhere(db, center, nadege, qtbot):
    window = _window(qtbot, db, center, "registro")
    assert _need_codes(window).isdisjoint(CLINICAL) and "WR-LC" in _need_codes(window)
    view = _open(qtbot, window, nadege)
    needs = view.needs_label.text()
    assert "WR-LC" in needs and "SM-CI" not in needs and "salud" not in needs
    assert view.edit_button.isVisibleTo(view) and not view.delete_button.isVisibleTo(view)
    view.edit()
    codes = [view._dialog.needs_list.item(i).data(Qt.ItemDataRole.UserRole)
             for i in range(view._dialog.needs_list.count())]
    assert "WR-LC" in codes and not set(codes) & set(CLINICAL)
    view._dialog.done(0)
    window.close()


def test_registro_cannot_record_clinical_needs_through_the_service(db, center, nadege):
    registro = actor_of("registro", center.id)
    with pytest.raises(PermissionDenied, match="No tiene permiso"):
        people.update_person(db, registro, nadege, PersonUpdate(specific_needs=["SM-MI"]))
    assert records.person_record(db, registro, nadege).person.specific_needs == ["WR-LC"]
    # editing what it sees keeps the clinical code it cannot see
    people.update_person(db, registro, nadege, PersonUpdate(specific_needs=["WR-LC", "SP-PT"]))
    assert sorted(people.get_person(db, SYSTEM, nadege).specific_needs) == [
        "SM-CI", "SP-PT", "WR-LC"]


def test_health_roles_see_clinical_needs(db, center, nadege, qtbot):
    window = _window(qtbot, db, center, "salud")
    assert set(CLINICAL) <= _need_codes(window)
    view = _open(qtbot, window, nadege)
    assert "Enfermedad crónica (SM-CI) — información de salud" in view.needs_label.text()
    assert not view.edit_button.isVisibleTo(view)  # salud does not edit people's records
    window.close()
    window = _window(qtbot, db, center, "supervision")
    view = _open(qtbot, window, nadege)
    view.edit()
    items = {view._dialog.needs_list.item(i).data(Qt.ItemDataRole.UserRole):
             view._dialog.needs_list.item(i) for i in range(view._dialog.needs_list.count())}
    assert items["SM-CI"].checkState() == Qt.CheckState.Checked
    assert items["SM-CI"].flags() & Qt.ItemFlag.ItemIsEnabled
    view._dialog.done(0)
    window.close()


def test_admin_does_not_see_clinical_needs(db, center, nadege, qtbot):
    admin = accounts.sign_in(db, "admin", "contraseña-segura")
    window = show_window(qtbot, MainWindow(db, admin))
    assert _need_codes(window).isdisjoint(CLINICAL)
    view = _open(qtbot, window, nadege)
    assert "SM-CI" not in view.needs_label.text()
    window.close()


def test_protection_codes_are_labelled_confidential_in_the_record(db, center, qtbot):
    """SV-* and WR-WR identify a person at risk (docs/sensitive-data.md): the record of a
    role that may see them says they are confidential, as it does for health codes."""
    reg = people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Roseline", surnames="Pierre", sex="F", birth_date=date(1995, 3, 2),
        nationality="HT", specific_needs=["SV-VA", "WR-WR", "WR-LC"])])
    window = _window(qtbot, db, center, "coordinacion")
    view = _open(qtbot, window, reg.person_ids[0])
    text = view.needs_label.text()
    assert "(SV-VA) — confidencial: protección" in text
    assert "(WR-WR) — confidencial: protección" in text
    assert "(WR-LC) — confidencial" not in text
    window.close()
