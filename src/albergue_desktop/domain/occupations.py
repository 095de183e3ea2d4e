"""Occupations coded with ISCO-08 (ILO): find the unit group of whatever was typed, in
Spanish, French, Haitian Creole or English, with or without accents, with typos.

:class:`OccupationIndex` is built from the unit-group list and the synonyms
(``resources/occupations/``, loaded by :mod:`albergue_desktop.storage.reference`). A lookup
first tries the whole normalized phrase, then each synonym contained in the text, then a
fuzzy match (rapidfuzz) above :data:`FUZZY_CUTOFF`. Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from .normalize import name_key

# A fuzzy score (rapidfuzz WRatio, 0-100) below this is not a match: 85 takes "soldadr",
# "soudeu" or "electrisista" and leaves "sastre" apart from "pastelero".
FUZZY_CUTOFF = 85
_PARENS = re.compile(r"\([^)]*\)")


@dataclass(frozen=True)
class UnitGroup:
    code: str  # four digits
    title: str  # ILO English title


@dataclass(frozen=True)
class OccupationMatch:
    code: str
    phrase: str  # the synonym or title that matched
    score: int  # 100 exact, lower for fuzzy


def phrase_key(text: str | None) -> str:
    """Accent-, case- and punctuation-free key; "(a)" of "Cocinero(a)" removed."""
    return name_key(_PARENS.sub(" ", text or ""))


class OccupationIndex:
    def __init__(self, groups: Iterable[UnitGroup],
                 synonyms: Iterable[tuple[str, str, str]]) -> None:
        self.groups = {g.code: g for g in groups}
        self._phrases: dict[str, set[str]] = {}
        for group in self.groups.values():
            self._add(phrase_key(group.title), group.code)
        for code, _lang, synonym in synonyms:
            if code not in self.groups:
                raise ValueError(f"synonym {synonym!r} names unknown ISCO-08 code {code}")
            self._add(phrase_key(synonym), code)
        self._choices = list(self._phrases)
        self._lookup = lru_cache(maxsize=4096)(self._find)

    def _add(self, key: str, code: str) -> None:
        if key:
            self._phrases.setdefault(key, set()).add(code)

    def title(self, code: str) -> str:
        group = self.groups.get(code)
        return group.title if group else code

    def find(self, text: str | None) -> list[OccupationMatch]:
        """The unit groups ``text`` may mean, best first (empty when nothing is close)."""
        return list(self._lookup(phrase_key(text)))

    def code_of(self, text: str | None) -> str | None:
        """The single best unit group of ``text`` (None: not recognized)."""
        found = self.find(text)
        return found[0].code if found else None

    def _find(self, key: str) -> tuple[OccupationMatch, ...]:
        if not key:
            return ()
        if key in self._phrases:
            return tuple(OccupationMatch(c, key, 100) for c in sorted(self._phrases[key]))
        words = f" {key} "
        contained = [p for p in self._choices if len(p) > 3 and f" {p} " in words]
        if contained:
            best = max(contained, key=len)
            return tuple(OccupationMatch(c, best, 95) for c in sorted(self._phrases[best]))
        out: dict[str, OccupationMatch] = {}
        for phrase, score, _i in process.extract(key, self._choices, scorer=fuzz.WRatio,
                                                 score_cutoff=FUZZY_CUTOFF, limit=5):
            for code in sorted(self._phrases[phrase]):
                if code not in out:
                    out[code] = OccupationMatch(code, phrase, int(score))
        return tuple(sorted(out.values(), key=lambda m: -m.score))


def same_minor_group(a: str, b: str) -> bool:
    """ISCO-08 minor group (first three digits): related trades (7212 welders and 7213
    sheet-metal workers)."""
    return a[:3] == b[:3]
