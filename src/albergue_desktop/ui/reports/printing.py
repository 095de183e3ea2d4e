"""Printing a generated PDF through the system print dialog (QtPrintSupport, part of
pyside6-essentials). Each page is rendered by PDFium at the printer's resolution (at most
300 dpi) and painted on the whole sheet at its real size: the report's own margins stay as
designed. Painting on a QPrinter is allowed outside the GUI thread, so the pages are
printed in the TaskManager's worker while the window stays responsive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QWidget

from .pdf_pages import PdfPages

MAX_DPI = 300


class PrintError(Exception):
    """A printing failure, with a message already translated for the user."""


def new_printer(pages: PdfPages, title: str) -> QPrinter:
    """A printer set up for this document: letter paper, the orientation of its pages,
    the whole sheet as the painting area, every page selected."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    printer.setPageOrientation(QPageLayout.Orientation.Landscape if pages.landscape
                               else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setFromTo(1, len(pages))
    return printer


def ask_printer(parent: QWidget, printer: QPrinter) -> bool:
    """The system print dialog (printer, copies, pages). True to print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
    dialog.setOption(QPrintDialog.PrintDialogOption.PrintToFile, True)
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


def page_range(printer: QPrinter, count: int) -> range:
    """The pages (from 0) the user chose in the dialog."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or first <= 0:
        first, last = 1, count
    return range(max(first, 1) - 1, min(max(last, first), count))


def print_pages(pages: PdfPages, printer: QPrinter, numbers: range, *,
                on_page: Callable[[int], None] | None = None,
                check: Callable[[], None] | None = None) -> int:
    """Paint ``numbers`` (pages from 0) on ``printer``; returns the pages printed.
    ``check()`` may raise to stop (the pages already sent stay sent)."""
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(QCoreApplication.translate("printing",
                                                    "The printer could not be opened."))
    printed = 0
    try:
        dpi = min(printer.resolution(), MAX_DPI)
        for i, index in enumerate(numbers):
            if check is not None:
                check()
            if on_page is not None:
                on_page(index + 1)
            if i:
                printer.newPage()
            image = pages.render_dpi(index, dpi)
            sheet = printer.paperRect(QPrinter.Unit.DevicePixel)
            w_pt, h_pt = pages.sizes[index]
            # Real size on the sheet (device pixels per point), centred if the paper differs.
            scale = min(printer.resolution() / 72, sheet.width() / w_pt,
                        sheet.height() / h_pt)
            width, height = w_pt * scale, h_pt * scale
            target = QRectF((sheet.width() - width) / 2, (sheet.height() - height) / 2,
                            width, height)
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed
