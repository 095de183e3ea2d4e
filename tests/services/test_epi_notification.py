"""The weekly epidemiological notification: epidemiological weeks, SUIVE-1 age groups, case
counting from screenings (once per person, condition and week), pluggable sources, the PDF
and sheet, and who may produce them."""

from __future__ import annotations

import subprocess
from datetime import date, datetime, timezone

import openpyxl
import pytest

from albergue_desktop.domain.epi_week import EpiWeek, age_group, epi_week
from albergue_desktop.domain.errors import PermissionDenied
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.reports.epi_notification import notification_pdf, notification_xlsx
from albergue_desktop.services import epi_notification as epi
from albergue_desktop.services import people, screening
from albergue_desktop.services.context import SYSTEM, Actor

NURSE = Actor("enfermera", "salud")


def test_epidemiological_weeks_run_sunday_to_saturday():
    assert epi_week(date(2022, 1, 1)) == EpiWeek(2021, 52)   # a Saturday
    assert epi_week(date(2022, 1, 2)) == EpiWeek(2022, 1)    # the first Sunday
    assert EpiWeek(2022, 1).start == date(2022, 1, 2)
    assert EpiWeek(2022, 2).end == date(2022, 1, 15)
    assert epi_week(date(2021, 1, 3)) == EpiWeek(2021, 1)
    assert epi_week(date(2020, 12, 31)) == EpiWeek(2020, 53)


def test_age_groups_are_those_of_the_form():
    on = date(2022, 1, 10)
    assert age_group(date(2021, 6, 1), on) == "<1"
    assert age_group(date(2017, 1, 11), on) == "1-4"
    assert age_group(date(1990, 5, 1), on) == "25-44"
    assert age_group(date(1950, 5, 1), on) == "65+"
    assert age_group(None, on) == "Ign."


def test_icd10_codes_map_to_the_notified_conditions():
    assert epi.condition_of_icd10("J06.9") == epi.RESPIRATORY
    assert epi.condition_of_icd10("u07.1") == epi.RESPIRATORY
    assert epi.condition_of_icd10("A09") == epi.DIARRHOEAL
    assert epi.condition_of_icd10("I10") is None


@pytest.fixture
def cases(db, center, make_member):
    ids = people.register_household(db, SYSTEM, center_id=center.id, members=[
        make_member(given="Marie", sex="F", birth=date(1990, 5, 1)),
        make_member(given="Jean", sex="M", birth=date(2019, 3, 1), relationship="child"),
    ]).person_ids
    respiratory = ScreeningInput(temperature_c=38.4, symptoms=frozenset({"cough", "fever",
                                                                         "sore_throat"}))
    diarrhoea = ScreeningInput(signs=frozenset({"vomiting_or_diarrhoea"}))
    for day in (3, 5):   # the same person twice in the week: one case
        screening.record_screening(db, NURSE, person_id=ids[0], screening=respiratory,
                                   when=datetime(2022, 1, day, 18, tzinfo=timezone.utc))
    screening.record_screening(db, NURSE, person_id=ids[1], screening=diarrhoea,
                               when=datetime(2022, 1, 4, 18, tzinfo=timezone.utc))
    screening.record_screening(db, NURSE, person_id=ids[1], screening=respiratory,
                               when=datetime(2022, 1, 12, 18, tzinfo=timezone.utc))  # week 2
    return ids


def test_cases_are_counted_once_per_person_condition_and_week(db, center, cases):
    note = epi.weekly_notification(db, NURSE, EpiWeek(2022, 1))
    assert note.cell(epi.RESPIRATORY, "25-44", "F") == 1
    assert note.total(epi.RESPIRATORY) == 1
    assert note.cell(epi.DIARRHOEAL, "1-4", "M") == 1
    assert epi.weekly_notification(db, NURSE, EpiWeek(2022, 2)).cell(
        epi.RESPIRATORY, "1-4", "M") == 1
    assert epi.weekly_notification(db, NURSE, EpiWeek(2022, 1),
                                   center_id="nowhere").total(epi.RESPIRATORY) == 0


def test_a_registered_source_adds_cases_without_double_counting(db, center, cases):
    def diagnoses(session, start, end):
        yield epi.CaseEvent(cases[0], epi.condition_of_icd10("J06.9"), date(2022, 1, 4), None)
        yield epi.CaseEvent(cases[0], epi.condition_of_icd10("A09"), date(2022, 1, 4), None)

    epi.register_source("consultation", diagnoses)
    try:
        note = epi.weekly_notification(db, NURSE, EpiWeek(2022, 1))
    finally:
        epi._SOURCES.pop("consultation")
    assert note.total(epi.RESPIRATORY) == 1 and note.total(epi.DIARRHOEAL) == 2


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def test_pdf_and_sheet_show_the_counts_only_for_health_roles(db, center, cases, tmp_path):
    pdf = _text(notification_pdf(db, NURSE, tmp_path / "n.pdf", week=EpiWeek(2022, 1)))
    assert "Notificación semanal de casos nuevos" in pdf and "SUIVE-1" in pdf
    assert "Marie" not in pdf
    book = openpyxl.load_workbook(notification_xlsx(db, NURSE, tmp_path / "n.xlsx",
                                                    week=EpiWeek(2022, 1)))
    sheet = book.active
    assert sheet.title == "SE01-2022"
    values = [[c.value for c in row] for row in sheet.iter_rows(min_row=5)]
    assert values[0][0].startswith("Infecciones respiratorias agudas")
    assert values[0][-2] == 1 and values[1][-2] == 1
    assert sheet.cell(3, 2).value == "<1" and sheet.cell(4, 2).value == "M"
    for role in ("registro", "coordinacion", "admin"):
        with pytest.raises(PermissionDenied):
            notification_pdf(db, Actor("x", role), tmp_path / "x.pdf", week=EpiWeek(2022, 1))
