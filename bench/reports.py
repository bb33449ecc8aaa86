"""Benchmark: the per-entry rubric report for 1,000 entries, against a minimal platypus document.

A real signed batch of ENTRIES entries (6 criteria with levels, weights, sections) is imported into
a fresh profile; every entry gets points, a comment on every criterion and an overall comment.

* ``reports.entry_pdf``: ``write_entry_reports`` for every entry (database reads included), in
  pages per second; baseline, in the same run: a minimal platypus document (``SimpleDocTemplate``,
  one ``Paragraph`` per piece of text, the same embedded font, a page break per entry) holding the
  same text. ``ratio`` = our pages/s ÷ the baseline's pages/s; target ≥ 0.5.
* ``reports.entry_pdf.same_text``: the same two runs compared per entry (the reports lay the same
  text out on more pages: tables, headers, signature block), entries/s; target ≥ 0.5.
Times are CPU seconds of this process (``time.process_time``), best of ROUNDS alternating runs, so
other load on the machine does not skew the ratio.

* ``reports.judge_summary``, ``reports.workbook``, ``reports.worksheet_export``,
  ``reports.worksheet_import``: seconds for the same round (no target; for the record).

The last lines are one JSON object per figure: {"bench","value","unit","baseline","ratio","target"}.

Usage: python bench/reports.py [ENTRIES]
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import openpyxl
from common import signed_batch
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
from sqlalchemy import insert, select, update

from e2judge.core.clock import now
from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric
from e2judge.db.models import Assignment, Entry, Score
from e2judge.db.session import Database, open_judge_db
from e2judge.paths import Profile
from e2judge.pdf.fonts import FAMILY, register_fonts
from e2judge.pdf.styles import safe_markup
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.reports import write_entry_reports, write_judge_summary, write_judge_workbook
from e2judge.services.judge.rounds import RoundRef, list_rounds
from e2judge.services.judge.worksheet import export_worksheet, import_worksheet

TARGET = 0.5
ROUNDS = 2
LEVELS = ("Chưa đạt", "Đạt", "Khá", "Tốt")
COMMENT = (
    "Học sinh được giao nhiệm vụ rõ ràng, có minh chứng qua sản phẩm nhóm và ảnh lớp học; "
    "cần bổ sung cách đánh giá sự tiến bộ của từng em và thời lượng cho từng hoạt động."
)
OVERALL = (
    "Bài học được chuẩn bị công phu, tiến trình rõ ràng, sản phẩm của học sinh thuyết phục. "
    "Đề nghị bổ sung minh chứng về sự tiến bộ của học sinh (bài làm trước và sau) và mô tả cách "
    "đánh giá sản phẩm nhóm. Việc dùng công nghệ phục vụ đúng mục tiêu bài học; có thể nhân rộng."
)


def rubric() -> Rubric:
    sections = ("I. Hợp tác và kiến tạo tri thức", "II. Vận dụng thực tiễn", "III. Tự chủ và giao tiếp")
    return Rubric(
        tuple(
            Criterion(
                f"C{k}",
                sections[(k - 1) // 2],
                f"Tiêu chí số {k}: năng lực học sinh",
                "Học sinh có phải cùng nhau giải quyết vấn đề, chia sẻ trách nhiệm và ra quyết định?",
                4,
                1,
                1.0 + k % 2 * 0.5,
                tuple(
                    Level(
                        p,
                        f"{LEVELS[p - 1]} — mô tả mức {p} của tiêu chí {k}, đủ dài để xuống dòng "
                        "như một mô tả thật trong phiếu chấm.",
                    )
                    for p in (1, 2, 3, 4)
                ),
                CommentRule.EXTREMES,
            )
            for k in range(1, 7)
        )
    )


def make_round(folder: Path, count: int) -> tuple[Profile, Database, RoundRef]:
    """A profile with a real signed batch of ``count`` entries imported and fully scored."""
    specs = tuple(
        EntrySpec(
            f"E{i:05d}",
            f"Đổi mới phương pháp dạy học môn Ngữ văn qua dự án số {i}",
            f"Nguyễn Thị Hồng {i}",
            "Trường THPT Lê Quý Đôn",
            "Đà Nẵng",
            "Bài học",
        )
        for i in range(1, count + 1)
    )
    judge = JudgeSpec("GK01", "Trần Văn Đức")
    spec = ContestSpec(
        "bench",
        "Diễn đàn Giáo dục E2 Việt Nam (đo hiệu năng)",
        "Vòng chung khảo",
        "",
        False,
        None,
        rubric(),
        specs,
        (judge,),
    )
    batch = signed_batch(folder / "bench.e2batch", spec)
    profile = Profile(folder / "profile").ensure()
    db = open_judge_db(profile.database)
    import_batch(db, profile, batch)
    (ref,) = list_rounds(db)
    with db.transaction() as s:
        rows = s.execute(select(Assignment.id, Entry.id).join(Entry, Entry.id == Assignment.entry_id)).all()
        s.execute(
            insert(Score),
            [
                {
                    "assignment_id": aid,
                    "criterion_key": f"C{k}",
                    "points": float(1 + (eid * 3 + k) % 4),
                    "comment": COMMENT,
                    "updated_at": now(),
                }
                for aid, eid in rows
                for k in range(1, 7)
            ],
        )
        s.execute(update(Assignment), [{"id": aid, "overall_comment": OVERALL} for aid, _eid in rows])
    return profile, db, ref


def baseline_pdf(out: Path, ref: RoundRef, count: int) -> tuple[int, float]:
    """The minimal platypus document with the same text: (pages, seconds)."""
    register_fonts()
    style = ParagraphStyle("b", fontName=FAMILY, fontSize=10, leading=13.5)
    start = time.process_time()
    story: list[Any] = []
    for i in range(1, count + 1):
        if story:
            story.append(PageBreak())
        texts = [
            "PHIẾU CHẤM ĐIỂM",
            ref.round_name,
            f"E{i:05d}",
            f"Đổi mới phương pháp dạy học môn Ngữ văn qua dự án số {i}",
            f"Nguyễn Thị Hồng {i}",
            "Trường THPT Lê Quý Đôn",
            "Đà Nẵng",
            "Bài học",
        ]
        for c in ref.rubric.criteria:
            texts += [c.section, c.title, c.description, c.levels[0].descriptor, COMMENT, "3 / 4"]
        texts += ["Tổng điểm 18 / 24", OVERALL, f"{ref.judge_name} ({ref.judge_key})", "Chữ ký của giám khảo"]
        story += [Paragraph(safe_markup(t), style) for t in texts]
    doc = SimpleDocTemplate(str(out), pagesize=A4, initialFontName=FAMILY)
    doc.build(story)
    return int(doc.page), time.process_time() - start


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[Any, float]:
    """``fn``'s value and the CPU seconds this process spent in it (steady on a busy machine)."""
    start = time.process_time()
    value = fn(*args, **kwargs)
    return value, time.process_time() - start


