"""The administration screen: users (create with role and center, reset password, change
role, deactivate and reactivate) and the center settings, through the services."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from ui_helpers import show_window, when_visible

from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.services import accounts, beds, centers
from albergue_desktop.services.accounts import SignInError
from albergue_desktop.services.context import Actor
from albergue_desktop.ui.auth.admin import AdminDialog
from albergue_desktop.ui.auth.admin_users import UserDialog


@pytest.fixture
def admin(db, center):
    return accounts.sign_in(db, "admin", "contraseña-segura")


@pytest.fixture
def dialog(db, admin, qtbot):
    d = AdminDialog(db, admin)
    with qtbot.waitSignals([d.users_page.loaded, d.center_page.loaded]):  # read on the worker
        show_window(qtbot, d, size=(900, 520))
    yield d
    d.done(0)


def _row_texts(page, username):
    table = page.table
    for row in range(table.rowCount()):
        if table.item(row, 0).text() == username:
            return [table.item(row, c).text() for c in range(table.columnCount())]
    return None


def test_admin_creates_a_user_with_role_and_center(db, dialog, center, qtbot):
    page = dialog.users_page

    def fill(user_dialog):
        assert user_dialog.windowTitle() == "Nuevo usuario"
        qtbot.keyClicks(user_dialog.username_edit, "Rosa")
        qtbot.keyClicks(user_dialog.full_name_edit, "Rosa Perez")
        user_dialog.role_combo.setCurrentIndex(user_dialog.role_combo.findData("salud"))
        qtbot.keyClicks(user_dialog.password_edit, "salud-1234")
        qtbot.keyClicks(user_dialog.repeat_edit, "salud-9999")
        user_dialog._check_and_accept()
        assert user_dialog.message.text() == "Las dos contraseñas no coinciden."
        user_dialog.repeat_edit.setText("salud-1234")
        user_dialog._check_and_accept()

    timer = when_visible(UserDialog, fill)
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Usuario rosa creado.")
    del timer
    assert _row_texts(page, "rosa") == ["rosa", "Rosa Perez", "Salud",
                                        "03 · Centro Comunitario 3", "Activa"]
    rosa = accounts.sign_in(db, "rosa", "salud-1234")
    assert (rosa.role, rosa.center_id) == ("salud", center.id)


def test_admin_resets_a_password_changes_a_role_and_deactivates(db, dialog, admin, center,
                                                                 qtbot):
    centers.create_user(db, admin, username="rosa", full_name="Rosa Pérez", role="registro",
                        password="registro-123", center_id=center.id)
    page = dialog.users_page
    with qtbot.waitSignal(page.loaded):
        page.reload()
    page.select_username("rosa")
    assert page.active_button.isEnabled() and page.role_button.isEnabled()

    def new_password(user_dialog):
        assert user_dialog.windowTitle() == "Restablecer contraseña"
        for edit in (user_dialog.password_edit, user_dialog.repeat_edit):
            qtbot.keyClicks(edit, "nueva-clave-1")
        user_dialog._check_and_accept()

    timer = when_visible(UserDialog, new_password)
    qtbot.mouseClick(page.reset_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.message.text() == "Nueva contraseña asignada a rosa.")
    del timer
    assert _row_texts(page, "rosa")[4] == \
        "Contraseña restablecida: una nueva al próximo inicio de sesión"
    assert accounts.sign_in(db, "rosa", "nueva-clave-1").role == "registro"

    assert page.grants.count() == 0
    page.role_combo.setCurrentIndex(page.role_combo.findData("coordinacion"))
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.role_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "rosa tiene ahora el rol Coordinación del centro."
    assert _row_texts(page, "rosa")[2] == "Coordinación del centro"
    # the grant of protection access is listed, with who granted it
    assert page.grants.count() == 1
    assert page.grants.item(0).text().endswith(
        "rosa pasó a Coordinación del centro (protección), por admin")

    assert page.active_button.text() == "&Desactivar"
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert _row_texts(page, "rosa")[4] == "Desactivada"
    with pytest.raises(SignInError, match="desactivada"):
        accounts.sign_in(db, "rosa", "nueva-clave-1")
    assert page.active_button.text() == "Re&activar"
    with qtbot.waitSignal(page.changed):
        qtbot.mouseClick(page.active_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Cuenta rosa reactivada."
    assert accounts.sign_in(db, "rosa", "nueva-clave-1").role == "coordinacion"


def test_the_admin_cannot_lock_themselves_out(dialog):
    page = dialog.users_page
    page.select_username("admin")
    assert page.selected_user().username == "admin"
    assert not page.active_button.isEnabled() and not page.role_button.isEnabled()
    assert page.reset_button.isEnabled()


def test_center_settings_are_saved(db, dialog, admin, center, qtbot):
    page = dialog.center_page
    assert page.name_edit.text() == "Centro Comunitario 3"
    page.name_edit.setText("Centro Comunitario 3 Sur")
    page.address_edit.setText("Calle 5, Mexicali")
    page.status_combo.setCurrentIndex(page.status_combo.findData("closing"))
    page.profile_combo.setCurrentIndex(page.profile_combo.findData("maternity"))
    page.capacity_spin.setValue(120)
    page.medical_check.setChecked(True)
    with qtbot.waitSignal(dialog.center_changed):
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Centro guardado."
    [saved] = centers.list_centers(db)
    assert (saved.name, saved.address, saved.status, saved.profile, saved.daily_capacity,
            saved.has_medical_care) == ("Centro Comunitario 3 Sur", "Calle 5, Mexicali",
                                        "closing", "maternity", 120, True)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "Nada que guardar: no se cambió ningún campo."
    page.name_edit.clear()
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Este campo es obligatorio." in page.message.text())
    assert page.name_edit.text() == ""  # refused: the form keeps what was typed


def test_services_refuse_other_roles(db, center):
    intake = Actor(username="rosa", role="registro", center_id=center.id)
    with pytest.raises(PermissionDenied):
        beds.update_center(db, intake, center.id, beds.CenterUpdate(name="X"))
    with pytest.raises(PermissionDenied):
        accounts.set_role(db, intake, "any", "admin")
