"""Table model of the people list.

Two ways to fill it: ``browse(loader)`` pages through everyone lazily (the view asks for the
next page through ``canFetchMore``/``fetchMore`` as the user scrolls, so 100,000 people cost no
more than the pages actually seen), and ``set_rows(rows)`` shows a fixed list such as search
results. ``PERSON_ROLE`` returns the :class:`PersonRow` behind a line.

Memory: a loaded line is kept packed (:class:`_PackedRows`: its key in an integer array and
its fields in one string) instead of as a :class:`PersonRow` with a dozen string objects,
about a quarter of the memory; the lines on screen are unpacked on demand and cached.
bench/bench_people_model.py measures it after scrolling to the end of 100,000 people.
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import partial

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..domain import clock
from ..domain.labels import label
from ..storage.queries import PersonRow

COL_FOLIO, COL_NAME, COL_SEX, COL_AGE, COL_NATIONALITY, COL_CENTER, COL_BED, COL_STATUS = \
    range(8)
COLUMN_COUNT = 8
PERSON_ROLE = int(Qt.ItemDataRole.UserRole.value) + 1
_DISPLAY = int(Qt.ItemDataRole.DisplayRole.value)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole.value)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ROLES = frozenset({_DISPLAY, _ALIGNMENT, _TOOLTIP, PERSON_ROLE})
PAGE_SIZE = 200

# loader(before_rowid, limit) -> the next ``limit`` people older than ``before_rowid``
# (None: from the newest), newest first.
PageLoader = Callable[[int | None, int], list[PersonRow]]
# run(work, deliver): ``work()`` off the GUI thread, then ``deliver(page)`` on it (the window
# passes ui/ops.py's query_op); without it pages are read in place (tests of the model).
PageRunner = Callable[[Callable[[], list[PersonRow]], Callable[[list[PersonRow]], None]], None]

_Index = QModelIndex | QPersistentModelIndex
_ALIGN_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


_SEP = "\x1f"  # unit separator (a control character; replaced by a space inside a value)
# PersonRow fields after list_key, in packed order; the optional ones pack None as "".
_TEXT_FIELDS = ("id", "folio", "given_names", "surnames", "sex", "birth_date",
                "birth_date_estimated", "nationality", "center_code", "center_name",
                "bed_code", "status", "household_id")
_REQUIRED = frozenset({"id", "given_names", "surnames", "sex", "status"})
_CACHE_SIZE = 512  # unpacked lines kept: a screenful many times over


class _PackedRows:
    """The loaded lines, packed: ``list_key`` in an ``array('q')`` and the other fields
    joined by a separator in one string per line (one object per line instead of ~15).
    Lines read back as :class:`PersonRow`, the recent ones from a small cache."""

    def __init__(self, rows: Iterable[PersonRow] = ()) -> None:
        self._keys = array("q")
        self._packed: list[str] = []
        self._cache: OrderedDict[int, PersonRow] = OrderedDict()
        self.extend(rows)

    def __len__(self) -> int:
        return len(self._packed)

    def extend(self, rows: Iterable[PersonRow]) -> None:
        for r in rows:
            self._keys.append(r.list_key)
            self._packed.append(self._pack(r))

    def key(self, row: int) -> int:
        return self._keys[row]

    def _pack(self, r: PersonRow) -> str:
        values = (r.id, r.folio or "", r.given_names, r.surnames, r.sex,
                  r.birth_date.isoformat() if r.birth_date else "",
                  "1" if r.birth_date_estimated else "", r.nationality or "",
                  r.center_code or "", r.center_name or "", r.bed_code or "", r.status,
                  r.household_id or "")
        packed = _SEP.join(values)
        if packed.count(_SEP) != len(values) - 1:  # a separator inside a value
            packed = _SEP.join(v.replace(_SEP, " ") for v in values)
        return packed

    def rows_of(self, ids: frozenset[str]) -> dict[str, int]:
        """Person id -> line, for the loaded lines of ``ids``."""
        found: dict[str, int] = {}
        for i, packed in enumerate(self._packed):
            person_id = packed[:packed.find(_SEP)]
            if person_id in ids:
                found[person_id] = i
        return found

    def replace(self, row: int, person: PersonRow) -> None:
        self._keys[row] = person.list_key
        self._packed[row] = self._pack(person)
        self._cache.pop(row, None)

    def insert(self, row: int, person: PersonRow) -> None:
        self._keys.insert(row, person.list_key)
        self._packed.insert(row, self._pack(person))
        self._cache.clear()  # the lines after it moved

    def remove(self, row: int) -> None:
        del self._keys[row]
        del self._packed[row]
        self._cache.clear()

    def __getitem__(self, row: int) -> PersonRow:
        cached = self._cache.get(row)
        if cached is not None:
            self._cache.move_to_end(row)
            return cached
        values = self._packed[row].split(_SEP)
        fields: dict = {name: (value if value or name in _REQUIRED else None)
                        for name, value in zip(_TEXT_FIELDS, values)}
        fields["birth_date"] = date.fromisoformat(values[5]) if values[5] else None
        fields["birth_date_estimated"] = values[6] == "1"
        person = PersonRow(self._keys[row], **fields)
        self._cache[row] = person
        if len(self._cache) > _CACHE_SIZE:
            self._cache.popitem(last=False)
        return person

    def find_folio(self, folio: str) -> int | None:
        needle = f"{_SEP}{folio}{_SEP}"
        return next((i for i, packed in enumerate(self._packed)
                     if needle in packed and self[i].folio == folio), None)


class PeopleModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None, *, page_size: int = PAGE_SIZE,
                 today: date | None = None, run: PageRunner | None = None) -> None:
        super().__init__(parent)
        self._rows = _PackedRows()
        self._loader: PageLoader | None = None
        self._page_size = page_size
        self._fetching = False
        self._run = run
        self._fill = 0  # bumped by every reset: a page asked for before it is dropped
        self._today = today  # fixed "today" for tests; None: the date of the last fill
        self._date = clock.today()
        self._headers = [self.tr("Folio"), self.tr("Name"), self.tr("Sex"), self.tr("Age"),
                         self.tr("Nationality"), self.tr("Center"), self.tr("Bed"),
                         self.tr("Status")]

    # --- filling ---------------------------------------------------------------------------

    def set_rows(self, rows: Sequence[PersonRow]) -> None:
        """Show exactly ``rows`` (no lazy loading)."""
        self.beginResetModel()
        self._date = clock.today()
        self._rows = _PackedRows(rows)
        self._loader = None
        self._fill += 1
        self._fetching = False
        self.endResetModel()

    def browse(self, loader: PageLoader, first_page: Sequence[PersonRow] | None = None) -> None:
        """Show everyone, loaded page by page through ``loader`` as the view needs rows.
        ``first_page``: rows already read (in the background) for ``loader(None, page_size)``;
        a short first page means there is nothing more to fetch."""
        self.beginResetModel()
        self._date = clock.today()
        self._rows = _PackedRows(first_page or [])
        self._loader = loader
        self._fill += 1
        self._fetching = False
        if first_page is not None and len(first_page) < self._page_size:
            self._loader = None
        self.endResetModel()

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._loader is not None and not self._fetching

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:
        # Views and model testers may call back into fetchMore from the rowsInserted signals
        # this method emits; the guard keeps one page from being inserted twice.
        if parent.isValid() or self._loader is None or self._fetching:
            return
        self._fetching = True
        before = self._rows.key(len(self._rows) - 1) if len(self._rows) else None
        work = partial(self._loader, before, self._page_size)
        if self._run is not None:  # off the GUI thread; the page arrives in _arrived
            self._run(work, partial(self._arrived, self._fill))
            return
        try:
            self._append(work())
        finally:
            self._fetching = False

    def _arrived(self, fill: int, page: list[PersonRow]) -> None:
        if fill != self._fill:
            return  # the list was reset meanwhile (new filters, a refresh)
        self._fetching = False
        self._append(page)

    def fetch_failed(self) -> None:
        """The page could not be read (e.g. the file is busy): scrolling asks again."""
        self._fetching = False

    def _append(self, page: list[PersonRow]) -> None:
        if len(page) < self._page_size:
            self._loader = None  # the end of the list: nothing more to fetch
        if page:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()

    def update_people(self, ids: frozenset[str], rows: Sequence[PersonRow]) -> None:
        """Only the lines of the people ``ids`` changed; ``rows`` are those of them the list
        shows now (as filtered). A loaded line is updated in place or removed; a new person
        is inserted where the order (newest first) puts them, unless that is past the loaded
        lines while more remain to be fetched (scrolling brings them). No reset: the
        selection and the scroll position stay."""
        current = {r.id: r for r in rows}
        loaded = self._rows.rows_of(ids)
        for person_id, row in sorted(loaded.items(), key=lambda item: -item[1]):
            person = current.pop(person_id, None)
            if person is None:
                self.beginRemoveRows(QModelIndex(), row, row)
                self._rows.remove(row)
                self.endRemoveRows()
            elif person.list_key == self._rows.key(row):
                self._rows.replace(row, person)
                self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))
            else:  # its place in the order changed: out here, in again below
                self.beginRemoveRows(QModelIndex(), row, row)
                self._rows.remove(row)
                self.endRemoveRows()
                current[person_id] = person
        for person in sorted(current.values(), key=lambda r: -r.list_key):
            row = self._place(person.list_key)
            if row == len(self._rows) and self._loader is not None:
                continue  # older than every loaded line: the next page brings it
            self.beginInsertRows(QModelIndex(), row, row)
            self._rows.insert(row, person)
            self.endInsertRows()

    def _place(self, key: int) -> int:
        """The line a person of this list key goes to (keys descend)."""
        low, high = 0, len(self._rows)
        while low < high:
            middle = (low + high) // 2
            if self._rows.key(middle) > key:
                low = middle + 1
            else:
                high = middle
        return low

    # --- reading ---------------------------------------------------------------------------

    def person(self, row: int) -> PersonRow:
        return self._rows[row]

    def row_of_folio(self, folio: str) -> int | None:
        """Row of the person with this folio among the loaded rows."""
        wanted = folio.strip().upper()
        return self._rows.find_folio(wanted)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < COLUMN_COUNT):
            return self._headers[section]
        return None

    def data(self, index: _Index, role: int = _DISPLAY):
        # Called for every cell and role on each paint: unknown roles leave first.
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if row >= len(self._rows):
            return None
        person = self._rows[row]
        column = index.column()
        if role == _DISPLAY:
            return self._display(person, column)
        if role == PERSON_ROLE:
            return person
        if role == _ALIGNMENT:
            return _ALIGN_RIGHT if column == COL_AGE else None
        if role == _TOOLTIP:
            if column == COL_AGE and person.birth_date_estimated:
                return self.tr("Estimated age")
            if column == COL_CENTER and person.center_code:
                return f"{person.center_code} · {person.center_name}"
        return None

    def _display(self, person: PersonRow, column: int) -> str | None:
        if column == COL_FOLIO:
            return person.folio or ""
        if column == COL_NAME:
            return person.full_name
        if column == COL_SEX:
            return label("sex", person.sex)
        if column == COL_AGE:
            age = person.age(self._today or self._date)
            if age is None:
                return ""
            return f"~{age}" if person.birth_date_estimated else str(age)
        if column == COL_NATIONALITY:
            return label("country", person.nationality)
        if column == COL_CENTER:
            return person.center_name or ""
        if column == COL_BED:
            return person.bed_code or ""
        if column == COL_STATUS:
            return label("person_status", person.status)
        return None
