"""Benchmark of the judge's window with 10,000- and 100,000-entry profiles (issues 3 and 14).

Builds each profile with the real pipeline (ContestSpec → build_manifest → signed write_batch →
import_batch), then measures:

(a) time from process start to the main window shown, as a ratio to a bare ``QApplication`` +
    empty ``QMainWindow`` started the same way in the same run (median of several runs each);
(b) p50/p99 latency of one score change committed, through the window's controller (the service
    call with ``synchronous=FULL``, the entry re-read and the list row updated);
(c) search-filter latency over the entries (the list model's filter + sort + reset);
(d) the app's resident memory with that profile open (measured in the started app process).

Baseline and subject alternate (bare window / app start; window score change / service call
alone on another entry), so a loaded machine slows both alike. ``--quick`` runs fewer starts.
The last lines are one JSON object per figure.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import signed_batch  # noqa: E402

from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec  # noqa: E402
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric  # noqa: E402
from e2judge.db.session import open_judge_db  # noqa: E402
from e2judge.paths import Profile  # noqa: E402
from e2judge.services.judge.import_batch import import_batch  # noqa: E402

SIZES = (10_000, 100_000)
START_RUNS = 3
SCORE_CHANGES = 400
TARGETS = {"startup_ratio": 2.0, "score_p99_ms": 20.0, "search_ms": 50.0, "rss_mb": 300.0}

WORDS = (
    "Đổi mới phương pháp dạy học",
    "Ứng dụng công nghệ",
    "Học tập dự án STEM",
    "Giáo dục kỹ năng sống",
    "Dạy học tích hợp liên môn",
    "Bảo tàng ảo",
    "Nước sạch cho làng chài",
    "Em kể chuyện bản làng",
    "Điện Biên Phủ",
    "Khởi nghiệp từ cây dừa",
)
PROVINCES = ("Hà Nội", "Đà Nẵng", "Gia Lai", "Huế", "Thanh Hoá", "Đồng Tháp", "Sơn La", "Bến Tre")
CATEGORIES = ("Bài học", "Dự án học tập", "Chuyên đề STEM", "Sáng kiến kinh nghiệm")


def rubric() -> Rubric:
    levels = tuple(Level(float(p), f"Mức {p}: mô tả mức độ đạt được của tiêu chí") for p in (1, 2, 3, 4))
    criteria = [
        Criterion(
            f"C{i}",
            f"Phần {1 + i // 2}",
            f"Tiêu chí {i + 1}",
            "Mô tả tiêu chí",
            4,
            1,
            1.0 + (i % 2) / 2,
            levels,
            CommentRule.EXTREMES if i == 2 else CommentRule.NEVER,
        )
        for i in range(5)
    ]
    criteria.append(Criterion("C5", "Phần 3", "Trình bày", "Điểm từ 0 đến 5", 5, 0.5, 1.0))
    return Rubric(tuple(criteria))


def build_profile(folder: Path, count: int) -> Profile:
    """A judge profile with one signed ``count``-entry batch imported by ``import_batch``."""
    entries = tuple(
        EntrySpec(
            code=f"E{i:05d}",
            title=f"{WORDS[i % len(WORDS)]} {i}",
            authors=f"Nguyễn Thị Hồng {i}",
            school=f"Trường THPT Lê Quý Đôn {i % 97}",
            province=PROVINCES[i % len(PROVINCES)],
            category=CATEGORIES[i % len(CATEGORIES)],
            description=f"Mô tả sáng kiến số {i}. " * 8,
            links=(f"https://sway.example/{i}",),
        )
        for i in range(1, count + 1)
    )
    judge = JudgeSpec("GK01", "Trần Văn Đức", "duc@example.edu.vn")
    spec = ContestSpec(
        "bench",
        "Diễn đàn E2 (benchmark)",
        "Vòng chung khảo",
        "2025-03-15",
        False,
        None,
        rubric(),
        entries,
        (judge,),
    )
    batch = signed_batch(folder / "bench.e2batch", spec)
    profile = Profile(folder / "profile").ensure()
    with open_judge_db(profile.database) as db:
        import_batch(db, profile, batch)
    return profile


BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1366, 768)
from PySide6.QtCore import QEvent, QObject

class FirstPaint(QObject):
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and hasattr(obj, "window"):
            if obj.window() is window:
                self.done = True
                print("SHOWN", flush=True)
                QTimer.singleShot(0, app.quit)
        return False

first_paint = FirstPaint()
app.installEventFilter(first_paint)
window.show()
app.exec()
"""

