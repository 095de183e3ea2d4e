"""Settings of this computer kept with QSettings (not in the database, which syncs between
centers): the interface language, the idle time before the session locks and how often the
desktop pulls from the sync server."""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
DEFAULT_IDLE_MINUTES = 10
IDLE_MINUTES_RANGE = (1, 240)

DEFAULT_SYNC_PULL_MINUTES = 15
SYNC_PULL_MINUTES_RANGE = (1, 24 * 60)

_LANGUAGE_KEY = "ui/language"
_SYNC_PULL_KEY = "sync/pull_minutes"
_IDLE_KEY = "session/idle_minutes"


def language() -> str:
    value = str(QSettings().value(_LANGUAGE_KEY, DEFAULT_LANGUAGE))
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def set_language(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    QSettings().setValue(_LANGUAGE_KEY, lang)


def idle_minutes() -> int:
    try:
        value = int(QSettings().value(_IDLE_KEY, DEFAULT_IDLE_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_IDLE_MINUTES
    low, high = IDLE_MINUTES_RANGE
    return min(max(value, low), high)


def set_idle_minutes(minutes: int) -> None:
    low, high = IDLE_MINUTES_RANGE
    if not low <= minutes <= high:
        raise ValueError(f"idle minutes out of range: {minutes}")
    QSettings().setValue(_IDLE_KEY, int(minutes))


def sync_pull_minutes() -> int:
    """How often the desktop brings the central's changes from the sync server."""
    try:
        value = int(QSettings().value(_SYNC_PULL_KEY, DEFAULT_SYNC_PULL_MINUTES))
    except (TypeError, ValueError):
        return DEFAULT_SYNC_PULL_MINUTES
    low, high = SYNC_PULL_MINUTES_RANGE
    return min(max(value, low), high)


def set_sync_pull_minutes(minutes: int) -> None:
    low, high = SYNC_PULL_MINUTES_RANGE
    if not low <= minutes <= high:
        raise ValueError(f"sync pull minutes out of range: {minutes}")
    QSettings().setValue(_SYNC_PULL_KEY, int(minutes))
