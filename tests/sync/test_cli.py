"""The ``albergue-sync`` command line: outputs, JSON, exit codes, Spanish messages; and the
engine's independence from the desktop (no Qt, no SQLAlchemy)."""

from __future__ import annotations

import ast
import json
from albergue_sync import dbapi as sqlite3
import subprocess
import sys
from pathlib import Path

from sync_helpers import central_credentials, credentials, edit, register

import albergue_sync
from albergue_sync.cli import main
from albergue_sync.i18n import ES

PACKAGE = Path(albergue_sync.__file__).parent


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_merge_pull_status_in_spanish(two_centers, tmp_path, capsys):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center, "Marie", "Joseph")
    usb = tmp_path / "usb" / "centro01.sqlite"
    code, out, _ = run(capsys, "export", "--from", a.path, "--to", usb,
                       *credentials(tmp_path))
    assert code == 0 and "Se exportó" in out and usb.exists()
    assert not list(usb.parent.glob("*-wal")) and not list(usb.parent.glob("*.partial"))
    central = tmp_path / "central.sqlite"
    code, out, _ = run(capsys, "merge", "--into", central, usb, *central_credentials(tmp_path))
    assert code == 0
    assert "Se creó" in out and "su primera cuenta: admin" in out and "nuevos" in out and "completa" in out
    code, out, _ = run(capsys, "pull", "--from", central, "--into", b.path,
                       *credentials(tmp_path))
    assert code == 0 and "0 conflictos" in out
    code, out, _ = run(capsys, "status", central)
    assert code == 0 and "Orígenes integrados" in out and "person: 1 / 0" in out
    code, out, _ = run(capsys, "status", central, "--json")
    info = json.loads(out)
    assert info["tables"]["person"] == {"live": 1, "deleted": 0}
    assert [s["site_id"] for s in info["sources"]] == [a.site_id]
    with sqlite3.connect(b.path) as conn:
        assert conn.execute("SELECT count(*) FROM person WHERE id = ?", (pid,)).fetchone()[0]


def test_merge_json_reports_each_source(two_centers, tmp_path, capsys):
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center)
    register(b, b_center, "Jean")
    code, out, _ = run(capsys, "merge", "--into", tmp_path / "c.sqlite", a.path, b.path,
                       "--json", *central_credentials(tmp_path))
    reports = json.loads(out)
    assert code == 0 and [r["site_id"] for r in reports] == [a.site_id, b.site_id]
    assert all(r["mode"] == "full" and r["new"] > 0 and r["seconds"] > 0 for r in reports)


def test_conflicts_list_and_resolve(two_centers, tmp_path, capsys):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    central = tmp_path / "central.sqlite"
    admin = central_credentials(tmp_path)
    assert run(capsys, "merge", "--into", central, a.path, *admin)[0] == 0
    assert run(capsys, "pull", "--from", central, "--into", b.path,
               *credentials(tmp_path))[0] == 0
    edit(a, pid, notes="fiebre")
    edit(b, pid, notes="sin fiebre")
    assert run(capsys, "merge", "--into", central, a.path, b.path, *admin)[0] == 0
    me = credentials(tmp_path, "admin")
    code, out, _ = run(capsys, "conflicts", central, *me)
    assert code == 0 and "notes" in out and "fiebre" in out
    [conflict] = json.loads(run(capsys, "conflicts", central, "--json", *me)[1])
    code, out, _ = run(capsys, "conflicts", central, "--resolve", conflict["id"][:8],
                       "--value", '"fiebre leve"', *me)
    assert code == 0 and "resuelto" in out
    with sqlite3.connect(central) as conn:  # the signed-in user, not a typed name
        assert conn.execute("SELECT resolved_by FROM sync_conflict").fetchone() == ("admin",)
    assert run(capsys, "conflicts", central, *me)[1].strip() == "No hay conflictos abiertos."
    code, _, err = run(capsys, "conflicts", central, "--resolve", "ffffffff", "--value", "1",
                       *me)
    assert code == 1 and "No hay un conflicto" in err
    code, _, err = run(capsys, "conflicts", central, "--resolve", conflict["id"], "--value",
                       "no es json", *me)
    assert code == 1 and "JSON" in err


