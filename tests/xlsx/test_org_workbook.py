"""Reading the organizer's workbook: real .xlsx files written with openpyxl, good and hostile."""

from __future__ import annotations

import datetime as dt
import io
import random
import unicodedata
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.contest import ContestSpec
from e2judge.core.errors import InputRefused, Problem, ValidationFailed
from e2judge.core.rubric import CommentRule, Level
from e2judge.core.text import has_bidi_controls
from e2judge.xlsx.org_template import (
    CONTEST_KEYS,
    ENTRY_COLUMNS,
    JUDGE_COLUMNS,
    RUBRIC_COLUMNS,
    header_label,
    write_template,
)
from e2judge.xlsx.org_workbook import MAX_ROWS, read_workbook

RLO = "\u202e"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


class Formula(str):
    """A cell value to be stored as a real formula (the organizer typed one)."""


class ExcelError(Formula):
    """A cell value to be stored as an error value such as #N/A (what a broken formula leaves)."""


def put(ws: Worksheet, row: int, column: int, value: object) -> None:
    """Set a cell like Excel stores what an organizer types: text as text, Formula as a formula."""
    cell = ws.cell(row=row, column=column)
    assert isinstance(cell, Cell)
    cell.value = str(value) if isinstance(value, Formula) else value  # type: ignore[assignment]
    if isinstance(value, str) and not isinstance(value, Formula):
        cell.data_type = "s"


def build(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]]) -> Path:
    """A workbook from scratch: one sheet per item, rows from row 1 (None leaves a cell empty)."""
    wb = openpyxl.Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for r, values in enumerate(rows, start=1):
            for c, value in enumerate(values, start=1):
                if value is not None:
                    put(ws, r, c, value)
    wb.save(path)
    return path


def fill_template(
    path: Path,
    contest: Mapping[str, object],
    entries: Sequence[Mapping[str, object]],
    judges: Sequence[Mapping[str, object]],
    criteria: Sequence[Mapping[str, object]],
) -> openpyxl.Workbook:
    """Write the template and type values into it as an organizer would; returns the open workbook."""
    write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Contest"]
    assert isinstance(ws, Worksheet)
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for key, value in contest.items():
        put(ws, rows[header_label(key, CONTEST_KEYS[key])], 2, value)
    for name, columns, records in (
        ("Entries", ENTRY_COLUMNS, entries),
        ("Judges", JUDGE_COLUMNS, judges),
        ("Rubric", RUBRIC_COLUMNS, criteria),
    ):
        sheet = wb[name]
        assert isinstance(sheet, Worksheet)
        for r, record in enumerate(records, start=2):
            for key, value in record.items():
                put(sheet, r, list(columns).index(key) + 1, value)
    return wb


GOOD_CONTEST: dict[str, object] = {
    "contest_id": "E2-2025",
    "contest_name": nfd("Diễn đàn Trao đổi Giáo dục"),
    "round": "Vòng 1",
    "deadline": "2025-06-30",
    "blind": "không",
}
GOOD_ENTRIES: list[dict[str, object]] = [{"code": "B001", "title": "Dạy học dự án"}]
GOOD_JUDGES: list[dict[str, object]] = [{"judge_id": "GK01", "name": "Lê Văn Cường"}]
GOOD_CRITERIA: list[dict[str, object]] = [
    {"criterion_id": "C1", "section": "Nội dung", "criterion": "Tính mới", "max_points": 10}
]


def good_workbook(path: Path) -> openpyxl.Workbook:
    return fill_template(path, GOOD_CONTEST, GOOD_ENTRIES, GOOD_JUDGES, GOOD_CRITERIA)


def problems_of(path: Path) -> list[Problem]:
    with pytest.raises(ValidationFailed) as caught:
        read_workbook(path)
    assert caught.value.source == str(path)
    return caught.value.problems


def has_problem(problems: Sequence[Problem], where: str, *fragments: str) -> bool:
    return any(p.where == where and all(f in p.message for f in fragments) for p in problems)


# ------------------------------------------------------------------------------------ good workbooks


