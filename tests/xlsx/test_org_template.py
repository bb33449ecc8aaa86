"""The organizer's template: sheets, headers, formatting, help, and that it reads back as 'empty'."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.errors import ValidationFailed
from e2judge.xlsx.org_template import (
    CONTEST_HEADER,
    CONTEST_KEYS,
    ENTRY_COLUMNS,
    JUDGE_COLUMNS,
    RUBRIC_COLUMNS,
    SHEET_HELP,
    SHEETS,
    header_label,
    write_template,
)
from e2judge.xlsx.org_workbook import read_workbook


@pytest.fixture
def template(tmp_path: Path) -> Path:
    path = tmp_path / "mau.xlsx"
    write_template(path)
    return path


def _ws(wb: openpyxl.Workbook, name: str) -> Worksheet:
    ws = wb[name]
    assert isinstance(ws, Worksheet)
    return ws


def test_sheets_in_order(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["Contest", "Entries", "Judges", "Rubric", "Hướng dẫn"]
    assert tuple(wb.sheetnames) == SHEETS


@pytest.mark.parametrize(
    ("sheet", "columns"),
    [
        ("Entries", ENTRY_COLUMNS),
        ("Judges", JUDGE_COLUMNS),
        ("Rubric", RUBRIC_COLUMNS),
        ("Contest", CONTEST_HEADER),
    ],
)
def test_headers_are_labelled_bold_frozen_and_sized(
    template: Path, sheet: str, columns: dict[str, str]
) -> None:
    ws = _ws(openpyxl.load_workbook(template), sheet)
    headers = [c.value for c in ws[1]]
    assert headers == [header_label(k, v) for k, v in columns.items()]
    assert all(c.font.bold for c in ws[1])
    assert all(c.alignment.wrap_text for c in ws[1])
    assert ws.freeze_panes == "A2"
    for letter in "ABC":
        assert (ws.column_dimensions[letter].width or 0) >= 16


def test_known_header_texts(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert _ws(wb, "Entries")["A1"].value == "Mã bài dự thi (code)"
    assert _ws(wb, "Contest")["A1"].value == "Khoá (key)"
    assert _ws(wb, "Contest")["B1"].value == "Giá trị (value)"
    assert _ws(wb, "Contest")["C1"].value.startswith("Ghi chú")


def test_contest_sheet_lists_every_key_with_a_note(template: Path) -> None:
    ws = _ws(openpyxl.load_workbook(template), "Contest")
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    keys = list(CONTEST_KEYS)
    assert keys == ["contest_id", "contest_name", "round", "deadline", "blind", "discrepancy_threshold",
                    "moderation_rule"]
    assert [r[0] for r in rows] == [header_label(k, CONTEST_KEYS[k]) for k in keys]
    assert all(r[1] is None for r in rows)
    assert all(isinstance(r[2], str) and len(r[2]) > 10 for r in rows)


def test_text_columns_are_text_formatted_and_number_columns_are_not(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    entries, rubric = _ws(wb, "Entries"), _ws(wb, "Rubric")
    assert entries.column_dimensions["A"].number_format == "@"
    assert entries.column_dimensions["B"].number_format == "@"
    keys = list(RUBRIC_COLUMNS)
    for index, key in enumerate(keys, start=1):
        letter = openpyxl.utils.get_column_letter(index)
        expected = "General" if key in ("max_points", "step", "weight") else "@"
        assert rubric.column_dimensions[letter].number_format == expected, key


def test_drop_down_lists(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    rubric_lists = [dv.formula1 for dv in _ws(wb, "Rubric").data_validations.dataValidation]
    assert rubric_lists == ['"never,always,lowest,highest,extremes"']
    contest_lists = [dv.formula1 for dv in _ws(wb, "Contest").data_validations.dataValidation]
    assert contest_lists == ['"có,không"']


def test_help_sheet_explains_every_field_in_vietnamese(template: Path) -> None:
    ws = _ws(openpyxl.load_workbook(template), SHEET_HELP)
    text = "\n".join(str(v) for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    for columns in (CONTEST_KEYS, ENTRY_COLUMNS, JUDGE_COLUMNS, RUBRIC_COLUMNS):
        for key, label in columns.items():
            assert header_label(key, label) in text, key
    assert "Bắt buộc" in text
    assert "không dùng công thức" in text


def test_template_has_no_formula_and_no_data_rows(template: Path) -> None:
    with zipfile.ZipFile(template) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name
    wb = openpyxl.load_workbook(template)
    for name in ("Entries", "Judges", "Rubric"):
        assert _ws(wb, name).max_row == 1, name


def test_empty_template_reads_as_incomplete(template: Path) -> None:
    with pytest.raises(ValidationFailed) as caught:
        read_workbook(template)
    found = {(p.where, p.message.split(":")[0]) for p in caught.value.problems}
    assert found == {
        ("Contest!B2", "contest_id needs a value"),
        ("Contest!B3", "contest_name needs a value"),
        ("Contest!B4", "round needs a value"),
        ("Entries", "no entries"),
        ("Judges", "no judges"),
        ("Rubric", "no criteria"),
    }


def test_overwrites_existing_file_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "mau.xlsx"
    path.write_bytes(b"old content")
    write_template(path)
    assert zipfile.is_zipfile(path)
    assert [p.name for p in tmp_path.iterdir()] == ["mau.xlsx"]
