"""The supervisor's dashboard: occupancy per center and day against capacity, arrivals and
departures per day (transfers left out of the program total), triage colours only for roles
that may see health data; the same charts at the end of the impact report."""

from __future__ import annotations

from datetime import date

from reports_world import DAY, TZ, pdf_text, render_png, world  # noqa: F401

from albergue_desktop.reports.dashboard import dashboard_pdf
from albergue_desktop.reports.impact import impact_pdf
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage import dashboard_queries as dq

DAYS = dq.days_between(date(2022, 1, 12), date(2022, 1, 15))  # D-3 .. D


def test_occupancy_at_the_end_of_each_day(db, world):
    with db.read_session() as session:
        series = {s.code: s for s in dq.occupancy(session=session, days=DAYS, tz=TZ)}
    # 03: Rose (D-10..D-2), Guerline (D-5..D), Frantz (D-4..D), Joseph x4 (D-3), Wilner
    # (D-1), Dieu-Nés (D); Guerline left by transfer and Frantz for housing on D
    assert series["03"].occupancy == [7, 6, 7, 6]
    assert series["05"].occupancy == [0, 0, 1, 2]  # Mackenson D-1, Guerline on D
    assert series["03"].capacity == 11  # no daily capacity set: beds in service (12 - 1)


def test_arrivals_and_departures_leave_transfers_out_of_the_program(db, world):
    with db.read_session() as session:
        program = dq.movements(session=session, days=DAYS, tz=TZ)
        at_05 = dq.movements(session=session, days=DAYS, tz=TZ, center_id=world.c5.id)
    # Joseph x4 on D-3, Wilner and Mackenson on D-1, Dieu-Nés on D; Rose left on D-2,
    # Frantz on D (Guerline's transfer is neither)
    assert program.arrivals == [4, 0, 2, 1] and program.departures == [0, 1, 0, 1]
    assert at_05.arrivals == [0, 0, 1, 1]  # Guerline's transfer arrives at 05


def test_the_dashboard_prints_its_charts_and_triage_only_for_health_roles(db, world,
                                                                          tmp_path):
    pdf = dashboard_pdf(db, Actor("super", "supervision"), tmp_path / "t.pdf",
                        start=DAYS[0], end=DAYS[-1], tz=TZ)
    text = " ".join(pdf_text(pdf))
    assert "Tablero" in text and "Periodo: del 12/01/2022 al 15/01/2022" in text
    assert "Ingresos y egresos por día" in text and "03 · Centro Comunitario 3" in text
    assert "6 de 11" in text  # present at the end of the period, of capacity
    assert "Colores de triaje de las personas presentes" in text and "Sin tamizaje" in text
    render_png(pdf, tmp_path)
    intake = " ".join(pdf_text(dashboard_pdf(db, Actor("reg", "registro"),
                                             tmp_path / "r.pdf", start=DAYS[0],
                                             end=DAYS[-1], tz=TZ)))
    assert "Se omite: el rol registro no puede ver datos de salud." in intake
    assert "Sin tamizaje" not in intake


def test_the_impact_report_carries_the_same_charts(db, world, tmp_path):
    pages = pdf_text(impact_pdf(db, SYSTEM, tmp_path / "i.pdf", tz=TZ))
    text = " ".join(pages)
    assert "Ingresos y egresos por día" in text
    assert "Ocupación de cada centro frente a su capacidad" in text
    assert "Colores de triaje" not in text  # health detail stays in the dashboard
