"""One translation mechanism (albergue_sync.catalog) for the desktop's Qt-free text and the
sync engine: one language switch that sync messages follow, and a language per call."""

from __future__ import annotations

import pytest
from albergue_sync import SyncRefused, catalog
from albergue_sync import i18n as sync_i18n

from albergue_desktop.domain import i18n
from albergue_desktop.domain.errors import StorageError


def test_the_desktop_switch_turns_sync_messages_to_english():
    refused = SyncRefused("{path} does not exist.", path="central.sqlite")
    assert str(refused) == "central.sqlite no existe."
    i18n.set_language("en")
    assert str(refused) == "central.sqlite does not exist."
    assert sync_i18n.language() == "en" == i18n.language()
    i18n.set_language("es")
    assert str(refused) == "central.sqlite no existe."


def test_a_language_per_call_whatever_the_current_one():
    i18n.set_language("en")
    assert i18n.translate("This field is required.", lang="es") == "Este campo es obligatorio."
    assert i18n.translate("This field is required.") == "This field is required."
    assert sync_i18n.translate("{path} does not exist.", lang="es", path="x") == "x no existe."
    assert i18n.translate("The date cannot be in the future.", "es") == \
        "La fecha no puede ser futura."


def test_each_catalog_reaches_the_other_domain_and_its_own_first():
    # a desktop message that carries a sync msgid is still translated
    assert i18n.translate("{path} does not exist.", path="x") == "x no existe."
    assert sync_i18n.translate("This field is required.") == "Este campo es obligatorio."
    assert str(StorageError("The disk is full; nothing was saved. Free some space and try "
                            "again.")).startswith("El disco está lleno")


def test_a_catalog_registered_later_and_its_later_entries_count():
    fr: dict[str, str] = {}
    catalog.register("test-printout", "fr", fr)
    fr["This field is required."] = "Ce champ est obligatoire."
    try:
        assert i18n.translate("This field is required.", lang="fr") == \
            "Ce champ est obligatoire."
        # Haitian Creole falls back to French, then to the English source
        assert i18n.translate("This field is required.", lang="ht") == \
            "Ce champ est obligatoire."
        assert i18n.translate("Invalid phone number.", lang="ht") == "Invalid phone number."
    finally:
        fr.clear()


def test_unknown_languages_fall_back_to_spanish_and_lang_must_be_a_code():
    assert catalog.normalize("en_US") == "en" and catalog.normalize("de") == "es"
    with pytest.raises(TypeError):
        i18n.translate("This field is required.", lang=3)
