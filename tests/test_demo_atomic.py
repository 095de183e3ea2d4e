"""``albergue demo`` (and ``albergue --demo``) write to a side file and rename it when
complete: an interrupted run leaves neither half a demo nor its side file behind."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

import pytest

from albergue_desktop import cli, cli_commands, demo
from albergue_desktop.storage.db import Database


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return code, out, err


def names(folder):
    return sorted(p.name for p in folder.iterdir())


def test_the_demo_appears_complete_and_alone(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    code, _out, err = run(capsys, "demo", "--db", str(path), "--center-code", "05",
                          "--persons", "12")
    assert code == 0, err
    assert names(tmp_path) == ["demo.sqlite", "demo.sqlite.keys"]
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM person").fetchone() == (12,)
    conn.close()


def test_an_interrupted_demo_leaves_nothing(tmp_path, capsys, monkeypatch):
    real = demo.generate_demo

    def killed(db, **kwargs):
        real(db, **{**kwargs, "persons": 5})
        assert (tmp_path / "demo.sqlite.partial").exists()  # the work went to the side file
        assert not (tmp_path / "demo.sqlite").exists()
        raise KeyboardInterrupt  # Ctrl+C, or the machine killing the process
    monkeypatch.setattr(demo, "generate_demo", killed)
    with pytest.raises(KeyboardInterrupt):
        cli_commands.demo(cli.build_parser().parse_args(
            ["demo", "--db", str(tmp_path / "demo.sqlite"), "--center-code", "05"]))
    assert names(tmp_path) == []


def test_a_failed_demo_keeps_an_existing_empty_file_as_it_was(tmp_path, capsys, monkeypatch):
    path = tmp_path / "demo.sqlite"
    Database.open(path).close()
    before = path.read_bytes()

    def failing(db, **kwargs):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(demo, "generate_demo", failing)
    code, _out, err = run(capsys, "demo", "--db", str(path))
    assert code != 0
    assert path.read_bytes() == before and names(tmp_path) == ["demo.sqlite", "demo.sqlite.keys"]


def test_an_existing_empty_file_is_filled_and_one_with_data_refused(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    Database.open(path).close()
    code, _out, err = run(capsys, "demo", "--db", str(path), "--center-code", "05",
                          "--persons", "6")
    assert code == 0, err
    assert names(tmp_path) == ["demo.sqlite", "demo.sqlite.keys"]
    before = path.read_bytes()
    code, _out, err = run(capsys, "demo", "--db", str(path), "--persons", "6")
    assert code == 1 and "ya tiene datos" in err
    assert path.read_bytes() == before and names(tmp_path) == ["demo.sqlite", "demo.sqlite.keys"]


def test_the_leftover_of_a_killed_run_is_replaced(tmp_path, capsys):
    for leftover in ("demo.sqlite.partial", "demo.sqlite.partial-wal"):
        (tmp_path / leftover).write_bytes(b"half a demo")
    code, _out, err = run(capsys, "demo", "--db", str(tmp_path / "demo.sqlite"),
                          "--center-code", "05", "--persons", "6")
    assert code == 0, err
    assert names(tmp_path) == ["demo.sqlite", "demo.sqlite.keys"]