def test_rekey_gives_a_new_site(two_centers, tmp_path, capsys):
    (a, _), _ = two_centers
    a.close()
    code, out, _ = run(capsys, "rekey", a.path, "--json", *credentials(tmp_path))
    assert code == 0 and json.loads(out)["site_id"] != a.site_id


def test_english_when_asked(two_centers, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ALBERGUE_LANG", "en")
    code, _, err = run(capsys, "merge", "--into", tmp_path / "c.sqlite", tmp_path / "nope",
                       *central_credentials(tmp_path))
    assert code == 1 and "does not exist" in err


def test_the_engine_needs_neither_qt_nor_the_desktop():
    code = ("import sys, albergue_sync.cli, albergue_sync.engine, albergue_sync.conflicts,"
            " albergue_sync.auth;"
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'albergue_desktop', 'sqlalchemy', 'sqlmodel')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    # Small, well-kept packages besides the standard library: uuid6 (UUIDv7 ids),
    # argon2-cffi (the sign-in checks passwords against the file's own accounts), sqlcipher3
    # (encrypted files) and PyNaCl (their key slots; docs/encryption.md).
    import tomllib

    pyproject = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())
    deps = [d.split(">")[0] for d in pyproject["project"]["dependencies"]]
    assert deps == ["argon2-cffi", "pynacl", "sqlcipher3", "uuid6"]
    # the network server and its client are an extra (docs/sync-server.md)
    server = [d.split(">")[0] for d in pyproject["project"]["optional-dependencies"]["server"]]
    assert server == ["cryptography", "httpx", "starlette", "uvicorn"]


def _messages() -> set[str]:
    """Every literal message given to SyncRefused, translate or _ in the package."""
    found = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0],
                                                                       ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("SyncRefused", "SignInRefused", "translate", "_") and isinstance(
                        node.args[0].value, str):
                    found.add(node.args[0].value)
    return found


def test_every_message_has_its_spanish_translation():
    messages = _messages()
    assert len(messages) > 30
    assert sorted(m for m in messages if m not in ES) == []


