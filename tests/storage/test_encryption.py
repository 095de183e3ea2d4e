"""Encrypted files (docs/encryption.md): what a stolen file shows, who opens it, and the
conversion of a plain file of an earlier version."""

from __future__ import annotations

import pytest
from factories import member

from albergue_desktop.domain.errors import StorageError
from albergue_desktop.services import accounts, encryption, people, sync_files
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.encrypt import BACKUP_SUFFIX, WORK_SUFFIX
from albergue_sync import crypto_keys, keyfile
from albergue_sync.status import export

ADMIN, PASSWORD = "admin", "contraseña-segura"
# What a thief must not find: names, a document number, a free-text note.
SECRETS = ["Wilnerson", "Pierre-Louis", "HT98765432", "cicatriz en el brazo"]


def _register(db, center_id) -> None:
    people.register_household(db, SYSTEM, center_id=center_id, members=[member(
        given="Wilnerson", surnames="Pierre-Louis", notes="cicatriz en el brazo izquierdo",
        documents=[{"doc_type": "passport", "number": "HT98765432"}])])


def _bytes(path) -> bytes:
    """The file and its WAL, as someone copying the folder would get them."""
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    return data + (wal.read_bytes() if wal.exists() else b"")


def _found(path) -> list[str]:
    data = _bytes(path)
    return [s for s in SECRETS if s.encode() in data or s.encode("utf-16-le") in data]


def _people(db) -> list[tuple[str, str]]:
    with db.read_session() as session:
        return [tuple(r) for r in session.connection().exec_driver_sql(
            "SELECT given_names, surnames FROM person ORDER BY given_names").all()]


def test_center_central_and_usb_copy_show_nothing_readable(tmp_path, db, center):
    _register(db, center.id)
    central, usb = tmp_path / "central.sqlite", tmp_path / "usb" / "centro03.sqlite"
    sync_files.push(db, SYSTEM, central)
    export(db.path, usb)
    for path in (db.path, central, usb):
        assert path.read_bytes()[:16] != b"SQLite format 3\x00"
        assert _found(path) == [], path
        assert keyfile.has_keys(path)
    # the same people in a plain file are there to read: the check above can fail
    plain = Database.open(tmp_path / "plain.sqlite", encrypt=False)
    try:
        c, _ = __import__("albergue_desktop.services.centers", fromlist=["x"]) \
            .init_center_database(plain, center_code="04", center_name="Centro 4",
                                  city_prefix="MXL", admin_username=ADMIN,
                                  admin_password=PASSWORD)
        _register(plain, c.id)
    finally:
        plain.close()
    assert _found(tmp_path / "plain.sqlite") != []


def test_a_central_file_opens_with_the_center_that_pushed_and_the_usb_copy_with_it(
        tmp_path, db, center):
    _register(db, center.id)
    central, usb = tmp_path / "central.sqlite", tmp_path / "centro03.sqlite"
    sync_files.push(db, SYSTEM, central)
    export(db.path, usb)
    for path in (central, usb):
        keyfile.forget(path)  # another day: only the center file is signed in to
    reopened = Database.open(central)  # through its slot of the center's key
    try:
        assert not reopened.locked
        assert ("Wilnerson", "Pierre-Louis") in _people(reopened)
    finally:
        reopened.close()
    keyfile.forget(db.path)  # now only the central file: the center's USB copy opens with it
    copy = Database.open(usb)
    try:
        assert not copy.locked and ("Wilnerson", "Pierre-Louis") in _people(copy)
    finally:
        copy.close()


def _cold(db) -> Database:
    """``db``'s file opened again by a new process: its key is not in memory."""
    db.close()
    keyfile.forget(db.path)
    return Database.open(db.path)


def test_sign_in_is_the_key_check_wrong_passwords_and_unknown_users_get_one_message(db,
                                                                                    center):
    _register(db, center.id)
    locked = _cold(db)
    assert locked.locked
    with pytest.raises(StorageError, match="está cifrado: inicie sesión"):
        with locked.read_session():
            pass
    for user, password in ((ADMIN, "otra-contraseña"), ("nadie", PASSWORD)):
        with pytest.raises(accounts.SignInError) as caught:
            accounts.sign_in(locked, user, password)
        assert str(caught.value) == "Usuario o contraseña incorrectos."
        assert locked.locked
    actor = accounts.sign_in(locked, ADMIN, PASSWORD)
    assert actor.username == ADMIN and not locked.locked
    assert ("Wilnerson", "Pierre-Louis") in _people(locked)
    locked.close()


