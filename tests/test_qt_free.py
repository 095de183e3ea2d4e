"""domain/, storage/, services/ and reports/ never import Qt: they run headless (CLI, sync,
central machine). Checked in a fresh interpreter, importing every module of those packages."""

from __future__ import annotations

import json
import subprocess
import sys

QT_FREE_PACKAGES = ["albergue_desktop.domain", "albergue_desktop.storage",
                    "albergue_desktop.services", "albergue_desktop.reports"]

PROBE = """
import importlib, json, pkgutil, sys
imported = []
for name in {packages!r}:
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(getattr(package, "__path__", []), name + "."):
        importlib.import_module(info.name)
        imported.append(info.name)
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5",
                                                           "PyQt6"))
print(json.dumps({{"imported": imported, "qt": qt}}))
"""


def _probe(packages: list[str]) -> dict:
    out = subprocess.run([sys.executable, "-c", PROBE.format(packages=packages)],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_core_packages_load_no_qt():
    result = _probe(QT_FREE_PACKAGES)
    assert result["qt"] == [], f"Qt loaded by a Qt-free package: {result['qt']}"
    # the probe really imported the modules it claims to check
    for module in ["albergue_desktop.domain.validation", "albergue_desktop.storage.db",
                   "albergue_desktop.storage.queries", "albergue_desktop.services.people",
                   "albergue_desktop.services.stays", "albergue_desktop.reports"]:
        assert module in result["imported"]


def test_the_probe_detects_qt():
    """Guard against a probe that cannot fail: the UI package does load PySide6."""
    result = _probe(["PySide6.QtCore"])
    assert "PySide6.QtCore" in result["qt"]
