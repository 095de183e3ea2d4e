"""The clock checked before it writes, and the way back for a file whose clock was once far
ahead (services/clock.py, docs/sync-recovery.md)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from albergue_desktop import RELEASE_DATE
from albergue_desktop.domain.errors import AlbergueError
from albergue_desktop.services import clock
from albergue_desktop.services.context import Actor
from albergue_desktop.storage.versioning import wall_clock_ms
from albergue_sync.files import HLC_COUNTER_BITS, hlc_to_ms
from albergue_sync.recovery import CLOCK_LEEWAY_MS, FLAG_MS, JUMP_MS, assess_clock

HOUR = 3600 * 1000
DAY = 24 * HOUR
YEAR = 365 * DAY


def _set_hlc_last(db, ms: int) -> None:
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meta SET value = ? WHERE key = 'hlc_last'",
                             (str(ms << HLC_COUNTER_BITS),))


def _codes(db, **kw):
    return [(w.code, w.recoverable) for w in clock.clock_warnings(db, **kw)]


def test_a_right_clock_on_a_fresh_file_gives_no_warning(db, center):
    assert clock.clock_warnings(db) == []


def test_a_file_whose_last_change_is_years_ahead_offers_the_correction(db, center):
    now = wall_clock_ms()
    _set_hlc_last(db, now + 3 * YEAR)
    [warning] = clock.clock_warnings(db, now_ms=now)
    assert (warning.code, warning.recoverable) == ("file_ahead", True)
    assert "Corregir el reloj" in warning.message and "corríjalas" in warning.message


def test_a_clock_hours_ahead_is_flagged_too(db, center):
    now = wall_clock_ms()
    _set_hlc_last(db, now + 5 * HOUR)
    assert _codes(db, now_ms=now) == [("file_ahead", False)]


def test_a_clock_before_the_release_or_a_month_after_the_last_change(db, center):
    release = datetime.fromisoformat(RELEASE_DATE).replace(tzinfo=timezone.utc)
    before = int((release - timedelta(days=2)).timestamp() * 1000)
    assert ("before_release", False) in _codes(db, now_ms=before)
    later = wall_clock_ms() + 40 * DAY
    [warning] = clock.clock_warnings(db, now_ms=later)
    assert warning.code == "jump" and "más de un mes" in warning.message


def test_correct_clock_needs_the_sync_permission_and_re_dates(db, center):
    now = wall_clock_ms()
    _register_ahead(db, center, now + 2 * YEAR)  # saved while the clock was two years ahead
    assert _codes(db, now_ms=now) == [("file_ahead", True)]
    clerk = Actor(username="registro1", role="registro", center_id=center.id)
    with pytest.raises(AlbergueError):
        clock.correct_clock(db, clerk, now_ms=now)
    admin = Actor(username="admin", role="admin", center_id=center.id)
    report = clock.correct_clock(db, admin, now_ms=now)
    assert report.writes > 0 and hlc_to_ms(report.hlc_after) <= now + CLOCK_LEEWAY_MS
    assert clock.clock_warnings(db, now_ms=now) == []
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM person").scalar() == 1
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM audit_event WHERE action = 'reclock'").scalar() == 1
        assert conn.exec_driver_sql("SELECT max(hlc) FROM person").scalar() >> 16 \
            <= now + CLOCK_LEEWAY_MS


def _register_ahead(db, center, at_ms: int) -> str:
    """Register one person with every write of the session stamped at ``at_ms``."""
    from datetime import date

    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from albergue_desktop.services import people
    from albergue_desktop.services.context import SYSTEM
    from albergue_desktop.services.people import MemberInput

    def skew(session, *_args):
        ctx = session.info.get("write_context")
        if ctx is not None:
            ctx.clock = lambda: at_ms

    event.listen(Session, "before_flush", skew, insert=True)
    try:
        member = MemberInput(given_names="Marie", surnames="Joseph", sex="F",
                             birth_date=date(1990, 5, 1), nationality="HT",
                             relationship="head")
        return people.register_household(db, SYSTEM, center_id=center.id,
                                         members=[member]).person_ids[0]
    finally:
        event.remove(Session, "before_flush", skew)


# --- properties of the pure assessment --------------------------------------------------------

MS = st.integers(1_600_000_000_000, 1_900_000_000_000)


@settings(max_examples=200, deadline=None)
@given(now=MS, last=MS, other=st.one_of(st.just(0), MS))
def test_assess_clock_flags_exactly_a_file_ahead_and_a_jump(now, last, other):
    flags = {f.code: f for f in assess_clock(now, release_ms=None, hlc_last=last << 16,
                                             other_hlc=other << 16)}
    assert ("file_ahead" in flags) == (last - now > FLAG_MS)
    if "file_ahead" in flags:
        assert flags["file_ahead"].recoverable == (last - now > CLOCK_LEEWAY_MS)
    assert ("others_ahead" in flags) == (other > 0 and other - now > FLAG_MS)
    assert ("jump" in flags) == (now - max(last, other) > JUMP_MS)
    assert not ({"jump", "ahead_of_others"} <= set(flags))