def test_template_round_trip_cleans_text_and_keeps_literal_formulas(tmp_path: Path) -> None:
    path = tmp_path / "cuoc-thi.xlsx"
    wb = fill_template(
        path,
        contest={
            "contest_id": "E2-2025",
            "contest_name": nfd("Diễn đàn Trao đổi Giáo dục ") + RLO + "VN",
            "round": 2,
            "deadline": dt.datetime(2025, 6, 30),  # an Excel date cell
            "blind": "Có",
            "discrepancy_threshold": "2,5",
        },
        entries=[
            {
                "code": 101,  # a number typed into the code column
                "title": '=HYPERLINK("http://evil.example","bấm")',
                "authors": nfd("Nguyễn Văn Ánh, Trần Thị Bình"),
                "school": "Trường THPT " + RLO + nfd("Lê Quý Đôn"),
                "province": nfd("Đà Nẵng"),
                "category": "Khoa học",
                "description": nfd("Dòng một\r\nDòng hai ") + RLO,
                "links": "https://a.vn/x\nhttps://b.vn/y; https://a.vn/x",
                "attachments": "bai-101.pdf; video clip.mp4",
            },
            {"code": "B-002", "title": "+84 nhóm học tập"},
            {},  # an empty row in the middle is skipped
            {"code": "b_003", "title": "@nhà trường", "description": "-x"},
            {"code": "B.004", "title": "-5 ý tưởng", "school": "   "},
        ],
        judges=[
            {"judge_id": "GK01", "name": nfd("Phạm Thị Hồng") + RLO, "email": "hong@truong.edu.vn",
             "school": "THPT Lê Quý Đôn", "province": "Đà Nẵng"},
            {"judge_id": "GK02", "name": "=Trần Minh"},
        ],
        criteria=[
            {"criterion_id": "C1", "section": "Nội dung", "criterion": "Tính mới",
             "description": "Mô tả\ndài", "max_points": 4,
             "levels": "4: Xuất sắc\n0: Chưa đạt\n\n2: Đạt", "comment_rule": "Extremes"},
            {"criterion_id": "C2", "section": "Nội dung", "criterion": "Khả thi", "max_points": "10",
             "step": "0,5", "weight": 2},
            {"criterion_id": "C3", "section": "Trình bày", "criterion": "Rõ ràng", "max_points": 5.0,
             "step": 1, "weight": "1.5", "comment_rule": "lowest"},
        ],
    )
    # Headers holding only the key, in another case and with spaces, are accepted too.
    entries = wb["Entries"]
    assert isinstance(entries, Worksheet)
    put(entries, 1, 1, "CODE")
    put(entries, 1, 2, "  Title ")
    put(entries, 1, len(ENTRY_COLUMNS) + 1, "Ghi chú nội bộ")  # unknown column: ignored
    put(entries, 2, len(ENTRY_COLUMNS) + 1, "=không phải công thức")
    judges = wb["Judges"]
    assert isinstance(judges, Worksheet)
    put(judges, 1, 1, "Judge_ID")
    wb.save(path)

    spec = read_workbook(path)

    assert isinstance(spec, ContestSpec)
    assert spec.contest_id == "E2-2025"
    assert spec.contest_name == "Diễn đàn Trao đổi Giáo dục VN"
    assert spec.round == "2"
    assert spec.deadline == "2025-06-30"
    assert spec.blind is True
    assert spec.discrepancy_threshold == 2.5

    assert [e.code for e in spec.entries] == ["101", "B-002", "b_003", "B.004"]
    first = spec.entries[0]
    assert first.title == '=HYPERLINK("http://evil.example","bấm")'
    assert first.authors == "Nguyễn Văn Ánh, Trần Thị Bình"
    assert first.school == "Trường THPT Lê Quý Đôn"
    assert first.province == "Đà Nẵng"
    assert first.description == "Dòng một\nDòng hai"
    assert first.links == ("https://a.vn/x", "https://b.vn/y")
    assert first.attachments == ("bai-101.pdf", "video clip.mp4")
    assert [e.title for e in spec.entries[1:]] == ["+84 nhóm học tập", "@nhà trường", "-5 ý tưởng"]
    assert spec.entries[2].description == "-x"
    assert spec.entries[3].school == ""

    assert spec.judges[0].name == "Phạm Thị Hồng"
    assert spec.judges[0].email == "hong@truong.edu.vn"
    assert spec.judges[1].name == "=Trần Minh"

    c1, c2, c3 = spec.rubric.criteria
    assert c1.levels == (Level(0.0, "Chưa đạt"), Level(2.0, "Đạt"), Level(4.0, "Xuất sắc"))
    assert c1.comment_rule is CommentRule.EXTREMES
    assert c1.description == "Mô tả\ndài"
    assert (c2.max_points, c2.step, c2.weight, c2.comment_rule) == (10.0, 0.5, 2.0, CommentRule.NEVER)
    assert (c3.max_points, c3.step, c3.weight, c3.comment_rule) == (5.0, 1.0, 1.5, CommentRule.LOWEST)
    assert spec.rubric.sections == ("Nội dung", "Trình bày")

    texts = [
        spec.contest_name,
        *(v for e in spec.entries for v in (e.title, e.authors, e.school, e.description)),
        *(j.name for j in spec.judges),
        *(c.title for c in spec.rubric.criteria),
    ]
    for text in texts:
        assert unicodedata.is_normalized("NFC", text), text
        assert not has_bidi_controls(text), text


