"""The tamper-evident audit log (sync/src/albergue_sync/auditchain.py): a hash
chain per site over payload hashes, written by the desktop's audit hook and the engine's own
audit rows, checked by ``albergue-sync verify`` and by every merge, and kept verifiable
through redaction (pulls without health data) and erasure."""

from __future__ import annotations

import json
from albergue_sync import dbapi as sqlite3

import pytest
from sync_helpers import edit, file_digest, register

from albergue_desktop.domain.triage import ScreeningInput
from albergue_desktop.services import screening
from albergue_desktop.services.context import SYSTEM
from albergue_sync import Options, auditchain, merge_files, recovery, schema
from albergue_sync.cli import main
from albergue_sync.i18n import SyncRefused


def run(capsys, *argv) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def raw(path, sql, args=()):
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def verdict(path) -> auditchain.Verdict:
    conn = sqlite3.connect(path)
    try:
        return auditchain.verify(conn)
    finally:
        conn.close()


@pytest.fixture
def center_a(two_centers):
    (a, a_center), _ = two_centers
    pid = register(a, a_center, "Rose", "Pierre")
    edit(a, pid, phone="6861234567")
    edit(a, pid, phone="6867654321")
    return a, a_center, pid


def test_every_audit_row_is_linked_in_order(center_a):
    a, _c, _pid = center_a
    site = raw(a.path, "SELECT value FROM meta WHERE key = 'site_id'")[0][0]
    rows = raw(a.path, "SELECT chain_seq, prev_hash, chain_hash, payload_hash, changes "
                       "FROM audit_event WHERE chain_site = ? ORDER BY chain_seq", (site,))
    assert len(rows) >= 5
    assert [r[0] for r in rows] == list(range(rows[0][0], rows[0][0] + len(rows)))
    assert rows[0][0] == 1 and rows[0][1] == auditchain.GENESIS
    for before, after in zip(rows, rows[1:]):
        assert after[1] == before[2]
    for row in rows:
        assert row[3] == auditchain.payload_hash(row[4])
    assert raw(a.path, "SELECT count(*) FROM audit_event WHERE chain_seq IS NULL") == [(0,)]
    result = verdict(a.path)
    assert result.ok and result.rows == len(raw(a.path, "SELECT id FROM audit_event"))


def test_verify_says_ok_with_counts(center_a, capsys):
    a, *_ = center_a
    code, out, err = run(capsys, "verify", a.path)
    assert code == 0, err
    assert "registro de auditoría íntegro" in out and "eventos" in out
    code, out, _ = run(capsys, "verify", "--json", a.path)
    assert code == 0 and json.loads(out)["ok"] is True


def _update_row(path, where, sql_set):
    raw(path, f"UPDATE audit_event SET {sql_set} WHERE id = "
              f"(SELECT id FROM audit_event WHERE {where} ORDER BY chain_seq LIMIT 1)")
    return raw(path, f"SELECT chain_seq, id FROM audit_event WHERE {where} "
                     "ORDER BY chain_seq LIMIT 1")[0]


def test_verify_catches_an_audit_row_edited_with_sqlite(center_a, capsys):
    a, _c, pid = center_a
    a.close()
    seq, event = _update_row(a.path, f"row_id = '{pid}' AND action = 'update'",
                             "changes = json_set(changes, '$.phone[1]', '0000000000')")
    code, out, err = run(capsys, "verify", a.path)
    assert code == 1 and out == ""
    assert f"eslabón {seq}" in err and event in err
    assert "su contenido no coincide con su huella" in err


def test_verify_catches_a_changed_author_even_with_a_recomputed_payload_hash(center_a,
                                                                            capsys):
    a, _c, pid = center_a
    a.close()
    seq, event = _update_row(a.path, f"row_id = '{pid}' AND action = 'update'",
                             "username = 'otra-persona'")
    code, _out, err = run(capsys, "verify", a.path)
    assert code == 1 and f"eslabón {seq}" in err and "huella del eslabón" in err


def test_verify_catches_a_deleted_row_and_an_inserted_one(center_a, capsys):
    a, _c, _pid = center_a
    a.close()
    site = raw(a.path, "SELECT value FROM meta WHERE key = 'site_id'")[0][0]
    raw(a.path, "DELETE FROM audit_event WHERE chain_site = ? AND chain_seq = 3", (site,))
    code, _out, err = run(capsys, "verify", a.path)
    assert code == 1 and "eslabón 4" in err and "falta el eslabón anterior" in err


