"""The one clock of the application's business dates: "today" and "now" for ages, default
report days, census, vaccination prompts, check-in and screening times.

A real file runs on the computer's clock. A demo file records the day it shows in its meta
table (key ``as_of``, written by :mod:`albergue_desktop.demo.generator`); the entry points that
open a file (``ui/app.py``, ``cli_commands.py``) call :func:`follow` with it, and from then on
:func:`today` is that day and :func:`now` is that day at the computer's current time of day,
so the demo's lists, ages, daily census and prompts are those of that day.

Bookkeeping times are *not* scenario times and keep using the real clock: version stamps
and the hybrid logical clock (``storage/versioning.py``), audit events, sign-in lockouts and
synchronization logs. Qt-free; no I/O.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timezone, tzinfo
from functools import cache
from zoneinfo import ZoneInfo

AS_OF_META_KEY = "as_of"

# The program's time zone: THE one setting that decides which calendar day an instant falls
# on, for "today", the daily census and every day-based report, whatever the laptop's own
# zone. Mexicali keeps Pacific time (America/Tijuana; the same rules as Mexicali). The
# environment variable ALBERGUE_TZ overrides it (another program, tests). The zone database
# comes from the OS, or from the ``tzdata`` package on Windows.
DEFAULT_PROGRAM_TZ = "America/Tijuana"


@cache
def _zone(name: str) -> tzinfo:
    return ZoneInfo(name)


def program_tz() -> tzinfo:
    """The program's time zone (ALBERGUE_TZ, else America/Tijuana)."""
    return _zone(os.environ.get("ALBERGUE_TZ") or DEFAULT_PROGRAM_TZ)

_as_of: date | None = None


def as_of() -> date | None:
    """The fixed day of a demo file, or None when the computer's clock is used."""
    return _as_of


def set_as_of(day: date | None) -> None:
    """Run on ``day`` (None: the computer's clock)."""
    global _as_of
    _as_of = day


def parse_as_of(value: str | None) -> date | None:
    """The meta value as a date; None when absent or not an ISO date (a real file)."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def follow(db) -> date | None:
    """Use the clock of the open database ``db`` (its meta ``as_of``, if any): called once
    by the entry point that opened the file. Returns the fixed day, or None."""
    day = parse_as_of(db.meta(AS_OF_META_KEY))
    set_as_of(day)
    return day


@contextmanager
def frozen(day: date | None) -> Iterator[None]:
    """Temporarily run on ``day`` (tests, one-off jobs), restoring the previous clock."""
    previous = _as_of
    set_as_of(day)
    try:
        yield
    finally:
        set_as_of(previous)


def today() -> date:
    """The calendar day of the scenario in the program's time zone: the demo's day, else
    the computer's clock read in :func:`program_tz`."""
    return _as_of if _as_of is not None else datetime.now(program_tz()).date()


def now() -> datetime:
    """Aware UTC "now" for business events (check-in, screening, consent). In a demo file,
    the demo's day at the computer's current local time of day."""
    real = datetime.now(timezone.utc)
    if _as_of is None:
        return real
    zone = program_tz()
    local_time = real.astimezone(zone).time()
    # the program's wall time on the demo day -> aware, with that day's own UTC offset
    return datetime.combine(_as_of, local_time, tzinfo=zone).astimezone(timezone.utc)
