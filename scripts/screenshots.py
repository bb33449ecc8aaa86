"""Write PNG screenshots of the judge's window at 1366×768 (``make screenshots``).

Usage: ``python scripts/screenshots.py docs/screenshots``. Uses the bundled demo batch (judge
GK01) in a throw-away profile, the offscreen platform and the bundled Be Vietnam Pro font.
Writes: 01-welcome.png, 02-scoring-vi.png, 03-my-scores.png, 04-english.png, 05-conflict.png,
06-export-done.png (a real score sheet exported to a scratch "USB" folder, then the success dialog),
07-confirmation-pdf.png (the green band after "Lưu PDF"), 08-key-from-list.png (a digit typed in
the entry list, and what it says), 09-viewer.png (the large attachment viewer), 10-guide.png,
11-file-dialog-vi.png (Qt's own file dialog in Vietnamese), 12-empty-search.png,
then the organizer's window: organizer-*.png (``scripts/organizer_screenshots.py``).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from e2judge.app import import_demo, make_application
from e2judge.db.session import open_judge_db
from e2judge.paths import Profile
from e2judge.services.judge.entries import Status
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.ui.context import AppContext
from e2judge.ui.export_done import ExportDoneDialog
from e2judge.ui.i18n import Languages
from e2judge.ui.main_window import MainWindow
from e2judge.ui.settings import UiSettings

SIZE = (1366, 768)


def settle(app: QApplication, rounds: int = 6) -> None:
    for _ in range(rounds):
        app.processEvents()


def window_for(app: QApplication, root: Path, lang: str, *, demo: bool) -> MainWindow:
    profile = Profile(root).ensure()
    db = open_judge_db(profile.database)
    if demo and not import_demo(db, profile):
        raise SystemExit("the demo batches (resources/demo/batches) are missing")
    ctx = AppContext(profile, db, Languages(app, lang), UiSettings(profile), demo=demo)
    window = MainWindow.for_context(ctx)
    window.resize(*SIZE)
    window.show()
    window.backups.wait()
    settle(app)
    return window


def with_dialog(window: QWidget, dialog: QWidget) -> QPixmap:
    """The window dimmed, with ``dialog`` centred over it in a plain title bar (as a modal looks)."""
    shot = window.grab()
    painter = QPainter(shot)
    painter.fillRect(shot.rect(), QColor(15, 23, 42, 90))
    picture = dialog.grab()
    bar = 30
    x = (shot.width() - picture.width()) // 2
    y = (shot.height() - picture.height() - bar) // 2
    painter.fillRect(x - 1, y - 1, picture.width() + 2, picture.height() + bar + 2, QColor("#94a3b8"))
    painter.fillRect(x, y, picture.width(), bar, QColor("#e2e8f0"))
    font = painter.font()
    font.setWeight(QFont.Weight.DemiBold)
    painter.setFont(font)
    painter.setPen(QColor("#1e293b"))
    painter.drawText(
        x + 12, y, picture.width() - 24, bar, Qt.AlignmentFlag.AlignVCenter, dialog.windowTitle()
    )
    painter.drawPixmap(QPoint(x, y + bar), picture)
    painter.end()
    return shot


def score_entry(
    app: QApplication, window: MainWindow, row: int, levels: list[int], comment: str = ""
) -> None:
    window.select_row(row)
    settle(app, 2)
    form = window.view.form
    for block, level in zip(form.blocks, levels, strict=False):
        block.choose_level(level)
    if comment:
        form.blocks[0].comment.setPlainText(comment)
        form.flush()
    settle(app, 2)


def wait_for(app: QApplication, done: Callable[[], bool], seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while not done() and time.monotonic() < end:
        app.processEvents()
        time.sleep(0.02)


def more_shots(app: QApplication, window: MainWindow, scratch: Path, out: Path) -> list[Path]:
    """The confirmations, scoring from the list, the viewer, the guide, Qt's dialog, empty search."""
    written: list[Path] = []
    pdf = scratch / "Phiếu chấm E2.pdf"
    QFileDialog.getSaveFileName = staticmethod(lambda *_a, **_k: (str(pdf), ""))  # type: ignore[method-assign]
    window.select_row(0)
    settle(app)
    dialog = window.show_print_dialog()
    assert dialog is not None
    dialog.save_button.click()
    wait_for(app, lambda: window.reports.last_written is not None)
    settle(app)
    written.append(out / "07-confirmation-pdf.png")
    window.grab().save(str(written[-1]))

    window.select_row(6)
    window.view.table.setFocus()
    settle(app)
    window._score_from_list(2)
    settle(app)
    written.append(out / "08-key-from-list.png")
    window.grab().save(str(written[-1]))

    details = window.view.details
    for row in range(window.model.rowCount()):
        window.select_row(row)
        settle(app, 2)
        names = [a.name.lower() for a in details._detail.attachments] if details._detail else []
        viewable = [i for i, n in enumerate(names) if n.endswith((".pdf", ".png", ".jpg", ".jpeg"))]
        if viewable:
            details.attachment_list.setCurrentRow(viewable[0])
            break
    viewer = details.view_large()
    if viewer is not None:
        viewer.resize(1200, 720)
        end = time.monotonic() + 3  # pages are rendered in the background
        while time.monotonic() < end:
            app.processEvents()
            time.sleep(0.05)
        written.append(out / "09-viewer.png")
        viewer.grab().save(str(written[-1]))
        viewer.close()

    guide = window.show_guide()
    guide.resize(760, 660)
    settle(app)
    written.append(out / "10-guide.png")
    with_dialog(window, guide).save(str(written[-1]))
    guide.close()

    files = QFileDialog(window, "Lưu PDF", str(scratch))
    files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    files.resize(760, 460)
    files.show()
    settle(app, 10)
    written.append(out / "11-file-dialog-vi.png")
    with_dialog(window, files).save(str(written[-1]))
    files.close()

    window.notice.dismiss()
    window.focus_search()
    window.view.filter_bar.search.setText("không có bài này")
    settle(app)
    written.append(out / "12-empty-search.png")
    window.grab().save(str(written[-1]))
    window.view.filter_bar.search.clear()
    window.notice.dismiss()
    settle(app)
    return written


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    app = make_application()
    scratch = Path(tempfile.mkdtemp(prefix="e2judge-shots-"))
    written: list[Path] = []

    welcome = window_for(app, scratch / "empty", "vi", demo=False)
    written.append(out / "01-welcome.png")
    welcome.grab().save(str(written[-1]))
    welcome.close()
    welcome.ctx.close_db()
    welcome.ctx.languages.close()  # one UI language per process, as in the app

    window = window_for(app, scratch / "demo", "vi", demo=True)
    # A few entries already judged, so the list and My scores look like a judge's second day.
    plans = [
        [3, 3, 2, 3, 3, 2],
        [2, 3, 3, 2, 2, 3],
        [3, 2, 2, 3, 2, 2],
        [2, 2, 3, 3, 3, 3],
        [3, 3, 3, 2, 3, 3],
    ]
    for row, levels in enumerate(plans, start=1):
        score_entry(app, window, row, levels)
    score_entry(app, window, 7, [3, 2, 3])
    window.select_row(0)
    settle(app)
    form = window.view.form
    form.blocks[0].choose_level(3)
    form.blocks[1].choose_level(2)
    form.blocks[0].comment.setPlainText("Học sinh chia nhóm, cùng chịu trách nhiệm về gian trưng bày chung.")
    form.flush()
    form.focus_criterion(1)
    settle(app)
    written.append(out / "02-scoring-vi.png")
    window.grab().save(str(written[-1]))

    dialog = window.show_my_scores()
    assert dialog is not None
    dialog.resize(1000, 620)
    settle(app)
    written.append(out / "03-my-scores.png")
    with_dialog(window, dialog).save(str(written[-1]))
    dialog.close()

    window.set_language("en")
    window.select_row(1)
    form.focus_criterion(0)
    settle(app)
    written.append(out / "04-english.png")
    window.grab().save(str(written[-1]))

    window.set_language("vi")
    conflict_row = next(
        (i for i, r in enumerate(window.model.rows()) if r.status is Status.NOT_STARTED),
        window.model.rowCount() - 1,
    )
    window.select_row(conflict_row)
    settle(app)
    conflict = window.show_conflict_dialog()
    assert conflict is not None
    conflict.reason.setPlainText("Tác giả là đồng nghiệp cùng tổ chuyên môn với tôi.")
    settle(app)
    written.append(out / "05-conflict.png")
    with_dialog(window, conflict).save(str(written[-1]))
    conflict.close()

    written += more_shots(app, window, scratch, out)

    ref = window.controller.ref
    assert ref is not None
    usb = scratch / "USB-E2"
    usb.mkdir()
    result = export_sheet(window.ctx.db, window.ctx.profile, ref, usb, "mật khẩu minh hoạ")
    done = ExportDoneDialog(result, window)
    settle(app)
    written.append(out / "06-export-done.png")
    with_dialog(window, done).save(str(written[-1]))
    done.close()
    window.close()
    window.ctx.close_db()
    window.ctx.languages.close()
    from organizer_screenshots import organizer_shots

    written += organizer_shots(app, out, with_dialog)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: screenshots.py OUTPUT_DIR", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(Path(sys.argv[1])))
