"""The organizer's template workbook: sheet names, field keys, Vietnamese labels and help text.

The constants here are the single source for the writer, the reader (``org_workbook``) and the demo.
A header cell reads ``"<Vietnamese label> (<key>)"``; the reader also accepts the bare key or label.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.core.rubric import CommentRule
from e2judge.xlsx.book import save_workbook
from e2judge.xlsx.cells import cell_at, set_text, write_row

SHEET_CONTEST = "Contest"
SHEET_ENTRIES = "Entries"
SHEET_JUDGES = "Judges"
SHEET_RUBRIC = "Rubric"
SHEET_HELP = "Hướng dẫn"
SHEETS = (SHEET_CONTEST, SHEET_ENTRIES, SHEET_JUDGES, SHEET_RUBRIC, SHEET_HELP)

# Contest sheet: a key/value table with a note column.
CONTEST_HEADER: dict[str, str] = {"key": "Khoá", "value": "Giá trị", "note": "Ghi chú"}
CONTEST_KEYS: dict[str, str] = {
    "contest_id": "Mã cuộc thi",
    "contest_name": "Tên cuộc thi",
    "round": "Vòng thi",
    "deadline": "Hạn chấm",
    "blind": "Chấm ẩn danh",
    "discrepancy_threshold": "Ngưỡng chênh lệch",
    "moderation_rule": "Cách tính điểm khi chấm thêm",
}
CONTEST_REQUIRED = ("contest_id", "contest_name", "round")

ENTRY_COLUMNS: dict[str, str] = {
    "code": "Mã bài dự thi",
    "title": "Tên bài dự thi",
    "authors": "Tác giả",
    "school": "Trường",
    "province": "Tỉnh/Thành phố",
    "category": "Lĩnh vực",
    "description": "Mô tả",
    "links": "Liên kết",
    "attachments": "Tệp đính kèm",
}
ENTRY_REQUIRED = ("code", "title")

JUDGE_COLUMNS: dict[str, str] = {
    "judge_id": "Mã giám khảo",
    "name": "Họ và tên",
    "email": "Email",
    "school": "Trường/Đơn vị",
    "province": "Tỉnh/Thành phố",
}
JUDGE_REQUIRED = ("judge_id", "name")

RUBRIC_COLUMNS: dict[str, str] = {
    "criterion_id": "Mã tiêu chí",
    "section": "Phần",
    "criterion": "Tiêu chí",
    "description": "Mô tả",
    "max_points": "Điểm tối đa",
    "step": "Bước điểm",
    "weight": "Hệ số",
    "levels": "Các mức điểm",
    "comment_rule": "Yêu cầu nhận xét",
}
RUBRIC_REQUIRED = ("criterion_id", "section", "criterion", "max_points")

# Accepted spellings of the blind flag (compared after case and accent folding).
BLIND_TRUE = ("yes", "có", "true", "1")
BLIND_FALSE = ("no", "không", "false", "0")
BLIND_DEFAULT = True
COMMENT_RULES = tuple(rule.value for rule in CommentRule)

_ID_HELP = (
    "chỉ gồm chữ, chữ số, '-', '_' và '.' (dùng trong tên tệp), không trùng nhau (không phân biệt hoa thường)"
)

CONTEST_HELP: dict[str, str] = {
    "contest_id": f"Bắt buộc. Mã ngắn của cuộc thi, ví dụ E2-2025; {_ID_HELP}.",
    "contest_name": "Bắt buộc. Tên đầy đủ của cuộc thi.",
    "round": "Bắt buộc. Tên hoặc số vòng thi, ví dụ: Vòng 1.",
    "deadline": "Không bắt buộc. Hạn chấm dạng YYYY-MM-DD (ví dụ 2025-06-30) hoặc ô ngày của Excel.",
    "blind": "Không bắt buộc. có/không (yes/no, true/false, 1/0). 'có': giám khảo không thấy tác giả "
    "và trường. Để trống = có.",
    "discrepancy_threshold": "Không bắt buộc. Số điểm chênh lệch giữa các giám khảo để báo cần xem lại. "
    "Để trống = giá trị mặc định.",
    "moderation_rule": "Không bắt buộc. Điểm cuối của bài có giám khảo thứ ba: closest_two (trung bình hai "
    "điểm gần nhau nhất), median (trung vị) hoặc mean_all (trung bình mọi điểm). Để trống = mean_all.",
}
ENTRY_HELP: dict[str, str] = {
    "code": f"Bắt buộc. Mã bài dự thi, ví dụ B001; {_ID_HELP}.",
    "title": "Bắt buộc. Tên bài dự thi (một dòng).",
    "authors": "Tên tác giả, cách nhau bằng dấu phẩy.",
    "school": "Trường của tác giả. Giám khảo cùng trường sẽ được cảnh báo.",
    "province": "Tỉnh/Thành phố.",
    "category": "Lĩnh vực hoặc hạng mục dự thi.",
    "description": "Mô tả ngắn; được xuống dòng (Alt+Enter).",
    "links": "Đường dẫn bắt đầu bằng http:// hoặc https://, mỗi đường dẫn một dòng hoặc cách nhau bằng ';'.",
    "attachments": "Tên tệp trong thư mục tệp đính kèm, cách nhau bằng ';'. Chỉ ghi tên tệp, "
    "không ghi thư mục.",
}
JUDGE_HELP: dict[str, str] = {
    "judge_id": f"Bắt buộc. Mã giám khảo, ví dụ GK01; {_ID_HELP}.",
    "name": "Bắt buộc. Họ và tên giám khảo.",
    "email": "Không bắt buộc. Địa chỉ email, ví dụ ten@truong.edu.vn.",
    "school": "Trường hoặc đơn vị công tác (để phát hiện giám khảo cùng trường với bài dự thi).",
    "province": "Tỉnh/Thành phố.",
}
RUBRIC_HELP: dict[str, str] = {
    "criterion_id": f"Bắt buộc. Mã tiêu chí, ví dụ C1; {_ID_HELP}.",
    "section": "Bắt buộc. Phần (nhóm tiêu chí); các tiêu chí cùng phần được hiển thị cùng nhau.",
    "criterion": "Bắt buộc. Tên tiêu chí.",
    "description": "Mô tả tiêu chí cho giám khảo; được xuống dòng.",
    "max_points": "Bắt buộc. Điểm tối đa, số lớn hơn 0 (dùng dấu chấm hoặc dấu phẩy thập phân).",
    "step": "Không bắt buộc. Bước điểm, ví dụ 0.5; phải chia hết điểm tối đa. Để trống = 1.",
    "weight": "Không bắt buộc. Trọng số của tiêu chí khi tính tổng có trọng số, lớn hơn 0. Để trống = 1.",
    "levels": "Không bắt buộc. Các mức điểm, mỗi dòng một mức dạng 'điểm: mô tả', ví dụ '4: Xuất sắc'. "
    "Điểm từ 0 đến điểm tối đa, là bội của bước điểm. Khi có các mức, giám khảo chỉ chọn được các mức này.",
    "comment_rule": "Không bắt buộc. Khi nào giám khảo phải ghi nhận xét: never (không bao giờ), always "
    "(luôn luôn), lowest (khi cho mức thấp nhất), highest (khi cho mức cao nhất), extremes (thấp nhất "
    "hoặc cao nhất). Để trống = never.",
}

_INTRO = (
    "Sổ tính này mô tả một vòng thi cho E2 Judge. Điền các trang Contest, Entries, Judges và Rubric, "
    "lưu dưới dạng .xlsx rồi nhập vào chương trình.",
    "Dòng đầu tiên của mỗi trang là tiêu đề cột: giữ nguyên phần trong ngoặc (khoá). Có thể thêm cột "
    "khác, chương trình sẽ bỏ qua. Dòng trống được bỏ qua.",
    "Nhập giá trị thuần, không dùng công thức. Chữ có thể bắt đầu bằng '=', '+', '-' hay '@' vì các "
    "cột chữ đã được định dạng Văn bản.",
)

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")
_TEXT_FORMAT = "@"
_NUMBER_KEYS = frozenset({"max_points", "step", "weight"})
_WIDE_KEYS = frozenset({"description", "levels", "links", "attachments", "title", "criterion"})
_TEMPLATE_ROWS = 1000  # rows that get the comment_rule drop-down list


def header_label(key: str, label: str) -> str:
    """The header cell text for a field: ``"Mã bài dự thi (code)"``."""
    return f"{label} ({key})"


def write_template(path: Path, *, example: bool = False) -> None:
    """Write the organizer's template workbook to ``path`` (replaced atomically).

    ``example`` fills it with a small contest in Vietnamese (``org template --example``).
    """
    wb = Workbook()
    contest = wb.active
    assert contest is not None
    contest.title = SHEET_CONTEST
    _write_contest(contest)
    _write_table(wb.create_sheet(SHEET_ENTRIES), ENTRY_COLUMNS)
    _write_table(wb.create_sheet(SHEET_JUDGES), JUDGE_COLUMNS)
    rubric = wb.create_sheet(SHEET_RUBRIC)
    _write_table(rubric, RUBRIC_COLUMNS)
    _add_list(rubric, list(RUBRIC_COLUMNS).index("comment_rule") + 1, COMMENT_RULES, 2, _TEMPLATE_ROWS)
    _write_help(wb.create_sheet(SHEET_HELP))
    if example:
        from e2judge.xlsx.org_example import fill_example

        fill_example(wb)
    save_workbook(wb, path)


def _write_contest(ws: Worksheet) -> None:
    write_row(ws, 1, [header_label(k, v) for k, v in CONTEST_HEADER.items()])
    for row, (key, label) in enumerate(CONTEST_KEYS.items(), start=2):
        write_row(ws, row, [header_label(key, label), None, CONTEST_HELP[key]])
        for column in (1, 3):
            ws.cell(row=row, column=column).alignment = _WRAP
    blind_row = list(CONTEST_KEYS).index("blind") + 2
    _add_list(ws, 2, ("có", "không"), blind_row, blind_row)
    _style_header(ws, 3)
    for column, width in ((1, 34), (2, 40), (3, 70)):
        dim = ws.column_dimensions[get_column_letter(column)]
        dim.width = width
        dim.alignment = _WRAP
    ws.column_dimensions["B"].number_format = _TEXT_FORMAT  # values stay as typed (dates are accepted too)


def _write_table(ws: Worksheet, columns: Mapping[str, str]) -> None:
    write_row(ws, 1, [header_label(k, v) for k, v in columns.items()])
    _style_header(ws, len(columns))
    for column, key in enumerate(columns, start=1):
        dim = ws.column_dimensions[get_column_letter(column)]
        dim.width = 40 if key in _WIDE_KEYS else max(16, len(columns[key]) + 8)
        dim.alignment = _WRAP
        # Text columns are formatted as Text (a column style, so no empty cells are created):
        # Excel then keeps "=...", "+1" or "001" exactly as typed.
        if key not in _NUMBER_KEYS:
            dim.number_format = _TEXT_FORMAT


def _style_header(ws: Worksheet, count: int) -> None:
    for column in range(1, count + 1):
        cell = ws.cell(row=1, column=column)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = _WRAP
    ws.freeze_panes = "A2"


def _add_list(ws: Worksheet, column: int, choices: Sequence[str], first: int, last: int) -> None:
    """A drop-down list on a column range (a hint only: other values are still typed freely)."""
    validation = DataValidation(type="list", formula1='"' + ",".join(choices) + '"', allow_blank=True)
    validation.showErrorMessage = False
    letter = get_column_letter(column)
    validation.add(f"{letter}{first}:{letter}{last}")
    ws.add_data_validation(validation)


def _write_help(ws: Worksheet) -> None:
    row = 1
    for line in _INTRO:
        set_text(cell_at(ws, row, 1), line)
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=4)
        ws.cell(row=row, column=1).alignment = _WRAP
        ws.row_dimensions[row].height = 32
        row += 1
    row += 1
    header_row = row
    write_row(ws, row, ["Trang tính (sheet)", "Cột / khoá (field)", "Bắt buộc", "Giải thích"])
    for column in range(1, 5):
        ws.cell(row=row, column=column).font = _HEADER_FONT
        ws.cell(row=row, column=column).fill = _HEADER_FILL
    tables: tuple[tuple[str, Mapping[str, str], Sequence[str], Mapping[str, str]], ...] = (
        (SHEET_CONTEST, CONTEST_KEYS, CONTEST_REQUIRED, CONTEST_HELP),
        (SHEET_ENTRIES, ENTRY_COLUMNS, ENTRY_REQUIRED, ENTRY_HELP),
        (SHEET_JUDGES, JUDGE_COLUMNS, JUDGE_REQUIRED, JUDGE_HELP),
        (SHEET_RUBRIC, RUBRIC_COLUMNS, RUBRIC_REQUIRED, RUBRIC_HELP),
    )
    for sheet, labels, required, helps in tables:
        for key, label in labels.items():
            row += 1
            needed = "có" if key in required else "không"
            write_row(ws, row, [sheet, header_label(key, label), needed, helps[key]])
            for column in range(1, 5):
                ws.cell(row=row, column=column).alignment = _WRAP
    ws.freeze_panes = f"A{header_row + 1}"
    for column, width in ((1, 16), (2, 34), (3, 10), (4, 90)):
        ws.column_dimensions[get_column_letter(column)].width = width
