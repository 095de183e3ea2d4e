"""Password hashing (argon2id via argon2-cffi). The verification is the sync engine's
(``albergue_sync.auth.verify_password``): one function for the app and ``albergue-sync``,
which costs the same for an unknown user (a dummy hash)."""

from __future__ import annotations

from albergue_sync.auth import verify_password
from argon2 import PasswordHasher

from ..domain.errors import AlbergueError

MIN_PASSWORD_LENGTH = 8
_hasher = PasswordHasher()


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AlbergueError("The password must have at least {min} characters.",
                            min=MIN_PASSWORD_LENGTH)


def hash_password(password: str) -> str:
    check_password_strength(password)
    return _hasher.hash(password)


__all__ = ["MIN_PASSWORD_LENGTH", "check_password_strength", "hash_password", "verify_password"]
