"""The demo played to the end of the program: everyone discharged by 31 March 2022, centers
closed, every pathway line of the impact report a number."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from albergue_desktop.demo import generate_demo
from albergue_desktop.domain import clock
from albergue_desktop.reports import impact
from albergue_desktop.services.context import SYSTEM


def test_the_demo_runs_to_the_end_of_the_program(db):
    generate_demo(db, persons=120, centers=2, to_end=True)
    with db.read_session() as s:
        q = lambda sql: s.connection().execute(text(sql)).scalar_one()  # noqa: E731
        assert q("SELECT count(*) FROM stay WHERE check_out IS NULL AND deleted = 0") == 0
        assert q("SELECT count(*) FROM center WHERE status != 'closed'") == 0
        assert q("SELECT max(check_out) FROM stay") < "2022-04-01 08:00"
        assert q("SELECT value FROM meta WHERE key = 'as_of'") == "2022-03-31"
        pairs = q("SELECT count(*) FROM lease_household") / max(q("SELECT count(*) FROM lease"), 1)
    assert pairs == 2  # two households per home, as in the program
    with clock.frozen(date(2022, 3, 31)):
        values = impact.compute_impact(db, SYSTEM)
    assert values["admissions"] == values["discharges"] == 120
    for key in ("homes_rented", "families_housed", "school_enrollments", "adults_revalidated",
                "rfc_processed", "formal_jobs", "people_placed"):
        assert values[key], key
    assert values["formal_jobs"] >= values["people_placed"]  # places activated, not people
