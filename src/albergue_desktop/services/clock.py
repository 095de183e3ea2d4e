"""This computer's clock, checked before it stamps anything, and the way back for a file whose
clock was once far ahead (docs/sync-design.md guarantee 8; docs/sync-recovery.md).

:func:`clock_warnings` compares the clock with the release date, the file's last change
(``hlc_last``) and the latest change seen from other centers, and returns the warnings the
UI shows at sign-in and before a save (Spanish by default). :func:`correct_clock` re-dates
the changes this file wrote while its clock was more than 24 hours ahead (no merge accepted
them), keeping their order, with the jump in the audit log: nothing is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from albergue_sync import recovery
from albergue_sync.files import now_ms as wall_ms

from .. import RELEASE_DATE
from ..domain.i18n import translate
from ..domain.permissions import Permission
from ..storage.db import Database
from .context import Actor

_MESSAGES = {
    "before_release":
        "This computer's date ({now}) is earlier than this version of Albergue ({ref}). "
        "Correct the date and time before saving anything: records and synchronization are "
        "ordered by the clock.",
    "long_after_release":
        "This computer's date ({now}) is more than three years after this version of "
        "Albergue ({ref}). Check the date and time before saving anything.",
    "file_ahead":
        "The last change saved in this file is dated {ref}, later than this computer's "
        "clock ({now}). If the date and time shown now are wrong, correct them. If they are "
        "right, the clock was ahead when those changes were saved: new changes will be "
        "dated after {ref} and win over edits made elsewhere in the meantime.",
    "file_ahead_recoverable":
        "The last change saved in this file is dated {ref}, more than a day after this "
        "computer's clock ({now}): no central file will accept this center's changes. If the "
        "date and time shown now are wrong, correct them. If they are right, choose "
        "\"Correct the clock\": the changes saved while the clock was ahead are re-dated, "
        "in the same order, and nothing is lost.",
    "others_ahead":
        "A change from another center is dated {ref}, later than this computer's clock "
        "({now}). One of the two clocks is wrong: check this computer's date and time.",
    "jump":
        "This computer's date ({now}) is more than a month after the latest change known "
        "({ref}). If the date is wrong, correct it before saving: changes dated ahead win "
        "over later edits everywhere.",
    "ahead_of_others":
        "The latest changes of this file are dated more than a month after the latest "
        "change from other centers ({ref}). If this computer's clock was ahead, correct it; "
        "then choose \"Correct the clock\" if a merge refuses this file.",
}


@dataclass(frozen=True)
class ClockWarning:
    code: str
    message: str
    recoverable: bool  # correct_clock() would bring the file back


def _text(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _release_ms() -> int:
    release = datetime.fromisoformat(RELEASE_DATE).replace(tzinfo=timezone.utc)
    return int(release.timestamp() * 1000)


def clock_warnings(db: Database, *, now_ms: int | None = None) -> list[ClockWarning]:
    """What is wrong with this computer's clock for this file, as messages for the user.
    Empty when nothing is. Reads only (the meta table and the latest audit event of other
    sites)."""
    now = wall_ms() if now_ms is None else now_ms
    with db.engine.connect() as conn:
        hlc_last, other = recovery.file_clocks(
            conn.connection.driver_connection)  # type: ignore[arg-type]
    flags = recovery.assess_clock(now, release_ms=_release_ms(), hlc_last=hlc_last,
                                  other_hlc=other)
    return [ClockWarning(
        f.code,
        translate(_MESSAGES[f.code + ("_recoverable" if f.recoverable else "")],
                  now=_text(f.now_ms), ref=_text(f.ref_ms)),
        f.recoverable) for f in flags]


def correct_clock(db: Database, actor: Actor, *, now_ms: int | None = None,
                  ) -> recovery.RecoveryReport:
    """Re-date the changes this file saved while its clock was more than 24 hours ahead of
    this computer's (now right) clock. Nothing else changes; the jump is in the audit log."""
    actor.require(Permission.SYNC)
    return recovery.reclock(db.path, now_ms=now_ms, user=actor.username)
