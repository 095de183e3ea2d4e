"""People-list filters of queries.find_people / count_people: center, status, nationality,
specific need and household, alone, combined, with text search and with keyset paging."""

from __future__ import annotations

import pytest

from albergue_desktop.services import centers, people, stays
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage import queries


@pytest.fixture
def town(db, center, make_member):
    """Six people: one present, one discharged, four only registered; two Hondurans; needs."""
    member = make_member

    def honduran(*args, **kwargs):
        return member(*args, **kwargs).model_copy(update={"nationality": "HN"})

    other = centers.create_center(db, SYSTEM, code="05", name="Centro Comunitario 5")
    a = people.register_household(db, SYSTEM, center_id=center.id, members=[
        member("Marie", "Joseph", specific_needs=["WR-LC"]),
        member("Jean", "Joseph", sex="M", relationship="spouse"),
        member("Rose", "Joseph", relationship="child", specific_needs=["SC-SC", "WR-LC"])])
    b = people.register_household(db, SYSTEM, center_id=center.id, members=[
        honduran("Luis", "Pérez", sex="M")])
    c = people.register_household(db, SYSTEM, center_id=other.id, members=[
        honduran("Ana", "Pérez"),
        member("Sofía", "Pérez", relationship="child")])
    stays.check_in(db, SYSTEM, person_id=a.person_ids[0], center_id=center.id)
    stays.check_in(db, SYSTEM, person_id=a.person_ids[1], center_id=center.id)
    stays.check_out(db, SYSTEM, person_id=a.person_ids[1], reason="housing")
    ids = dict(zip(["marie", "jean", "rose"], a.person_ids))
    ids.update(luis=b.person_ids[0], ana=c.person_ids[0], sofia=c.person_ids[1])
    return {"ids": ids, "household": a.household_id, "other": other.id, "center": center.id}


def _names(db, **filters):
    with db.session() as s:
        rows = queries.find_people(session=s, **filters)
        count = queries.count_people(session=s, **filters)
    assert count == len(rows)  # the total shown matches the list
    return sorted(r.given_names for r in rows)


def test_each_filter_alone(db, town):
    assert _names(db, status="present") == ["Marie"]
    assert _names(db, status="discharged") == ["Jean"]
    assert _names(db, status="registered") == ["Ana", "Luis", "Rose", "Sofía"]
    assert _names(db, status="in_transit") == []
    assert _names(db, nationality="hn") == ["Ana", "Luis"]
    assert _names(db, need="WR-LC") == ["Marie", "Rose"]
    assert _names(db, need="SC-SC") == ["Rose"]
    assert _names(db, household_id=town["household"]) == ["Jean", "Marie", "Rose"]
    assert _names(db, center_id=town["other"]) == ["Ana", "Sofía"]
    assert len(_names(db)) == 6


def test_filters_combine_and_apply_to_text_search(db, town):
    assert _names(db, center_id=town["center"], nationality="HT") == ["Jean", "Marie", "Rose"]
    assert _names(db, household_id=town["household"], status="registered") == ["Rose"]
    with db.session() as s:
        rows = queries.find_people(session=s, text_query="perez", nationality="HN")
        assert sorted(r.given_names for r in rows) == ["Ana", "Luis"]
        rows = queries.find_people(session=s, text_query="joseph", status="present")
        assert [r.given_names for r in rows] == ["Marie"]


def test_keyset_paging_works_with_filters(db, town):
    with db.session() as s:
        everyone = queries.find_people(session=s, nationality="HT")
        page1 = queries.find_people(session=s, nationality="HT", limit=2)
        page2 = queries.find_people(session=s, nationality="HT", limit=2,
                                    before_rowid=page1[-1].rowid)
        page3 = queries.find_people(session=s, nationality="HT", limit=2,
                                    before_rowid=page2[-1].rowid)
    assert len(everyone) == 4 and len(page3) == 0
    assert [r.id for r in page1 + page2] == [r.id for r in everyone]


def test_unknown_status_is_a_bug(db, town):
    with db.session() as s, pytest.raises(ValueError):
        queries.find_people(session=s, status="gone")
