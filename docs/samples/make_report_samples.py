"""Make the report samples in docs/samples from the demo contest (resources/demo/e2-2022).

The whole real pipeline: ``org init`` and ``org build`` (two judges per entry), each judge imports
a batch and scores it (GK01 harsher, GK02 more lenient, with Vietnamese comments), exports a sheet,
the organizer collects the sheets. Then page 1 of each report becomes a PNG
(``pdftoppm -png -r 70 -f 1 -l 1``), plus the page holding the results chart.

Usage: python docs/samples/make_report_samples.py   (needs pdftoppm from poppler-utils)
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from pypdf import PdfReader  # noqa: E402

from e2judge.core.rubric import Criterion  # noqa: E402
from e2judge.db.session import open_judge_db  # noqa: E402
from e2judge.paths import Profile  # noqa: E402
from e2judge.services.judge.reports import write_entry_reports  # noqa: E402
from e2judge.services.judge.reports import write_judge_summary  # noqa: E402
from e2judge.pdf.results_report import write_results_pdf  # noqa: E402
from e2judge.services.judge.entries import list_entries  # noqa: E402
from e2judge.services.judge.import_batch import import_batch  # noqa: E402
from e2judge.services.judge.judge_key import ensure_judge_key  # noqa: E402
from e2judge.services.judge.rounds import list_rounds  # noqa: E402
from e2judge.services.judge.scoring import set_comment, set_overall_comment, set_points  # noqa: E402
from e2judge.services.judge.sheet_export import export_sheet  # noqa: E402
from e2judge.services.org.build import build_batches  # noqa: E402
from e2judge.services.org.collect import collect_sheets  # noqa: E402
from e2judge.services.org.results import compute_results  # noqa: E402
from e2judge.services.org.workspace import init_workspace  # noqa: E402

DEMO = REPO / "resources" / "demo" / "e2-2022"
OUT = Path(__file__).resolve().parent
PASSPHRASE = "mật khẩu mẫu báo cáo"  # noqa: S105 - throw-away keys of a sample
SHIFT = {"GK01": -1, "GK02": 1}  # a harsh and a lenient judge
SAMPLE_JUDGE = "GK03"  # whose reports are shown; leaves the last two entries unfinished

COMMENTS = {
    1: "Hoạt động chưa tạo được cơ hội để học sinh thể hiện tiêu chí này; nên thiết kế lại nhiệm vụ.",
    2: "Đã có ý thức thực hiện nhưng minh chứng còn mỏng, chưa thấy rõ vai trò của học sinh.",
    3: "Thiết kế tốt, minh chứng rõ ràng qua sản phẩm và ảnh lớp học.",
    4: "Rất ấn tượng: học sinh chủ động, sản phẩm có giá trị thực tế và được chia sẻ rộng rãi.",
}
OVERALL = (
    "Bài học được chuẩn bị công phu, tiến trình rõ ràng. Đề nghị bổ sung minh chứng về sự tiến bộ "
    "của học sinh (bài làm trước và sau) và mô tả cách đánh giá sản phẩm nhóm.",
    "Ý tưởng hay, gắn với thực tiễn địa phương. Phần kế hoạch cần nói rõ thời lượng từng hoạt động "
    "và cách hỗ trợ học sinh gặp khó khăn.",
    "Sản phẩm của học sinh thuyết phục; việc dùng công nghệ phục vụ đúng mục tiêu bài học. "
    "Có thể nhân rộng cho các trường khác.",
)


def points(judge: str, code: str, criterion: Criterion) -> float:
    """A deterministic, plausible score: mostly 2–3, moved by the judge's habit."""
    seed = int(hashlib.sha256(f"{code}/{criterion.id}".encode()).hexdigest(), 16)
    base = (1, 2, 2, 3, 3, 3, 4, 4)[seed % 8]
    allowed = criterion.allowed_points()
    return allowed[max(0, min(len(allowed) - 1, allowed.index(float(base)) + SHIFT.get(judge, 0)))]


def score_profile(root: Path, batch: Path, sheets: Path) -> tuple[Profile, str]:
    profile = Profile(root).ensure()
    with open_judge_db(profile.database) as db:
        import_batch(db, profile, batch)
        (ref,) = list_rounds(db)
        ensure_judge_key(profile, PASSPHRASE, f"{ref.judge_name} ({ref.judge_key})", n=2**14)
        actor = f"judge:{ref.judge_key}"
        rows = list_entries(db, ref)
        for number, row in enumerate(rows):
            unfinished = ref.judge_key == SAMPLE_JUDGE and number >= len(rows) - 2
            if unfinished and number == len(rows) - 1:
                continue  # not started
            for c in ref.rubric.criteria[: -1 if unfinished else None]:
                value = points(ref.judge_key, row.code, c)
                set_points(db, row.assignment_id, c.id, value, actor)
                if c.comment_required(value) or (number + len(c.id)) % 3 == 0:
                    set_comment(db, row.assignment_id, c.id, COMMENTS[int(value)], actor)
            set_overall_comment(db, row.assignment_id, OVERALL[number % len(OVERALL)], actor)
        export_sheet(db, profile, ref, sheets, PASSPHRASE, seal=False)
        return profile, ref.judge_key


def png(pdf: Path, name: str, page: int = 1) -> Path:
    target = OUT / name
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "70",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(target.with_suffix("")),
        ],
        check=True,
    )
    return target


def main() -> int:
    if shutil.which("pdftoppm") is None:
        print("pdftoppm is missing: apt-get install -y poppler-utils", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="e2judge-samples-") as scratch:
        root = Path(scratch)
        orgdir = root / "org"
        init_workspace(orgdir, PASSPHRASE, "Ban tổ chức E2 (mẫu)")
        built = build_batches(
            orgdir,
            DEMO / "workbook.xlsx",
            root / "batches",
            PASSPHRASE,
            attachments=DEMO / "attachments",
            judges_per_entry=2,
        )
        sheets = root / "sheets"
        sheets.mkdir()
        profiles = dict(
            score_profile(root / f"judge-{i}", batch, sheets)[::-1]
            for i, batch in enumerate(sorted(built.files))
        )
        collect_sheets(orgdir, [sheets])
        results = compute_results(orgdir)
        profile = profiles[SAMPLE_JUDGE]
        with open_judge_db(profile.database) as db:
            (ref,) = list_rounds(db)
            write_entry_reports(db, profile, ref, root / "entry.pdf")
            write_judge_summary(db, profile, ref, root / "summary.pdf")
        write_results_pdf(results, root / "results.pdf")
        made = [
            png(root / "entry.pdf", "entry-report.png"),
            png(root / "summary.pdf", "judge-summary.png"),
            png(root / "results.pdf", "results-report.png"),
        ]
        reader = PdfReader(root / "results.pdf")
        chart_page = next(
            i
            for i, page in enumerate(reader.pages, start=1)
            if "Phân bố tổng điểm theo giám khảo" in (page.extract_text() or "")
        )
        made.append(png(root / "results.pdf", "results-chart.png", chart_page))
    for path in made:
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    sys.exit(main())
