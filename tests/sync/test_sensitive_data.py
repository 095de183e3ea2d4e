"""Sensitive data in synced files (docs/sensitive-data.md): no password hash or
lockout field ever leaves its file, audit rows of local-only tables stay home, and a center
that pulls the central registry without health data holds no health value and no restricted
specific-needs code of another center's people, in any table (audit and conflicts included),
and can never overwrite what it did not receive."""

from __future__ import annotations

import json
from albergue_sync import dbapi as sqlite3
from datetime import date
from pathlib import Path

import pytest
from sync_helpers import edit, register

from albergue_desktop.domain.clinical_enums import ChronicCondition
from albergue_desktop.domain.errors import RuleViolation
from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.services import accounts, centers, people, screening
from albergue_desktop.services.accounts import SignInError
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage.tables import PersonUpdate
from albergue_sync import Options, merge_files
from albergue_sync.files import uri

ADMIN = Actor("admin", "admin")
NOTE = "NOTA-CLINICA-CENTINELA"
LOT = "LOTE-CENTINELA-77"
RESTRICTED = ("SM-CI", "SV-VA", "SV-GM", "WR-WR")
VISIBLE = "DS-PM"
HEALTH_WORDS = (NOTE, LOT, '"diabetes"', "RUTA-CENTINELA", *RESTRICTED)


