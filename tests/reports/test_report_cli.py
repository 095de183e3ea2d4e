"""The report, export and import commands, through an argparse parser as the CLI wires them."""

from __future__ import annotations

import argparse

import pytest
from openpyxl import Workbook, load_workbook
from reports_world import pdf_text, world  # noqa: F401
from sqlalchemy import text

from albergue_desktop.reports.cli_commands import add_report_commands


PASSWORD = "contraseña-segura-1"


def run(argv):
    parser = argparse.ArgumentParser(prog="albergue")
    add_report_commands(parser.add_subparsers(dest="command"))
    args = parser.parse_args(argv)
    return args.handler(args)


@pytest.fixture
def me(db, world, tmp_path) -> list[str]:
    """Signed in as ``reg``, an intake user (no health or protection detail)."""
    from albergue_desktop.services import centers
    from albergue_desktop.services.context import Actor
    centers.create_user(db, Actor("admin", "admin"), username="reg", full_name="Rosa Registro",
                        role="registro", password=PASSWORD)
    secret = tmp_path / "clave.txt"
    secret.write_text(PASSWORD + "\n", "utf-8")
    return ["--user", "reg", "--password-file", str(secret)]


def test_report_commands_write_pdfs(db, world, tmp_path, capsys, me):
    for kind in ("roster", "bedlist", "census", "idcards", "impact"):
        out = tmp_path / f"{kind}.pdf"
        center = [] if kind == "impact" else ["--center", "03"]
        assert run(["report", kind, "--db", str(db.path), *center,
                    "--date", "2022-01-15", "--out", str(out), *me]) == 0
        assert out.read_bytes().startswith(b"%PDF")
    assert "Se guardó" in capsys.readouterr().out
    (text_,) = pdf_text(tmp_path / "roster.pdf")
    # As an intake user: no health or protection detail.
    assert "Marie-Claude JOSEPH" in text_ and "Rosa Registro (reg)" in text_
    assert "SM-CI" not in text_


def test_the_impact_report_refuses_a_center(db, world, tmp_path, me):
    from albergue_desktop.reports.output import ReportError
    with pytest.raises(ReportError, match="todo el programa"):
        run(["report", "impact", "--db", str(db.path), "--center", "03",
             "--out", str(tmp_path / "i.pdf"), *me])


def test_report_as_a_user_applies_the_users_role(db, world, tmp_path):
    from albergue_desktop.services import centers
    from albergue_desktop.services.context import Actor
    centers.create_user(db, Actor("admin", "admin"), username="coord", full_name="Ana Coordinadora",
                        role="coordinacion", password="contraseña-segura-1")
    out = tmp_path / "r.pdf"
    secret = tmp_path / "coord.txt"
    secret.write_text("contraseña-segura-1")
    assert run(["report", "roster", "--db", str(db.path), "--user", "coord",
                "--password-file", str(secret), "--out", str(out)]) == 0
    text_ = " ".join(pdf_text(out))
    assert "por Ana Coordinadora (coord)" in text_ and "SM-CI" not in text_


def test_export_command(db, world, tmp_path, me):
    out = tmp_path / "a.xlsx"
    assert run(["export", "--db", str(db.path), "--out", str(out), *me]) == 0
    assert "Personas" in load_workbook(out, read_only=True).sheetnames


def test_import_dry_run_then_import(db, world, tmp_path, capsys, me):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nombre", "Apellidos", "Sexo", "Fecha de nacimiento", "Nacionalidad"])
    ws.append(["Kerby", "Valcin", "H", "03/04/1999", "Haitiano"])
    ws.append(["Lovely", "Zéphir", "M", "31/04/2001", "Haitiana"])
    path = tmp_path / "censo.xlsx"
    wb.save(path)

    def people():
        with db.session() as s:
            return s.connection().execute(text("SELECT count(*) FROM person")).scalar_one()

    before = people()
    assert run(["import", "--db", str(db.path), str(path), "--center", "03",
                "--dry-run", *me]) == 0
    out = capsys.readouterr().out
    assert "2 filas leídas: se pueden importar 1 personas en 1 núcleos; 1 filas quedan fuera." \
        in out
    assert "Fila 3: Fecha de nacimiento: Fecha imposible: 31/04/2001." in out
    assert "Prueba: no se importó nada." in out and people() == before
    assert (tmp_path / "censo-errores.xlsx").exists()
    assert run(["import", "--db", str(db.path), str(path), "--center", "03", *me]) == 0
    assert "Se importaron 1 personas en 1 núcleos." in capsys.readouterr().out
    assert people() == before + 1


