"""Versioned schema migrations. ``MIGRATIONS[n]`` upgrades a file from version n-1 to n.

A migration is an SQL script (``vNNNN_*.sql``) run inside one transaction together with the
``schema_version`` bump, so a crash mid-upgrade leaves the file at the old version.
"""

from __future__ import annotations

import sqlite3
from importlib import resources

MIGRATIONS: dict[int, str] = {
    1: "v0001_initial.sql",
}
CURRENT_SCHEMA_VERSION = max(MIGRATIONS)


def split_statements(script: str) -> list[str]:
    statements, buffer = [], ""
    for line in script.splitlines(keepends=True):
        if line.lstrip().startswith("--") and not buffer.strip():
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements


def load(version: int) -> list[str]:
    script = resources.files(__package__).joinpath(MIGRATIONS[version]).read_text("utf-8")
    return split_statements(script)


def apply(conn: sqlite3.Connection, from_version: int, to_version: int = CURRENT_SCHEMA_VERSION,
          ) -> None:
    """Run migrations ``from_version+1 .. to_version`` on an open transaction of ``conn``."""
    for version in range(from_version + 1, to_version + 1):
        for statement in load(version):
            conn.execute(statement)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                     (str(version),))
