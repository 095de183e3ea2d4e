"""A list of rows of fields (documents, jobs, vaccinations): a header, one row of widgets per
entry with its error labels underneath, a remove button per row and an add button.

Blank rows are ignored. The validation path of a field (``documents.1.number``) counts only
the rows that are not blank, in order, which is how the collected list is numbered too."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton, QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit, QPushButton,
    QVBoxLayout, QWidget,
)

from .fields import ErrorLabel, FieldSlot

# (field name, header text, width in pixels or None to take the remaining space)
Column = tuple[str, str, int | None]


def watch(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` whenever the value of ``widget`` changes."""
    if isinstance(widget, QLineEdit):
        widget.textChanged.connect(lambda _t: callback())
    elif isinstance(widget, QComboBox):
        widget.currentIndexChanged.connect(lambda _i: callback())
    elif isinstance(widget, QCheckBox):
        widget.toggled.connect(lambda _b: callback())


class Row(QWidget):
    def __init__(self, columns: list[Column], widgets: dict[str, QWidget], remove_text: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        self.widgets = widgets
        self.slots: dict[str, FieldSlot] = {}
        for col, (name, _header, width) in enumerate(columns):
            widget = widgets[name]
            widget.setParent(self)
            if width is not None:
                widget.setFixedWidth(width)
            error = ErrorLabel(self)
            if width is not None:
                error.setFixedWidth(width)
            grid.addWidget(widget, 0, col)
            grid.addWidget(error, 1, col, Qt.AlignmentFlag.AlignTop)
            self.slots[name] = FieldSlot(name, widget, error)
            if width is None:
                grid.setColumnStretch(col, 1)
        self.remove_button = QPushButton(remove_text, self)
        self.remove_button.setAutoDefault(False)
        # Out of the Tab chain, so Enter after the last field never deletes the row; the
        # keyboard removes the row under focus with Ctrl+Del.
        self.remove_button.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        remove_keys = QKeySequence("Ctrl+Del")
        native = remove_keys.toString(QKeySequence.SequenceFormat.NativeText)
        self.remove_button.setToolTip(f"{remove_text} ({native})")
        self.remove_shortcut = QShortcut(remove_keys, self)
        self.remove_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_shortcut.activated.connect(self.remove_button.click)
        grid.addWidget(self.remove_button, 0, len(columns))

    def first_field(self) -> QWidget:
        return next(w for w in self.widgets.values() if w.isEnabled())


class RowEditor(QWidget):
    """Subclasses give the columns (:meth:`columns`, :meth:`button_texts`), build the
    widgets of a row (:meth:`make_widgets`) and read a row (:meth:`read_row`: a dict, or
    None for a blank row)."""

    changed = Signal()
    touched = Signal()
    prefix = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._columns = columns = self.columns()
        add_text, self._remove_text = self.button_texts()
        remove_text = self._remove_text
        self.rows: list[Row] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.header = QWidget(self)
        header = QGridLayout(self.header)
        header.setContentsMargins(0, 0, 0, 0)
        header.setHorizontalSpacing(6)
        for col, (_name, text, width) in enumerate(columns):
            label = QLabel(text, self.header)
            if width is not None:
                label.setFixedWidth(width)
            else:
                header.setColumnStretch(col, 1)
            header.addWidget(label, 0, col)
        spacer = QLabel("", self.header)
        spacer.setFixedWidth(QPushButton(remove_text).sizeHint().width())
        header.addWidget(spacer, 0, len(columns))
        self.header.hide()
        layout.addWidget(self.header)
        self._rows_box = QVBoxLayout()
        self._rows_box.setSpacing(4)
        layout.addLayout(self._rows_box)
        self.add_button = QPushButton(add_text, self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    # --- to implement ---------------------------------------------------------------------

    def columns(self) -> list[Column]:
        raise NotImplementedError

    def button_texts(self) -> tuple[str, str]:
        """Texts of the add and remove buttons."""
        raise NotImplementedError

    def make_widgets(self) -> dict[str, QWidget]:
        raise NotImplementedError

    def read_row(self, row: Row, errors: dict[str, list[str]], key: str) -> dict | None:
        """The stored values of ``row`` (None when blank). Unreadable values add messages to
        ``errors`` under ``key + field``."""
        raise NotImplementedError

    # --- rows -----------------------------------------------------------------------------

    def add_row(self, *, focus: bool = False) -> Row:
        row = Row(self._columns, self.make_widgets(), self._remove_text, self)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        for widget in row.widgets.values():
            watch(widget, self.changed.emit)
        for slot in row.slots.values():
            slot.touched_changed.connect(self.touched.emit)
        self.rows.append(row)
        self._rows_box.addWidget(row)
        row.show()  # now, not at the next event loop turn: it can take the focus at once
        self.header.show()
        self._fix_tab_order()
        if focus:
            row.first_field().setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def remove_row(self, row: Row) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        row.hide()
        row.deleteLater()
        self.header.setVisible(bool(self.rows))
        self._fix_tab_order()
        target = (self.rows[min(index, len(self.rows) - 1)].first_field() if self.rows
                  else self.add_button)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()

    def _fix_tab_order(self) -> None:
        """Rows in order, each row left to right, then the add button."""
        chain: list[QWidget] = []
        for row in self.rows:
            chain += list(row.widgets.values())
        chain.append(self.add_button)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def slots(self) -> list[FieldSlot]:
        return [slot for row in self.rows for slot in row.slots.values()]

    def collect(self, errors: dict[str, list[str]]) -> list[dict]:
        """The non-blank rows; renumbers the validation paths of every slot."""
        out: list[dict] = []
        for row in self.rows:
            key = f"{self.prefix}.{len(out)}."
            values = self.read_row(row, errors, key)
            for name, slot in row.slots.items():
                slot.key = key + name if values is not None else ""
            if values is not None:
                out.append(values)
        return out

    def last_widget(self) -> QAbstractButton:
        return self.add_button