def test_workbook_written_from_scratch_with_bare_keys(tmp_path: Path) -> None:
    path = build(tmp_path / "plain.xlsx", {
        "ghi chú": [["Bất kỳ"]],
        "rubric": [
            ["max_points", "criterion_id", "criterion", "section"],
            [3, "K1", "Ý tưởng", "A"],
        ],
        "JUDGES": [["name", "judge_id"], ["Ngô Bảo Châu", "gk-1"]],
        " Entries ": [["title", "code"], ["Bài 1", "X1"]],
        "Contest": [
            ["key", "value"],
            ["contest_id", "C-1"],
            ["contest_name", "Thử"],
            ["round", "1"],
            ["blind", True],
            ["deadline", dt.date(2025, 1, 31)],
            ["a note nobody reads", "=x"],
        ],
    })
    spec = read_workbook(path)
    assert spec.contest_id == "C-1"
    assert spec.blind is True
    assert spec.deadline == "2025-01-31"
    assert spec.discrepancy_threshold is None
    assert spec.entries[0].code == "X1" and spec.entries[0].title == "Bài 1"
    assert spec.judges[0].judge_id == "gk-1"
    assert spec.rubric.criteria[0].max_points == 3.0


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("yes", True),
        ("KHÔNG", False),
        ("khong", False),
        ("true", True),
        ("0", False),
        (1, True),
        (False, False),
        (None, True),
    ],
)
def test_blind_values(tmp_path: Path, typed: object, expected: bool) -> None:
    path = tmp_path / "w.xlsx"
    wb = fill_template(path, {**GOOD_CONTEST, "blind": typed}, GOOD_ENTRIES, GOOD_JUDGES, GOOD_CRITERIA)
    wb.save(path)
    assert read_workbook(path).blind is expected


# ------------------------------------------------------------------------------------- bad workbooks


