"""Who runs an ``albergue`` command: ``--user NAME`` signs in with the password typed on the
terminal (getpass) or read from ``--password-file FILE``, through
:func:`services.accounts.sign_in` (the same argon2 check, lockout and audit events as the
app). A command that reads or writes people's data never acts as an implicit role: without
``--user`` it stops with a usage error (exit 2). The rule is in README.md ("Línea de
comandos")."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from typing import TYPE_CHECKING

from .domain.errors import AlbergueError
from .domain.i18n import translate as t

if TYPE_CHECKING:  # the parser is built on every start: no database modules for it
    from .services.context import Actor
    from .storage.db import Database


class UsageError(AlbergueError):
    """Wrong usage of a command (exit 2)."""


def add_user_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar=t("USER"),
                        help=t("sign in as this user of the file (required: the command reads "
                               "or writes people's data); the password is asked for"))
    parser.add_argument("--password-file", type=Path, metavar=t("FILE"),
                        help=t("read the password from the first line of FILE instead of "
                               "asking"))


def _password(args: argparse.Namespace, username: str) -> str:
    from .cli_commands import read_password_file

    if getattr(args, "password_file", None) is not None:
        return read_password_file(args.password_file)
    if not sys.stdin.isatty():
        raise UsageError("There is no terminal to type the password; use --password-file.")
    return getpass.getpass(t("Password for {user}: ", user=username))


def require_user(args: argparse.Namespace) -> None:
    """Before any file is opened: the command needs ``--user``."""
    if not (getattr(args, "user", None) or "").strip():
        raise UsageError("albergue {command} reads or writes people's data: say who you are "
                         "with --user USER (the password is asked for, or read with "
                         "--password-file FILE).", command=args.command)


def sign_in(db: Database, args: argparse.Namespace) -> Actor:
    """The signed-in user of ``db`` (audited; wrong password, locked or deactivated account
    and a password to change first are refused with the app's messages)."""
    from .services import accounts

    require_user(args)
    username = args.user.strip()
    password = _password(args, username)
    actor = accounts.sign_in(db, username, password)
    if accounts.must_change_password(db, actor.username):
        raise accounts.SignInError("An administrator reset your password: sign in to the app "
                                   "and choose a new one first.")
    from .services import encryption

    code = encryption.encrypt_on_sign_in(db, actor, password)  # a plain file
    if code is not None:
        print(t("{path} is now encrypted. Its recovery code (shown only now: write it down "
                "and keep it locked away; it opens the file if every password is lost): "
                "{code}", path=db.path, code=code), file=sys.stderr)
    return actor
