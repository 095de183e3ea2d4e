"""Fixtures of the sync tests."""

from __future__ import annotations


import pytest
from sync_helpers import ClockedDatabase, make_center
from factories import copy_db  # noqa: E402


@pytest.fixture(scope="session")
def center_templates(tmp_path_factory):
    """Center files 01 and 02, built once (closed, so a file copy is a faithful copy)."""
    folder = tmp_path_factory.mktemp("centers")
    for code in ("01", "02"):
        db, _ = make_center(folder / f"c{code}.sqlite", code)
        db.close()
    return folder


@pytest.fixture
def two_centers(center_templates, tmp_path):
    """Two center laptops' files (each its own site), open for writing through services."""
    opened = []
    for code in ("01", "02"):
        copy_db(center_templates / f"c{code}.sqlite", tmp_path / f"c{code}.sqlite")
        db = ClockedDatabase.open(tmp_path / f"c{code}.sqlite")
        opened.append((db, db.meta("center_id")))
    yield tuple(opened)
    for db, _ in opened:
        db.close()
