"""Languages, education and work page of a person."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QHBoxLayout, QLabel, \
    QLineEdit, QVBoxLayout, QWidget

from ...domain.enums import LANGUAGES
from . import codes
from .fields import CodeCombo, FieldParseError, FieldSlot, FormPage, IntField
from .row_list import Column, Row, RowEditor, watch


class WorkEditor(RowEditor):
    """Work experience and skills: an occupation or trade with the years practised."""

    prefix = "work_experience"

    def columns(self) -> list[Column]:
        return [("occupation", self.tr("Occupation, trade or skill"), None),
                ("years", self.tr("Years"), 70)]

    def button_texts(self) -> tuple[str, str]:
        return self.tr("Add occupation"), self.tr("Remove")

    def make_widgets(self) -> dict[str, QWidget]:
        occupation = QLineEdit()
        occupation.setMaxLength(80)
        return {"occupation": occupation, "years": IntField(0, 80)}

    def read_row(self, row: Row, errors: dict[str, list[str]], key: str) -> dict | None:
        occupation = row.widgets["occupation"].text().strip()
        years_field: IntField = row.widgets["years"]
        if not occupation and not years_field.text().strip():
            return None
        try:
            years = years_field.value()
        except FieldParseError as exc:
            errors.setdefault(key + "years", []).append(str(exc))
            years = None
        return {"occupation": occupation, "years": years}


class SkillsTab(FormPage):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QVBoxLayout(self.body)
        top = QHBoxLayout()
        body.addLayout(top)
        languages = QGroupBox(self.tr("Languages"), self.body)
        grid = QGridLayout(languages)
        self.language_levels: dict[str, CodeCombo] = {}
        for row, code in enumerate(LANGUAGES):
            combo = CodeCombo(codes.pairs(codes.LANGUAGE_LEVEL_LABELS),
                              blank=self.tr("does not speak it"))
            caption = QLabel(codes.tr(codes.LANGUAGE_LABELS[code]))
            caption.setBuddy(combo)
            grid.addWidget(caption, row, 0)
            grid.addWidget(combo, row, 1)
            self.language_levels[code] = combo
            watch(combo, self.changed.emit)
        grid.setColumnStretch(2, 1)
        top.addWidget(languages, 1)

        education = QGroupBox(self.tr("Education"), self.body)
        form = QFormLayout(education)
        self.education_level = CodeCombo(codes.pairs(codes.EDUCATION_LABELS))
        caption = QLabel(self.tr("Highest level completed"))
        caption.setBuddy(self.education_level)
        form.addRow(caption, self.education_level)
        watch(self.education_level, self.changed.emit)
        top.addWidget(education, 1)
        top.setAlignment(education, Qt.AlignmentFlag.AlignTop)

        work = QGroupBox(self.tr("Work experience and skills"), self.body)
        box = QVBoxLayout(work)
        self.work = WorkEditor(work)
        self.work.changed.connect(self.changed.emit)
        self.work.touched.connect(self.touched.emit)
        box.addWidget(self.work)
        body.addWidget(work)
        body.addStretch(1)

    def all_slots(self) -> list[FieldSlot]:
        return self.work.slots()

    def collect(self, data: dict, errors: dict[str, list[str]]) -> None:
        data["languages"] = [{"code": code, "level": combo.code()}
                             for code, combo in self.language_levels.items() if combo.code()]
        data["education_level"] = self.education_level.code()
        data["work_experience"] = self.work.collect(errors)
