"""Typed errors. Each carries an English source message plus parameters; ``str(error)``
gives the message in the current language (see :mod:`.i18n`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .i18n import translate


class AlbergueError(Exception):
    """Base class of every error meant for a user. ``msgid`` is the English source text."""

    msgid: str = "Error"

    def __init__(self, msgid: str | None = None, /, **params: object) -> None:
        if msgid is not None:
            self.msgid = msgid
        self.params = params
        super().__init__(self.message())

    def message(self) -> str:
        params = {k: (translate(v) if k in self.translated_params else v)
                  for k, v in self.params.items()}
        return translate(self.msgid, **params)

    translated_params: frozenset[str] = frozenset()

    def __str__(self) -> str:  # re-translate at display time (the language may change)
        return self.message()


@dataclass(frozen=True)
class FieldError:
    """One invalid field. ``field`` is a dotted path such as ``members.2.birth_date``."""

    field: str
    msgid: str
    params: dict[str, object] = field(default_factory=dict)

    def message(self) -> str:
        params = {k: translate(v) if k == "reason" else v for k, v in self.params.items()}
        return translate(self.msgid, **params)


class ValidationError(AlbergueError):
    msgid = "The data has errors; nothing was saved."

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__()

    def message(self) -> str:
        head = translate(self.msgid)
        lines = [f"- {e.field}: {e.message()}" for e in self.errors]
        return "\n".join([head, *lines])

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]


class NotFoundError(AlbergueError):
    msgid = "{what} not found."
    translated_params = frozenset({"what"})

    def __init__(self, what: str, key: object = None) -> None:
        self.key = key
        super().__init__(what=what)


class RuleViolation(AlbergueError):
    """A domain rule forbids the operation (open stay exists, bed taken...)."""


class PermissionDenied(AlbergueError):
    msgid = "You do not have permission to {action}."
    translated_params = frozenset({"action"})

    def __init__(self, action: str) -> None:
        super().__init__(action=action)


class StorageError(AlbergueError):
    """The database file cannot be used: not SQLite, foreign, too new, damaged, disk full."""


class SchemaTooNewError(StorageError):
    msgid = ("{path} was created by a newer version of Albergue (schema {found}); this version "
             "understands schema {supported} or older. Update Albergue to open it.")

    def __init__(self, path: str, found: int, supported: int) -> None:
        self.found, self.supported = found, supported
        super().__init__(path=path, found=found, supported=supported)
