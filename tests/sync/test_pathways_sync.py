"""The exit-pathway tables merge between center files like any synced table; the legal and
protection records stay out of a pull without health data for other centers' people; the
local occupation index never travels."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
from datetime import date

from albergue_sync import Options, merge_files
from sync_helpers import check_in, contents, register

from albergue_desktop.services import housing, job_matching, jobs, legal, schooling
from albergue_desktop.services.context import Actor
from albergue_desktop.services.housing import HomeInput
from albergue_desktop.services.legal import AsylumInput

STAFF = Actor(username="vinc", role="supervision")


def rows(path, table) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    finally:
        conn.close()


def pathways(db, center_id: str, tag: str) -> str:
    pid = register(db, center_id, f"Jean{tag}", "Pierre",
                   work_experience=[{"occupation": "Soldador", "years": 3}])
    check_in(db, pid, center_id)
    employer = jobs.save_employer(db, STAFF, name=f"Empresa {tag}")
    opening = jobs.save_opening(db, STAFF, jobs.OpeningInput(employer.id, "Soldador"))
    jobs.place(db, STAFF, person_id=pid, opening_id=opening.id)
    job_matching.ensure_index(db, STAFF)
    home = housing.save_home(db, STAFF, HomeInput(address=f"Calle {tag} 1", rent=3000))
    lease = housing.create_lease(db, STAFF, home_id=home.id, start_date=date(2022, 1, 1))
    with db.session() as s:
        from albergue_desktop.storage.tables import Person
        hh = s.get(Person, pid).household_id
    housing.move_in(db, STAFF, lease_id=lease.id, household_id=hh)
    legal.save_asylum(db, STAFF, pid, AsylumInput(filed_on=date(2022, 1, 2)))
    schooling.save_group(db, STAFF, name=f"Grupo {tag}", member_ids=[pid])
    return pid


def test_two_centers_merge_to_the_same_pathways(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pathways(a, a_center, "A")
    pid_b = pathways(b, b_center, "B")
    c1, c2 = tmp_path / "c1.sqlite", tmp_path / "c2.sqlite"
    merge_files(c1, [a.path, b.path])
    merge_files(c2, [b.path, a.path])
    tables = ("employer", "job_opening", "job_placement", "home", "lease", "lease_household",
              "discharge", "asylum_application", "spanish_group")
    one, two = contents(c1), contents(c2)
    for table in tables:
        assert len(one[table]) == 2, table
        assert one[table] == two[table], table
    assert rows(c1, "person_occupation") == 0  # local and derived: rebuilt where needed
    # a center pulling without health data does not get the other center's COMAR case
    merge_files(a.path, [c1], Options(direction="pull", with_health=False))
    conn = sqlite3.connect(f"file:{a.path}?mode=ro", uri=True)
    try:
        people = {r[0] for r in conn.execute("SELECT person_id FROM asylum_application")}
    finally:
        conn.close()
    assert pid_b not in people and len(people) == 1
    assert rows(a.path, "discharge") == 2  # discharges are not protection data


def test_a_rebuilt_index_after_a_merge_finds_the_other_centers_welders(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    pid_b = register(b, b_center, "Wilson", "Joseph",
                     work_experience=[{"occupation": "sodè", "years": 4}])
    employer = jobs.save_employer(a, STAFF, name="Taller")
    opening = jobs.save_opening(a, STAFF, jobs.OpeningInput(employer.id, "Soldador"))
    assert job_matching.match_people(a, STAFF, opening.id) == []
    merge_files(a.path, [b.path])
    assert [s.person_id for s in job_matching.match_people(a, STAFF, opening.id)] == [pid_b]