APP = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication
from e2judge.app import make_application, run_gui
from e2judge.ui.main_window import MainWindow

class FirstPaint(QObject):
    # Prints SHOWN when the main window paints for the first time (its menu bar or pages).
    done = False
    def eventFilter(self, obj, event):
        if not self.done and event.type() == QEvent.Type.Paint and hasattr(obj, "window"):
            if isinstance(obj.window(), MainWindow):
                self.done = True
                print("SHOWN", flush=True)
        return False

app = make_application()
first_paint = FirstPaint()
app.installEventFilter(first_paint)

def ready():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    if not windows or not windows[0].attached or windows[0].model.rowCount() == 0:
        QTimer.singleShot(1, ready)
        return
    import psutil
    print("READY", windows[0].model.rowCount(), psutil.Process().memory_info().rss, flush=True)
    windows[0].close()

QTimer.singleShot(0, ready)
sys.exit(run_gui(sys.argv[1], False, "vi"))
"""


def timed_start(code: str, *args: str) -> dict[str, tuple[float, list[str]]]:
    """Seconds from spawning ``python -c code`` to each marker line it prints ("SHOWN", "READY")."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )
    assert proc.stdout is not None
    marks: dict[str, tuple[float, list[str]]] = {}
    for line in proc.stdout:
        fields = line.split()
        if fields and fields[0] in ("SHOWN", "READY"):
            marks[fields[0]] = (time.perf_counter() - start, fields)
    if proc.wait(timeout=120) != 0 or "SHOWN" not in marks:
        raise RuntimeError(f"child exited with {proc.returncode} before showing its window")
    return marks


