"""The photo in the desktop: chosen from a file, reduced with Qt, shown on the record, removed,
refused with a Spanish message when the file is not an image, and saved with the household
from the registration dialog."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from ui_helpers import actor_of, show_window

from albergue_desktop.services import people, photos
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.people import MemberInput
from albergue_desktop.ui.intake import RegistrationDialog
from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.records.photo import MAX_SIDE, TARGET_BYTES, photo_from_file
from albergue_desktop.ui.tasks import TaskManager


@pytest.fixture
def big_photo(tmp_path):
    """A 2000x1500 PNG with detail (gradients and lines), as a phone camera would give."""
    image = QImage(2000, 1500, QImage.Format.Format_ARGB32)
    image.fill(QColor(200, 210, 230))
    painter = QPainter(image)
    for i in range(0, 2000, 7):
        painter.setPen(QColor((i * 37) % 255, (i * 91) % 255, (i * 13) % 255))
        painter.drawLine(i, 0, 2000 - i, 1500)
    painter.end()
    path = tmp_path / "camara.png"
    assert image.save(str(path))
    return path


@pytest.fixture
def marie(db, center):
    return people.register_household(db, SYSTEM, center_id=center.id, members=[MemberInput(
        given_names="Marie-Claude", surnames="Joseph", sex="F", birth_date=date(1990, 5, 1),
        relationship="head", nationality="HT")]).person_ids[0]


def _record(qtbot, db, center, person_id, role="registro"):
    window = show_window(qtbot, MainWindow(db, actor_of(role, center.id, f"{role}1")))
    view = window.open_person(person_id)
    qtbot.waitUntil(lambda: view.record is not None and window.tasks.pending == 0)
    return window, view


def test_a_large_camera_file_is_reduced_to_a_small_jpeg(big_photo):
    data = photo_from_file(big_photo)
    image = QImage.fromData(data)
    assert data.startswith(b"\xff\xd8\xff")  # JPEG
    assert (image.width(), image.height()) == (MAX_SIDE, 360)
    assert len(data) <= TARGET_BYTES <= photos.MAX_PHOTO_BYTES


def test_set_and_remove_a_photo_from_the_record(db, center, marie, big_photo, qtbot,
                                                monkeypatch):
    window, view = _record(qtbot, db, center, marie)
    panel = view.photo
    assert panel.image.text() == "Sin foto" and not panel.remove_button.isEnabled()
    assert panel.set_button.text() == "&Foto…"
    with qtbot.waitSignal(view.loaded):
        panel.set_from_file(big_photo)
    qtbot.waitUntil(lambda: panel.photo is not None)
    assert not panel.image.pixmap().isNull() and panel.remove_button.isEnabled()
    assert panel.caption.text().startswith("Tomada el ") and \
        panel.caption.text().endswith(" por registro1.")
    assert "Foto agregada" in view.history_label.text()
    stored = photos.get_photo(db, SYSTEM, marie)
    assert stored.mime == "image/jpeg" and len(stored.image) <= TARGET_BYTES

    monkeypatch.setattr(panel, "confirm_remove", lambda: True)
    with qtbot.waitSignal(view.loaded):
        qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.photo is None)
    assert panel.image.text() == "Sin foto"
    assert "Foto quitada" in view.history_label.text()
    assert photos.get_photo(db, SYSTEM, marie) is None
    window.close()


def test_a_file_that_is_not_an_image_is_refused_in_spanish(db, center, marie, tmp_path, qtbot):
    fake = tmp_path / "foto.jpg"
    fake.write_text("esto no es una foto", encoding="utf-8")
    window, view = _record(qtbot, db, center, marie)
    view.photo.set_from_file(fake)
    assert view.photo.message.isVisibleTo(view.photo)
    assert view.photo.message.text() == ("foto.jpg no es una imagen que se pueda leer (elija "
                                         "una foto JPEG o PNG).")
    assert window.tasks.pending == 0 and photos.get_photo(db, SYSTEM, marie) is None
    window.close()


def test_health_staff_see_the_photo_but_cannot_change_it(db, center, marie, big_photo, qtbot):
    photos.set_photo(db, SYSTEM, marie, photo_from_file(big_photo))
    window, view = _record(qtbot, db, center, marie, role="salud")
    qtbot.waitUntil(lambda: view.photo.photo is not None)
    assert not view.photo.image.pixmap().isNull()
    assert not view.photo.set_button.isVisibleTo(view)
    assert not view.photo.remove_button.isVisibleTo(view)
    window.close()


def test_the_registration_saves_the_members_photo(db, center, big_photo, tmp_path, qtbot):
    tasks = TaskManager()
    dialog = RegistrationDialog(db, Actor("registro1", "registro", center.id), center.id,
                                tasks, today=date(2022, 1, 15))
    qtbot.addWidget(dialog)
    dialog.resize(1366, 768)
    dialog.show()
    qtbot.waitExposed(dialog)
    form = dialog.current_form()
    assert form.photo.choose_button.focusPolicy() == Qt.FocusPolicy.ClickFocus  # not in Tab
    bad = tmp_path / "nota.png"
    bad.write_bytes(b"not an image")
    assert form.photo.set_file(bad) == ("nota.png no es una imagen que se pueda leer (elija "
                                        "una foto JPEG o PNG).")
    assert form.photo.image is None and not form.has_input()
    assert form.photo.set_file(big_photo) is None
    assert form.has_input() and form.photo.hint.text().startswith("Elegida (")
    basic = form.basic
    basic.given_names.setText("Marie-Claude")
    basic.surnames.setText("Joseph")
    basic.sex.set_code("F")
    basic.birth_date.setText("01/05/1990")
    with qtbot.waitSignal(dialog.household_registered) as saved:
        dialog.save()
    (person_id,) = saved.args[0].person_ids
    stored = photos.get_photo(db, SYSTEM, person_id)
    assert stored is not None  # re-encoded by the service (services/photos.py)
    assert stored.image == photos.prepare_photo(form.photo.image)
    dialog.done(0)
    tasks.shutdown()
    QApplication.processEvents()
