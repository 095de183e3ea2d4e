"""The ``albergue`` command: opens the desktop app, or runs a headless command (init, demo,
search, stats) for setup and scripting.

Exit codes: 0 ok, 1 error (a message on stderr, in Spanish unless ``--lang en``), 2 wrong
usage. A user's mistake (missing or foreign file, newer schema, bad center code, short
password, database already set up) never shows a traceback. PySide6 is imported only when
the desktop app is opened.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from .cli_auth import UsageError, add_user_options
from .domain import clock
from .domain.errors import AlbergueError
from .domain.i18n import language, set_language
from .domain.i18n import translate as t

LANGUAGES = ("es", "en")
# argparse's own messages (Python 3.11+) -> source strings of our catalog.
_ARGPARSE_MESSAGES = [(re.compile(p), msgid) for p, msgid in (
    (r"^the following arguments are required: (?P<args>.+)$",
     "the following arguments are required: {args}"),
    (r"^unrecognized arguments: (?P<args>.+)$", "unrecognized arguments: {args}"),
    (r"^argument (?P<arg>\S+): invalid choice: (?P<value>.+?) \(choose from (?P<choices>.+)\)$",
     "argument {arg}: invalid choice: {value} (choose from {choices})"),
    (r"^argument (?P<arg>\S+): invalid \w+ value: (?P<value>.+)$",
     "argument {arg}: invalid value: {value}"),
    (r"^argument (?P<arg>\S+): expected one argument$", "argument {arg}: expected one value"),
    (r"^argument (?P<arg>\S+): not allowed with argument (?P<other>\S+)$",
     "argument {arg}: not allowed with {other}"),
    (r"^argument (?P<arg>\S+): (?P<message>.+)$", "argument {arg}: {message}"),
)]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups,
                          t("usage: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    """ArgumentParser whose help, usage and errors follow the interface language."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, add_help=False, **kwargs)
        self._positionals.title = t("positional arguments")
        self._optionals.title = t("options")
        self.add_argument("-h", "--help", action="help", help=t("show this help and exit"))

    def error(self, message: str):
        for pattern, msgid in _ARGPARSE_MESSAGES:
            match = pattern.match(message)
            if match:
                message = t(msgid, **match.groupdict())
                break
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: {t('error')}: {message}\n")