def all_text(path: Path, *, skip: frozenset[tuple[str, str]] = frozenset()) -> dict:
    """Every text value of every table of the file: {(table, column): [values]}."""
    conn = sqlite3.connect(uri(path, readonly=True), uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        found: dict[tuple[str, str], list[str]] = {}
        for table in tables:
            cur = conn.execute(f'SELECT * FROM "{table}"')
            names = [d[0] for d in cur.description]
            for row in cur:
                for name, value in zip(names, row):
                    if isinstance(value, bytes):
                        value = value.decode("latin-1")
                    if isinstance(value, str) and (table, name) not in skip:
                        found.setdefault((table, name), []).append(value)
        return found
    finally:
        conn.close()


def where(path: Path, needle: str, **kw) -> list[tuple[str, str]]:
    return sorted({key for key, values in all_text(path, **kw).items()
                   if any(needle in v for v in values)})


OWN_HASHES = frozenset({("app_user", "password_hash")})


@pytest.fixture
def world(two_centers, tmp_path):
    """Center A: a user whose password was reset after failed sign-ins, and a person with
    health and protection codes (edited once), a screening and a vaccination."""
    (a, a_center), (b, b_center) = two_centers
    centers.create_user(a, ADMIN, username="ana", full_name="Ana Pérez", role="registro",
                        password="clave-segura-1")
    for _ in range(2):
        with pytest.raises(SignInError):
            accounts.sign_in(a, "ana", "equivocada")
    user = next(u for u in accounts.list_users(a, ADMIN) if u.username == "ana")
    accounts.reset_password(a, ADMIN, user.id, "clave-segura-2")
    pid = register(a, a_center, "Rose", "Pierre", specific_needs=["SM-CI", "SV-VA", VISIBLE])
    edit(a, pid, specific_needs=["SM-CI", "SV-VA", "SV-GM", "WR-WR", VISIBLE])
    people.update_person(a, SYSTEM, pid, PersonUpdate(phone="6861234567"))
    screening.record_screening(a, SYSTEM, person_id=pid, screening=ScreeningInput(
        temperature_c=36.8, chronic_conditions={ChronicCondition.DIABETES}, notes=NOTE))
    with a.session("admin") as session:
        from albergue_desktop.storage.tables import Vaccination
        session.add(Vaccination(person_id=pid, vaccine="covid19", dose=2, lot=LOT,
                                date=date(2021, 12, 10)))
    household = people.get_person(a, SYSTEM, pid).household_id
    with a.session("admin") as session:
        from albergue_desktop.storage.tables import PlacementDecision
        from albergue_desktop.storage.versioning import utcnow
        session.add(PlacementDecision(
            household_id=household, decided_at=utcnow(), decided_by="admin", kind="accepted",
            suggestion={"assignments": [{"person_id": pid, "bed_id": None}],
                        "relaxed": ["RUTA-CENTINELA"],
                        "explanations": [{"rule": "isolation", "satisfied": True,
                                          "msgid": "RUTA-CENTINELA", "params": {}}]}))
    central = tmp_path / "central.sqlite"
    return a, b, b_center, pid, central


def test_a_password_reset_leaves_no_hash_in_the_center_audit_log(world):
    a, *_ = world
    # the center's own user table keeps the hash; its audit log never does
    assert where(a.path, "$argon2", skip=OWN_HASHES) == []
    conn = sqlite3.connect(uri(a.path, readonly=True), uri=True)
    try:
        changes = [json.loads(c) for (c,) in conn.execute(
            "SELECT changes FROM audit_event WHERE table_name = 'app_user'")]
        actions = [r for (r,) in conn.execute(
            "SELECT action FROM audit_event WHERE table_name = 'app_user'")]
    finally:
        conn.close()
    assert "password_reset" in actions
    assert not any({"password_hash", "failed_attempts", "locked_until"} & set(c)
                   for c in changes)


def test_the_central_file_holds_no_hash_and_no_audit_row_of_user_accounts(world):
    a, _b, _bc, _pid, central = world
    merge_files(central, [a.path])
    assert where(central, "$argon2") == []
    conn = sqlite3.connect(uri(central, readonly=True), uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM audit_event WHERE table_name IN "
                            "('app_user', 'meta', 'sync_source', 'sync_conflict')"
                            ).fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM app_user").fetchone() == (0,)
        # the rest of the audit log travels
        assert conn.execute("SELECT count(*) FROM audit_event WHERE table_name = 'person'"
                            ).fetchone()[0] >= 3
    finally:
        conn.close()
    # the central file (merged with health) keeps the health data, of course
    assert where(central, NOTE) and where(central, "SV-VA")


def test_a_center_pulled_without_health_holds_no_health_value_or_restricted_code(world):
    a, b, _bc, pid, central = world
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    assert where(b.path, "$argon2", skip=OWN_HASHES) == []
    for word in HEALTH_WORDS:
        assert where(b.path, word) == [], word
    # what every role may see did arrive
    assert people.get_person(b, SYSTEM, pid).specific_needs == [VISIBLE]
    assert where(b.path, "6861234567")
    # and with health data (a supervisor's pull) everything arrives
    merge_files(b.path, [central], Options(direction="pull", with_health=True))
    assert sorted(people.get_person(b, SYSTEM, pid).specific_needs) == sorted(
        [*RESTRICTED, VISIBLE])
    assert where(b.path, NOTE)


def test_what_a_center_did_not_receive_it_never_overwrites(world):
    a, b, _bc, pid, central = world
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    # an edit of another field at B travels; the needs B never received stay as they are
    people.update_person(b, SYSTEM, pid, PersonUpdate(phone="6869999999"))
    with pytest.raises(RuleViolation):
        people.update_person(b, SYSTEM, pid, PersonUpdate(specific_needs=[]))
    merge_files(central, [b.path])
    merge_files(a.path, [central], Options(direction="pull", with_health=False))
    for path in (central, a.path):
        conn = sqlite3.connect(uri(path, readonly=True), uri=True)
        try:
            needs, phone = conn.execute("SELECT specific_needs, phone FROM person WHERE id = ?",
                                        (pid,)).fetchone()
        finally:
            conn.close()
        assert sorted(json.loads(needs)) == sorted([*RESTRICTED, VISIBLE]), path
        assert phone == "6869999999"
    assert where(central, "RUTA-CENTINELA")  # the withheld routing was not overwritten
    # a second pull without health keeps B clean (incremental)
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    for word in HEALTH_WORDS:
        assert where(b.path, word) == [], word


def test_a_center_pulled_without_health_keeps_its_own_peoples_codes(world):
    a, b, b_center, _pid, central = world
    own = register(b, b_center, "Marie", "Louis", specific_needs=["SV-VA"])
    merge_files(central, [a.path, b.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    assert people.get_person(b, SYSTEM, own).specific_needs == ["SV-VA"]
    edit(b, own, specific_needs=["SV-VA", "SV-SS"])  # its own people: B edits them freely


def _raw(path: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


# the columns of audit_event up to schema v10 (v11 added the hash chain's)
AUDIT_V1_COLUMNS = ("(id, site_id, created_at, created_by, updated_at, updated_by, deleted, "
                    "deleted_at, deleted_by, delete_reason, hlc, change_seq, vv, fv, at, "
                    "username, action, table_name, row_id, changes)")


def test_schema_v8_cleans_what_older_merges_left_in_every_file(world):
    """Files written before schema v8: a central file holding another site's account audit
    rows with both hashes, a center that pulled without health holding other centers'
    restricted codes (row, audit, conflict). The upgrade cleans them all."""
    from albergue_sync import files, schema

    a, b, b_center, pid, central = world
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    a_site = _raw(a.path, "SELECT value FROM meta WHERE key = 'site_id'")[0][0]
    old_hash = '"$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA"'
    before_v8 = [
        # what the merge of a password reset used to bring, and a failed sign-in
        ("INSERT INTO audit_event " + AUDIT_V1_COLUMNS +
         " SELECT '0190a000-0000-7000-8000-0000000000a1', ?, NULL, NULL, NULL, NULL, 0, "
         "NULL, NULL, NULL, "
         "1, 1, '{}', '{}', '2021-12-20', 'admin', 'update', 'app_user', "
         "'0190a000-0000-7000-8000-0000000000b1', "
         f"'{{\"password_hash\": [{old_hash}, {old_hash}], \"failed_attempts\": [2, 0]}}'",
         a_site),
        # a person audit row with a hash-like secret of another table (a hand-made row)
        ("INSERT INTO audit_event " + AUDIT_V1_COLUMNS +
         " SELECT '0190a000-0000-7000-8000-0000000000a2', ?, NULL, NULL, NULL, NULL, 0, "
         "NULL, NULL, NULL, "
         "1, 1, '{}', '{}', '2021-12-20', 'admin', 'update', 'person', ?, "
         "'{\"specific_needs\": [[\"SV-VA\", \"DS-PM\"], [\"SV-VA\", \"SM-CI\"]], "
         "\"locked_until\": [null, \"2021-12-20\"]}'", a_site, pid),
        # the withheld codes as an old pull left them, and a conflict about them
        ("UPDATE person SET specific_needs = '[\"SV-VA\", \"DS-PM\", \"SM-CI\"]' WHERE id = ?",
         pid),
        ("UPDATE placement_decision SET suggestion = '{\"relaxed\": [\"RUTA-VIEJA\"], "
         "\"explanations\": [], \"assignments\": []}'",),
        ("INSERT INTO sync_conflict VALUES ('c1', 'field', 'person', ?, 'specific_needs', "
         "'[\"SV-VA\"]', NULL, '[\"SM-CI\"]', NULL, '{}', '2021-12-20', 'x', 0, NULL, NULL, "
         "NULL, NULL, 1)", pid),
    ]
    for path in (central, b.path):
        for sql, *args in before_v8:
            _raw(path, sql, *args)
    b.close()
    # run the cleaning migration itself on files that already hold the rows above
    (cleaning,) = [v for v, name in schema.MIGRATIONS.items() if "sensitive_audit" in name]
    for path in (central, b.path):
        conn = sqlite3.connect(path)
        with conn:
            schema.apply(conn, cleaning - 1, cleaning)
            conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'",
                         (str(schema.CURRENT_SCHEMA_VERSION),))
        conn.close()
    for path in (central, b.path):
        assert _raw(path, "SELECT value FROM meta WHERE key = 'schema_version'") == [
            (str(schema.CURRENT_SCHEMA_VERSION),)]
        assert where(path, "$argon2", skip=OWN_HASHES) == [], path
        assert _raw(path, "SELECT count(*) FROM audit_event WHERE "
                    "json_type(changes, '$.password_hash') IS NOT NULL OR "
                    "json_type(changes, '$.failed_attempts') IS NOT NULL OR "
                    "json_type(changes, '$.locked_until') IS NOT NULL") == [(0,)], path
        assert _raw(path, "SELECT count(*) FROM audit_event WHERE table_name = 'app_user' "
                    "AND site_id = ?", a_site) == [(0,)]
    # the central file keeps its health data; the center pulled without health does not
    assert where(central, "SV-VA")
    for word in (*RESTRICTED, "RUTA-VIEJA"):
        assert where(b.path, word) == [], word
    assert where(central, "RUTA-VIEJA")
    (needs, fv), = _raw(b.path, "SELECT specific_needs, fv FROM person WHERE id = ?", pid)
    assert json.loads(needs) == [VISIBLE] and json.loads(fv)["specific_needs"] == [0, "", 0]
    # and the cleaned center never overwrites the codes when merged back
    merge_files(central, [b.path], Options(full=True))
    (needs,), = _raw(central, "SELECT specific_needs FROM person WHERE id = ?", pid)
    assert "SV-VA" in json.loads(needs)


def test_the_engine_and_the_desktop_restrict_the_same_codes():
    from albergue_desktop.domain import permissions
    from albergue_desktop.services.people import WITHHELD_DOT
    from albergue_sync import redact

    assert set(redact.RESTRICTED_NEED_PREFIXES) == set(
        permissions.HEALTH_NEED_PREFIXES + permissions.PROTECTION_NEED_PREFIXES)
    assert WITHHELD_DOT == redact.WITHHELD_DOT
    from albergue_desktop.storage.versioning import AUDIT_SECRET_FIELDS
    assert set(redact.SECRET_AUDIT_FIELDS) == AUDIT_SECRET_FIELDS
