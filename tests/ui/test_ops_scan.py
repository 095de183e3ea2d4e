"""No screen touches the database on the GUI thread: every call of a service or storage function
from ``ui/`` runs inside an op (``ui/ops.py``: ``write_op``/``query_op``, or the worker's
``tasks.run``). Read by AST, not by running the screens.

What counts as deferred (runs on the worker): the *work* argument of ``tasks.run(fn, ...)``,
``write_op(parent, tasks, fn, ...)`` and ``query_op(parent, tasks, fn, ...)`` when it is a
lambda, a nested ``def`` passed by name, or ``partial(f, ...)``. Callbacks (``on_done``,
``on_rows``, ``on_error``) run on the GUI thread and are *not* deferred.

A module-level function of ``ui/`` that calls a service is a worker function (it may call
services; e.g. ``reports/jobs.py``); calling it directly from a screen is flagged like calling
the service itself. Building a service's input (a class such as ``HouseholdInput``) is fine;
``Database.open`` or any other attribute of a class is a call and is flagged, and so is any
method of a database object (``db.meta(...)``, ``self._db.session()``). Pure functions
that never see the database are listed in :data:`PURE` (each checked to take no database).
"""

from __future__ import annotations

import ast
import importlib
import inspect
from dataclasses import dataclass
from pathlib import Path

import albergue_desktop

UI = Path(albergue_desktop.__file__).parent / "ui"
PKG = "albergue_desktop"
OP_CALLS = {"run": 0, "write_op": 2, "query_op": 2}  # name -> index of the work argument
SESSION_METHODS = {"session", "read_session", "write_session"}

# Pure helpers of services/storage: no database, no file; safe on the GUI thread.
PURE = {
    "services.sync_conflicts.column_type",
    "services.sync_conflicts.typed_value",
    "services.person_details.edit_errors",
    "services.people_list.filterable_needs",
    "services.consultations.validate_consultation",
    "services.pregnancy.validate_visit",
    "services.referrals.status_word",
    "storage.versioning.utcnow",
    "storage.versioning.clock_is_before_release",
}

# Call sites not converted, as "file::function::symbol". This list only shrinks: an entry that
# no longer occurs fails the test too, so it is deleted together with its conversion.
# What remains runs before the event loop exists (docs/ui-ops.md, "What stays"): the app's
# start decides which first dialog to show (first run, central setup or sign-in); no window
# is there to freeze, and nothing could paint while waiting.
NOT_YET_CONVERTED: set[str] = {
    # The bed board's constructor: reading its centers as a query op made a later test of
    # tests/ui/beds hang or crash inside Qt's painting, one run in three (not understood yet;
    # docs/ui-ops.md, "What stays").
    "beds/board.py::BedBoardView.__init__::<database>.meta",
    "beds/board.py::BedBoardView.__init__::services.centers.list_centers",
    "app.py::AppSession.start::services.accounts.has_users",
    "app.py::AppSession.start::services.sync_files.needs_central_setup",
}


@dataclass(frozen=True)
class Site:
    file: str
    function: str
    symbol: str

    def key(self) -> str:
        return f"{self.file}::{self.function}::{self.symbol}"


def _module_parts(path: Path) -> list[str]:
    rel = path.relative_to(UI.parent.parent).with_suffix("")
    parts = list(rel.parts)
    return parts[:-1] if parts[-1] == "__init__" else parts


def _resolve(path: Path, node: ast.ImportFrom) -> list[str]:
    if not node.level:
        return (node.module or "").split(".")
    package = _module_parts(path)
    if path.name != "__init__.py":
        package = package[:-1]
    package = package[: len(package) - (node.level - 1)]
    return package + (node.module.split(".") if node.module else [])


def _imports(path: Path, tree: ast.Module) -> dict[str, str]:
    """Local name -> dotted target below the package (``services.people.get_person``,
    ``ui.health.dialog.load_facts``)."""
    names: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            module = _resolve(path, node)
            if len(module) > 1 and module[0] == PKG:
                for alias in node.names:
                    names[alias.asname or alias.name] = ".".join(module[1:] + [alias.name])
    return names


def _target(func: ast.expr, names: dict[str, str]) -> str | None:
    chain: list[str] = []
    while isinstance(func, ast.Attribute):
        chain.insert(0, func.attr)
        func = func.value
    if isinstance(func, ast.Name) and func.id in names:
        return ".".join([names[func.id]] + chain)
    return None


def _is_db(node: ast.expr) -> bool:
    """``db``, ``self._db``, ``window.db``: a :class:`Database` (whose methods read the file)."""
    name = node.attr if isinstance(node, ast.Attribute) else \
        node.id if isinstance(node, ast.Name) else None
    return name in {"db", "_db"}


def _is_class(dotted: str) -> bool:
    module, _, name = dotted.rpartition(".")
    try:
        obj = getattr(importlib.import_module(f"{PKG}.{module}"), name)
    except (ImportError, AttributeError):
        return False
    return inspect.isclass(obj)


