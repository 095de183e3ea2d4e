"""The Pharmacy menu offers each screen only to the roles that may use it, and opens them."""

from __future__ import annotations

import pytest
from ui_helpers import actor_of, show_window

from albergue_desktop.ui.main_window import MainWindow
from albergue_desktop.ui.pharmacy.stock_view import PharmacyView
from albergue_desktop.ui.pharmacy.vaccination_day import VaccinationDayView

PHARMACY_ACTIONS = {"pharmacy", "dispense", "vaccination_day", "epi_notification"}


@pytest.mark.parametrize(("role", "expected"), [
    ("registro", set()),
    ("coordinacion", set()),
    ("admin", set()),
    ("salud", PHARMACY_ACTIONS),
    ("supervision", PHARMACY_ACTIONS),
])
def test_pharmacy_menu_per_role(db, center, qtbot, role, expected):
    window = show_window(qtbot, MainWindow(db, actor_of(role, center.id)))
    assert PHARMACY_ACTIONS & set(window.actions) == expected
    assert ("F&armacia" in [a.text() for a in window.menuBar().actions()]) == bool(expected)
    if expected:
        window.actions["pharmacy"].trigger()
        assert isinstance(window.tabs.currentWidget(), PharmacyView)
        window.actions["vaccination_day"].trigger()
        assert isinstance(window.tabs.currentWidget(), VaccinationDayView)
        window.actions["pharmacy"].trigger()      # opened once, shown again
        assert sum(isinstance(window.tabs.widget(i), PharmacyView)
                   for i in range(window.tabs.count())) == 1
    window.close()
