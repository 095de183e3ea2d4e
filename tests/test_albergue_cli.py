"""The ``albergue`` command: each subcommand through ``main([...])``, the real console script
in a subprocess, exit codes (0 ok, 1 error, 2 usage) and Spanish messages without
tracebacks for a user's mistakes."""

from __future__ import annotations

import ast
import json
import os
import shutil
from albergue_sync import dbapi as sqlite3
from albergue_sync import keyfile
import subprocess
import sys
import types
from pathlib import Path

import pytest

import albergue_desktop
from albergue_desktop import cli, cli_commands, demo
from albergue_desktop.domain import i18n
from albergue_desktop.services.auth import verify_password
from albergue_desktop.storage.db import Database


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def as_user(tmp_path: Path, user: str = "registro", password: str = demo.DEMO_PASSWORD,
            ) -> list[str]:
    """``--user USER --password-file FILE`` (the password written in ``tmp_path``)."""
    secret = tmp_path / f"clave-{user}.txt"
    secret.write_text(password + "\n", "utf-8")
    return ["--user", user, "--password-file", str(secret)]


@pytest.fixture
def demo_file(tmp_path, capsys) -> Path:
    path = tmp_path / "demo.sqlite"
    code, out, err = run(capsys, "demo", "--db", str(path), "--persons", "120", "--seed", "4")
    assert code == 0, err
    return path


def test_demo_command_fills_a_database(demo_file, tmp_path, capsys):
    conn = sqlite3.connect(demo_file)
    assert conn.execute("SELECT count(*) FROM person").fetchone() == (120,)
    assert conn.execute("SELECT count(*) FROM center").fetchone() == (12,)
    conn.close()
    code, out, err = run(capsys, "demo", "--db", str(tmp_path / "one.sqlite"),
                         "--center-code", "05", "--persons", "30")
    assert code == 0
    assert "Personas: 30" in out and "centros: 1" in out and "albergue-demo" in out
    assert "Generando datos de demostración: 30 de 30 personas (100 %)" in err


def test_stats_prints_headline_numbers(demo_file, capsys):
    code, out, _ = run(capsys, "stats", "--db", str(demo_file), "--json")
    assert code == 0
    numbers = json.loads(out)
    assert numbers["people"] == 120 and len(numbers["centers"]) == 12
    assert numbers["present"] + numbers["discharged"] == 120
    code, out, _ = run(capsys, "stats", "--db", str(demo_file))
    assert code == 0 and "Personas: 120" in out and "Centro Comunitario 12" in out
    code, out, _ = run(capsys, "--lang", "en", "stats", "--db", str(demo_file))
    assert code == 0 and "People: 120" in out and "Free beds" in out


def test_search_by_name_and_folio(demo_file, tmp_path, capsys):
    me = as_user(tmp_path)
    conn = sqlite3.connect(demo_file)
    folio, given, surnames = conn.execute(
        "SELECT folio, given_names, surnames FROM person ORDER BY folio LIMIT 1").fetchone()
    conn.close()
    code, out, _ = run(capsys, "search", "--db", str(demo_file), folio, "--json", *me)
    assert code == 0
    found = json.loads(out)
    assert found[0]["folio"] == folio and found[0]["given_names"] == given
    code, out, _ = run(capsys, "search", "--db", str(demo_file), f"{given} {surnames}", *me)
    header, *lines = out.splitlines()
    assert header.split()[:3] == ["Folio", "Nombre", "Sexo"]
    assert any(line.startswith(folio) for line in lines)
    code, out, err = run(capsys, "search", "--db", str(demo_file), "Zzyzx", "--json", *me)
    assert code == 0 and json.loads(out) == []
    code, out, err = run(capsys, "search", "--db", str(demo_file), "Zzyzx", *me)
    assert code == 0 and out == "" and "No se encontró a nadie." in err
    code, out, err = run(capsys, "search", "--db", str(demo_file), "  ", *me)
    assert code == 2 and out == "" and "Indique qué buscar" in err


def test_search_uses_albergue_db_from_the_environment(demo_file, capsys, monkeypatch):
    monkeypatch.setenv("ALBERGUE_DB", str(demo_file))
    code, out, _ = run(capsys, "stats", "--json")
    assert code == 0 and json.loads(out)["database"] == str(demo_file)


