"""The scenario clock: a demo file's day, the computer's clock otherwise."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from albergue_desktop.domain import clock


class _Db:
    def __init__(self, as_of: str | None) -> None:
        self._meta = {} if as_of is None else {"as_of": as_of}

    def meta(self, key: str) -> str | None:
        return self._meta.get(key)


@pytest.fixture(autouse=True)
def _real_clock():
    with clock.frozen(None):
        yield


def test_a_real_file_runs_on_the_computer_clock():
    assert clock.follow(_Db(None)) is None
    assert clock.as_of() is None and clock.today() == datetime.now(clock.program_tz()).date()
    before = datetime.now(timezone.utc)
    assert before <= clock.now() <= datetime.now(timezone.utc)


def test_a_demo_file_runs_on_its_day_at_the_current_time_of_day():
    day = date(2022, 1, 15)
    assert clock.follow(_Db("2022-01-15")) == day
    assert clock.today() == day
    now = clock.now()
    assert now.tzinfo is not None and now.utcoffset().total_seconds() == 0
    assert now.astimezone(clock.program_tz()).date() == day
    wall = datetime.now(clock.program_tz())
    assert abs((now.astimezone(clock.program_tz()).replace(year=wall.year, month=wall.month, day=wall.day)
                - wall).total_seconds()) < 3700  # same time of day (DST may shift an hour)


@pytest.mark.parametrize("value", ["", "15/01/2022", "mañana"])
def test_a_meta_value_that_is_no_date_means_a_real_file(value):
    assert clock.follow(_Db(value)) is None and clock.today() == datetime.now(clock.program_tz()).date()


def test_frozen_restores_the_previous_day():
    clock.set_as_of(date(2022, 1, 15))
    with clock.frozen(date(2021, 12, 24)):
        assert clock.today() == date(2021, 12, 24)
    assert clock.today() == date(2022, 1, 15)


def test_the_day_is_the_programs_whatever_the_computer_zone(monkeypatch):
    """One setting decides the calendar day: America/Tijuana unless ALBERGUE_TZ says."""
    assert str(clock.program_tz()) == "America/Tijuana"
    monkeypatch.setenv("ALBERGUE_TZ", "Asia/Tokyo")
    assert str(clock.program_tz()) == "Asia/Tokyo"
    assert clock.today() == datetime.now(clock.program_tz()).date()
