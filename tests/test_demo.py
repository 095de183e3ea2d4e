"""The synthetic demo population: size and shape of the default scenario, the rules every
real registration obeys (validators, folios, stays, beds), version stamps on every row, and
reproducibility by seed."""

from __future__ import annotations

import json
import re
from albergue_sync import dbapi as sqlite3
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from argon2 import PasswordHasher
from sqlmodel import select
from stdnum.mx import curp as stdnum_curp
from stdnum.mx import rfc as stdnum_rfc

from albergue_desktop.demo import DEMO_PASSWORD, generate_demo
from albergue_desktop.demo.catalog import AS_OF, SPHERE_COLD_M2_PER_PERSON
from albergue_desktop.demo.identity import make_curp, make_rfc
from albergue_desktop.domain.enums import SPECIFIC_NEEDS
from albergue_desktop.domain.errors import AlbergueError, RuleViolation
from albergue_desktop.domain.validation import (
    validate_document, validate_person, validate_vaccination,
)
from albergue_desktop.services import auth
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import search_people
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.tables import SYNCED_TABLES, IdentityDocument, Person, Vaccination

TODAY = AS_OF  # the demo's day: nothing in it may be later


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The default scenario (12 centers, 2,767 people), generated once for this module."""
    db = Database.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(auth, "_hasher", PasswordHasher(time_cost=1, memory_cost=1024,
                                                   parallelism=1))
        result = generate_demo(db, seed=0)
    yield db, result
    db.close()


def sql(db: Database, query: str, *params):
    conn = sqlite3.connect(db.path)
    try:
        return conn.execute(query, params).fetchall()
    finally:
        conn.close()


def test_default_scenario_size(demo):
    db, result = demo
    assert result.persons == 2767
    assert sql(db, "SELECT count(*) FROM person")[0][0] == 2767
    # the program discharged 922 families for 2,767 people: about 3 people a household
    assert 850 <= result.households <= 1000
    assert sql(db, "SELECT count(*) FROM household")[0][0] == result.households
    centers = sql(db, "SELECT code, name, city_prefix FROM center ORDER BY code")
    assert centers == [(f"{n:02d}", f"Centro Comunitario {n}", "MXL") for n in range(1, 13)]
    profiles = Counter(p for (p,) in sql(db, "SELECT profile FROM center"))
    assert {"families", "single_men", "women_children", "maternity", "isolation",
            "chronic_care"} == set(profiles)


def test_households_have_realistic_sizes_and_one_head(demo):
    db, _ = demo
    rows = sql(db, """SELECT h.id, (SELECT count(*) FROM person p WHERE p.household_id = h.id
                             AND p.deleted = 0), h.head_person_id,
                             (SELECT count(*) FROM person p WHERE p.household_id = h.id),
                             (SELECT group_concat(p.id) FROM person p
                              WHERE p.household_id = h.id AND p.relationship = 'head')
                      FROM household h""")
    sizes = Counter(size for _, size, _, _, _ in rows)
    assert set(sizes) <= set(range(1, 8)) and {1, 2, 3, 4, 5} <= set(sizes)
    assert sizes[1] > sizes[5] > sizes[7]  # singles are the most common, big families rare
    for _, size, head, members, heads in rows:
        assert members == size
        assert heads == head  # exactly one head, and the household points at it


def test_every_person_has_a_unique_folio_of_their_center(demo):
    db, _ = demo
    rows = sql(db, """SELECT p.folio, c.code FROM person p JOIN center c ON c.id = p.center_id""")
    assert len(rows) == 2767
    assert all(re.fullmatch(rf"MXL-{code}-\d{{6}}", folio) for folio, code in rows)
    assert len({folio for folio, _ in rows}) == len(rows)


def test_stays_and_beds_follow_the_stay_rules(demo):
    db, result = demo
    open_per_person = sql(db, """SELECT person_id, count(*) FROM stay WHERE check_out IS NULL
                                 GROUP BY person_id HAVING count(*) > 1""")
    assert open_per_person == []
    open_per_bed = sql(db, """SELECT bed_id, count(*) FROM stay WHERE check_out IS NULL
                              GROUP BY bed_id HAVING count(*) > 1""")
    assert open_per_bed == []
    assert sql(db, """SELECT count(*) FROM person p
                      WHERE NOT EXISTS (SELECT 1 FROM stay s WHERE s.person_id = p.id)""") == [(0,)]
    # a bed's status is only what staff set (occupancy is the open stays, schema v0010);
    # beds of open stays are in service and sit in the stay's center
    assert sql(db, "SELECT DISTINCT status FROM bed ORDER BY 1") == [
        ("available",), ("out_of_service",)]
    assert sql(db, """SELECT count(*) FROM stay s JOIN bed b ON b.id = s.bed_id
                      WHERE s.check_out IS NULL AND b.status <> 'available'""") == [(0,)]
    assert sql(db, """SELECT count(*) FROM stay s JOIN bed b ON b.id = s.bed_id
                      WHERE b.center_id != s.center_id""") == [(0,)]
    present = sql(db, "SELECT count(*) FROM stay WHERE check_out IS NULL")[0][0]
    assert present == result.present and 0.6 * 2767 < present < 0.95 * 2767
    reasons = Counter(r for (r,) in sql(db, "SELECT reason FROM stay WHERE check_out IS NOT NULL"))
    assert {"housing", "transfer", "other_city", "voluntary"} <= set(reasons)
    assert sql(db, "SELECT count(*) FROM stay WHERE check_out < check_in") == [(0,)]
    assert sql(db, """SELECT count(*) FROM stay WHERE check_out IS NOT NULL
                      AND reason IS NULL""") == [(0,)]


def test_transfers_keep_the_person_and_continue_at_another_center(demo):
    db, _ = demo
    transfers = sql(db, """SELECT a.person_id, a.center_id, a.check_out, a.destination,
                                  b.center_id, b.check_in, c.name
                           FROM stay a JOIN stay b ON b.person_id = a.person_id
                                AND b.check_in = a.check_out AND b.id != a.id
                           JOIN center c ON c.id = b.center_id
                           WHERE a.reason = 'transfer'""")
    assert len(transfers) >= 10
    assert len(transfers) == sql(db, "SELECT count(*) FROM stay WHERE reason = 'transfer'")[0][0]
    for _, old, _, destination, new, _, new_name in transfers:
        assert old != new and destination == new_name


def test_beds_are_enough_and_areas_respect_sphere_space(demo):
    db, _ = demo
    kinds = Counter(k for (k,) in sql(db, "SELECT kind FROM bed"))
    assert {"cot", "mat", "crib"} <= set(kinds)
    for area_m2, beds in sql(db, """SELECT a.area_m2, (SELECT count(*) FROM bed b
                                    WHERE b.area_id = a.id) FROM area a"""):
        assert beds > 0 and area_m2 >= SPHERE_COLD_M2_PER_PERSON * beds
    # infants sleep in cribs
    assert sql(db, """SELECT count(*) FROM stay s JOIN person p ON p.id = s.person_id
                      JOIN bed b ON b.id = s.bed_id
                      WHERE b.kind = 'crib' AND p.birth_date < '2018-01-01'""") == [(0,)]


def test_every_row_passes_the_domain_validators(demo):
    db, _ = demo
    with db.session() as session:
        people = session.exec(select(Person)).all()
        docs = session.exec(select(IdentityDocument)).all()
        vaccines = session.exec(select(Vaccination)).all()
    errors = []
    for p in people:
        errors += validate_person(p.model_dump(), today=TODAY)
    for d in docs:
        errors += validate_document(d.model_dump(), today=TODAY)
    for v in vaccines:
        errors += validate_vaccination(v.model_dump(), today=TODAY)
    assert errors == []
    curps = [p for p in people if p.curp]
    assert 0.1 * len(people) < len(curps) < 0.6 * len(people)  # some, not all
    for p in curps:
        stdnum_curp.validate(p.curp)
        assert p.curp[11:13] == ("BC" if p.country_of_birth == "MX" else "NE")  # born abroad
        assert stdnum_curp.get_birth_date(p.curp) == p.birth_date
        assert stdnum_curp.get_gender(p.curp) == p.sex
    rfcs = [p.rfc for p in people if p.rfc]
    assert rfcs and all(stdnum_rfc.is_valid(r, validate_check_digits=True) for r in rfcs)


def test_population_is_plausible(demo):
    db, _ = demo
    with db.session() as session:
        people = session.exec(select(Person)).all()
    nationality = Counter(p.country_of_birth for p in people)
    assert nationality["HT"] > 0.6 * len(people)
    assert nationality["HN"] and nationality["GT"] and nationality["SV"]
    names = [f"{p.given_names} {p.surnames}" for p in people]
    assert any("-" in n for n in names) and any("'" in n for n in names)
    assert any(ch in "áéíóúñ" for n in names if n for ch in n)  # Spanish accents kept
    ages = [(date(2022, 1, 1) - p.birth_date).days / 365.25 for p in people]
    children = sum(a < 18 for a in ages) / len(ages)
    assert 0.2 < children < 0.5 and any(a >= 60 for a in ages) and any(a < 1 for a in ages)
    assert {"F", "M"} == {p.sex for p in people}
    assert all(date(2021, 12, 9) <= p.arrival_date <= AS_OF for p in people)
    haitian_adults = [p for p, a in zip(people, ages) if p.country_of_birth == "HT" and a >= 18]
    assert all({"code": "ht", "level": "native"} in p.languages for p in haitian_adults)
    needs = Counter(code for p in people for code in p.specific_needs)
    assert set(needs) <= set(SPECIFIC_NEEDS)
    assert {"SP-PT", "WR-LC", "SM-CI", "LP-ND", "SC-UC"} <= set(needs)
    assert sum(needs.values()) < 0.5 * len(people)
    consented = [p for p in people if p.consent_given]
    assert len(consented) > 0.9 * len(people)
    assert all(p.consent_by and p.consent_purposes and p.consent_at for p in consented)
    assert sum(bool(p.work_experience) for p in people) > 0.4 * len(people)
    assert any(p.migratory_status == "tvrh" and p.migratory_status_until for p in people)


def test_documents_and_vaccinations(demo):
    db, _ = demo
    docs = Counter(t for (t,) in sql(db, "SELECT doc_type FROM identity_document"))
    assert {"passport", "ht_nif", "ht_cin", "ht_ninu", "tvrh_card", "comar_constancia",
            "curp", "birth_certificate", "national_id"} <= set(docs)
    courses = {"Pfizer": 2, "AstraZeneca": 2, "Moderna": 2, "Sputnik V": 2, "Sinovac": 2,
               "CanSino": 1, "Janssen": 1}
    covid = sql(db, """SELECT person_id, brand, max(dose), count(*) FROM vaccination
                       WHERE vaccine = 'COVID-19' GROUP BY person_id""")
    assert len(covid) > 0.3 * 2767
    for _, brand, last_dose, doses in covid:
        assert brand in courses and 1 <= last_dose <= courses[brand] and doses == last_dose


def test_every_row_is_stamped_for_sync(demo):
    db, _ = demo
    seqs = []
    for table in SYNCED_TABLES:
        for seq, site, hlc, vv, fv, created in sql(
                db, f"SELECT change_seq, site_id, hlc, vv, fv, created_at "
                    f"FROM {table.__tablename__}"):
            assert site == db.site_id and created is not None and hlc > 0
            assert json.loads(vv) == {db.site_id: seq}
            assert json.loads(fv) == {"*": [hlc, db.site_id, seq]}
            seqs.append(seq)
    assert len(seqs) == len(set(seqs)) and min(seqs) == 1
    assert max(seqs) == int(db.meta("seq_last"))
    # bulk rows write no audit events; the demo users are created through the service
    assert sql(db, "SELECT count(*) FROM audit_event WHERE table_name = 'person'") == [(0,)]
    assert auth.verify_password(sql(db, "SELECT password_hash FROM app_user "
                                        "WHERE username = 'admin'")[0][0], DEMO_PASSWORD)


def test_file_integrity_foreign_keys_and_full_text_index(demo):
    db, _ = demo
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]
    assert sql(db, "PRAGMA foreign_key_check") == []
    sql(db, "INSERT INTO person_fts(person_fts) VALUES ('integrity-check')")
    # every person is indexed with their names and all their document numbers
    rows = sql(db, """SELECT f.name, f.ident, p.given_names || ' ' || p.surnames || ' ' ||
                             coalesce(p.document_name, ''),
                             p.folio || ' ' || coalesce(p.curp, '') || ' ' || coalesce(p.rfc, '')
                             || ' ' || coalesce((SELECT group_concat(d.number_key, ' ')
                                                 FROM identity_document d
                                                 WHERE d.person_id = p.id), '')
                      FROM person p JOIN person_key k ON k.person_id = p.id
                      JOIN person_fts f ON f.rowid = k.n""")
    assert len(rows) == 2767
    assert all(name == want_name and sorted(ident.split()) == sorted(want_ident.split())
               for name, ident, want_name, want_ident in rows)


def test_search_finds_demo_people_by_name_and_document(demo):
    db, _ = demo
    folio, given, surnames, number = sql(db, """
        SELECT p.folio, p.given_names, p.surnames, d.number FROM person p
        JOIN identity_document d ON d.person_id = p.id
        WHERE d.doc_type = 'passport' AND p.given_names LIKE '%-%' LIMIT 1""")[0]
    query = f"{given.lower().replace('-', ' ')} {surnames.split()[0][:4]}"
    assert folio in [r.folio for r in search_people(db, SYSTEM, query, limit=500)]
    assert [r.folio for r in search_people(db, SYSTEM, number)] == [folio]


def _snapshot(db: Database) -> dict[str, list]:
    """The data without ids and timestamps: what the same seed must reproduce."""
    return {
        "people": sql(db, """SELECT folio, given_names, surnames, document_name, sex, birth_date,
            nationality, relationship, languages, education_level, work_experience, phone,
            migratory_status, migratory_status_until, curp, rfc, specific_needs, consent_at,
            arrival_date FROM person ORDER BY folio"""),
        "documents": sql(db, """SELECT p.folio, d.doc_type, d.number, d.expiry_date
            FROM identity_document d JOIN person p ON p.id = d.person_id ORDER BY 1, 2, 3"""),
        "vaccines": sql(db, """SELECT p.folio, v.vaccine, v.brand, v.dose, v.date, v.lot
            FROM vaccination v JOIN person p ON p.id = v.person_id ORDER BY 1, 2, 4"""),
        "stays": sql(db, """SELECT p.folio, c.code, b.code, s.check_in, s.check_out, s.reason
            FROM stay s JOIN person p ON p.id = s.person_id JOIN center c ON c.id = s.center_id
            LEFT JOIN bed b ON b.id = s.bed_id ORDER BY 1, 4"""),
        "beds": sql(db, """SELECT c.code, a.name, a.area_m2, b.code, b.kind, b.status
            FROM bed b JOIN area a ON a.id = b.area_id JOIN center c ON c.id = b.center_id
            ORDER BY 1, 2, 4"""),
    }


def test_same_seed_gives_the_same_data(tmp_path):
    snapshots = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        with Database.open(tmp_path / f"{name}.sqlite") as db:
            generate_demo(db, persons=300, seed=seed, users=False)
            snapshots.append(_snapshot(db))
    assert snapshots[0] == snapshots[1]
    assert len(snapshots[0]["people"]) == 300
    assert snapshots[0]["people"] != snapshots[2]["people"]


def test_single_center_database(tmp_path):
    with Database.open(tmp_path / "laptop.sqlite") as db:
        result = generate_demo(db, center_code="7", persons=150, seed=3)
        assert result.centers == 1 and result.persons == 150
        centers = sql(db, "SELECT id, code, name FROM center")
        assert [c[1:] for c in centers] == [("07", "Centro Comunitario 7")]
        assert db.meta("center_id") == centers[0][0]
        folios = [f for (f,) in sql(db, "SELECT folio FROM person ORDER BY folio")]
        assert folios == [f"MXL-07-{n:06d}" for n in range(1, 151)]
        assert sql(db, "SELECT DISTINCT center_id FROM stay") == [(centers[0][0],)]
        assert sql(db, "SELECT count(*) FROM stay WHERE reason = 'transfer'") == [(0,)]
        assert sql(db, "SELECT DISTINCT center_id FROM app_user") == [(centers[0][0],)]


def test_default_size_of_a_single_center_is_its_share(tmp_path):
    with Database.open(tmp_path / "laptop.sqlite") as db:
        assert generate_demo(db, center_code="12", users=False).persons == round(2767 / 12)


def test_refuses_a_database_that_has_data(tmp_path):
    with Database.open(tmp_path / "x.sqlite") as db:
        generate_demo(db, persons=20, users=False)
        before = sql(db, "SELECT count(*) FROM person")
        with pytest.raises(RuleViolation, match="ya tiene datos"):
            generate_demo(db, persons=20, users=False)
        assert sql(db, "SELECT count(*) FROM person") == before


def test_invalid_center_code_is_a_user_error(tmp_path):
    with Database.open(tmp_path / "x.sqlite") as db:
        with pytest.raises(AlbergueError, match="1 a 3 dígitos"):
            generate_demo(db, center_code="A1")
        assert sql(db, "SELECT count(*) FROM center") == [(0,)]


@pytest.mark.parametrize("given, surnames, birth, sex, head", [
    ("Marie-Claude", "Saint-Vil", date(1990, 5, 1), "F", "SAXM"),
    ("Jeanne D'Arc", "L'Espérance", date(2003, 2, 14), "F", "LEXJ"),
    ("José Luis", "Núñez Girón", date(1985, 11, 30), "M", "NUGL"),  # JOSE is skipped
    ("Ignacio", "Bueno Estrada", date(1979, 7, 4), "M", "BXEI"),  # BUEI is forbidden
])
def test_curps_follow_renapo_and_pass_stdnum(given, surnames, birth, sex, head):
    import random
    curp = make_curp(random.Random(1), given, surnames, birth, sex)
    assert stdnum_curp.validate(curp) == curp
    assert curp[:4] == head and curp[11:13] == "NE"
    assert stdnum_curp.get_birth_date(curp) == birth
    assert curp[16].isdigit() == (birth.year < 2000)
    rfc = make_rfc(random.Random(2), curp)
    assert stdnum_rfc.validate(rfc, validate_check_digits=True) == rfc and rfc[:10] == curp[:10]


def test_progress_is_reported_up_to_the_total(tmp_path):
    calls = []
    with Database.open(tmp_path / "x.sqlite") as db:
        generate_demo(db, persons=40, users=False, progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 40) and calls[-1] == (40, 40)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)


def test_check_in_times_are_utc_and_in_the_scenario(demo):
    db, _ = demo
    first, last = sql(db, "SELECT min(check_in), max(check_in) FROM stay")[0]
    assert datetime.fromisoformat(first) >= datetime(2021, 12, 9, 8)
    assert datetime.fromisoformat(last) < datetime(2022, 1, 16, 8)  # 15 Jan, Mexicali time


# --- medical sense and the demo's day (a small demo: 2 centers) ------------------------------

@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """Two general centers, 500 people: maternity, chronic-care and isolation areas then sit
    inside those centers (an isolation room, a maternity room)."""
    db = Database.open(tmp_path_factory.mktemp("small") / "small.sqlite")
    generate_demo(db, persons=500, centers=2, seed=5, users=False)
    yield db
    db.close()


def test_the_demo_file_records_its_day(small):
    assert small.meta("as_of") == "2022-01-15" == AS_OF.isoformat()
    end_utc = "2022-01-16 08:00"  # 15 January ends at 08:00 UTC in Mexicali (UTC-8)
    assert sql(small, "SELECT count(*) FROM stay WHERE check_in >= ? OR check_out >= ?",
               end_utc, end_utc) == [(0,)]
    assert sql(small, "SELECT count(*) FROM person WHERE arrival_date > ?", AS_OF) == [(0,)]
    assert sql(small, "SELECT count(*) FROM screening WHERE screened_at >= ?", end_utc) == [(0,)]


def test_parents_are_a_generation_older_than_their_children(small, demo):
    for db in (small, demo[0]):
        gaps = sql(db, """SELECT (julianday(c.birth_date) - julianday(p.birth_date)) / 365.25
                          FROM person c JOIN person p ON p.household_id = c.household_id
                          AND p.relationship IN ('head', 'spouse')
                          WHERE c.relationship = 'child'""")
        assert len(gaps) > 100
        assert min(g for (g,) in gaps) >= 16  # no parent was younger than 16 at the birth


def test_nobody_is_born_abroad_after_the_household_left_or_arrived(demo):
    db, _ = demo
    rows = sql(db, """SELECT p.birth_date, p.country_of_birth, p.nationality, p.arrival_date,
                             (SELECT min(q.arrival_date) FROM person q
                              WHERE q.household_id = p.household_id
                              AND q.country_of_birth != 'MX') AS household_arrival
                      FROM person p""")
    born_here = [r for r in rows if r[0] >= r[4]]
    assert born_here  # the program's first births in Mexicali (DIF: 14 over the program)
    for birth, country, nationality, arrival, _ in born_here:
        assert (country, nationality) == ("MX", "MX") and arrival == birth
    abroad = [r for r in rows if r[1] != "MX"]
    assert all(birth < household_arrival for birth, *_, household_arrival in abroad)
    # a baby born in Mexicali has a Mexican CURP of Baja California once registered
    assert sql(db, """SELECT count(*) FROM person WHERE country_of_birth = 'MX'
                      AND curp IS NOT NULL AND substr(curp, 12, 2) != 'BC'""") == [(0,)]


def test_vaccination_dates_are_plausible(small, demo):
    for db in (small, demo[0]):
        rows = sql(db, """SELECT v.vaccine, v.date, v.place, p.birth_date, p.arrival_date
                          FROM vaccination v JOIN person p ON p.id = v.person_id""")
        assert len(rows) > 100
        for vaccine, day, place, birth, arrival in rows:
            assert birth <= day <= AS_OF.isoformat()
            if vaccine == "COVID-19":
                assert day >= "2021-01-18"  # the first campaigns of the region
            if place == "Mexicali, B.C.":
                assert day >= arrival  # given here only after arriving
            elif place not in ("Hospital General de Mexicali",):
                assert day < arrival  # abroad: before the journey
        covid = [r for r in rows if r[0] == "COVID-19"]
        assert any(r[1] >= "2021-12-09" for r in covid)  # doses given during the program


def test_comar_papers_were_mostly_issued_in_chiapas(small, demo):
    from albergue_desktop.demo.identity import COMAR_OFFICES
    for db in (small, demo[0]):
        rows = sql(db, """SELECT d.number, d.issue_date, p.arrival_date FROM identity_document d
                          JOIN person p ON p.id = d.person_id
                          WHERE d.doc_type = 'comar_constancia'""")
        assert len(rows) > 20
        states = Counter(COMAR_OFFICES[number.split("-")[1]][1] for number, _, _ in rows)
        assert states["Chiapas"] > 0.75 * len(rows)
        for number, issued, arrival in rows:
            if COMAR_OFFICES[number.split("-")[1]][1] == "Chiapas":
                assert issued < arrival  # applied in the south before travelling north
            assert issued <= AS_OF.isoformat()


def _placed(db, segment: str) -> dict[str, str]:
    """Person id -> check-in of their stay in an area of ``segment``."""
    return dict(sql(db, """SELECT s.person_id, min(s.check_in) FROM stay s
                           JOIN bed b ON b.id = s.bed_id JOIN area a ON a.id = b.area_id
                           WHERE a.segment = ? GROUP BY s.person_id""", segment))


def test_everyone_in_a_medical_area_has_a_matching_screening(small, demo):
    from albergue_desktop.domain.enums import Role
    from albergue_desktop.services.context import Actor
    from albergue_desktop.services.screening import screenings_of

    nurse = Actor("salud", Role.HEALTH)
    for db in (small, demo[0]):
        people = {pid: (birth, hh, needs) for pid, birth, hh, needs in sql(
            db, "SELECT id, birth_date, household_id, specific_needs FROM person")}
        for segment in ("maternity", "chronic_care", "isolation"):
            placed = _placed(db, segment)
            assert placed, segment
            infants_in = {people[pid][1] for pid in placed
                          if (AS_OF - date.fromisoformat(people[pid][0])).days < 365}
            for pid, check_in in placed.items():
                visits = [r for r in screenings_of(db, nurse, pid)
                          if r.screened_at <= datetime.fromisoformat(check_in).replace(
                              tzinfo=r.screened_at.tzinfo)]
                assert visits, (segment, pid)
                first = visits[-1]  # the screening that placed them
                if segment == "isolation":
                    assert first.stored.respiratory_screen != "negative"
                    assert first.triage.needs_isolation and first.triage.consultation
                    assert first.input.temperature_c >= 38.0
                elif segment == "chronic_care":
                    assert first.input.chronic_conditions
                else:
                    assert (first.input.pregnant or (first.age_months or 99) < 12
                            or ("WR-LC" in people[pid][2] and people[pid][1] in infants_in))


def test_stored_screening_results_are_what_the_rules_compute(small):
    from albergue_desktop.domain.enums import Role
    from albergue_desktop.services.context import Actor
    from albergue_desktop.services.screening import screenings_of

    nurse = Actor("salud", Role.HEALTH)
    ids = [pid for (pid,) in sql(small, "SELECT DISTINCT person_id FROM screening")]
    assert len(ids) > 10
    records = [r for pid in ids for r in screenings_of(small, nurse, pid)]
    assert all(r.triage.colour is r.stored.colour and not r.result_changed for r in records)
    assert all(r.screened_by == "salud" for r in records)
    assert {"green", "yellow"} <= {str(r.stored.colour) for r in records}


def test_centers_use_the_sphere_cold_climate_space(small, demo):
    assert SPHERE_COLD_M2_PER_PERSON == 4.5  # Sphere 2018: 4.5-5.5 m2 in cold climates
    for db in (small, demo[0]):
        for center_id, m2, capacity in sql(db, "SELECT id, m2_per_person, daily_capacity "
                                               "FROM center"):
            areas = [a for (a,) in sql(db, "SELECT area_m2 FROM area WHERE center_id = ?",
                                       center_id)]
            assert m2 == 4.5 and capacity == sum(int(a // 4.5) for a in areas)


def test_daily_census_and_ages_follow_the_demo_day(small, tmp_path):
    from albergue_desktop.domain import clock
    from albergue_desktop.domain.enums import Role
    from albergue_desktop.services.census import daily_numbers
    from albergue_desktop.services.context import Actor

    coordinator = Actor("coordinacion", Role.COORDINATOR)
    center_id = sql(small, "SELECT id FROM center ORDER BY code")[0][0]
    with clock.frozen(None):
        assert clock.follow(small) == AS_OF and clock.today() == AS_OF
        mexicali = timezone(timedelta(hours=-8))  # the demo's times are Mexicali's
        numbers = daily_numbers(small, coordinator, center_id, tz=mexicali)
        assert numbers.day == AS_OF
        assert numbers == daily_numbers(small, coordinator, center_id, AS_OF, tz=mexicali)
        open_stays = sql(small, "SELECT count(*) FROM stay WHERE center_id = ? "
                                "AND check_out IS NULL", center_id)[0][0]
        assert numbers.present.total == open_stays > 0
        assert clock.now().astimezone(clock.program_tz()).date() == AS_OF
        row = search_people(small, SYSTEM, sql(small, "SELECT folio FROM person LIMIT 1")[0][0])[0]
        assert row.age() == (AS_OF.year - row.birth_date.year
                             - ((AS_OF.month, AS_OF.day) < (row.birth_date.month,
                                                            row.birth_date.day)))
        # a real file runs on the computer's clock again
        with Database.open(tmp_path / "real.sqlite") as real:
            assert clock.follow(real) is None and \
                clock.today() == datetime.now(clock.program_tz()).date()


def test_pregnancies_are_plausible_on_the_demo_day(small, demo):
    for db in (small, demo[0]):
        rows = sql(db, """SELECT s.gestation_weeks, s.screened_at, p.sex, p.birth_date
                          FROM screening s JOIN person p ON p.id = s.person_id
                          WHERE s.pregnant = 1
                          AND s.screened_at = (SELECT max(t.screened_at) FROM screening t
                                               WHERE t.person_id = s.person_id)""")
        assert rows
        for weeks, screened_at, sex, birth in rows:
            local_day = (datetime.fromisoformat(screened_at) - timedelta(hours=8)).date()
            weeks_now = weeks + (AS_OF - local_day).days // 7
            assert sex == "F" and 6 <= weeks <= weeks_now <= 42
            assert 18 <= (AS_OF - date.fromisoformat(birth)).days / 365.25 < 45


def test_planned_births_keep_the_population_size_and_follow_arrival():
    import random

    from albergue_desktop.demo.plan import plan_households

    households = plan_households(random.Random(11), 20_000)
    assert sum(len(h.members) for h in households) == 20_000
    babies = [(h, m) for h in households for m in h.members if m.born_in_mexicali]
    assert len(babies) > 10
    for h, baby in babies:
        mother = h.members[baby.mother]
        assert mother.sex == "F" and mother.gestation_weeks is not None
        assert "WR-LC" in mother.needs and not h.isolation
        assert h.arrival < baby.birth_date <= AS_OF - timedelta(days=2)
        assert baby.joins.date() >= baby.birth_date
    for h in households:
        for m in h.members:
            if not m.born_in_mexicali:
                assert m.birth_date < h.departure < h.arrival  # born before the journey


def test_the_pharmacy_and_the_vaccination_day_are_populated(demo):
    from albergue_desktop.domain import clock
    from albergue_desktop.reports.impact import compute_impact
    from albergue_desktop.services import stock_views
    from albergue_desktop.services.context import Actor
    db = demo[0]
    nurse = Actor("salud", "salud")
    dispensed = sql(db, "SELECT count(*) FROM dispensing")[0][0]
    assert dispensed > 50
    assert compute_impact(db, SYSTEM)["medication_dispensed"] == dispensed
    assert sql(db, "SELECT min(total) FROM (SELECT sum(quantity) AS total FROM stock_movement "
                   "GROUP BY center_id, item_id, lot_id)")[0][0] >= 0
    first = sql(db, "SELECT id FROM center ORDER BY code LIMIT 1")[0][0]
    with clock.frozen(AS_OF):
        kinds = {a.kind for a in stock_views.alerts(db, nurse, first, "medicine")}
    assert {"expired", "soon"} <= kinds
    assert sql(db, "SELECT count(*) FROM vaccination WHERE lot = 'FLU-2122-MX07' "
                   "AND date = '2022-01-12'")[0][0] == 40
    assert sql(db, "SELECT count(*) FROM stock_movement WHERE reason = 'transfer_in'")[0][0]
    assert sql(db, "SELECT count(*) FROM allergy")[0][0] > 10
