"""Vaccination page of a person: one row per dose as written on the card (Cartilla Nacional
de Salud or the foreign certificate). COVID-19 doses take the product from a closed list."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from ...domain.vaccines import Vaccine
from . import codes
from .documents_editor import read_date
from .fields import CodeCombo, DateField, FieldParseError, FieldSlot, FormPage, IntField
from .row_list import Column, Row, RowEditor

OTHER = "__other__"


class VaccinationEditor(RowEditor):
    prefix = "vaccinations"

    def columns(self) -> list[Column]:
        return [("vaccine", self.tr("Vaccine"), 200),
                ("other", self.tr("Other vaccine (name)"), 150),
                ("brand", self.tr("COVID-19 product"), 130),
                ("dose", self.tr("Dose"), 50),
                ("date", self.tr("Date"), 100),
                ("lot", self.tr("Lot"), 100),
                ("place", self.tr("Place"), None)]

    def button_texts(self) -> tuple[str, str]:
        return self.tr("Add vaccine"), self.tr("Remove")

    def make_widgets(self) -> dict[str, QWidget]:
        vaccine = CodeCombo([*codes.vaccine_pairs(), (OTHER, self.tr("Other…"))])
        other, lot, place = QLineEdit(), QLineEdit(), QLineEdit()
        other.setMaxLength(60)
        lot.setMaxLength(30)
        place.setMaxLength(80)
        brand = CodeCombo(list(codes.COVID_BRAND_NAMES.items()))
        widgets = {"vaccine": vaccine, "other": other, "brand": brand,
                   "dose": IntField(1, 10), "date": DateField(), "lot": lot, "place": place}

        def follow_vaccine() -> None:  # the name and product fields apply to some vaccines
            code = vaccine.code()
            other.setEnabled(code == OTHER)
            brand.setEnabled(code == Vaccine.COVID19)
            if code != Vaccine.COVID19:
                brand.set_code(None)
            if code != OTHER:
                other.clear()

        vaccine.currentIndexChanged.connect(lambda _i: follow_vaccine())
        follow_vaccine()
        return widgets

    def read_row(self, row: Row, errors: dict[str, list[str]], key: str) -> dict | None:
        w = row.widgets
        texts = [w[name].text().strip() for name in ("other", "dose", "date", "lot", "place")]
        if w["vaccine"].code() is None and not any(texts):
            return None
        code = w["vaccine"].code()
        vaccine = texts[0] if code == OTHER else (code or "")
        try:
            dose = w["dose"].value()
        except FieldParseError as exc:
            errors.setdefault(key + "dose", []).append(str(exc))
            dose = None
        return {"vaccine": vaccine, "brand": w["brand"].code(), "dose": dose,
                "date": read_date(w["date"], errors, key + "date"),
                "lot": texts[3] or None, "place": texts[4] or None}


class VaccinationTab(FormPage):

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        body = QVBoxLayout(self.body)
        group = QGroupBox(self.tr("Doses received"), self.body)
        box = QVBoxLayout(group)
        hint = QLabel(self.tr("One row per dose, as written on the vaccination card."))
        hint.setWordWrap(True)
        box.addWidget(hint)
        self.vaccinations = VaccinationEditor(group)
        self.vaccinations.changed.connect(self.changed.emit)
        self.vaccinations.touched.connect(self.touched.emit)
        box.addWidget(self.vaccinations)
        body.addWidget(group)
        body.addStretch(1)

    def all_slots(self) -> list[FieldSlot]:
        return self.vaccinations.slots()

    def collect(self, errors: dict[str, list[str]]) -> list[dict]:
        return self.vaccinations.collect(errors)
