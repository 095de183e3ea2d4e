"""ISCO-08 coding of what was typed, in Spanish, French, Creole or English."""

from __future__ import annotations

import pytest

from albergue_desktop.domain.occupations import OccupationIndex, UnitGroup
from albergue_desktop.storage.reference import occupations


def test_the_ilo_list_has_every_unit_group():
    index = occupations()
    assert len(index.groups) == 436
    assert index.title("7212") == "Welders and flame cutters"


@pytest.mark.parametrize("typed", ["soldador", "SOLDADORA", "Soldadura", "soudeur", "Soudeuse",
                                   "sodè", "sode", "SODÈ", "soldadr", "soudeur MIG",
                                   "welder", "Soldador de estructuras"])
def test_welders_are_found_whatever_was_typed(typed):
    assert occupations().code_of(typed) == "7212"


@pytest.mark.parametrize("typed, code", [
    ("Albañil", "7112"), ("albanil", "7112"), ("maçon", "7112"), ("mason", "7112"),
    ("Cocinero(a)", "5120"), ("kwizinye", "5120"), ("electrisista", "7411"),
    ("Operario de fábrica", "8219"), ("chofè", "8322"), ("Técnico en computación", "3512"),
])
def test_common_trades_in_three_languages(typed, code):
    assert occupations().code_of(typed) == code


@pytest.mark.parametrize("typed", ["", "   ", "xyzzy", "12345"])
def test_nothing_close_is_no_code(typed):
    assert occupations().code_of(typed) is None


def test_a_synonym_of_an_unknown_code_is_refused():
    with pytest.raises(ValueError):
        OccupationIndex([UnitGroup("7212", "Welders")], [("9999", "es", "nada")])
