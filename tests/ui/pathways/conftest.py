"""Fixtures of the pathway screens: a task manager and a center with lodged families."""

from __future__ import annotations

import pytest

from albergue_desktop.ui.tasks import TaskManager


@pytest.fixture
def tasks(qapp):
    manager = TaskManager()
    yield manager
    manager.shutdown()
