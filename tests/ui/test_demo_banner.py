"""The main window of a demo file says so in a yellow strip; a real file has none."""

from __future__ import annotations

import pytest

from albergue_desktop.demo import generate_demo
from albergue_desktop.storage.db import Database
from albergue_desktop.ui.main_window import MainWindow

from ui_helpers import actor_of


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    db = Database.open(tmp_path_factory.mktemp("demo_banner") / "demo.sqlite")
    generate_demo(db, persons=12, centers=1, users=False)
    yield db
    db.close()


def _window(qtbot, db):
    w = MainWindow(db, actor_of("coordinacion"))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    return w


def test_demo_file_shows_the_demo_banner_with_its_day(demo_db, qtbot):
    w = _window(qtbot, demo_db)
    try:
        qtbot.waitUntil(lambda: w.demo_banner is not None)  # read in the background
        banner = w.demo_banner
        assert banner is not None and banner.isVisible()
        assert banner.text() == "DEMOSTRACIÓN — datos sintéticos al 15 de enero de 2022"
        # above the search box once the layout has placed it
        qtbot.waitUntil(lambda: banner.geometry().bottom()
                        < w.people.search_box.geometry().top())
    finally:
        w.close()


def test_a_real_file_has_no_banner(people_db, qtbot):
    w = _window(qtbot, people_db.db)
    try:
        qtbot.waitUntil(lambda: w.site_label.text() != "")  # read after the banner's check
        assert w.demo_banner is None
        assert "DEMOSTRACIÓN" not in " ".join(
            label.text() for label in w.findChildren(type(w.results_label)))
    finally:
        w.close()
