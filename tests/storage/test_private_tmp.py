"""Temporary files (export sheets, report previews) live in the app's private folder and
what a killed run left is removed at the next start (storage/private_tmp.py)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import tempfile
import textwrap
import time

import pytest

from albergue_desktop.storage import private_tmp


@pytest.fixture(autouse=True)
def _restore_tempdir():
    before = tempfile.tempdir
    yield
    tempfile.tempdir = before


def test_install_points_tempfile_at_a_private_folder(tmp_path):
    os.umask(0o022)
    base = tmp_path / "share" / "Albergue"  # a first start: not even the data folder exists
    mine = private_tmp.install(base)
    assert mine.parent == base / "tmp"
    assert tempfile.gettempdir() == str(mine)
    if os.name == "posix":
        assert stat.S_IMODE(base.stat().st_mode) == 0o700
        assert stat.S_IMODE((base / "tmp").stat().st_mode) == 0o700
        assert stat.S_IMODE(mine.stat().st_mode) == 0o700


def test_openpyxl_export_sheets_are_written_inside_it(tmp_path):
    from openpyxl.worksheet import _writer

    from albergue_desktop.reports.xlsx import Column, discard, new_workbook, write_sheet

    mine = private_tmp.install(tmp_path)
    wb = new_workbook()
    write_sheet(wb, "Personas", [Column("Nombre")], [["Marie Joseph"]] * 10)
    sheet_file = _writer.ALL_TEMP_FILES[-1]
    assert sheet_file.startswith(str(mine))
    discard(wb)


KILLED_EXPORT = textwrap.dedent("""
    import os, sys
    from pathlib import Path
    from albergue_desktop.storage import private_tmp
    from albergue_desktop.reports.xlsx import Column, new_workbook, write_sheet
    private_tmp.install(Path(sys.argv[1]))
    wb = new_workbook()
    write_sheet(wb, "Personas", [Column("Nombre")], [["Marie Joseph Saint-Vil"]] * 2000)
    os._exit(9)  # killed in the middle of the export: no cleanup runs
""")


def _leftovers(root):
    found = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            with open(path, "rb") as fh:
                if b"Marie Joseph Saint-Vil" in fh.read():
                    found.append(path)
    return found


def test_a_killed_export_leaves_nothing_after_the_next_start(tmp_path):
    run = subprocess.run([sys.executable, "-c", KILLED_EXPORT, str(tmp_path)],
                         capture_output=True, text=True)
    assert run.returncode == 9, run.stderr
    root = tmp_path / "tmp"
    assert [p for p in root.iterdir()]  # the dead run's folder is there...
    assert _leftovers(root)             # ...with the name in it
    private_tmp.install(tmp_path)       # the next start
    assert _leftovers(root) == []
    assert [p.name.split("-")[0] for p in root.iterdir()] == [str(os.getpid())]


def test_a_live_process_keeps_its_folder(tmp_path):
    root = tmp_path / "tmp"
    root.mkdir()
    live = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        theirs = root / f"{live.pid}-abc"
        theirs.mkdir()
        private_tmp.clean_stale(root)
        assert theirs.exists()
    finally:
        live.kill()
        live.wait()
    private_tmp.clean_stale(root)
    assert not theirs.exists()


def test_unknown_entries_and_unknowable_owners_go_when_old(tmp_path, monkeypatch):
    root = tmp_path / "tmp"
    root.mkdir()
    stray = root / "openpyxl.tmp"
    stray.write_text("x")
    monkeypatch.setattr(private_tmp, "_alive", lambda pid: None)  # as on Windows
    fresh = root / "12345-abc"
    fresh.mkdir()
    removed = private_tmp.clean_stale(root)
    assert stray in removed and fresh.exists()
    later = time.time() + private_tmp.STALE_SECONDS + 60
    assert private_tmp.clean_stale(root, now=later) == [fresh]


def test_the_console_script_uses_the_private_folder(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share"), "HOME": str(tmp_path)}
    code = ("import sys, tempfile; from albergue_desktop import cli; sys.argv = ['albergue', "
            "'--help']; cli.main(); print('TMP=' + tempfile.gettempdir())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=env)
    assert out.returncode == 0, out.stderr
    tmp = out.stdout.split("TMP=")[-1].strip()
    assert tmp.startswith(str(tmp_path / "share" / "Albergue" / "tmp" / ""))
