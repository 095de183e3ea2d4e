"""An incremental merge costs what the changes cost, not what the central file holds (docs/sync-design.md
guarantee 5): counted in SQLite virtual-machine instructions of the merge's
target connection, which are deterministic (no timing)."""

from __future__ import annotations


from sync_helpers import bulk_people, edit, make_center, register

from albergue_desktop.services import stays
from albergue_desktop.services.context import SYSTEM
from albergue_sync import files as sync_files
from albergue_sync import merge_files
from factories import copy_db  # noqa: E402

STEP = 100  # instructions per progress callback


def _counted_merge(monkeypatch, target, sources) -> int:
    """SQLite instructions run on connections that write ``target`` during a merge."""
    count = [0]
    real = sync_files.connect

    def counting(path, *, readonly):
        conn = real(path, readonly=readonly)
        if not readonly and str(path) == str(target):
            def tick():
                count[0] += STEP
                return 0
            conn.set_progress_handler(tick, STEP)
        return conn

    monkeypatch.setattr(sync_files, "connect", counting)
    try:
        merge_files(target, sources)
    finally:
        monkeypatch.undo()
    return count[0]


def _open_stays_for_everyone(path) -> None:
    """Give every person of a closed file without a stay an open stay (a copy of the file's
    one stay, new ids, proper stamps)."""
    import json
    from albergue_sync import dbapi as sqlite3
    import uuid

    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        cur = conn.execute("SELECT * FROM stay LIMIT 1")
        names = [d[0] for d in cur.description]
        template = dict(zip(names, cur.fetchone()))
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        site, seq, hlc = meta["site_id"], int(meta["seq_last"]), int(meta["hlc_last"]) + 1
        people = [r[0] for r in conn.execute(
            "SELECT id FROM person WHERE id NOT IN (SELECT person_id FROM stay)")]
        rows = []
        for i, pid in enumerate(people, 1):
            row = dict(template, id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"stay-{pid}")),
                       person_id=pid, bed_id=None, hlc=hlc, change_seq=seq + i,
                       vv=json.dumps({site: seq + i}), fv=json.dumps({"*": [hlc, site, seq + i]}))
            rows.append([row[n] for n in names])
        conn.executemany(f"INSERT INTO stay ({', '.join(names)}) VALUES "
                         f"({', '.join('?' for _ in names)})", rows)
        conn.executemany("UPDATE meta SET value = ? WHERE key = ?",
                         [(str(seq + len(rows)), "seq_last"), (str(hlc), "hlc_last")])
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_incremental_merge_cost_is_flat_when_the_central_doubles(two_centers, tmp_path,
                                                                monkeypatch):
    (a, a_center), _ = two_centers
    people = [register(a, a_center, name) for name in ("Ana", "Bea", "Cleo", "Dora")]
    stays.check_in(a, SYSTEM, person_id=people[0], center_id=a_center)
    fillers = []
    for k in range(2):  # two other centers with many people, each with an open stay
        db, center_id = make_center(tmp_path / f"f{k}.sqlite", f"1{k}")
        pid = register(db, center_id, "Relleno")
        stays.check_in(db, SYSTEM, person_id=pid, center_id=center_id)
        db.close()
        bulk_people(db.path, 1500, prefix=f"f{k}")
        _open_stays_for_everyone(db.path)
        fillers.append(db.path)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, fillers[0]])
    small = tmp_path / "small.sqlite"
    copy_db(central, small)
    merge_files(central, [fillers[1]])  # the central doubles
    # The same changes (an edit, a check-out, a check-in, a delete) into both.
    edit(a, people[1], notes="nota nueva")
    stays.check_out(a, SYSTEM, person_id=people[0], reason="voluntary")
    stays.check_in(a, SYSTEM, person_id=people[2], center_id=a_center)
    from sync_helpers import delete

    delete(a, people[3])
    costs = [_counted_merge(monkeypatch, target, [a.path]) for target in (small, central)]
    # A central twice as large: about the same work.
    assert costs[1] <= costs[0] * 1.2, costs
    # The count sees the merge itself (one target connection carries every source's
    # transaction): merging the same file again, with nothing new, costs less.
    idle = _counted_merge(monkeypatch, small, [a.path])
    assert 0 < idle < costs[0], (idle, costs)