def measure_in_process(profile: Profile) -> tuple[list[float], list[float], list[float]]:
    """(score changes via the window, via the service alone, searches), in ms, in this process.

    Window changes and service-only changes alternate; the service-only ones go to the last entry
    of the list (not shown), so both pay the same commit and fsync on the same database.
    """
    from PySide6.QtWidgets import QApplication

    from e2judge.app import make_application
    from e2judge.ui.context import AppContext
    from e2judge.ui.entry_model import Filter
    from e2judge.ui.i18n import Languages
    from e2judge.ui.main_window import MainWindow
    from e2judge.ui.settings import UiSettings

    app = make_application()
    db = open_judge_db(profile.database)
    ctx = AppContext(profile, db, Languages(app, "vi"), UiSettings(profile))
    window = MainWindow.for_context(ctx, start_backups=False)
    window.resize(1366, 768)
    window.show()
    QApplication.processEvents()
    controller = window.controller
    from e2judge.services.judge import scoring

    other = window.model.row_at(window.model.rowCount() - 1).assignment_id
    score_ms: list[float] = []
    service_ms: list[float] = []
    for i in range(SCORE_CHANGES):
        if i % 20 == 0:
            window.select_row(i // 20)
        key = f"C{i % 5}"
        points = float(1 + (i // 5) % 4)
        start = time.perf_counter()
        controller.set_points(key, points)
        score_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        scoring.set_points(db, other, key, points, "bench")
        service_ms.append((time.perf_counter() - start) * 1000)
    queries = ["doi moi", "DUONG", "nguyen thi hong 9", "E0999", "hoc tap du an stem", "le quy don 42", "zz"]
    search_ms: list[float] = []
    for query in queries:
        runs = []
        for _ in range(5):
            start = time.perf_counter()
            window.model.set_filter(Filter(text=query))
            runs.append((time.perf_counter() - start) * 1000)
        search_ms.append(statistics.median(runs))
    window.model.set_filter(Filter())
    window.close()
    ctx.close_db()
    ctx.languages.close()
    return score_ms, service_ms, search_ms


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))
    return ordered[index]


def spread(values: list[float], scale: float = 1000.0) -> str:
    """min / median / max of ``values`` (seconds) in ms."""
    return "/".join(f"{v * scale:.0f}" for v in (min(values), statistics.median(values), max(values)))


def measure_size(count: int, runs: int) -> dict[str, float]:
    """Every figure of one profile size (medians), printing the runs as it goes."""
    with tempfile.TemporaryDirectory(prefix="e2judge-bench-ui-") as tmp:
        t0 = time.perf_counter()
        profile = build_profile(Path(tmp), count)
        print(
            f"profile with {count} entries built and imported in {time.perf_counter() - t0:.1f} s", flush=True
        )
        bare, started, ready, rss, rows = [], [], [], [], []
        for _ in range(runs):
            bare.append(timed_start(BARE)["SHOWN"][0])
            marks = timed_start(APP, str(profile.root))
            started.append(marks["SHOWN"][0])
            ready.append(marks["READY"][0])
            rows.append(int(marks["READY"][1][1]))
            rss.append(int(marks["READY"][1][2]) / 2**20)
        assert set(rows) == {count}, rows
        print(
            f"[{count}] (a) start, min/median/max of {runs} alternating runs: bare Qt window "
            f"{spread(bare)} ms; E2 Judge window shown {spread(started)} ms; "
            f"entries listed {spread(ready)} ms",
            flush=True,
        )
        score_ms, service_ms, search_ms = measure_in_process(profile)
    p50, p99 = statistics.median(score_ms), percentile(score_ms, 99)
    s50, s99 = statistics.median(service_ms), percentile(service_ms, 99)
    print(
        f"[{count}] (b) score change: p50 {p50:.1f} ms, p99 {p99:.1f} ms over {len(score_ms)} changes "
        f"(the service call alone, alternating: p50 {s50:.1f} ms, p99 {s99:.1f} ms)"
    )
    print(f"[{count}] (c) search filter: " + ", ".join(f"{v:.1f}" for v in search_ms) + " ms")
    print(f"[{count}] (d) resident memory {statistics.median(rss):.0f} MB", flush=True)
    return {
        "bare": statistics.median(bare) * 1000,
        "window": statistics.median(started) * 1000,
        "listed": statistics.median(ready) * 1000,
        "p99": p99,
        "service_p99": s99,
        "search": max(search_ms),
        "rss": statistics.median(rss),
    }


def figure(
    name: str, value: float, unit: str, baseline: float, target: object, note: str
) -> dict[str, object]:
    return {
        "bench": name,
        "value": round(value, 2),
        "unit": unit,
        "baseline": round(baseline, 2),
        "ratio": round(value / baseline, 3),
        "target": target,
        "note": note,
    }


def main() -> int:
    runs = 1 if "--quick" in sys.argv else START_RUNS
    small, large = (measure_size(count, runs) for count in SIZES)
    bare_note = f"baseline: bare QApplication + empty QMainWindow started the same way, median of {runs}"
    figures = [
        figure(
            "ui_score_change_p99_10k",
            small["p99"],
            "ms",
            20.0,
            "ratio <= 1.0",
            "baseline is the 20 ms target; window controller path, synchronous=FULL",
        ),
        figure(
            "ui_score_change_p99_100k",
            large["p99"],
            "ms",
            20.0,
            "ratio <= 1.0",
            "baseline is the 20 ms target; window controller path, synchronous=FULL",
        ),
        figure(
            "ui_score_change_vs_service_100k",
            large["p99"],
            "ms",
            large["service_p99"],
            "ratio <= 1.5",
            "baseline: p99 of scoring.set_points alone, alternating with the window's changes",
        ),
        figure(
            "ui_startup_to_window",
            small["window"],
            "ms",
            small["bare"],
            "ratio <= 2.0",
            bare_note + "; 10,000-entry profile",
        ),
        figure("ui_entries_listed_10k", small["listed"], "ms", small["bare"], "ratio <= 3.0", bare_note),
        figure("ui_entries_listed_100k", large["listed"], "ms", large["bare"], "ratio <= 5.0", bare_note),
        figure(
            "ui_search_100k",
            large["search"],
            "ms",
            50.0,
            "ratio <= 1.0",
            "baseline is the 50 ms target; slowest of 7 queries (median of 5 each)",
        ),
        figure(
            "ui_resident_memory_10k",
            small["rss"],
            "MB",
            300.0,
            "ratio <= 1.0",
            "baseline is the 300 MB limit; RSS of the app process, entries listed",
        ),
    ]
    for item in figures:
        print(json.dumps(item, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
