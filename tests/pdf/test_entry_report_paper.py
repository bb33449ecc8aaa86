"""Paper a judge files: one page per entry when it fits, the list's order, conflicts said as such.

Made from the bundled demo contest (six criteria over three sections, as judges really get it).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from e2judge.app import import_demo
from e2judge.core.collation import vietnamese_sort_key
from e2judge.db.session import Database, open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge import scoring
from e2judge.services.judge.entries import list_entries
from e2judge.services.judge.reports import write_entry_reports
from e2judge.services.judge.rounds import RoundRef, list_rounds

ACTOR = "judge:GK01"


@pytest.fixture
def demo(tmp_path: Path) -> tuple[Profile, Database, RoundRef]:
    profile = Profile(tmp_path / "profile").ensure()
    db = open_judge_db(profile.database)
    assert import_demo(db, profile)
    return profile, db, list_rounds(db)[0]


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(str(path)).pages]


def test_a_scored_entry_with_short_comments_takes_one_page(
    demo: tuple[Profile, Database, RoundRef], tmp_path: Path
) -> None:
    profile, db, ref = demo
    row = list_entries(db, ref)[0]
    for criterion in ref.rubric.criteria:
        scoring.set_points(db, row.assignment_id, criterion.id, criterion.max_points, ACTOR)
        scoring.set_comment(db, row.assignment_id, criterion.id, "Rõ ràng, thuyết phục.", ACTOR)
    scoring.set_overall_comment(db, row.assignment_id, "Bài tốt, nên nhân rộng.", ACTOR)
    out = tmp_path / "one.pdf"
    assert write_entry_reports(db, profile, ref, out, codes=[row.code]) == 1
    (text,) = page_texts(out)
    assert "Trang 1 / 1" in text and "Chữ ký của giám khảo" in text and "Bài tốt, nên nhân rộng." in text


def test_every_report_comes_in_the_lists_order_one_page_each(
    demo: tuple[Profile, Database, RoundRef], tmp_path: Path
) -> None:
    profile, db, ref = demo
    rows = list_entries(db, ref)
    out = tmp_path / "all.pdf"
    assert write_entry_reports(db, profile, ref, out) == len(rows)  # unscored: one page each too
    codes = [row.code for row in sorted(rows, key=lambda r: vietnamese_sort_key(r.code))]
    texts = page_texts(out)
    assert [next(c for c in codes if f"Mã bài: {c}" in text) for text in texts] == codes
    assert codes != [row.code for row in rows]  # the services' order is not the list's


def test_a_conflict_entry_says_not_scored_and_why_never_zero(
    demo: tuple[Profile, Database, RoundRef], tmp_path: Path
) -> None:
    profile, db, ref = demo
    row = list_entries(db, ref)[1]
    scoring.declare_conflict(db, row.assignment_id, "Tôi là đồng nghiệp của tác giả", ACTOR)
    out = tmp_path / "conflict.pdf"
    assert write_entry_reports(db, profile, ref, out, codes=[row.code]) == 1
    (text,) = page_texts(out)
    assert "Xung đột lợi ích — không chấm" in text
    assert "Lý do: Tôi là đồng nghiệp của tác giả" in text
    assert "Chưa chấm" not in text
    assert "0 / 24" not in text and "Tổng điểm:" not in text
