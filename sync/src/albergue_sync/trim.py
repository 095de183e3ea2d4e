"""An export file cut down to what an incremental merge reads (docs/sync-server.md).

The receiving file's bookmark of a source says up to which change it merged it; an
incremental merge reads only the source's rows changed after that (``change_seq > since``)
and a few older rows its checks look at. :func:`trim` deletes everything else from a
consistent snapshot (``status.export``), so a push or a pull over a slow link carries the
changes, not the database. It is still an ordinary Albergue file merged by the ordinary
``merge_files``: no second row protocol. Kept, beyond the changed rows:

- ``meta`` and the source's bookmarks (``sync_source``): identity, clocks, reverse checks;
- the audit event that marks the bookmark (``engine.seq_mark``: the last one at or before
  ``since``), the first link of every audit chain and, per chain, the link just before its
  first changed one (``auditchain.verify`` checks each link against the one before it);
- for a pull, the health rows of the receiving center's people (an incremental pull also
  reads the unchanged health rows of a person who became that center's since the bookmark).

Always removed, whole file or not: the user accounts (``app_user``: password hashes and
lockouts; no merge reads them, a file sent over the network does not carry them).

The file records ``export_since`` in its ``meta`` (a local table: never merged). A trimmed
file is only correct against a receiver whose bookmark of this source (same epoch) reaches
``since``; the sync server checks that before it merges one (else the client sends the
whole file), and a full merge of it is still correct then (the receiver already holds every
older row)."""

from __future__ import annotations

from pathlib import Path

from . import dbapi as sqlite3

from . import files
from .engine import seq_mark
from .rules import HEALTH_TABLES
from .tablemerge import synced_tables

SINCE_KEY = "export_since"


def trim(path: Path, since: int, *, keep_health_of_center: str | None = None) -> int:
    """Cut the snapshot ``path`` (a private copy, not a live file) down to the changes after
    ``since`` (0: every row). Its user accounts are always removed: no merge reads them, and
    password hashes have no business on another machine. Returns the rows removed.
    ``keep_health_of_center``: center id whose people's health rows stay whole (a pull)."""
    conn = files.connect(path, readonly=False)  # the same opening as every engine file
    removed = 0
    try:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'app_user'").fetchone():
            removed += conn.execute("DELETE FROM app_user").rowcount
        if since <= 0:
            conn.execute("COMMIT")
            conn.execute("VACUUM")
            return removed
        keep_ids = _kept_audit_ids(conn, since)
        conn.execute("CREATE TEMP TABLE keep_audit (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO keep_audit VALUES (?)",
                         [(i,) for i in keep_ids])
        for table in synced_tables(conn):
            where = "change_seq <= :since"
            if table == "audit_event":
                where += " AND id NOT IN (SELECT id FROM temp.keep_audit)"
            elif table in HEALTH_TABLES and keep_health_of_center:
                where += (" AND (person_id IS NULL OR person_id NOT IN (SELECT id FROM person "
                          "WHERE center_id = :own UNION SELECT person_id FROM stay WHERE "
                          "center_id = :own AND deleted = 0))")
            removed += conn.execute(f'DELETE FROM "{table}" WHERE {where}',
                                    {"since": since, "own": keep_health_of_center}).rowcount
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_conflict'").fetchone():
            removed += conn.execute("DELETE FROM sync_conflict WHERE change_seq <= ?",
                                    (since,)).rowcount
        conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                     (SINCE_KEY, str(since)))
        conn.execute("COMMIT")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return removed


