"""One first-administrator form for a center's first run and a central file's; creating the
accounts is a write op (the dialog stays live), and a refusal keeps what was typed. The
sign-in screen names the file's center once read in the background."""

from __future__ import annotations

from PySide6.QtCore import Qt

from albergue_desktop.services.auth import MIN_PASSWORD_LENGTH
from albergue_desktop.ui.auth.first_admin import FirstAdminForm
from albergue_desktop.ui.auth.setup import FirstRunDialog
from albergue_desktop.ui.auth.sign_in import SignInDialog
from albergue_desktop.ui.sync.central_setup import CentralSetupDialog


def fill(qtbot, dialog, password="clave-segura-1") -> None:
    for edit, text in ((dialog.username_edit, "Lucia"),
                       (dialog.full_name_edit, "Lucia Hernandez"),
                       (dialog.password_edit, password), (dialog.repeat_edit, password)):
        qtbot.keyClicks(edit, text)


def test_both_first_runs_use_the_same_form(db, qtbot):
    first, central = FirstRunDialog(db), CentralSetupDialog(db)
    for dialog in (first, central):
        qtbot.addWidget(dialog)
        assert isinstance(dialog.admin, FirstAdminForm)
        assert dialog.username_edit is dialog.admin.username_edit
        assert dialog.admin.title() == "Primer administrador"
    first.done(0)
    central.done(0)


def test_a_refused_setup_says_why_and_keeps_what_was_typed(db, center, qtbot):
    dialog = FirstRunDialog(db)  # the file is already set up (the center fixture)
    qtbot.addWidget(dialog)
    dialog.show()
    for edit, text in ((dialog.code_edit, "7"), (dialog.name_edit, "Centro Comunitario 7")):
        qtbot.keyClicks(edit, text)
    fill(qtbot, dialog, password="corta")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.message.text() == \
        f"La contraseña debe tener al menos {MIN_PASSWORD_LENGTH} caracteres."
    assert dialog.focusWidget() is dialog.password_edit
    dialog.password_edit.clear()
    dialog.repeat_edit.clear()
    qtbot.keyClicks(dialog.password_edit, "clave-segura-1")
    qtbot.keyClicks(dialog.repeat_edit, "clave-segura-1")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.create_button.isEnabled())
    assert dialog.message.text() == "Esta base de datos ya está configurada."
    assert "b00020" in dialog.message.styleSheet()
    assert dialog.username_edit.text() == "Lucia" and dialog.name_edit.text() == \
        "Centro Comunitario 7"
    assert dialog.result() == 0 and dialog.isVisible()
    dialog.done(0)


def test_sign_in_names_the_center_of_the_file(db, center, qtbot):
    dialog = SignInDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.subtitle.text() in {"center.sqlite", "Centro 03 · Centro Comunitario 3"}
    qtbot.waitUntil(lambda: dialog.subtitle.text() == "Centro 03 · Centro Comunitario 3")
    dialog.done(0)