def test_verify_catches_a_row_inserted_without_a_link(center_a, capsys):
    a, _c, _pid = center_a
    a.close()
    raw(a.path, "INSERT INTO audit_event (id, site_id, deleted, hlc, change_seq, vv, fv, at, "
                "username, action, changes) SELECT 'falso', site_id, 0, hlc + 1, change_seq + 1,"
                " vv, fv, at, 'admin', 'update', '{}' FROM audit_event ORDER BY hlc DESC "
                "LIMIT 1")
    code, _out, err = run(capsys, "verify", a.path)
    assert code == 1 and "falso" in err and "escrito fuera de Albergue" in err


def test_a_merge_of_a_tampered_source_is_refused_and_the_target_untouched(center_a,
                                                                         tmp_path):
    a, _c, pid = center_a
    a.close()
    central = tmp_path / "central.sqlite"
    seq, event = _update_row(a.path, f"row_id = '{pid}' AND action = 'update'",
                             "changes = '{}'")
    with pytest.raises(SyncRefused) as refused:
        merge_files(central, [a.path])
    message = str(refused.value)
    assert "registro de auditoría fue alterado" in message and f"eslabón {seq}" in message
    assert event in message and "No se integró nada" in message
    assert not central.exists() or raw(central, "SELECT count(*) FROM person") == [(0,)]


def test_an_incremental_merge_checks_the_new_links_and_where_they_join(two_centers, tmp_path):
    (a, a_center), _ = two_centers
    register(a, a_center, "Rose", "Pierre")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    jean = register(a, a_center, "Jean", "Baptiste")  # two audit rows: household, person
    a.close()
    before = file_digest(central)
    site = raw(a.path, "SELECT value FROM meta WHERE key = 'site_id'")[0][0]
    # the first new link (Jean's household, then Jean), edited: refused
    seq, event = _update_row(a.path, f"chain_site = '{site}' AND chain_seq = (SELECT "
                             f"chain_seq FROM audit_event WHERE row_id = '{jean}') - 1",
                             "username = 'nadie'")
    with pytest.raises(SyncRefused) as refused:
        merge_files(central, [a.path])
    assert f"eslabón {seq}" in str(refused.value) and event in str(refused.value)
    assert file_digest(central) == before
    # put back, then the first new link deleted: the next one no longer joins the old chain
    raw(a.path, "UPDATE audit_event SET username = 'system' WHERE id = ?", (event,))
    assert verdict(a.path).ok
    raw(a.path, "DELETE FROM audit_event WHERE id = ?", (event,))
    with pytest.raises(SyncRefused) as refused:
        merge_files(central, [a.path])
    assert f"eslabón {seq + 1}" in str(refused.value)
    assert "falta el eslabón anterior" in str(refused.value)
    assert file_digest(central) == before
    assert raw(central, "SELECT max(chain_seq) FROM audit_event WHERE chain_site = ?",
               (site,)) == [(seq - 1,)]


def test_redaction_by_a_pull_without_health_keeps_every_chain_verifiable(two_centers,
                                                                        tmp_path, capsys):
    (a, a_center), (b, _bc) = two_centers
    pid = register(a, a_center, "Rose", "Pierre")
    edit(a, pid, specific_needs=["SM-CI", "DS-PM"])
    screening.record_screening(a, SYSTEM, person_id=pid, screening=ScreeningInput(
        temperature_c=36.8, notes="NOTA-CLINICA-CENTINELA"))
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    merge_files(b.path, [central], Options(direction="pull", with_health=False))
    redacted = raw(b.path, "SELECT changes, payload_redacted FROM audit_event "
                           "WHERE row_id = ? AND changes LIKE '%specific_needs%'", (pid,))
    assert redacted and all("SM-CI" not in r[0] and r[1] == 1 for r in redacted)
    result = verdict(b.path)
    assert result.ok and result.redacted >= 1
    code, out, _ = run(capsys, "verify", b.path)
    assert code == 0 and "con contenido retirado" in out
    # and B's file, redacted rows included, still merges back into the central file
    register(b, _bc, "Paul", "Michel")
    reports = merge_files(central, [b.path])
    assert reports and verdict(central).ok