def _kept_audit_ids(conn: sqlite3.Connection, since: int, db: str = "main") -> set[str]:
    keep: set[str] = set()
    mark = seq_mark(conn, since, db)
    if mark is not None:
        keep.add(mark.split(":")[1])
    cols = {r[1] for r in conn.execute(f"PRAGMA {db}.table_info(audit_event)")}
    if "chain_site" not in cols:
        return keep
    # the first link of every chain (the anchor the chain check compares legacy rows with)
    keep.update(r[0] for r in conn.execute(
        f"SELECT a.id FROM {db}.audit_event a JOIN (SELECT chain_site, min(chain_seq) AS s "
        f"FROM {db}.audit_event WHERE chain_seq IS NOT NULL GROUP BY chain_site) f "
        "ON a.chain_site = f.chain_site AND a.chain_seq = f.s"))
    # per chain, the link before its first changed one
    keep.update(r[0] for r in conn.execute(
        f"SELECT a.id FROM {db}.audit_event a JOIN (SELECT chain_site, min(chain_seq) AS s "
        f"FROM {db}.audit_event WHERE chain_seq IS NOT NULL AND change_seq > ? "
        "GROUP BY chain_site) f ON a.chain_site = f.chain_site AND a.chain_seq = f.s - 1",
        (since,)))
    return keep


def write_changes(source: Path, dest: Path, since: int, *,
                  keep_health_of_center: str | None = None) -> None:
    """The same file :func:`trim` makes of a copy of ``source``, written directly: a new
    Albergue file (current schema, its triggers and search index fed by the inserts) that
    takes ``source``'s identity and bookmarks and only the rows :func:`trim` keeps. Its cost
    follows the changes, not the size of ``source`` (a large central file). ``source`` must
    be of the current schema (else: copy it and :func:`trim` the copy)."""
    from .schema import CURRENT_SCHEMA_VERSION  # noqa: PLC0415

    files.create(dest)
    conn = files.connect(dest, readonly=False)
    try:
        conn.execute("ATTACH DATABASE ? AS src KEY ?", (files.uri(source, readonly=True),
                                                         sqlite3.attach_key(source)))
        conn.execute("BEGIN IMMEDIATE")
        meta = dict(conn.execute("SELECT key, value FROM src.meta"))
        if int(meta.get("schema_version", 0)) != CURRENT_SCHEMA_VERSION:
            raise ValueError("the source is not of the current schema")
        keep = _kept_audit_ids(conn, since, "src") if since > 0 else set()
        conn.execute("CREATE TEMP TABLE keep_audit (id TEXT PRIMARY KEY)")
        conn.executemany("INSERT OR IGNORE INTO keep_audit VALUES (?)", [(i,) for i in keep])
        args = {"since": since, "own": keep_health_of_center}
        for table in ("meta", "sync_source"):
            conn.execute(f"DELETE FROM main.{table}")
            conn.execute(f"INSERT INTO main.{table} SELECT * FROM src.{table}")
        tables = synced_tables(conn, "src")
        for table in [*tables, "sync_conflict"]:
            cols = ", ".join(f'"{r[1]}"' for r in conn.execute(
                f'PRAGMA src.table_info("{table}")'))
            where = "change_seq > :since"
            if table == "audit_event":
                where += " OR id IN (SELECT id FROM temp.keep_audit)"
            elif table in HEALTH_TABLES and keep_health_of_center:
                where += (" OR person_id IN (SELECT id FROM src.person WHERE center_id = :own "
                          "UNION SELECT person_id FROM src.stay WHERE center_id = :own AND "
                          "deleted = 0)")
            conn.execute(f'INSERT INTO main."{table}" ({cols}) SELECT {cols} FROM '
                         f'src."{table}" WHERE {where}', args)
        conn.execute("INSERT OR REPLACE INTO main.meta (key, value) VALUES (?, ?)",
                     (SINCE_KEY, str(since)))
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        conn.execute("PRAGMA journal_mode = DELETE")  # one self-contained file to send
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.close()


def trimmed_since(conn: sqlite3.Connection, db: str = "main") -> int:
    """The ``since`` a file was trimmed at (0: a whole file)."""
    row = conn.execute(f"SELECT value FROM {db}.meta WHERE key = ?", (SINCE_KEY,)).fetchone()
    return int(row[0]) if row else 0
