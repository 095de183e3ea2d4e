"""What the Reports screen asks the ``reports`` package for, run in the TaskManager's worker.
No widgets here: a request, a cancel token (``ui/ops.py``) checked at every page, and the call
of the right PDF function (the reportlab modules are imported only when a report is made)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from ...services.context import Actor
from ...storage.db import Database
from ..ops import CancelToken

KINDS = ("roster", "bedlist", "census", "idcards", "welcome", "impact", "dashboard")


@dataclass(frozen=True)
class ReportRequest:
    kind: str                    # one of KINDS
    center: str | None = None    # center id; None: all centers
    area: str | None = None      # area id (bed list; ID cards of the people in it)
    household: str | None = None  # ID cards of a household (its id or a member's folio;
    #                               "" when that was chosen but nothing typed)
    registered_today: bool = False  # ID cards of the people registered today
    backs: bool = False          # ID cards: the backs too, in each person's language
    paper_lang: str | None = None  # welcome papers and card backs: one language for all
    day: date | None = None      # census day
    start: date | None = None    # impact and dashboard period (None: from the beginning)
    end: date | None = None


def generate(db: Database, actor: Actor, request: ReportRequest, out: Path, *,
             token: CancelToken | None = None,
             on_page: Callable[[int], None] | None = None) -> Path:
    """Write the requested PDF to ``out`` as ``actor`` (whose role decides the health
    detail). ``on_page(n)`` is called as page n begins; a cancel stops at the next page."""
    from ...reports.frame import build_progress

    token = token or CancelToken()

    def progress(page: int) -> None:
        token.check()
        if on_page is not None:
            on_page(page)
        token.check()

    token.check()
    with build_progress(progress):
        if request.kind == "roster":
            from ...reports.roster import roster_pdf
            return roster_pdf(db, actor, out, center=request.center)
        if request.kind == "bedlist":
            from ...reports.bedlist import bedlist_pdf
            return bedlist_pdf(db, actor, out, center=request.center, area=request.area)
        if request.kind == "census":
            from ...reports.census import census_pdf
            return census_pdf(db, actor, out, day=request.day, center=request.center)
        if request.kind in ("idcards", "welcome"):
            from ...reports.output import ReportError
            from ...storage.report_queries import CardSelection
            if request.household == "":
                raise ReportError("Type the folio of any member of the household.")
            # registration times are on the computer's clock, also in a demo (domain/clock.py)
            selection = CardSelection(
                area=request.area, household=request.household,
                registered_on=date.today() if request.registered_today else None)
            if request.kind == "welcome":
                from ...reports.papers import welcome_pdf
                return welcome_pdf(db, actor, out, selection=selection,
                                   center=request.center, lang=request.paper_lang)
            from ...reports.idcards import idcards_pdf
            return idcards_pdf(db, actor, out, center=request.center, selection=selection,
                               backs=request.backs, paper_lang=request.paper_lang)
        if request.kind == "dashboard":
            from ...reports.dashboard import dashboard_pdf
            return dashboard_pdf(db, actor, out, center=request.center, start=request.start,
                                 end=request.end)
        if request.kind == "impact":
            from ...reports.impact import impact_pdf
            return impact_pdf(db, actor, out, start=request.start, end=request.end)
    raise ValueError(f"unknown report {request.kind!r}")


def save_copy(source: Path, target: Path) -> Path:
    """Copy a generated report to where the user chose (atomically: a failed copy leaves
    any file already there intact)."""
    import shutil

    from ...reports.output import write_atomically
    return write_atomically(target, lambda tmp: shutil.copyfile(source, tmp))


def areas_of(db: Database, actor: Actor, center_id: str) -> list[tuple[str, str]]:
    """(area id, name as ``actor`` may see it) of a center's live areas, by name."""
    from ...services.report_areas import printable_areas
    return printable_areas(db, actor, center_id)
