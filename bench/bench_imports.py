"""Bulk registration (the spreadsheet import's write path) beside the path it replaces, in
the same run: ``services.imports.register_households`` against one
``services.people.register_household`` ORM round per household in one shared session (the
import of schema <= 5). Same households, same fresh center file each, stamps and audit
events on both sides. Target: at least 3x the rows per second.

Usage: uv run python bench/bench_imports.py [--households 3000]
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from datetime import date
from pathlib import Path

from albergue_desktop.services import centers, imports, people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import IdentityDocumentBase

TODAY = date(2021, 12, 10)
GIVEN = "Jean Marie Pierre Rose Marc Anne Joseph Claude Louis Nadia Wesner Fabiola".split()
SURNAMES = "Joseph Pierre Jean Louis Charles Baptiste Francois Paul Michel Desir".split()


def plan(households: int) -> list[list[people.MemberInput]]:
    rng = random.Random(3)
    out = []
    for h in range(households):
        surname = rng.choice(SURNAMES)
        size = rng.choice((1, 1, 2, 3, 4, 5))
        members = []
        for m in range(size):
            relationship = "head" if m == 0 else ("spouse" if m == 1 else "child")
            birth = date(1985, 1, 1) if m < 2 else date(2012 + m, 6, 1)
            docs = [IdentityDocumentBase(doc_type="passport", number=f"HT{h:05d}{m}",
                                         issuing_country="HT")] if m < 2 else []
            members.append(people.MemberInput(
                given_names=rng.choice(GIVEN), surnames=surname, sex="MF"[m % 2],
                birth_date=birth, relationship=relationship, nationality="HT",
                documents=docs))
        out.append(members)
    return out


def fresh(path: Path) -> tuple[Database, str]:
    db = Database.open(path)
    center, _ = centers.init_center_database(
        db, center_code="03", center_name="Centro 3", city_prefix="MXL",
        admin_username="admin", admin_password="contraseña-de-bench")
    return db, center.id


def old_path(db: Database, center_id: str, households) -> None:
    with db.session(SYSTEM.username) as session:
        for members in households:
            people.register_household(db, SYSTEM, center_id=center_id, members=members,
                                      today=TODAY, session=session)
            session.flush()
            session.expunge_all()


def new_path(db: Database, center_id: str, households) -> None:
    imports.register_households(db, SYSTEM, center_id=center_id, households=households,
                                today=TODAY)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=3000)
    args = parser.parse_args()
    households = plan(args.households)
    rows = sum(len(h) for h in households)
    best = {}
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(2):  # interleaved, best of two: a busy machine slows both alike
            for name, fn in (("one ORM round per household", old_path),
                             ("register_households (bulk)", new_path)):
                db, center_id = fresh(Path(tmp) / f"{run}-{len(best)}-{name[:3]}.sqlite")
                start = time.perf_counter()
                fn(db, center_id, households)
                took = time.perf_counter() - start
                with db.read_session() as s:
                    from albergue_desktop.storage import queries
                    assert queries.count_people(session=s) == rows
                db.close()
                best[name] = min(best.get(name, float("inf")), took)
    old, new = best.values()
    print(f"{len(households):,} households, {rows:,} people:")
    for name, took in best.items():
        print(f"  {name:<30} {took:6.2f} s  {rows / took:8,.0f} rows/s")
    print(f"  ratio {old / new:.1f}x (target >= 3x)")


if __name__ == "__main__":
    main()
