"""A whole contest through the organizer's window, with real files and the real services.

Workbook with problems → fixed → plan preview with a manual move (one refused) → build → sheets
made by three judge profiles through the judge's services → collect (with a forged and an old
sheet) → dashboard numbers → results table checked against ``org results --json``.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from e2judge.cli.main import main
from e2judge.formats.keys import read_public
from e2judge.paths import OrgWorkspace
from e2judge.services.judge.scoring import set_points
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.services.org.verdicts import Kind
from e2judge.ui.i18n import Languages
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.window import OrganizerWindow
from tests.helpers.org_workbooks import broken_workbook, example_workbook
from tests.helpers.sheet_world import JUDGE_PASSPHRASE, assignments, judge_profile, pick, score_round

ORG_PASSPHRASE = "mật khẩu ban tổ chức"


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> Iterator[OrganizerWindow]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    languages = Languages(app, "vi")
    ctx = OrgContext(
        languages,
        ask_passphrase=lambda _parent, _action: ORG_PASSPHRASE,
        ask_save=lambda _parent, _title, name: tmp_path / name,
        ask_folder=lambda _parent, _title, name: tmp_path / name,
    )
    win = OrganizerWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    languages.close()


def finish(qtbot: QtBot, win: OrganizerWindow) -> None:
    """Wait for the background job, then close the message boxes it opened."""
    qtbot.waitUntil(lambda: not win.busy, timeout=120_000)
    for box in win.findChildren(QMessageBox):
        box.close()


def texts(win: OrganizerWindow) -> list[str]:
    return [f"{b.text()} {b.informativeText()}" for b in win.findChildren(QMessageBox) if b.isVisible()]


def test_whole_contest_through_the_window(
    qtbot: QtBot, window: OrganizerWindow, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    win = window
    assert win.stack.currentWidget() is win.start
    win.create_workspace(tmp_path / "btc", "Ban tổ chức thử", ORG_PASSPHRASE)
    qtbot.waitUntil(lambda: not win.busy, timeout=60_000)
    assert win.stack.currentWidget() is win.tabs
    shown = win.fingerprint_dialog.groups.text()
    assert shown.split() == read_public(OrgWorkspace(tmp_path / "btc").signing_key).fingerprint.split()
    assert len(shown.splitlines()) == 2  # large groups, three to a line
    win.fingerprint_dialog.close()
    assert win.title.text() == "Không gian làm việc mới: chưa tạo cuộc thi nào"

    # The workbook: every problem at once, then fixed and checked again.
    book = tmp_path / "danh-sach.xlsx"
    win.workbook.open_workbook(broken_workbook(book))
    finish(qtbot, win)
    page = win.workbook.page
    assert win.workbook.problems.rowCount() == 6
    assert page.summary.text().startswith("Tìm thấy 6 lỗi")
    sheets = {win.workbook.problems.row_at(i).sheet for i in range(6)}
    assert {"Contest", "Entries", "Judges", "Rubric"} <= sheets
    assert not page.build_button.isEnabled()
    example_workbook(book)
    qtbot.mouseClick(page.recheck_button, Qt.MouseButton.LeftButton)
    finish(qtbot, win)
    assert win.workbook.problems.rowCount() == 0
    assert page.build_button.isEnabled()
    loads = {r.judge_id: r.load for r in win.workbook.plan.rows}
    assert loads == {"GK01": 3, "GK02": 3, "GK03": 3, "GK04": 3}

    # A manual move: to GK02 (B001's own school) is refused with the reason; another one is kept.
    plan = win.workbook.current_plan
    assert plan is not None and "B001" not in plan["GK02"]
    holder = next(j for j in sorted(plan) if "B001" in plan[j])
    page.move_entry.setCurrentText("B001")
    page.move_from.setCurrentText(holder)
    page.move_to.setCurrentText("GK02")
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert "trường" in page.moves_label.text() and win.workbook.moves == []
    free = next(j for j in ("GK01", "GK03", "GK04") if "B001" not in plan[j])
    page.move_to.setCurrentText(free)
    qtbot.mouseClick(page.move_button, Qt.MouseButton.LeftButton)
    assert [(m.code, m.source, m.target) for m in win.workbook.moves] == [("B001", holder, free)]
    moved = {r.judge_id: r.load for r in win.workbook.plan.rows}
    assert (moved[holder], moved[free]) == (loads[holder] - 1, loads[free] + 1)

    # Build: four signed batches; the header now names the contest.
    qtbot.mouseClick(page.build_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not win.busy, timeout=120_000)
    assert any("Đã ghi 4 lô bài" in t for t in texts(win)), texts(win)
    finish(qtbot, win)
    batches = {p.name.split(".")[-2].split("-")[0]: p for p in (tmp_path / "lo-bai").glob("*.e2batch")}
    assert sorted(batches) == ["GK01", "GK02", "GK03", "GK04"]
    handouts = sorted(p.name for p in (tmp_path / "lo-bai").glob("huong-dan-*.pdf"))
    assert handouts == [
        "huong-dan-GK01.pdf",
        "huong-dan-GK02.pdf",
        "huong-dan-GK03.pdf",
        "huong-dan-GK04.pdf",
    ]
    assert win.title.text() == "Diễn đàn Giáo dục E2 Việt Nam 2025 (ví dụ) — Vòng sơ khảo"

    # Three judges score through the judge's services and export sealed sheets.
    usb, old = tmp_path / "usb", tmp_path / "cu"
    usb.mkdir()
    old.mkdir()
    shifts = {"GK01": 1, "GK03": -2, "GK04": 0}
    for judge, shift in shifts.items():
        profile, db, ref = judge_profile(tmp_path / "giam-khao" / judge, batches[judge])
        with db:
            score_round(db, ref, lambda code, c, s=shift: pick(code, c, s))  # type: ignore[misc]
            first = export_sheet(db, profile, ref, usb, JUDGE_PASSPHRASE)
            if judge == "GK01":  # changes a score and sends revision 2; revision 1 is kept aside
                _code, assignment = sorted(assignments(db, ref).items())[0]
                criterion = ref.rubric.criteria[0]
                set_points(db, assignment, criterion.id, criterion.max_points, "judge:GK01")
                export_sheet(db, profile, ref, usb, JUDGE_PASSPHRASE)
                shutil.move(first.path, old / first.path.name)
    genuine = next(usb.glob("*GK03*"))
    forged = usb / "phieu-GK03-da-sua.e2sheet"
    data = bytearray(genuine.read_bytes())
    spot = next(i for i in range(len(data) // 2, len(data)) if chr(data[i]).isalpha())
    data[spot] ^= 0x20  # a letter of the sealed ciphertext changes case: still base64, no longer genuine
    forged.write_bytes(bytes(data))

    # Collect the USB folder, then the old revision on its own.
    win.tabs.setCurrentWidget(win.collector.page)
    win.collector.collect([usb])
    finish(qtbot, win)
    kinds = {Path(r.row.file).name: r.kind for r in win.collector.model.rows}
    assert kinds.pop(forged.name) is Kind.FORGED
    assert kinds.pop(next(n for n in kinds if "GK01" in n)) is Kind.NEWER
    assert set(kinds.values()) == {Kind.ACCEPTED}
    assert win.collector.page.summary.text() == "4 tệp: 3 đã gộp, 1 bị từ chối, 0 không thay đổi."
    win.collector.collect([old])
    finish(qtbot, win)
    assert [r.kind for r in win.collector.model.rows] == [Kind.OLDER]

    # The dashboard: GK02 has sent nothing; the others scored everything they were given.
    dash = win.dashboard
    rows = {r.judge_key: r for r in dash.all_rows}
    expected_load = {j: len(c) for j, c in win.workbook.current_plan.items()}  # type: ignore[union-attr]
    for judge in shifts:
        assert (rows[judge].scored, rows[judge].assigned, rows[judge].missing) == (
            expected_load[judge],
            expected_load[judge],
            0,
        )
    assert rows["GK01"].sheet_revision == 2 and rows["GK03"].sheet_revision == 1
    assert (rows["GK02"].returned, rows["GK02"].missing) == (False, expected_load["GK02"])
    dash.page.filter.setCurrentIndex(1)  # not returned
    assert [r.judge_key for r in dash.model.rows] == ["GK02"]
    assert dash.page.summary.text() == "4 giám khảo: 3 đã gửi phiếu, 3 đã chấm đủ, 1 còn thiếu."
    qtbot.mouseClick(dash.page.remind_button, Qt.MouseButton.LeftButton)
    reminder = QApplication.clipboard().text()
    assert "Lê Thị Ngọc Diệp (GK02): chưa nhận được phiếu" in reminder
    assert "Nguyễn Văn Thành" not in reminder and "Hạn chấm là 2025-06-30." in reminder

    # Results: the window's table holds what 'org results --json' says.
    capsys.readouterr()
    assert main(["org", "results", str(tmp_path / "btc"), "--json"]) == 0
    cli = json.loads(capsys.readouterr().out)
    shown = {r.code: r for r in win.results.entries.rows}
    assert sorted(shown) == sorted(e["code"] for e in cli["entries"])
    for entry in cli["entries"]:
        row = shown[entry["code"]]
        assert (row.rank, row.returned, row.assigned, row.discrepancy) == (
            entry["rank"],
            entry["returned"],
            entry["assigned"],
            entry["discrepancy"],
        )
        assert row.mean == pytest.approx(entry["mean"]) and row.normalised == pytest.approx(
            entry["normalised"]
        )
    assert {j.judge_key: j.severity for j in win.results.judges.rows} == pytest.approx(
        {j["judge_key"]: j["severity"] for j in cli["judges"]}
    )
    model = win.results.entries
    model.sort(0, Qt.SortOrder.AscendingOrder)
    ranks = [model.row_at(i).rank for i in range(model.rowCount())]
    assert [r for r in ranks if r is not None] == sorted(r for r in ranks if r is not None)
    assert len(win.results.page.boxes.boxes) == 3

    # The audit log holds the build, the manual move and the collect that merged sheets.
    actions = [r.action for r in win.audit.model.rows]
    assert actions.count("collect") == 1 and "build" in actions  # the second one merged nothing
    (move,) = [r for r in win.audit.model.rows if r.action == "reassign"]
    assert move.detail == f"B001: {holder} → {free}"
