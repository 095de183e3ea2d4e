"""Benchmark of the reports beside bare library baselines, in the same run.

1. Roster PDF of 3,000 people (``reports.roster.roster_pdf``: header frame, area and
   household grouping, page X of Y) beside bare reportlab tables of the same rows, one
   ``LongTable`` per area as the roster draws them (same embedded font, header row
   repeated; one 3,000-row table would be re-split at every page break, a slower baseline
   than the roster itself). Target: within 2x.
2. ID cards for the same 3,000 people (``reports.idcards.idcards_pdf``: eight cards a page,
   QR code of the folio) against the roster: a card should cost at most 5 roster rows.
3. Excel export of 100,000 people (``reports.excel_export.export_workbook``: queries,
   conversion, styled header, widths, filters, every sheet) beside bare openpyxl write-only
   appending exactly the same cell values. Target: within 1.2x.

Usage: uv run python bench/bench_reports.py [--people 100000] [--roster 3000]
       [--db FILE] (reuse or keep the generated demo database; it takes a while to build)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from itertools import groupby
from pathlib import Path
from unittest import mock

from openpyxl import Workbook
from reportlab.lib.pagesizes import landscape, letter
from reportlab.platypus import LongTable, SimpleDocTemplate

from albergue_desktop.demo import generate_demo
from albergue_desktop.domain.i18n import set_language
from albergue_desktop.domain.labels import label
from albergue_desktop.reports import excel_export, idcards, roster
from albergue_desktop.reports.common import age_text
from albergue_desktop.reports.frame import FONT, fmt_date, register_fonts
from albergue_desktop.services.context import SYSTEM
from albergue_desktop.storage.db import Database
from albergue_desktop.storage.report_queries import IdCardRow

REPEATS = 3


def interleaved(ours, bare, repeats: int = REPEATS) -> tuple[tuple[float, float], ...]:
    """Best (wall, CPU) seconds of each, runs interleaved so that a busy machine slows both
    alike. The ratio is taken on CPU time (this process), the steadier of the two."""
    best = {ours: (float("inf"), float("inf")), bare: (float("inf"), float("inf"))}
    for _ in range(repeats):
        for fn in (ours, bare):
            wall, cpu = time.perf_counter(), time.process_time()
            fn()
            took = (time.perf_counter() - wall, time.process_time() - cpu)
            best[fn] = min(best[fn], took, key=lambda t: t[1])
    return best[ours], best[bare]


def show(name: str, ours, bare, target: float, detail: str) -> None:
    print(f"  {name:<16} wall {ours[0]:7.2f} s  cpu {ours[1]:7.2f} s  {detail}")
    print(f"  {'bare baseline':<16} wall {bare[0]:7.2f} s  cpu {bare[1]:7.2f} s")
    print(f"  ratio            wall {ours[0] / bare[0]:7.2f}x   cpu {ours[1] / bare[1]:7.2f}x"
          f"  (target <= {target}x)")


def open_demo(path: Path, people: int) -> Database:
    fresh = not path.exists()
    db = Database.open(path)
    if fresh:
        started = time.perf_counter()
        result = generate_demo(db, persons=people, seed=0)
        print(f"  demo database: {result.persons:,} people, {result.present:,} present "
              f"({time.perf_counter() - started:.1f} s)")
    return db


def roster_rows(db: Database, count: int):
    rows = roster.load_rows(db, SYSTEM, None)
    if not rows:
        sys.exit("the demo database has nobody present")
    # Enough rows for the benchmark: repeat the population with new folios if needed.
    return [replace(rows[i % len(rows)], folio=f"MXL-99-{i:06d}") if i >= len(rows)
            else rows[i] for i in range(count)]


def bare_roster(rows, out: Path) -> None:
    """The same cells in one bare table per area (as the roster groups them)."""
    register_fonts()
    header = ["Folio", "Nombre", "Sexo", "Edad", "Nacionalidad", "Núcleo", "Cama", "Ingreso",
              "Indicadores"]
    today = rows[0].check_in.date()
    story = []
    for _area, members in groupby(rows, key=lambda r: (r.center_code, r.area_name)):
        data = [header]
        for r in members:
            data.append([r.folio, r.full_name, label("sex", r.sex),
                         age_text(r.birth_date, r.birth_date_estimated, today),
                         label("country", r.nationality), r.household_label, r.bed_code or "",
                         fmt_date(r.check_in), ", ".join(r.specific_needs)])
        story.append(LongTable(data, repeatRows=1,
                               colWidths=(80, 190, 42, 34, 70, 95, 50, 62, 97),
                               style=[("FONT", (0, 0), (-1, -1), FONT, 10)]))
    doc = SimpleDocTemplate(str(out), pagesize=landscape(letter))
    doc.build(story)


def card_rows(rows) -> list[IdCardRow]:
    return [IdCardRow(r.person_id, r.folio, r.full_name, r.center_name, r.household_label,
                      r.household_folio) for r in rows]


def decode_check(pdf: Path, pages: int, cards) -> str:
    """Decode the QR codes of the first and last sheets with zbarimg (when installed)."""
    import shutil
    import subprocess
    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        return "QR decoding skipped (zbarimg or pdftoppm not installed)"
    expected, found = set(), []
    for page in sorted({1, pages}):
        subprocess.run(["pdftoppm", "-png", "-r", "200", "-f", str(page), "-l", str(page),
                        "-singlefile", str(pdf), str(pdf.with_suffix(""))], check=True)
        found += subprocess.run(["zbarimg", "-q", "--raw", str(pdf.with_suffix(".png"))],
                                capture_output=True, text=True).stdout.split()
        expected |= {c.folio for c in cards[(page - 1) * 8:page * 8]}
    ok = set(found) == expected
    return (f"QR codes of sheets 1 and {pages}: {len(found)} of {len(expected)} decoded to "
            f"their folios{'' if ok else ' -- MISMATCH'}")


def capture_export(db: Database, out: Path) -> list[tuple[str, list[str], list[list]]]:
    """Run the export once, recording every sheet's cells instead of writing them."""
    sheets = []

    def record(wb, title, columns, rows, *, progress=None):
        data = [list(r) for r in rows]
        sheets.append((title, [c.header for c in columns], data))
        return len(data)

    with mock.patch.object(excel_export, "write_sheet", record):
        excel_export.export_workbook(db, SYSTEM, out)
    return sheets


