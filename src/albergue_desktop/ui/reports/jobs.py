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

KINDS = ("roster", "bedlist", "census", "idcards", "impact")


@dataclass(frozen=True)
class ReportRequest:
    kind: str                    # one of KINDS
    center: str | None = None    # center id; None: all centers
    area: str | None = None      # area id (bed list)
    day: date | None = None      # census day
    start: date | None = None    # impact period (None: from the beginning)
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
        if request.kind == "idcards":
            from ...reports.idcards import idcards_pdf
            return idcards_pdf(db, actor, out, center=request.center)
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
