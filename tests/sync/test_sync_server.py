"""The sync server on loopback (docs/sync-server.md): push and pull through HTTPS give what
file merges give; cut connections and a killed server lose nothing; revoked, unknown and
impostor servers are refused."""

from __future__ import annotations

import random
import threading
from pathlib import Path

import pytest
from factories import copy_db
from server_helpers import CuttingProxy, enroll, make_plain_center, new_central
from sync_helpers import (
    ClockedDatabase, bulk_people, contents, edit, file_digest, register,
)

from albergue_sync import client, connection, merge_files
from albergue_sync import dbapi as sqlite3
from albergue_sync.client import Connection, ServerRefused
from albergue_sync.engine import Options
from albergue_sync.server.run import Running
from albergue_sync.status import export

NAMES = ["Marie", "Jean", "Rose", "Pierre", "Claude", "Nadege", "Wisly", "Fabiola"]


@pytest.fixture(scope="module")
def twelve_templates(tmp_path_factory):
    """Twelve closed center files, built once for this module."""
    folder = tmp_path_factory.mktemp("centers12")
    for i in range(1, 13):
        make_plain_center(folder / f"c{i:02d}.sqlite", f"{i:02d}")
    return folder


def _open(templates: Path, tmp: Path, codes: list[str]) -> list[tuple[str, ClockedDatabase,
                                                                       str]]:
    out = []
    for code in codes:
        copy_db(templates / f"c{code}.sqlite", tmp / f"c{code}.sqlite")
        db = ClockedDatabase.open(tmp / f"c{code}.sqlite")
        out.append((code, db, db.meta("center_id")))
    return out


@pytest.fixture
def server(tmp_path):
    central = new_central(tmp_path / "central.sqlite")
    with Running(central, tmp_path / "server") as srv:
        yield srv


def _reference(tmp: Path, paths: list[Path]) -> Path:
    """The same histories through the file path: every center file merged into a new
    central file."""
    ref = tmp / "reference.sqlite"
    copies = []
    for p in paths:
        copy = tmp / f"ref-{p.name}"
        export(p, copy)  # a consistent copy of a file that is open (its WAL too)
        copies.append(copy)
    merge_files(ref, copies)
    return ref


def _shared(view: dict) -> dict:
    """What every center holds alike: not the health tables, not the audit payloads."""
    return {t: rows for t, rows in view.items()
            if t not in {"vaccination", "screening", "audit_event"}}


def test_push_and_pull_match_the_file_path_and_withhold_health(server, twelve_templates,
                                                               tmp_path):
    centers = _open(twelve_templates, tmp_path, ["01", "02"])
    try:
        for code, db, cid in centers:
            register(db, cid, given=NAMES[int(code)], vaccine=True)
            enroll(server, db.path, code)
        first = client.push(centers[0][1].path)
        assert first.state == "merged" and first.reports[0]["new"] > 0
        before = file_digest(server.server.central)
        again = client.push(centers[0][1].path)  # the same export: nothing merged again
        assert again.state == "merged"
        assert file_digest(server.server.central) == before
        client.push(centers[1][1].path)
        pulled = client.pull(centers[1][1].path)
        assert pulled.reports[0].new > 0
        view = contents(centers[1][1].path)
        ref = _reference(tmp_path, [db.path for _, db, _ in centers])
        assert _diff(contents(server.server.central), contents(ref)) == []
        assert _shared(view) == _shared(contents(server.server.central))
        # center 02 was enrolled without health data: 01's vaccination never reached it
        own = {p for p, row in view["person"].items() if row["center_id"] == centers[1][2]}
        assert view["vaccination"] and all(v["person_id"] in own
                                           for v in view["vaccination"].values())
    finally:
        for _, db, _ in centers:
            db.close()


