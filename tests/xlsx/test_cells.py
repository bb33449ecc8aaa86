"""Safe cells: text stays text (no formula anywhere in the file), read values become clean text."""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from decimal import Decimal
from pathlib import Path
from xml.etree import ElementTree

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.rubric import CommentRule
from e2judge.xlsx.cells import (
    EXCEL_MAX_CELL_CHARS,
    cell_at,
    cell_text,
    decode_ooxml,
    raw_text,
    set_text,
    set_value,
    write_row,
)

FORMULA_LIKE = [
    '=HYPERLINK("http://evil.example","bấm vào đây")',
    "=1+1",
    "+1",
    "+84 912 345 678",
    "-x",
    "-1",
    "@SUM(A1)",
    "@x",
    "\t=1+1",
    "#N/A",
    "#DIV/0!",
    "=",
    "TRUE",
    "001",
    "1e5",
]


def _sheet() -> tuple[openpyxl.Workbook, Worksheet]:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert isinstance(ws, Worksheet)
    return wb, ws


def _cell(ws: Worksheet, row: int, column: int = 1) -> Cell:
    cell = ws.cell(row=row, column=column)
    assert isinstance(cell, Cell)
    return cell


def _save(wb: openpyxl.Workbook) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _formula_elements(data: bytes) -> list[str]:
    """Every <f> element in any worksheet part of the package."""
    found: list[str] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                root = ElementTree.fromstring(archive.read(name))
                found += [f"{name}: {el.text}" for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "f"]
    return found


def test_openpyxl_alone_would_write_a_formula() -> None:
    # The hazard set_text exists for: a plain assignment becomes a formula.
    wb, ws = _sheet()
    ws["A1"] = "=1+1"
    assert ws["A1"].data_type == "f"
    assert _formula_elements(_save(wb))


@pytest.mark.parametrize("read_only", [False, True])
def test_formula_like_text_stays_literal(read_only: bool) -> None:
    wb, ws = _sheet()
    for row, text in enumerate(FORMULA_LIKE, start=1):
        set_text(_cell(ws, row), text)
        assert ws.cell(row=row, column=1).data_type == "s"
    data = _save(wb)
    assert _formula_elements(data) == []

    back = openpyxl.load_workbook(io.BytesIO(data), read_only=read_only)
    try:
        sheet = back.worksheets[0]
        cells = [row[0] for row in sheet.iter_rows(min_row=1, max_row=len(FORMULA_LIKE), max_col=1)]
        assert [c.value for c in cells] == FORMULA_LIKE
        assert {c.data_type for c in cells} == {"s"}
    finally:
        back.close()


def test_cr_leading_text_becomes_lf_and_stays_text() -> None:
    wb, ws = _sheet()
    set_text(_cell(ws, 1), "\r=1+1")
    set_text(_cell(ws, 2), "a\r\nb\rc")
    back = openpyxl.load_workbook(io.BytesIO(_save(wb)))
    sheet = back.worksheets[0]
    assert sheet["A1"].value == "\n=1+1"
    assert sheet["A1"].data_type == "s"
    assert sheet["A2"].value == "a\nb\nc"


def test_illegal_xml_characters_are_removed() -> None:
    wb, ws = _sheet()
    set_text(_cell(ws, 1), "a\x00b\x01c\x0bd\x1fe\ufffef\uffffg\ud800h\tx\ny")
    back = openpyxl.load_workbook(io.BytesIO(_save(wb)))
    assert back.worksheets[0]["A1"].value == "abcdefgh\tx\ny"


def test_ooxml_escape_lookalikes_survive() -> None:
    texts = ["_x0041_", "_x000D_", "_x005F_", "a_x0041_x000D_b", "__x0009_", "_x00zz_"]
    wb, ws = _sheet()
    for row, text in enumerate(texts, start=1):
        set_text(_cell(ws, row), text)
    data = _save(wb)
    # Excel decodes _xHHHH_, so the file must hold the escaped form ...
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "_x005F_x0041_" in xml
    # ... and reading (openpyxl + cell_text's decoding) gives the original text back.
    sheet = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]
    assert [raw_text(sheet.cell(row=r, column=1).value) for r in range(1, len(texts) + 1)] == texts


def test_excel_style_escapes_are_decoded_when_reading() -> None:
    # Excel writes a CR inside a cell as _x000D_; cell_text turns CR LF into one line break.
    assert cell_text("dòng 1_x000D_\ndòng 2") == "dòng 1\ndòng 2"
    assert decode_ooxml("a_x005F_b") == "a_b"
    assert decode_ooxml("_x0041_") == "_x0041_"  # only controls and '_' are decoded


