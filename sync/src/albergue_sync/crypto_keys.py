"""Keys for encrypted database files: wrapping a file's data key per user, the recovery code,
and sealing a key to the site that must read a travelling file. Design and threat model:
docs/encryption.md and docs/threat-model.md. Qt-free; no SQLCipher here (the key file beside
a database is :mod:`.keyfile`, the keyed connections :mod:`.dbapi`).

- Each database file gets a random 256-bit **data key** (:func:`new_data_key`); SQLCipher
  takes it as a raw key (:func:`sqlcipher_key_pragma`), so opening skips SQLCipher's own
  PBKDF2: the slow step is the argon2id below, once per sign-in.
- The data key is stored only **wrapped**, once per user (:func:`wrap`): argon2id
  (argon2-cffi ``hash_secret_raw``, RFC 9106 "low memory" profile: t=3, 64 MiB, p=4) turns the
  password and a random salt into a key-encryption key, and XChaCha20-Poly1305 (libsodium's
  AEAD, through PyNaCl) encrypts the data key under it. The associated data binds a slot to
  its file and its user: a slot copied to another file or another account does not open.
- A **recovery code** (:func:`new_recovery_code`: 160 random bits, 32 characters, printed
  once at setup) wraps the data key in one more slot, for when every password is lost.
- A file that travels (push to the central file, a pull package, a USB backup) gets a fresh
  data key sealed to the receiving site's X25519 public key (:func:`seal_key`, libsodium
  sealed box): only that site's private key opens it (ODK seals submissions the same way).
"""

from __future__ import annotations

import base64
import hmac
import unicodedata
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from nacl import bindings, exceptions, public, utils
from nacl.hash import blake2b
from nacl.encoding import RawEncoder

from .i18n import SyncRefused

DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = bindings.crypto_aead_xchacha20poly1305_ietf_NPUBBYTES  # 24: random is safe
SLOT_VERSION = 1
RECOVERY_BYTES = 20        # 160 bits -> 32 base32 characters
_AAD_PREFIX = b"albergue-key-slot-v1"
# Bounds on parameters read from a key file: a tampered file must not make a sign-in use
# 64 GiB of memory or an hour of CPU. (A slot with a lowered cost cannot be forged without
# the data key, so the floor is only a sanity bound; tests use 1 MiB.)
_MIN_MEMORY_KIB, _MAX_MEMORY_KIB = 1024, 1024 * 1024
_MAX_TIME_COST, _MAX_PARALLELISM = 20, 16


class KeyFileError(SyncRefused):
    """A key could not be unwrapped or read (message for the user)."""


class WrongSecret(KeyFileError):
    def __init__(self) -> None:
        super().__init__("The password or the recovery code is wrong.")


@dataclass(frozen=True)
class KdfParams:
    """argon2id cost. The default is RFC 9106's second recommended option ("low memory"),
    argon2-cffi's ``RFC_9106_LOW_MEMORY`` profile: t=3, m=64 MiB, p=4."""

    time_cost: int = 3
    memory_cost: int = 64 * 1024  # KiB
    parallelism: int = 4

    def checked(self) -> KdfParams:
        if not (1 <= self.time_cost <= _MAX_TIME_COST
                and 1 <= self.parallelism <= _MAX_PARALLELISM
                and _MIN_MEMORY_KIB <= self.memory_cost <= _MAX_MEMORY_KIB):
            raise KeyFileError("The key file is damaged: {detail}", detail="argon2id")
        return self


DEFAULT_KDF = KdfParams()


@dataclass(frozen=True)
class KeySlot:
    """One wrapped copy of a file's data key: for a user (``label`` = username) or for the
    recovery code (``label`` = "recovery")."""

    label: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    kdf: KdfParams = DEFAULT_KDF
    version: int = SLOT_VERSION

    def to_dict(self) -> dict:
        b64 = lambda b: base64.b64encode(b).decode("ascii")  # noqa: E731
        return {"version": self.version, "label": self.label, "salt": b64(self.salt),
                "nonce": b64(self.nonce), "wrapped": b64(self.wrapped),
                "kdf": asdict(self.kdf)}

    @classmethod
    def from_dict(cls, data: dict) -> KeySlot:
        try:
            if data["version"] != SLOT_VERSION:
                raise ValueError("version")
            slot = cls(label=str(data["label"]),
                       salt=base64.b64decode(data["salt"], validate=True),
                       nonce=base64.b64decode(data["nonce"], validate=True),
                       wrapped=base64.b64decode(data["wrapped"], validate=True),
                       kdf=KdfParams(**{k: int(v) for k, v in data["kdf"].items()}))
            if (len(slot.salt) != SALT_BYTES or len(slot.nonce) != NONCE_BYTES
                    or len(slot.wrapped) != DATA_KEY_BYTES + 16):
                raise ValueError("sizes")
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise KeyFileError("The key file is damaged: {detail}", detail=str(exc)) from exc
        slot.kdf.checked()
        return slot


