"""Papers for the sheltered people in their language: the paper language rule, the catalogs
(every text in every language, drafts marked), the welcome papers and the ID card backs in
Spanish, Haitian Creole and French, with their accents in the embedded font."""

from __future__ import annotations

import re

import pytest
from reports_world import TZ, pdf_text, render_png, world  # noqa: F401

from albergue_desktop.reports import migrant_texts as mt
from albergue_desktop.reports.idcards import idcards_pdf
from albergue_desktop.reports.output import ReportError
from albergue_desktop.reports.paper_language import paper_language
from albergue_desktop.reports.papers import welcome_pdf
from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.report_queries import CardSelection
from albergue_desktop.storage.tables import PersonUpdate


@pytest.mark.parametrize(("languages", "nationality", "expected"), [
    ([{"code": "ht", "level": "native"}, {"code": "es", "level": "fluent"}], "HT", "ht"),
    ([{"code": "fr", "level": "fluent"}, {"code": "ht", "level": "basic"}], "HT", "fr"),
    ([{"code": "ht", "level": "native"}, {"code": "fr", "level": "native"}], "HT", "ht"),
    ([{"code": "es", "level": "native"}, {"code": "en", "level": "fluent"}], "HN", "es"),
    ([{"code": "ht", "level": "native"},
      {"code": "es", "level": "basic", "preferred": True}], "HT", "es"),  # their choice
    ([{"code": "es", "level": "interpreter"}, {"code": "pt", "level": "fluent"}], "HT", "ht"),
    ([], "HT", "ht"), ([], "MX", "es"), (None, None, "es"),
])
def test_the_paper_language_is_the_best_known_language_with_papers(languages, nationality,
                                                                   expected):
    assert paper_language(languages, nationality) == expected


def test_every_text_is_in_every_language_and_only_spanish_is_reviewed():
    keys = set(mt.ES)
    for msgid in (*mt.CARD_BACK, *mt.RIGHTS, *mt.RULES, *mt.CONSENT_INTRO,
                  *mt.CONSENT_PURPOSES):
        assert msgid in keys, msgid
    for lang in mt.LANGUAGES:
        assert set(mt.CATALOGS[lang]) == keys, lang
    assert mt.is_draft("ht") and mt.is_draft("fr") and not mt.is_draft("es")
    # short plain sentences: no text of more than three sentences or 40 words
    for lang in mt.LANGUAGES:
        for text in mt.CATALOGS[lang].values():
            assert len(re.findall(r"[.!?](\s|$)", text)) <= 3 and len(text.split()) <= 40


def test_the_review_list_holds_every_text_as_printed():
    from pathlib import Path

    from albergue_desktop.reports.translation_review import listed_keys, review_markdown
    assert listed_keys() == set(mt.ES)
    doc = Path(__file__).resolve().parents[2] / "docs" / "translations-review.md"
    assert doc.read_text("utf-8") == review_markdown()
    for lang in ("ht", "fr"):
        for text in mt.CATALOGS[lang].values():
            assert text in review_markdown(), text


def set_languages(db, person_id, languages):
    people.update_person(db, SYSTEM, person_id, PersonUpdate(languages=languages))


def test_welcome_papers_of_a_household_in_each_members_language(db, world, tmp_path):
    set_languages(db, world.people["marie"], [{"code": "ht", "level": "native"}])
    set_languages(db, world.people["jean"], [{"code": "fr", "level": "native"}])
    set_languages(db, world.people["anne"], [{"code": "es", "level": "native"}])
    set_languages(db, world.people["tijean"], [{"code": "ht", "level": "native"}])
    pages = pdf_text(welcome_pdf(db, SYSTEM, tmp_path / "w.pdf",
                                 selection=CardSelection(household=world.folios["anne"])))
    # rules once per language (ht, fr, es in the household's order), then four consents
    assert len(pages) == 3 + 4
    assert "Byenvini nan abri a" in pages[0] and "Règleman abri a" in pages[0]
    assert "Bienvenue au centre d'accueil" in pages[1] and "Vos droits" in pages[1]
    assert "Bienvenida al albergue" in pages[2] and "Sus derechos" in pages[2]
    assert "Dakò pou itilize enfòmasyon pèsonèl ou" in pages[3] and "Marie-Claude" in pages[3]
    assert "Consentement à l'utilisation" in pages[4] and "Jean-Baptiste" in pages[4]
    assert "Consentimiento para el uso" in pages[5]
    assert "Traducción en borrador, pendiente de revisión" in pages[0]
    assert "borrador" not in pages[2]  # the Spanish text is not a draft
    # the header stays in Spanish for the staff
    assert all("Papeles de bienvenida" in page for page in pages)


