"""The organizer's results workbook: results, judges, discrepancies, missing scores and raw scores.

Every sheet has Vietnamese headings, a frozen header row, an auto-filter and number formats. All
text goes through ``cells.set_text`` (never a formula); numbers are written as numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.results import Results
from e2judge.core.rubric import format_points
from e2judge.xlsx.book import fit_row_heights, print_wide_table, save_workbook
from e2judge.xlsx.cells import cell_at, write_row

SHEET_RESULTS = "Kết quả"
SHEET_JUDGES = "Giám khảo"
SHEET_DISCREPANCIES = "Chênh lệch"
SHEET_MISSING = "Còn thiếu"
SHEET_DETAILS = "Điểm chi tiết"
SHEETS = (SHEET_RESULTS, SHEET_JUDGES, SHEET_DISCREPANCIES, SHEET_MISSING, SHEET_DETAILS)

SCORE_FORMAT = "0.00"
COUNT_FORMAT = "0"
YES = "Có"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")

# (heading, width, number format or None for text)
Column = tuple[str, int, str | None]


def results_columns(rank_by: str) -> list[Column]:
    basis = "điểm thô" if rank_by == "raw" else "điểm chuẩn hoá"
    return [
        (f"Hạng (theo {basis})", 10, COUNT_FORMAT),
        ("Mã bài", 12, None),
        ("Tên bài", 40, None),
        ("Tác giả", 24, None),
        ("Trường", 24, None),
        ("Tỉnh/Thành phố", 16, None),
        ("Lĩnh vực", 16, None),
        ("Số giám khảo được phân công", 12, COUNT_FORMAT),
        ("Số giám khảo đã chấm", 12, COUNT_FORMAT),
        ("Số xung đột lợi ích", 12, COUNT_FORMAT),
        ("Số chưa chấm", 12, COUNT_FORMAT),
        ("Điểm trung bình (thô)", 12, SCORE_FORMAT),
        ("Trung vị", 12, SCORE_FORMAT),
        ("Thấp nhất", 12, SCORE_FORMAT),
        ("Cao nhất", 12, SCORE_FORMAT),
        ("Chênh lệch (cao − thấp)", 12, SCORE_FORMAT),
        ("Điểm chuẩn hoá", 12, SCORE_FORMAT),
        ("Chuẩn hoá dùng điểm thô", 12, None),
        ("Cần giám khảo thứ ba", 12, None),
    ]


JUDGE_COLUMNS: list[Column] = [
    ("Mã giám khảo", 14, None),
    ("Họ và tên", 28, None),
    ("Số bài được phân công", 12, COUNT_FORMAT),
    ("Số bài đã chấm", 12, COUNT_FORMAT),
    ("Số xung đột lợi ích", 12, COUNT_FORMAT),
    ("Số bài còn thiếu", 12, COUNT_FORMAT),
    ("Điểm trung bình", 12, SCORE_FORMAT),
    ("Độ lệch chuẩn", 12, SCORE_FORMAT),
    ("Mức khắt khe (TB giám khảo − TB chung)", 16, SCORE_FORMAT),
    ("Lần nộp phiếu gần nhất", 12, COUNT_FORMAT),
    ("Được chuẩn hoá", 12, None),
    ("Dấu vân tay khoá ký", 32, None),
    ("Nguồn khoá", 14, None),
    ("Các bài còn thiếu", 40, None),
]

DISCREPANCY_COLUMNS: list[Column] = [
    ("Mã bài", 12, None),
    ("Tên bài", 40, None),
    ("Số giám khảo đã chấm", 12, COUNT_FORMAT),
    ("Thấp nhất", 12, SCORE_FORMAT),
    ("Cao nhất", 12, SCORE_FORMAT),
    ("Chênh lệch", 12, SCORE_FORMAT),
    ("Ngưỡng", 12, SCORE_FORMAT),
    ("Điểm của từng giám khảo", 40, None),
]

MISSING_COLUMNS: list[Column] = [
    ("Mã giám khảo", 14, None),
    ("Họ và tên", 28, None),
    ("Mã bài", 12, None),
    ("Tên bài", 40, None),
    ("Tình trạng", 24, None),
]

KEY_SOURCES = {"enrolled": "Đăng ký trước", "first-sheet": "Phiếu đầu tiên"}
NO_SHEET = "Chưa nhận phiếu"
NOT_FINISHED = "Chưa chấm xong"
NOT_IN_SHEET = "Không có trong phiếu"


def write_results_workbook(results: Results, out: Path) -> None:
    """Write the five-sheet results workbook to ``out`` (replaced atomically)."""
    wb = Workbook()
    first = wb.active
    assert first is not None
    first.title = SHEET_RESULTS
    _results_sheet(first, results)
    _judges_sheet(wb.create_sheet(SHEET_JUDGES), results)
    _discrepancy_sheet(wb.create_sheet(SHEET_DISCREPANCIES), results)
    _missing_sheet(wb.create_sheet(SHEET_MISSING), results)
    _details_sheet(wb.create_sheet(SHEET_DETAILS), results)
    save_workbook(wb, Path(out))


def _yes(flag: bool) -> str:
    return YES if flag else ""


def _results_sheet(ws: Worksheet, r: Results) -> None:
    rows = [
        [
            e.rank,
            e.code,
            e.title,
            e.authors,
            e.school,
            e.province,
            e.category,
            e.assigned,
            e.returned,
            e.conflicted,
            e.missing,
            e.mean,
            e.median,
            e.minimum,
            e.maximum,
            e.spread,
            e.normalised,
            _yes(e.normalised_fallback and e.normalised is not None),
            _yes(e.discrepancy),
        ]
        for e in r.entries
    ]
    _table(ws, results_columns(r.rank_by), rows)


def _judges_sheet(ws: Worksheet, r: Results) -> None:
    rows = [
        [
            j.judge_key,
            j.name,
            j.assigned,
            j.scored,
            j.conflicts,
            len(j.missing),
            j.mean,
            j.sd,
            j.severity,
            j.last_revision,
            _yes(j.normalised),
            j.fingerprint,
            KEY_SOURCES.get(j.key_source, j.key_source),
            ", ".join(j.missing),
        ]
        for j in r.judges
    ]
    _table(ws, JUDGE_COLUMNS, rows)


def _discrepancy_sheet(ws: Worksheet, r: Results) -> None:
    rows = [
        [
            e.code,
            e.title,
            e.returned,
            e.minimum,
            e.maximum,
            e.spread,
            r.threshold,
            "; ".join(f"{t.judge_key}: {format_points(t.weighted)}" for t in e.totals),
        ]
        for e in sorted(r.entries, key=lambda e: (-(e.spread or 0.0), e.code))
        if e.discrepancy
    ]
    _table(ws, DISCREPANCY_COLUMNS, rows)


def _missing_sheet(ws: Worksheet, r: Results) -> None:
    titles = {e.code: e.title for e in r.entries}
    in_sheet = {(d.judge_key, d.code) for d in r.details}
    rows: list[list[object]] = []
    for j in r.judges:
        for code in j.missing:
            if j.last_revision is None:
                status = NO_SHEET
            elif (j.judge_key, code) in in_sheet:
                status = NOT_FINISHED
            else:
                status = NOT_IN_SHEET
            rows.append([j.judge_key, j.name, code, titles.get(code, ""), status])
    _table(ws, MISSING_COLUMNS, rows)


def _details_sheet(ws: Worksheet, r: Results) -> None:
    criteria = r.rubric.criteria
    columns: list[Column] = [
        ("Mã bài", 12, None),
        ("Tên bài", 36, None),
        ("Mã giám khảo", 14, None),
        ("Họ và tên giám khảo", 24, None),
        *[
            (
                f"{c.title} ({c.id}; tối đa {format_points(c.max_points)}, "
                f"trọng số {format_points(c.weight)})",
                14,
                SCORE_FORMAT,
            )
            for c in criteria
        ],
        (f"Tổng có trọng số (tối đa {format_points(r.weighted_max)})", 14, SCORE_FORMAT),
        ("Hoàn thành", 10, None),
        ("Xung đột lợi ích (lý do)", 24, None),
        ("Nhận xét chung", 36, None),
        *[(f"Nhận xét: {c.title} ({c.id})", 30, None) for c in criteria],
        ("Lần nộp phiếu", 10, COUNT_FORMAT),
    ]
    rows = [
        [
            d.code,
            d.title,
            d.judge_key,
            d.judge_name,
            *d.points,
            d.weighted,
            _yes(d.complete),
            d.conflict_reason or "",
            d.overall_comment,
            *d.comments,
            d.revision,
        ]
        for d in r.details
    ]
    _table(ws, columns, rows)


def _table(ws: Worksheet, columns: Sequence[Column], rows: Sequence[Sequence[object]]) -> None:
    write_row(ws, 1, [heading for heading, _w, _f in columns])
    for index, (_heading, width, _fmt) in enumerate(columns, start=1):
        cell = cell_at(ws, 1, index)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
        ws.column_dimensions[get_column_letter(index)].width = width
    for row_no, values in enumerate(rows, start=2):
        write_row(ws, row_no, values)
        for index, (_heading, _width, fmt) in enumerate(columns, start=1):
            if fmt is not None:
                cell_at(ws, row_no, index).number_format = fmt
    ws.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    ws.auto_filter.ref = f"A1:{last}{max(1, len(rows) + 1)}"
    ws.row_dimensions[1].height = 45
    fit_row_heights(ws)
    print_wide_table(ws)
