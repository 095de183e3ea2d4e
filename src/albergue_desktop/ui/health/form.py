"""The inputs of a screening visit: the apparent age band when there is no date of birth,
vital signs with units and plausible ranges (with the IITT thresholds of the person's age band
as a hint), AVPU, weight and height, the IITT emergency and priority signs (two boxes of two
columns each), the DGE respiratory symptoms with their onset, chronic conditions, pregnancy
with its warning signs, disability and notes. Pure input: the result is computed by the
dialog with the domain rules."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
    QPlainTextEdit, QVBoxLayout, QWidget,
)

from ...domain.clinical_enums import (
    AgeBand, ApparentAge, Avpu, ChronicCondition, Measure, ObstetricSign, Op, Symptom,
    TriageColour, TriageSign, clinical_label,
)
from ...domain.clinical_rules import ANY_TWO_OF, RULES, age_band, candidate_bands
from ...domain.errors import FieldError
from ...domain.triage import PLAUSIBLE, ScreeningInput
from ...services.screening import DISABILITY_CODES
from ..records.fields import need_label
from .checklists import CodeChecklist, SignChecklist, SymptomChecklist
from .common import NumberField

VITALS = ("temperature_c", "heart_rate", "respiratory_rate", "systolic_bp", "diastolic_bp",
          "spo2", "weight_kg", "height_cm")
DECIMALS = {"temperature_c", "weight_kg", "height_cm"}
PREGNANCY_FROM_MONTHS = 9 * 12  # the pregnancy section is offered from 9 years of age


def risk_hint(measure: Measure, band: AgeBand | frozenset[AgeBand]
              ) -> tuple[float | None, float | None]:
    """The least extreme IITT thresholds of a vital for the candidate age bands: (below,
    above)."""
    bands = frozenset({band}) if isinstance(band, AgeBand) else band
    lows, highs = [], []
    for rule in RULES:
        if rule.measure is not measure or rule.pregnant_only:
            continue
        if rule.band is not AgeBand.ANY and rule.band not in bands:
            continue
        if rule.op is Op.LT:
            lows.append(float(rule.value))
        elif rule.op is Op.GT:
            highs.append(float(rule.value))
    return (max(lows) if lows else None, min(highs) if highs else None)


def _sign_rows(colour: TriageColour, exclude: frozenset[TriageSign] = frozenset()
               ) -> list[TriageSign]:
    """The signs of the rule table with this colour, in the card's order, once each."""
    out: list[TriageSign] = []
    for rule in RULES:
        if (rule.measure is Measure.SIGN and rule.op is Op.PRESENT and rule.colour is colour
                and rule.value not in out and rule.value not in ANY_TWO_OF | exclude):
            out.append(TriageSign(rule.value))
    return out


# The title of a signs box in the colour it gives; its contents in the normal text colour.
_BOX_STYLE = ("QGroupBox {{ font-weight: bold; color: {colour}; }} "
              "QGroupBox * {{ font-weight: normal; color: palette(text); }}")
_CHILD_BANDS = (AgeBand.UNDER_1, AgeBand.FROM_1_TO_4, AgeBand.FROM_5_TO_11)
_SIGN_ROWS = [r for r in RULES if r.measure is Measure.SIGN and r.op is Op.PRESENT]
EMERGENCY_SIGNS = _sign_rows(TriageColour.RED)
PRIORITY_SIGNS = _sign_rows(TriageColour.YELLOW, frozenset(EMERGENCY_SIGNS))
OVER_50_SIGNS = frozenset(TriageSign(r.value) for r in _SIGN_ROWS if r.older_than_months)
CHILD_ONLY_SIGNS = frozenset(TriageSign(r.value) for r in _SIGN_ROWS) - frozenset(
    TriageSign(r.value) for r in _SIGN_ROWS if r.band not in _CHILD_BANDS)
RED_IN_CHILDREN = frozenset(TriageSign(r.value) for r in _SIGN_ROWS
                            if r.band in _CHILD_BANDS and r.colour is TriageColour.RED) \
    - CHILD_ONLY_SIGNS


