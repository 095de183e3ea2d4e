"""The rows of an import preview as a table: spreadsheet row, name, date of birth, whether the
row is imported, and why not. A row that looks like a person already registered can be
ticked "import anyway" by the user (who checked it is someone else)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from ...reports.excel_import import ImportPreview, ImportRow

NAME_FIELDS = ("given_names", "surnames", "full_name")
ROW, NAME, BIRTH, RESULT, REASON = range(5)
BAD = QColor("#b3261e")


def row_name(row: ImportRow, mapping: dict[int, str]) -> str:
    if row.member is not None:
        return f"{row.member.given_names} {row.member.surnames.upper()}".strip()
    parts = [row.values[c] for c, f in sorted(mapping.items())
             if f in NAME_FIELDS and c < len(row.values) and row.values[c] not in (None, "")]
    return " ".join(str(p).strip() for p in parts)


def row_birth(row: ImportRow, mapping: dict[int, str]) -> str:
    if row.member is not None and row.member.birth_date is not None:
        prefix = "~" if row.member.birth_date_estimated else ""
        return prefix + row.member.birth_date.strftime("%d/%m/%Y")
    col = next((c for c, f in mapping.items() if f in ("birth_date", "age")), None)
    value = row.values[col] if col is not None and col < len(row.values) else None
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


class PreviewModel(QAbstractTableModel):
    """``allowed`` holds the duplicate rows the user ticked; ``changed`` when it changes."""

    changed = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.allowed: set[int] = set()
        self.left_out: dict[int, list[str]] = {}
        self.only_problems = True
        self._shown: list[ImportRow] = []

    def set_preview(self, preview: ImportPreview | None) -> None:
        self.beginResetModel()
        self.preview = preview
        self.allowed = set()
        self._recompute()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        self.beginResetModel()
        self.only_problems = only
        self._recompute()
        self.endResetModel()

    def _recompute(self) -> None:
        if self.preview is None:
            self.left_out, self._shown = {}, []
            return
        _groups, self.left_out = self.preview.plan(self.allowed)
        self._shown = [r for r in self.preview.rows if not self.only_problems
                       or r.number in self.left_out or r.duplicate is not None]

    def summary(self) -> dict[str, int]:
        return self.preview.summary(self.allowed) if self.preview is not None else {}

    def shown_rows(self) -> list[int]:
        return [r.number for r in self._shown]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt)
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Row"), self.tr("Name"), self.tr("Date of birth"),
                    self.tr("Result"), self.tr("Why"))[section]
        return None

    def flags(self, index: QModelIndex):
        flags = super().flags(index)
        if index.column() == RESULT and self._shown[index.row()].duplicate is not None \
                and not self._shown[index.row()].errors:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, col = self._shown[index.row()], index.column()
        out = row.number in self.left_out
        duplicate = row.duplicate is not None and not row.errors
        if role == Qt.ItemDataRole.DisplayRole:
            mapping = self.preview.mapping
            if col == ROW:
                return str(row.number)
            if col == NAME:
                return row_name(row, mapping)
            if col == BIRTH:
                return row_birth(row, mapping)
            if col == RESULT:
                if duplicate:
                    return self.tr("Import anyway")
                return self.tr("Left out") if out else self.tr("Imported")
            if col == REASON:
                return "; ".join(self.left_out.get(row.number, []))
        if role == Qt.ItemDataRole.CheckStateRole and col == RESULT and duplicate:
            return (Qt.CheckState.Checked if row.number in self.allowed
                    else Qt.CheckState.Unchecked)
        if role == Qt.ItemDataRole.ForegroundRole and out and col in (RESULT, REASON):
            return QBrush(BAD)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col == REASON and out:
            return "\n".join(self.left_out[row.number])
        return None

    def setData(self, index: QModelIndex, value,  # noqa: N802 (Qt)
                role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or index.column() != RESULT:
            return False
        row = self._shown[index.row()]
        if row.duplicate is None:
            return False
        checked = Qt.CheckState(value) == Qt.CheckState.Checked
        (self.allowed.add if checked else self.allowed.discard)(row.number)
        _groups, self.left_out = self.preview.plan(self.allowed)
        self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 4))
        self.changed.emit()
        return True
