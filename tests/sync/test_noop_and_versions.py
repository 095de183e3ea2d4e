"""A merge that brings nothing leaves the target byte for byte unchanged ("Also"),
and centers on different versions of Albergue still merge (the central upgrades first)."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

from sync_helpers import edit, file_digest, register

from albergue_sync import Options, merge_files
from albergue_sync.status import export
from factories import copy_db  # noqa: E402


def _close_wal(path) -> None:
    """Fold a file's WAL into it, so its bytes are all in the file itself."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


def test_a_repeated_merge_leaves_the_central_file_byte_for_byte(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pid = register(a, a_center)
    register(b, b_center, "Jean")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    _close_wal(central)
    before = file_digest(central)
    reports = merge_files(central, [a.path, b.path])
    assert [r.mode for r in reports] == ["incremental", "incremental"]
    _close_wal(central)
    assert file_digest(central) == before
    # A full re-read that finds nothing new does not rewrite it either.
    merge_files(central, [a.path, b.path], Options(full=True))
    _close_wal(central)
    assert file_digest(central) == before
    edit(a, pid, notes="nueva nota")  # something new: the file changes
    merge_files(central, [a.path])
    _close_wal(central)
    assert file_digest(central) != before


def test_a_repeated_pull_leaves_the_center_file_unchanged(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    usb = tmp_path / "b.sqlite"
    export(b.path, usb)  # a closed copy of center b
    merge_files(usb, [central], Options(direction="pull"))
    before = file_digest(usb)
    merge_files(usb, [central], Options(direction="pull"))
    assert file_digest(usb) == before


def test_a_mixed_version_round(two_centers, tmp_path, monkeypatch):
    """Twelve laptops do not upgrade on the same day: the central upgrades first. An older
    center's file (here one written by schema version 1) merges into the newer central,
    upgraded on a private copy (the center's file is not touched); an older albergue-sync
    refuses a newer file, or a newer central, and says which computer to upgrade."""
    from pathlib import Path

    import pytest

    from albergue_sync import SyncRefused, schema
    from sync_helpers import contents

    (b, b_center), _ = two_centers
    register(b, b_center, "Jean")
    old = tmp_path / "centro-viejo.sqlite"
    copy_db(Path(__file__).parents[1] / "data" / "schema_v1.sqlite", old)
    old_digest = file_digest(old)
    central = tmp_path / "central.sqlite"
    reports = merge_files(central, [old, b.path])
    assert [r.mode for r in reports] == ["full", "full"] and reports[0].new > 0
    assert file_digest(old) == old_digest  # upgraded on a copy only
    people = contents(central)["person"]
    assert set(contents(b.path)["person"]) <= set(people)
    # The next round: the old file is read in full again (its schema is older), brings
    # nothing new, and the central keeps what it had.
    again = merge_files(central, [old, b.path])
    assert [(r.new, r.updated) for r in again] == [(0, 0), (0, 0)]
    assert contents(central)["person"] == people

    # An older albergue-sync (one schema behind) on the central machine or at a center.
    current = schema.CURRENT_SCHEMA_VERSION
    monkeypatch.setattr(schema, "CURRENT_SCHEMA_VERSION", current - 1)
    before = file_digest(central)
    with pytest.raises(SyncRefused) as exc:
        merge_files(tmp_path / "central-viejo.sqlite", [b.path])
    text = str(exc.value)
    assert str(b.path) in text and f"esquema {current}" in text
    assert "Actualice Albergue en esta computadora" in text
    assert not (tmp_path / "central-viejo.sqlite").exists()
    old_center = tmp_path / "centro-viejo-2.sqlite"
    copy_db(Path(__file__).parents[1] / "data" / "schema_v1.sqlite", old_center)
    with pytest.raises(SyncRefused, match="Actualice Albergue en esta computadora"):
        merge_files(old_center, [central], Options(direction="pull"))
    assert file_digest(central) == before
    assert file_digest(old_center) == old_digest


def test_occupancy_is_derived_so_no_merge_writes_a_bed(two_centers, tmp_path):
    """bed.status holds only what staff set; a check-in writes the stay alone, and a merge has
    nothing to repair (no unstamped bed writes): the central's beds equal the center's."""
    from albergue_desktop.services import stays
    from albergue_desktop.services.context import SYSTEM
    from albergue_desktop.storage.bed_queries import free_beds
    from sync_helpers import contents

    (a, a_center), _ = two_centers
    pid = register(a, a_center)
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    bed_id = contents(a.path)["bed"].popitem()[0]
    stays.check_in(a, SYSTEM, person_id=pid, center_id=a_center, bed_id=bed_id)
    [report] = merge_files(central, [a.path])
    assert report.tables["bed"]["read"] == 0 and report.tables["stay"]["new"] == 1
    assert contents(central)["bed"] == contents(a.path)["bed"]
    assert {b["status"] for b in contents(central)["bed"].values()} == {"available"}
    from albergue_desktop.storage.db import Database

    with Database.open(central) as db, db.session() as s:
        free = {b.bed_id for b in free_beds(session=s, center_ids=[a_center])}
        assert bed_id not in free and len(free) == 2
    columns = [r[1] for r in sqlite3.connect(central).execute("PRAGMA table_info(household)")]
    assert "size" not in columns