def test_usage_and_help_are_spanish(capsys):
    from albergue_sync.cli import main as sync_main
    import pytest as _pytest
    with _pytest.raises(SystemExit) as exit_info:
        sync_main(["merge"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "uso: albergue-sync merge" in err and "faltan estos argumentos: --into" in err
    with _pytest.raises(SystemExit):
        sync_main(["--help"])
    out = capsys.readouterr().out
    assert "muestra esta ayuda y termina" in out and "show this help" not in out


# --- who runs albergue-sync (auth.py) -----------------------------------------------------------

def test_commands_on_peoples_data_need_a_user(two_centers, tmp_path, capsys):
    (a, a_center), _ = two_centers
    register(a, a_center)
    central = tmp_path / "central.sqlite"
    for argv in (["export", "--from", a.path, "--to", tmp_path / "usb.sqlite"],
                 ["pull", "--from", a.path, "--into", a.path],
                 ["conflicts", a.path], ["rekey", a.path], ["reclock", a.path]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "--user" in err and "datos de personas" in err, argv
    # a new central file without its first account: refused, nothing created
    code, _, err = run(capsys, "merge", "--into", central, a.path)
    assert code == 2 and "--admin" in err and "primera cuenta" in err
    assert not central.exists()
    # status shows counts only: no user needed
    assert run(capsys, "status", a.path)[0] == 0


def test_merge_signs_in_against_the_central_file(two_centers, tmp_path, capsys):
    (a, a_center), _ = two_centers
    register(a, a_center)
    central = tmp_path / "central.sqlite"
    assert run(capsys, "merge", "--into", central, a.path, *central_credentials(tmp_path))[0] == 0
    # a center's coordinator has no account in the central file
    code, _, err = run(capsys, "merge", "--into", central, a.path, *credentials(tmp_path))
    assert code == 1 and "Usuario o contraseña incorrectos." in err
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("no-es-la-clave\n")
    code, _, err2 = run(capsys, "merge", "--into", central, a.path, "--user", "admin",
                        "--password-file", wrong)
    # unknown user and wrong password: the same message
    assert code == 1 and err2 == err
    with sqlite3.connect(central) as conn:
        events = conn.execute("SELECT username, action, changes FROM audit_event WHERE "
                              "table_name = 'app_user' ORDER BY change_seq").fetchall()
    assert [(u, act) for u, act, _ in events] == [
        ("admin", "create_user"), ("coordinacion", "sign_in_failed"),
        ("admin", "sign_in_failed")]
    # a successful run is recorded once it is done
    assert run(capsys, "merge", "--into", central, a.path, *central_credentials(tmp_path))[0] == 0
    with sqlite3.connect(central) as conn:
        last = conn.execute("SELECT username, action, changes FROM audit_event WHERE "
                            "table_name = 'app_user' ORDER BY change_seq DESC").fetchone()
    assert last[:2] == ("admin", "sign_in") and json.loads(last[2])["command"] == "merge"
    assert "albergue-demo" not in json.dumps(events)


def test_lockout_after_five_failures(two_centers, tmp_path, capsys):
    (a, _), _ = two_centers
    a.close()
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("no-es-la-clave\n")
    for _ in range(5):
        code, _, err = run(capsys, "reclock", a.path, "--user", "coordinacion",
                           "--password-file", wrong)
        assert code == 1
    assert "bloqueada" in err
    # the right password is refused while the account is locked
    code, _, err = run(capsys, "reclock", a.path, *credentials(tmp_path))
    assert code == 1 and "bloqueada" in err


def test_a_role_without_the_sync_permission_is_refused(two_centers, tmp_path, capsys):
    from albergue_desktop.services import centers

    (a, a_center), _ = two_centers
    centers.create_user(a, None, username="salud", full_name="Salud", role="salud",
                        password="albergue-demo", center_id=a_center)
    a.close()
    code, _, err = run(capsys, "rekey", a.path, *credentials(tmp_path, "salud"))
    assert code == 1 and "no puede ejecutar albergue-sync rekey" in err


def test_new_central_file_needs_a_good_admin_password(two_centers, tmp_path, capsys):
    (a, _), _ = two_centers
    short = tmp_path / "short.txt"
    short.write_text("corta\n")
    central = tmp_path / "central.sqlite"
    code, _, err = run(capsys, "merge", "--into", central, a.path, "--admin", "jefa",
                       "--admin-password-file", short)
    assert code == 1 and "al menos 8 caracteres" in err and not central.exists()


def test_one_password_check_for_desktop_and_sync():
    """The desktop verifies with the engine's function (one implementation), and the engine's
    sync roles are the desktop matrix's."""
    from albergue_desktop.domain.permissions import Permission, allows
    from albergue_desktop.domain.enums import Role
    from albergue_desktop.services import auth as desktop_auth
    from albergue_sync import auth

    assert desktop_auth.verify_password is auth.verify_password
    assert auth.SYNC_ROLES == {str(r) for r in Role if allows(r, Permission.SYNC)}
    known = auth.hash_password("albergue-demo")
    assert auth.verify_password(known, "albergue-demo")
    assert not auth.verify_password(known, "otra-clave")
    # no user: a real argon2 verification against the dummy hash, and always False
    assert auth.DUMMY_HASH.startswith("$argon2id$")
    assert not auth.verify_password(None, "albergue-no-such-user-dummy-password")
