"""The optional photo of a person being registered: "Photo…" chooses a JPEG or PNG file, which
is reduced with Qt (ui/records/photo.py), previewed, and saved with the household. Out of the
Tab chain, so Enter moving through the form never opens a file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget,
)

from ..records.photo import PhotoFileError, choose_photo_file, photo_from_file, thumbnail

PREVIEW_W, PREVIEW_H = 60, 80


class PhotoBox(QGroupBox):
    """``changed()`` when a photo is chosen or removed; :attr:`image` holds the JPEG bytes."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Photo (optional)"), parent)
        self.image: bytes | None = None
        self.preview = QLabel(self)
        self.preview.setFixedSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid palette(mid); color: palette(mid);")
        self.choose_button = QPushButton(self.tr("Photo…"), self)
        self.remove_button = QPushButton(self.tr("Remove photo"), self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        for button in (self.choose_button, self.remove_button):
            button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
            button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose)
        self.remove_button.clicked.connect(self.clear)
        side = QVBoxLayout()
        side.addWidget(self.hint)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        side.addLayout(buttons)
        side.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(side, 1)
        self._show()

    def _show(self) -> None:
        has = self.image is not None
        pixmap = thumbnail(self.image, PREVIEW_W, PREVIEW_H) if has else None
        if pixmap is not None and not pixmap.isNull():
            self.preview.setPixmap(pixmap)
        else:
            self.preview.clear()
            self.preview.setText(self.tr("No photo"))
        self.hint.setText(self.tr("Chosen ({kb} KB); it is saved with the household.").format(
            kb=-(-len(self.image) // 1024)) if has else
            self.tr("A JPEG or PNG file; it is reduced before saving."))
        self.remove_button.setEnabled(has)

    def choose(self) -> None:
        path = choose_photo_file(self)
        if not path:
            return
        error = self.set_file(path)
        if error:
            QMessageBox.warning(self, self.tr("Photo"), error)

    def set_file(self, path: str | Path) -> str | None:
        """Use the photo in ``path``; the message why it cannot be used, or None."""
        try:
            self.image = photo_from_file(path)
        except PhotoFileError as exc:
            return str(exc)
        self._show()
        self.changed.emit()
        return None

    def clear(self) -> None:
        if self.image is not None:
            self.image = None
            self._show()
            self.changed.emit()
