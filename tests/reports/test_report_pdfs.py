"""Bed list, daily census, ID cards and impact report, read back from the PDFs; and a look
at page 1 of each report rendered to PNG."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PIL import Image
from reports_world import DAY, TZ, at, pdf_text, render_png, world  # noqa: F401

from albergue_desktop.reports.bedlist import bedlist_pdf
from albergue_desktop.reports.census import census_pdf, compute_census
from albergue_desktop.reports.idcards import card_origins, idcards_pdf
from albergue_desktop.reports.impact import compute_impact, impact_pdf
from albergue_desktop.reports.roster import roster_pdf
from albergue_desktop.services import people, stays
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.services.people import MemberInput


def test_bed_list_shows_every_bed_with_occupant_free_or_blocked(db, world, tmp_path):
    (text,) = pdf_text(bedlist_pdf(db, SYSTEM, tmp_path / "camas.pdf", center="03", on=DAY))
    assert "Lista de camas" in text and "Pase de lista nocturno del 15/01/2022" in text
    assert "Cama Tipo Ocupante Folio Sexo Edad Conteo nocturno" in text
    assert f"A-01 Catre Marie-Claude JOSEPH {world.folios['marie']} Mujer 31" in text
    assert f"AIS-01 Catre Wilner PIERRE {world.folios['wilner']} Hombre 61" in text
    for free in ("A-06", "A-07", "A-08", "A-09", "AIS-02"):
        assert f"{free} Catre LIBRE" in text
    assert "A-10 Catre BLOQUEADA — Catre roto" in text
    assert "Camas: 12 · ocupadas 6 · libres 5 · bloqueadas 1" in text
    assert "Contó:" in text and "Firma:" in text and "Personas contadas:" in text


def test_bed_list_of_one_area_and_people_without_bed(db, world, tmp_path):
    (iso,) = pdf_text(bedlist_pdf(db, SYSTEM, tmp_path / "a.pdf", center="03",
                                  area="Aislamiento"))
    assert "AIS-01" in iso and "AIS-02" in iso and "A-01" not in iso
    (c5,) = pdf_text(bedlist_pdf(db, SYSTEM, tmp_path / "b.pdf", center="05"))
    assert "Camas: 4 · ocupadas 1 · libres 3 · bloqueadas 0 · personas presentes sin cama: 1" \
        in c5


def test_census_counts_the_day_per_center_and_in_total(db, world):
    census = compute_census(db, SYSTEM, DAY, tz=TZ)
    c3, c5 = census.centers
    assert (c3.present, c3.arrivals, c3.departures, c3.transfers_out) == (6, 1, 2, 1)
    assert (c5.present, c5.arrivals, c5.departures, c5.transfers_in) == (2, 1, 0, 1)
    assert dict(c3.by_sex) == {"F": 3, "M": 3}
    assert dict(c3.by_age) == {"0-4": 1, "5-11": 1, "12-17": 1, "18-59": 2, "60+": 1}
    assert dict(c3.by_segment) == {"families": 5, "isolation": 1}
    assert (c3.free_beds, c5.free_beds) == (5, 3)
    assert (c3.meals, c5.meals) == (18, 6)
    total = census.total
    assert (total.present, total.arrivals, total.departures, total.meals) == (8, 1, 1, 24)

    before = compute_census(db, SYSTEM, DAY - timedelta(days=1), tz=TZ)
    c3, c5 = before.centers
    assert (c3.present, c3.arrivals, c3.departures, c5.present, c5.arrivals) == (7, 1, 0, 1, 1)


def test_census_days_are_local_days(db, world):
    """23:30 in Mexicali is the next day in UTC: it still counts on the local day."""
    reg = people.register_household(db, SYSTEM, center_id=world.c3.id, members=[MemberInput(
        given_names="Nadège", surnames="Exantus", sex="F", birth_date=date(2000, 1, 1))])
    stays.check_in(db, SYSTEM, person_id=reg.person_ids[0], center_id=world.c3.id,
                   when=at(0, 23) + timedelta(minutes=30))
    assert compute_census(db, SYSTEM, DAY, tz=TZ).centers[0].arrivals == 2
    assert compute_census(db, SYSTEM, DAY + timedelta(days=1), tz=TZ).centers[0].arrivals == 0


def test_census_pdf_prints_the_rows_and_says_how_meals_are_counted(db, world, tmp_path):
    (text,) = pdf_text(census_pdf(db, SYSTEM, tmp_path / "parte.pdf", day=DAY, tz=TZ))
    assert "Parte diario" in text and "Día: 15/01/2022" in text
    assert ("Presentes Ingresos Egresos Mujer Hombre Otro 0-4 5-11 12-17 18-59 60+ Camas "
            "libres Comidas") in text
    assert "03 Centro Comunitario 3 6 1 2 3 3 0 1 1 1 2 1 5 18" in text
    assert "05 Centro Deportivo Ñiño 2 1 0 1 1 0 0 0 0 2 0 3 6" in text
    assert "Total 8 1 1 4 4 0 1 1 1 4 1 8 24" in text
    assert "personas presentes × 3 comidas (desayuno, comida y cena)" in text
    assert "Ingresos y egresos del día" in text
    # Dieu-Nés (F, 16) arrived at 03; Guerline (F, 26) left by transfer, Frantz (M, 42) left
    assert "03 Centro Comunitario 3 · Ingresos 1 1 0 0 0 0 1 0 0 0" in text
    assert "03 Centro Comunitario 3 · Egresos 2 1 1 0 0 0 0 2 0 1" in text
    assert "05 Centro Deportivo Ñiño · Ingresos 1 1 0 0 0 0 0 1 0 1" in text
    assert "El total no cuenta los traslados entre centros." in text


def test_id_cards_have_name_folio_center_household_and_qr(db, world, tmp_path):
    (text,) = pdf_text(idcards_pdf(db, SYSTEM, tmp_path / "cred.pdf", center="03"))
    for key, name in (("marie", "Marie-Claude JOSEPH"), ("dieunes", "Dieu-Nés LOUIS-JEUNE")):
        assert name in text and world.folios[key] in text
    assert text.count("Centro Comunitario 3") >= 6 and "Núcleo: JOSEPH" in text
    assert "6 credenciales · recorte por las marcas" in text
    # The QR codes themselves are decoded in test_id_card_qr_codes_decode (zbarimg).
    # eight cards fit inside the page, clear of header and footer
    for x, y in card_origins(612, 792):
        assert 36 <= x and x + 243 <= 576 and 40 <= y and y + 153 <= 792 - 79


def test_id_cards_for_chosen_people_run_over_pages(db, world, tmp_path):
    ids = [world.people[k] for k in ("jacques", "guerline")] * 5  # ten cards
    pages = pdf_text(idcards_pdf(db, SYSTEM, tmp_path / "c.pdf", person_ids=ids))
    assert len(pages) == 2 and "Página 2 de 2" in pages[1]
    assert pages[0].count("Jacques NOËL") == 4 and pages[1].count("Guerline FRANÇOIS") == 1
    assert "Centro Deportivo Ñiño" in pages[0]  # Guerline is at center 05 now


def test_impact_report_computes_what_is_recorded_and_says_what_is_not(db, world, tmp_path):
    values = compute_impact(db, SYSTEM, tz=TZ)
    assert {k: v for k, v in values.items() if v} == {
        "admissions": 10, "discharges": 2, "families_discharged": 2}
    # the pathway modules exist: their lines are numbers (nothing recorded here yet)
    assert values["homes_rented"] == 0 and values["formal_jobs"] == 0
    assert values["rfc_processed"] == 0  # an RFC brought from before is not program work
    assert values["consultations"] == 0 and values["births"] == 0
    assert values["medication_dispensed"] == 0
    assert values["donated_articles"] == 0  # the donations module exists: nothing received
    day = compute_impact(db, SYSTEM, start=DAY, end=DAY, tz=TZ)
    assert (day["admissions"], day["discharges"], day["families_discharged"]) == (1, 1, 1)
    text = pdf_text(impact_pdf(db, SYSTEM, tmp_path / "impacto.pdf", tz=TZ))[0]
    assert "Impactos y resultados" in text and "Periodo: todo lo registrado" in text
    assert "Censo Ingresos 10" in text and "Egresos 2" in text
    assert "Familias egresadas 2" in text
    assert "Viviendas arrendadas 0" in text
    assert "Plazas laborales formalmente activas 0" in text
    assert "Artículos donados 0" in text
    assert "Consulta médica y seguimiento 0" in text and "Nacimientos 0" in text
    assert "Medicamentos entregados 0" in text
    assert text.count("no registrado") == 0  # every line has its module now


def test_a_role_without_people_access_cannot_print(db, world, tmp_path):
    from albergue_desktop.domain.errors import PermissionDenied
    with pytest.raises(PermissionDenied):
        roster_pdf(db, Actor("x", "nobody"), tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_page_one_of_each_report_renders(db, world, tmp_path):
    outs = [roster_pdf(db, SYSTEM, tmp_path / "roster.pdf", on=DAY),
            bedlist_pdf(db, SYSTEM, tmp_path / "bedlist.pdf", on=DAY),
            census_pdf(db, SYSTEM, tmp_path / "census.pdf", day=DAY, tz=TZ),
            idcards_pdf(db, SYSTEM, tmp_path / "idcards.pdf"),
            impact_pdf(db, SYSTEM, tmp_path / "impact.pdf")]
    for pdf in outs:
        (png,) = render_png(pdf, tmp_path)
        image = Image.open(png).convert("L")
        dark = image.point(lambda p: 255 if p < 128 else 0).histogram()[255]
        assert image.size in ((510, 660), (660, 510)) and dark > 2000, png


def test_id_card_qr_codes_scan_to_the_folios(db, world, tmp_path):
    """Decoded with zbarimg when it is installed (apt package zbar-tools)."""
    import shutil
    import subprocess
    if shutil.which("zbarimg") is None or shutil.which("pdftoppm") is None:
        pytest.skip("zbarimg or pdftoppm not installed")
    pdf = idcards_pdf(db, SYSTEM, tmp_path / "qr.pdf", center="03")
    subprocess.run(["pdftoppm", "-png", "-r", "200", str(pdf), str(tmp_path / "qr")],
                   check=True)
    found = subprocess.run(["zbarimg", "-q", "--raw", str(tmp_path / "qr-1.png")],
                           capture_output=True, text=True).stdout.split()
    expected = [world.folios[k] for k in ("marie", "jean", "anne", "tijean", "wilner",
                                          "dieunes")]
    assert sorted(found) == sorted(expected)


def test_each_qr_code_is_one_filled_path(db, world, tmp_path):
    """A QR code is one path of module runs (fast to write and to print), not one PDF
    object per module."""
    from pypdf import PdfReader
    pdf = idcards_pdf(db, SYSTEM, tmp_path / "qr.pdf", center="03")
    content = PdfReader(pdf).pages[0].get_contents().get_data().decode("latin-1")
    assert content.count(" 1 re f") == 6  # six people present at 03, one path each
