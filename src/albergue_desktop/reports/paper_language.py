"""Which language a person's papers are printed in (reports/migrant_texts.py has Spanish,
Haitian Creole and French).

The registration form records each language with a level (native, fluent, basic,
interpreter needed). An entry marked ``"preferred": true`` wins; otherwise the paper
language is the one with papers that the person knows best (native before fluent before
basic), Haitian Creole before French before Spanish at the same level: the people this
serves read their first language best, and a paper they cannot read is no paper. With no
usable language recorded, a Haitian national gets Creole, anyone else Spanish.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .migrant_texts import DEFAULT, LANGUAGES

LEVEL_RANK = {"native": 0, "fluent": 1, "basic": 2}  # "interpreter" needed: not for reading
PREFERENCE = ("ht", "fr", "es")


def paper_language(languages: Iterable[Mapping[str, Any]] | None,
                   nationality: str | None = None) -> str:
    entries = [e for e in languages or () if e.get("code") in LANGUAGES]
    for entry in entries:
        if entry.get("preferred"):
            return str(entry["code"])
    readable = [e for e in entries if e.get("level") in LEVEL_RANK]
    if readable:
        best = min(readable, key=lambda e: (LEVEL_RANK[e["level"]],
                                            PREFERENCE.index(e["code"])))
        return str(best["code"])
    return "ht" if (nationality or "").upper() == "HT" else DEFAULT
