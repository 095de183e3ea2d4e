"""Counts and search at scale: the people count after every save, ``albergue stats``
(present, discharged) and search p95, each beside a baseline measured in the same run.

The rows are built with bulk SQL (a numbers CTE, every insert going through the schema's
triggers, so the person key and the full-text index are kept as for any other write):
1,000,000 people take minutes instead of the hours of the demo generator. Each person has a
stay (one in ~330 still open, as in a full season of 12 shelters), one in ~100 is deleted and
one in ~5,000 is a confirmed duplicate linked to another record.

Baselines, same file, same run:
- the people count: the query of schema <= 5 (``deleted`` not in the index it walks) and a
  bare ``count(*)`` of the integer person key (the floor);
- present and discharged: the joins of every stay to its person by text id they replace;
- search: the bare FTS5 query (as bench/bench_foundation.py).

Usage: uv run python bench/bench_counts.py [--persons 1000000] [--db FILE (reuse)]
"""

from __future__ import annotations

import argparse
from albergue_sync import dbapi as sqlite3  # keyed connections (encrypted files)
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

GIVEN = ("Jean Marie Pierre Rose Marc Anne Joseph Claude Louis Nadia Wesner Fabiola Jacques "
         "Mirlande Frantz Guerline Ricardo Daphne Evens Sabine Kervens Islande Wilner Esther "
         "Ronald Judith Stanley Rosemene Jimmy Natacha Dieuseul Magalie").split()
SURNAMES = ("Joseph Pierre Jean Louis Charles Baptiste Francois Paul Michel Desir Augustin "
            "Etienne Simon Noel Alexis Casimir Dorvil Fleurant Georges Hyppolite Jacob "
            "Lafortune Moise Nelson Philippe Remy Saintil Toussaint Valcourt Xavier").split()

OLD_COUNT = "SELECT count(*) FROM person WHERE deleted = 0 AND merged_into_id IS NULL"
_OWNER = "coalesce(p.merged_into_id, p.id)"
OLD_PRESENT = f"""SELECT count(DISTINCT {_OWNER}) FROM stay s JOIN person p
    ON p.id = s.person_id WHERE s.check_out IS NULL AND s.deleted = 0
    AND s.status <> 'pending'"""
OLD_DISCHARGED = f"""SELECT count(*) FROM (SELECT sum(s.check_out IS NULL) AS open
    FROM stay s JOIN person p ON p.id = s.person_id
    WHERE s.deleted = 0 GROUP BY {_OWNER}) WHERE open = 0"""


def _fill(con: sqlite3.Connection, table: str, values: dict[str, str]) -> tuple[str, str]:
    """(column list, select list) for an INSERT ... SELECT filling every NOT NULL column."""
    cols, exprs = [], []
    for _cid, name, ctype, notnull, default, _pk in con.execute(f"PRAGMA table_info({table})"):
        if name in values:
            expr = values[name]
        elif not notnull or default is not None:
            continue
        elif name in ("vv", "fv"):
            expr = "'{}'"
        elif "JSON" in ctype.upper():
            expr = "'[]'"
        elif ctype.upper() in ("INTEGER", "BOOLEAN", "FLOAT"):
            expr = "0"
        else:
            expr = "''"
        cols.append(name)
        exprs.append(expr)
    return ", ".join(cols), ", ".join(exprs)


