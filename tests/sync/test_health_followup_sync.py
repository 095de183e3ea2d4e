"""The health follow-up tables (schema v13) merge between center files: two centers record
consultations (with a correction), referrals (with a status change), pregnancy visits,
a birth and mental health notes; a central file merged in either order holds the same rows;
a center pulling without health data receives none of the other center's."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
from datetime import date

from albergue_sync import merge_files
from albergue_sync.engine import Options
from sync_helpers import contents, register

from albergue_desktop.services import consultations, mental_health, pregnancy, referrals
from albergue_desktop.services.consultations import ConsultationInput
from albergue_desktop.services.context import Actor

TABLES = ("consultation", "referral", "pregnancy_visit", "birth", "mental_health_note")


def _care(db, center_id: str, given: str) -> str:
    nurse = Actor("enf", "salud", center_id)
    pid = register(db, center_id, given, "Pierre")
    first = consultations.record_consultation(db, nurse, person_id=pid,
                                              consultation=ConsultationInput(reason="Tos"))
    consultations.record_consultation(db, nurse, person_id=pid, corrects_id=first.id,
                                      consultation=ConsultationInput(reason="Tos y fiebre"))
    ref = referrals.create_referral(db, nurse, person_id=pid, referral=referrals.ReferralInput(
        destination="Hospital General", reason="Valoración"))
    referrals.set_status(db, nurse, ref.id, "attended")
    pregnancy.record_visit(db, nurse, person_id=pid,
                           visit=pregnancy.VisitInput(gestation_weeks=36))
    pregnancy.record_birth(db, nurse, mother_id=pid, birth=pregnancy.BirthInput(
        given_names="Bebé", sex="M", born_on=date(2022, 1, 5)))
    mental_health.record_note(db, nurse, person_id=pid, kind="first_aid", note="Contención")
    return pid


def _rows(path, table: str) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute(f"SELECT id FROM {table}")}
    finally:
        conn.close()


def test_two_centers_merge_to_the_same_health_records(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    _care(a, a_center, "Marie")
    _care(b, b_center, "Rose")
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    merge_files(one, [a.path, b.path])
    merge_files(two, [b.path, a.path])
    for table in TABLES:
        merged = contents(one)[table]
        assert merged == contents(two)[table]
        assert set(merged) == _rows(a.path, table) | _rows(b.path, table)
    assert len(_rows(one, "consultation")) == 4  # corrections kept beside what they correct
    statuses = {r["status"] for r in contents(one)["referral"].values()}
    assert statuses == {"attended"}


def test_pull_without_health_brings_no_follow_up_rows(two_centers, tmp_path):
    (a, a_center), (b, b_center) = two_centers
    _care(a, a_center, "Marie")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    for table in TABLES:
        assert _rows(b.path, table) == set()
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    for table in TABLES:
        assert _rows(b.path, table) == _rows(a.path, table)