def figure(
    name: str,
    value: float,
    unit: str,
    baseline: float | None,
    target: float | None,
    ratio: float | None = None,
) -> dict[str, Any]:
    if ratio is None and baseline:
        ratio = value / baseline
    return {
        "bench": name,
        "value": round(value, 3),
        "unit": unit,
        "baseline": None if baseline is None else round(baseline, 3),
        "ratio": None if ratio is None else round(ratio, 3),
        "target": target,
    }


def main() -> int:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="e2judge-bench-reports-") as scratch:
        folder = Path(scratch)
        profile, db, ref = make_round(folder, count)
        try:
            register_fonts()
            write_entry_reports(db, profile, ref, folder / "warm.pdf", ["E00001"])  # fonts, caches
            base_s = ours_s = float("inf")
            for _ in range(ROUNDS):  # alternate the two, keep each one's best
                base_pages, seconds = baseline_pdf(folder / "baseline.pdf", ref, count)
                base_s = min(base_s, seconds)
                pages, seconds = timed(write_entry_reports, db, profile, ref, folder / "reports.pdf")
                ours_s = min(ours_s, seconds)
            print(
                f"entry reports: {count} entries, {pages} pages in {ours_s:.2f} s "
                f"({pages / ours_s:.0f} pages/s); baseline {base_pages} pages in {base_s:.2f} s "
                f"({base_pages / base_s:.0f} pages/s)"
            )
            figures.append(
                figure("reports.entry_pdf", pages / ours_s, "pages/s", base_pages / base_s, TARGET)
            )
            figures.append(
                figure("reports.entry_pdf.same_text", count / ours_s, "entries/s", count / base_s, TARGET)
            )
            summary_pages, summary_s = timed(write_judge_summary, db, profile, ref, folder / "summary.pdf")
            print(f"judge summary: {summary_pages} pages in {summary_s:.2f} s")
            figures.append(figure("reports.judge_summary", summary_s, "s", None, None))
            _none, book_s = timed(write_judge_workbook, db, ref, folder / "diem.xlsx")
            figures.append(figure("reports.workbook", book_s, "s", None, None))
            worksheet = folder / "worksheet.xlsx"
            _none, export_s = timed(export_worksheet, db, ref, worksheet)
            figures.append(figure("reports.worksheet_export", export_s, "s", None, None))
            wb = openpyxl.load_workbook(worksheet)
            ws = wb.worksheets[0]
            for row in range(2, 2 + count):  # the judge changes one criterion of every entry
                ws.cell(row, 8).value = 4 if ws.cell(row, 8).value != 4 else 1
            edited = folder / "edited.xlsx"
            wb.save(edited)
            result, import_s = timed(import_worksheet, db, ref, edited, actor="bench")
            print(
                f"workbook {book_s:.2f} s; worksheet export {export_s:.2f} s, "
                f"import of {len(result.applied)} changes {import_s:.2f} s"
            )
            figures.append(figure("reports.worksheet_import", import_s, "s", None, None))
        finally:
            db.close()
    for item in figures:
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
