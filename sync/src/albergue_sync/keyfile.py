"""The key file beside an encrypted database (``<file>.keys``) and the data keys this process
has unlocked. Design: docs/encryption.md section 2.

A key file holds a random ``file_id`` and the file's data key wrapped in slots: one per user
(``user:<name>``, argon2id of the password), one for the recovery code (``recovery``), and
one per file this one synchronizes with (``peers``: the data key wrapped under the peer's
data key, so a central file's operators open the center files that pushed to it, and a
center opens its central). Nothing in it is a secret in clear.

Unlocked keys live in this process only (:func:`remember`, :func:`key_for`), by resolved
path; :mod:`.dbapi` keys every connection from them.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from nacl import bindings, exceptions, utils

from . import crypto_keys as ck
from .i18n import SyncRefused

SUFFIX = ".keys"
RECOVERY = "recovery"
FORMAT = "albergue-keys-v1"
# argon2id cost of new slots; tests/conftest.py sets a cheap profile.
KDF: ck.KdfParams = ck.DEFAULT_KDF

_lock = threading.RLock()
_keys: dict[str, bytes] = {}
_offered: list[tuple[str, str]] = []  # (username, password) signed in with in this process
_ids: dict[str, str] = {}  # path -> file_id of its key file ("" for none), looked up once


def keys_path(db_path: Path | str) -> Path:
    return Path(f"{db_path}{SUFFIX}")


def _norm(path: Path | str) -> str:
    return os.path.normcase(os.path.realpath(os.fspath(path)))


# --- keys in memory -----------------------------------------------------------------------

def remember(path: Path | str, key: bytes) -> None:
    if len(key) != ck.DATA_KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    with _lock:
        _keys[_norm(path)] = key
        _ids.pop(_norm(path), None)  # its key file may be new (a copy, a conversion)


def key_for(path: Path | str) -> bytes | None:
    """The data key of ``path`` if this process unlocked it (or made it, or copied it)."""
    with _lock:
        return _keys.get(_norm(path))


def forget(path: Path | str) -> None:
    with _lock:
        _keys.pop(_norm(path), None)
        _ids.pop(_norm(path), None)


def user_label(username: str) -> str:
    return f"user:{username.strip().lower()}"


# --- the key file ---------------------------------------------------------------------------

@dataclass
class KeyFile:
    file_id: str
    slots: dict[str, ck.KeySlot] = field(default_factory=dict)
    peers: dict[str, tuple[bytes, bytes]] = field(default_factory=dict)  # id -> nonce, box

    def to_json(self) -> str:
        return json.dumps({
            "format": FORMAT, "file_id": self.file_id,
            "slots": [slot.to_dict() for slot in self.slots.values()],
            "peers": {fid: {"nonce": n.hex(), "wrapped": w.hex()}
                      for fid, (n, w) in self.peers.items()},
        }, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> KeyFile:
        try:
            data = json.loads(text)
            if data["format"] != FORMAT:
                raise ValueError("format")
            slots = [ck.KeySlot.from_dict(s) for s in data["slots"]]
            peers = {str(fid): (bytes.fromhex(p["nonce"]), bytes.fromhex(p["wrapped"]))
                     for fid, p in data.get("peers", {}).items()}
            return cls(str(data["file_id"]), {s.label: s for s in slots}, peers)
        except ck.KeyFileError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ck.KeyFileError("The key file is damaged: {detail}", detail=str(exc)) from exc


def has_keys(db_path: Path | str) -> bool:
    return keys_path(db_path).exists()


def load(db_path: Path | str) -> KeyFile:
    path = keys_path(db_path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise SyncRefused("{path} is encrypted and its key file ({keys}) is missing: copy it "
                          "from where the database came from (the two files travel "
                          "together).", path=str(db_path), keys=path.name) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ck.KeyFileError("The key file is damaged: {detail}", detail=str(exc)) from exc
    return KeyFile.from_json(text)


def save(db_path: Path | str, keys: KeyFile) -> None:
    """Written beside, fsynced and renamed over the old one (0600): a kill leaves the old or
    the new key file, never half of one."""
    path = keys_path(db_path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(keys.to_json())
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        with _lock:
            _ids[_norm(db_path)] = keys.file_id
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise SyncRefused("Cannot write {path}: {detail}", path=str(path),
                          detail=exc.strerror or str(exc)) from exc


def create(db_path: Path | str, *, keep: bool = True) -> bytes:
    """A new data key for a new file, its key file (no slot yet) and, when ``keep``, the
    key remembered. The caller adds slots (:func:`add_user`, :func:`add_recovery`,
    :func:`link`)."""
    key = ck.new_data_key()
    save(db_path, KeyFile(uuid.uuid4().hex))
    if keep:
        remember(db_path, key)
    return key


def _unlocked_key(db_path: Path | str, key: bytes | None = None) -> bytes:
    key = key or key_for(db_path)
    if key is None:
        raise RuntimeError(f"{db_path} is not unlocked in this process")
    return key


def add_user(db_path: Path | str, username: str, password: str, *,
             key: bytes | None = None) -> None:
    """(Re)wrap the file's data key for ``username`` under ``password`` (account created,
    password changed or reset). The file must be unlocked in this process (or ``key``
    given: a file being converted)."""
    key = _unlocked_key(db_path, key)
    with _lock:
        keys = load(db_path)
        label = user_label(username)
        keys.slots[label] = ck.wrap(key, password, label=label, file_id=keys.file_id, kdf=KDF)
        save(db_path, keys)


def remove_user(db_path: Path | str, username: str) -> None:
    with _lock:
        keys = load(db_path)
        if keys.slots.pop(user_label(username), None) is not None:
            save(db_path, keys)


def add_recovery(db_path: Path | str, *, key: bytes | None = None) -> str:
    """A new recovery code for the file (replacing any former one); shown once."""
    key = _unlocked_key(db_path, key)
    code = ck.new_recovery_code()
    with _lock:
        keys = load(db_path)
        keys.slots[RECOVERY] = ck.wrap(key, code, label=RECOVERY, file_id=keys.file_id,
                                       kdf=KDF)
        save(db_path, keys)
    return code


def unlock(db_path: Path | str, username: str, password: str) -> bytes:
    """The data key from ``username``'s slot; :class:`crypto_keys.WrongSecret` for a wrong
    password, an unknown user or a user without a slot (the same argon2 cost for all)."""
    keys = load(db_path)
    slot = keys.slots.get(user_label(username))
    if slot is None:  # the same work as a real slot: no user enumeration by timing
        ck.derive_key(password, bytes(ck.SALT_BYTES), KDF)
        raise ck.WrongSecret()
    key = ck.unwrap(slot, password, file_id=keys.file_id)
    remember(db_path, key)
    return key


def unlock_recovery(db_path: Path | str, code: str) -> bytes:
    keys = load(db_path)
    slot = keys.slots.get(RECOVERY)
    normalized = ck.normalize_recovery_code(code)
    if slot is None:
        raise ck.WrongSecret()
    key = ck.unwrap(slot, normalized, file_id=keys.file_id)
    remember(db_path, key)
    return key


def _peer_aad(holder: str, peer: str) -> bytes:
    return f"albergue-peer-slot-v1|{holder}|{peer}".encode()


def link(a: Path | str, b: Path | str) -> None:
    """Each file's key file gets its data key wrapped under the other's: whoever has
    unlocked one can open the other (a center and its central file). Both unlocked here."""
    key_a, key_b = _unlocked_key(a), _unlocked_key(b)
    with _lock:
        keys_a, keys_b = load(a), load(b)
        for keys, own, other_id, other_key, path in (
                (keys_a, key_a, keys_b.file_id, key_b, a),
                (keys_b, key_b, keys_a.file_id, key_a, b)):
            if other_id in keys.peers:
                continue
            nonce = utils.random(ck.NONCE_BYTES)
            box = bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
                own, _peer_aad(keys.file_id, other_id), nonce, other_key)
            keys.peers[other_id] = (nonce, box)
            save(path, keys)


def grant(db_path: Path | str, peer: Path | str) -> None:
    """One direction of :func:`link`: ``db_path``'s key file gets its data key wrapped
    under ``peer``'s, so whoever unlocked ``peer`` (or a copy with its key file) opens
    ``db_path``; ``peer``'s key file is not written. A file published for one center (the
    drop folder). Both unlocked here."""
    key, peer_key = _unlocked_key(db_path), _unlocked_key(peer)
    with _lock:
        keys, peer_id = load(db_path), load(peer).file_id
        nonce = utils.random(ck.NONCE_BYTES)
        keys.peers[peer_id] = (nonce, bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
            key, _peer_aad(keys.file_id, peer_id), nonce, peer_key))
        save(db_path, keys)


def offer(username: str, password: str) -> None:
    """Credentials a user signed in with (``albergue-sync``): a source file whose key file
    has a slot for the same account and password opens with them (:func:`unlock_by_peer`).
    Kept in this process's memory only, like the unlocked keys."""
    with _lock:
        if (username, password) not in _offered:
            _offered.append((username, password))


