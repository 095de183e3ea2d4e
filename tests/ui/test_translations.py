"""The Spanish catalog covers every string of the UI, and the compiled .qm files are current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from albergue_desktop.ui import translation

UI_DIR = Path(translation.__file__).parent
I18N = translation.i18n_dir()


def _tool(name: str) -> str:
    found = Path(sys.executable).with_name(name)
    path = str(found) if found.exists() else shutil.which(name)
    assert path, f"{name} ships with pyside6-essentials and is needed to check translations"
    return path


def _problems(ts: Path) -> list[str]:
    problems = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source")
            tr = message.find("translation")
            texts = [f.text for f in tr.iter("numerusform")] or [tr.text]
            if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(texts):
                problems.append(f"{context.findtext('name')}: {source!r}")
    return problems


PARTS = translation.catalog_parts()
CATALOGS = [(part, lang) for part in PARTS for lang in ("es", "en")]


@pytest.mark.parametrize(("part", "lang"), CATALOGS)
def test_catalog_has_every_ui_string_translated(part, lang, tmp_path):
    """lupdate over each part of ui/ adds any string missing from its catalog as unfinished."""
    ts = tmp_path / f"{part}_{lang}.ts"
    assert (I18N / ts.name).exists(), f"missing catalog {ts.name}: see resources/i18n/README.md"
    shutil.copy(I18N / ts.name, ts)
    extra = ["-pluralonly"] if lang == "en" else []
    subprocess.run([_tool("pyside6-lupdate"), *map(str, PARTS[part]),
                    "-ts", str(ts), "-locations", "none", "-no-obsolete", *extra],
                   check=True, capture_output=True)
    assert _problems(ts) == [], "run the commands in resources/i18n/README.md"
    assert _problems(I18N / ts.name) == []


@pytest.mark.parametrize(("part", "lang"), CATALOGS)
def test_compiled_catalog_matches_its_source(part, lang, tmp_path):
    qm = tmp_path / f"{part}_{lang}.qm"
    subprocess.run([_tool("pyside6-lrelease"), str(I18N / f"{part}_{lang}.ts"), "-qm",
                    str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (I18N / qm.name).read_bytes(), "recompile with pyside6-lrelease"


def test_problems_are_detected(tmp_path):
    ts = tmp_path / "x.ts"
    ts.write_text('<TS version="2.1"><context><name>W</name>'
                  '<message><source>Name</source><translation type="unfinished"/></message>'
                  '<message numerus="yes"><source>%n</source><translation>'
                  '<numerusform>uno</numerusform><numerusform></numerusform>'
                  '</translation></message></context></TS>', encoding="utf-8")
    assert _problems(ts) == ["W: 'Name'", "W: '%n'"]
