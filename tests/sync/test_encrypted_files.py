"""albergue-sync on encrypted files (docs/encryption.md): the sign-in unwraps the file's
key, a source opens only with a key the operator can reach, raw bytes show nothing."""

from __future__ import annotations

from sync_helpers import SYNC_PASSWORD, SYNC_USER, make_center, register

from albergue_desktop.services import centers
from albergue_desktop.storage.db import Database
from albergue_sync import keyfile
from albergue_sync.cli import main
from albergue_sync.status import export


def _secret(folder, text, name):
    path = folder / name
    path.write_text(text + "\n", "utf-8")
    return str(path)


def test_merge_signs_in_by_unwrapping_and_opens_only_reachable_sources(tmp_path, capsys):
    db, center_id = make_center(tmp_path / "c01.sqlite", "01")
    register(db, center_id, "Wilnerson", "Pierre-Louis")
    db.close()
    usb, central = tmp_path / "usb.sqlite", tmp_path / "central.sqlite"
    export(db.path, usb)
    right = _secret(tmp_path, SYNC_PASSWORD, "clave.txt")
    wrong = _secret(tmp_path, "no-es-la-clave", "mala.txt")
    # the central's first account has the name and password of the center's coordinator
    assert main(["merge", "--into", str(central), str(usb), "--user", SYNC_USER,
                 "--password-file", right, "--admin", SYNC_USER,
                 "--admin-password-file", right]) == 0
    assert "Código de recuperación de" in capsys.readouterr().err
    for path in (db.path, usb, central):
        assert b"Wilnerson" not in path.read_bytes()
        keyfile.forget(path)  # another run of the command
    keyfile.forget_offered()
    assert main(["merge", "--into", str(central), str(usb), "--user", SYNC_USER,
                 "--password-file", wrong]) != 0
    assert "Usuario o contraseña incorrectos." in capsys.readouterr().err
    assert main(["merge", "--into", str(central), str(usb), "--user", SYNC_USER,
                 "--password-file", right]) == 0
    # a file of another center whose accounts the operator does not share stays closed
    other = Database.open(tmp_path / "c02.sqlite")
    centers.create_user(other, None, username="otra", full_name="Otra", role="coordinacion",
                        password="otra-clave-999")
    other.close()
    keyfile.forget(other.path)
    capsys.readouterr()
    assert main(["merge", "--into", str(central), str(other.path), "--user", SYNC_USER,
                 "--password-file", right]) != 0
    assert "está cifrado y no se puede abrir aquí" in capsys.readouterr().err


def test_status_of_an_encrypted_file_opens_with_a_users_password(tmp_path, capsys):
    db, _center_id = make_center(tmp_path / "c01.sqlite", "01")
    db.close()
    keyfile.forget(db.path)
    right = _secret(tmp_path, SYNC_PASSWORD, "clave.txt")
    wrong = _secret(tmp_path, "no-es-la-clave", "mala.txt")
    assert main(["status", str(db.path)]) != 0
    assert "está cifrado y no se puede abrir aquí" in capsys.readouterr().err
    assert main(["status", str(db.path), "--user", SYNC_USER, "--password-file", wrong]) != 0
    assert "Usuario o contraseña incorrectos." in capsys.readouterr().err
    assert main(["status", str(db.path), "--user", SYNC_USER, "--password-file", right,
                 "--json"]) == 0
    assert '"schema_version"' in capsys.readouterr().out
