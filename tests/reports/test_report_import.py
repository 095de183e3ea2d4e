"""Import of a legacy census spreadsheet: mapping, preview with per-row errors, one
transaction, error report, and clear refusals of files that are not census workbooks."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import text

from albergue_desktop.reports import import_mapping as im
from albergue_desktop.reports.excel_import import confirm_import, preview_import, read_sheet
from albergue_desktop.reports.output import ReportError
from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM

TODAY = date(2022, 1, 20)
HEADERS = ["No.", "Nombre(s)", "Apellidos", "Sexo", "Fecha de nacimiento", "Nacionalidad",
           "CURP", "Pasaporte", "Teléfono", "Núcleo familiar", "Parentesco"]


def xlsx(path, rows, headers=HEADERS, title="Censo"):
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(["Censo del albergue — enero 2022"])  # a title line above the headers
    if headers:
        ws.append(headers)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def count(db, table):
    with db.session() as s:
        return s.connection().execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_headers_are_guessed_in_spanish_english_and_french():
    assert im.guess_mapping(HEADERS) == {1: "given_names", 2: "surnames", 3: "sex",
                                         4: "birth_date", 5: "nationality", 6: "curp",
                                         7: "passport", 8: "phone", 9: "household",
                                         10: "relationship"}
    assert im.guess_mapping(["First name", "Last name", "Gender", "Date of birth (dd/mm/yyyy)",
                             "Family ID"]) == {0: "given_names", 1: "surnames", 2: "sex",
                                               3: "birth_date", 4: "household"}
    assert im.guess_mapping(["Prénom", "Nom", "Sexe", "Date de naissance"]) == {
        0: "given_names", 1: "surnames", 2: "sex", 3: "birth_date"}
    assert im.guess_mapping(["Nombre", "Apellido paterno", "Apellido materno", "Edad"]) == {
        0: "given_names", 1: "surnames", 2: "surnames", 3: "age"}


@pytest.mark.parametrize("raw, expected", [
    ("12/05/1990", date(1990, 5, 12)), ("1990-05-12", date(1990, 5, 12)),
    ("05/13/1990", date(1990, 5, 13)), ("12 de mayo de 1990", date(1990, 5, 12)),
    ("3 févr. 2001", date(2001, 2, 3)), (datetime(1990, 5, 12), date(1990, 5, 12)),
    (32940, date(1990, 3, 8)), ("7.1.85", date(1985, 1, 7)),
])
def test_text_dates_are_parsed(raw, expected):
    assert im.parse_date(raw, today=TODAY) == expected


@pytest.mark.parametrize("raw", ["31/02/1990", "30-13-2000", "mañana", "1990/99/99"])
def test_impossible_or_unknown_dates_are_errors(raw):
    with pytest.raises(im.CellError):
        im.parse_date(raw, today=TODAY)


GOOD_CURP = "JOJM900512MNEXXX01"  # Mujer, born 1990-05-12, foreigner (NE)


def census_rows():
    return [
        [1, "Marie-Claude", "Joseph", "M", "12/05/1990", "Haitiana", GOOD_CURP, "HT123456",
         "686 555 0101", 1, "Jefa"],
        [2, "Ti-Jean", "Joseph", "H", "2012-07-01", "Haití", None, None, None, 1, "Hijo"],
        [3, "Wilner", "Pierre", "H", datetime(1960, 2, 2), "HT", "PIWX600202HNEXXX04", None,
         None, 2, "Jefe"],                                     # wrong check digit
        [4, "Rose-Merline", "Étienne", "M", "31/02/1990", "Haitiana", None, None, None, 3,
         "Jefa"],                                               # impossible date
        [5, None, "Désir", "H", "01/01/1980", "Haitiana", None, None, None, 4, "Jefe"],
        [6, "Guerline", "François", "M", "30/11/1995", "Haitiana", None, None, None, 5,
         "Jefa"],
        [7, "Jacques", "François", "H", "01/01/2031", "Haitiana", None, None, None, 5,
         "Esposo"],                                             # future: household 5 out
        [8, "Dieu-Nés", "Louis-Jeune", "M", "1 de junio de 2005", "Haitiana", None, None,
         None, 6, None],                                        # alone, no relationship
    ]


def test_preview_reports_each_bad_row_and_writes_nothing(db, center, tmp_path):
    sheet = read_sheet(xlsx(tmp_path / "censo.xlsx", census_rows()))
    assert sheet.header_row == 2 and len(sheet.rows) == 8
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, today=TODAY)
    errors = {r.number: " ".join(r.errors) for r in preview.rows if r.errors}
    assert set(errors) == {5, 6, 7, 9}  # spreadsheet rows of entries 3, 4, 5 and 7
    assert "CURP no válida: dígito verificador incorrecto" in errors[5]
    assert "Fecha imposible: 31/02/1990" in errors[6]
    assert "Nombres: Este campo es obligatorio." in errors[7]
    assert "no puede ser futura" in errors[9]
    assert preview.summary() == {"rows": 8, "people": 3, "households": 2, "left_out": 5,
                                 "duplicates": 0}
    assert count(db, "person") == 0 and count(db, "household") == 0


def test_confirm_imports_valid_households_in_one_go_and_reports_the_rest(db, center, tmp_path):
    sheet = read_sheet(xlsx(tmp_path / "censo.xlsx", census_rows()))
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, today=TODAY)
    result = confirm_import(db, SYSTEM, preview, error_report=tmp_path / "errores.xlsx")
    assert (result.people, result.households, result.left_out) == (3, 2, 5)
    with db.session() as s:
        rows = s.connection().execute(text(
            "SELECT p.given_names, p.sex, p.birth_date, p.nationality, p.curp, p.relationship,"
            " (SELECT count(*) FROM person m WHERE m.household_id = h.id AND m.deleted = 0),"
                " hp.given_names FROM person p JOIN household h ON h.id = p.household_id "
            "JOIN person hp ON hp.id = h.head_person_id ORDER BY p.folio")).all()
        passport = s.connection().execute(text(
            "SELECT doc_type, number, issuing_country FROM identity_document")).one()
    assert [tuple(r) for r in rows] == [
        ("Marie-Claude", "F", "1990-05-12", "HT", GOOD_CURP, "head", 2, "Marie-Claude"),
        ("Ti-Jean", "M", "2012-07-01", "HT", None, "child", 2, "Marie-Claude"),
        ("Dieu-Nés", "F", "2005-06-01", "HT", None, "head", 1, "Dieu-Nés")]
    assert tuple(passport) == ("passport", "HT123456", "HT")
    report = load_workbook(result.error_report).active
    lines = list(report.iter_rows(values_only=True))
    assert lines[0][0] == "Fila" and lines[0][-1] == "Errores"
    assert [line[0] for line in lines[1:]] == [5, 6, 7, 8, 9]
    assert lines[4][2] == "Guerline" and "núcleo 5" in lines[4][-1]


def test_a_person_already_registered_is_held_back_unless_confirmed(db, center, tmp_path):
    people.register_household(db, SYSTEM, center_id=center.id, members=[people.MemberInput(
        given_names="Marie Claude", surnames="JOSEPH", sex="F", birth_date=date(1990, 5, 12),
        nationality="HT")])
    rows = census_rows()[:2]
    sheet = read_sheet(xlsx(tmp_path / "censo.xlsx", rows))
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, today=TODAY)
    assert preview.rows[0].duplicate is not None
    assert preview.rows[0].duplicate.folio == "MXL-03-000001"
    groups, left_out = preview.plan()
    assert groups == [] and "Posiblemente ya registrada: MXL-03-000001" in left_out[3][0]
    result = confirm_import(db, SYSTEM, preview, allow_duplicates={3})
    assert result.people == 2 and count(db, "person") == 3


def count_in(session, table: str) -> int:
    from sqlalchemy import text
    return session.connection().execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


def test_a_failure_during_the_import_leaves_nothing(db, center, tmp_path, monkeypatch):
    rows = [[i, f"Persona{'abcdefghij'[i]}", "Joseph", "F", "01/01/1990", "HT", None, None,
             None, i, "Jefa"] for i in range(6)]
    preview = preview_import(db, SYSTEM, read_sheet(xlsx(tmp_path / "c.xlsx", rows)),
                             center_id=center.id, today=TODAY)
    assert preview.summary()["households"] == 6
    calls = []
    from albergue_desktop.services import imports
    real = imports.insert_new_rows

    def flaky(session, tables):
        calls.append(1)
        real(session, tables[:3])  # households, documents and people are in; then it fails
        assert count_in(session, "person") > 0
        raise OSError("disk I/O error")

    monkeypatch.setattr(imports, "insert_new_rows", flaky)
    with pytest.raises(OSError):
        confirm_import(db, SYSTEM, preview)
    assert len(calls) == 1 and count(db, "person") == 0 and count(db, "household") == 0


def test_wrong_headers_are_refused_in_spanish(db, center, tmp_path):
    path = xlsx(tmp_path / "otra.xlsx", [["a", "b", "c"]], headers=["Producto", "Cantidad",
                                                                    "Precio"])
    with pytest.raises(ReportError, match="No se reconocieron columnas del censo"):
        read_sheet(path)
    sheet = read_sheet(xlsx(tmp_path / "sin_sexo.xlsx", [["Ana", "Joseph", "01/01/1990"]],
                            headers=["Nombre", "Apellidos", "Fecha de nacimiento"]))
    with pytest.raises(ReportError, match="Faltan las columnas de Sexo"):
        preview_import(db, SYSTEM, sheet, center_id=center.id, today=TODAY)
    assert count(db, "person") == 0


def test_a_lone_m_in_the_sex_column_is_ambiguous(db, center, tmp_path):
    rows = [[1, "Ana", "Joseph", "M", "01/01/1990", "HT", None, None, None, 1, "Jefa"]]
    preview = preview_import(db, SYSTEM, read_sheet(xlsx(tmp_path / "c.xlsx", rows)),
                             center_id=center.id, today=TODAY)
    assert preview.rows[0].errors == ["Sexo: Sexo ambiguo «M»: escriba Mujer u Hombre "
                                      "(o use H/M)."]


def test_the_user_can_name_the_header_row_and_map_the_columns(db, center, tmp_path):
    path = xlsx(tmp_path / "raro.xlsx", [["Ana", "Joseph", "F", "01/02/1990", "x"]],
                headers=["Col A", "Col B", "Col C", "Col D", "Col E"])
    with pytest.raises(ReportError):
        read_sheet(path)
    sheet = read_sheet(path, header_row=2)
    assert sheet.headers == ["Col A", "Col B", "Col C", "Col D", "Col E"]
    mapping = {0: "given_names", 1: "surnames", 2: "sex", 3: "birth_date"}
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, mapping=mapping,
                             today=TODAY)
    assert confirm_import(db, SYSTEM, preview).people == 1
    with db.session() as s:
        assert s.connection().execute(text(
            "SELECT given_names, surnames, sex, birth_date FROM person")).one() == (
            "Ana", "Joseph", "F", "1990-02-01")


def test_empty_sheet_and_non_excel_files_are_refused(tmp_path):
    wb = Workbook()
    wb.save(tmp_path / "vacio.xlsx")
    with pytest.raises(ReportError, match="está vacía"):
        read_sheet(tmp_path / "vacio.xlsx")
    (tmp_path / "censo.xlsx").write_text("nombre,apellidos\nAna,Joseph\n", encoding="utf-8")
    with pytest.raises(ReportError, match="no es un libro de Excel"):
        read_sheet(tmp_path / "censo.xlsx")
    (tmp_path / "viejo.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    with pytest.raises(ReportError, match="guárdelo como .xlsx"):
        read_sheet(tmp_path / "viejo.xls")
    (tmp_path / "roto.xlsx").write_bytes(b"PK\x03\x04 this is not a zip")
    with pytest.raises(ReportError, match="no es un libro de Excel"):
        read_sheet(tmp_path / "roto.xlsx")


GIVEN = ["Marie", "Jean", "Rose", "Pierre", "Claude", "Wilner", "Guerline", "Frantz",
         "Nadège", "Ti-Jean", "Dieu-Nés", "Mackenson", "Widlene", "Jacques", "Anne-Sophie",
         "Esther", "Kerby", "Fabiola", "Lovely", "Junior"]
SURNAMES = ["Joseph", "Saint-Vil", "Louis-Jeune", "Désir", "François", "Étienne", "Noël",
            "Pierre", "Charles", "Augustin", "Jean-Baptiste", "Dorcélus", "Exantus", "Fils-Aimé",
            "Mérisier", "Petit-Frère", "Saint-Fleur", "Toussaint", "Valcin", "Zéphir"]


def big_census(n, bad_every):
    """n rows in households of four; every ``bad_every``-th household is a lone person with
    one defect (bad CURP, impossible date or missing name, in turn)."""
    rows, bad, i = [], [], 0
    while len(rows) < n:
        household = len(rows)
        if (household // 4) % bad_every == bad_every - 1:
            kind = len(bad) % 3
            row = [None, "Ana", "Zéphir", "F", f"{1 + i % 28}/03/1991", "Haitiana",
                   "ABCD910301MNEXXX09" if kind == 0 else None, None, None, f"b{i}", "Jefa"]
            if kind == 1:
                row[4] = "30/02/1991"
            if kind == 2:
                row[1] = ""
            rows.append(row)
            bad.append(len(rows) + 2)
        else:
            for member, rel in enumerate(("Jefe", "Esposa", "Hijo", "Hija")):
                k = i * 4 + member
                name = f"{GIVEN[k % 20]} {GIVEN[(k // 20) % 20]}"
                born = f"{1 + k % 28}/{1 + (k // 28) % 12}/{1950 + (k // 336) % 55}"
                rows.append([None, name, f"{SURNAMES[(k // 400) % 20]} {SURNAMES[i % 20]}",
                             "H" if rel in ("Jefe", "Hijo") else "M", born, "Haitiana",
                             None, None, None, f"h{i}", rel])
        i += 1
    return rows[:n], bad


def test_ten_thousand_rows_with_three_hundred_bad_ones(db, center, tmp_path):
    rows, bad = big_census(10_000, bad_every=33)
    bad = [b for b in bad if b <= 10_002]
    assert len(rows) == 10_000 and len(bad) == 300
    sheet = read_sheet(xlsx(tmp_path / "grande.xlsx", rows))
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, today=TODAY)
    assert sorted(r.number for r in preview.rows if r.errors) == bad
    summary = preview.summary()
    assert summary == {"rows": 10_000, "people": 9_700, "households": 2_425,
                       "left_out": 300, "duplicates": 0}
    result = confirm_import(db, SYSTEM, preview, error_report=tmp_path / "errores.xlsx")
    assert (result.people, result.households) == (9_700, 2_425)
    assert count(db, "person") == 9_700 and count(db, "household") == 2_425
    assert len(set(result.folios)) == 9_700 and result.folios[-1] == "MXL-03-009700"
    report = list(load_workbook(result.error_report, read_only=True).active.iter_rows(
        values_only=True))
    assert len(report) == 301 and [r[0] for r in report[1:]] == bad
    assert {r[-1].split(":")[0] for r in report[1:]} == {"CURP", "Fecha de nacimiento",
                                                          "Nombres"}


def test_bulk_duplicate_index_finds_what_the_duplicates_service_finds(db, center):
    """The import's in-memory index must not miss a likely duplicate that
    services.duplicates would report (same scoring, safe filters)."""
    import random

    from albergue_desktop.domain.matching import LIKELY_DUPLICATE, PersonFacts
    from albergue_desktop.reports.import_duplicates import ExistingPeople
    from albergue_desktop.services.duplicates import find_possible_duplicates

    rnd = random.Random(7)
    members = []
    for i in range(80):
        members.append(people.MemberInput(
            given_names=f"{rnd.choice(GIVEN)} {rnd.choice(GIVEN)}",
            surnames=rnd.choice(SURNAMES), sex=rnd.choice("FM"),
            birth_date=date(rnd.randint(1985, 1990), rnd.randint(1, 12), rnd.randint(1, 28)),
            birth_date_estimated=rnd.random() < 0.2, nationality="HT",
            relationship="head" if i % 4 == 0 else "other_relative"))
    for start in range(0, 80, 4):
        people.register_household(db, SYSTEM, center_id=center.id,
                                  members=members[start:start + 4])
    index = ExistingPeople(db)
    found_by_service = 0
    for _ in range(150):
        m = rnd.choice(members)
        facts = PersonFacts(
            rnd.choice([m.given_names, m.given_names.replace("e", "é", 1), rnd.choice(GIVEN)]),
            rnd.choice([m.surnames, m.surnames.upper(), rnd.choice(SURNAMES)]),
            rnd.choice([m.sex, m.sex, "F"]),
            rnd.choice([m.birth_date, date(m.birth_date.year, 1, 1), date(1988, 6, 6)]),
            rnd.random() < 0.3, "HT")
        expected = find_possible_duplicates(db, SYSTEM, facts, threshold=LIKELY_DUPLICATE,
                                            limit=1)
        got = index.best_match(facts)
        if expected:
            found_by_service += 1
            assert got is not None and got.match.score == expected[0].match.score, facts
    assert found_by_service > 40


def test_age_in_doubt_column_is_read_and_a_bad_value_is_a_clear_error(db, center, tmp_path):
    headers = ["Nombre", "Apellidos", "Sexo", "Edad", "Edad en duda"]
    sheet = read_sheet(xlsx(tmp_path / "c.xlsx", [
        ["Dieu-Nés", "LOUIS", "F", 16, "Sí"], ["Wilner", "PIERRE", "M", 40, None],
        ["Ti-Jean", "JOSEPH", "M", 15, "quizás"]], headers=headers))
    assert sheet.mapping[4] == "age_in_doubt" and sheet.mapping[3] == "age"
    preview = preview_import(db, SYSTEM, sheet, center_id=center.id, today=TODAY)
    first, second, third = preview.rows
    assert first.member.age_in_doubt is True and first.member.birth_date_estimated is True
    assert second.member.age_in_doubt is False
    assert third.member is None
    assert third.errors == ["Edad en duda: No es un valor sí/no: quizás."]
