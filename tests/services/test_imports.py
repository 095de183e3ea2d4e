"""services.imports.register_households: the bulk write path writes what one
register_household per household writes (rows, folios, stamps, audit events, search index),
in one transaction, after validating every household."""

from __future__ import annotations

from albergue_sync import dbapi as sqlite3
from datetime import date

import pytest

from albergue_desktop.domain.errors import ValidationError
from albergue_desktop.services import imports, people
from albergue_desktop.services.context import SYSTEM, Actor
from albergue_desktop.storage import queries
from albergue_desktop.storage.tables import IdentityDocumentBase, VaccinationBase
from factories import member

TODAY = date(2021, 12, 10)
SKIP = {"id", "created_at", "updated_at", "hlc", "change_seq", "vv", "fv", "household_id",
        "person_id", "head_person_id", "row_id", "at",
        # the hash chain's links depend on the ids and on what came before (checked below)
        "chain_seq", "prev_hash", "chain_hash"}


def households():
    doc = IdentityDocumentBase(doc_type="passport", number="HT-1234567", issuing_country="HT")
    vac = VaccinationBase(vaccine="covid19", dose=1, date=date(2021, 8, 1))
    return [
        [member(given="Marie", surnames="Joseph", documents=[doc], vaccinations=[vac]),
         member(given="Jean", surnames="Joseph", sex="M", relationship="spouse"),
         member(given="Rose", surnames="Joseph", birth=date(2015, 3, 3),
                relationship="child")],
        [member(given="Wilner", surnames="Pierre", sex="M")],
    ]


def dump(path, table):
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        rows = [{k: r[k] for k in r.keys() if k not in SKIP}
                for r in conn.execute(f"SELECT * FROM {table} ORDER BY rowid")]
    finally:
        conn.close()
    return sorted(rows, key=repr)


def test_bulk_registration_writes_what_one_registration_per_household_writes(
        db, center, tmp_path):
    from albergue_desktop.services import centers
    from albergue_desktop.storage.db import Database

    other = Database.open(tmp_path / "other.sqlite")
    try:
        c2, _ = centers.init_center_database(
            other, center_code="03", center_name="Centro Comunitario 3", city_prefix="MXL",
            admin_username="admin", admin_password="contraseña-segura")
        for members in households():
            people.register_household(other, SYSTEM, center_id=c2.id, members=members,
                                      today=TODAY)
        regs = imports.register_households(db, SYSTEM, center_id=center.id,
                                           households=households(), today=TODAY)
        for table in ("household", "person", "identity_document", "vaccination"):
            ours, theirs = dump(db.path, table), dump(other.path, table)
            for row in ours + theirs:
                row.pop("site_id", None)
                row.pop("center_id", None)
            assert ours == theirs, table
        audits = dump(db.path, "audit_event")
        want = [a for a in dump(other.path, "audit_event")
                if a["table_name"] != "app_user" and a["action"] == "create"
                and a["table_name"] in ("household", "person", "identity_document",
                                        "vaccination")]
        for row in audits + want:
            row.pop("site_id", None)
            row.pop("chain_site", None)
            row.pop("created_by", None)
            row.pop("updated_by", None)
        ours_audits = [a for a in audits if a["table_name"] in (
            "household", "person", "identity_document", "vaccination")]
        assert ours_audits == want
        from albergue_sync import auditchain
        check = sqlite3.connect(db.path)
        try:  # the bulk path's audit rows are links of the site's hash chain
            assert not check.execute("SELECT count(*) FROM audit_event WHERE chain_hash IS NULL"
                                     ).fetchone()[0]
            assert auditchain.verify(check).broken is None
        finally:
            check.close()
    finally:
        other.close()
    assert [r.folios for r in regs] == [["MXL-03-000001", "MXL-03-000002", "MXL-03-000003"],
                                        ["MXL-03-000004"]]
    # the head is the head, stamps are unique and ascending, search finds the documents
    conn = sqlite3.connect(db.path)
    heads = conn.execute("SELECT p.given_names FROM household h JOIN person p"
                         " ON p.id = h.head_person_id ORDER BY p.folio").fetchall()
    seqs = [r[0] for r in conn.execute(
        "SELECT change_seq FROM person UNION ALL SELECT change_seq FROM audit_event"
        " WHERE table_name = 'person'")]
    conn.close()
    assert heads == [("Marie",), ("Wilner",)]
    assert len(set(seqs)) == len(seqs)
    with db.read_session() as s:
        found = queries.find_people(session=s, text_query="HT1234567")
    assert [r.given_names for r in found] == ["Marie"]
    # the next registration continues the folios
    nxt = people.register_household(db, SYSTEM, center_id=center.id, members=[member()])
    assert nxt.folios == ["MXL-03-000005"]


def test_one_bad_household_writes_nothing_and_names_it(db, center):
    bad = households() + [[member(given="", surnames="Joseph")]]
    with pytest.raises(ValidationError) as err:
        imports.register_households(db, SYSTEM, center_id=center.id, households=bad,
                                    today=TODAY)
    assert [e.field for e in err.value.errors] == ["households.2.members.0.given_names"]
    with db.read_session() as s:
        assert queries.count_people(session=s) == 0


def test_the_bulk_path_checks_permissions_like_the_single_one(db, center):
    guest = Actor(username="consulta", role="consulta", center_id=center.id)
    with pytest.raises(Exception) as err:
        imports.register_households(db, guest, center_id=center.id, households=households(),
                                    today=TODAY)
    assert type(err.value).__name__ == "PermissionDenied"