class ScreeningForm(QWidget):
    """``changed()`` whenever a value changes. :meth:`values` gives the
    :class:`ScreeningInput` and the symptom onsets for the service."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        units = {"temperature_c": "°C", "heart_rate": self.tr("/min"),
                 "respiratory_rate": self.tr("/min"), "systolic_bp": "mmHg",
                 "diastolic_bp": "mmHg", "spo2": "%", "weight_kg": "kg", "height_cm": "cm"}
        self.fields: dict[str, NumberField] = {}
        for name in VITALS:
            low, high = PLAUSIBLE[name]
            field = NumberField(units[name], low, high, decimals=name in DECIMALS, parent=self)
            field.changed.connect(self.changed)
            self.fields[name] = field
        self.fields["systolic_bp"].hint.hide()
        self.avpu = QComboBox(self)
        self.avpu.addItem(self.tr("— not recorded —"), None)
        for level in Avpu:
            self.avpu.addItem(f"{level.value} · {clinical_label(level)}", level)
        self.avpu.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.avpu.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.apparent_age = QComboBox(self)
        self.apparent_age.addItem(self.tr("— not recorded (strictest band) —"), None)
        for band in ApparentAge:
            self.apparent_age.addItem(clinical_label(band), band)
        self.apparent_age.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.apparent_age.currentIndexChanged.connect(self._on_apparent_age)
        self.apparent_note = QLabel(self)
        self.apparent_note.setWordWrap(True)
        self.apparent_note.setStyleSheet("color: palette(mid);")
        self._known_age: int | None = None
        self.emergency = SignChecklist(
            [*((s.value, self._sign_text(s)) for s in EMERGENCY_SIGNS),
             *((s.value, clinical_label(s)) for s in sorted(ANY_TWO_OF))], 2,
            {sorted(ANY_TWO_OF)[0].value: self.tr("Any two of these:")}, self)
        self.emergency.changed.connect(self.changed)
        self.priority = SignChecklist(
            [(s.value, self._sign_text(s)) for s in PRIORITY_SIGNS], 2, None, self)
        self.priority.changed.connect(self.changed)
        self.symptoms = SymptomChecklist(self)
        self.symptoms.changed.connect(self.changed)
        self.chronic = CodeChecklist(
            [(c.value, clinical_label(c)) for c in ChronicCondition], 3, self)
        self.chronic.changed.connect(self.changed)
        self.pregnant = QCheckBox(self.tr("&Pregnant"), self)
        self.weeks = NumberField(self.tr("weeks"), *PLAUSIBLE["gestation_weeks"], parent=self)
        self.weeks.changed.connect(self.changed)
        self.obstetric = CodeChecklist(
            [(s.value, clinical_label(s)) for s in ObstetricSign], 2, self)
        self.obstetric.changed.connect(self.changed)
        self.pregnant.toggled.connect(self._on_pregnant)
        self.disability = CodeChecklist([(c, need_label(c)) for c in DISABILITY_CODES], 2,
                                        self)
        self.disability.changed.connect(self.changed)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.notes.textChanged.connect(self.changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.age_box = QGroupBox(self.tr("Age"), self)
        # the note under the choice, full width: beside it, it widened the form past the
        # scroll area and the right column of the signs was cut off
        age_column = QVBoxLayout(self.age_box)
        age_row = QHBoxLayout()
        age_row.addWidget(QLabel(self.tr("&Apparent age (no date of birth):"), self.age_box,
                                 buddy=self.apparent_age))
        age_row.addWidget(self.apparent_age)
        age_row.addStretch(1)
        age_column.addLayout(age_row)
        age_column.addWidget(self.apparent_note)
        layout.addWidget(self.age_box)
        layout.addWidget(self._vitals_box())
        self.emergency_box = QGroupBox(self.tr("Emergency signs (RED): IITT card"), self)
        QVBoxLayout(self.emergency_box).addWidget(self.emergency)
        self.emergency_box.setStyleSheet(_BOX_STYLE.format(colour="#8a1c1c"))
        layout.addWidget(self.emergency_box)
        self.priority_box = QGroupBox(self.tr("Priority signs (YELLOW): IITT card"), self)
        QVBoxLayout(self.priority_box).addWidget(self.priority)
        self.priority_box.setStyleSheet(_BOX_STYLE.format(colour="#6b5200"))
        layout.addWidget(self.priority_box)
        symptoms_box = QGroupBox(self.tr("Respiratory case definition (DGE 2021): symptoms "
                                         "that began in the last 10 days"), self)
        QVBoxLayout(symptoms_box).addWidget(self.symptoms)
        layout.addWidget(symptoms_box)
        chronic_box = QGroupBox(self.tr("Chronic-degenerative conditions"), self)
        QVBoxLayout(chronic_box).addWidget(self.chronic)
        layout.addWidget(chronic_box)
        self.pregnancy_box = QGroupBox(self.tr("Pregnancy"), self)
        pregnancy = QGridLayout(self.pregnancy_box)
        pregnancy.addWidget(self.pregnant, 0, 0)
        pregnancy.addWidget(QLabel(self.tr("Weeks of gestation"), self.pregnancy_box), 0, 1)
        pregnancy.addWidget(self.weeks, 0, 2)
        pregnancy.addWidget(QLabel(self.tr("Warning signs:"), self.pregnancy_box), 1, 0, 1, 3)
        pregnancy.addWidget(self.obstetric, 2, 0, 1, 3)
        pregnancy.setColumnStretch(2, 1)
        layout.addWidget(self.pregnancy_box)
        disability_box = QGroupBox(self.tr("Disability"), self)
        QVBoxLayout(disability_box).addWidget(self.disability)
        layout.addWidget(disability_box)
        notes_box = QGroupBox(self.tr("Notes"), self)
        QVBoxLayout(notes_box).addWidget(self.notes)
        layout.addWidget(notes_box)
        self._on_pregnant(False)
        self.set_person(None, None)
        f = self.fields
        chain = [self.apparent_age,
                 *(f[n].edit for n in ("temperature_c", "heart_rate", "respiratory_rate",
                                        "systolic_bp", "diastolic_bp", "spo2")),
                 self.avpu, f["weight_kg"].edit, f["height_cm"].edit,
                 self.emergency.first_box()]
        chain2 = [self.emergency.last_box(), self.priority.first_box()]
        chain3 = [self.priority.last_box(),
                  self.symptoms.boxes[next(iter(self.symptoms.boxes))]]
        for links in (chain2, chain3):
            QWidget.setTabOrder(*links)
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _vitals_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Vital signs (leave empty what was not measured)"), self)
        form = QFormLayout(box)
        f = self.fields
        form.addRow(self.tr("&Temperature"), f["temperature_c"])
        form.addRow(self.tr("&Heart rate"), f["heart_rate"])
        form.addRow(self.tr("&Respiratory rate"), f["respiratory_rate"])
        pressure = QWidget(box)
        row = QHBoxLayout(pressure)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(f["systolic_bp"])
        row.addWidget(QLabel("/", pressure))
        row.addWidget(f["diastolic_bp"], 1)
        f["systolic_bp"].edit.setAccessibleName(self.tr("Systolic pressure"))
        f["diastolic_bp"].edit.setAccessibleName(self.tr("Diastolic pressure"))
        pressure.setFocusProxy(f["systolic_bp"])
        form.addRow(self.tr("&Blood pressure"), pressure)
        form.addRow(self.tr("&Oxygen saturation (SpO2)"), f["spo2"])
        avpu_row = QHBoxLayout()
        avpu_row.addWidget(self.avpu)
        avpu_row.addStretch(1)
        form.addRow(QLabel(self.tr("&Consciousness (AVPU)"), box, buddy=self.avpu), avpu_row)
        form.addRow(self.tr("&Weight"), f["weight_kg"])
        form.addRow(self.tr("Hei&ght"), f["height_cm"])
        self.size_note = QLabel(self.tr("Weight and height: record them for children."), box)
        self.size_note.setStyleSheet("color: palette(mid);")
        form.addRow("", self.size_note)
        return box

    def _sign_text(self, sign: TriageSign) -> str:
        text = clinical_label(sign)
        if sign in OVER_50_SIGNS:
            text += " " + self.tr("(red over 50 years)")
        elif sign in CHILD_ONLY_SIGNS:
            text += " " + self.tr("(child under 12)")
        elif sign in RED_IN_CHILDREN:
            text += " " + self.tr("(red under 12 years, else yellow)")
        return text

    # --- the person ---------------------------------------------------------------------

    def _on_apparent_age(self, _index: int) -> None:
        self.set_person(self._sex, self._known_age)
        self.changed.emit()

    def set_person(self, sex: str | None, age_months: int | None) -> None:
        """Adapt hints and availability to the person: IITT thresholds of the age band (of
        the apparent band, or of every band, when there is no date of birth), the apparent
        age only without a date of birth, pregnancy only for women and girls from 9 (the
        service refuses it for men)."""
        self._sex, self._known_age = sex, age_months
        known = age_months is not None
        self.apparent_age.setEnabled(not known)
        if known:
            self.apparent_age.blockSignals(True)
            self.apparent_age.setCurrentIndex(0)
            self.apparent_age.blockSignals(False)
            self.apparent_note.setText(self.tr("The age comes from the date of birth."))
        elif self.apparent_age.currentData() is None:
            self.apparent_note.setText(self.tr(
                "No date of birth: without an apparent age the strictest band is used."))
        else:
            self.apparent_note.setText(self.tr("No date of birth: the apparent age is used."))
        band = candidate_bands(age_months, self.apparent_age.currentData())
        measures = {"temperature_c": Measure.TEMPERATURE, "heart_rate": Measure.HEART_RATE,
                    "respiratory_rate": Measure.RESPIRATORY_RATE, "spo2": Measure.SPO2}
        for name, measure in measures.items():
            below, above = risk_hint(measure, band)
            parts = []
            if below is not None:
                parts.append(f"<{below:g}")
            if above is not None:
                parts.append(f">{above:g}")
            self.fields[name].hint.setText(
                self.tr("IITT high risk: {limits}").format(limits=self.tr(" or ").join(parts))
                if parts else "")
        can_be_pregnant = sex != "M" and (age_months is None
                                          or age_months >= PREGNANCY_FROM_MONTHS)
        self.pregnancy_box.setEnabled(can_be_pregnant)
        if not can_be_pregnant:
            self.pregnant.setChecked(False)

    def _on_pregnant(self, pregnant: bool) -> None:
        self.weeks.setEnabled(pregnant)
        if not pregnant:
            self.weeks.set_value(None)
        self.obstetric.setEnabled(pregnant)
        self.changed.emit()

    # --- values ------------------------------------------------------------------------

    def values(self, today: date) -> tuple[ScreeningInput, dict[Symptom, date]]:
        """What is typed: the input (symptoms checked) and each symptom's onset date."""
        numbers = {name: field.value() for name, field in self.fields.items()}
        onsets = self.symptoms.onsets(today)
        data = ScreeningInput(
            **numbers, avpu=self.avpu.currentData(), symptoms=frozenset(onsets),
            chronic_conditions=frozenset(ChronicCondition(c) for c in self.chronic.checked()),
            pregnant=self.pregnant.isChecked(),
            gestation_weeks=self.weeks.value() if self.pregnant.isChecked() else None,
            obstetric_signs=frozenset(ObstetricSign(s) for s in self.obstetric.checked()),
            disabilities=self.disability.checked(), notes=self.notes.toPlainText().strip(),
            signs=frozenset(TriageSign(c) for c in self.emergency.checked()
                            | self.priority.checked()),
            apparent_age=self.apparent_age.currentData())
        return data, onsets

    def show_errors(self, errors: list[FieldError]) -> None:
        """Mark the fields with typing errors (the messages are listed by the dialog)."""
        by_field = {e.field: e.message() for e in errors}
        for name, field in [*self.fields.items(), ("gestation_weeks", self.weeks)]:
            field.set_error(by_field.get(name))

    def clear(self) -> None:
        for field in self.fields.values():
            field.set_value(None)
        self.avpu.setCurrentIndex(0)
        self.apparent_age.setCurrentIndex(0)
        self.emergency.set_checked(())
        self.priority.set_checked(())
        self.symptoms.clear()
        self.chronic.set_checked(())
        self.pregnant.setChecked(False)
        self.disability.set_checked(())
        self.notes.clear()
        self.fields["temperature_c"].setFocus()
