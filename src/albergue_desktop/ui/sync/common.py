"""Small helpers shared by the Sync screens."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QLabel, QWidget

from ..ops import ERROR_STYLE

OK_STYLE = "color: #1b5e20;"
CENTRAL_KEY = "sync/central_file"


def local_time(moment: datetime | None) -> str:
    """A stored UTC moment as local day and time (dd/mm/yyyy hh:mm)."""
    if moment is None:
        return "—"
    return moment.astimezone().strftime("%d/%m/%Y %H:%M")


def central_file() -> str:
    """The central file chosen last on this computer (QSettings), or ""."""
    return str(QSettings().value(CENTRAL_KEY, "") or "")


def remember_central_file(path: str) -> None:
    QSettings().setValue(CENTRAL_KEY, path)


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextInteractionFlags(label.textInteractionFlags()
                                  | label.textInteractionFlags().TextSelectableByMouse)
    return label


def show_message(label: QLabel, text: str, *, error: bool = False) -> None:
    label.setStyleSheet(ERROR_STYLE if error else OK_STYLE)
    label.setText(text)


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
