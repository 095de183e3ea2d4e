"""The ``albergue-sync`` command line: outputs, JSON, exit codes, Spanish messages; and the
engine's independence from the desktop (no Qt, no SQLAlchemy)."""

from __future__ import annotations

import ast
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from sync_helpers import edit, register

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
    code, out, _ = run(capsys, "export", "--from", a.path, "--to", usb)
    assert code == 0 and "Se exportó" in out and usb.exists()
    assert not list(usb.parent.glob("*-wal")) and not list(usb.parent.glob("*.partial"))
    central = tmp_path / "central.sqlite"
    code, out, _ = run(capsys, "merge", "--into", central, usb)
    assert code == 0
    assert "Se creó" in out and "nuevos" in out and "completa" in out
    code, out, _ = run(capsys, "pull", "--from", central, "--into", b.path)
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
                       "--json")
    reports = json.loads(out)
    assert code == 0 and [r["site_id"] for r in reports] == [a.site_id, b.site_id]
    assert all(r["mode"] == "full" and r["new"] > 0 and r["seconds"] > 0 for r in reports)


def test_conflicts_list_and_resolve(two_centers, tmp_path, capsys):
    (a, a_center), (b, _) = two_centers
    pid = register(a, a_center)
    central = tmp_path / "central.sqlite"
    assert run(capsys, "merge", "--into", central, a.path)[0] == 0
    assert run(capsys, "pull", "--from", central, "--into", b.path)[0] == 0
    edit(a, pid, notes="fiebre")
    edit(b, pid, notes="sin fiebre")
    assert run(capsys, "merge", "--into", central, a.path, b.path)[0] == 0
    code, out, _ = run(capsys, "conflicts", central)
    assert code == 0 and "notes" in out and "fiebre" in out
    [conflict] = json.loads(run(capsys, "conflicts", central, "--json")[1])
    code, out, _ = run(capsys, "conflicts", central, "--resolve", conflict["id"][:8],
                       "--value", '"fiebre leve"', "--user", "supervisora")
    assert code == 0 and "resuelto" in out
    assert run(capsys, "conflicts", central)[1].strip() == "No hay conflictos abiertos."
    code, _, err = run(capsys, "conflicts", central, "--resolve", "ffffffff", "--value", "1")
    assert code == 1 and "No hay un conflicto" in err
    code, _, err = run(capsys, "conflicts", central, "--resolve", conflict["id"], "--value",
                       "no es json")
    assert code == 1 and "JSON" in err


def test_rekey_gives_a_new_site(two_centers, capsys):
    (a, _), _ = two_centers
    a.close()
    code, out, _ = run(capsys, "rekey", a.path, "--json")
    assert code == 0 and json.loads(out)["site_id"] != a.site_id


def test_english_when_asked(two_centers, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ALBERGUE_LANG", "en")
    code, _, err = run(capsys, "merge", "--into", tmp_path / "c.sqlite", tmp_path / "nope")
    assert code == 1 and "does not exist" in err


def test_the_engine_needs_neither_qt_nor_the_desktop():
    code = ("import sys, albergue_sync.cli, albergue_sync.engine, albergue_sync.conflicts;"
            "bad = [m for m in sys.modules if m.split('.')[0] in "
            "('PySide6', 'albergue_desktop', 'sqlalchemy', 'sqlmodel')]; print(bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "[]"
    # One small, well-kept package besides the standard library: uuid6 (UUIDv7 ids).
    import tomllib

    pyproject = tomllib.loads((PACKAGE.parents[1] / "pyproject.toml").read_text())
    assert [d.split(">")[0] for d in pyproject["project"]["dependencies"]] == ["uuid6"]


def _messages() -> set[str]:
    """Every literal message given to SyncRefused, translate or _ in the package."""
    found = set()
    for path in PACKAGE.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args and isinstance(node.args[0],
                                                                       ast.Constant):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ("SyncRefused", "translate", "_") and isinstance(
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
