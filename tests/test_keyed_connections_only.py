"""Every connection to an Albergue file is keyed (docs/encryption.md, "One place opens
connections"): no module of the app or the sync engine imports the standard ``sqlite3``
(it cannot open an encrypted file); they use ``albergue_sync.dbapi``. Read by AST."""

from __future__ import annotations

import ast
from pathlib import Path

import albergue_desktop
import albergue_sync

ROOTS = [Path(albergue_desktop.__file__).parent, Path(albergue_sync.__file__).parent]
ALLOWED = {Path(albergue_sync.__file__).parent / "dbapi.py"}  # the type checker's view only


def _imports_sqlite3(tree: ast.AST) -> list[int]:
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import) and any(a.name == "sqlite3" for a in node.names):
            lines.append(node.lineno)
        elif isinstance(node, ast.ImportFrom) and node.module == "sqlite3" and not node.level:
            lines.append(node.lineno)
    return lines


def test_no_module_opens_files_with_the_standard_sqlite3():
    found = []
    for root in ROOTS:
        for path in root.rglob("*.py"):
            if path in ALLOWED:
                continue
            for line in _imports_sqlite3(ast.parse(path.read_text("utf-8"))):
                found.append(f"{path.relative_to(root.parent)}:{line}")
    assert found == [], "use `from albergue_sync import dbapi as sqlite3`: " + ", ".join(found)


def test_the_scan_sees_an_import():
    assert _imports_sqlite3(ast.parse("import os, sqlite3\nfrom sqlite3 import Row")) == [1, 2]