def _count(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(t("{value} is not a number from {low} to {high}",
                                               value=text, low=low, high=high))
        return value
    return parse


def build_parser() -> argparse.ArgumentParser:
    lang = argparse.ArgumentParser(add_help=False)
    lang.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                      help=t("language of messages (default: es)"))
    common = argparse.ArgumentParser(add_help=False, parents=[lang])
    common.add_argument("--db", type=Path, default=argparse.SUPPRESS, metavar=t("PATH"),
                        help=t("database file (default: $ALBERGUE_DB or the user data folder)"))
    parser = _Parser(prog="albergue", parents=[common],
                     description=t("Albergue: intake and shelter management for migrant "
                                   "shelters. Without a command it opens the desktop app."))
    parser.add_argument("--demo", action="store_true",
                        help=t("open the demo database (created on first use)"))
    # Hidden: open the file, show the first dialog, close it unanswered and exit (0 when it
    # was the sign-in). Checks that an installed bundle starts (installer/build-linux.sh).
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", title=t("commands"), parser_class=_Parser,
                                metavar=t("COMMAND"))

    init = sub.add_parser("init", parents=[common],
                          help=t("set up a center database and its first administrator"))
    init.add_argument("--center-code", required=True, metavar=t("CODE"),
                      help=t("center code, 1 to 3 digits (e.g. 03)"))
    init.add_argument("--center-name", required=True, metavar=t("NAME"), help=t("center name"))
    init.add_argument("--admin", required=True, metavar=t("USER"),
                      help=t("username of the first administrator"))
    init.add_argument("--admin-name", metavar=t("NAME"), help=t("full name of the administrator"))
    init.add_argument("--city", default="MXL", metavar=t("PREFIX"),
                      help=t("city prefix of the folios (default: MXL)"))
    init.add_argument("--admin-password-file", type=Path, metavar=t("FILE"),
                      help=t("read the password from the first line of FILE instead of asking"))

    demo = sub.add_parser("demo", parents=[lang],
                          help=t("fill a new database with synthetic demo data"))
    demo.add_argument("--db", type=Path, required=True, metavar=t("PATH"),
                      help=t("database file to create and fill"))
    demo.add_argument("--persons", type=_count(1, 10_000_000), metavar="N",
                      help=t("number of people (default: 2767; one twelfth with --center-code)"))
    which = demo.add_mutually_exclusive_group()
    which.add_argument("--centers", type=_count(1, 999), default=12, metavar="N",
                       help=t("number of centers (default: 12)"))
    which.add_argument("--center-code", metavar=t("CODE"),
                       help=t("only this center and its people (a center laptop's database)"))
    demo.add_argument("--seed", type=int, default=0, metavar="S",
                      help=t("random seed: the same seed gives the same people (default: 0)"))
    demo.add_argument("--to-end", action="store_true",
                      help=t("play the program to its end (31 March 2022): job bank, housing "
                             "and schooling recorded, everyone discharged, centers closed"))

    search = sub.add_parser("search", parents=[common],
                            help=t("find people by name, folio or document number"))
    search.add_argument("text", metavar=t("TEXT"), help=t("what to look for"))
    search.add_argument("--limit", type=_count(1, 100_000), default=50, metavar="N",
                        help=t("at most N results (default: 50)"))
    search.add_argument("--json", action="store_true", help=t("print JSON"))
    add_user_options(search)

    stats = sub.add_parser("stats", parents=[common], help=t("headline numbers of a database"))
    stats.add_argument("--json", action="store_true", help=t("print JSON"))
    add_user_options(stats)  # an encrypted file opens with a user's password

    retention = sub.add_parser(
        "retention", parents=[common],
        help=t("erase the people who left more than N months ago (only de-identified "
               "counts are kept; cannot be undone)"))
    retention.add_argument("--months", type=_count(1, 1200), required=True, metavar="N",
                           help=t("months since the person left"))
    retention.add_argument("--dry-run", action="store_true",
                           help=t("only say how many people would be erased"))
    add_user_options(retention)

    recover = sub.add_parser("recover", parents=[common],
                             help=t("every password lost: open the file with its recovery "
                                    "code and give a user a new password"))
    recover.add_argument("--user", required=True, metavar=t("USER"),
                         help=t("the user who gets the new password"))
    recover.add_argument("--code-file", type=Path, metavar=t("FILE"),
                         help=t("read the recovery code from FILE instead of asking"))
    recover.add_argument("--password-file", type=Path, metavar=t("FILE"),
                         help=t("read the new password from the first line of FILE instead "
                                "of asking"))

    from .reports.cli_commands import add_report_commands

    add_report_commands(sub, parents=[common])
    return parser


def _early_language(argv: list[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv) and argv[i + 1] in LANGUAGES:
            return argv[i + 1]
        if arg.startswith("--lang=") and arg[7:] in LANGUAGES:
            return arg[7:]
    return None


def main(argv: list[str] | None = None) -> int:
    if argv is None:  # the real process (console script): temp files stay in the app's
        _private_temp()  # private folder, and what a killed run left is removed
    argv = list(sys.argv[1:] if argv is None else argv)
    set_language(_early_language(argv) or os.environ.get("ALBERGUE_LANG", "es"))
    lang = language()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2)
        return exc.code if isinstance(exc.code, int) else 2
    from . import cli_commands as commands

    try:
        if args.command is None:
            return commands.open_app(args, lang)
        if hasattr(args, "handler"):  # report, export, import
            return args.handler(args)
        return getattr(commands, args.command)(args)
    except UsageError as exc:  # e.g. a command on people's data without --user
        parser.print_usage(sys.stderr)
        return fail(str(exc), code=2)
    except AlbergueError as exc:
        return fail(str(exc))
    except BrokenPipeError:
        # The reader of the output (head, less) closed the pipe: stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        return fail(t("Cannot open {path}: {detail}", path=exc.filename or "",
                      detail=commands.os_detail(exc)))
    except KeyboardInterrupt:
        return fail(t("Interrupted."), code=130)
    finally:
        clock.set_as_of(None)  # a demo file's day ends with its command (domain/clock.py)


def _private_temp() -> None:
    from .storage import private_tmp

    try:
        private_tmp.install()
    except OSError as exc:  # an unwritable data folder: the command may still work
        print("albergue: " + t("Cannot open {path}: {detail}", path=exc.filename or "",
                               detail=exc.strerror or str(exc)), file=sys.stderr)


def fail(message: str, code: int = 1) -> int:
    print(f"albergue: {message}", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
