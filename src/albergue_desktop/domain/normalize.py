"""Text normalization for names and identifiers (search keys, duplicate detection)."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def clean_name(text: str | None) -> str:
    """A name as typed, tidied: NFC, single spaces, no leading/trailing blanks or hyphens."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'")
    return _SPACES.sub(" ", text).strip(" -")


def name_key(text: str | None) -> str:
    """Case- and accent-insensitive key: 'Marie-Claude  Saint-Vil' -> 'marie claude saint vil'."""
    if not text:
        return ""
    return _SPACES.sub(" ", _NON_ALNUM.sub(" ", strip_accents(text).casefold())).strip()


def identifier_key(text: str | None) -> str:
    """Document numbers compared without spaces, dashes or case: 'ab-12 345' -> 'AB12345'."""
    if not text:
        return ""
    return re.sub(r"[^0-9A-Z]", "", strip_accents(text).upper())


def search_tokens(text: str) -> list[str]:
    """Tokens of a free-text query, normalized the way the full-text index stores them."""
    return name_key(text).split()
