"""Every message a user can see from domain/, storage/ and services/ has a Spanish entry.

The source is scanned with ``ast``: the msgid of every FieldError and AlbergueError (or
subclass) built anywhere, the ``msgid`` class attributes, the parameters that the error
classes translate (``what``, ``action``, ``reason``), and literal ``translate(...)`` calls.
A developer who adds a message without its Spanish text gets a failing test naming it.
"""

from __future__ import annotations

import ast
import inspect
import string
from pathlib import Path

import pytest

import albergue_desktop
from albergue_desktop.domain import errors as errors_module
from albergue_desktop.domain import i18n
from albergue_desktop.domain.errors import AlbergueError, NotFoundError, PermissionDenied
from albergue_desktop.domain.permissions import Permission

PACKAGE = Path(albergue_desktop.__file__).parent
SCANNED = [p for sub in ("domain", "storage", "services") for p in (PACKAGE / sub).rglob("*.py")]
# Parameters filled at run time from a closed set that has its own test below.
DYNAMIC_OK = {("PermissionDenied", "action")}


def _error_classes() -> dict[str, type[AlbergueError]]:
    found, todo = {}, [AlbergueError]
    while todo:
        cls = todo.pop()
        found[cls.__name__] = cls
        todo.extend(cls.__subclasses__())
    return found


class _Unresolved(Exception):
    pass


class Scanner:
    """Collects user-visible strings of one module: ``found`` (string, where) and
    ``unresolved`` (class, parameter, where) for values that are not literal."""

    def __init__(self, source: str, name: str, classes: dict[str, type]) -> None:
        self.tree = ast.parse(source)
        self.name = name
        self.classes = classes
        self.found: list[tuple[str, str]] = []
        self.unresolved: list[tuple[str, str, str]] = []
        self.functions = {n.name: n for n in ast.walk(self.tree)
                          if isinstance(n, ast.FunctionDef)}
        self.constants = {t.id: n.value.value for n in self.tree.body
                          if isinstance(n, ast.Assign) and isinstance(n.value, ast.Constant)
                          and isinstance(n.value.value, str)
                          for t in n.targets if isinstance(t, ast.Name)}
        self.parent: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(self.tree):
            for child in ast.iter_child_nodes(node):
                self.parent[child] = node

    def enclosing_function(self, node: ast.AST) -> ast.FunctionDef | None:
        while node in self.parent:
            node = self.parent[node]
            if isinstance(node, ast.FunctionDef):
                return node
        return None

    def strings(self, node: ast.AST, depth: int = 0) -> set[str]:
        """Every string ``node`` can evaluate to; raises _Unresolved when not literal."""
        if depth > 6:
            raise _Unresolved
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return self.strings(node.body, depth + 1) | self.strings(node.orelse, depth + 1)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                and node.func.id in self.functions:
            returns = [r.value for r in ast.walk(self.functions[node.func.id])
                       if isinstance(r, ast.Return) and r.value is not None]
            return set().union(*(self.strings(r, depth + 1) for r in returns))
        if isinstance(node, ast.Name):
            func = self.enclosing_function(node)
            if func is not None:
                assigned = [a.value for a in ast.walk(func) if isinstance(a, ast.Assign)
                            and any(isinstance(t, ast.Name) and t.id == node.id
                                    for t in a.targets)]
                if assigned:
                    return set().union(*(self.strings(a, depth + 1) for a in assigned))
                params = [a.arg for a in [*func.args.posonlyargs, *func.args.args,
                                          *func.args.kwonlyargs]]
                if node.id in params:
                    return self.argument_values(func, node.id, depth + 1)
            if node.id in self.constants:
                return {self.constants[node.id]}
        raise _Unresolved

    def argument_values(self, func: ast.FunctionDef, param: str, depth: int) -> set[str]:
        """Strings passed for ``param`` at the call sites of ``func`` in this module."""
        positional = [a.arg for a in [*func.args.posonlyargs, *func.args.args]]
        values: set[str] = set()
        calls = [c for c in ast.walk(self.tree) if isinstance(c, ast.Call)
                 and isinstance(c.func, ast.Name) and c.func.id == func.name]
        if not calls:
            raise _Unresolved
        for call in calls:
            args = [a for a in call.args]
            if param in positional and positional.index(param) < len(args):
                values |= self.strings(args[positional.index(param)], depth)
            for kw in call.keywords:
                if kw.arg == param:
                    values |= self.strings(kw.value, depth)
        return values

    def add(self, node: ast.AST, where: str, cls: str, param: str) -> None:
        try:
            for text in self.strings(node):
                self.found.append((text, where))
        except _Unresolved:
            self.unresolved.append((cls, param, where))

    def scan(self) -> Scanner:
        for node in ast.walk(self.tree):
            where = f"{self.name}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.ClassDef) and node.name in self.classes:
                for stmt in node.body:
                    if isinstance(stmt, ast.Assign) and any(
                            isinstance(t, ast.Name) and t.id == "msgid" for t in stmt.targets):
                        self.add(stmt.value, where, node.name, "msgid")
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            func = node.func.id
            if func == "translate" and node.args:
                if isinstance(node.args[0], ast.Constant):  # the error classes pass msgids
                    self.add(node.args[0], where, func, "text")
            elif func == "FieldError":
                if len(node.args) >= 2:
                    self.add(node.args[1], where, func, "msgid")
                params = node.args[2] if len(node.args) >= 3 else None
                if isinstance(params, ast.Dict):
                    for key, value in zip(params.keys, params.values):
                        if isinstance(key, ast.Constant) and key.value == "reason":
                            self.add(value, where, func, "reason")
            elif func in self.classes:
                cls = self.classes[func]
                names = [p.name for p in inspect.signature(cls.__init__).parameters.values()
                         if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)][1:]
                translated = {"msgid", *cls.translated_params}
                for arg, pname in zip(node.args, names):
                    if pname in translated:
                        self.add(arg, where, func, pname)
                for kw in node.keywords:
                    if kw.arg in translated:
                        self.add(kw.value, where, func, kw.arg)
        return self


