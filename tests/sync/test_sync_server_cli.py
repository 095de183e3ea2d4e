"""``albergue-sync enroll / connect / send / receive / revoke / enrolled`` against a server
on loopback: every command signs its user in to the file it touches."""

from __future__ import annotations

import json

from server_helpers import new_central
from sync_helpers import (
    SYNC_PASSWORD, contents, credentials, file_digest, make_center, register,
)

from albergue_sync import auth, cli
from albergue_sync.server.run import Running


def test_enroll_connect_send_receive_revoke(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("ALBERGUE_LANG", "es")
    central = new_central(tmp_path / "central.sqlite")
    auth.create_account(central, "jefa", SYNC_PASSWORD, role="supervision")
    db, cid = make_center(tmp_path / "c04.sqlite", "04")
    register(db, cid, given="Nadege")
    db.close()
    center_login = credentials(tmp_path)
    folder = tmp_path / "server"
    with Running(central, folder) as srv:
        assert cli.main(["enroll", "--cert-dir", str(folder), "--center", "04",
                         "--json"]) == 0
        code = json.loads(capsys.readouterr().out)["code"]
        assert cli.main(["connect", "--db", str(db.path), "--url", srv.url, "--code", code,
                         *center_login]) == 0
        assert "Inscrita en" in capsys.readouterr().out
        assert cli.main(["send", "--db", str(db.path), *center_login]) == 0
        assert "integrado por la central" in capsys.readouterr().out
        assert len(contents(central)["person"]) == 1
        assert cli.main(["receive", "--db", str(db.path), *center_login]) == 0
        assert "Se recibieron los cambios de la central" in capsys.readouterr().out
        assert cli.main(["enrolled", "--cert-dir", str(folder), "--json"]) == 0
        listed = json.loads(capsys.readouterr().out)
        assert [(r["center"], r["revoked_at"]) for r in listed] == [("04", None)]
        before = file_digest(central)
        assert cli.main(["revoke", "--cert-dir", str(folder), "--center", "04"]) == 0
        assert file_digest(central) == before  # the server stays the central's one writer
        assert "Se revocaron 1 credenciales" in capsys.readouterr().out
        assert cli.main(["send", "--db", str(db.path), *center_login]) == 1
        assert "revocó el acceso" in capsys.readouterr().err
    # without --user: a usage error, nothing sent
    assert cli.main(["send", "--db", str(db.path)]) == 2