def test_long_text_is_cut_to_excel_limit_without_splitting_a_character() -> None:
    wb, ws = _sheet()
    set_text(_cell(ws, 1), "a" * (EXCEL_MAX_CELL_CHARS + 10))
    set_text(_cell(ws, 2), "😀" * EXCEL_MAX_CELL_CHARS)  # two UTF-16 units each
    sheet = openpyxl.load_workbook(io.BytesIO(_save(wb))).worksheets[0]
    assert sheet["A1"].value == "a" * EXCEL_MAX_CELL_CHARS
    assert sheet["A2"].value == "😀" * (EXCEL_MAX_CELL_CHARS // 2)


def test_set_value_keeps_types() -> None:
    wb, ws = _sheet()
    values: list[object] = [
        3,
        2.5,
        True,
        None,
        dt.date(2025, 6, 30),
        dt.datetime(2025, 6, 30, 14, 5),
        Decimal("1.5"),
        "=1+1",
        CommentRule.EXTREMES,
        Path("a/b.pdf"),
    ]
    write_row(ws, 1, values)
    sheet = openpyxl.load_workbook(io.BytesIO(_save(wb))).worksheets[0]
    got = [sheet.cell(row=1, column=c).value for c in range(1, len(values) + 1)]
    assert got[:3] == [3, 2.5, True]
    assert got[3] is None
    assert got[4] == dt.datetime(2025, 6, 30)
    assert got[5] == dt.datetime(2025, 6, 30, 14, 5)
    assert got[6] == 1.5
    assert got[7:] == ["=1+1", "extremes", str(Path("a/b.pdf"))]
    assert sheet.cell(row=1, column=8).data_type == "s"


def test_set_value_routes_text_through_set_text() -> None:
    wb, ws = _sheet()
    set_value(_cell(ws, 1), "=SUM(A2:A3)")
    set_value(_cell(ws, 2), CommentRule.ALWAYS)
    set_value(_cell(ws, 3), "#REF!")
    assert [ws.cell(row=r, column=1).data_type for r in (1, 2, 3)] == ["s", "s", "s"]
    assert _formula_elements(_save(wb)) == []


def test_cell_at_refuses_merged_cells() -> None:
    _, ws = _sheet()
    ws.merge_cells("A1:B1")
    assert cell_at(ws, 1, 1).coordinate == "A1"
    with pytest.raises(TypeError, match="merged"):
        cell_at(ws, 1, 2)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, ""),
        (3.0, "3"),
        (2.5, "2.5"),
        (7, "7"),
        (-0.0, "0"),
        (True, "True"),
        (dt.datetime(2025, 6, 30), "2025-06-30"),
        (dt.datetime(2025, 6, 30, 8, 30), "2025-06-30 08:30:00"),
        (dt.date(2025, 1, 2), "2025-01-02"),
        ("  Trường\u202e THPT  ", "Trường THPT"),
        (unicodedata.normalize("NFD", "Nguyễn Thị Ánh"), "Nguyễn Thị Ánh"),
        ("a\r\nb", "a\nb"),
        ("=1+1", "=1+1"),
    ],
)
def test_cell_text(value: object, expected: str) -> None:
    assert cell_text(value) == expected
    assert unicodedata.is_normalized("NFC", cell_text(value))


# Characters XML 1.0 can hold (what set_text keeps); written independently of the module.
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_set_text_round_trips_any_text(text: str) -> None:
    wb, ws = _sheet()
    set_text(_cell(ws, 1), text)
    data = _save(wb)
    assert _formula_elements(data) == []
    cell = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]["A1"]
    expected = _XML_BAD.sub("", text).replace("\r\n", "\n").replace("\r", "\n")
    if expected:
        assert cell.data_type == "s"
    assert raw_text(cell.value) == expected


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from("=+-@\t\r_x0D5F#A/!"), max_size=12))
def test_set_text_round_trips_formula_and_escape_alphabet(text: str) -> None:
    wb, ws = _sheet()
    set_text(_cell(ws, 1), text)
    data = _save(wb)
    assert _formula_elements(data) == []
    cell = openpyxl.load_workbook(io.BytesIO(data)).worksheets[0]["A1"]
    assert raw_text(cell.value) == text.replace("\r\n", "\n").replace("\r", "\n")
