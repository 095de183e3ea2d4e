"""Identifiers: UUIDv7 (time-ordered) primary keys as canonical text, made by the sync
engine's one implementation (``albergue_sync.stamps.new_id``)."""

from __future__ import annotations

from albergue_sync.stamps import new_id

__all__ = ["new_id"]