class _Scan(ast.NodeVisitor):
    """Calls of services/storage (and of ui worker functions) in one module, with whether each
    runs deferred."""

    def __init__(self, path: Path, tree: ast.Module) -> None:
        self.path = path
        self.names = _imports(path, tree)
        self.local_module = ".".join(_module_parts(path)[1:])
        self.module_functions = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        self.stack: list[str] = []
        self.deferred_depth = 0
        self.deferred_nodes: set[int] = set()
        self.calls: list[tuple[str, str, bool, str | None]] = []  # target, where, deferred, top

    def _top_function(self) -> str | None:
        return self.stack[0] if self.stack and self.stack[0] in self.module_functions else None

    def _mark_deferred(self, scope: ast.AST) -> None:
        """Mark the work arguments of op calls inside ``scope`` (a function body)."""
        nested = {n.name: n for n in ast.walk(scope)
                  if isinstance(n, ast.FunctionDef) and n is not scope}
        for node in ast.walk(scope):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                node.func.id if isinstance(node.func, ast.Name) else None
            index = OP_CALLS.get(name or "")
            if index is None or len(node.args) <= index:
                continue
            work = node.args[index]
            if isinstance(work, ast.Call) and isinstance(work.func, ast.Name) \
                    and work.func.id == "partial" and work.args:
                work = work.args[0]  # partial(f, ...): f is referenced, not called
            if isinstance(work, ast.Lambda):
                self.deferred_nodes.add(id(work))
            elif isinstance(work, ast.Name) and work.id in nested:
                self.deferred_nodes.add(id(nested[work.id]))

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.stack.append(node.name)
        self.generic_visit(node)
        self.stack.pop()

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        self._mark_deferred(node)
        self._enter(node, node.name)

    def visit_Lambda(self, node: ast.Lambda) -> None:
        self._enter(node, "<lambda>")

    def _enter(self, node: ast.AST, name: str) -> None:
        deferred = id(node) in self.deferred_nodes
        self.stack.append(name)
        self.deferred_depth += deferred
        self.generic_visit(node)
        self.deferred_depth -= deferred
        self.stack.pop()

    def visit_Call(self, node: ast.Call) -> None:
        where = ".".join(self.stack) or "<module>"
        target = _target(node.func, self.names)
        if target is None and isinstance(node.func, ast.Name) \
                and node.func.id in self.module_functions:
            target = f"{self.local_module}.{node.func.id}"
        if target is None and isinstance(node.func, ast.Attribute) \
                and (node.func.attr in SESSION_METHODS or _is_db(node.func.value)):
            target = f"<database>.{node.func.attr}"
        if target is not None:
            self.calls.append((target, where, self.deferred_depth > 0, self._top_function()))
        self.generic_visit(node)


def _is_database(target: str) -> bool:
    return target.startswith(("services.", "storage.", "<database>."))


def direct_calls(extra: dict[str, str] | None = None) -> list[Site]:
    """Every flagged call in ``ui/``, plus in ``extra`` (file name below ``ui/`` -> source)."""
    sources = {path: path.read_text(encoding="utf-8") for path in sorted(UI.rglob("*.py"))}
    sources.update({UI / name: text for name, text in (extra or {}).items()})
    scans = []
    for path, text in sources.items():
        tree = ast.parse(text)
        scan = _Scan(path, tree)
        scan.visit(tree)
        scans.append(scan)
    # Worker functions: module-level ui functions that reach the database (to a fixed point).
    workers: set[str] = set()
    while True:
        found = {f"{scan.local_module}.{top}" for scan in scans
                 for target, _where, _deferred, top in scan.calls
                 if top is not None and (_is_database(target) and target not in PURE
                                         and not _is_class(target) or target in workers)}
        if found <= workers:
            break
        workers |= found
    sites = []
    for scan in scans:
        for target, where, deferred, top in scan.calls:
            if deferred or (top is not None and f"{scan.local_module}.{top}" in workers):
                continue
            if target in workers or (_is_database(target) and target not in PURE
                                     and not _is_class(target)):
                sites.append(Site(str(scan.path.relative_to(UI)), where, target))
    return sites


def test_no_database_call_on_the_gui_thread():
    found = {site.key() for site in direct_calls()}
    unexpected = sorted(found - NOT_YET_CONVERTED)
    assert not unexpected, "run these through ui/ops.py (write_op/query_op):\n" + \
        "\n".join(unexpected)


def test_the_allow_list_only_shrinks():
    found = {site.key() for site in direct_calls()}
    stale = sorted(NOT_YET_CONVERTED - found)
    assert not stale, "converted: delete from NOT_YET_CONVERTED:\n" + "\n".join(stale)


def test_pure_helpers_take_no_database():
    for dotted in PURE:
        module, _, name = dotted.rpartition(".")
        fn = getattr(importlib.import_module(f"{PKG}.{module}"), name)
        params = inspect.signature(fn).parameters
        assert not {"db", "session"} & set(params), dotted


def test_the_scan_sees_a_direct_call():
    """The scanner itself: a direct call in a method is caught, the same call as the work of an
    op is not, and neither is a call hidden in a worker function that an op runs; calling that
    worker function directly is caught."""
    probe = (
        "from ..services import people\n"
        "from .ops import write_op\n"
        "def load(db):\n"
        "    return people.get_person(db, 1)\n"
        "class Screen:\n"
        "    def bad(self):\n"
        "        people.get_person(self.db, 1)\n"
        "    def bad_meta(self):\n"
        "        self._db.meta('center_id')\n"
        "    def bad_worker(self):\n"
        "        load(self.db)\n"
        "    def bad_callback(self):\n"
        "        self.tasks.run(lambda: 1, lambda _r: people.get_person(self.db, 1))\n"
        "    def good(self):\n"
        "        self.tasks.run(lambda: people.get_person(self.db, 1))\n"
        "        def job():\n"
        "            return load(self.db)\n"
        "        write_op(self, self.tasks, job, changes=None, on_error=print)\n")
    sites = {(s.file, s.function, s.symbol)
             for s in direct_calls({"_scan_probe.py": probe}) if s.file == "_scan_probe.py"}
    assert sites == {
        ("_scan_probe.py", "Screen.bad", "services.people.get_person"),
        ("_scan_probe.py", "Screen.bad_worker", "ui._scan_probe.load"),
        ("_scan_probe.py", "Screen.bad_meta", "<database>.meta"),
        ("_scan_probe.py", "Screen.bad_callback.<lambda>", "services.people.get_person"),
    }
