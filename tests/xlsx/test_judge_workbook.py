"""The judge's score workbook read back with openpyxl: values, types, formats, and never a formula."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.contest import EntrySpec
from e2judge.db.session import Database
from e2judge.paths import Profile
from e2judge.services.judge.entries import find_assignment
from e2judge.services.judge.reports import write_judge_workbook
from e2judge.services.judge.rounds import RoundRef
from e2judge.services.judge.scoring import declare_conflict, set_comment, set_overall_comment, set_points
from e2judge.xlsx.cells import decode_ooxml
from tests.helpers.batches import imported_profile

ACTOR = "test"
HOSTILE = ['=HYPERLINK("http://x","bấm")', "+84 912 345 678", "-x", "@SUM(A1)", "#N/A", "_x0041_"]

Judged = tuple[Profile, Database, RoundRef]


@pytest.fixture
def judged(tmp_path: Path) -> Iterator[Judged]:
    specs = [
        EntrySpec(f"E{i}", title, authors="Lê Thị Mai", school="THCS Kim Đồng", province="Huế")
        for i, title in enumerate(HOSTILE, start=1)
    ]
    profile, db, ref = imported_profile(tmp_path, entry_specs=specs)
    yield profile, db, ref
    db.close()


def _formula_free(path: Path) -> None:
    """No formula in any cell, read back and in the raw sheet XML."""
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate}"
    with zipfile.ZipFile(path) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<f[ >]", z.read(name)), name


def _rows(ws: Worksheet) -> list[dict[str, object]]:
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip([str(h) for h in rows[0]], row, strict=True)) for row in rows[1:]]


def test_values_types_and_no_formula(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    a1 = find_assignment(db, ref, "E1")
    set_points(db, a1, "tinh-moi", 3, ACTOR)
    set_points(db, a1, "kha-thi", 2, ACTOR)
    set_points(db, a1, "trinh-bay", 4.5, ACTOR)
    set_comment(db, a1, "trinh-bay", "=1+1 rồi -2", ACTOR)
    set_overall_comment(db, a1, "@giám khảo\nDòng hai", ACTOR)
    set_points(db, find_assignment(db, ref, "E2"), "trinh-bay", 2.5, ACTOR)
    declare_conflict(db, find_assignment(db, ref, "E3"), "Người quen", ACTOR)
    out = tmp_path / "diem.xlsx"
    write_judge_workbook(db, ref, out)
    _formula_free(out)
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Bảng điểm", "Tiêu chí", "Thông tin"]
    ws = wb["Bảng điểm"]
    rows = _rows(ws)
    assert [r["Mã bài"] for r in rows] == [f"E{i}" for i in range(1, 7)]
    # as Excel shows them (it decodes the _x005F_ escape openpyxl leaves in place)
    assert [decode_ooxml(str(r["Tên bài"])) for r in rows] == HOSTILE
    first = rows[0]
    assert first["Tính mới (tối đa 4)"] == 3
    assert first["Trình bày (tối đa 5)"] == 4.5
    assert first["Tổng điểm"] == 9.5
    assert first["Tổng có trọng số"] == 12.5
    assert first["Tỉ lệ"] == pytest.approx(12.5 / 16)
    assert first["Trạng thái"] == "Đã chấm xong"
    assert first["Nhận xét: Trình bày"] == "=1+1 rồi -2"
    assert first["Nhận xét chung"] == "@giám khảo\nDòng hai"
    assert rows[1]["Trạng thái"] == "Đang chấm" and rows[1]["Tổng có trọng số"] == 2.5
    assert rows[1]["Tính mới (tối đa 4)"] is None
    assert rows[2]["Trạng thái"] == "Xung đột lợi ích" and rows[2]["Lý do xung đột lợi ích"] == "Người quen"
    assert rows[3]["Trạng thái"] == "Chưa chấm" and rows[3]["Tổng điểm"] is None
    # types: text cells are strings ("s"), numbers are numbers
    assert ws["B2"].data_type == "s" and ws["B2"].value == HOSTILE[0]
    assert ws["B6"].data_type == "s" and ws["B6"].value == "#N/A"
    assert ws["G2"].data_type == "n"


def test_layout_formats_filter_and_freeze(judged: Judged, tmp_path: Path) -> None:
    _profile, db, ref = judged
    out = tmp_path / "diem.xlsx"
    write_judge_workbook(db, ref, out)
    ws = openpyxl.load_workbook(out)["Bảng điểm"]
    headers = [c.value for c in ws[1]]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == f"A1:{get_column_letter(len(headers))}7"
    column = {h: i + 1 for i, h in enumerate(headers)}
    assert ws.cell(2, column["Tính mới (tối đa 4)"]).number_format == "0"
    assert ws.cell(2, column["Trình bày (tối đa 5)"]).number_format == "0.0#"
    assert ws.cell(2, column["Tổng có trọng số"]).number_format == "0.0#"
    assert ws.cell(2, column["Tỉ lệ"]).number_format == "0.0%"
    assert ws.column_dimensions["B"].width == 42
    assert ws.cell(1, 1).font.bold
    rubric = _rows(openpyxl.load_workbook(out)["Tiêu chí"])
    assert [r["Mã tiêu chí"] for r in rubric] == ["tinh-moi", "kha-thi", "trinh-bay"]
    assert rubric[1]["Các mức"] == "1: Khó áp dụng\n2: Áp dụng được\n3: Dễ nhân rộng"
    assert rubric[2]["Bước điểm"] == 0.5 and rubric[0]["Trọng số"] == 2


def test_blind_round_and_english(tmp_path: Path) -> None:
    _profile, db, ref = imported_profile(tmp_path, blind=True)
    try:
        out = tmp_path / "blind.xlsx"
        write_judge_workbook(db, ref, out, lang="en")
    finally:
        db.close()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Scores", "Rubric", "About"]
    ws = wb["Scores"]
    headers = [c.value for c in ws[1]]
    assert headers[:3] == ["Entry code", "Title", "Category"]
    assert "Authors" not in headers and "School" not in headers
    values = " ".join(str(c.value) for row in ws.iter_rows() for c in row)
    assert "Nguyễn Thị Hồng" not in values and "Lê Quý Đôn" not in values
    assert "Not started" in values