def test_every_problem_is_listed_with_sheet_and_cell(tmp_path: Path) -> None:
    path = build(tmp_path / "bad.xlsx", {
        "Contest": [
            ["Khoá (key)", "Giá trị (value)"],
            ["contest_id", "E2 2025"],  # B2: space in id
            ["contest_name", None],  # B3: missing value
            ["deadline", "30/06/2025"],  # B4: not ISO
            ["blind", "maybe"],  # B5
            ["discrepancy_threshold", "abc"],  # B6
            # round is missing entirely
        ],
        "Entries": [
            ["code", "title", "links", "attachments"],
            ["B001", "Tốt", "ftp://x.vn/a", "../secret.pdf; a/b.pdf; ok.pdf; C:evil"],
            ["b001", "Trùng"],  # A3: duplicate of A2
            [None, "Không mã"],  # A4: code required
            ["B 5", None],  # A5: bad id; B5: title required
            ["B6", Formula("=1+1")],  # B6: formula
            ["B7", ExcelError("#N/A")],  # B7: an error cell
            ["../B8", "x"],  # A8: path in id
        ],
        "Judges": [
            ["judge_id", "name", "email"],
            ["GK01", "A", "not-an-email"],  # C2
            ["gk01", None, "b@c.vn"],  # A3 duplicate, B3 name required
        ],
        "Rubric": [
            ["criterion_id", "section", "criterion", "max_points", "step", "weight", "levels",
             "comment_rule"],
            ["C1", "S", "T", "abc"],  # D2
            ["C2", "S", "T", 10, 3],  # E3: step does not divide
            ["C3", "S", "T", 10, 0],  # E4: step not > 0
            ["C4", "S", "T", 4, None, -1, "0: kém\nhai: khá\n5: quá\nxyz\n2: a\n2: b\n1.5: c", "sometimes"],
            ["C1", None, "T", 2],  # A6 duplicate, B6 section required
            ["C7", "S", "T", 1, 0.0001],  # E7: too many possible scores
        ],
    })
    problems = problems_of(path)
    expected = [
        ("Contest!B2", "contest_id 'E2 2025'", "letters, digits"),
        ("Contest!B3", "contest_name needs a value"),
        ("Contest: key round", "missing"),
        ("Contest!B4", "deadline '30/06/2025'", "YYYY-MM-DD"),
        ("Contest!B5", "blind 'maybe'"),
        ("Contest!B6", "discrepancy_threshold 'abc'"),
        ("Entries!C2", "link 'ftp://x.vn/a'"),
        ("Entries!D2", "'../secret.pdf'"),
        ("Entries!D2", "'a/b.pdf'"),
        ("Entries!D2", "'C:evil'"),
        ("Entries!A3", "code 'b001'", "Entries!A2"),
        ("Entries!A4", "code is required"),
        ("Entries!A5", "code 'B 5'"),
        ("Entries!B5", "title is required"),
        ("Entries!B6", "formula"),
        ("Entries!B7", "error value #N/A"),
        ("Entries!A8", "code '../B8'"),
        ("Judges!C2", "email 'not-an-email'"),
        ("Judges!A3", "judge_id 'gk01'", "Judges!A2"),
        ("Judges!B3", "name is required"),
        ("Rubric!D2", "max_points 'abc' is not a number"),
        ("Rubric!E3", "step 3 does not divide max_points 10"),
        ("Rubric!E4", "step 0 must be greater than 0"),
        ("Rubric!F5", "weight -1 must be greater than 0"),
        ("Rubric!G5", "line 2", "'hai' is not a number"),
        ("Rubric!G5", "line 3", "5 is outside 0..4"),
        ("Rubric!G5", "line 4", "'xyz' is not of the form"),
        ("Rubric!G5", "line 6", "2 points appear twice"),
        ("Rubric!G5", "line 7", "1.5 is not a multiple of the step 1"),
        ("Rubric!H5", "comment_rule 'sometimes'"),
        ("Rubric!A6", "criterion_id 'C1'", "Rubric!A2"),
        ("Rubric!B6", "section is required"),
        ("Rubric!E7", "more than 1000 possible scores"),
    ]
    missing = [e for e in expected if not has_problem(problems, *e)]
    assert missing == [], "\n".join(str(p) for p in problems)
    assert len(problems) == len(expected), "\n".join(str(p) for p in problems)


def test_missing_sheets_and_columns(tmp_path: Path) -> None:
    path = build(tmp_path / "cols.xlsx", {
        "Contest": [["value", "key"], ["E2", "contest_id"], ["Tên", "contest_name"], ["1", "round"]],
        "Entries": [["code", "tiêu đề"], ["B1", "x"]],
        "Rubric": [["criterion_id", "section", "criterion", "code", "code"], ["C1", "S", "T", 1, 2]],
    })
    problems = problems_of(path)
    assert has_problem(problems, "Judges", "sheet is missing")
    assert has_problem(problems, "Entries: column title", "required column is missing",
                       "'Tên bài dự thi (title)'")
    assert has_problem(problems, "Rubric: column max_points", "required column is missing")
    assert len(problems) == 3, problems


def test_contest_without_key_value_columns_and_repeated_header(tmp_path: Path) -> None:
    path = build(tmp_path / "hdr.xlsx", {
        "Contest": [["khoá", "giá trị"]],  # labels without keys are accepted ...
        "Entries": [["code", "title", "CODE"], ["B1", "x", "B2"]],
        "Judges": [["judge_id", "name"], ["G", "n"]],
        "Rubric": [["criterion_id", "section", "criterion", "max_points"], ["C", "S", "T", 1]],
    })
    problems = problems_of(path)
    assert has_problem(problems, "Entries!C1", "column code appears twice")
    assert has_problem(problems, "Contest: key contest_id", "required key is missing")
    assert len(problems) == 4, problems  # contest_id, contest_name, round, repeated code column


