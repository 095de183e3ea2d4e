"""Drop-folder mode and the refusal of SQLite central files on network file systems."""

from __future__ import annotations

from pathlib import Path

import pytest
from server_helpers import new_central
from sync_helpers import central_credentials, contents, make_center, register

from albergue_sync import cli, dropfolder, merge_files, netfs
from albergue_sync.engine import Options
from albergue_sync.i18n import SyncRefused
from albergue_sync.status import export

MOUNTS = """\
sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/central nfs4 rw,relatime 0 0
//nas/albergue /media/compartida cifs rw 0 0
host:/srv /home/ana/remoto fuse.sshfs rw 0 0
/dev/sdb1 /mnt/central/local\\040disk ext4 rw 0 0
"""


@pytest.mark.parametrize("path, kind", [
    ("/mnt/central/central.sqlite", "nfs4"),
    ("/media/compartida/sub/central.sqlite", "cifs"),
    ("/home/ana/remoto/c.sqlite", "fuse.sshfs"),
    ("/mnt/central/local disk/central.sqlite", "ext4"),
    ("/home/ana/central.sqlite", "ext4"),
])
def test_mount_type_of_a_path(path, kind, monkeypatch):
    monkeypatch.setattr(netfs, "_existing", lambda p: Path(p))
    assert netfs.mount_type(Path(path), MOUNTS) == kind


def test_network_central_is_refused_in_spanish_and_nothing_is_created(tmp_path, monkeypatch,
                                                                      capsys):
    monkeypatch.setenv("ALBERGUE_LANG", "es")
    monkeypatch.setattr(netfs, "network_kind", lambda path: "cifs")
    db, cid = make_center(tmp_path / "c01.sqlite", "01")
    register(db, cid)
    db.close()
    central = tmp_path / "central.sqlite"
    code = cli.main(["merge", "--into", str(central), str(db.path),
                     *central_credentials(tmp_path)])
    assert code == 1
    err = capsys.readouterr().err
    assert "sistema de archivos de red (cifs)" in err and "albergue-sync serve" in err
    assert not central.exists()
    with pytest.raises(SyncRefused):
        dropfolder.run_once(tmp_path, central)


def test_local_disk_is_accepted():
    netfs.refuse_network(Path.cwd())  # the test's own disk is local


def test_drop_folder_merges_each_center_file_and_publishes_per_center(tmp_path, monkeypatch):
    monkeypatch.setenv("ALBERGUE_LANG", "es")
    share = tmp_path / "compartida"
    share.mkdir()
    central = new_central(tmp_path / "central.sqlite")
    dbs = []
    for code, name in (("01", "Marie"), ("02", "Jean")):
        db, cid = make_center(tmp_path / f"c{code}.sqlite", code)
        register(db, cid, given=name, vaccine=True)
        export(db.path, share / f"centro-{code}.sqlite")
        dbs.append((code, db, cid))
    (share / "centro-09.sqlite").write_bytes(b"a half-synced file")
    export(dbs[0][1].path, share / "centro-03.sqlite")  # center 01's file under another name
    result = dropfolder.run_once(share, central)
    assert sorted(result.merged) == ["centro-01.sqlite", "centro-02.sqlite"]
    assert sorted(result.refused) == ["centro-03.sqlite", "centro-09.sqlite"]
    assert "centro 01" in result.refused["centro-03.sqlite"]
    reference = tmp_path / "reference.sqlite"
    merge_files(reference, [share / "centro-01.sqlite", share / "centro-02.sqlite"])
    assert contents(central) == contents(reference)
    published = share / "central-02.sqlite"
    assert published.exists()
    # its own key, opened through its one peer slot: center 02's key, not 01's
    from albergue_sync import keyfile
    assert keyfile.key_for(published) not in (keyfile.key_for(central), None)
    keyfile.forget(published)
    assert set(keyfile.load(published).peers) == {keyfile.load(dbs[1][1].path).file_id}
    # the snapshot of center 02 does not carry center 01's vaccination
    view = contents(published)
    assert [v["person_id"] for v in view["vaccination"].values()] == \
        [p for p, row in view["person"].items() if row["center_id"] == dbs[1][2]]
    before = published.stat().st_mtime_ns
    again = dropfolder.run_once(share, central)
    assert again.merged == [] and published.stat().st_mtime_ns == before  # nothing new
    merge_files(dbs[1][1].path, [published], Options(direction="pull", with_health=False))
    assert len(contents(dbs[1][1].path)["person"]) == 2
    for _, db, _ in dbs:
        db.close()
