"""Small building blocks of the registration form: typed fields, the error label shown next
to a field, the slot that ties a field to its validation path, and a scrolling form page
whose Tab order continues into the next page of the tab widget."""

from __future__ import annotations

import re
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QIntValidator
from PySide6.QtWidgets import (
    QComboBox, QFrame, QLabel, QLineEdit, QScrollArea, QSizePolicy, QTabWidget, QWidget,
)

_DMY = re.compile(r"^(\d{1,2})[/\-. ](\d{1,2})[/\-. ](\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
MAX_AGE = 120


class FieldParseError(ValueError):
    """A value typed in a field cannot be read (the message is already translated)."""


def parse_date(text: str) -> date | None:
    """dd/mm/aaaa (Mexican usage; also with - or . and as ddmmaaaa) or aaaa-mm-dd."""
    text = text.strip()
    if not text:
        return None
    if m := _YMD.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := (_DMY.match(text) or _COMPACT.match(text)):
        day, month, year = (int(g) for g in m.groups())
    else:
        raise FieldParseError(QCoreApplication.translate(
            "intake_fields", "Write the date as dd/mm/yyyy."))
    try:
        return date(year, month, day)
    except ValueError:
        raise FieldParseError(QCoreApplication.translate(
            "intake_fields", "This date does not exist.")) from None


def birth_from_age(age: int, today: date) -> date:
    """An age in years -> an estimated date of birth that gives that age today (half a year
    past the birthday, so the age stays right for six months either way)."""
    try:
        anniversary = today.replace(year=today.year - age)
    except ValueError:  # 29 February
        anniversary = today.replace(year=today.year - age, day=28)
    return anniversary - timedelta(days=182)


def format_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class DateField(QLineEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(QCoreApplication.translate("intake_fields", "dd/mm/yyyy"))
        self.setMaxLength(10)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance("00/00/00000") + 16)

    def value(self) -> date | None:
        """The date typed; raises :class:`FieldParseError` when it cannot be read."""
        return parse_date(self.text())

    def set_value(self, value: date | None) -> None:
        self.setText(format_date(value))


class IntField(QLineEdit):
    def __init__(self, low: int, high: int, parent: QWidget | None = None,
                 width_text: str = "0000") -> None:
        super().__init__(parent)
        self._low, self._high = low, high
        self.setValidator(QIntValidator(0, 999, self))
        self.setMaxLength(3)
        self.setFixedWidth(self.fontMetrics().horizontalAdvance(width_text) + 16)

    def value(self) -> int | None:
        text = self.text().strip()
        if not text:
            return None
        number = int(text)
        if not self._low <= number <= self._high:
            raise FieldParseError(QCoreApplication.translate(
                "intake_fields", "Write a number from {low} to {high}.").format(
                low=self._low, high=self._high))
        return number


class CodeCombo(QComboBox):
    """A non-editable combo of (code, label) with an empty first item (no answer yet):
    typing the first letters of a label selects it."""

    def __init__(self, pairs: list[tuple[str, str]], parent: QWidget | None = None, *,
                 blank: str = "") -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        if blank is not None:
            self.addItem(blank, None)
        for code, text in pairs:
            self.addItem(text, code)

    def code(self) -> str | None:
        return self.currentData()

    def set_code(self, code: str | None) -> None:
        index = self.findData(code)
        self.setCurrentIndex(index if index >= 0 else 0)


class ErrorLabel(QLabel):
    """Validation messages of one field, in red under it; hidden when there are none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b00020;")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hide()

    def show_messages(self, messages: list[str]) -> None:
        self.setText("\n".join(messages))
        self.setVisible(bool(messages))


class FieldSlot(QObject):
    """Ties a field widget to its validation path (``key``, e.g. ``documents.0.number``) and
    its error label. A field is *touched* once focus leaves it: from then on its errors
    show as the user types (before that only after a save attempt)."""

    touched_changed = Signal()

    def __init__(self, key: str, widget: QWidget, error: ErrorLabel) -> None:
        super().__init__(widget)
        self.key, self.widget, self.error = key, widget, error
        self.touched = False
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FocusOut and isinstance(event, QFocusEvent)
                and event.reason() != Qt.FocusReason.PopupFocusReason and not self.touched):
            self.touched = True
            self.touched_changed.emit()
        return False


def focusable(widget: QWidget) -> bool:
    return (widget.isVisibleTo(widget.window()) and widget.isEnabled()
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


class FormPage(QScrollArea):
    """One page of a :class:`QTabWidget`: scrolls when the window is small, and Tab from its
    last field goes on to the first field of the next page (Shift+Tab back), so every field
    of every page is reachable with the keyboard. Signals: ``changed`` when a value changes,
    ``touched`` when a field is left for the first time."""

    changed = Signal()
    touched = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the page
        self.body = QWidget(self)
        self.setWidget(self.body)

    def fields(self) -> list[QWidget]:
        """Focusable widgets of this page in Tab order."""
        out: list[QWidget] = []
        start = self.body
        widget = start.nextInFocusChain()
        while widget is not start and widget is not None and len(out) < 2000:
            if self.body.isAncestorOf(widget) and focusable(widget) and widget not in out:
                if widget.focusProxy() is None:
                    out.append(widget)
            widget = widget.nextInFocusChain()
        return out

    def focus_first(self) -> None:
        fields = self.fields()
        if fields:
            fields[0].setFocus(Qt.FocusReason.TabFocusReason)
            self.ensureWidgetVisible(fields[0])

    def focus_last(self) -> None:
        fields = self.fields()
        if fields:
            fields[-1].setFocus(Qt.FocusReason.BacktabFocusReason)
            self.ensureWidgetVisible(fields[-1])

    def _tabs(self) -> QTabWidget | None:
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QTabWidget):
            parent = parent.parentWidget()
        return parent

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        tabs, fields = self._tabs(), self.fields()
        current = self.focusWidget()
        while current is not None and current.focusProxy() is not None:
            current = current.focusProxy()
        if tabs is not None and fields and current in fields:
            index = tabs.indexOf(self)
            if next and current is fields[-1] and index + 1 < tabs.count():
                tabs.setCurrentIndex(index + 1)
                tabs.widget(index + 1).focus_first()
                return True
            if not next and current is fields[0] and index > 0:
                tabs.setCurrentIndex(index - 1)
                tabs.widget(index - 1).focus_last()
                return True
        return super().focusNextPrevChild(next)