def test_an_erased_payload_keeps_the_chain(center_a):
    a, _c, pid = center_a
    a.close()
    conn = sqlite3.connect(a.path, isolation_level=None)
    try:
        ids = [r[0] for r in conn.execute("SELECT id FROM audit_event WHERE row_id = ?",
                                          (pid,))]
        auditchain.redact(conn, ids, {"erased": True})
        result = auditchain.verify(conn)
    finally:
        conn.close()
    assert result.ok and result.redacted == len(ids) > 0


def test_engine_audit_rows_are_chained_and_rekey_starts_a_new_chain(center_a, tmp_path):
    a, _c, _pid = center_a
    a.close()
    old = raw(a.path, "SELECT value FROM meta WHERE key = 'site_id'")[0][0]
    before = raw(a.path, "SELECT count(*) FROM audit_event WHERE chain_site = ?", (old,))[0][0]
    recovery.rekey(a.path)
    new = raw(a.path, "SELECT value FROM meta WHERE key = 'site_id'")[0][0]
    rows = raw(a.path, "SELECT chain_seq, action FROM audit_event WHERE chain_site = ? "
                       "ORDER BY chain_seq", (new,))
    assert len(rows) == before + 1 and rows[-1][1] == "rekey"
    assert [r[0] for r in rows] == list(range(1, len(rows) + 1))
    assert verdict(a.path).ok


def test_the_upgrade_chains_a_files_own_rows_in_order_and_counts_the_others(tmp_path):
    path = tmp_path / "old.sqlite"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    schema.initialize(conn, to_version=9)
    site = conn.execute("SELECT value FROM meta WHERE key = 'site_id'").fetchone()[0]
    rows = [("e3", site, 30, 3), ("e1", site, 10, 1), ("e2", site, 20, 2),
            ("x1", "otro-sitio", 15, 4)]
    for event, owner, hlc, seq in rows:
        conn.execute("INSERT INTO audit_event (id, site_id, deleted, hlc, change_seq, vv, fv, "
                     "at, username, action, table_name, row_id, changes) VALUES "
                     "(?, ?, 0, ?, ?, '{}', '{}', '2021-12-01 10:00:00.000000', 'admin', "
                     "'update', 'person', 'p', '{\"a\": [1, 2]}')", (event, owner, hlc, seq))
    conn.execute("UPDATE meta SET value = '4' WHERE key = 'seq_last'")
    schema.apply(conn, 9)
    conn.execute("COMMIT")
    chained = conn.execute("SELECT id, chain_seq FROM audit_event WHERE chain_site = ? "
                           "ORDER BY chain_seq", (site,)).fetchall()
    assert chained == [("e1", 1), ("e2", 2), ("e3", 3)]
    result = auditchain.verify(conn)
    assert result.ok and result.legacy == 1 and result.rows == 4
    # an unchained row of this site dated after its chain began is not legacy
    conn.execute("UPDATE audit_event SET chain_site = NULL, chain_seq = NULL WHERE id = 'e3'")
    assert auditchain.verify(conn).broken.id == "e3"
    conn.close()


def test_a_tampered_source_after_a_good_one_stops_the_merge_before_any_write(two_centers,
                                                                             tmp_path):
    """The audit chain is checked with the other checks, before anything is written: a good
    source listed first is not merged either, and the central file is left as it was."""
    (a, a_center), (b, b_center) = two_centers
    register(a, a_center, "Rose", "Pierre")
    central = tmp_path / "central.sqlite"
    merge_files(central, [a.path])
    register(a, a_center, "Marie", "Joseph")  # new in a since the central merged it
    pid = register(b, b_center, "Jean", "Baptiste")
    edit(b, pid, phone="6861234567")
    a.close()
    b.close()
    seq, event = _update_row(b.path, f"row_id = '{pid}' AND action = 'update'",
                             "username = 'nadie'")
    before = file_digest(central)
    with pytest.raises(SyncRefused) as refused:
        merge_files(central, [a.path, b.path])
    message = str(refused.value)
    assert f"eslabón {seq}" in message and event in message and "Se integró" not in message
    assert file_digest(central) == before
    assert raw(central, "SELECT count(*) FROM person WHERE given_names = 'Marie'") == [(0,)]
    new_central = tmp_path / "nuevo.sqlite"
    with pytest.raises(SyncRefused):
        merge_files(new_central, [a.path, b.path])
    assert not new_central.exists()
