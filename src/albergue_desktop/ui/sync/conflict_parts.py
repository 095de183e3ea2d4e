"""Parts of the conflicts screen: Spanish names of tables and conflict kinds, and the box
that shows one side of a conflict (value, who, when, and the button that keeps it)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ...services.sync_conflicts import Write
from .common import local_time, tr

CONTEXT = "sync_labels"
TABLES = {
    "person": QT_TRANSLATE_NOOP("sync_labels", "Person"),
    "household": QT_TRANSLATE_NOOP("sync_labels", "Household"),
    "identity_document": QT_TRANSLATE_NOOP("sync_labels", "Identity document"),
    "vaccination": QT_TRANSLATE_NOOP("sync_labels", "Vaccination"),
    "stay": QT_TRANSLATE_NOOP("sync_labels", "Stay"),
    "center": QT_TRANSLATE_NOOP("sync_labels", "Center"),
    "area": QT_TRANSLATE_NOOP("sync_labels", "Area"),
    "bed": QT_TRANSLATE_NOOP("sync_labels", "Bed"),
    "screening": QT_TRANSLATE_NOOP("sync_labels", "Screening"),
    "placement_decision": QT_TRANSLATE_NOOP("sync_labels", "Placement decision"),
    "duplicate_review": QT_TRANSLATE_NOOP("sync_labels", "Duplicates review"),
    "audit_event": QT_TRANSLATE_NOOP("sync_labels", "History of changes"),
}
KINDS = {
    "field": QT_TRANSLATE_NOOP("sync_labels", "Different values"),
    "delete": QT_TRANSLATE_NOOP("sync_labels", "Edited while deleted"),
    "orphan": QT_TRANSLATE_NOOP("sync_labels", "Missing related record"),
    "duplicate": QT_TRANSLATE_NOOP("sync_labels", "Repeated folio or code"),
    "stay": QT_TRANSLATE_NOOP("sync_labels", "Overlapping stays"),
    "closed": QT_TRANSLATE_NOOP("sync_labels", "Check-out at the same time as an arrival"),
    "deleted_person": QT_TRANSLATE_NOOP("sync_labels", "Deleted person with an open stay"),
}


def table_label(table: str) -> str:
    return tr(CONTEXT, TABLES[table]) if table in TABLES else table


def kind_label(kind: str) -> str:
    return tr(CONTEXT, KINDS[kind]) if kind in KINDS else kind


class WriteBox(QGroupBox):
    """One side of a conflict: the value, who and when, and the button that keeps it."""

    def __init__(self, title: str, button: str, parent: QWidget) -> None:
        super().__init__(title, parent)
        self.value = QLabel(self)
        self.value.setWordWrap(True)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.value.setFont(font)
        self.who = QLabel(self)
        self.who.setWordWrap(True)
        self.use_button = QPushButton(button, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.who)
        layout.addStretch(1)
        layout.addWidget(self.use_button, 0, Qt.AlignmentFlag.AlignLeft)

    def show_write(self, text: str, write: Write) -> None:
        self.value.setText(text)
        who = write.username or self.tr("unknown user")
        where = write.center or (self.tr("site {site}").format(site=write.site[:8])
                                 if write.site else "—")
        self.who.setText(self.tr("By {who} · {where}\nOn {when}").format(
            who=who, where=where, when=local_time(write.at)))
