"""Fixtures of the sync tests."""

from __future__ import annotations

import pytest
from sync_helpers import make_center


@pytest.fixture
def two_centers(tmp_path):
    a, a_center = make_center(tmp_path / "c01.sqlite", "01")
    b, b_center = make_center(tmp_path / "c02.sqlite", "02")
    yield (a, a_center), (b, b_center)
    a.close()
    b.close()
