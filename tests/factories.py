"""Builders of test data shared by the test modules (import as ``from factories import ...``)."""

from __future__ import annotations

from datetime import date

from albergue_desktop.services.people import MemberInput


def member(given="Marie-Claude", surnames="Joseph", sex="F", birth=date(1990, 5, 1),
           relationship="head", **extra) -> MemberInput:
    return MemberInput(given_names=given, surnames=surnames, sex=sex, birth_date=birth,
                       relationship=relationship, nationality="HT", **extra)


def copy_db(source, dest):
    """A byte copy of a database file, as a user copies it: with its key file (an encrypted
    file travels with ``<file>.keys``), its key remembered as after signing in to it."""
    import shutil

    from albergue_sync import keyfile

    shutil.copyfile(source, dest)
    keyfile.copy_keys(source, dest)
    return dest


def keys_code(*paths) -> str:
    """Python statements giving a child process the keys this test process holds for
    ``paths`` (as if its user had signed in to them there)."""
    from albergue_sync import keyfile

    lines = ["from albergue_sync import keyfile as _kf"]
    for path in paths:
        key = keyfile.key_for(path)
        if key is not None:
            lines.append(f"_kf.remember({str(path)!r}, bytes.fromhex({key.hex()!r}))")
    return "; ".join(lines)
