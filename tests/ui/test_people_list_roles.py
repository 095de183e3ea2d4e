"""The people list per role (docs/sensitive-data.md): the specific-need filter
offers only the codes the role may see, and the list model filtered by an offered code shows
exactly the person who has it."""

from __future__ import annotations

from datetime import date

import pytest
from ui_helpers import actor_of, show_window

from albergue_desktop.domain.enums import Role
from albergue_desktop.domain.permissions import Permission, allows
from albergue_desktop.services import people
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.services.people import MemberInput
from albergue_desktop.ui.main_window import MainWindow


@pytest.fixture
def survivor(db, center):
    def one(given, needs):
        return people.register_household(db, SYSTEM, center_id=center.id, members=[
            MemberInput(given_names=given, surnames="Jean", sex="F", birth_date=date(1990, 1, 1),
                        relationship="head", nationality="HT", specific_needs=needs)]).folios[0]
    return {"SV-VA": one("Nadia", ["SV-VA", "SP-PT"]), "SM-CI": one("Rose", ["SM-CI"]),
            "other": one("Manon", [])}


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_need_filter_and_model_per_role(db, survivor, role, qtbot):
    window = show_window(qtbot, MainWindow(db, actor_of(role)))
    try:
        combo = window.people.filter_bar.need_combo
        offered = {combo.itemData(i) for i in range(1, combo.count())}
        labels = " ".join(combo.itemText(i) for i in range(combo.count()))
        assert "SP-PT" in offered
        for code, permission in (("SV-VA", Permission.PROTECTION), ("SV-GM",
                                 Permission.PROTECTION), ("WR-WR", Permission.PROTECTION),
                                 ("SM-CI", Permission.VIEW_HEALTH),
                                 ("CR-TP", Permission.VIEW_HEALTH)):
            assert (code in offered) == allows(role, permission), code
            assert (f"({code})" in labels) == allows(role, permission), code
        for code in ("SV-VA", "SM-CI", "SP-PT"):
            if code not in offered:
                continue
            window.people.filter_bar.select(need=code)
            model = window.people.model
            want = [survivor["SV-VA" if code == "SP-PT" else code]]
            qtbot.waitUntil(lambda: window.tasks.pending == 0 and [
                model.person(r).folio for r in range(model.rowCount())] == want)
    finally:
        window.close()
