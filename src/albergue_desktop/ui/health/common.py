"""Building blocks of the health screens: the IITT colour badge (colour and a word, never
colour alone), an optional number field with its unit and plausible range, and the texts of
the screening results that are not domain labels."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from ...domain.clinical_enums import TriageColour

CONTEXT = "health"
FIELD_ERROR_STYLE = "QLineEdit { border: 2px solid #b00020; border-radius: 3px; }"

# (background, text) of each colour; the word is always shown with it.
COLOURS: dict[TriageColour, tuple[str, str]] = {
    TriageColour.RED: ("#c62828", "#ffffff"),
    TriageColour.YELLOW: ("#f9c80e", "#1a1a1a"),
    TriageColour.GREEN: ("#2e7d32", "#ffffff"),
}
COLOUR_WORDS: dict[TriageColour, str] = {
    TriageColour.RED: QT_TRANSLATE_NOOP("health", "RED"),
    TriageColour.YELLOW: QT_TRANSLATE_NOOP("health", "YELLOW"),
    TriageColour.GREEN: QT_TRANSLATE_NOOP("health", "GREEN"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def colour_word(colour: TriageColour | str) -> str:
    """ROJO / AMARILLO / VERDE in the current language."""
    return tr(COLOUR_WORDS[TriageColour(colour)])


def colour_style(colour: TriageColour | str, *, padding: str = "2px 8px") -> str:
    background, foreground = COLOURS[TriageColour(colour)]
    return (f"background: {background}; color: {foreground}; font-weight: bold; "
            f"border-radius: 4px; padding: {padding};")


def colour_html(colour: TriageColour | str) -> str:
    """The colour as a small coloured word, for rich-text labels."""
    background, foreground = COLOURS[TriageColour(colour)]
    return (f"<span style='background:{background}; color:{foreground}; font-weight:bold'>"
            f"&nbsp;{colour_word(colour)}&nbsp;</span>")


class ColourBadge(QLabel):
    """A big coloured badge with the colour's word: the triage result at a glance."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        self.setFont(font)
        self.setMinimumHeight(self.fontMetrics().height() * 2)
        self.colour: TriageColour | None = None

    def set_colour(self, colour: TriageColour) -> None:
        self.colour = colour
        self.setText(colour_word(colour))
        self.setStyleSheet(colour_style(colour, padding="6px 18px"))
        self.setAccessibleName(self.tr("IITT colour: {colour}").format(
            colour=colour_word(colour)))


class NumberField(QWidget):
    """A number that may be left empty (not measured): an edit box, its unit after it and
    the plausible range as a hint. ``value()`` is None when empty; ``changed()`` on typing."""

    changed = Signal()

    def __init__(self, unit: str, low: float, high: float, *, decimals: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.low, self.high, self.decimals = low, high, decimals
        self.edit = QLineEdit(self)
        pattern = r"\d{0,3}([.,]\d?)?" if decimals else r"\d{0,3}"
        self.edit.setValidator(QRegularExpressionValidator(pattern, self.edit))
        width = self.edit.fontMetrics().horizontalAdvance("000.0") + 24
        self.edit.setFixedWidth(width)
        self.edit.setPlaceholderText("—")
        self._tooltip = self.tr("Between {low} and {high} {unit}; leave empty if not "
                                "measured.").format(low=_fmt(low), high=_fmt(high), unit=unit)
        self.edit.setToolTip(self._tooltip)
        self.unit = QLabel(unit, self)
        self.hint = QLabel(self)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setStyleSheet("color: palette(mid);")
        self.hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.unit)
        layout.addWidget(self.hint, 1)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(lambda _text: self.changed.emit())

    def text(self) -> str:
        return self.edit.text().strip()

    def value(self) -> float | int | None:
        text = self.text().replace(",", ".")
        if not text or text == ".":
            return None
        number = float(text)
        return number if self.decimals else int(number)

    def set_value(self, value: float | int | None) -> None:
        self.edit.setText("" if value is None else _fmt(value))

    def set_error(self, message: str | None) -> None:
        self.edit.setStyleSheet(FIELD_ERROR_STYLE if message else "")
        self.edit.setToolTip(message or self._tooltip)


def _fmt(value: float | int) -> str:
    return f"{value:g}"