def test_twelve_centers_pushing_and_pulling_at_once_converge(server, twelve_templates,
                                                             tmp_path):
    codes = [f"{i:02d}" for i in range(1, 13)]
    centers = _open(twelve_templates, tmp_path, codes)
    rng = random.Random(13)
    edits = {code: rng.randrange(3) for code in codes}
    try:
        for code, db, _ in centers:
            enroll(server, db.path, code)

        def at_once(work) -> None:
            """``work(code, db, center_id)`` for every center, all started together."""
            errors: list[BaseException] = []
            barrier = threading.Barrier(len(centers))

            def run(code: str, db: ClockedDatabase, cid: str) -> None:
                try:
                    barrier.wait(timeout=60)
                    work(code, db, cid)
                except BaseException as exc:  # noqa: BLE001 - reported below
                    errors.append(exc)

            threads = [threading.Thread(target=run, args=c) for c in centers]
            for t in threads:
                t.start()
            for t in threads:
                t.join(timeout=600)
            assert not errors, errors

        def first_round(code: str, db: ClockedDatabase, cid: str) -> None:
            pid = register(db, cid, given=NAMES[int(code) % 8])
            for n in range(edits[code]):
                edit(db, pid, notes=f"nota {code}-{n}")
            client.push(db.path)
            client.pull(db.path)
            # an edit of a person of another center that it pulled (if any yet)
            others = sorted(p for p, row in contents(db.path)["person"].items()
                            if row["center_id"] != cid)
            if others:
                edit(db, random.Random(code).choice(others), notes=f"visto en {code}")

        at_once(first_round)
        at_once(lambda code, db, cid: client.push(db.path))  # the last edits
        at_once(lambda code, db, cid: client.pull(db.path))  # everyone takes the central
        central = contents(server.server.central)
        assert central == contents(_reference(tmp_path, [db.path for _, db, _ in centers]))
        assert len(central["person"]) == len(codes)
        for _, db, _ in centers:
            assert _shared(contents(db.path)) == _shared(central)
    finally:
        for _, db, _ in centers:
            db.close()


def test_connections_cut_at_random_bytes_lose_and_duplicate_nothing(server, twelve_templates,
                                                                    tmp_path):
    centers = _open(twelve_templates, tmp_path, ["01", "02"])
    for _, db, cid in centers:
        register(db, cid, given="Rose", vaccine=True)
    for _, db, _ in centers:
        db.close()
    for _, db, _ in centers:
        bulk_people(db.path, 150, prefix=db.path.stem)
    # an encrypted file does not compress: cuts up to 80 kB let a connection carry a few
    # 16 kB TLS records after its handshake (at most 20 kB, almost none would)
    proxy = CuttingProxy(("127.0.0.1", server.port), random.Random(7), high=80_000)
    try:
        for code, db, _ in centers:
            conn = enroll(server, db.path, code)
            conn.url = proxy.url
            conn.save(db.path)
        resumed = 0
        for _, db, _ in centers:
            sent = client.push(db.path, chunk=8 * 1024)
            assert sent.state == "merged"
            resumed += sent.resumed
        pulls = [client.pull(db.path) for _, db, _ in centers]
        assert proxy.cuts > 0 and resumed > 0  # uploads went on after cuts
        assert any(p.resumed for p in pulls)  # and downloads resumed (Range)
        central = contents(server.server.central)
        assert central == contents(_reference(tmp_path, [db.path for _, db, _ in centers]))
        assert len(central["person"]) == 2 * 151
        for _, db, _ in centers:
            assert _shared(contents(db.path)) == _shared(central)
        merged = server.server.state._run("SELECT center_code, count(*) FROM merged "
                                          "GROUP BY center_code")
        assert sorted(merged) == [("01", 1), ("02", 1)]
    finally:
        proxy.close()


def test_revoked_unknown_and_reused_codes_are_refused(server, twelve_templates, tmp_path,
                                                      monkeypatch):
    monkeypatch.setenv("ALBERGUE_LANG", "es")
    (code, db, cid), = _open(twelve_templates, tmp_path, ["03"])
    db.close()
    conn = enroll(server, db.path, code)
    client.push(db.path)
    server.server.state.revoke("03")
    with pytest.raises(ServerRefused) as refused:
        client.push(db.path)
    assert refused.value.code == "revoked" and "revocó" in str(refused.value)
    with pytest.raises(ServerRefused) as refused:
        client.pull(db.path)
    assert refused.value.code == "revoked"
    Connection(conn.url, conn.cert_pem, "alb_not-a-token", "03", "x").save(db.path)
    with pytest.raises(ServerRefused) as unknown:
        client.push(db.path)
    assert unknown.value.code == "unknown_credential"
    assert "no reconoce esta computadora" in str(unknown.value)
    from albergue_sync.server import tls
    fp = tls.fingerprint_file(server.cert)[:tls.FINGERPRINT_BYTES]
    text = server.server.state.new_enrollment("03", fp)
    client.connect(db.path, server.url, text)
    with pytest.raises(ServerRefused) as reused:
        client.connect(db.path, server.url, text)
    assert reused.value.code == "bad_code" and "ya se usó" in str(reused.value)
    other = server.server.state.new_enrollment("04", fp)
    with pytest.raises(ServerRefused) as wrong_center:
        client.connect(db.path, server.url, other)
    assert wrong_center.value.code == "wrong_center" and "centro 04" in str(wrong_center.value)
    assert [c["center"] for c in server.server.state.centers()].count("04") == 0
    db04 = tmp_path / "c04.sqlite"  # the code stays good for center 04's own database
    copy_db(twelve_templates / "c04.sqlite", db04)
    assert client.connect(db04, server.url, other).center == "04"


