"""The desktop's way back for a restored backup: rekey against the central file that
refused it, then push: both histories are in the central file (docs/sync-recovery.md)."""

from __future__ import annotations


import pytest

from albergue_desktop.domain.errors import AlbergueError
from albergue_desktop.services import people, sync_files, sync_recovery
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import PersonUpdate
from albergue_sync import SyncRefused
from albergue_sync.conflicts import list_conflicts
from factories import copy_db  # noqa: E402


def test_a_restored_center_pushes_after_rekey_against_the_central(db, center, tmp_path,
                                                                   make_member):
    admin = Actor(username="admin", role="admin", center_id=center.id)
    pid = people.register_household(db, SYSTEM, center_id=center.id,
                                    members=[make_member()]).person_ids[0]
    central = tmp_path / "central.sqlite"
    sync_files.push(db, admin, central)
    backup = tmp_path / "backup.sqlite"
    db.close()
    copy_db(db.path, backup)
    db = Database.open(db.path)
    people.update_person(db, SYSTEM, pid, PersonUpdate(notes="antes de perder la laptop"))
    sync_files.push(db, admin, central)
    db.close()
    restored = Database.open(backup)
    try:
        people.update_person(restored, SYSTEM, pid, PersonUpdate(notes="del respaldo"))
        with pytest.raises(SyncRefused) as err:
            sync_files.push(restored, admin, central)
        assert "rekey" in str(err.value)
        clerk = Actor(username="registro1", role="registro", center_id=center.id)
        with pytest.raises(AlbergueError):
            sync_recovery.rekey_against(restored, clerk, central)
        report = sync_recovery.rekey_against(restored, admin, central)
        assert report.writes >= 1
        sync_files.push(restored, admin, central)
    finally:
        restored.close()
    [conflict] = [c for c in list_conflicts(central) if c["field"] == "notes"]
    assert {conflict["winner_value"], conflict["loser_value"]} == {
        "antes de perder la laptop", "del respaldo"}