def test_repeated_contest_key_and_ambiguous_sheet_names(tmp_path: Path) -> None:
    path = build(tmp_path / "rep.xlsx", {
        "Contest": [["key", "value"], ["contest_id", "A"], ["contest_name", "N"], ["round", "1"],
                    ["Mã cuộc thi (CONTEST_ID)", "B"]],
        "Entries": [["code", "title"], ["B1", "x"]],
        "entries ": [["code", "title"], ["B2", "y"]],
        "Judges": [["judge_id", "name"], ["G", "n"]],
        "Rubric": [["criterion_id", "section", "criterion", "max_points"], ["C", "S", "T", 1]],
    })
    assert [str(p) for p in problems_of(path)] == [
        "entries : two sheets are named 'Entries' (case and spaces ignored); keep only one",
        "Contest!A5: key contest_id appears twice (also in Contest!A2)",
    ]


def test_formula_in_contest_value_and_header(tmp_path: Path) -> None:
    path = tmp_path / "f.xlsx"
    wb = good_workbook(path)
    contest, entries = wb["Contest"], wb["Entries"]
    assert isinstance(contest, Worksheet) and isinstance(entries, Worksheet)
    put(contest, 3, 2, Formula('="Cuộc thi "&"2025"'))
    put(entries, 1, 2, Formula('="title"'))
    wb.save(path)
    problems = problems_of(path)
    assert has_problem(problems, "Contest!B3", "holds a formula")
    assert has_problem(problems, "Entries!B1", "holds a formula")
    assert has_problem(problems, "Entries: column title", "missing")
    assert len(problems) == 3, problems


def test_duplicates_far_apart_name_both_rows(tmp_path: Path) -> None:
    path = tmp_path / "gap.xlsx"
    wb = good_workbook(path)
    entries = wb["Entries"]
    assert isinstance(entries, Worksheet)
    put(entries, 40, 1, "b001")
    put(entries, 40, 2, "Bài ở dòng 40")
    wb.save(path)
    problems = problems_of(path)
    assert [str(p) for p in problems] == [
        "Entries!A40: code 'b001' is used twice (also in Entries!A2; case is ignored)"
    ]


@pytest.mark.timeout(120)  # a hang guard, not a speed measurement (bench/ measures speed)
def test_declared_huge_dimension_is_not_trusted(tmp_path: Path) -> None:
    path = tmp_path / "dim.xlsx"
    good_workbook(path).save(path)
    data = rewrite_part(path.read_bytes(), "xl/worksheets/sheet2.xml",
                        lambda xml: _replace_dimension(xml, b'<dimension ref="A1:XFD1048576"/>'))
    path.write_bytes(data)
    spec = read_workbook(path)
    assert [e.code for e in spec.entries] == ["B001"]


@pytest.mark.timeout(120)  # a hang guard, not a speed measurement (bench/ measures speed)
def test_far_away_cells_are_read_quickly_and_rows_are_capped(tmp_path: Path) -> None:
    path = tmp_path / "far.xlsx"
    wb = good_workbook(path)
    entries = wb["Entries"]
    assert isinstance(entries, Worksheet)
    for row in range(3, 2003):
        put(entries, row, 16384, "x")  # column XFD: outside the columns that are read
    put(entries, 1_000_000, 1, "B999")
    put(entries, 1_000_000, 2, "Quá xa")
    wb.save(path)
    problems = problems_of(path)
    assert [str(p) for p in problems] == ["Entries row 1000000: too many rows: at most 300000 are read"]
    assert MAX_ROWS > 250_001  # issue 14: no row cap below a 250,000-entry contest (and its header)


def _replace_dimension(xml: bytes, new: bytes) -> bytes:
    start = xml.index(b"<dimension")
    end = xml.index(b"/>", start) + 2
    return xml[:start] + new + xml[end:]


# ------------------------------------------------------ a package written by hand, the way Excel does

_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_SHEET_NAMES = ("Contest", "Entries", "Judges", "Rubric")


def _excel_like_package(sheet_rows: Mapping[str, Sequence[str]], strings: Sequence[str]) -> bytes:
    """A minimal .xlsx with shared strings and a date style, as Excel (not openpyxl) writes one."""
    from xml.sax.saxutils import escape

    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
        for i in range(1, 5)
    )
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{ct}.sharedStrings+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{ct}.styles+xml"/>'
            f"{overrides}</Types>"
        ),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} {_RNS}><sheets>'
            + "".join(
                f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>' for i, n in enumerate(_SHEET_NAMES, 1)
            )
            + "</sheets></workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(
                f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>'
                for i in range(1, 5)
            )
            + '<Relationship Id="rId10" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/sharedStrings" Target="sharedStrings.xml"/>'
            '<Relationship Id="rId11" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {_NS}>'
            '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
            '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
            '<borders count="1"><border/></borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
            '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
            "</styleSheet>"
        ),
        "xl/sharedStrings.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="{len(strings)}">'
            + "".join(f'<si><t xml:space="preserve">{escape(s)}</t></si>' for s in strings)
            + "</sst>"
        ),
    }
    for i, name in enumerate(_SHEET_NAMES, 1):
        rows = "".join(sheet_rows[name])
        parts[f"xl/worksheets/sheet{i}.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>'
            f"<sheetData>{rows}</sheetData></worksheet>"
        )
    return _zip_of({name: text.encode("utf-8") for name, text in parts.items()})