def test_password_change_reset_and_deactivation_follow_the_key_slots(db, center):
    from albergue_desktop.services import centers

    admin = accounts.sign_in(db, ADMIN, PASSWORD)
    nurse = centers.create_user(db, admin, username="salud1", full_name="Enfermera",
                                role="salud", password="clave-inicial-1", center_id=center.id)
    accounts.reset_password(db, admin, nurse.id, "clave-temporal-2")
    cold = _cold(db)
    with pytest.raises(accounts.SignInError):  # the old password no longer opens the file
        accounts.sign_in(cold, "salud1", "clave-inicial-1")
    accounts.sign_in(cold, "salud1", "clave-temporal-2")
    accounts.set_active(cold, admin, nurse.id, False)
    again = _cold(cold)
    with pytest.raises(accounts.SignInError):  # a deactivated user's slot is gone
        accounts.sign_in(again, "salud1", "clave-temporal-2")
    accounts.sign_in(again, ADMIN, PASSWORD)
    again.close()


def test_the_recovery_code_opens_the_file_and_a_wrong_one_is_refused_in_spanish(db, center):
    code = encryption.new_recovery_code(db)
    assert code is not None and len(code.replace("-", "")) == 32
    locked = _cold(db)
    with pytest.raises(crypto_keys.WrongSecret) as caught:
        locked.unlock_with_recovery("AAAA-" * 7 + "AAAA")
    assert str(caught.value) == "La contraseña o el código de recuperación no son correctos."
    locked.unlock_with_recovery(code.lower().replace("-", " "))
    assert not locked.locked
    locked.close()


def test_foreign_and_damaged_files_get_a_clear_message(tmp_path, db, center):
    random_bytes = tmp_path / "aleatorio.sqlite"
    random_bytes.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(StorageError, match="no es una base de datos de Albergue"):
        Database.open(random_bytes)
    # an encrypted file whose pages were damaged (its key known: signed in to)
    _register(db, center.id)
    db.close()
    data = bytearray(db.path.read_bytes())
    data[5000:5064] = b"\xff" * 64
    damaged = tmp_path / "dañado.sqlite"
    damaged.write_bytes(bytes(data))
    keyfile.copy_keys(db.path, damaged)
    with pytest.raises(StorageError, match="está dañado"):
        Database.open(damaged)
    # the key file of another database beside it: no password opens it
    other = Database.open(tmp_path / "otro.sqlite")
    other.close()
    mixed = tmp_path / "mezclado.sqlite"
    mixed.write_bytes(db.path.read_bytes())
    keyfile.keys_path(mixed).write_bytes(keyfile.keys_path(db.path).read_bytes())
    keyfile.copy_keys(tmp_path / "otro.sqlite", mixed, key_file=False)  # the wrong key
    with pytest.raises(StorageError, match="está dañado: su clave no lo abre"):
        Database.open(mixed)


def test_a_plain_file_of_an_earlier_version_is_encrypted_in_place_nothing_lost(tmp_path):
    from albergue_desktop.services import centers

    path = tmp_path / "antiguo.sqlite"
    plain = Database.open(path, encrypt=False)
    c, _ = centers.init_center_database(plain, center_code="05", center_name="Centro 5",
                                        city_prefix="MXL", admin_username=ADMIN,
                                        admin_password=PASSWORD)
    _register(plain, c.id)
    registro = centers.create_user(plain, None, username="registro1", full_name="Registro",
                                   role="registro", password="clave-registro-1",
                                   center_id=c.id)
    before = _people(plain)
    with plain.read_session() as session:
        counts = {t: session.connection().exec_driver_sql(
            f"SELECT count(*) FROM {t}").scalar() for t in ("person", "audit_event", "meta")}
    assert not plain.encrypted and _found(path) != []
    # a non-administrator's sign-in leaves it plain; the administrator's encrypts it
    actor = accounts.sign_in(plain, "registro1", "clave-registro-1")
    assert encryption.encrypt_on_sign_in(plain, actor, "clave-registro-1") is None
    actor = accounts.sign_in(plain, ADMIN, PASSWORD)
    code = encryption.encrypt_on_sign_in(plain, actor, PASSWORD)
    assert code is not None and plain.encrypted
    assert _people(plain) == before
    with plain.read_session() as session:
        after = {t: session.connection().exec_driver_sql(
            f"SELECT count(*) FROM {t}").scalar() for t in ("person", "audit_event", "meta")}
    assert after == {**counts, "audit_event": after["audit_event"]}
    assert after["audit_event"] > counts["audit_event"]  # sign-ins and the conversion
    plain.close()
    assert _found(path) == []
    leftovers = [p.name for p in tmp_path.iterdir() if BACKUP_SUFFIX in p.name
                 or WORK_SUFFIX in p.name]
    assert leftovers == []  # no readable backup left behind
    keyfile.forget(path)
    reopened = Database.open(path)
    assert reopened.locked
    with pytest.raises(accounts.SignInError):  # the registro user gets a slot on reset
        accounts.sign_in(reopened, "registro1", "clave-registro-1")
    reopened.unlock_with_recovery(code)
    assert _people(reopened) == before
    accounts.reset_password(reopened, actor, registro.id, "clave-temporal-9")
    reopened.close()
    keyfile.forget(path)
    again = Database.open(path)
    accounts.sign_in(again, "registro1", "clave-temporal-9")
    again.close()