def scan_sources() -> Scanner:
    total = Scanner("", "all", {})
    classes = _error_classes()
    for path in SCANNED:
        s = Scanner(path.read_text("utf-8"), str(path.relative_to(PACKAGE)), classes).scan()
        total.found += s.found
        total.unresolved += s.unresolved
    return total


def test_every_user_message_has_a_spanish_translation():
    scan = scan_sources()
    missing = sorted({f"{where}: {text!r}" for text, where in scan.found if text not in i18n.ES})
    assert not missing, "Messages without Spanish text in i18n.ES:\n" + "\n".join(missing)


def test_the_scan_sees_the_messages_it_must_see():
    texts = {text for text, _ in scan_sources().found}
    # one of each kind: class msgid, FieldError msgid, module constant, reason helper,
    # parameter passed down to a helper, translated parameter, storage message
    for expected in ["{what} not found.", "Invalid CURP: {reason}.", "This field is required.",
                     "invalid check digit", "The end date is before the start date.",
                     "person", "bed", "{path} is damaged: {detail}",
                     "The password must have at least {min} characters."]:
        assert expected in texts
    assert len(texts) >= 50


def test_no_message_is_built_at_run_time():
    unresolved = {(cls, param, where) for cls, param, where in scan_sources().unresolved
                  if (cls, param) not in DYNAMIC_OK}
    assert not unresolved, f"messages that are not literal strings: {sorted(unresolved)}"


def test_the_scanner_catches_an_untranslated_message():
    source = '''
from x import FieldError, RuleViolation
HINT = "A constant message nobody translated."
def _why(n):
    return "a reason nobody translated" if n else "wrong length"
def check(field, msgid="A default"):
    return FieldError(field, msgid, {"reason": _why(1)})
def use():
    check("f", "Passed down, untranslated.")
    FieldError("f", HINT)
    raise RuleViolation("Rule nobody translated {name}.", name="x")
    raise RuleViolation(f"{1} dynamic")
'''
    scan = Scanner(source, "fake.py", _error_classes()).scan()
    untranslated = {t for t, _ in scan.found if t not in i18n.ES}
    assert untranslated == {"A constant message nobody translated.",
                            "a reason nobody translated", "Passed down, untranslated.",
                            "Rule nobody translated {name}."}
    assert [(c, p) for c, p, _ in scan.unresolved] == [("RuleViolation", "msgid")]


def test_permission_names_are_translated():
    for permission in Permission:
        assert permission.value in i18n.ES
        i18n.set_language("es")
        assert str(PermissionDenied(permission.value)) == \
            f"No tiene permiso para {i18n.ES[permission.value]}."


def _fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


@pytest.mark.parametrize("msgid", sorted(i18n.ES))
def test_spanish_text_keeps_the_placeholders(msgid):
    assert _fields(i18n.ES[msgid]) == _fields(msgid)
    assert i18n.ES[msgid].strip()


def test_errors_show_in_the_current_language():
    err = NotFoundError("person", "123")
    assert str(err) == "No se encontró la persona."
    i18n.set_language("en")
    assert str(err) == "person not found."
    i18n.set_language("en_US")
    assert i18n.language() == "en"
    i18n.set_language("es_MX")
    assert i18n.language() == "es"


def test_error_module_defaults_are_translated():
    for cls in _error_classes().values():
        assert cls.msgid == "Error" or cls.msgid in i18n.ES, cls
    assert errors_module.ValidationError.msgid in i18n.ES
