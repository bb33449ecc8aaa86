"""A filled example for the organizer's template: a small contest round in Vietnamese.

``org template --example FILE`` and the organizer window's "Example workbook" button write it, so
an organizer sees what every column takes. It is valid as written (no attachments are named), so
``org build`` accepts it.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from e2judge.xlsx.cells import cell_at, set_value
from e2judge.xlsx.org_template import (
    CONTEST_KEYS,
    ENTRY_COLUMNS,
    JUDGE_COLUMNS,
    RUBRIC_COLUMNS,
    SHEET_CONTEST,
    SHEET_ENTRIES,
    SHEET_JUDGES,
    SHEET_RUBRIC,
)

CONTEST: dict[str, object] = {
    "contest_id": "E2-VD-2025",
    "contest_name": "Diễn đàn Giáo dục E2 Việt Nam 2025 (ví dụ)",
    "round": "Vòng sơ khảo",
    "deadline": "2025-06-30",
    "blind": "không",
    "discrepancy_threshold": 3,
}

ENTRIES: tuple[dict[str, object], ...] = (
    {
        "code": "B001",
        "title": "Học sinh làm chủ bài học Lịch sử địa phương",
        "authors": "Nguyễn Thị Hồng Nhung",
        "school": "THPT Chu Văn An",
        "province": "Hà Nội",
        "category": "Bài học",
        "description": "Học sinh tự tìm hiểu di tích và trình bày bằng bản đồ số.",
        "links": "https://example.org/b001",
    },
    {
        "code": "B002",
        "title": "Dự án STEM: Hệ thống tưới cây tự động",
        "authors": "Trần Văn Đức, Lê Thị Mỹ",
        "school": "THCS Lê Quý Đôn",
        "province": "Đà Nẵng",
        "category": "Chuyên đề STEM",
        "description": "Học sinh lắp cảm biến độ ẩm và viết chương trình điều khiển.",
    },
    {
        "code": "B003",
        "title": "Đọc hiểu văn bản qua sân khấu hoá",
        "authors": "Phạm Ngọc Ánh",
        "school": "THPT Nguyễn Du",
        "province": "Đắk Lắk",
        "category": "Bài học",
    },
    {
        "code": "B004",
        "title": "Câu lạc bộ tiếng Anh trực tuyến cho học sinh vùng cao",
        "authors": "Hoàng Thị Thu Hà",
        "school": "PTDTBT THCS Mường Tè",
        "province": "Lai Châu",
        "category": "Sáng kiến kinh nghiệm",
    },
    {
        "code": "B005",
        "title": "Bảo tồn nghề gốm truyền thống qua dự án học tập",
        "authors": "Đoàn Minh Quân",
        "school": "THCS Bát Tràng",
        "province": "Hà Nội",
        "category": "Dự án học tập",
    },
    {
        "code": "B006",
        "title": "Toán học và những ngôi nhà tiết kiệm năng lượng",
        "authors": "Vũ Thị Lan Anh",
        "school": "THPT chuyên Lê Hồng Phong",
        "province": "TP Hồ Chí Minh",
        "category": "Chuyên đề STEM",
    },
)

JUDGES: tuple[dict[str, object], ...] = (
    {
        "judge_id": "GK01",
        "name": "Nguyễn Văn Thành",
        "email": "thanh@example.edu.vn",
        "school": "Đại học Sư phạm Hà Nội",
        "province": "Hà Nội",
    },
    {
        "judge_id": "GK02",
        "name": "Lê Thị Ngọc Diệp",
        "email": "diep@example.edu.vn",
        "school": "THPT Chu Văn An",
        "province": "Hà Nội",
    },
    {
        "judge_id": "GK03",
        "name": "Trần Quốc Bảo",
        "email": "bao@example.edu.vn",
        "school": "Sở GD&ĐT Đà Nẵng",
        "province": "Đà Nẵng",
    },
    {
        "judge_id": "GK04",
        "name": "Phạm Thị Hương",
        "email": "huong@example.edu.vn",
        "school": "Đại học Cần Thơ",
        "province": "Cần Thơ",
    },
)

RUBRIC: tuple[dict[str, object], ...] = (
    {
        "criterion_id": "C1",
        "section": "I. Học sinh làm trung tâm",
        "criterion": "Học sinh hợp tác và kiến tạo tri thức",
        "description": "Học sinh làm việc nhóm, cùng chịu trách nhiệm về sản phẩm.",
        "max_points": 4,
        "step": 1,
        "weight": 1,
        "levels": "1: Chưa đạt\n2: Đạt một phần\n3: Đạt\n4: Xuất sắc",
        "comment_rule": "lowest",
    },
    {
        "criterion_id": "C2",
        "section": "I. Học sinh làm trung tâm",
        "criterion": "Vận dụng công nghệ thông tin",
        "max_points": 4,
        "step": 0.5,
        "weight": 1,
    },
    {
        "criterion_id": "C3",
        "section": "II. Tác động",
        "criterion": "Khả năng nhân rộng",
        "description": "Giáo viên khác có thể áp dụng ở trường mình.",
        "max_points": 10,
        "step": 1,
        "weight": 2,
        "comment_rule": "always",
    },
)


def fill_example(wb: Workbook) -> None:
    """Fill the template's sheets with the example contest (every text through ``set_text``)."""
    contest = wb[SHEET_CONTEST]
    for row, key in enumerate(CONTEST_KEYS, start=2):
        if key in CONTEST:  # keys without an example value stay blank (their default)
            set_value(cell_at(contest, row, 2), CONTEST[key])
    _fill_table(wb[SHEET_ENTRIES], list(ENTRY_COLUMNS), ENTRIES)
    _fill_table(wb[SHEET_JUDGES], list(JUDGE_COLUMNS), JUDGES)
    _fill_table(wb[SHEET_RUBRIC], list(RUBRIC_COLUMNS), RUBRIC)


def _fill_table(ws: Worksheet, keys: Sequence[str], rows: Sequence[dict[str, object]]) -> None:
    for row_no, record in enumerate(rows, start=2):
        for column, key in enumerate(keys, start=1):
            if key in record:
                set_value(cell_at(ws, row_no, column), record[key])
