"""Parts of the duplicates screen: the Spanish reasons of a proposed pair and the panel that
compares the two records side by side."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QWidget

from ...domain.labels import label
from ...services.duplicate_scan import DuplicatePair, PersonSide
from ..records.fields import format_date
from .common import tr

CONTEXT = "sync_labels"
REASONS = {
    "document": QT_TRANSLATE_NOOP("sync_labels", "same document {detail}"),
    "name": QT_TRANSLATE_NOOP("sync_labels", "names {detail} %"),
    "phonetic": QT_TRANSLATE_NOOP("sync_labels", "sound alike"),
    "birth_date": QT_TRANSLATE_NOOP("sync_labels", "same date of birth"),
    "birth_year": QT_TRANSLATE_NOOP("sync_labels", "same year of birth"),
    "other_center": QT_TRANSLATE_NOOP("sync_labels", "centers {detail}"),
}
ROWS = (
    ("folio", QT_TRANSLATE_NOOP("sync_labels", "Folio")),
    ("name", QT_TRANSLATE_NOOP("sync_labels", "Name")),
    ("sex", QT_TRANSLATE_NOOP("sync_labels", "Sex")),
    ("birth", QT_TRANSLATE_NOOP("sync_labels", "Date of birth")),
    ("nationality", QT_TRANSLATE_NOOP("sync_labels", "Nationality")),
    ("center", QT_TRANSLATE_NOOP("sync_labels", "Registered at")),
    ("present", QT_TRANSLATE_NOOP("sync_labels", "Lodged now at")),
    ("documents", QT_TRANSLATE_NOOP("sync_labels", "Documents")),
    ("created", QT_TRANSLATE_NOOP("sync_labels", "Registered on")),
)
ESTIMATED = QT_TRANSLATE_NOOP("sync_labels", "{date} (estimated)")
NOT_LODGED = QT_TRANSLATE_NOOP("sync_labels", "not lodged")


def reasons_text(pair: DuplicatePair) -> str:
    return ", ".join(tr(CONTEXT, REASONS[code]).format(detail=detail)
                     for code, detail in pair.reasons if code in REASONS)


def side_text(side: PersonSide) -> str:
    return f"{side.folio or '—'} · {side.full_name} ({side.center_code or '—'})"


def _value(side: PersonSide, row: str) -> str:
    if row == "folio":
        return side.folio or "—"
    if row == "name":
        return side.full_name
    if row == "sex":
        return label("sex", side.sex)
    if row == "birth":
        text = format_date(side.birth_date)
        return tr(CONTEXT, ESTIMATED).format(date=text) if side.birth_date_estimated else text
    if row == "nationality":
        return label("country", side.nationality) if side.nationality else "—"
    if row == "center":
        return f"{side.center_code} · {side.center_name}" if side.center_code else "—"
    if row == "present":
        return side.present_at or tr(CONTEXT, NOT_LODGED)
    if row == "documents":
        return ", ".join(side.documents) or "—"
    return format_date(side.created_at)


class ComparePanel(QWidget):
    """The two records of a pair, field by field; ``open_person_requested(person_id)``."""

    open_person_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.open_buttons = [QPushButton(self.tr("Open record &A"), self),
                             QPushButton(self.tr("Open record &B"), self)]
        self.values: dict[tuple[int, str], QLabel] = {}
        self.sides: list[PersonSide | None] = [None, None]
        for column, button in enumerate(self.open_buttons, start=1):
            grid.addWidget(button, 0, column, Qt.AlignmentFlag.AlignLeft)
            button.clicked.connect(partial(self._open, column - 1))
        for row, (key, caption) in enumerate(ROWS, start=1):
            grid.addWidget(QLabel(tr(CONTEXT, caption), self), row, 0)
            for column in (1, 2):
                value = QLabel(self)
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.values[(column - 1, key)] = value
                grid.addWidget(value, row, column)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def show_pair(self, pair: DuplicatePair | None) -> None:
        self.sides = [pair.a, pair.b] if pair else [None, None]
        for (index, key), value in self.values.items():
            side = self.sides[index]
            value.setText(_value(side, key) if side else "")
            same = pair is not None and _value(pair.a, key) == _value(pair.b, key)
            value.setStyleSheet("font-weight: bold;" if same and key not in ("folio",
                                                                             "created")
                                else "")
        for button in self.open_buttons:
            button.setEnabled(pair is not None)

    def _open(self, index: int) -> None:
        side = self.sides[index]
        if side is not None:
            self.open_person_requested.emit(side.id)
