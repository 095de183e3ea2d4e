"""Command-line hooks for the reports, for ``albergue_desktop.cli`` to wire in::

    albergue report {roster,bedlist,census,idcards,impact,welcome,dashboard,stay-letter}
                    --db PATH
                    [--center CODE]
                    [--area NAME] [--date YYYY-MM-DD] [--from D] [--to D] --user NAME
                    [--household FOLIO | --person FOLIO | --today] --out FILE.pdf
    albergue export --db PATH [--date YYYY-MM-DD] --user NAME --out FILE.xlsx
    albergue import --db PATH FILE.xlsx [--center CODE] [--sheet NAME] [--dry-run]
                    [--errors FILE.xlsx] [--allow-duplicate ROW ...] --user NAME

Wiring: ``add_report_commands(sub, parents=[common])`` in ``build_parser`` (``common``
brings ``--db`` and ``--lang``), then in ``main`` call ``args.handler(args)`` when the
parsed namespace has a ``handler``. Handlers return the exit code and raise
:class:`AlbergueError` for the user's mistakes (the CLI prints those without a traceback).
Every one needs ``--user NAME`` (password typed, or ``--password-file FILE``): the signed-in
user's role decides what is printed (docs/sensitive-data.md); without it the command stops
with a usage error (exit 2), never acting as an implicit role.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from ..cli_auth import add_user_options, require_user, sign_in
from ..domain import clock
from ..domain.i18n import translate as _
from ..services.context import Actor
from ..storage.db import Database, default_db_path
from .common import resolve_center
from .output import ReportError

# The PDF and Excel modules (reportlab, openpyxl) are imported inside the handlers: the
# parser is built on every `albergue` start, and opening the app must not pay for them.

REPORTS = ("roster", "bedlist", "census", "idcards", "impact", "welcome", "dashboard",
           "stay-letter")
SHOWN_ERRORS = 20


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("{value} is not a date (YYYY-MM-DD)",
                                           value=value)) from None


def add_report_commands(subparsers, *, parents: list[argparse.ArgumentParser] = ()) -> None:
    """Add ``report``, ``export`` and ``import`` to an argparse subparsers object."""
    parents = list(parents)
    has_db = any(a.dest == "db" for p in parents for a in p._actions)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = subparsers.add_parser(name, parents=parents, help=help_text)
        if not has_db:
            parser.add_argument("--db", type=Path, metavar=_("PATH"),
                                help=_("database file (default: $ALBERGUE_DB or the user "
                                       "data folder)"))
        return parser

    report = command("report", _("print a report to PDF"))
    report.add_argument("kind", choices=REPORTS, help=_("which report"))
    report.add_argument("--out", type=Path, required=True, metavar=_("FILE"),
                        help=_("PDF file to write"))
    report.add_argument("--center", metavar=_("CODE"), help=_("only this center"))
    report.add_argument("--area", metavar=_("NAME"),
                        help=_("only this area (bed list; ID cards: people present in it)"))
    report.add_argument("--household", metavar=_("FOLIO"),
                        help=_("ID cards of one household (its id or any member's folio)"))
    report.add_argument("--person", metavar=_("FOLIO"), help=_("ID card of one person"))
    report.add_argument("--today", action="store_true",
                        help=_("ID cards of the people registered today"))
    report.add_argument("--backs", action="store_true",
                        help=_("also print the back of each card, for two-sided printing"))
    report.add_argument("--paper-lang", choices=("es", "ht", "fr"),
                        help=_("language of the welcome papers and ID card backs (default: "
                               "each person's)"))
    report.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                        help=_("day of the census (default: today)"))
    report.add_argument("--from", dest="start", type=_day, metavar="YYYY-MM-DD",
                        help=_("first day of the period (impact report, dashboard)"))
    report.add_argument("--to", dest="end", type=_day, metavar="YYYY-MM-DD",
                        help=_("last day of the period (impact report, dashboard)"))
    add_user_options(report)
    report.set_defaults(handler=run_report)

    export = command("export", _("export the database to an Excel workbook"))
    export.add_argument("--out", type=Path, required=True, metavar=_("FILE"),
                        help=_("workbook to write (.xlsx)"))
    export.add_argument("--date", type=_day, metavar="YYYY-MM-DD",
                        help=_("day of the census sheet (default: today)"))
    add_user_options(export)
    export.set_defaults(handler=run_export)

    imp = command("import", _("import a census spreadsheet (.xlsx)"))
    imp.add_argument("file", type=Path, metavar=_("FILE"), help=_("the spreadsheet"))
    imp.add_argument("--center", metavar=_("CODE"),
                     help=_("center that registers the people (default: this file's center)"))
    imp.add_argument("--sheet", metavar=_("NAME"), help=_("sheet to read (default: the first)"))
    imp.add_argument("--dry-run", action="store_true",
                     help=_("check the rows and report errors; import nothing"))
    imp.add_argument("--errors", type=Path, metavar=_("FILE"),
                     help=_("workbook for the rows left out (default: FILE-errores.xlsx)"))
    imp.add_argument("--allow-duplicate", type=int, action="append", default=[],
                     metavar=_("ROW"),
                     help=_("import this row although it looks like a registered person"))
    add_user_options(imp)
    imp.set_defaults(handler=run_import)


def _open(args: argparse.Namespace) -> Database:
    require_user(args)  # a usage error before any file is opened
    path = Path(args.db).expanduser() if getattr(args, "db", None) else default_db_path()
    if not path.exists():
        raise ReportError("{path} does not exist.", path=str(path))
    db = Database.open(path)
    clock.follow(db)  # a demo file: default report days are its day
    return db


def _actor(db: Database, args: argparse.Namespace) -> Actor:
    """The signed-in ``--user`` (cli_auth.py): never an implicit role."""
    return sign_in(db, args)


def run_report(args: argparse.Namespace) -> int:
    from .bedlist import bedlist_pdf
    from .census import census_pdf
    from .idcards import idcards_pdf
    from .impact import impact_pdf
    from .roster import roster_pdf

    db = _open(args)
    try:
        actor = _actor(db, args)
        if args.kind == "roster":
            out = roster_pdf(db, actor, args.out, center=args.center)
        elif args.kind == "bedlist":
            out = bedlist_pdf(db, actor, args.out, center=args.center, area=args.area)
        elif args.kind == "census":
            out = census_pdf(db, actor, args.out, day=args.date, center=args.center)
        elif args.kind == "idcards":
            out = idcards_pdf(db, actor, args.out, center=args.center,
                              selection=_card_selection(args), backs=args.backs,
                              paper_lang=args.paper_lang)
        elif args.kind == "dashboard":
            from .dashboard import dashboard_pdf
            out = dashboard_pdf(db, actor, args.out, center=args.center, start=args.start,
                                end=args.end)
        elif args.kind == "stay-letter":
            from .papers import stay_letter_pdf
            if not args.person:
                raise ReportError("The letter of stay is for one person (--person FOLIO).")
            out = stay_letter_pdf(db, actor, args.out, person=args.person,
                                  lang=args.paper_lang)
        elif args.kind == "welcome":
            from .papers import welcome_pdf
            out = welcome_pdf(db, actor, args.out, selection=_card_selection(args),
                              center=args.center, lang=args.paper_lang)
        else:
            if args.center:
                raise ReportError("The impact report covers the whole program; it takes no "
                                  "--center.")
            out = impact_pdf(db, actor, args.out, start=args.start, end=args.end)
    finally:
        db.close()
    print(_("Saved {path}", path=str(out)))
    return 0


def _card_selection(args: argparse.Namespace):
    from ..storage.report_queries import CardSelection

    chosen = [bool(args.area), bool(args.household), bool(args.person), args.today]
    if sum(chosen) > 1:
        raise ReportError("Only one of --area, --household, --person and --today.")
    # registration times are bookkeeping times on the computer's clock (domain/clock.py),
    # also in a demo file, so "today" is the computer's day here
    return CardSelection(area=args.area, household=args.household, person=args.person,
                         registered_on=date.today() if args.today else None)


def run_export(args: argparse.Namespace) -> int:
    from .excel_export import export_workbook

    db = _open(args)
    try:
        out = export_workbook(db, _actor(db, args), args.out, day=args.date)
    finally:
        db.close()
    print(_("Saved {path}", path=str(out)))
    return 0


def run_import(args: argparse.Namespace) -> int:
    from .excel_import import confirm_import, preview_import, read_sheet, write_error_report

    db = _open(args)
    try:
        actor = _actor(db, args)
        center_id = _center_id(db, args.center)
        sheet = read_sheet(args.file, args.sheet)
        preview = preview_import(db, actor, sheet, center_id=center_id)
        allowed = set(args.allow_duplicate)
        groups, left_out = preview.plan(allowed)
        s = preview.summary(allowed)
        print(_("{rows} rows read: {people} people in {households} households can be "
                "imported; {left_out} rows are left out.", **s))
        for number in sorted(left_out)[:SHOWN_ERRORS]:
            print(_("Row {row}: {errors}", row=number, errors="; ".join(left_out[number])))
        if len(left_out) > SHOWN_ERRORS:
            print(_("... and {n} more rows with errors.", n=len(left_out) - SHOWN_ERRORS))
        report = args.errors or args.file.with_name(f"{args.file.stem}-errores.xlsx")
        if left_out:
            # Written BEFORE the import commits: if it cannot be saved (full disk, no
            # rights) the command fails with nothing imported, never "failed" after the
            # people were registered.
            print(_("Saved {path}", path=str(write_error_report(preview, left_out, report))))
        if args.dry_run:
            print(_("Dry run: nothing was imported."))
            return 0
        result = confirm_import(db, actor, preview, allow_duplicates=allowed)
    finally:
        db.close()
    print(_("Imported {people} people in {households} households.", people=result.people,
            households=result.households))
    return 0


def _center_id(db: Database, code: str | None) -> str:
    if code:
        return resolve_center(db, code)[0]
    own = db.meta("center_id")
    if own is None:
        raise ReportError("Say which center registers the people (--center CODE).")
    return own
