"""The pages of a PDF as QImages, rendered by PDFium (pypdfium2: a small wheel, unlike the
QtPdf module of pyside6-addons). PDFium is not thread-safe: every call holds one lock, so
the preview (worker thread) and printing may share a document safely. The document is read
into memory, so the file may be replaced or deleted while it is shown."""

from __future__ import annotations

import threading
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtGui import QImage

_LOCK = threading.RLock()
MAX_SIDE = 12_000  # pixels: a page rendered larger than this is refused (memory)


class PdfPages:
    def __init__(self, path: str | Path) -> None:
        data = Path(path).read_bytes()
        with _LOCK:
            self._doc = pdfium.PdfDocument(data)
            self.sizes: list[tuple[float, float]] = [
                self._doc.get_page_size(i) for i in range(len(self._doc))]
        self._data = data  # PDFium reads from this buffer while the document is open

    def __len__(self) -> int:
        return len(self.sizes)

    @property
    def landscape(self) -> bool:
        return bool(self.sizes) and self.sizes[0][0] > self.sizes[0][1]

    def render(self, index: int, width_px: int) -> QImage:
        """Page ``index`` (from 0) scaled to ``width_px`` pixels wide."""
        return self.render_scale(index, width_px / self.sizes[index][0])

    def render_dpi(self, index: int, dpi: float) -> QImage:
        return self.render_scale(index, dpi / 72)

    def render_scale(self, index: int, scale: float) -> QImage:
        width, height = self.sizes[index]
        if max(width, height) * scale > MAX_SIDE:
            scale = MAX_SIDE / max(width, height)
        with _LOCK:
            if self._doc is None:
                raise ValueError("the document is closed")
            page = self._doc[index]
            try:
                bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
                try:
                    return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                                  QImage.Format.Format_RGBX8888).copy()
                finally:
                    bitmap.close()
            finally:
                page.close()

    def close(self) -> None:
        with _LOCK:
            if self._doc is not None:
                self._doc.close()
                self._doc = None
