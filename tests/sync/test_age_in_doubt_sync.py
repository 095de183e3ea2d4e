"""The "edad en duda" flag (person.age_in_doubt, schema v7) travels like any person field."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

from albergue_sync import merge_files

from sync_helpers import edit, register


def flags(path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return dict(conn.execute("SELECT id, age_in_doubt FROM person"))
    finally:
        conn.close()


def test_age_in_doubt_is_merged_and_pulled_back(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    doubt = register(a, a_center, "Wilner", "Dout", age_in_doubt=True)
    sure = register(b, b_center, "Jean", "Sûr")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path, b.path])
    assert flags(central) == {doubt: 1, sure: 0}
    edit(b, sure, age_in_doubt=True)      # ticked later, in the record edit
    edit(a, doubt, age_in_doubt=False)    # and cleared at the other center
    merge_files(central, [a.path, b.path])
    assert flags(central) == {doubt: 0, sure: 1}
    merge_files(b.path, [central])        # a center takes the registry back
    assert flags(b.path)[doubt] == 0 and flags(b.path)[sure] == 1
