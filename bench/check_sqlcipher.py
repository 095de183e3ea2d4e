"""Check the SQLCipher build the encryption design relies on (docs/encryption.md).

Run it (sqlcipher3 is a dependency of albergue-sync):

    uv run python bench/check_sqlcipher.py [--rows 20000]

Prints the library versions, whether FTS5 is compiled in and works on an encrypted file,
whether ``sqlcipher_export`` copies between differently keyed files and from a plain file,
what the backup API does in those cases, whether any plaintext is left in the raw bytes, and
the cost of encryption as a ratio against the same engine on a plain file in the same run
(never an absolute timing).
"""

from __future__ import annotations

import argparse
import importlib.metadata as md
import os
import statistics
import tempfile
import time
from pathlib import Path

from sqlcipher3 import dbapi2 as sq

KA = "x'" + "11" * 32 + "'"
KB = "x'" + "22" * 32 + "'"


def keyed(path: Path, key: str | None):
    conn = sq.connect(str(path))
    if key:
        conn.execute(f'PRAGMA key = "{key}"')
    return conn


def fill(conn, rows: int) -> None:
    conn.execute("CREATE TABLE person(id INTEGER PRIMARY KEY, given TEXT, surnames TEXT, "
                 "note TEXT)")
    conn.execute("CREATE VIRTUAL TABLE person_fts USING fts5(given, surnames)")
    given = ["Marie", "Jean", "Rose", "Wilner", "Guerline", "Frantz", "Nadège", "Esther"]
    sur = ["Joseph", "Pierre", "Désir", "François", "Étienne", "Noël", "Valcin", "Zéphir"]
    data = [(i, f"{given[i % 8]} {given[i // 8 % 8]}", f"{sur[i // 64 % 8]} {sur[i % 7]}",
             "nota " * 20) for i in range(rows)]
    conn.executemany("INSERT INTO person VALUES (?, ?, ?, ?)", data)
    conn.execute("INSERT INTO person_fts(rowid, given, surnames) "
                 "SELECT id, given, surnames FROM person")
    conn.commit()


def timed(conn, rounds: int = 5) -> float:
    """Median of: 100 FTS prefix searches + a full scan (what search and export do)."""
    runs = []
    for _ in range(rounds):
        start = time.perf_counter()
        for term in ("mar*", "jos*", "wil*", "zep*") * 25:
            conn.execute("SELECT p.id FROM person_fts f JOIN person p ON p.id = f.rowid "
                         "WHERE person_fts MATCH ? LIMIT 50", (term,)).fetchall()
        conn.execute("SELECT * FROM person").fetchall()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()
    for name in ("sqlcipher3", "sqlcipher3-binary"):
        try:
            print(f"{name} {md.version(name)}")
        except md.PackageNotFoundError:
            pass
    folder = Path(tempfile.mkdtemp(prefix="sqlcipher-check-"))
    a, b, plain = folder / "a.db", folder / "b.db", folder / "plain.db"
    conn = keyed(a, KA)
    print("cipher_version", conn.execute("PRAGMA cipher_version").fetchone()[0])
    print("sqlite_version", conn.execute("SELECT sqlite_version()").fetchone()[0])
    print("provider", conn.execute("PRAGMA cipher_provider").fetchone()[0],
          conn.execute("PRAGMA cipher_provider_version").fetchone()[0])
    options = [r[0] for r in conn.execute("PRAGMA compile_options")]
    print("FTS compile options", [o for o in options if "FTS" in o])
    fill(conn, args.rows)
    print("FTS5 match on encrypted file",
          conn.execute("SELECT count(*) FROM person_fts WHERE person_fts MATCH 'marie'"
                       ).fetchone()[0] > 0)
    conn.execute(f"ATTACH DATABASE '{b}' AS other KEY \"{KB}\"")
    conn.execute("SELECT sqlcipher_export('other')")
    conn.execute("DETACH DATABASE other")
    conn.close()
    other = keyed(b, KB)
    print("sqlcipher_export key A -> key B:", other.execute(
        "SELECT count(*) FROM person_fts WHERE person_fts MATCH 'joseph'").fetchone()[0] > 0)
    other.close()
    raw = a.read_bytes() + b.read_bytes()
    print("plaintext in raw bytes:", any(w in raw for w in (b"Marie", b"Joseph", b"nota")))

    p = keyed(plain, None)
    fill(p, args.rows)
    enc = folder / "converted.db"
    p.execute(f"ATTACH DATABASE '{enc}' AS enc KEY \"{KA}\"")
    p.execute("SELECT sqlcipher_export('enc')")
    p.execute("DETACH DATABASE enc")
    c = keyed(enc, KA)
    print("sqlcipher_export plain -> encrypted:",
          c.execute("SELECT count(*) FROM person").fetchone()[0] == args.rows,
          "quick_check", c.execute("PRAGMA quick_check").fetchone()[0])
    c.close()

    # The backup API between differently keyed files, and from a plain file.
    src, dst = keyed(a, KA), keyed(folder / "backup-b.db", KB)
    try:
        src.backup(dst)
        dst.close()
        check = keyed(folder / "backup-b.db", KB)
        print("backup API key A -> key B: readable with key B:",
              check.execute("SELECT count(*) FROM person").fetchone()[0] == args.rows)
        check.close()
    except sq.DatabaseError as exc:
        print("backup API key A -> key B: refused:", exc)
    target = keyed(folder / "backup-enc.db", KA)
    try:
        p.backup(target)
        print("backup API plain -> encrypted: returned (check the target!)")
    except sq.DatabaseError as exc:
        print("backup API plain -> encrypted: refused:", exc)
    target.close()

    # Cost: the same engine, plain vs encrypted, same data, same run.
    enc_conn = keyed(a, KA)
    plain_t, enc_t = timed(p), timed(enc_conn)
    print(f"search+scan ratio encrypted/plain ({args.rows:,} rows): {enc_t / plain_t:.2f}x")
    p.close()
    enc_conn.close()
    for f in folder.iterdir():
        os.remove(f)
    folder.rmdir()


if __name__ == "__main__":
    main()