def test_a_server_with_another_certificate_is_refused(server, twelve_templates, tmp_path,
                                                      monkeypatch):
    monkeypatch.setenv("ALBERGUE_LANG", "es")
    (code, db, cid), = _open(twelve_templates, tmp_path, ["05"])
    register(db, cid, given="Jean")
    db.close()
    enroll(server, db.path, code)
    impostor_central = new_central(tmp_path / "impostor.sqlite")
    with Running(impostor_central, tmp_path / "impostor") as impostor:
        conn = Connection.load(db.path)
        conn.url = impostor.url
        conn.save(db.path)
        with pytest.raises(ServerRefused) as refused:
            client.push(db.path)
        assert refused.value.code == "certificate"
        assert "certificado distinto" in str(refused.value)
        # a code made by the real server does not enroll with the impostor either
        from albergue_sync.server import tls
        fp = tls.fingerprint_file(server.cert)[:tls.FINGERPRINT_BYTES]
        text = impostor.server.state.new_enrollment("05", fp)
        with pytest.raises(ServerRefused) as mismatch:
            client.connect(db.path, impostor.url, text)
        assert mismatch.value.code == "certificate"
        assert impostor.server.state.centers() == []
    assert contents(impostor_central)["person"] == {}


def test_pull_merges_like_the_file_pull(server, twelve_templates, tmp_path):
    """The pull file is what the file path's pull reads, minus what the center may not
    hold: a center pulling it gets the same people as pulling the central file itself."""
    centers = _open(twelve_templates, tmp_path, ["06", "07"])
    try:
        for code, db, cid in centers:
            register(db, cid, given="Claude", vaccine=True)
            enroll(server, db.path, code)
            client.push(db.path)
        twin = tmp_path / "twin.sqlite"
        export(centers[0][1].path, twin)
        client.pull(centers[0][1].path)
        merge_files(twin, [server.server.central], Options(direction="pull",
                                                           with_health=False))
        assert contents(centers[0][1].path, skip=frozenset({"audit_event"})) == \
            contents(twin, skip=frozenset({"audit_event"}))
    finally:
        for _, db, _ in centers:
            db.close()


def _diff(a: dict, b: dict) -> list:
    out = []
    for t in a:
        for rid in set(a[t]) | set(b[t]):
            ra, rb = a[t].get(rid), b[t].get(rid)
            if ra != rb:
                if ra is None or rb is None:
                    out.append((t, rid, "missing", ra is None))
                else:
                    out.append((t, rid, {k: (ra[k], rb.get(k)) for k in ra if ra[k] != rb.get(k)}))
    return out


def _empty_encrypted_size(tmp: Path) -> int:
    """The compressed size of an empty Albergue file encrypted as files travel."""
    from albergue_sync import files
    from albergue_sync.server.pullfile import gzip_file

    empty = tmp / "empty-schema.sqlite"
    files.create(empty)
    files.reencrypt(empty)
    gzip_file(empty, tmp / "empty-schema.sqlite.gz")
    return (tmp / "empty-schema.sqlite.gz").stat().st_size


def test_later_pushes_and_pulls_carry_only_the_changes(server, twelve_templates, tmp_path,
                                                      monkeypatch):
    centers = _open(twelve_templates, tmp_path, ["08", "09"])
    for _, db, cid in centers:
        register(db, cid, given="Fabiola", vaccine=True)
        db.close()
    for code, db, _ in centers:
        bulk_people(db.path, 300, prefix=code)
        enroll(server, db.path, code)
    (_, first, _), (_, second, _) = centers
    whole = client.push(first.path)
    client.push(second.path)
    reopened = ClockedDatabase.open(first.path)
    pid = register(reopened, reopened.meta("center_id"), given="Wisly")
    edit(reopened, pid, notes="llegó con su hermana")
    reopened.close()
    changed = client.push(first.path)
    assert whole.since == 0 and changed.since > 0
    # an encrypted file does not compress: every file sent carries the pages of the empty
    # schema (its fixed cost); beyond them, the changes, not the database
    schema = _empty_encrypted_size(tmp_path)
    assert (changed.size - schema) * 3 < whole.size - schema
    pulled = client.pull(second.path)
    assert pulled.reports[0].new >= 2
    again = client.pull(second.path)  # nothing new: a small file, nothing merged
    assert (again.size - schema) * 3 < pulled.size - schema and again.reports[0].new == 0
    # a bookmark that claims more than the central merged: the server answers "stale" and
    # the client sends the whole file
    reopened = ClockedDatabase.open(first.path)
    edit(reopened, pid, notes="y su sobrino")
    reopened.close()
    real = client._bookmark

    def ahead(client_, conn, site_id):
        seen = real(client_, conn, site_id)
        return {**seen, "seq_merged": int(seen["seq_merged"]) + 3}
    monkeypatch.setattr(client, "_bookmark", ahead)
    monkeypatch.setattr(client, "_since", lambda snapshot, info, seen: int(seen["seq_merged"]))
    resent = client.push(first.path)
    assert resent.state == "merged" and resent.since == 0
    monkeypatch.undo()
    ref = _reference(tmp_path, [first.path, second.path])
    assert contents(server.server.central) == contents(ref)


