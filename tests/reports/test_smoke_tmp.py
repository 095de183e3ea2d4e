from reports_world import DAY, TZ, world  # noqa: F401
from albergue_desktop.reports.roster import roster_pdf
from albergue_desktop.reports.bedlist import bedlist_pdf
from albergue_desktop.reports.census import census_pdf
from albergue_desktop.reports.idcards import idcards_pdf
from albergue_desktop.reports.impact import impact_pdf
from albergue_desktop.services.context import SYSTEM
from pathlib import Path

def test_smoke(db, world):
    out = Path("/tmp/rep"); out.mkdir(exist_ok=True)
    roster_pdf(db, SYSTEM, out/"roster.pdf", on=DAY)
    bedlist_pdf(db, SYSTEM, out/"bedlist.pdf", on=DAY)
    census_pdf(db, SYSTEM, out/"census.pdf", day=DAY, tz=TZ)
    idcards_pdf(db, SYSTEM, out/"idcards.pdf")
    impact_pdf(db, SYSTEM, out/"impact.pdf")

def test_smoke_xlsx(db, world):
    from albergue_desktop.reports.excel_export import export_workbook
    from openpyxl import load_workbook
    out = Path("/tmp/rep"); out.mkdir(exist_ok=True)
    export_workbook(db, SYSTEM, out/"export.xlsx", day=DAY, tz=TZ)
    wb = load_workbook(out/"export.xlsx")
    for ws in wb:
        print(ws.title, ws.max_row, ws.max_column, ws.freeze_panes, ws.auto_filter.ref)
        for row in ws.iter_rows(min_row=1, max_row=3, values_only=True):
            print("  ", row)

def test_smoke_census(db, world):
    from reports_world import pdf_text
    out = Path("/tmp/rep"); out.mkdir(exist_ok=True)
    print(pdf_text(census_pdf(db, SYSTEM, out/"census.pdf", day=DAY, tz=TZ)))
    roster_pdf(db, SYSTEM, out/"roster.pdf", on=DAY)
    bedlist_pdf(db, SYSTEM, out/"bedlist.pdf", on=DAY)
    idcards_pdf(db, SYSTEM, out/"idcards.pdf")
    impact_pdf(db, SYSTEM, out/"impact.pdf")
