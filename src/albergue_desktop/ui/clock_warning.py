"""Showing the clock warnings of :func:`services.clock.clock_warnings` (at sign-in and before
a save): the service finds them in the worker thread; these dialogs only paint them and ask.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..domain.permissions import Permission
from ..services.clock import ClockWarning


def show_at_sign_in(parent: QWidget | None, warnings: list[ClockWarning], actor) -> bool:
    """Show the warnings; True when the user chose to correct the clock (offered only when
    it would help and the user may synchronize)."""
    if not warnings:
        return False
    title = QCoreApplication.translate("clock", "Check the date and time")
    box = QMessageBox(QMessageBox.Icon.Warning, title,
                      "\n\n".join(w.message for w in warnings), QMessageBox.StandardButton.Ok,
                      parent)
    correct = None
    if any(w.recoverable for w in warnings) and actor is not None \
            and actor.can(Permission.SYNC):
        correct = box.addButton(QCoreApplication.translate("clock", "Correct the clock"),
                                QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return correct is not None and box.clickedButton() is correct


def confirm_save(parent: QWidget | None, warnings: list[ClockWarning]) -> bool:
    """Before a save: the warnings and "save anyway?". True to save."""
    if not warnings:
        return True
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("clock", "Check the date and time"),
        "\n\n".join([*(w.message for w in warnings),
                     QCoreApplication.translate("clock", "Save anyway?")]),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def corrected_message(report) -> str:
    return QCoreApplication.translate(
        "clock", "{count} changes saved while the clock was ahead were re-dated; nothing was "
        "lost.").format(count=report.writes)