def build(path: Path, persons: int) -> None:
    from albergue_desktop.services import centers
    from albergue_desktop.storage.db import Database

    db = Database.open(path)
    center, _admin = centers.init_center_database(
        db, center_code="01", center_name="Centro 1", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-de-bench")
    site = db.site_id
    db.close()
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode = WAL")
    con.execute("PRAGMA synchronous = NORMAL")
    con.create_function("given", 1, lambda i: f"{GIVEN[i % len(GIVEN)]} "
                        f"{GIVEN[(i * 7) % len(GIVEN)]}", deterministic=True)
    con.create_function("surname", 1, lambda i: f"{SURNAMES[(i * 13) % len(SURNAMES)]} "
                        f"{SURNAMES[(i // 31) % len(SURNAMES)]}", deterministic=True)
    start = time.perf_counter()
    cols, exprs = _fill(con, "person", {
        "id": "printf('p%010d', i)", "site_id": f"'{site}'", "deleted": "(i % 100 = 0)",
        "hlc": "i", "change_seq": "i", "given_names": "given(i)", "surnames": "surname(i)",
        "sex": "CASE WHEN i % 2 THEN 'M' ELSE 'F' END",
        "birth_date": "date('1960-01-01', '+' || (i % 20000) || ' days')",
        "nationality": "'HT'", "folio": "printf('MXL-01-%06d', i)", "center_id": f"'{center.id}'",
        "search_key": "lower(given(i) || ' ' || surname(i))",
        "created_at": "datetime('2021-09-01', '+' || (i * 7) || ' seconds')",
        "merged_into_id": "CASE WHEN i % 5000 = 0 THEN printf('p%010d', i - 1) END"})
    con.execute("BEGIN")
    con.execute(f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
                f"INSERT INTO person ({cols}) SELECT {exprs} FROM n", (persons,))
    cols, exprs = _fill(con, "stay", {
        "id": "'s' || substr(p.id, 2)", "site_id": f"'{site}'", "deleted": "0",
        "hlc": "p.hlc", "change_seq": "p.change_seq", "person_id": "p.id",
        "center_id": f"'{center.id}'", "check_in": "p.created_at",
        "check_out": "CASE WHEN p.change_seq % 333 = 0 THEN NULL "
                     "ELSE datetime(p.created_at, '+9 days') END",
        "status": "CASE WHEN p.change_seq % 333 = 0 THEN 'open' ELSE 'closed' END"})
    con.execute(f"INSERT INTO stay ({cols}) SELECT {exprs} FROM person p")
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # measure the file, not a huge WAL
    con.close()
    print(f"built {persons:,} people and their stays with bulk SQL in "
          f"{time.perf_counter() - start:.0f} s")


def timed(fn, runs: int = 7) -> tuple[float, object]:
    """Median milliseconds of ``runs`` calls after one warm-up, and the last result."""
    result = fn()
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        samples.append((time.perf_counter() - t) * 1000)
    return statistics.median(samples), result


def bench_counts(path: Path) -> None:
    from sqlalchemy import text

    from albergue_desktop.storage import queries
    from albergue_desktop.storage.db import Database

    db = Database.open(path)
    conn = db.engine.connect()  # one connection for ours and the baselines alike
    one = lambda sql: (lambda: conn.execute(text(sql)).scalar_one())  # noqa: E731

    new_count, n_new = timed(one(f"SELECT count(*) FROM {queries.LIVE_PEOPLE}"))
    # schema <= 5: the planner walked ix_person_merged_into_id and read every person row
    old_sql = OLD_COUNT.replace("FROM person", "FROM person INDEXED BY ix_person_merged_into_id")
    old_count, n_old = timed(one(old_sql))
    floor, _ = timed(one("SELECT count(*) FROM person_key"))
    assert n_new == n_old, (n_new, n_old)
    print(f"people count ({n_new:,}): {new_count:.1f} ms; schema-5 plan {old_count:.1f} ms; "
          f"{old_count / new_count:.1f}x faster; bare count of the integer key {floor:.1f} ms "
          f"(ours is {new_count / max(floor, 1e-3):.1f}x that)")

    old_present, present = timed(one(OLD_PRESENT), runs=3)
    old_discharged, discharged = timed(one(OLD_DISCHARGED), runs=3)

    def new_pd():
        return (queries.owners_with_stays(conn, queries._PRESENT),
                queries.owners_with_stays(conn, queries._LIVE)
                - queries.owners_with_stays(conn, queries._OPEN))

    new_pd_ms, numbers = timed(new_pd, runs=3)
    assert numbers == (present, discharged), (numbers, present, discharged)
    present_ms, _ = timed(lambda: queries.owners_with_stays(conn, queries._PRESENT), runs=3)
    joins = old_present + old_discharged
    print(f"present {present:,} ({present_ms:.1f} ms; join {old_present:.0f} ms) "
          f"+ discharged {discharged:,}: {new_pd_ms:.0f} ms; the joins they replace "
          f"{joins:.0f} ms; {joins / new_pd_ms:.1f}x faster")

    def stats():
        with db.read_session() as s:
            return queries.stats(session=s)

    print(f"albergue stats (every number, in a session): {timed(stats, runs=3)[0]:.0f} ms")

    def page():
        with db.read_session() as s:
            return queries.find_people(session=s, limit=200)

    first_page, _rows = timed(page)
    print(f"first page of the list (200 rows, in a session): {first_page:.1f} ms")
    conn.close()
    db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, help="reuse (or keep) this database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "counts.sqlite"
        if not path.exists():
            build(path, args.persons)
        bench_counts(path)
        from bench_foundation import bench_search
        bench_search(path)


if __name__ == "__main__":
    main()
