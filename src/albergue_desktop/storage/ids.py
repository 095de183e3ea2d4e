"""Identifiers: UUIDv7 (time-ordered) primary keys as canonical text."""

from __future__ import annotations

import uuid6


def new_id() -> str:
    return str(uuid6.uuid7())