def test_a_bad_upload_is_refused_and_the_server_goes_on(server, twelve_templates, tmp_path,
                                                        monkeypatch):
    import gzip
    import hashlib

    monkeypatch.setenv("ALBERGUE_LANG", "es")
    (code, db, cid), = _open(twelve_templates, tmp_path, ["10"])
    register(db, cid, given="Pierre")
    db.close()
    conn = enroll(server, db.path, code)
    for junk in (gzip.compress(b"random bytes, not a database" * 50), b"not even gzip" * 20):
        sha = hashlib.sha256(junk).hexdigest()
        with connection.http_client(conn) as http:
            upload = connection.request(http, conn, "POST", "/v1/uploads",
                                        json={"sha256": sha, "size": len(junk),
                                              "key": "ab" * 32}).json()
            upload = connection.request(http, conn, "PATCH", f"/v1/uploads/{upload['id']}",
                                        content=junk, headers={"Upload-Offset": "0"}).json()
            while upload["state"] in ("queued", "merging"):
                upload = client._wait_merge(http, conn, upload["id"])
        assert upload["state"] == "refused"
        said = str(ServerRefused("refused", upload["message"], **upload["params"]))
        # random bytes under a key: "damaged" (an encrypted file cannot tell foreign bytes
        # from damaged ones)
        assert said.startswith(("el archivo del centro 10 no es", "El archivo enviado no es",
                                "el archivo del centro 10 está dañado"))
    assert client.push(db.path).state == "merged"  # the one writer is still there
    assert len(contents(server.server.central)["person"]) == 1


def test_files_sent_over_the_network_carry_no_accounts(tmp_path):
    from sync_helpers import make_center

    from albergue_sync import auth, keyfile
    from albergue_sync.server.pullfile import PullFiles, gunzip_file
    from albergue_sync.server.store import SqliteCentral
    from albergue_sync.trim import trim

    db, cid = make_center(tmp_path / "c11.sqlite", "11")  # with its coordinator's account
    register(db, cid, given="Jean", vaccine=True)
    db.close()
    central = new_central(tmp_path / "central.sqlite")
    auth.create_account(central, "jefa", "contraseña-segura", role="supervision")
    staged = tmp_path / "export.sqlite"
    export(db.path, staged)
    trim(staged, 0)
    merge_files(central, [staged])
    pull = PullFiles(SqliteCentral(central), tmp_path / "pulls").get("11", False)
    gunzip_file(pull.path, tmp_path / "pull.sqlite", 1 << 30)
    keyfile.remember(tmp_path / "pull.sqlite", pull.key)  # as the center is given it
    for path in (staged, tmp_path / "pull.sqlite"):
        conn = sqlite3.connect(path)
        assert conn.execute("SELECT count(*) FROM app_user").fetchone() == (0,)
        conn.close()
    conn = sqlite3.connect(central)
    assert conn.execute("SELECT count(*) FROM app_user").fetchone() == (1,)  # still there
    conn.close()


def test_unfinished_uploads_expire_and_their_bytes_go(tmp_path):
    from datetime import datetime, timedelta, timezone

    from albergue_sync.server import state as st
    from albergue_sync.server.store import SqliteCentral
    from albergue_sync.server.worker import MergeWorker

    central = new_central(tmp_path / "central.sqlite")
    state = st.ServerState(tmp_path / "server")
    uploads = tmp_path / "server" / "uploads"
    uploads.mkdir()
    cred = st.Credential("cr_1", "01", False, False)
    old, fresh = state.new_upload(cred, "a" * 64, 10), state.new_upload(cred, "b" * 64, 10)
    week_ago = (datetime.now(timezone.utc) - timedelta(days=8)).isoformat(timespec="seconds")
    state._run("UPDATE upload SET created_at = ? WHERE id = ?", (week_ago, old["id"]))
    for upload in (old, fresh):
        (uploads / f"{upload['id']}.gz").write_bytes(b"12345")
    (uploads / "up_gone.gz").write_bytes(b"left by a merged upload")
    worker = MergeWorker(SqliteCentral(central), state, uploads)
    assert worker.prune() == 2
    assert [p.name for p in uploads.iterdir()] == [f"{fresh['id']}.gz"]
    assert state.upload(old["id"])["state"] == st.EXPIRED
    state.close()
