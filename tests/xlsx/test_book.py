"""Workbook-level helpers: the print layout and row heights survive a save and read back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment

from e2judge import __version__
from e2judge.xlsx.book import LINE_HEIGHT, fit_row_heights, print_wide_table, save_workbook


def test_long_wrapped_text_gets_a_taller_row_and_the_table_prints_landscape(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.column_dimensions["A"].width = 20
    ws["A1"] = "Tên bài"
    ws["A2"] = "Bảo tàng ảo “Chiến thắng Bạch Đằng năm 938” bằng Microsoft Sway " * 2
    ws["A2"].alignment = Alignment(wrap_text=True)
    ws["A3"] = "Ngắn"
    ws["A3"].alignment = Alignment(wrap_text=True)
    fit_row_heights(ws)
    print_wide_table(ws)
    out = tmp_path / "book.xlsx"
    save_workbook(wb, out)
    back = load_workbook(out).active
    assert back is not None
    assert (back.row_dimensions[2].height or 0) >= 4 * LINE_HEIGHT
    assert back.row_dimensions[3].height is None  # one line: left to the default
    assert back.page_setup.orientation == "landscape"
    assert back.page_setup.fitToWidth == 1
    assert back.print_title_rows == "$1:$1"
    assert [p.name for p in tmp_path.iterdir()] == ["book.xlsx"]  # no temporary file left behind
    assert load_workbook(out).properties.creator == f"E2 Judge {__version__}"