def test_init_sets_up_a_center_from_a_password_file(tmp_path, capsys):
    path, secret = tmp_path / "c3.sqlite", tmp_path / "pw.txt"
    secret.write_text("contraseña-segura\nignored line\n", "utf-8")
    args = ["init", "--db", str(path), "--center-code", "3", "--center-name",
            "Centro Comunitario 3", "--admin", "Ana", "--admin-password-file", str(secret)]
    code, out, err = run(capsys, *args)
    assert code == 0 and "El centro 03 (Centro Comunitario 3) quedó configurado" in out
    recovery = err.strip().split()[-1]  # printed once: it opens the file
    assert "está cifrado. Su código de recuperación" in err and len(recovery) == 39
    keyfile.forget(path)
    with Database.open(path) as db:
        db.unlock_with_recovery(recovery)
        conn = sqlite3.connect(db.path)
        (username, password_hash, role), = conn.execute(
            "SELECT username, password_hash, role FROM app_user").fetchall()
        center_id, = conn.execute("SELECT id FROM center WHERE code = '03'").fetchone()
        conn.close()
        assert (username, role) == ("ana", "admin")
        assert verify_password(password_hash, "contraseña-segura")
        assert db.meta("center_id") == center_id
    code, _, err = run(capsys, *args)
    assert code == 1 and "albergue: Esta base de datos ya está configurada." in err


def test_init_asks_the_password_twice(tmp_path, capsys, monkeypatch):
    answers = iter(["contraseña-segura", "otra-distinta", "contraseña-segura",
                    "contraseña-segura"])
    prompts = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(cli_commands.getpass, "getpass",
                        lambda prompt: prompts.append(prompt) or next(answers))
    args = ["init", "--db", str(tmp_path / "c.sqlite"), "--center-code", "1",
            "--center-name", "Centro 1", "--admin", "ana"]
    code, _, err = run(capsys, *args)
    assert code == 1 and "Las contraseñas no coinciden." in err
    assert prompts == ["Contraseña de ana: ", "Repita la contraseña: "]
    code, _, _ = run(capsys, *args)
    assert code == 0


@pytest.mark.parametrize("password, code_arg, message", [
    ("corta", "3", "La contraseña debe tener al menos 8 caracteres."),
    ("contraseña-segura", "3A", "El código del centro debe tener de 1 a 3 dígitos."),
])
def test_init_mistakes_write_nothing(tmp_path, capsys, password, code_arg, message):
    secret = tmp_path / "pw.txt"
    secret.write_text(password, "utf-8")
    path = tmp_path / "c.sqlite"
    code, _, err = run(capsys, "init", "--db", str(path), "--center-code", code_arg,
                       "--center-name", "C", "--admin", "ana",
                       "--admin-password-file", str(secret))
    assert code == 1 and err == f"albergue: {message}\n"
    assert not path.exists()


def test_init_without_terminal_or_password_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "c.sqlite"), "--center-code", "3",
                       "--center-name", "C", "--admin", "ana")
    assert code == 1 and "use --admin-password-file" in err
    code, _, err = run(capsys, "init", "--db", str(tmp_path / "c.sqlite"), "--center-code", "3",
                       "--center-name", "C", "--admin", "ana",
                       "--admin-password-file", str(tmp_path / "missing.txt"))
    assert code == 1 and "el archivo no existe" in err


def test_file_errors_get_a_message(tmp_path, capsys):
    missing = tmp_path / "missing.sqlite"
    code, _, err = run(capsys, "stats", "--db", str(missing))
    assert code == 1 and err == f"albergue: {missing} no existe.\n"
    assert not missing.exists()  # a typo never creates a file
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a database")
    code, _, err = run(capsys, "search", "--db", str(text_file), "marie",
                       *as_user(tmp_path))
    assert code == 1 and "no es una base de datos de Albergue" in err
    code, _, err = run(capsys, "stats", "--db", str(tmp_path))
    assert code == 1 and "es una carpeta, no un archivo" in err
    newer = tmp_path / "newer.sqlite"
    Database.open(newer).close()
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "stats", "--db", str(newer))
    assert code == 1 and "versión más reciente de Albergue (esquema 999)" in err
    code, _, err = run(capsys, "--lang", "en", "stats", "--db", str(newer))
    assert code == 1 and "newer version of Albergue" in err


