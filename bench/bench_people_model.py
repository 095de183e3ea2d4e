"""Memory of the people list after scrolling to the end of N people (default 100,000).

The file is built with bulk SQL (bench/bench_counts.py). The people model pages through it
with the real loader, inside a QTableView scrolled to the bottom page after page, as a user
dragging the scroll bar to the end. Printed: the process RSS before and after (target
<= 200 MB after), and the rows' own memory (tracemalloc) beside the same rows kept as a list
of PersonRow, as the model kept them before (same run, ratio).

Usage: QT_QPA_PLATFORM=offscreen uv run python bench/bench_people_model.py [--persons N]
       [--db FILE (reuse or keep)]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "people.sqlite"
        if not path.exists():
            from bench_counts import build
            build(path, args.persons)
        run(path)


def run(path: Path) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtWidgets import QApplication, QTableView

    from albergue_desktop.storage.db import Database
    from albergue_desktop.ui import people_model as pm
    from albergue_desktop.ui.people_list import _load_page

    app = QApplication.instance() or QApplication([])
    db = Database.open(path)
    view = QTableView()
    model = pm.PeopleModel()
    view.setModel(model)
    view.resize(1366, 768)
    view.show()
    app.processEvents()
    before = rss_mb()
    tracemalloc.start()
    model.browse(lambda key, limit: _load_page(db, key, limit))
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
        view.scrollToBottom()
        app.processEvents()
    rows_ours = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    after = rss_mb()
    count = model.rowCount()
    print(f"people list scrolled to the end of {count:,} people: RSS {before:.0f} MB before, "
          f"{after:.0f} MB after (target <= 200 MB)")
    # Baseline: the same rows as PersonRow objects, as the model kept them before.
    tracemalloc.start()
    keep, key = [], None
    while True:
        page = _load_page(db, key, pm.PAGE_SIZE)
        keep.extend(page)
        if len(page) < pm.PAGE_SIZE:
            break
        key = page[-1].list_key
    rows_old = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    print(f"memory of the loaded rows: packed {rows_ours:.1f} MB; as PersonRow objects "
          f"{rows_old:.1f} MB; ratio {rows_old / rows_ours:.1f}x smaller "
          f"(RSS with both held: {rss_mb():.0f} MB)")
    assert len(keep) == count
    db.close()


if __name__ == "__main__":
    main()
