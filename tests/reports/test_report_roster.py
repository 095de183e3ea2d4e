"""Roster PDF: who is present, grouped by area and household, health detail by role, the
common frame (header, page X of Y, repeated table header), read back with pypdf."""

from __future__ import annotations

import re
from dataclasses import replace

from pypdf import PdfReader
from reports_world import DAY, coordinator, health_actor, pdf_text, world  # noqa: F401

from albergue_desktop.reports.roster import load_rows, roster_pdf
from albergue_desktop.services.context import SYSTEM

PRESENT_03 = ["Wilner PIERRE", "Marie-Claude JOSEPH", "Jean-Baptiste SAINT-VIL",
              "Anne-Sophie JOSEPH", "Ti-Jean JOSEPH", "Dieu-Nés LOUIS-JEUNE"]


def test_roster_of_a_center_lists_its_people_by_area_and_household(db, world, coordinator,
                                                                   tmp_path):
    out = roster_pdf(db, coordinator, tmp_path / "lista.pdf", center="03", on=DAY)
    (text,) = pdf_text(out)  # one page
    assert "Plan Integral de Atención al Migrante — DIF Municipal Mexicali" in text
    assert "Lista de albergados" in text and "03 · Centro Comunitario 3" in text
    assert re.search(r"Impreso el \d\d/\d\d/\d{4} \d\d:\d\d por coord1", text)
    assert "Página 1 de 1" in text
    positions = [text.index(f"{world.folios[k]} {name}") for k, name in zip(
        ["wilner", "marie", "jean", "anne", "tijean", "dieunes"], PRESENT_03)]
    assert positions == sorted(positions)  # isolation area, then dormitory A, head first
    # a coordinator may not view health data: the isolation area is named generically
    assert "Área reservada — Área reservada · personas: 1" in text
    assert "Aislamiento" not in text
    assert "Dormitorio A — Familias · personas: 5" in text
    for absent in ("François", "Désir", "Étienne", "Noël", "Mackenson"):
        assert absent.upper() not in text
    assert "Anne-Sophie JOSEPH Mujer 3 Haití JOSEPH (4) A-03 12/01/2022 Menor" in text
    assert "Dieu-Nés LOUIS-JEUNE Mujer 16 Haití LOUIS-JEUNE (1) A-05 15/01/2022 Menor, SC-UC" \
        in text
    assert "Total de personas: 6 · núcleos familiares: 3" in text


def test_medical_flags_only_for_roles_that_may_see_health_data(db, world, coordinator,
                                                               health_actor, tmp_path):
    (coord,) = pdf_text(roster_pdf(db, coordinator, tmp_path / "c.pdf", center="03", on=DAY))
    (health,) = pdf_text(roster_pdf(db, health_actor, tmp_path / "h.pdf", center="03", on=DAY))
    wilner = "Wilner PIERRE Hombre 61 Haití PIERRE (1) AIS-01 14/01/2022"
    assert f"{wilner} ER-NF " in coord and "SM-CI" not in coord
    assert "Se omiten los datos médicos: el rol coordinacion" in coord
    assert f"{wilner} SM-CI, ER-NF, Aislamiento" in health
    assert "Incluye datos médicos: documento confidencial." in health


def test_roster_of_all_centers_starts_each_center_on_a_new_page(db, world, tmp_path):
    pages = pdf_text(roster_pdf(db, SYSTEM, tmp_path / "todos.pdf", on=DAY))
    assert len(pages) == 2 and all("Todos los centros" in p for p in pages)
    assert "03 · Centro Comunitario 3" in pages[0] and "Página 1 de 2" in pages[0]
    assert "05 · Centro Deportivo Ñiño" in pages[1] and "Página 2 de 2" in pages[1]
    assert "Dormitorio General — Familias · personas: 1" in pages[1]
    assert "Sin cama asignada · personas: 1" in pages[1]
    assert f"{world.folios['mackenson']} Mackenson JEAN" in pages[1]
    assert f"{world.folios['guerline']} Guerline FRANÇOIS" in pages[1]
    assert "Todos los centros, total de personas: 8" in pages[1]


