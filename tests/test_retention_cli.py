"""``albergue retention --months N``: signed in, for the roles that answer data-protection
requests; erases whoever left more than N months ago, keeps the de-identified fields."""

from __future__ import annotations

from pathlib import Path

from albergue_sync import dbapi as sqlite3
from test_albergue_cli import as_user, run

from albergue_desktop.domain import clock


def _left_before(path: Path, months: int) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        from albergue_desktop.storage.db import Database

        db = Database.open(path)
        try:
            with clock.frozen(clock.parse_as_of(db.meta(clock.AS_OF_META_KEY))):
                cutoff = clock.now()
        finally:
            db.close()
        from datetime import timedelta

        limit = (cutoff - timedelta(days=30 * months)).strftime("%Y-%m-%d %H:%M:%S.%f")
        return {r[0] for r in conn.execute(
            "SELECT p.id FROM person p WHERE EXISTS (SELECT 1 FROM stay s WHERE "
            "s.person_id = p.id AND s.deleted = 0) AND NOT EXISTS (SELECT 1 FROM stay s "
            "WHERE s.person_id = p.id AND s.deleted = 0 AND (s.check_out IS NULL "
            "OR s.check_out >= ?))", (limit,))}
    finally:
        conn.close()


def test_retention_erases_who_left_long_ago(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    code, _, err = run(capsys, "demo", "--db", str(path), "--persons", "120", "--seed", "4",
                       "--to-end")
    assert code == 0, err
    due = _left_before(path, 2)
    assert due  # the program ended: people left months before its last day
    code, out, err = run(capsys, "retention", "--db", str(path), "--months", "2")
    assert code == 2 and "--user" in err
    code, out, err = run(capsys, "retention", "--db", str(path), "--months", "2",
                         *as_user(tmp_path, "registro"))
    assert code == 1 and out == ""
    me = as_user(tmp_path, "coordinacion")
    code, out, err = run(capsys, "retention", "--db", str(path), "--months", "2",
                         "--dry-run", *me)
    assert code == 0 and f"{len(due)} personas egresaron" in out, err
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM person WHERE erased_at IS NOT NULL"
                        ).fetchone() == (0,)
    conn.close()
    code, out, err = run(capsys, "retention", "--db", str(path), "--months", "2", *me)
    assert code == 0 and f"Se borraron {len(due)} personas" in out, err
    conn = sqlite3.connect(path)
    try:
        erased = {r[0] for r in conn.execute(
            "SELECT id FROM person WHERE erased_at IS NOT NULL AND given_names = '' "
            "AND folio IS NULL AND sex IS NOT NULL AND nationality IS NOT NULL")}
        assert erased == due
        assert conn.execute(
            "SELECT count(*) FROM consultation WHERE person_id IN (SELECT id FROM person "
            "WHERE erased_at IS NOT NULL)").fetchone() == (0,)
        # the stays stay: arrivals and departures still count
        assert conn.execute(
            "SELECT count(DISTINCT person_id) FROM stay WHERE person_id IN (SELECT id FROM "
            "person WHERE erased_at IS NOT NULL)").fetchone() == (len(due),)
        still = conn.execute("SELECT count(*) FROM person WHERE erased_at IS NULL"
                             ).fetchone()[0]
    finally:
        conn.close()
    assert still == 120 - len(due)
    code, out, err = run(capsys, "retention", "--db", str(path), "--months", "2", *me)
    assert code == 0 and "Se borraron 0 personas" in out
