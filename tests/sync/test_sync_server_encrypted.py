"""The sync server on encrypted files (docs/sync-server.md, "Encrypted files"): what a push
leaves on the server's disk and the pull file it serves hold no name of the synthetic
people in their raw bytes (compressed or not), and each travels under a key of its own,
not the key of the database it came from."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

from server_helpers import enroll, make_plain_center, new_central
from sync_helpers import ClockedDatabase, contents, register

from albergue_sync import client, keyfile
from albergue_sync.server.run import Running

GIVEN, SURNAME, DOCUMENT = "Wislande", "Desravines", "HT4471029"


def _plain_bytes(path: Path) -> bytes:
    """The file's bytes, and decompressed too when it is a gzip (a name inside a
    compressed plain file would not show in its raw bytes)."""
    raw = path.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw += gzip.decompress(raw)
    return raw


def _assert_no_person(data: bytes, where: str) -> None:
    for text in (GIVEN, SURNAME, DOCUMENT):
        for encoded in (text.encode(), text.encode("utf-16-le"), text.lower().encode()):
            assert encoded not in data, f"{text} in {where}"


def test_upload_and_pull_file_on_the_server_disk_hold_no_name(tmp_path):
    center = tmp_path / "c05.sqlite"
    make_plain_center(center, "05")
    db = ClockedDatabase.open(center)
    register(db, db.meta("center_id"), given=GIVEN, surnames=SURNAME, document=DOCUMENT,
             vaccine=True)
    db.close()
    central = new_central(tmp_path / "central.sqlite")
    seen: dict[str, bytes] = {}
    with Running(central, tmp_path / "server") as srv:
        lock = threading.Lock()

        def capture(upload_id: str) -> None:  # just before the merge: the upload on disk
            folder = srv.server.uploads
            with lock:
                seen["upload"] = _plain_bytes(folder / f"{upload_id}.gz")
                for part in folder.rglob("*.sqlite"):  # the decompressed copy it merges
                    seen[str(part)] = part.read_bytes()

        srv.server.worker.before_merge = capture
        enroll(srv, center, "05", with_health=True)
        assert client.push(center).state == "merged"
        pulled = client.pull(center)
        pulls = sorted((srv.server.folder / "pulls").glob("pull-*.sqlite.gz"))
        assert pulls and pulled.seq > 0
        for pull in pulls:
            seen[pull.name] = _plain_bytes(pull)
        for base in (srv.server.folder / "pulls").glob("central-*.sqlite"):
            seen[base.name] = base.read_bytes()  # the snapshot pull files are cut from
        seen["server.sqlite"] = b"".join(
            p.read_bytes() for p in srv.server.folder.glob("server.sqlite*"))
        made = srv.server.pulls._files.values()
        keys = {pull.key for pull in made}
    assert "upload" in seen and len(seen) >= 4
    for where, data in seen.items():
        _assert_no_person(data, where)
    # the merged person did arrive: the test would pass on an empty central otherwise
    people = contents(central)["person"].values()
    assert [p["given_names"] for p in people] == [GIVEN]
    # each pull file has a key of its own: neither the central's nor the center's
    assert keys and not keys & {keyfile.key_for(central), keyfile.key_for(center), b""}
