"""A laptop whose clock is before the release date is told so before anyone registers."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import QMessageBox

from albergue_desktop import RELEASE_DATE
from albergue_desktop.storage.versioning import clock_is_before_release
from albergue_desktop.ui import app as ui_app


def test_clock_before_release_is_detected():
    release = date.fromisoformat(RELEASE_DATE)
    assert clock_is_before_release(release - timedelta(days=1))
    assert not clock_is_before_release(release)
    assert not clock_is_before_release(release + timedelta(days=400))


def test_the_app_warns_in_spanish(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: shown.append((title, text)))
    assert ui_app.warn_about_clock(date(2021, 12, 9)) is True
    assert ui_app.warn_about_clock(date.fromisoformat(RELEASE_DATE)) is False
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Revise la fecha y la hora"
    assert "2021-12-09" in text and RELEASE_DATE in text and "reloj" in text