def _shared_row(row: int, cells: Mapping[str, int]) -> str:
    body = "".join(f'<c r="{ref}{row}" t="s"><v>{i}</v></c>' for ref, i in cells.items())
    return f'<row r="{row}">{body}</row>'


def _append(row_xml: str, cell_xml: str) -> str:
    return row_xml.replace("</row>", f"{cell_xml}</row>")


@pytest.mark.parametrize("with_formula", [False, True])
def test_excel_like_package_with_shared_strings(tmp_path: Path, with_formula: bool) -> None:
    strings = [
        "key", "value", "contest_id", "E2", "contest_name", nfd("Cuộc thi ") + RLO + "X", "round", "1",
        "deadline", "code", "title", "description", "B1", "=A1 là văn bản", "Dòng 1_x000D_\nDòng 2",
        "judge_id", "name", "GK1", "Ngô Thị Dung", "criterion_id", "section", "criterion", "max_points",
        "C1", "Phần A", "Tiêu chí",
    ]
    ix = {s: i for i, s in enumerate(strings)}
    serial = (dt.date(2025, 6, 30) - dt.date(1899, 12, 30)).days  # Excel's day number
    # Entries!C2 (description): text, or a formula with its cached value as Excel stores it.
    description = (
        '<c r="C2" t="str"><f>"Dòng "&amp;1</f><v>Dòng 1</v></c>'
        if with_formula
        else f'<c r="C2" t="s"><v>{ix[strings[14]]}</v></c>'
    )
    sheets = {
        "Contest": [
            _shared_row(1, {"A": ix["key"], "B": ix["value"]}),
            _shared_row(2, {"A": ix["contest_id"], "B": ix["E2"]}),
            _shared_row(3, {"A": ix["contest_name"], "B": ix[strings[5]]}),
            _shared_row(4, {"A": ix["round"], "B": ix["1"]}),
            _append(_shared_row(5, {"A": ix["deadline"]}), f'<c r="B5" s="1"><v>{serial}</v></c>'),
        ],
        "Entries": [
            _shared_row(1, {"A": ix["code"], "B": ix["title"], "C": ix["description"]}),
            _append(_shared_row(2, {"A": ix["B1"], "B": ix["=A1 là văn bản"]}), description),
        ],
        "Judges": [
            _shared_row(1, {"A": ix["judge_id"], "B": ix["name"]}),
            _shared_row(2, {"A": ix["GK1"], "B": ix["Ngô Thị Dung"]}),
        ],
        "Rubric": [
            _shared_row(1, {"A": ix["criterion_id"], "B": ix["section"], "C": ix["criterion"],
                            "D": ix["max_points"]}),
            _append(_shared_row(2, {"A": ix["C1"], "B": ix["Phần A"], "C": ix["Tiêu chí"]}),
                    '<c r="D2"><v>10</v></c>'),
        ],
    }
    path = tmp_path / "excel.xlsx"
    path.write_bytes(_excel_like_package(sheets, strings))
    if with_formula:
        problems = problems_of(path)
        assert [str(p) for p in problems] == [
            "Entries!C2: holds a formula; type the value instead of a formula"
        ]
        return
    spec = read_workbook(path)
    assert spec.contest_name == "Cuộc thi X"
    assert spec.deadline == "2025-06-30"
    assert spec.entries[0].title == "=A1 là văn bản"
    assert spec.entries[0].description == "Dòng 1\nDòng 2"
    assert spec.judges[0].name == "Ngô Thị Dung"
    assert spec.rubric.criteria[0].max_points == 10.0


# ------------------------------------------------------------------------------------ refused files


