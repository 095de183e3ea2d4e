"""The impact report's pathway lines are computed from the records, for any period, on the
program's days (America/Tijuana), and print in the PDF (no "no registrado" for them)."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest
from pathway_world import lodged_family
from pypdf import PdfReader

from albergue_desktop.domain import clock
from albergue_desktop.reports import impact
from albergue_desktop.services import discharge, housing, jobs, schooling
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.discharge import DischargePlan
from albergue_desktop.services.housing import HomeInput

RFC = "GODE561231GR8"
LINES = ("homes_rented", "families_housed", "homes_recovered", "discharged_with_transport",
         "school_enrollments", "adults_revalidated", "rfc_processed", "formal_jobs",
         "people_placed", "working_30_days")


@pytest.fixture
def world(db, center):
    with clock.frozen(date(2022, 3, 31)):
        hh1, ids1 = lodged_family(db, center.id)
        hh2, _ids2 = lodged_family(db, center.id, surname="Pierre")
        emp = jobs.save_employer(db, SYSTEM, name="Taller")
        o = jobs.save_opening(db, SYSTEM, jobs.OpeningInput(emp.id, "Soldador", count=25,
                                                            opened_on=date(2022, 1, 28)))
        jobs.save_opening(db, SYSTEM, jobs.OpeningInput(emp.id, "Cocinero", count=5,
                                                        opened_on=date(2022, 2, 16)))
        jobs.save_paperwork(db, SYSTEM, ids1[0], jobs.PaperworkInput(
            rfc_status="issued", rfc=RFC, rfc_issued_on=date(2022, 2, 3)))
        p = jobs.place(db, SYSTEM, person_id=ids1[0], opening_id=o.id,
                       start_date=date(2022, 2, 7), outcome="started")
        jobs.set_outcome(db, SYSTEM, p.id, "working_30_days", on=date(2022, 3, 9))
        home = housing.save_home(db, SYSTEM, HomeInput(address="Calle 1", rent=4000,
                                                       status="recovered"))
        lease = housing.create_lease(db, SYSTEM, home_id=home.id, start_date=date(2022, 3, 1))
        for hh in (hh1, hh2):
            housing.move_in(db, SYSTEM, lease_id=lease.id, household_id=hh,
                            moved_in=date(2022, 3, 1), transport="program_vehicle",
                            when=datetime(2022, 3, 1, 18, tzinfo=timezone.utc))
        schooling.save_enrollment(db, SYSTEM, ids1[2], schooling.EnrollmentInput(
            school="Primaria", level="primaria", grade=2, status="enrolled",
            enrolled_on=date(2022, 2, 21)))
        schooling.save_inea(db, SYSTEM, ids1[1], level="primaria", status="certified",
                            started_on=date(2022, 1, 20), certified_on=date(2022, 3, 15))
    return ids1


def test_every_pathway_line_is_computed_for_the_whole_program(db, world):
    v = impact.compute_impact(db, SYSTEM)
    assert {k: v[k] for k in LINES} == {
        "homes_rented": 1, "families_housed": 2, "homes_recovered": 1,
        "discharged_with_transport": 6, "school_enrollments": 1, "adults_revalidated": 1,
        "rfc_processed": 1, "formal_jobs": 30, "people_placed": 1, "working_30_days": 1}


def test_a_period_counts_only_what_happened_in_it(db, world):
    feb = impact.compute_impact(db, SYSTEM, start=date(2022, 2, 1), end=date(2022, 2, 28))
    assert {k: feb[k] for k in LINES} == {
        "homes_rented": 0, "families_housed": 0, "homes_recovered": 0,
        "discharged_with_transport": 0, "school_enrollments": 1, "adults_revalidated": 0,
        "rfc_processed": 1, "formal_jobs": 5, "people_placed": 1, "working_30_days": 0}


def test_days_are_the_programs_not_the_laptops(db, center, monkeypatch):
    # a discharge at 02:00 UTC on 1 March is still 28 February in Mexicali
    hh, _ids = lodged_family(db, center.id)
    discharge.discharge_household(db, SYSTEM, household_id=hh,
                                  when=datetime(2022, 3, 1, 2, 0, tzinfo=timezone.utc),
                                  plan=DischargePlan("other_city", "Tijuana", "bus_ticket"))
    monkeypatch.setenv("TZ", "Europe/Madrid")  # whatever the laptop says
    feb = impact.compute_impact(db, SYSTEM, start=date(2022, 2, 28), end=date(2022, 2, 28))
    mar = impact.compute_impact(db, SYSTEM, start=date(2022, 3, 1), end=date(2022, 3, 1))
    assert feb["discharged_with_transport"] == 3 and mar["discharged_with_transport"] == 0


def test_the_pdf_prints_the_pathway_lines(db, world, tmp_path):
    out = impact.impact_pdf(db, SYSTEM, tmp_path / "impact.pdf")
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(out).pages)
    for words in ("Viviendas arrendadas", "Familias instaladas en viviendas arrendadas",
                  "Personas colocadas en un empleo", "Siguen trabajando a los 30 días"):
        assert words in text, words