def test_missing_database_is_a_clear_error(tmp_path):
    from albergue_desktop.reports.output import ReportError
    with pytest.raises(ReportError, match="no existe"):
        run(["report", "roster", "--db", str(tmp_path / "nada.sqlite"), "--out",
             str(tmp_path / "x.pdf"), "--user", "reg"])
    assert not (tmp_path / "nada.sqlite").exists()


def test_an_unknown_center_code_is_named_in_the_message(db, world, tmp_path, me):
    from albergue_desktop.domain.errors import RuleViolation
    with pytest.raises(RuleViolation, match="ningún centro con el código 99"):
        run(["report", "roster", "--db", str(db.path), "--center", "99",
             "--out", str(tmp_path / "r.pdf"), *me])
    assert not (tmp_path / "r.pdf").exists()


def _census_with_a_bad_row(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Nombre", "Apellidos", "Sexo", "Fecha de nacimiento", "Nacionalidad"])
    ws.append(["Kerby", "Valcin", "H", "03/04/1999", "Haitiano"])
    ws.append(["Lovely", "Zéphir", "M", "31/04/2001", "Haitiana"])
    path = tmp_path / "censo.xlsx"
    wb.save(path)
    return path


def _people(db):
    with db.session() as s:
        return s.connection().execute(text("SELECT count(*) FROM person")).scalar_one()


def test_import_writes_the_error_workbook_before_it_commits(db, world, tmp_path,
                                                            monkeypatch, capsys, me):
    from albergue_desktop.reports import excel_import

    calls = []
    real_write, real_confirm = excel_import.write_error_report, excel_import.confirm_import
    monkeypatch.setattr(excel_import, "write_error_report",
                        lambda *a, **k: calls.append("errors") or real_write(*a, **k))
    monkeypatch.setattr(excel_import, "confirm_import",
                        lambda *a, **k: calls.append("commit") or real_confirm(*a, **k))
    path = _census_with_a_bad_row(tmp_path)
    before = _people(db)
    assert run(["import", "--db", str(db.path), str(path), "--center", "03", *me]) == 0
    assert calls == ["errors", "commit"]
    assert _people(db) == before + 1
    assert (tmp_path / "censo-errores.xlsx").exists()
    out = capsys.readouterr().out
    assert "Se importaron 1 personas en 1 núcleos." in out and "censo-errores.xlsx" in out


def test_an_error_workbook_that_cannot_be_written_stops_the_import(db, world, tmp_path, me):
    from albergue_desktop.reports.output import ReportError

    path = _census_with_a_bad_row(tmp_path)
    before = _people(db)
    with pytest.raises(ReportError, match="La carpeta .* no existe"):
        run(["import", "--db", str(db.path), str(path), "--center", "03",
             "--errors", str(tmp_path / "no-existe" / "e.xlsx"), *me])
    assert _people(db) == before  # failed, and nothing was imported


def test_without_user_nothing_is_read(db, world, tmp_path):
    from albergue_desktop.cli_auth import UsageError
    out = tmp_path / "r.pdf"
    with pytest.raises(UsageError, match="--user"):
        run(["report", "roster", "--db", str(db.path), "--out", str(out)])
    with pytest.raises(UsageError, match="--user"):
        run(["export", "--db", str(db.path), "--out", str(tmp_path / "a.xlsx")])
    assert not out.exists() and not (tmp_path / "a.xlsx").exists()


def test_a_wrong_password_prints_nothing(db, world, tmp_path, me):
    from albergue_desktop.services.accounts import SignInError
    wrong = tmp_path / "mal.txt"
    wrong.write_text("no-es-la-clave")
    out = tmp_path / "r.pdf"
    with pytest.raises(SignInError, match="incorrectos"):
        run(["report", "roster", "--db", str(db.path), "--out", str(out), "--user", "reg",
             "--password-file", str(wrong)])
    assert not out.exists()