def rewrite_part(data: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    """The package with one part changed by ``change``."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        assert name in src.namelist()
        for info in src.infolist():
            content = src.read(info)
            dst.writestr(info.filename, change(content) if info.filename == name else content)
    return out.getvalue()


def _with_doctype(doctype: str, cell_text: str = "&x;") -> Callable[[bytes], bytes]:
    def change(xml: bytes) -> bytes:
        text = xml.decode("utf-8")
        if text.startswith("<?xml"):
            decl_end = text.index("?>") + 2
            head, body = text[:decl_end], text[decl_end:]
        else:
            head, body = '<?xml version="1.0" encoding="UTF-8"?>', text
        body = body.replace("Dạy học dự án", cell_text)
        return (head + doctype + body).encode("utf-8")

    return change


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE worksheet [<!ENTITY x "boom">]>',
        '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE worksheet [<!ENTITY a "aaaaaaaaaa"><!ENTITY x "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>',
        "<!DOCTYPE worksheet>",
    ],
)
def test_dtd_or_entity_in_sheet_is_refused(tmp_path: Path, doctype: str) -> None:
    path = tmp_path / "dtd.xlsx"
    good_workbook(path).save(path)
    path.write_bytes(rewrite_part(path.read_bytes(), "xl/worksheets/sheet2.xml", _with_doctype(doctype)))
    with pytest.raises(InputRefused) as caught:
        read_workbook(path)
    assert not isinstance(caught.value, ValidationFailed)
    assert caught.value.source == str(path)
    assert "xl/worksheets/sheet2.xml holds a DTD or entity declaration" in caught.value.reason


@pytest.mark.parametrize(
    "part", ["xl/workbook.xml", "[Content_Types].xml", "docProps/core.xml", "_rels/.rels"]
)
def test_dtd_in_any_xml_part_is_refused(tmp_path: Path, part: str) -> None:
    path = tmp_path / "dtd.xlsx"
    good_workbook(path).save(path)
    path.write_bytes(rewrite_part(path.read_bytes(), part, _with_doctype('<!DOCTYPE r [<!ENTITY x "y">]>')))
    with pytest.raises(InputRefused, match="DTD or entity"):
        read_workbook(path)


def test_utf16_sheet_with_entity_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "dtd16.xlsx"
    good_workbook(path).save(path)

    def to_utf16(xml: bytes) -> bytes:
        add_doctype = _with_doctype('<!DOCTYPE worksheet [<!ENTITY x "boom">]>')
        changed = add_doctype(xml).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
        return changed.encode("utf-16")

    path.write_bytes(rewrite_part(path.read_bytes(), "xl/worksheets/sheet2.xml", to_utf16))
    with pytest.raises(InputRefused, match="DTD or entity"):
        read_workbook(path)


def _template_bytes(tmp_path: Path) -> bytes:
    path = tmp_path / "src.xlsx"
    good_workbook(path).save(path)
    return path.read_bytes()


@pytest.mark.parametrize(
    ("name", "make", "reason"),
    [
        ("random.xlsx", lambda b: random.Random(7).randbytes(4000), "not a zip package"),
        ("empty.xlsx", lambda b: b"", "not a zip package"),
        ("truncated.xlsx", lambda b: b[: len(b) // 2], "damaged zip package"),
        ("old.xls", lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(2000), "old .xls"),
        ("text.xlsx", lambda b: b"code,title\nB1,x\n", "not a zip package"),
        ("other.xlsx", lambda b: _zip_of({"hello.txt": b"hi"}), "not an Excel .xlsx workbook"),
        ("broken.xlsx", lambda b: rewrite_part(b, "xl/workbook.xml", lambda x: x[:50]), "not an Excel"),
        ("docs.zip", lambda b: b, ""),  # a real workbook under another name is fine
    ],
)
def test_non_workbooks_are_refused(
    tmp_path: Path, name: str, make: Callable[[bytes], bytes], reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(make(_template_bytes(tmp_path)))
    if not reason:
        assert read_workbook(path).contest_id == "E2-2025"
        return
    with pytest.raises(InputRefused) as caught:
        read_workbook(path)
    assert not isinstance(caught.value, ValidationFailed)
    assert caught.value.reason.startswith("not an Excel .xlsx workbook: ")
    assert reason in caught.value.reason
    assert str(path) in str(caught.value)


def _zip_of(parts: Mapping[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputRefused, match="cannot be read"):
        read_workbook(tmp_path / "khong-co.xlsx")
    with pytest.raises(InputRefused, match="cannot be read"):
        read_workbook(tmp_path)