def test_a_killed_conversion_leaves_the_plain_file_and_no_copy(tmp_path, monkeypatch):
    from albergue_desktop.services import centers
    from albergue_desktop.storage import encrypt

    path = tmp_path / "antiguo.sqlite"
    plain = Database.open(path, encrypt=False)
    c, _ = centers.init_center_database(plain, center_code="05", center_name="Centro 5",
                                        city_prefix="MXL", admin_username=ADMIN,
                                        admin_password=PASSWORD)
    _register(plain, c.id)
    actor = accounts.sign_in(plain, ADMIN, PASSWORD)
    before = _people(plain)

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # as if the power went out at the rename
    monkeypatch.setattr(encrypt.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        encryption.encrypt_on_sign_in(plain, actor, PASSWORD)
    monkeypatch.undo()
    assert not plain.encrypted and _people(plain) == before
    plain.close()
    assert not (tmp_path / f"antiguo.sqlite{WORK_SUFFIX}").exists()
    Database.open(path).close()  # the next open removes what the killed run left
    assert not (tmp_path / f"antiguo.sqlite{BACKUP_SUFFIX}").exists()


def test_every_password_lost_the_recover_command_opens_with_the_code(tmp_path, capsys):
    from albergue_desktop import cli
    from albergue_desktop.services import centers

    path = tmp_path / "centro.sqlite"
    db = Database.open(path)
    centers.init_center_database(db, center_code="06", center_name="Centro 6",
                                 city_prefix="MXL", admin_username=ADMIN,
                                 admin_password=PASSWORD)
    code = encryption.new_recovery_code(db)
    db.close()
    keyfile.forget(path)  # another day, another process
    wrong, right, new = (tmp_path / n for n in ("mal.txt", "codigo.txt", "clave.txt"))
    wrong.write_text("ABCD" * 8)
    right.write_text(code.lower())
    new.write_text("una-clave-nueva-larga")
    argv = ["recover", "--db", str(path), "--user", ADMIN, "--password-file", str(new)]
    assert cli.main([*argv, "--code-file", str(wrong)]) == 1
    assert "El código de recuperación no es correcto." in capsys.readouterr().err
    assert cli.main([*argv, "--code-file", str(right)]) == 0
    out = capsys.readouterr().out
    assert "admin tiene una contraseña nueva" in out and code not in out
    keyfile.forget(path)
    reopened = Database.open(path)
    with pytest.raises(crypto_keys.WrongSecret):  # the used code was replaced
        reopened.unlock_with_recovery(code)
    accounts.sign_in(reopened, ADMIN, "una-clave-nueva-larga")
    reopened.close()


def test_a_central_file_made_by_a_push_opens_elsewhere_with_its_recovery_code(
        tmp_path, db, center, capsys):
    from albergue_desktop import cli

    _register(db, center.id)
    central = tmp_path / "central.sqlite"
    summary = sync_files.push(db, SYSTEM, central)
    assert summary.created and summary.recovery_code
    again = sync_files.push(db, SYSTEM, central)
    assert again.recovery_code is None  # shown once, when the file was made
    db.close()
    for path in (db.path, central):
        keyfile.forget(path)  # the central computer: only the file and its key file
    code_file, password_file = tmp_path / "codigo.txt", tmp_path / "clave.txt"
    code_file.write_text(summary.recovery_code)
    password_file.write_text("clave-de-la-jefa-1")
    assert cli.main(["recover", "--db", str(central), "--user", "Jefa", "--code-file",
                     str(code_file), "--password-file", str(password_file)]) == 0
    capsys.readouterr()
    keyfile.forget(central)
    opened = Database.open(central)
    actor = accounts.sign_in(opened, "jefa", "clave-de-la-jefa-1")
    assert (actor.role, actor.center_id) == ("admin", None)
    assert ("Wilnerson", "Pierre-Louis") in _people(opened)
    opened.close()
