"""The demo's medical care after arrival (demo/followup.py): plausible and consistent
records that populate the health desk and the reports."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3

import pytest

from albergue_desktop.demo import generate_demo
from albergue_desktop.domain import clock, icd10
from albergue_desktop.reports.impact import compute_impact
from albergue_desktop.services import health_desk
from albergue_desktop.services.context import Actor
from albergue_desktop.storage.db import Database


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    generate_demo(db, center_code="03", persons=400, users=False)
    yield db
    db.close()


def rows(db, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{db.path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_records_are_consistent(demo):
    consults = rows(demo, "SELECT diagnosis_code, diagnosis_text, colour FROM consultation")
    assert len(consults) > 100
    for code, text, colour in consults:
        found = icd10.lookup(code)
        assert found is not None and text == found.name("es")
        assert colour in ("green", "yellow", "red")
    assert rows(demo, "SELECT count(*) FROM pregnancy_visit v JOIN person p "
                      "ON p.id = v.person_id WHERE p.sex != 'F'") == [(0,)]
    for mother_hh, baby_hh, nationality in rows(demo, """
            SELECT m.household_id, n.household_id, n.nationality FROM birth b
            JOIN person m ON m.id = b.person_id JOIN person n ON n.id = b.newborn_id"""):
        assert mother_hh == baby_hh
    statuses = {s for (s,) in rows(demo, "SELECT status FROM referral")}
    assert statuses <= {"sent", "attended", "returned", "not_attended"}
    assert rows(demo, "SELECT count(*) FROM referral WHERE status = 'returned' "
                      "AND counter_referral IS NULL") == [(0,)]


def test_desk_and_impact_are_populated(demo):
    with clock.frozen(clock.parse_as_of(demo.meta(clock.AS_OF_META_KEY))):
        sections = {k: items for k, _t, items in health_desk.desk(
            demo, Actor("salud", "salud"), center_id=demo.meta("center_id"))}
    assert sections["follow_up"] and sections["referrals"]
    # only the last day's arrivals are still to be screened
    assert 0 < len(sections["pending_screening"]) < 0.2 * 400
    values = compute_impact(demo, Actor("sup", "supervision"))
    assert values["consultations"] == rows(demo, "SELECT count(*) FROM consultation")[0][0]
    assert values["births"] == rows(demo, "SELECT count(*) FROM birth")[0][0]
