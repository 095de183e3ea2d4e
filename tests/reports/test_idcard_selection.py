"""ID cards for a selection: one household, one person, an area, the people registered on a
day; from the command line and from the service call the Reports screen makes."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from reports_world import pdf_text, world  # noqa: F401
from test_report_cli import PASSWORD, run

from albergue_desktop.reports.idcards import idcards_pdf
from albergue_desktop.reports.output import ReportError
from albergue_desktop.services import centers
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.report_queries import CardSelection


@pytest.fixture
def me(db, world, tmp_path) -> list[str]:
    centers.create_user(db, Actor("admin", "admin"), username="reg", full_name="Rosa Registro",
                        role="registro", password=PASSWORD)
    secret = tmp_path / "clave.txt"
    secret.write_text(PASSWORD + "\n", "utf-8")
    return ["--user", "reg", "--password-file", str(secret)]


def cards(tmp_path, db, *argv) -> str:
    out = tmp_path / "cards.pdf"
    assert run(["report", "idcards", "--db", str(db.path), *argv, "--out", str(out)]) == 0
    return " ".join(pdf_text(out))


def folios_in(text: str, world) -> set[str]:
    return {name for name, folio in world.folios.items() if folio in text}


def test_cli_household_by_any_members_folio_prints_the_whole_family(db, world, tmp_path, me):
    text = cards(tmp_path, db, "--household", world.folios["anne"], *me)
    assert folios_in(text, world) == {"marie", "jean", "anne", "tijean"}
    # head first, then the others by folio
    assert text.index("Marie-Claude JOSEPH") < text.index("Jean-Baptiste SAINT-VIL")
    assert f"Núcleo de {world.folios['anne']} · 4 credenciales" in text


def test_cli_person_prints_one_card_even_after_check_out(db, world, tmp_path, me):
    text = cards(tmp_path, db, "--person", world.folios["frantz"], *me)  # left for housing
    assert folios_in(text, world) == {"frantz"}
    assert "Persona " + world.folios["frantz"] + " · 1 credencial · recorte" in text


def test_cli_area_prints_the_people_present_in_it(db, world, tmp_path, me):
    text = cards(tmp_path, db, "--center", "03", "--area", "Dormitorio A", *me)
    # in Dormitorio A's beds now: the Joseph family and Dieu-Nés (Wilner is in isolation,
    # Guerline was transferred, Frantz and Rose left)
    assert folios_in(text, world) == {"marie", "jean", "anne", "tijean", "dieunes"}
    assert "Área Dormitorio A" in text


def test_cli_area_that_does_not_exist_says_so_and_writes_nothing(db, world, tmp_path, me):
    with pytest.raises(ReportError, match="No hay ninguna área Patio en este archivo"):
        cards(tmp_path, db, "--center", "03", "--area", "Patio", *me)
    assert not (tmp_path / "cards.pdf").exists()


def test_cli_unknown_folio_and_two_selections_are_refused(db, world, tmp_path, me):
    with pytest.raises(ReportError, match="ningún núcleo familiar con el folio MXL-99"):
        cards(tmp_path, db, "--household", "MXL-99-000001", *me)
    with pytest.raises(ReportError, match="Solo una de las opciones"):
        cards(tmp_path, db, "--person", world.folios["marie"], "--today", *me)


def test_cli_today_prints_the_people_registered_today_at_the_center(db, world, tmp_path, me):
    text = cards(tmp_path, db, "--center", "05", "--today", *me)
    assert folios_in(text, world) == {"mackenson"}  # the one registered at 05


def test_registered_on_another_day_selects_nobody(db, world, tmp_path):
    out = idcards_pdf(db, SYSTEM, tmp_path / "c.pdf", center="03",
                      selection=CardSelection(registered_on=date.today() - timedelta(days=3)))
    (text,) = pdf_text(out)
    assert "0 credenciales" in text and "No hay personas en esta selección." in text


def test_area_by_id_as_the_reports_screen_sends_it(db, world, tmp_path):
    from albergue_desktop.services.report_areas import printable_areas
    areas = dict((name, area_id) for area_id, name in printable_areas(db, SYSTEM, world.c3.id))
    out = idcards_pdf(db, SYSTEM, tmp_path / "c.pdf", center=world.c3.id,
                      selection=CardSelection(area=areas["Aislamiento"]))
    assert folios_in(" ".join(pdf_text(out)), world) == {"wilner"}
    assert "Área Aislamiento" in " ".join(pdf_text(out))


def test_an_area_that_tells_a_condition_is_not_named_to_an_intake_role(db, world, tmp_path):
    from albergue_desktop.services.report_areas import printable_areas
    intake = Actor("reg", "registro")
    (area_id,) = [a for a, name in printable_areas(db, intake, world.c3.id)
                  if name.startswith("Área reservada")]
    text = " ".join(pdf_text(idcards_pdf(db, intake, tmp_path / "c.pdf", center=world.c3.id,
                                         selection=CardSelection(area=area_id))))
    assert "Aislamiento" not in text and "Área reservada · 1 credencial ·" in text


def test_the_print_event_names_the_selection(db, world, tmp_path):
    from sqlalchemy import text
    idcards_pdf(db, SYSTEM, tmp_path / "c.pdf",
                selection=CardSelection(household=world.folios["anne"]))
    with db.read_session() as s:
        changes = s.connection().execute(text(
            "SELECT changes FROM audit_event ORDER BY rowid DESC LIMIT 1")).scalar()
    assert "id_cards" in changes and world.folios["anne"] in changes
    assert "selection_household" in changes
