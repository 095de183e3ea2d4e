"""The Albergue database file format: versioned migrations and the file's identity.

``MIGRATIONS[n]`` upgrades a file from version n-1 to n. A migration is an SQL script
(``vNNNN_*.sql``) run inside one transaction together with the ``schema_version`` bump, so a
crash mid-upgrade leaves the file at the old version. Released scripts are frozen: a schema
change is a new file plus an entry here.

The desktop app (``albergue_desktop.storage.migrations`` re-exports this module) and the sync
engine share it, so the engine can read and create Albergue files without the desktop.
"""

from __future__ import annotations

import secrets
from .. import dbapi as sqlite3
from importlib import resources

APP_ID = "albergue"
SQLITE_HEADER = b"SQLite format 3\x00"

MIGRATIONS: dict[int, str] = {
    1: "v0001_initial.sql",
    2: "v0002_sync.sql",
    3: "v0003_health_beds.sql",
    4: "v0004_duplicate_review.sql",
    5: "v0005_person_photo.sql",
    6: "v0006_triage_signs.sql",
    7: "v0007_age_in_doubt.sql",
    8: "v0008_sensitive_audit.sql",
    9: "v0009_derived_status.sql",
    10: "v0010_person_key.sql",
    11: "v0011_audit_chain.sql",
    12: "v0012_password_change.sql",
    13: "v0013_health_followup.sql",
    14: "v0014_stock_ledger.sql",
    15: "v0015_pathways.sql",
    16: "v0016_erasure.sql",
    17: "v0017_supplies.sql",
}

# Steps a migration needs in Python after its script, same transaction (version -> callable
# on the connection). The audit chain needs SHA-256, which SQLite lacks.
def _audit_chain_backfill(conn: sqlite3.Connection) -> None:
    from ..auditchain import backfill

    backfill(conn)


POST_STEPS = {11: _audit_chain_backfill}
CURRENT_SCHEMA_VERSION = max(MIGRATIONS)

META_DDL = ("CREATE TABLE meta (\n\t\"key\" VARCHAR NOT NULL, \n\t"
            "value VARCHAR NOT NULL, \n\tPRIMARY KEY (\"key\")\n)")


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
        if version in POST_STEPS:
            POST_STEPS[version](conn)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                     (str(version),))


def new_site_id() -> str:
    return secrets.token_hex(16)


def new_epoch() -> str:
    return secrets.token_hex(8)


def new_identity() -> dict[str, str]:
    """The meta rows of a brand-new file: its own site and epoch, clocks at zero."""
    return {
        "app": APP_ID,
        "site_id": new_site_id(),
        "epoch": new_epoch(),
        "schema_version": "0",
        "hlc_last": "0",
        "seq_last": "0",
    }


def initialize(conn: sqlite3.Connection, to_version: int = CURRENT_SCHEMA_VERSION) -> None:
    """Turn an empty database into an Albergue file (meta identity, then every migration),
    on an open transaction of ``conn``."""
    conn.execute(META_DDL)
    conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", new_identity().items())
    apply(conn, 0, to_version)
