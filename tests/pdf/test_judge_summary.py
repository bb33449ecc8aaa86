"""The judge's summary: totals, status and rank by this judge, incomplete entries marked."""

from __future__ import annotations

from pathlib import Path

from e2judge.pdf.judge_summary import rank_rows
from e2judge.services.judge.entries import Status, find_assignment, list_entries
from e2judge.services.judge.reports import write_judge_summary
from e2judge.services.judge.scoring import declare_conflict, set_points
from tests.helpers.batches import imported_profile
from tests.pdf.conftest import Judged
from tests.pdf.pdfcheck import font_problems, page_texts, squeeze

ACTOR = "test"


def _score(judged: Judged, code: str, tinh_moi: float, kha_thi: float | None, trinh_bay: float) -> None:
    _profile, db, ref = judged
    aid = find_assignment(db, ref, code)
    set_points(db, aid, "tinh-moi", tinh_moi, ACTOR)
    set_points(db, aid, "kha-thi", kha_thi, ACTOR)
    set_points(db, aid, "trinh-bay", trinh_bay, ACTOR)


def test_ranks_ties_and_incomplete_entries(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    _score(judged, "E0001", 3, 2, 4.5)  # 12.5
    _score(judged, "E0002", 3, 2, 4.5)  # 12.5, tie
    _score(judged, "E0004", 4, 2, 5)  # 15, first
    _score(judged, "E0003", 1, None, 2)  # in progress
    ranked = rank_rows(list_entries(db, ref))
    assert [(r.rank, r.row.code) for r in ranked] == [
        (1, "E0004"),
        (2, "E0001"),
        (2, "E0002"),
        (None, "E0003"),
        (None, "E0005"),
    ]
    out = tmp_path / "summary.pdf"
    pages = write_judge_summary(db, profile, ref, out)
    texts = page_texts(out)
    assert pages == len(texts) == 1
    text = texts[0]
    assert "Trang 1 / 1" in text
    assert font_problems(out) == []
    flat = squeeze(text)
    for expected in (
        "BẢNG TỔNG HỢP ĐIỂM CỦA GIÁM KHẢO",
        "Tổng số bài: 5. Đã chấm xong: 3. Đang chấm: 1. Chưa chấm: 1. Xung đột lợi ích: 0.",
        "1E0004",
        "15 / 16",
        "93,8%",
        "2E0001",
        "2E0002",
        "78,1%",
        "Đang chấm",
        "Chưa chấm",
    ):
        assert squeeze(expected) in flat, expected
    # order on the page follows the ranking
    positions = [flat.index(code) for code in ("E0004", "E0001", "E0002", "E0003", "E0005")]
    assert positions == sorted(positions)


def test_conflict_listed_without_rank_and_english(judged: Judged, tmp_path: Path) -> None:
    profile, db, ref = judged
    declare_conflict(db, find_assignment(db, ref, "E0005"), "Người nhà", ACTOR)
    statuses = {r.row.code: (r.rank, r.row.status) for r in rank_rows(list_entries(db, ref))}
    assert statuses["E0005"] == (None, Status.CONFLICT)
    out = tmp_path / "summary-en.pdf"
    write_judge_summary(db, profile, ref, out, lang="en")
    flat = squeeze(" ".join(page_texts(out)))
    for expected in ("JUDGE'S SCORE SUMMARY", "Conflict of interest", "Not started", "Page 1 / 1"):
        assert squeeze(expected) in flat, expected


def test_long_summary_repeats_its_header_row(tmp_path: Path) -> None:
    profile, db, ref = imported_profile(tmp_path, entries=70)
    try:
        out = tmp_path / "long.pdf"
        pages = write_judge_summary(db, profile, ref, out)
    finally:
        db.close()
    texts = page_texts(out)
    assert pages == len(texts) >= 3
    for number, text in enumerate(texts, start=1):
        assert f"Trang {number} / {pages}" in text
        if "E00" in text:  # every page of the table starts with its header row
            assert "Hạng" in text and "Trạng thái" in text
    flat = squeeze(" ".join(texts))
    assert all(f"E{i:04d}" in flat for i in range(1, 71))
