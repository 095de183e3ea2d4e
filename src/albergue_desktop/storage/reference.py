"""Reference data shipped with the application (read-only files under ``resources/``)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..domain.occupations import OccupationIndex, UnitGroup


def resource_file(*parts: str) -> Path:
    here = Path(__file__).resolve()
    candidates = [here.parents[1].joinpath("resources", *parts),  # installed wheel layout
                  here.parents[3].joinpath("resources", *parts)]  # source checkout
    for path in candidates:
        if path.is_file():
            return path
    raise FileNotFoundError(f"resource {'/'.join(parts)} not found (looked in {candidates})")


def _tsv(*parts: str) -> list[list[str]]:
    lines = resource_file(*parts).read_text("utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]  # header


@cache
def occupations() -> OccupationIndex:
    """ISCO-08 unit groups (ILO) with their Spanish, French and Creole synonyms."""
    groups = [UnitGroup(code, title) for code, title in _tsv("occupations",
                                                             "isco08_unit_groups.tsv")]
    synonyms = [(c, lang, s) for c, lang, s in _tsv("occupations",
                                                    "occupation_synonyms.tsv")]
    return OccupationIndex(groups, synonyms)
