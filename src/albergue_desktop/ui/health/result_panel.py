"""What the screening gives, shown live as the values are typed: the IITT colour as a big
badge with its word, the reasons (rule text, source and rule id), high-risk vital signs,
the respiratory screen, isolation, urgent care, consultation, obstetric warning and what is
still missing; typing errors are listed too. Also the vaccination summary as rich text."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from ...domain.clinical_enums import RespiratoryScreen, TriageColour, clinical_label
from ...domain.errors import FieldError
from ...domain.i18n import translate
from ...domain.triage import TriageResult
from ...services.vaccination_summary import VaccinationSummary
from .common import ColourBadge, colour_html, colour_word

YES_STYLE = "font-weight: bold; color: #8a1c1c;"


def _rich(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class ResultPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.badge = ColourBadge(self)
        self.caption = QLabel(self.tr("IITT triage colour (WHO/ICRC/MSF)"), self)
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.caption.setWordWrap(True)
        self.age_note = QLabel(self)
        self.age_note.setWordWrap(True)
        self.age_note.setStyleSheet("color: #8a5a00;")
        self.reasons = _rich(self)
        self.high_risk = QLabel(self)
        self.respiratory = QLabel(self)
        self.isolation = QLabel(self)
        self.urgent = QLabel(self)
        self.consultation = QLabel(self)
        self.obstetric = QLabel(self)
        self.missing = QLabel(self)
        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #b00020;")
        for label in (self.high_risk, self.respiratory, self.missing, self.errors,
                      self.consultation, self.urgent, self.isolation):
            label.setWordWrap(True)
        reasons_box = QGroupBox(self.tr("Reasons"), self)
        QVBoxLayout(reasons_box).addWidget(self.reasons)
        outcome_box = QGroupBox(self.tr("Result"), self)
        form = QFormLayout(outcome_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.tr("High-risk vital signs:"), self.high_risk)
        form.addRow(self.tr("Respiratory screen:"), self.respiratory)
        form.addRow(self.tr("Respiratory isolation:"), self.isolation)
        form.addRow(self.tr("Urgent care:"), self.urgent)
        form.addRow(self.tr("Medical consultation:"), self.consultation)
        form.addRow(self.tr("Obstetric warning:"), self.obstetric)
        form.addRow(self.tr("Not recorded yet:"), self.missing)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.caption)
        layout.addWidget(self.age_note)
        layout.addWidget(self.errors)
        layout.addWidget(reasons_box)
        layout.addWidget(outcome_box)
        self.errors.hide()

    def show_result(self, result: TriageResult, final: TriageColour | None = None) -> None:
        """The result; ``final``: a clinician's higher colour (the badge shows it and the
        caption names the computed one)."""
        shown = final if final is not None and final.rank > result.colour.rank else None
        self.badge.set_colour(shown or result.colour)
        if shown is not None:
            self.caption.setText(self.tr(
                "Raised by clinical judgement; the IITT rules computed {colour}").format(
                colour=colour_word(result.colour)))
        else:
            self.caption.setText(self.tr("IITT triage colour (WHO/ICRC/MSF)"))
        self.age_note.setText(translate(result.age_note) if result.age_note else "")
        self.age_note.setVisible(bool(result.age_note))
        if result.findings:
            items = [f"<li>{colour_html(f.colour)} {escape(f.text())}<br><small>"
                     + escape(self.tr("Source: {source} · rule {rule}").format(
                         source=f.rule.source.value, rule=f.rule_id))
                     + "</small></li>" for f in result.findings]
            self.reasons.setText("<ul style='margin-left: -20px'>" + "".join(items) + "</ul>")
        else:
            self.reasons.setText("<i>" + escape(self.tr(
                "No rule of the table fired: nothing raises the colour.")) + "</i>")
        self.high_risk.setText(", ".join(clinical_label(m) for m in sorted(
            result.high_risk_vitals)) or self.tr("none"))
        resp = result.respiratory
        text = clinical_label(resp.screen)
        text += " " + self.tr("({major} major, {minor} minor)").format(
            major=len(resp.major), minor=len(resp.minor))
        if resp.missing:
            text += ": " + translate(resp.missing)
        if resp.measured_fever:
            text += " · " + self.tr("measured fever")
        self._yes_no(self.respiratory, resp.screen is not RespiratoryScreen.NEGATIVE, text)
        self._yes_no(self.isolation, result.needs_isolation)
        self._yes_no(self.urgent, result.urgent_care)
        self._yes_no(self.consultation, result.consultation,
                     self.tr("Yes, candidate") if result.consultation else None)
        self._yes_no(self.obstetric, result.obstetric_warning)
        self.missing.setText(", ".join(clinical_label(m) for m in result.missing)
                             or self.tr("nothing"))

    def _yes_no(self, label: QLabel, yes: bool, text: str | None = None) -> None:
        label.setText(text or (self.tr("Yes") if yes else self.tr("No")))
        label.setStyleSheet(YES_STYLE if yes else "")

    def show_errors(self, errors: list[FieldError], names: dict[str, str]) -> None:
        """Typing errors of the form: the visit cannot be saved until they are fixed."""
        lines = [f"{names.get(e.field, e.field)}: {e.message()}" for e in errors]
        self.errors.setText("\n".join(lines))
        self.errors.setVisible(bool(lines))


def vaccination_html(summary: VaccinationSummary) -> str:
    """COVID-19 course and the prompts (children's schedule gaps, Tdap in pregnancy)."""
    html = escape(summary.covid.text())
    if summary.prompts:
        html += "<br><b>" + escape(QCoreApplication.translate(
            "health_vaccination", "To offer (prompt, never blocks):")) + "</b>"
        html += "<ul style='margin-left: -20px; margin-top: 0'>" + "".join(
            f"<li>{escape(p.text())} <small>({escape(p.source.value)})</small></li>"
            for p in summary.prompts) + "</ul>"
    elif summary.age_months is not None and summary.age_months < 120:
        html += "<br>" + escape(QCoreApplication.translate(
            "health_vaccination", "Children's schedule: no gap found in the recorded doses."))
    return html
