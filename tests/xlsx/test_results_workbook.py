"""The results workbook: five Vietnamese sheets, frozen headers, filters, number formats, no formulas."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.rubric import Criterion, Rubric
from e2judge.services.org.results import DetailRow, EntryResult, JudgeResult, JudgeScore, Results
from e2judge.xlsx.results_workbook import SHEETS, write_results_workbook

HOSTILE = ["=HYPERLINK(\"http://x\",\"bấm\")", "+1", "-2+3", "@SUM(A1)", "=1+1"]

RUBRIC = Rubric(
    (
        Criterion("HT", "Kỹ năng", "Hợp tác", "", 4, 1, 1.0),
        Criterion("GQVD", "Kỹ năng", "Giải quyết vấn đề", "", 4, 1, 1.5),
    )
)


def entry(
    code: str, title: str, rank: int | None, values: list[float], discrepancy: bool = False
) -> EntryResult:
    mean = sum(values) / len(values) if values else None
    return EntryResult(
        code=code, title=title, authors="-Nguyễn Văn A", school="@Trường", province="Huế", category="+STEM",
        assigned=2, returned=len(values), conflicted=0,
        totals=tuple(JudgeScore(f"GK0{i + 1}", v) for i, v in enumerate(values)),
        mean=mean, median=mean,
        minimum=min(values) if values else None, maximum=max(values) if values else None,
        spread=(max(values) - min(values)) if values else None, normalised=mean, normalised_fallback=False,
        discrepancy=discrepancy, rank=rank,
    )


@pytest.fixture
def results() -> Results:
    entries = (
        entry("E001", HOSTILE[0], 1, [9.5, 3.0], discrepancy=True),
        entry("E002", HOSTILE[1], 2, [6.25]),
        entry("E003", HOSTILE[2], 2, [6.25]),
        entry("E004", HOSTILE[3], None, []),
    )
    judges = (
        JudgeResult("GK01", HOSTILE[4], 3, 2, 0, 7.875, 1.625, 1.5, 2, ("E004",), True, "0412 9983",
                    "first-sheet"),
        JudgeResult("GK02", "Trần Thị B", 2, 1, 0, 3.0, 0.0, -3.4, None, ("E004",), False, "", ""),
    )
    details = (
        DetailRow("E001", HOSTILE[0], "GK01", "Lê C", (4.0, 3.67), ("=cmd|' /C calc'!A0", "ổn"), 9.5, True,
                  None, "@nhận xét", 2),
        DetailRow("E004", HOSTILE[3], "GK01", "Lê C", (1.0, None), ("", ""), None, False, None, "", 2),
    )
    return Results("e2-2022", "Diễn đàn E2", "Vòng chung khảo", RUBRIC, 2.0, "normalised", 6.5, entries,
                   judges, details)


def _ws(wb: openpyxl.Workbook, name: str) -> Worksheet:
    ws = wb[name]
    assert isinstance(ws, Worksheet)
    return ws


def test_sheets_headings_frozen_and_filtered(results: Results, tmp_path: Path) -> None:
    out = tmp_path / "ket-qua.xlsx"
    write_results_workbook(results, out)
    wb = openpyxl.load_workbook(out)
    assert tuple(wb.sheetnames) == SHEETS
    assert SHEETS == ("Kết quả", "Giám khảo", "Chênh lệch", "Còn thiếu", "Điểm chi tiết")
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), ws.title
        assert all(c.font.bold for c in ws[1] if c.value is not None), ws.title
    head = [c.value for c in _ws(wb, "Kết quả")[1]]
    assert head[:3] == ["Hạng (theo điểm chuẩn hoá)", "Mã bài", "Tên bài"]
    assert "Điểm chuẩn hoá" in head and "Cần giám khảo thứ ba" in head and "Trung vị" in head
    assert _ws(wb, "Kết quả").auto_filter.ref == f"A1:S{len(results.entries) + 1}"
    judges = [c.value for c in _ws(wb, "Giám khảo")[1]]
    assert "Độ lệch chuẩn" in judges and "Mức khắt khe (TB giám khảo − TB chung)" in judges
    details = [c.value for c in _ws(wb, "Điểm chi tiết")[1]]
    assert "Hợp tác (HT; tối đa 4, trọng số 1)" in details and "Tổng có trọng số (tối đa 10)" in details


def test_values_and_number_formats(results: Results, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    write_results_workbook(results, out)
    wb = openpyxl.load_workbook(out)
    rows = list(_ws(wb, "Kết quả").iter_rows(min_row=2))
    assert [r[0].value for r in rows] == [1, 2, 2, None]
    assert [r[1].value for r in rows] == ["E001", "E002", "E003", "E004"]
    first = rows[0]
    assert (first[11].value, first[13].value, first[14].value, first[15].value) == (6.25, 3.0, 9.5, 6.5)
    assert first[11].number_format == "0.00" and first[0].number_format == "0"
    assert first[18].value == "Có" and rows[1][18].value is None
    assert [r[0].value for r in _ws(wb, "Chênh lệch").iter_rows(min_row=2)] == ["E001"]
    assert _ws(wb, "Chênh lệch")["H2"].value == "GK01: 9.5; GK02: 3"
    missing = [[c.value for c in r] for r in _ws(wb, "Còn thiếu").iter_rows(min_row=2)]
    assert missing == [["GK01", HOSTILE[4], "E004", HOSTILE[3], "Chưa chấm xong"],
                       ["GK02", "Trần Thị B", "E004", HOSTILE[3], "Chưa nhận phiếu"]]
    judge = [c.value for c in _ws(wb, "Giám khảo")[2]]
    assert judge[:10] == ["GK01", HOSTILE[4], 3, 2, 0, 1, 7.875, 1.625, 1.5, 2]
    assert judge[12] == "Phiếu đầu tiên" and judge[13] == "E004"
    detail = [c.value for c in _ws(wb, "Điểm chi tiết")[2]]
    assert detail[4:7] == [4.0, 3.67, 9.5] and detail[7] == "Có"


def test_no_text_becomes_a_formula(results: Results, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    write_results_workbook(results, out)
    wb = openpyxl.load_workbook(out)
    seen = set()
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert cell.data_type == "s"
                    seen.add(cell.value)
    assert set(HOSTILE) <= seen and "=cmd|' /C calc'!A0" in seen and "@nhận xét" in seen
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name


def test_replaces_the_file_atomically(results: Results, tmp_path: Path) -> None:
    out = tmp_path / "r.xlsx"
    out.write_bytes(b"old")
    write_results_workbook(results, out)
    assert zipfile.is_zipfile(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.xlsx"]


def test_raw_ranking_heading(results: Results, tmp_path: Path) -> None:
    from dataclasses import replace

    out = tmp_path / "raw.xlsx"
    write_results_workbook(replace(results, rank_by="raw"), out)
    assert _ws(openpyxl.load_workbook(out), "Kết quả")["A1"].value == "Hạng (theo điểm thô)"
