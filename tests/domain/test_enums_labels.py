"""Stored codes are stable, and every code the UI shows has a Spanish label."""

from __future__ import annotations

import pytest

from albergue_desktop.domain import enums, i18n, labels

# Codes are written into database files that are merged across centers: renaming one would
# orphan every stored value. Adding codes is fine; this list only has to grow.
STORED = {
    enums.Sex: ["F", "M", "X"],
    enums.Role: ["registro", "salud", "coordinacion", "supervision", "admin"],
    enums.Relationship: ["head", "spouse", "child", "other_relative", "non_relative",
                         "unaccompanied"],
    enums.BedStatus: ["available", "occupied", "out_of_service"],
    enums.BedKind: ["cot", "mat", "crib"],
    enums.CheckoutReason: ["transfer", "housing", "hospital", "voluntary", "other_city",
                           "return", "other"],
    enums.MigratoryStatus: ["visitante", "visitante_con_permiso", "tvrh", "residente_temporal",
                            "residente_permanente", "solicitante_refugio", "fmm", "irregular"],
    enums.DocumentType: ["passport", "ht_cin", "ht_nif", "ht_ninu", "curp", "rfc", "tvrh_card",
                         "resident_card", "comar_constancia", "fmm", "birth_certificate",
                         "national_id", "other"],
}


@pytest.mark.parametrize("enum", list(STORED), ids=lambda e: e.__name__)
def test_stored_codes_are_never_renamed(enum):
    assert set(STORED[enum]) <= {m.value for m in enum}


KINDS = {"sex": enums.Sex, "bed_status": enums.BedStatus, "bed_kind": enums.BedKind,
         "relationship": enums.Relationship, "checkout_reason": enums.CheckoutReason,
         "migratory_status": enums.MigratoryStatus, "doc_type": enums.DocumentType}


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_code_has_a_spanish_and_an_english_label(kind):
    for member in KINDS[kind]:
        i18n.set_language("es")
        spanish = labels.label(kind, member.value)
        i18n.set_language("en")
        english = labels.label(kind, member.value)
        assert spanish and english, (kind, member)
        assert spanish != member.value or member.value.upper() == member.value, (kind, member)


def test_label_fallbacks_and_choices():
    assert labels.label("sex", None) == ""
    assert labels.label("sex", "Z") == "Z"
    assert labels.label("country", "ht") == "Haití"
    i18n.set_language("en")
    assert labels.label("country", "HT") == "Haiti"
    i18n.set_language("es")
    assert labels.choices("bed_status") == [("available", "disponible"),
                                            ("occupied", "ocupada"),
                                            ("out_of_service", "fuera de servicio")]


def test_specific_needs_and_languages_are_unhcr_and_iso_codes():
    assert len(set(enums.SPECIFIC_NEEDS)) == len(enums.SPECIFIC_NEEDS)
    assert all(len(c) == 5 and c[2] == "-" and c.isupper() for c in enums.SPECIFIC_NEEDS)
    assert {"SC-UC", "WR-LC", "SM-CI", "LP-ND"} <= set(enums.SPECIFIC_NEEDS)
    assert set(enums.LANGUAGES) == {"ht", "fr", "es", "en", "pt"}
