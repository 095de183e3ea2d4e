"""Every text the reports print or raise has a Spanish translation, and the reports stay
free of Qt."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import albergue_desktop.reports as reports_pkg
from albergue_desktop.domain.i18n import ES
from albergue_desktop.reports import common, impact, import_mapping

REPORTS = Path(reports_pkg.__file__).parent
CALLS = {"_", "ReportError", "CellError"}


def _msgids() -> set[str]:
    found = set()
    for path in REPORTS.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", None))
            args = [a for a in node.args if isinstance(a, ast.Constant)
                    and isinstance(a.value, str)]
            if name in CALLS and node.args and node.args[0] in args:
                found.add(node.args[0].value)
            if name in ("_cols", "sheet"):
                found |= {a.value.partition(":")[0] for a in args}
    found |= set(common.SEGMENTS.values()) | set(common.CENTER_STATUS.values())
    found |= {t for i in impact.INDICATORS for t in (i.category, i.name, i.method)}
    found |= {label for label, _synonyms in import_mapping.FIELDS.values()}
    from albergue_desktop.reports.excel_export import PEOPLE
    found |= {h.partition(":")[0] for h in PEOPLE}
    return found


def test_every_report_text_has_a_spanish_translation():
    msgids = _msgids()
    assert len(msgids) > 150
    missing = sorted(m for m in msgids if m not in ES and m not in ("CURP", "RFC"))
    assert missing == []


def test_reports_do_not_import_qt():
    code = ("import sys, albergue_desktop.reports.cli_commands, "
            "albergue_desktop.reports.excel_export, albergue_desktop.reports.excel_import, "
            "albergue_desktop.reports.idcards; assert 'PySide6' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True)
