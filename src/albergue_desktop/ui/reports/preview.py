"""The pages of a generated PDF inside the app: a scrolling column of pages, each rendered
by PDFium in the background (the TaskManager's worker) only when it comes into view, at the
size shown on screen (times the screen's pixel ratio), so the text is sharp at any zoom."""

from __future__ import annotations

from collections import OrderedDict
from functools import partial
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget,
)
from shiboken6 import isValid

from ..tasks import TaskManager
from ..ops import alive
from .pdf_pages import PdfPages

GAP = 12                 # pixels around and between pages
CACHE_PAGES = 12         # rendered pages kept in memory
IN_FLIGHT = 3            # renders queued at once (scrolling fast does not pile them up)
ZOOMS = (0, 75, 100, 125, 150, 200)  # 0: fit the width of the window


class _Canvas(QWidget):
    def __init__(self, preview: PdfPreview) -> None:
        super().__init__()
        self.preview = preview
        self.setAutoFillBackground(False)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("#7a7f85"))
        self.preview.paint_pages(painter, event.rect())
        painter.end()


class PdfPreview(QWidget):
    """``show_pdf(path)`` opens a PDF (in the worker); ``pages`` is the open document (or
    None), ``page_count`` its number of pages. Signal ``loaded(int)`` with the page count,
    or -1 when the file could not be read."""

    loaded = Signal(int)

    def __init__(self, tasks: TaskManager, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.pages: PdfPages | None = None
        self._generation = 0
        self._cache: OrderedDict[tuple[int, int], object] = OrderedDict()
        self._pending: set[tuple[int, int]] = set()
        self._rects: list[QRect] = []

        self.page_label = QLabel(self)
        self.zoom = QComboBox(self)
        for value in ZOOMS:
            self.zoom.addItem(self.tr("Fit width") if value == 0 else f"{value} %", value)
        self.zoom.setAccessibleName(self.tr("Zoom"))
        self.zoom.currentIndexChanged.connect(lambda _i: self._relayout())
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.page_label, 1)
        bar.addWidget(QLabel(self.tr("Zoom:"), self))
        bar.addWidget(self.zoom)

        self.canvas = _Canvas(self)
        self.scroll = QScrollArea(self)
        self.scroll.setWidget(self.canvas)
        self.scroll.setWidgetResizable(False)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        # Always there: fitting the width never makes the scroll bar come and go.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _v: self._update_label())
        self.placeholder = QLabel(self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.clear(self.tr("No report yet: choose one and press Generate."))

    # --- document -------------------------------------------------------------------------

    @property
    def page_count(self) -> int:
        return len(self.pages) if self.pages is not None else 0

    def clear(self, message: str = "") -> None:
        self._generation += 1
        self._close_document()
        self.placeholder.setText(message)
        self.stack.setCurrentWidget(self.placeholder)
        self.page_label.setText(self.tr("No pages"))

    def show_pdf(self, path: Path) -> None:
        self.clear(self.tr("Opening the preview…"))
        generation = self._generation
        opened = partial(self._on_opened, generation)
        self.tasks.run(partial(PdfPages, path),
                       lambda pages: opened(pages) if isValid(self) else pages.close(),
                       alive(self, partial(self._on_open_failed, generation)))

    def _on_opened(self, generation: int, pages: PdfPages) -> None:
        if generation != self._generation:
            self.tasks.run(pages.close)
            return
        self.pages = pages
        self.stack.setCurrentWidget(self.scroll)
        self._relayout()
        self.scroll.verticalScrollBar().setValue(0)
        self.loaded.emit(len(pages))

    def _on_open_failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.placeholder.setText(self.tr("The preview could not be shown: {error}")
                                     .format(error=error))
            self.loaded.emit(-1)

    def _close_document(self) -> None:
        if self.pages is not None:
            # Closed in the worker, after any render of it still queued there (or here
            # when the worker has stopped: the window is closing).
            if self.tasks.run(self.pages.close, on_error=lambda _e: None) is None:
                self.pages.close()
            self.pages = None
        self._cache.clear()
        self._pending.clear()
        self._rects = []

    # --- layout ---------------------------------------------------------------------------

    def _page_width(self, index: int) -> int:
        points = self.pages.sizes[index][0]
        zoom = self.zoom.currentData()
        if zoom:
            return round(points / 72 * self.logicalDpiX() * zoom / 100)
        widest = max(w for w, _h in self.pages.sizes)
        available = self.scroll.viewport().width() - 2 * GAP
        return max(200, round(available * points / widest))

    def _relayout(self) -> None:
        if self.pages is None:
            return
        rects, y, widest = [], GAP, 0
        for i, (w, h) in enumerate(self.pages.sizes):
            width = self._page_width(i)
            height = round(width * h / w)
            rects.append(QRect(GAP, y, width, height))
            y += height + GAP
            widest = max(widest, width)
        for r in rects:  # centered in the column
            r.moveLeft(GAP + (widest - r.width()) // 2)
        self._rects = rects
        self.canvas.resize(QSize(widest + 2 * GAP, y))
        self.canvas.update()
        self._update_label()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt)
        super().resizeEvent(event)
        if self.zoom.currentData() == 0:
            self._relayout()

    def current_page(self) -> int:
        """The page (from 1) at the middle of the view."""
        if not self._rects:
            return 0
        middle = self.scroll.verticalScrollBar().value() + self.scroll.viewport().height() // 2
        for i, r in enumerate(self._rects):
            if r.bottom() + GAP >= middle:
                return i + 1
        return len(self._rects)

    def _update_label(self) -> None:
        if self.pages is not None:
            self.page_label.setText(self.tr("Page {page} of {pages}").format(
                page=self.current_page(), pages=self.page_count))

    def go_to_page(self, number: int) -> None:
        if self._rects:
            index = min(max(number, 1), len(self._rects)) - 1
            self.scroll.verticalScrollBar().setValue(self._rects[index].top() - GAP)

    # --- painting -------------------------------------------------------------------------

    def paint_pages(self, painter: QPainter, exposed: QRect) -> None:
        ratio = self.devicePixelRatioF()
        for index, rect in enumerate(self._rects):
            if not rect.intersects(exposed):
                continue
            key = (index, round(rect.width() * ratio))
            image = self._cache.get(key)
            if image is not None:
                self._cache.move_to_end(key)
                painter.drawImage(rect, image)
                continue
            painter.fillRect(rect, Qt.GlobalColor.white)
            painter.setPen(QColor("#777777"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter,
                             self.tr("Page {page}…").format(page=index + 1))
            self._request(*key)

    def _request(self, index: int, width_px: int) -> None:
        key = (index, width_px)
        if key in self._pending or len(self._pending) >= IN_FLIGHT or self.pages is None:
            return
        self._pending.add(key)
        self.tasks.run(partial(self.pages.render, index, width_px),
                       alive(self, partial(self._on_rendered, self._generation, key)),
                       alive(self, partial(self._on_render_failed, self._generation, key)))

    def _on_rendered(self, generation: int, key: tuple[int, int], image) -> None:
        if generation != self._generation:
            return
        self._pending.discard(key)
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self._cache[key] = image
        while len(self._cache) > CACHE_PAGES:
            self._cache.popitem(last=False)
        self.canvas.update()

    def _on_render_failed(self, generation: int, key: tuple[int, int], _error) -> None:
        if generation == self._generation:
            self._pending.discard(key)

    def rendered_pages(self) -> list[int]:
        """Pages (from 0) rendered and kept in memory, for tests and diagnostics."""
        return sorted({index for index, _w in self._cache})
