"""Workbook-level helpers every writer uses: an atomic save and a print layout for A4."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from e2judge import __version__
from e2judge.formats.safe_write import atomic_file


def save_workbook(wb: Workbook, out: Path) -> None:
    """Save atomically (a temporary file in the same folder, renamed over ``out``), stamped with the app."""
    wb.properties.creator = f"E2 Judge {__version__}"
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic_file(out) as fh:
        wb.save(fh)


def print_wide_table(ws: Worksheet, header_rows: int = 1, *, fit_width: bool = True) -> None:
    """Print a table on A4 landscape with its header rows repeated on every page.

    With ``fit_width`` the table is scaled to one page wide (good for number tables); without it,
    wide text columns flow onto further pages at a readable size.
    """
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    if fit_width:
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages tall as needed
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_title_rows = f"1:{header_rows}"
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.4


LINE_HEIGHT = 15.0  # points per line of 11-point text
MAX_ROW_HEIGHT = 240.0


def fit_row_heights(ws: Worksheet, first_row: int = 2) -> None:
    """Give rows with wrapped text a height that shows it (Excel and LibreOffice do not on open).

    The number of lines is estimated from each cell's text length and its column width (about
    one character per width unit, with explicit line breaks counted), capped at a readable height.
    """
    widths = {key: (dim.width or 10.0) for key, dim in ws.column_dimensions.items()}
    for row in ws.iter_rows(min_row=first_row):
        lines = 1
        for cell in row:
            if not isinstance(cell.value, str) or not cell.alignment.wrap_text:
                continue
            width = max(1.0, widths.get(cell.column_letter, 10.0) * 1.1)
            estimate = sum(max(1, -(-len(part) // int(width))) for part in cell.value.split("\n"))
            lines = max(lines, estimate)
        row_no = row[0].row
        if lines > 1 and row_no is not None:
            ws.row_dimensions[row_no].height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines)
