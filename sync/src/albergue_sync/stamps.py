"""The sync primitives, in one place for the engine and the desktop: the hybrid logical
clock, the bookkeeping column names, the version stamps of a write, and UUIDv7 ids.

The desktop's SQLAlchemy hook (``albergue_desktop/storage/versioning.py``) stamps every
write with these functions; the engine (:mod:`.conflicts`) stamps a resolution with them too,
so a stamp means the same thing whoever wrote it (docs/sync-design.md "Versions"):

- ``hlc``: milliseconds in the high bits, a counter in the low :data:`HLC_COUNTER_BITS`;
- ``vv``: version vector, site -> the highest change counter of that site seen by the row;
- ``fv``: per-field dots ``[hlc, site, counter]``; ``"*"`` is the dot of every field not
  listed (a new row has only ``"*"``).
"""

from __future__ import annotations

from typing import Any

import uuid6

# The clock lives in files.py (the engine's clock checks use it); re-exported here as the
# one implementation of the HLC.
from .files import HLC_COUNTER_BITS, hlc_to_ms, next_hlc, now_ms
from .rules import BOOKKEEPING, SYNCED_COLUMNS

__all__ = [
    "BOOKKEEPING", "HLC_COUNTER_BITS", "SYNCED_COLUMNS", "hlc_to_ms", "new_id", "new_stamp",
    "next_hlc", "now_ms", "stamp_update",
]


def new_id() -> str:
    """A UUIDv7 (time-ordered) primary key as canonical text."""
    return str(uuid6.uuid7())


def new_stamp(site_id: str, seq: int, hlc: int) -> dict[str, Any]:
    """Sync columns of a new row written by ``site_id`` as its change ``seq`` at ``hlc``:
    the dot (hlc, site, seq) is the dot of all its fields."""
    return {"hlc": hlc, "change_seq": seq, "vv": {site_id: seq},
            "fv": {"*": [hlc, site_id, seq]}}


def stamp_update(vv: dict[str, int] | None, fv: dict[str, Any] | None, fields,
                 site_id: str, seq: int, hlc: int) -> tuple[dict[str, int], dict[str, Any]]:
    """New ``vv`` and ``fv`` of a row after ``site_id`` wrote ``fields`` as its change
    ``seq`` at ``hlc`` (the inputs are not modified)."""
    dot = [hlc, site_id, seq]
    fv_out = dict(fv or {})
    for name in fields:
        fv_out[name] = dot
    vv_out = dict(vv or {})
    vv_out[site_id] = seq
    return vv_out, fv_out