def test_demo_refuses_a_database_with_data(demo_file, capsys):
    code, _, err = run(capsys, "demo", "--db", str(demo_file))
    assert code == 1 and "ya tiene datos" in err


@pytest.mark.parametrize("argv, message", [
    (["demo"], "faltan los argumentos: --db"),
    (["demo", "--db", "x.sqlite", "--centers", "3", "--center-code", "4"],
     "no se permite junto con --centers"),
    (["demo", "--db", "x.sqlite", "--persons", "0"], "0 no es un número entre 1 y"),
    (["search"], "faltan los argumentos: TEXTO"),
    (["fly"], "opción no válida: 'fly'"),
    (["--lang", "fr"], "opción no válida: 'fr'"),
    (["stats", "--bogus"], "argumentos no reconocidos: --bogus"),
])
def test_usage_errors_exit_2_in_spanish(capsys, tmp_path, monkeypatch, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err and err.startswith("uso: albergue")
    assert not (tmp_path / "x.sqlite").exists()


def test_help_exits_0(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and out.startswith("uso: albergue") and "opciones:" in out
    code, out, _ = run(capsys, "--lang", "en", "init", "--help")
    assert code == 0 and out.startswith("usage: albergue init") and "--center-code" in out


@pytest.fixture
def fake_ui(monkeypatch):
    """Stands in for ui.app (PySide6) and records what the app was asked to open."""
    calls = []
    module = types.ModuleType("albergue_desktop.ui.app")
    module.run = lambda path, *, lang="es": calls.append((Path(path), lang)) or 0
    monkeypatch.setitem(sys.modules, "albergue_desktop.ui.app", module)
    import albergue_desktop.ui as ui_package
    monkeypatch.setattr(ui_package, "app", module, raising=False)
    return calls


def test_app_opens_the_chosen_database(fake_ui, tmp_path, capsys, monkeypatch):
    env_db, flag_db = tmp_path / "env.sqlite", tmp_path / "flag.sqlite"
    monkeypatch.setenv("ALBERGUE_DB", str(env_db))
    assert run(capsys, "--lang", "en")[0] == 0
    assert run(capsys, "--db", str(flag_db))[0] == 0
    assert fake_ui == [(env_db, "en"), (flag_db, "es")]
    assert env_db.exists() and flag_db.exists()
    (tmp_path / "junk.sqlite").write_bytes(b"junk" * 100)
    code, _, err = run(capsys, "--db", str(tmp_path / "junk.sqlite"))
    assert code == 1 and "no es una base de datos de Albergue" in err and len(fake_ui) == 2


def test_demo_flag_creates_the_demo_database_once(fake_ui, tmp_path, capsys, monkeypatch):
    demo_path = tmp_path / "data" / "albergue-demo.sqlite"
    monkeypatch.setattr(cli_commands, "demo_db_path", lambda: demo_path)
    real = demo.generate_demo
    runs = []
    monkeypatch.setattr(demo, "generate_demo", lambda db, **kw: runs.append(1) or real(
        db, persons=60, **kw))
    code, _, err = run(capsys, "--demo")
    assert code == 0 and fake_ui == [(demo_path, "es")] and runs == [1]
    assert "Generando datos de demostración" in err
    assert "Base de datos de demostración lista" in err
    # an encrypted file and its key file (docs/encryption.md)
    assert sorted(p.name for p in demo_path.parent.iterdir()) == [
        "albergue-demo.sqlite", "albergue-demo.sqlite.keys"]
    assert demo_path.read_bytes()[:16] != b"SQLite format 3\x00"
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM person").fetchone() == (60,)
    # the file of center 01's laptop (people can be registered), its users belong to it
    assert conn.execute("SELECT c.code FROM meta m JOIN center c ON c.id = m.value "
                        "WHERE m.key = 'center_id'").fetchone() == ("01",)
    assert conn.execute("SELECT count(DISTINCT center_id) FROM app_user").fetchone() == (1,)
    conn.close()
    assert run(capsys, "--demo")[0] == 0
    assert runs == [1] and len(fake_ui) == 2  # the second start reuses the file


def test_demo_flag_remakes_an_older_central_demo(fake_ui, tmp_path, capsys, monkeypatch):
    """The app's own demo made as a central file (no center: Ctrl+N refused) is set aside
    and made anew as center 01's file; a central demo elsewhere (--db) is left alone."""
    demo_path = tmp_path / "data" / "albergue-demo.sqlite"
    monkeypatch.setattr(cli_commands, "demo_db_path", lambda: demo_path)
    real = demo.generate_demo
    monkeypatch.setattr(demo, "generate_demo",
                        lambda db, **kw: real(db, **{"persons": 30, **kw}))
    assert run(capsys, "--demo")[0] == 0
    conn = sqlite3.connect(demo_path)
    conn.execute("DELETE FROM meta WHERE key = 'center_id'")  # as the older versions left it
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--demo")
    assert code == 0 and "archivo central" in err and "albergue-demo.sqlite.old" in err
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT count(*) FROM meta WHERE key = 'center_id'").fetchone() == (1,)
    conn.close()
    central = tmp_path / "central.sqlite"
    assert run(capsys, "demo", "--db", str(central), "--persons", "20", "--centers", "2")[0] == 0
    assert run(capsys, "--demo", "--db", str(central))[0] == 0
    assert not central.with_name("central.sqlite.old").exists()


def _console_script() -> str:
    script = Path(sys.executable).with_name("albergue")
    return str(script) if script.exists() else shutil.which("albergue")


def test_real_command_in_a_subprocess(demo_file):
    env = {**os.environ, "ALBERGUE_LANG": "es"}
    secret = demo_file.with_name("clave.txt")
    secret.write_text(demo.DEMO_PASSWORD)
    # an encrypted file opens with a user's password (another process: no key in memory)
    done = subprocess.run([_console_script(), "stats", "--db", str(demo_file), "--json"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 2 and "--user" in done.stderr
    done = subprocess.run([_console_script(), "stats", "--db", str(demo_file), "--json",
                           "--user", "supervision", "--password-file", str(secret)],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["people"] == 120
    done = subprocess.run([_console_script(), "stats", "--db", str(demo_file) + ".nope"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 1 and done.stderr.strip().endswith("no existe.")
    assert "Traceback" not in done.stderr


def test_headless_commands_load_no_qt(demo_file):
    secret = demo_file.with_name("clave.txt")
    secret.write_text(demo.DEMO_PASSWORD)
    probe = ("import sys; from albergue_desktop.cli import main; "
             "code = main(['search', '--db', sys.argv[1], 'jean', '--user', 'registro', "
             "'--password-file', sys.argv[2]]); "
             "print('QT' if 'PySide6' in sys.modules else 'NO-QT'); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe, str(demo_file), str(secret)],
                          capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "NO-QT"


def test_every_cli_message_has_spanish():
    package = Path(albergue_desktop.__file__).parent
    missing = []
    for module in ("cli.py", "cli_commands.py", "cli_auth.py"):
        for node in ast.walk(ast.parse((package / module).read_text("utf-8"))):
            if isinstance(node, ast.Call) and node.args \
                    and getattr(node.func, "id", None) in ("t", "CliError", "UsageError") \
                    and isinstance(node.args[0], ast.Constant):
                if node.args[0].value not in i18n.ES:
                    missing.append(node.args[0].value)
    for _, msgid in cli._ARGPARSE_MESSAGES:
        if msgid not in i18n.ES:
            missing.append(msgid)
    assert missing == []


def test_demo_flag_remakes_a_demo_file_made_before_the_demo_day(fake_ui, tmp_path, capsys,
                                                                monkeypatch):
    """A demo file without its day (meta as_of) would open on the real clock and without
    the DEMO banner: `albergue --demo` sets it aside and makes a new one. A real file (no
    demo_seed) given with --db is never touched."""
    demo_path = tmp_path / "albergue-demo.sqlite"
    real = demo.generate_demo
    runs = []
    monkeypatch.setattr(demo, "generate_demo", lambda db, **kw: runs.append(1) or real(
        db, persons=30, **kw))
    assert run(capsys, "--demo", "--db", str(demo_path))[0] == 0
    conn = sqlite3.connect(demo_path)
    conn.execute("DELETE FROM meta WHERE key = 'as_of'")  # as the older versions left it
    conn.commit()
    conn.close()
    code, _, err = run(capsys, "--demo", "--db", str(demo_path))
    assert code == 0 and runs == [1, 1]
    assert "versión anterior" in err and "albergue-demo.sqlite.old" in err
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT value FROM meta WHERE key = 'as_of'").fetchone() is not None
    conn.close()
    assert (tmp_path / "albergue-demo.sqlite.old").exists()
    assert run(capsys, "--demo", "--db", str(demo_path))[0] == 0 and runs == [1, 1]
    # a real file without as_of is never remade
    real_db = tmp_path / "real.sqlite"
    Database.open(real_db).close()
    assert run(capsys, "--demo", "--db", str(real_db))[0] == 0 and runs == [1, 1]


# --- signing in on the command line (cli_auth.py) ------------------------------------------------

def test_commands_on_peoples_data_need_a_user(demo_file, tmp_path, capsys):
    for argv in (["search", "--db", str(demo_file), "marie"],
                 ["report", "roster", "--db", str(demo_file), "--out", str(tmp_path / "r.pdf")],
                 ["export", "--db", str(demo_file), "--out", str(tmp_path / "e.xlsx")],
                 ["import", "--db", str(demo_file), str(tmp_path / "censo.xlsx")]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "", argv
        assert "--user" in err and "lee o escribe datos de personas" in err, argv
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "e.xlsx").exists()
    # headline numbers only: no user needed
    assert run(capsys, "stats", "--db", str(demo_file))[0] == 0


def test_sign_in_is_checked_audited_and_locks(demo_file, tmp_path, capsys):
    code, out, err = run(capsys, "search", "--db", str(demo_file), "marie",
                         *as_user(tmp_path, "registro", "otra-clave"))
    assert code == 1 and out == "" and "Usuario o contraseña incorrectos." in err
    code, _, err2 = run(capsys, "search", "--db", str(demo_file), "marie",
                        *as_user(tmp_path, "nadie"))
    assert code == 1 and err2 == err  # unknown user: the same message
    code, _, _ = run(capsys, "search", "--db", str(demo_file), "marie", *as_user(tmp_path))
    assert code == 0
    with sqlite3.connect(demo_file) as conn:
        actions = conn.execute("SELECT username, action FROM audit_event WHERE action LIKE "
                               "'sign_in%' ORDER BY change_seq").fetchall()
    assert actions[-3:] == [("registro", "sign_in_failed"), ("nadie", "sign_in_failed"),
                            ("registro", "sign_in")]
    for _ in range(5):
        code, _, err = run(capsys, "search", "--db", str(demo_file), "marie",
                           *as_user(tmp_path, "salud", "otra-clave"))
    assert code == 1 and "bloqueada" in err
    code, _, err = run(capsys, "search", "--db", str(demo_file), "marie",
                       *as_user(tmp_path, "salud"))
    assert code == 1 and "bloqueada" in err


def test_no_terminal_and_no_password_file(demo_file, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(isatty=lambda: False))
    code, _, err = run(capsys, "search", "--db", str(demo_file), "marie", "--user", "registro")
    assert code == 2 and "--password-file" in err


def test_password_typed_on_the_terminal(demo_file, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", types.SimpleNamespace(isatty=lambda: True))
    asked = []
    monkeypatch.setattr("getpass.getpass", lambda prompt: asked.append(prompt)
                        or demo.DEMO_PASSWORD)
    code, _, _ = run(capsys, "search", "--db", str(demo_file), "marie", "--user", "registro")
    assert code == 0 and asked == ["Contraseña de registro: "]


def test_after_an_admin_reset_the_command_line_waits_for_a_new_password(demo_file, tmp_path,
                                                                         capsys):
    from albergue_desktop.services import accounts

    db = Database.open(demo_file)
    try:
        admin = accounts.sign_in(db, "admin", demo.DEMO_PASSWORD)
        user = next(u for u in accounts.list_users(db, admin) if u.username == "registro")
        accounts.reset_password(db, admin, user.id, "temporal-123")
    finally:
        db.close()
    code, _, err = run(capsys, "search", "--db", str(demo_file), "marie",
                       *as_user(tmp_path, "registro", "temporal-123"))
    assert code == 1 and "elija una nueva" in err