def test_welcome_papers_in_a_chosen_language_and_for_nobody_chosen(db, world, tmp_path):
    pages = pdf_text(welcome_pdf(db, SYSTEM, tmp_path / "w.pdf", lang="fr",
                                 selection=CardSelection(person=world.folios["wilner"])))
    assert len(pages) == 2 and "Vos droits" in pages[0] and "Wilner PIERRE" in pages[1]
    with pytest.raises(ReportError, match="Elija una persona o un núcleo familiar"):
        welcome_pdf(db, SYSTEM, tmp_path / "x.pdf", selection=CardSelection())


def test_card_backs_follow_their_fronts_mirrored_in_each_language(db, world, tmp_path):
    set_languages(db, world.people["marie"], [{"code": "ht", "level": "native"}])
    set_languages(db, world.people["jean"], [{"code": "fr", "level": "fluent"}])
    out = idcards_pdf(db, SYSTEM, tmp_path / "c.pdf", backs=True,
                      selection=CardSelection(household=world.folios["marie"]))
    front, back = pdf_text(out)
    assert "Marie-Claude JOSEPH" in front and "Kat sa a se pou ou. Li gratis." in back
    assert "Cette carte est à vous. Elle est gratuite." in back
    # the children have no language recorded and are Haitian nationals: Creole
    assert back.count("Kat sa a se pou ou.") == 3 and "Esta credencial" not in back
    assert "Ijans: rele 911." in back


def test_accents_of_creole_and_french_are_in_the_embedded_font(db, world, tmp_path):
    from reportlab.pdfbase.pdfmetrics import getFont

    from albergue_desktop.reports.frame import FONT, register_fonts
    register_fonts()
    face = getFont(FONT).face
    for char in "èòàéêçôûùëïÈÒ☐":
        assert ord(char) in face.charToGlyph, char
    pdf = welcome_pdf(db, SYSTEM, tmp_path / "w.pdf", lang="ht",
                      selection=CardSelection(person=world.folios["wilner"]))
    assert "Kesyon oswa plent: pale ak kowòdonatè abri a." in pdf_text(pdf)[0]
    render_png(pdf, tmp_path)  # renders (looked at while writing: docs/translations-review.md)


def test_letter_of_stay_in_the_persons_language_then_in_spanish(db, world, tmp_path, capsys):
    from test_report_cli import PASSWORD, run

    from albergue_desktop.reports.papers import stay_letter_pdf
    from albergue_desktop.services import centers
    from albergue_desktop.services.context import Actor
    set_languages(db, world.people["frantz"], [{"code": "fr", "level": "native"}])
    (text,) = pdf_text(stay_letter_pdf(db, SYSTEM, tmp_path / "c.pdf",
                                       person=world.folios["frantz"], tz=TZ))
    assert "Attestation de séjour" in text and "Frantz DÉSIR" in text
    assert "Arrivée : 11/01/2022." in text and "Départ : 15/01/2022." in text  # D-4, D
    assert "Versión en español" in text and "Egreso: 15/01/2022." in text
    assert "vivienda" not in text.lower() and "housing" not in text  # no reason printed
    (text,) = pdf_text(stay_letter_pdf(db, SYSTEM, tmp_path / "w.pdf", lang="ht",
                                       person=world.folios["wilner"], tz=TZ))
    assert "Dat li soti: li toujou nan abri a." in text  # still staying
    # from the command line
    centers.create_user(db, Actor("admin", "admin"), username="reg", full_name="Rosa Registro",
                        role="registro", password=PASSWORD)
    secret = tmp_path / "clave.txt"
    secret.write_text(PASSWORD + "\n", "utf-8")
    out = tmp_path / "cli.pdf"
    assert run(["report", "stay-letter", "--db", str(db.path), "--person",
                world.folios["frantz"], "--out", str(out), "--user", "reg",
                "--password-file", str(secret)]) == 0
    assert "Attestation de séjour" in pdf_text(out)[0]
    with pytest.raises(ReportError, match="La constancia de estancia es de una persona"):
        run(["report", "stay-letter", "--db", str(db.path), "--out", str(out), "--user", "reg",
             "--password-file", str(secret)])
