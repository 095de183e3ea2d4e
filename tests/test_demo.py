"""The synthetic demo population: size and shape of the default scenario, the rules every
real registration obeys (validators, folios, stays, beds), version stamps on every row, and
reproducibility by seed."""

from __future__ import annotations

import json
import re
import sqlite3
from collections import Counter
from datetime import date, datetime

import pytest
from argon2 import PasswordHasher
from sqlmodel import select
from stdnum.mx import curp as stdnum_curp
from stdnum.mx import rfc as stdnum_rfc

from albergue_desktop.demo import DEMO_PASSWORD, generate_demo
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

TODAY = date.today()


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
    rows = sql(db, """SELECT h.id, h.size, h.head_person_id,
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
    # occupied beds are exactly the beds of open stays, and sit in the stay's center
    assert sql(db, """SELECT count(*) FROM bed b WHERE (b.status = 'occupied') !=
                      EXISTS (SELECT 1 FROM stay s WHERE s.bed_id = b.id
                              AND s.check_out IS NULL)""") == [(0,)]
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
        assert beds > 0 and area_m2 >= 3.5 * beds
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
        assert p.curp[11:13] == "NE"  # born abroad
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
    assert all(date(2021, 12, 9) <= p.arrival_date <= date(2022, 3, 31) for p in people)
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
    assert datetime.fromisoformat(last) < datetime(2022, 4, 2)
