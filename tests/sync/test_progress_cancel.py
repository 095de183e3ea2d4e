"""Progress reports and cancellation of a merge (for the desktop's Sync screen): a cancel
between tables rolls back the source being merged and leaves the target as it was."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

import pytest

from albergue_sync import Options, SyncCancelled, merge_files
from sync_helpers import contents, file_digest, register


def test_progress_goes_through_the_checks_and_every_table(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center, "Marie")
    register(b, b_center, "Jean")
    seen = []
    merge_files(tmp_path / "central.sqlite", [a.path, b.path],
                Options(progress=lambda *step: seen.append(step)))
    checks = [s for s in seen if s[2] == "check"]
    assert [(d, t) for d, t, _, _ in checks] == [(0, 2), (1, 2)]
    tables = [detail for _, _, stage, detail in seen if stage == "merge" and detail]
    assert tables.count("person") == 2 and tables.count("duplicate_review") == 2
    assert tables.index("center") < tables.index("person") < tables.index("stay")
    done = [(d, t) for d, t, stage, detail in seen if stage == "merge" and not detail]
    assert len(done) == 2 and all(d == t for d, t in done)


@pytest.mark.parametrize("stop_at", ["center", "person", "audit_event", ""])
def test_a_cancel_between_tables_leaves_the_target_as_it_was(two_centers, tmp_path, stop_at):
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center, "Marie")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    edit_a = register(a, a_center, "Rose")
    register(b, b_center, "Jean")
    before = file_digest(central), contents(central)
    stop = {"now": False}

    def progress(done, total, stage, detail):
        if stage == "merge" and detail == stop_at or (stop_at == "" and done == total):
            stop["now"] = True

    with pytest.raises(SyncCancelled) as err:
        merge_files(central, [a.path, b.path],
                    Options(progress=progress, cancelled=lambda: stop["now"]))
    assert "Sincronización cancelada" in str(err.value) and str(a.path) in str(err.value)
    assert err.value.reports == []
    assert (file_digest(central), contents(central)) == before
    conn = sqlite3.connect(central)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    conn.close()
    # nothing was lost: the next merge brings it all
    merge_files(central, [a.path, b.path])
    assert edit_a in contents(central)["person"]


def test_a_cancel_before_any_check_creates_no_target(two_centers, tmp_path):
    (a, _), _ = two_centers
    central = tmp_path / "new-central.sqlite"
    with pytest.raises(SyncCancelled):
        merge_files(central, [a.path], Options(cancelled=lambda: True))
    assert not central.exists()
