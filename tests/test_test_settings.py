"""The test run's own settings: the hypothesis profile CI uses."""

from __future__ import annotations

import os

from hypothesis import settings


def test_ci_runs_property_tests_derandomized():
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.deadline is None
    if os.environ.get("CI"):
        assert settings.default.derandomize