def new_data_key() -> bytes:
    return utils.random(DATA_KEY_BYTES)


def sqlcipher_key_pragma(data_key: bytes) -> str:
    """The value for ``PRAGMA key = "..."``: a raw 256-bit key (no PBKDF2 in SQLCipher)."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    return f"x'{data_key.hex()}'"


def _secret_bytes(secret: str) -> bytes:
    # The same password typed on a Mac (NFD) and on Windows (NFC) must unwrap the same slot.
    return unicodedata.normalize("NFC", secret).encode("utf-8")


def derive_key(secret: str, salt: bytes, kdf: KdfParams = DEFAULT_KDF) -> bytes:
    """argon2id(secret, salt) -> 32-byte key-encryption key."""
    kdf.checked()
    return hash_secret_raw(_secret_bytes(secret), salt, time_cost=kdf.time_cost,
                           memory_cost=kdf.memory_cost, parallelism=kdf.parallelism,
                           hash_len=32, type=Type.ID)


def _aad(file_id: str, label: str) -> bytes:
    return b"|".join((_AAD_PREFIX, file_id.encode("utf-8"), label.encode("utf-8")))


def wrap(data_key: bytes, secret: str, *, label: str, file_id: str,
         kdf: KdfParams = DEFAULT_KDF) -> KeySlot:
    """A new slot holding ``data_key`` encrypted under argon2id(``secret``)."""
    if len(data_key) != DATA_KEY_BYTES:
        raise ValueError("a data key has 32 bytes")
    salt, nonce = utils.random(SALT_BYTES), utils.random(NONCE_BYTES)
    kek = derive_key(secret, salt, kdf)
    wrapped = bindings.crypto_aead_xchacha20poly1305_ietf_encrypt(
        data_key, _aad(file_id, label), nonce, kek)
    return KeySlot(label, salt, nonce, wrapped, kdf)


def unwrap(slot: KeySlot, secret: str, *, file_id: str) -> bytes:
    """The data key in ``slot``; :class:`WrongSecret` for a wrong password, a slot of
    another file or user, or a slot that was tampered with (the AEAD tells them apart from
    nothing: one message, no oracle)."""
    kek = derive_key(secret, slot.salt, slot.kdf)
    try:
        return bindings.crypto_aead_xchacha20poly1305_ietf_decrypt(
            slot.wrapped, _aad(file_id, slot.label), slot.nonce, kek)
    except exceptions.CryptoError as exc:
        raise WrongSecret() from exc


def rewrap(slot: KeySlot, old_secret: str, new_secret: str, *, file_id: str,
           kdf: KdfParams | None = None) -> KeySlot:
    """A password change: the same data key under the new password (the database file
    itself is not re-encrypted)."""
    return wrap(unwrap(slot, old_secret, file_id=file_id), new_secret, label=slot.label,
                file_id=file_id, kdf=kdf or slot.kdf)


# --- recovery code ----------------------------------------------------------------------------

_CONFUSABLE = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_code() -> str:
    """160 random bits as 8 groups of 4 base32 letters/digits, e.g. ``K7QM-...``, to print
    once and keep in the coordinator's safe."""
    text = base64.b32encode(utils.random(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def normalize_recovery_code(typed: str) -> str:
    """What the user typed -> the canonical code: case, spaces and dashes do not matter, and
    0/1/8 typed for O/I/B are read as the letters (base32 has no 0, 1 or 8)."""
    raw = "".join(ch for ch in typed.upper() if ch.isalnum()).translate(_CONFUSABLE)
    if len(raw) != 32 or any(ch not in "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567" for ch in raw):
        raise WrongSecret()
    return "-".join(raw[i:i + 4] for i in range(0, 32, 4))


# --- sealing a travelling file's key to a site ------------------------------------------------

def new_site_keypair() -> tuple[bytes, bytes]:
    """(public, private) X25519 keys of a site. The private key is kept wrapped like a data
    key; the public key is given to the sites that send this site files."""
    private = public.PrivateKey.generate()
    return bytes(private.public_key), bytes(private)


def seal_key(data_key: bytes, recipient_public: bytes) -> bytes:
    """``data_key`` readable only with the recipient's private key (anonymous sender)."""
    return public.SealedBox(public.PublicKey(recipient_public)).encrypt(data_key)


def open_sealed_key(sealed: bytes, private_key: bytes) -> bytes:
    try:
        return public.SealedBox(public.PrivateKey(private_key)).decrypt(sealed)
    except exceptions.CryptoError as exc:
        raise KeyFileError("This file was sealed for another site; it cannot be opened "
                        "here.") from exc


def fingerprint(public_key: bytes) -> str:
    """A short, readable digest of a site's public key, compared aloud or on paper when two
    sites exchange keys (so nobody slips in their own key)."""
    digest = blake2b(public_key, digest_size=15, encoder=RawEncoder)
    text = base64.b32encode(digest).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def same_key(a: bytes, b: bytes) -> bool:
    return hmac.compare_digest(a, b)
