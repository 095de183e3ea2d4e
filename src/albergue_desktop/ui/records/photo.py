"""The person's photo in the desktop: reading a chosen file and downscaling it with Qt (no
imaging library), and the photo box of the person record with "Photo…" and "Remove photo".

The service (:mod:`services.photos`) stores what this module produces: a JPEG of at most
``MAX_SIDE`` pixels on the long side, re-encoded at lower quality until it is about
``TARGET_BYTES``; it checks the header and the size again."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP, QBuffer, QByteArray, QCoreApplication, QIODevice, Qt, Signal,
)
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFileDialog, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ...domain.permissions import Permission
from ...services import photos
from ...services.context import Actor
from ...storage.db import Database
from ..ops import Changes, error_text, query_op, write_op
from ..tasks import TaskManager
from .fields import format_date

MAX_SIDE = 480
TARGET_BYTES = 60 * 1024
QUALITIES = (85, 75, 65, 55, 45, 35)
THUMB_W, THUMB_H = 120, 160
CONTEXT = "records_photo"
UNREADABLE = QT_TRANSLATE_NOOP("records_photo", "{name} is not an image that can be read "
                                                "(choose a JPEG or PNG photo).")
CHOOSE = QT_TRANSLATE_NOOP("records_photo", "Choose a photo")
FILTER = QT_TRANSLATE_NOOP("records_photo", "Photos (*.jpg *.jpeg *.png)")


class PhotoFileError(ValueError):
    """The chosen file cannot be used (message already translated)."""


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def jpeg_from_image(image: QImage) -> bytes:
    """``image`` downscaled to ``MAX_SIDE`` and encoded as a JPEG of about ``TARGET_BYTES``
    (transparency flattened on white)."""
    if max(image.width(), image.height()) > MAX_SIDE:
        image = image.scaled(MAX_SIDE, MAX_SIDE, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    flat = QImage(image.size(), QImage.Format.Format_RGB32)
    flat.fill(QColor("white"))
    painter = QPainter(flat)
    painter.drawImage(0, 0, image)
    painter.end()
    data = b""
    for quality in QUALITIES:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        flat.save(buffer, "JPEG", quality)
        data = bytes(buffer.data())
        if len(data) <= TARGET_BYTES:
            break
    return data


def photo_from_file(path: str | Path) -> bytes:
    """Read an image file (JPEG or PNG; the camera's rotation applied) and return the JPEG
    to store. Raises :class:`PhotoFileError` with a Spanish message."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    image = reader.read()
    if image.isNull():
        raise PhotoFileError(_tr(UNREADABLE).format(name=Path(path).name))
    return jpeg_from_image(image)


def choose_photo_file(parent: QWidget) -> str | None:
    path, _filter = QFileDialog.getOpenFileName(
        parent, _tr(CHOOSE), "", _tr(FILTER))
    return path or None


def thumbnail(data: bytes, width: int = THUMB_W, height: int = THUMB_H) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(data))
    if pixmap.isNull():
        return pixmap
    return pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                         Qt.TransformationMode.SmoothTransformation)


class PhotoPanel(QGroupBox):
    """The photo box of the person record. ``changed()`` after a photo was set or removed
    (the record then calls :meth:`reload`)."""

    changed = Signal()

    def __init__(self, db: Database, actor: Actor, person_id: str, tasks: TaskManager,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Photo"), parent)
        self._db, self._actor, self._person_id, self._tasks = db, actor, person_id, tasks
        self.photo: photos.Photo | None = None
        self.image = QLabel(self)
        self.image.setFixedSize(THUMB_W, THUMB_H)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setStyleSheet("border: 1px solid palette(mid); color: palette(mid);")
        self.image.setText(self.tr("No photo"))
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        self.set_button = QPushButton(self.tr("P&hoto…"), self)
        self.set_button.setToolTip(self.tr("Choose a JPEG or PNG file; it is reduced to "
                                           "{side} px before saving.").format(side=MAX_SIDE))
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        editable = actor.can(Permission.EDIT_PEOPLE)
        self.set_button.setVisible(editable)
        self.remove_button.setVisible(editable)
        self.remove_button.setEnabled(False)
        self.set_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.remove)
        side = QVBoxLayout()
        side.addWidget(self.caption)
        side.addWidget(self.message)
        side.addStretch(1)
        side.addWidget(self.set_button, 0, Qt.AlignmentFlag.AlignLeft)
        side.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout = QHBoxLayout(self)
        layout.addWidget(self.image)
        layout.addLayout(side, 1)
        self.reload()

    def set_editable(self, editable: bool) -> None:
        """A deleted or merged record keeps its photo but cannot change it."""
        allowed = editable and self._actor.can(Permission.EDIT_PEOPLE)
        self.set_button.setEnabled(allowed)
        self.remove_button.setEnabled(allowed and self.photo is not None)

    def reload(self) -> None:
        query_op(self, self._tasks,
                 partial(photos.get_photo, self._db, self._actor, self._person_id),
                 self._show, on_error=self._failed)

    def _show(self, photo: photos.Photo | None) -> None:
        self.photo = photo
        pixmap = thumbnail(photo.image) if photo else QPixmap()
        if pixmap.isNull():
            self.image.setPixmap(QPixmap())
            self.image.setText(self.tr("No photo"))
        else:
            self.image.setPixmap(pixmap)
        self.caption.setText(self.tr("Taken on {date} by {user}.").format(
            date=format_date(photo.taken_at), user=photo.created_by or "—") if photo else "")
        self.remove_button.setEnabled(photo is not None and self.set_button.isEnabled())

    def _failed(self, error: BaseException) -> None:
        self.show_message(error_text(error))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def choose(self) -> None:
        path = choose_photo_file(self)
        if path:
            self.set_from_file(path)

    def set_from_file(self, path: str | Path) -> None:
        self.message.hide()
        try:
            data = photo_from_file(path)
        except PhotoFileError as exc:
            self.show_message(str(exc))
            return
        write_op(self, self._tasks,
                 partial(photos.set_photo, self._db, self._actor, self._person_id, data),
                 changes=Changes.of("photos"), on_done=lambda _id: self._saved(),
                 on_error=self._failed)

    def remove(self) -> None:
        if self.photo is None or not self.confirm_remove():
            return
        self.message.hide()
        write_op(self, self._tasks,
                 partial(photos.remove_photo, self._db, self._actor, self._person_id),
                 changes=Changes.of("photos"), on_done=lambda _removed: self._saved(),
                 on_error=self._failed)

    def confirm_remove(self) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Remove photo"),
            self.tr("Remove this person's photo? The removal is kept in the history of "
                    "changes."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _saved(self) -> None:
        self.changed.emit()  # the record reloads: photo, history