def forget_offered() -> None:
    with _lock:
        _offered.clear()


def unlock_by_peer(db_path: Path | str) -> bytes | None:
    """The data key of ``db_path`` through a peer slot whose peer file is unlocked in this
    process, or a slot of an account signed in with in this process; None when there is
    none."""
    if not has_keys(db_path):
        return None
    keys = load(db_path)
    with _lock:
        offered = list(_offered)
    for username, password in offered:
        slot = keys.slots.get(user_label(username))
        if slot is None:
            continue
        try:
            key = ck.unwrap(slot, password, file_id=keys.file_id)
        except ck.WrongSecret:
            continue
        remember(db_path, key)
        return key
    if not keys.peers:
        return None
    with _lock:
        unlocked = list(_keys.items())
    for path, peer_key in unlocked:
        peer_id = _file_id(path)
        if not peer_id or peer_id not in keys.peers:
            continue
        nonce, box = keys.peers[peer_id]
        try:
            key = bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
                box, _peer_aad(keys.file_id, peer_id), nonce, peer_key)
        except exceptions.CryptoError:
            continue
        remember(db_path, key)
        return key
    return None


def _file_id(path: str) -> str:
    with _lock:
        found = _ids.get(path)
    if found is None:
        try:
            found = load(path).file_id if has_keys(path) else ""
        except SyncRefused:
            found = ""
        with _lock:
            _ids[path] = found
    return found


def copy_keys(source: Path | str, dest: Path | str, *, key_file: bool = True) -> None:
    """``dest`` is a byte copy of ``source``: the same key (remembered) and, when
    ``key_file``, a copy of its key file (a copy that leaves this process)."""
    key = key_for(source)
    if key is None:
        return
    remember(dest, key)
    if key_file and has_keys(source):
        try:
            shutil.copyfile(keys_path(source), keys_path(dest))
        except OSError as exc:
            raise SyncRefused("Cannot write {path}: {detail}", path=str(keys_path(dest)),
                              detail=exc.strerror or str(exc)) from exc