def bare_export(sheets, out: Path) -> None:
    wb = Workbook(write_only=True)
    for title, header, data in sheets:
        ws = wb.create_sheet(title[:31])
        ws.append(header)
        for row in data:
            ws.append(row)
    wb.save(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--roster", type=int, default=3_000)
    parser.add_argument("--db", type=Path, help="demo database to reuse (created if missing)")
    parser.add_argument("--skip-export", action="store_true", help="PDFs only")
    args = parser.parse_args()
    set_language("es")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        db = open_demo(args.db or tmp / "demo.sqlite", args.people)

        print(f"Roster PDF of {args.roster:,} people")
        rows = roster_rows(db, args.roster)
        areas = len({(r.center_code, r.area_name) for r in rows})
        ours, bare = interleaved(lambda: roster.roster_pdf(rows, SYSTEM, tmp / "roster.pdf"),
                                 lambda: bare_roster(rows, tmp / "bare.pdf"))
        pages = len(__import__("pypdf").PdfReader(tmp / "roster.pdf").pages)
        show("roster_pdf", ours, bare, 2, f"({pages} pages, {areas} areas)")
        roster_cpu = ours[1]

        print(f"ID cards for {args.roster:,} people")
        cards = card_rows(rows)
        ours, roster_again = interleaved(
            lambda: idcards.idcards_pdf(cards, SYSTEM, tmp / "cards.pdf"),
            lambda: roster.roster_pdf(rows, SYSTEM, tmp / "roster.pdf"), repeats=2)
        roster_cpu = min(roster_cpu, roster_again[1])
        per_row, per_card = roster_cpu / len(rows), ours[1] / len(cards)
        pages = len(__import__("pypdf").PdfReader(tmp / "cards.pdf").pages)
        print(f"  {'idcards_pdf':<16} wall {ours[0]:7.2f} s  cpu {ours[1]:7.2f} s  "
              f"({pages} pages)")
        print(f"  per card {per_card * 1000:.2f} ms cpu, per roster row "
              f"{per_row * 1000:.2f} ms cpu: a card costs {per_card / per_row:.1f} roster "
              f"rows (target <= 5)")
        print(f"  {decode_check(tmp / 'cards.pdf', pages, cards)}")
        qr_started = time.process_time()
        for card in cards:
            idcards.qr_modules(card.folio)
        qr = (time.process_time() - qr_started) / len(cards)
        print(f"  QR encoding alone {qr * 1000:.2f} ms cpu a code "
              f"({qr / per_card:.0%} of a card)")

        if args.skip_export:
            db.close()
            return
        print(f"Excel export of {args.people:,} people")
        sheets = capture_export(db, tmp / "unused.xlsx")
        cells = sum(len(h) * (len(d) + 1) for _t, h, d in sheets)
        ours, bare = interleaved(
            lambda: excel_export.export_workbook(db, SYSTEM, tmp / "export.xlsx"),
            lambda: bare_export(sheets, tmp / "bare.xlsx"), repeats=2)
        size = (tmp / "export.xlsx").stat().st_size / 1e6
        show("export_workbook", ours, bare, 1.2,
             f"({len(sheets)} sheets, {cells:,} cells, {size:.1f} MB)")
        db.close()


if __name__ == "__main__":
    main()
