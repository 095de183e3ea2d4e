"""Stamps and ids of a source, checked before anything is written (docs/sync-design.md
guarantee 10).

The row merge trusts the sync columns: a malformed version vector or field dot would crash a
merge halfway, and on a new row it would be copied to the central file, pulled by every
center, and break the desktop there. So every row a merge is about to read (``change_seq``
above the bookmark) is checked first, in SQL on the source copy:

- ``id`` (and every column that refers to another synced row) is a canonical UUID text;
- ``vv`` is a JSON object of site -> positive integer counter;
- ``fv`` is a JSON object of field -> ``[hlc, site, counter]`` (integers and a text);
- ``hlc`` is an integer, ``site_id`` a non-empty text, ``deleted`` 0 or 1.

The first bad row is named in a clear refusal; the target is left untouched.
"""

from __future__ import annotations

from . import dbapi as sqlite3
from pathlib import Path

from .i18n import SyncRefused
from .tablemerge import q, synced_tables

_HEX = "[0-9a-f]"
UUID_GLOB = "-".join(_HEX * n for n in (8, 4, 4, 4, 12))


def uuid_sql(column: str) -> str:
    """SQL true when ``column`` holds a canonical (lowercase, hyphenated) UUID text."""
    return f"(typeof({column}) = 'text' AND {column} GLOB '{UUID_GLOB}')"


def _json_object_where(column: str, bad_entry: str, fast: str = "0") -> str:
    """SQL true when ``column`` is a JSON object none of whose entries ``e`` matches
    ``bad_entry``. ``fast``: a cheaper test of the common shape that, when true, spares the
    per-entry scan. CASE keeps the JSON functions away from text that is not JSON (they
    raise an error rather than return false)."""
    return (f"(CASE WHEN json_valid({column}) THEN CASE WHEN json_type({column}) = 'object' "
            f"THEN CASE WHEN {fast} THEN 1 ELSE NOT EXISTS (SELECT 1 FROM json_each({column}) e "
            f"WHERE {bad_entry}) END ELSE 0 END ELSE 0 END)")


# The usual shape, checked without a per-row json_each: a row written once has
# fv = {"*": [hlc, site, counter]}.
_VV_OK = _json_object_where("s.vv", "e.type <> 'integer' OR e.value < 0 OR e.key = ''")
_DOT_BAD = ("e.type <> 'array' OR json_array_length(e.value) <> 3 "
            "OR json_type(e.value, '$[0]') <> 'integer' "
            "OR json_type(e.value, '$[1]') <> 'text' "
            "OR json_type(e.value, '$[2]') <> 'integer'")
_STAR = "'$.\"*\"'"
_FV_FAST = (f"(json_remove(s.fv, {_STAR}) = '{{}}' AND json_array_length(s.fv, {_STAR}) = 3 "
            f"AND json_type(s.fv, '$.\"*\"[0]') = 'integer' "
            f"AND json_type(s.fv, '$.\"*\"[1]') = 'text' "
            f"AND json_type(s.fv, '$.\"*\"[2]') = 'integer')")
_FV_OK = _json_object_where("s.fv", _DOT_BAD, _FV_FAST)
_SCALARS_OK = ("(typeof(s.hlc) = 'integer' AND typeof(s.site_id) = 'text' "
               "AND s.site_id <> '' AND s.deleted IN (0, 1))")


def _reference_columns(conn: sqlite3.Connection, table: str, synced: set[str],
                       db: str = "main") -> list[str]:
    return [r[3] for r in conn.execute(f"PRAGMA {db}.foreign_key_list({q(table)})")
            if r[2] in synced and (r[4] or "id") == "id"]


def bad_row(conn: sqlite3.Connection, table: str, since: int,
            synced: set[str], db: str = "main") -> tuple[str, str] | None:
    """(id, what is wrong) of the first row of ``table`` changed after ``since`` whose
    stamps or ids are malformed; None when all are well formed."""
    checks = [("id", uuid_sql("s.id")), ("vv", _VV_OK), ("fv", _FV_OK),
              ("hlc/site_id/deleted", _SCALARS_OK)]
    checks += [(col, f"(s.{q(col)} IS NULL OR {uuid_sql('s.' + q(col))})")
               for col in _reference_columns(conn, table, synced, db)]
    cases = " ".join(f"WHEN NOT coalesce({cond}, 0) THEN '{name}'" for name, cond in checks)
    row = conn.execute(
        f"SELECT s.id, CASE {cases} END AS bad FROM {db}.{q(table)} s "
        f"WHERE s.change_seq > ? AND bad IS NOT NULL LIMIT 1", (since,)).fetchone()
    if row is None:
        return None
    return str(row[0])[:40], row[1]


def check_rows(conn: sqlite3.Connection, path: Path, since: int,
               only: list[str] | None = None, db: str = "main") -> None:
    """Refuse ``path`` (opened as ``conn``) if a row changed after ``since`` has malformed
    stamps or ids. ``only``: the tables known to have such rows (the others are skipped)."""
    tables = synced_tables(conn, db)
    for table in tables if only is None else [t for t in tables if t in only]:
        found = bad_row(conn, table, since, set(tables), db)
        if found is not None:
            row_id, column = found
            raise SyncRefused(
                "{path} has a record with malformed synchronization data ({table} {row}, "
                "{column}): it was edited outside Albergue or is damaged. Nothing was merged; "
                "make a new copy of that file from the center's computer.", path=str(path),
                table=table, row=row_id, column=column)
