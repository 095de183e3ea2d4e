"""Saving the health PDFs from the health screens: the file is chosen in a save dialog, the
PDF is written on the worker, and the status says where it went (or why not)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ...reports import health_pdfs
from ...services.context import Actor
from ...storage.db import Database
from ..ops import error_text, query_op
from ..tasks import TaskManager


def _ask_path(parent: QWidget, name: str) -> Path | None:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    path, _filter = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("health_printing", "Save PDF"),
                                                str(Path(folder) / name), "PDF (*.pdf)")
    return Path(path) if path else None


def _done(parent: QWidget, path: Path) -> None:
    QMessageBox.information(parent, QCoreApplication.translate("health_printing", "PDF saved"),
                            QCoreApplication.translate("health_printing", "Saved {path}").format(path=path))


def _failed(parent: QWidget, error: BaseException) -> None:
    QMessageBox.warning(parent, QCoreApplication.translate("health_printing", "The PDF was not saved"), error_text(error))


def write_consultation(db: Database, actor: Actor, consultation_id: str, path: Path) -> Path:
    """The consultation summary, as a referral letter when a referral names it (worker)."""
    with db.read_session() as session:
        from ...storage.tables import Referral
        from sqlmodel import col, select
        referral_id = session.exec(select(Referral.id).where(
            Referral.consultation_id == consultation_id, Referral.deleted == False)  # noqa: E712
            .order_by(col(Referral.referred_at).desc())).first()
    return health_pdfs.consultation_summary_pdf(db, actor, path,
                                                consultation_id=consultation_id,
                                                referral_id=referral_id)


def print_consultation(parent: QWidget, db: Database, actor: Actor, tasks: TaskManager,
                       consultation_id: str, path: Path | None = None) -> None:
    path = path or _ask_path(parent, QCoreApplication.translate("health_printing", "consultation.pdf"))
    if path is None:
        return
    query_op(parent, tasks, partial(write_consultation, db, actor, consultation_id, path),
             lambda out: _done(parent, out), on_error=lambda e: _failed(parent, e))


def print_open_referrals(parent: QWidget, db: Database, actor: Actor, tasks: TaskManager,
                         center_id: str | None, path: Path | None = None) -> None:
    path = path or _ask_path(parent, QCoreApplication.translate("health_printing", "open-referrals.pdf"))
    if path is None:
        return
    query_op(parent, tasks, partial(health_pdfs.open_referrals_pdf, db, actor, path,
                                    center=center_id),
             lambda out: _done(parent, out), on_error=lambda e: _failed(parent, e))