def test_long_roster_repeats_the_table_header_and_numbers_every_page(db, world, tmp_path):
    base = load_rows(db, SYSTEM, world.c3.id)
    rows = [replace(base[i % len(base)], folio=f"MXL-03-{i + 1:06d}",
                    household_folio=f"H{i // 4}") for i in range(240)]
    pages = pdf_text(roster_pdf(rows, SYSTEM, tmp_path / "larga.pdf", on=DAY))
    assert len(pages) >= 6
    for number, page in enumerate(pages, 1):
        assert f"Página {number} de {len(pages)}" in page
        assert "Folio Nombre Sexo Edad Nacionalidad Núcleo Cama Ingreso Indicadores" in page
    folios = re.findall(r"MXL-03-\d{6}", " ".join(pages))
    assert sorted(folios) == [f"MXL-03-{i:06d}" for i in range(1, 241)]


def test_roster_of_the_demo_population_lists_everyone_present(db, tmp_path):
    demo = __import__("pytest").importorskip("albergue_desktop.demo")
    demo.generate_demo(db, persons=300, seed=0)
    rows = load_rows(db, SYSTEM, None)
    text = " ".join(pdf_text(roster_pdf(db, SYSTEM, tmp_path / "demo.pdf")))
    assert len(rows) > 100
    assert sorted(re.findall(r"MXL-\d\d-\d{6}", text)) == sorted(r.folio for r in rows)
    assert f"Todos los centros, total de personas: {len(rows)}" in text


def test_the_embedded_font_covers_accents(db, world, tmp_path):
    out = roster_pdf(db, SYSTEM, tmp_path / "f.pdf", center="05", on=DAY)
    fonts = {str(f["/BaseFont"]) for f in PdfReader(out).pages[0]["/Resources"]["/Font"]
             .get_object().values()}
    assert any("DejaVuSansCondensed" in f for f in fonts)
    assert "Centro Deportivo Ñiño" in pdf_text(out)[0]


def test_health_flags_come_from_the_latest_screening(db, world, health_actor, coordinator,
                                                     tmp_path):
    from albergue_desktop.domain.triage import ScreeningInput
    from albergue_desktop.services.screening import record_screening
    nurse = type(health_actor)("enfermera", "salud")
    first = record_screening(db, nurse, person_id=world.people["marie"],
                             screening=ScreeningInput(pregnant=True, gestation_weeks=20))
    record_screening(db, nurse, person_id=world.people["jean"],
                     screening=ScreeningInput(chronic_conditions={"diabetes"}))
    (text,) = pdf_text(roster_pdf(db, health_actor, tmp_path / "h.pdf", center="03", on=DAY))
    assert "Marie-Claude JOSEPH Mujer 31 Haití JOSEPH (4) A-01 12/01/2022 Embarazo" in text
    assert "Jean-Baptiste SAINT-VIL Hombre 33 Haití JOSEPH (4) A-02 12/01/2022 Crónico" in text
    (coord,) = pdf_text(roster_pdf(db, coordinator, tmp_path / "c.pdf", center="03", on=DAY))
    assert "Embarazo" not in coord and "Crónico" not in coord
    # a correction replaces the visit it corrects
    record_screening(db, nurse, person_id=world.people["marie"],
                     screening=ScreeningInput(pregnant=False), corrects_id=first.id)
    rows = {r.given_names: r for r in load_rows(db, SYSTEM, world.c3.id)}
    assert rows["Marie-Claude"].pregnant is False and rows["Jean-Baptiste"].chronic is True
    assert rows["Ti-Jean"].pregnant is None  # never screened: not recorded


def test_age_in_doubt_is_flagged_instead_of_an_age_judgement(db, world, coordinator, tmp_path):
    """A person whose age staff doubt is presumed a minor (LGDNNA art. 5): the roster says
    "Edad en duda", never nothing (an adult-looking age alone would hide the doubt)."""
    rows = load_rows(db, coordinator, None)
    wilner = next(r for r in rows if r.given_names == "Wilner")
    out = roster_pdf([replace(wilner, age_in_doubt=True)], coordinator, tmp_path / "d.pdf",
                     on=DAY)
    (text,) = pdf_text(out)
    assert "Edad en duda" in text
    out = roster_pdf([replace(wilner, birth_date=None)], coordinator, tmp_path / "n.pdf", on=DAY)
    (text,) = pdf_text(out)
    assert "Edad en duda" in text
