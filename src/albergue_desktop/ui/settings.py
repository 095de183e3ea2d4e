"""Settings of this computer kept with QSettings (not in the database, which syncs between
centers): the interface language and the idle time before the session locks."""

from __future__ import annotations

from PySide6.QtCore import QSettings

LANGUAGES = ("es", "en")
DEFAULT_LANGUAGE = "es"
DEFAULT_IDLE_MINUTES = 10
IDLE_MINUTES_RANGE = (1, 240)

_LANGUAGE_KEY = "ui/language"
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
