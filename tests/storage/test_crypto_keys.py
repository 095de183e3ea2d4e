"""Key wrapping for encrypted files (albergue_sync/crypto_keys.py, docs/encryption.md): argon2id +
XChaCha20-Poly1305 slots per user and for the recovery code, sealed keys per site."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from argon2 import profiles

from albergue_sync import crypto_keys as ck

FAST = ck.KdfParams(time_cost=1, memory_cost=8 * 1024, parallelism=1)
FILE = "site-0190c1d2"


def slot_for(key, secret="contraseña-segura", label="admin", file_id=FILE):
    return ck.wrap(key, secret, label=label, file_id=file_id, kdf=FAST)


def test_default_cost_is_rfc_9106_low_memory():
    p = profiles.RFC_9106_LOW_MEMORY
    assert (ck.DEFAULT_KDF.time_cost, ck.DEFAULT_KDF.memory_cost,
            ck.DEFAULT_KDF.parallelism) == (p.time_cost, p.memory_cost, p.parallelism)


def test_a_slot_gives_back_the_data_key_and_hides_it():
    key = ck.new_data_key()
    assert len(key) == 32 and key != ck.new_data_key()
    slot = slot_for(key)
    assert key not in slot.wrapped and ck.unwrap(slot, "contraseña-segura", file_id=FILE) == key


def test_a_wrong_password_is_one_spanish_message():
    slot = slot_for(ck.new_data_key())
    with pytest.raises(ck.WrongSecret) as caught:
        ck.unwrap(slot, "contraseña-segurA", file_id=FILE)
    assert str(caught.value) == "La contraseña o el código de recuperación no son correctos."


def test_a_slot_is_bound_to_its_file_and_its_user():
    key = ck.new_data_key()
    slot = slot_for(key, label="registro1")
    with pytest.raises(ck.WrongSecret):  # copied into another file's key list
        ck.unwrap(slot, "contraseña-segura", file_id="site-other")
    stolen = ck.KeySlot("admin", slot.salt, slot.nonce, slot.wrapped, slot.kdf)
    with pytest.raises(ck.WrongSecret):  # relabelled as another account's slot
        ck.unwrap(stolen, "contraseña-segura", file_id=FILE)


@pytest.mark.parametrize("field", ["salt", "nonce", "wrapped"])
def test_a_tampered_slot_does_not_open(field):
    slot = slot_for(ck.new_data_key())
    data = bytearray(getattr(slot, field))
    data[0] ^= 1
    bad = ck.KeySlot(**{**slot.__dict__, field: bytes(data)})
    with pytest.raises(ck.WrongSecret):
        ck.unwrap(bad, "contraseña-segura", file_id=FILE)


def test_every_user_unwraps_the_same_key_with_their_own_slot():
    key = ck.new_data_key()
    a = slot_for(key, "clave-de-ana-123", label="ana")
    b = slot_for(key, "clave-de-beto-456", label="beto")
    assert a.salt != b.salt and a.nonce != b.nonce and a.wrapped != b.wrapped
    assert ck.unwrap(a, "clave-de-ana-123", file_id=FILE) == key
    assert ck.unwrap(b, "clave-de-beto-456", file_id=FILE) == key
    with pytest.raises(ck.WrongSecret):
        ck.unwrap(b, "clave-de-ana-123", file_id=FILE)


def test_a_password_change_rewraps_the_same_key():
    key = ck.new_data_key()
    old = slot_for(key)
    new = ck.rewrap(old, "contraseña-segura", "otra-contraseña-larga", file_id=FILE)
    assert ck.unwrap(new, "otra-contraseña-larga", file_id=FILE) == key
    with pytest.raises(ck.WrongSecret):
        ck.unwrap(new, "contraseña-segura", file_id=FILE)


def test_the_password_is_normalized_nfc():
    key = ck.new_data_key()
    slot = slot_for(key, unicodedata.normalize("NFD", "contraseña-segura"))
    assert ck.unwrap(slot, unicodedata.normalize("NFC", "contraseña-segura"),
                     file_id=FILE) == key


def test_slots_round_trip_through_json_and_damage_is_reported():
    slot = slot_for(ck.new_data_key())
    again = ck.KeySlot.from_dict(json.loads(json.dumps(slot.to_dict())))
    assert again == slot
    broken = {**slot.to_dict(), "wrapped": "no es base64!"}
    with pytest.raises(ck.KeyFileError, match="El archivo de claves está dañado"):
        ck.KeySlot.from_dict(broken)
    with pytest.raises(ck.KeyFileError):
        ck.KeySlot.from_dict({**slot.to_dict(), "version": 99})


@pytest.mark.parametrize("kdf", [{"time_cost": 1, "memory_cost": 64 * 1024 * 1024,
                                  "parallelism": 1},       # 64 GiB: a DoS in a key file
                                 {"time_cost": 10_000, "memory_cost": 65536, "parallelism": 4},
                                 {"time_cost": 0, "memory_cost": 65536, "parallelism": 4},
                                 {"time_cost": 3, "memory_cost": 64, "parallelism": 1}])
def test_absurd_costs_in_a_key_file_are_refused_before_hashing(kdf):
    slot = slot_for(ck.new_data_key())
    with pytest.raises(ck.KeyFileError):
        ck.KeySlot.from_dict({**slot.to_dict(), "kdf": kdf})


def test_the_recovery_code_is_160_bits_and_forgiving_to_type():
    code = ck.new_recovery_code()
    assert re.fullmatch(r"([A-Z2-7]{4}-){7}[A-Z2-7]{4}", code)
    assert code != ck.new_recovery_code()
    typed = code.lower().replace("-", " ").replace("o", "0").replace("i", "1")
    assert ck.normalize_recovery_code(typed) == code
    key = ck.new_data_key()
    slot = ck.wrap(key, code, label="recovery", file_id=FILE, kdf=FAST)
    assert ck.unwrap(slot, ck.normalize_recovery_code(typed), file_id=FILE) == key
    with pytest.raises(ck.WrongSecret):
        ck.normalize_recovery_code(code[:-1])


def test_sqlcipher_raw_key_pragma():
    key = bytes(range(32))
    assert ck.sqlcipher_key_pragma(key) == "x'" + key.hex() + "'"
    with pytest.raises(ValueError):
        ck.sqlcipher_key_pragma(b"short")


def test_a_key_sealed_to_a_site_opens_only_there():
    central_pub, central_priv = ck.new_site_keypair()
    _other_pub, other_priv = ck.new_site_keypair()
    key = ck.new_data_key()
    sealed = ck.seal_key(key, central_pub)
    assert key not in sealed and sealed != ck.seal_key(key, central_pub)  # ephemeral sender
    assert ck.open_sealed_key(sealed, central_priv) == key
    with pytest.raises(ck.KeyFileError, match="sellado para otro sitio"):
        ck.open_sealed_key(sealed, other_priv)


def test_fingerprints_are_short_and_tell_keys_apart():
    a, _ = ck.new_site_keypair()
    b, _ = ck.new_site_keypair()
    assert re.fullmatch(r"([A-Z2-7]{4}-){5}[A-Z2-7]{4}", ck.fingerprint(a))
    assert ck.fingerprint(a) != ck.fingerprint(b) and ck.fingerprint(a) == ck.fingerprint(a)
