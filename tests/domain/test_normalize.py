"""Search keys: names folded for case and accents, identifiers without punctuation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from albergue_desktop.domain.normalize import (
    clean_name, identifier_key, name_key, search_tokens, strip_accents,
)


@pytest.mark.parametrize("raw, key", [
    ("Marie-Claude  Saint-Vil", "marie claude saint vil"),
    ("WILNÈS", "wilnes"),
    ("Wilnès", "wilnes"),
    ("Wilne\u0300s", "wilnes"),           # decomposed accent
    ("D'Haïti", "d haiti"),
    ("Nuñez Peña", "nunez pena"),
    ("  Jean   Ronald Jr. ", "jean ronald jr"),
    ("Françoise", "francoise"),
    ("", ""),
    (None, ""),
])
def test_name_key(raw, key):
    assert name_key(raw) == key


def test_spellings_of_the_same_name_share_a_key():
    spellings = ["Jean-Baptiste", "JEAN BAPTISTE", "jean baptiste", "Jéan-Baptïste",
                 "Jean\u2013Baptiste", "Jean  -  Baptiste"]
    assert {name_key(s) for s in spellings} == {"jean baptiste"}


@given(st.text(max_size=40))
def test_name_key_is_idempotent_and_plain_ascii(text):
    key = name_key(text)
    assert name_key(key) == key
    assert all(c in "abcdefghijklmnopqrstuvwxyz0123456789 " for c in key)
    assert key == key.strip() and "  " not in key
    assert search_tokens(text) == key.split()


# letters whose case round-trips (not the Turkish dotless i or the long s)
case_letters = st.characters(whitelist_categories=("Lu", "Ll"), max_codepoint=0x17F).filter(
    lambda c: c.upper().lower() == c.lower())


@given(st.text(alphabet=case_letters, max_size=20))
def test_name_key_ignores_case(text):
    assert name_key(text.upper()) == name_key(text.lower()) == name_key(text)


@pytest.mark.parametrize("raw, key", [
    ("ab-12 345", "AB12345"),
    ("JOMC 9005 01MNESSR05", "JOMC900501MNESSR05"),
    ("pp.123/456", "PP123456"),
    ("Ñ-123", "N123"),
    ("", ""),
    (None, ""),
])
def test_identifier_key(raw, key):
    assert identifier_key(raw) == key


@given(st.text(alphabet="ABCDEFGHJK0123456789", min_size=1, max_size=12),
       st.lists(st.sampled_from([" ", "-", ".", "/"]), max_size=5), st.randoms())
def test_identifier_key_ignores_separators_and_case(number, seps, rnd):
    chars = list(number.lower())
    for sep in seps:
        chars.insert(rnd.randint(0, len(chars)), sep)
    assert identifier_key("".join(chars)) == number


def test_clean_name_tidies_but_keeps_the_spelling():
    assert clean_name("  Marie-Claude   Saint-Vil - ") == "Marie-Claude Saint-Vil"
    assert clean_name("D\u2019Haïti") == "D'Haïti"
    decomposed = clean_name("Wilne\u0300s")
    assert decomposed == "Wilnès" and unicodedata.is_normalized("NFC", decomposed)
    assert clean_name(None) == ""


def test_strip_accents():
    assert strip_accents("àéîõüñç ÀÉÎÕÜÑÇ") == "aeiounc AEIOUNC"
