"""Printing PDFs (slips and forms) from the app: to the configured printer, through the Qt
print dialog, or to a folder (``folder:`` printer, also what the tests use), as vector PDF
wherever the printer path allows; and saving a PDF where the clerk chooses."""

from __future__ import annotations

import datetime as dt
import re
import sys
from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QFileDialog, QWidget

from kakanai.adapters.print_spooler import PrintOptions, spool_pdf, spooler
from kakanai.core.errors import ErrorCode, KakanaiError
from kakanai.services.settings import Settings, folder_printer

PRINT_DPI = 300
_UNSAFE = re.compile(r"[^\w\-]+")


def print_pdf(pdf: bytes, *, job: str, settings: Settings, parent: QWidget | None) -> str | None:
    """Print ``pdf``; returns where it went (folder file or printer name), None if cancelled."""
    folder = folder_printer(settings)
    if folder is not None:
        return str(_print_to_folder(pdf, job, folder))
    if settings.printer:
        info = QPrinterInfo.printerInfo(settings.printer)
        if info.isNull():
            raise KakanaiError.of(ErrorCode.APP_PRINTER_MISSING, name=settings.printer)
        printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    else:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(f"印刷: {job}")
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return None
    printer.setDocName(job)
    return deliver(pdf, printer, job)


def deliver(pdf: bytes, printer: QPrinter, job: str) -> str:
    """Print ``pdf`` on ``printer`` as chosen, vector wherever the path allows: a PDF file
    chosen in the dialog gets the PDF itself, a CUPS printer gets it through the spooler;
    only a printer that needs pages drawn (Windows' drivers) gets them rasterised."""
    target = printer.outputFileName()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and target:
        write_pdf(pdf, Path(target))
        return target
    if spooler() is not None and printer.printerName():
        spool_pdf(pdf, printer=printer.printerName(), job=job, options=_options(printer))
        return printer.printerName()
    _paint(pdf, printer)
    return printer.printerName()


def _options(printer: QPrinter) -> PrintOptions:
    pages = None
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        pages = (printer.fromPage(), max(printer.fromPage(), printer.toPage()))
    sides = {
        QPrinter.DuplexMode.DuplexNone: "one-sided",
        QPrinter.DuplexMode.DuplexLongSide: "two-sided-long-edge",
        QPrinter.DuplexMode.DuplexShortSide: "two-sided-short-edge",
    }.get(printer.duplex(), "")
    return PrintOptions(
        copies=printer.copyCount(),
        pages=pages,
        sides=sides,
        monochrome=printer.colorMode() == QPrinter.ColorMode.GrayScale,
    )


def save_pdf(pdf: bytes, *, suggested: str, parent: QWidget | None) -> Path | None:
    """Ask where to save ``pdf`` and write it there; None when the clerk cancels."""
    name, _ = QFileDialog.getSaveFileName(
        parent, "PDFで保存", suggested, "PDF (*.pdf)", options=file_dialog_options()
    )
    if not name:
        return None
    path = Path(name)
    write_pdf(pdf, path)
    return path


def file_dialog_options() -> QFileDialog.Option:
    """Qt's own file dialog, in Japanese with the app's translation, except on Windows,
    whose own dialog speaks the PC's language (a Linux desktop's may not be Japanese)."""
    if sys.platform == "win32":
        return QFileDialog.Option(0)
    return QFileDialog.Option.DontUseNativeDialog


def write_pdf(pdf: bytes, path: Path) -> None:
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise KakanaiError.of(ErrorCode.PRINT_UNWRITABLE, detail=f"{path}: {exc}") from None


def page_images(pdf: bytes, *, dpi: int) -> list[QImage]:
    """The PDF's pages as images (the desk's preview, printing)."""
    # The PDF renderer loads with the first preview or print, not with the app.
    from PIL.ImageQt import ImageQt  # noqa: PLC0415 - start-up time

    from kakanai.adapters.pdf.raster import rasterize_all  # noqa: PLC0415 - start-up time

    return [QImage(ImageQt(image)).copy() for image in rasterize_all(pdf, dpi=dpi)]


def _print_to_folder(pdf: bytes, job: str, folder: Path) -> Path:
    stamp = dt.datetime.now().astimezone().strftime("%Y%m%d-%H%M%S-%f")
    path = folder / f"{stamp}-{_UNSAFE.sub('_', job)}.pdf"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise KakanaiError.of(ErrorCode.PRINT_UNWRITABLE, detail=f"{folder}: {exc}") from None
    write_pdf(pdf, path)
    return path


def _paint(pdf: bytes, printer: QPrinter) -> None:
    """Each page rasterized at the printer's resolution (at most 300 dpi), page by page."""
    dpi = min(PRINT_DPI, printer.resolution())
    painter = QPainter(printer)
    try:
        for number, image in enumerate(page_images(pdf, dpi=dpi)):
            if number:
                printer.newPage()
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.setViewport(QRect(area.x(), area.y(), scaled.width(), scaled.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
    finally:
        painter.end()
