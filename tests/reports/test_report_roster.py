"""Roster PDF: the people present, grouped by area and household, health detail by role."""

from __future__ import annotations

from reports_world import (DAY, coordinator, health_actor, pdf_text, render_png,  # noqa: F401
                           world)

from albergue_desktop.reports.roster import roster_pdf
from albergue_desktop.services.context import SYSTEM


def test_roster_lists_present_people_of_the_center(db, world, coordinator, tmp_path):
    out = roster_pdf(db, coordinator, tmp_path / "lista.pdf", center="03", on=DAY)
    text = " ".join(pdf_text(out))
    print(text)
