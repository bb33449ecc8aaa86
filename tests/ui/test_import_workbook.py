"""Importing the organizer's workbook through the window: asking which judge you are first."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from e2judge.paths import resource
from e2judge.services.judge.rounds import list_rounds
from e2judge.ui.judge_choice import JudgeChoiceDialog
from e2judge.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, db_rows
from tests.ui.test_import import drag_events

DEMO = resource("demo", "e2-2022")


def copy_demo(folder: Path) -> Path:
    """The demo workbook (6 judges, 48 entries) with its attachments folder beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(DEMO / "workbook.xlsx", folder / "workbook.xlsx")
    shutil.copytree(DEMO / "attachments", folder / "attachments")
    return folder / "workbook.xlsx"


def table_counts(window: MainWindow) -> dict[str, int]:
    db = window.ctx.profile.database
    return {t: int(db_rows(db, f"SELECT count(*) FROM {t}")[0][0]) for t in ("batch", "entry", "assignment")}


def assigned_judges(window: MainWindow) -> set[str]:
    rows = db_rows(
        window.ctx.profile.database,
        "SELECT DISTINCT j.judge_key FROM assignment a JOIN judge j ON j.id = a.judge_id",
    )
    return {str(r[0]) for r in rows}


def wait_for_chooser(qtbot: QtBot, window: MainWindow) -> JudgeChoiceDialog:
    qtbot.waitUntil(lambda: window.importer.chooser is not None and window.importer.chooser.isVisible())
    chooser = window.importer.chooser
    assert isinstance(chooser, JudgeChoiceDialog)
    return chooser


def test_dropping_a_workbook_asks_which_judge_and_imports_that_judge(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    workbook = copy_demo(tmp_path / "org")
    window = make_window(empty=True)
    enter, drop, _mime = drag_events(workbook)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, drop)
    chooser = wait_for_chooser(qtbot, window)
    assert table_counts(window) == {"batch": 0, "entry": 0, "assignment": 0}  # nothing before the choice
    assert window.importer.running
    assert not window.import_file(workbook)  # one import at a time, also while asking
    assert chooser.combo.count() == 6
    assert chooser.combo.itemText(0) == "GK01 — Nguyễn Thị Minh Phương (Trường Đại học Sư phạm Hà Nội)"
    assert chooser.windowTitle() == "Bạn là giám khảo nào?"
    assert "workbook.xlsx" in chooser.explain.text() and "6" in chooser.explain.text()
    assert ".e2batch" in chooser.unsigned.text() and "ban tổ chức" in chooser.unsigned.text()
    ok = chooser.buttons.button(QDialogButtonBox.StandardButton.Ok)
    cancel = chooser.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    assert (ok.text(), cancel.text()) == ("Đồng ý", "Huỷ")
    for control in (chooser, chooser.combo, chooser.explain, chooser.unsigned, ok, cancel):
        assert control.accessibleName()
    chooser.combo.setCurrentIndex(2)
    with qtbot.waitSignal(window.importer.imported, timeout=30_000) as imported:
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert imported.args[0].judge_id == "GK03"
    qtbot.waitUntil(lambda: not window.importer.running)
    refs = list_rounds(window.ctx.db)
    assert [(r.judge_key, r.judge_name, r.signed) for r in refs] == [("GK03", "Lê Thị Ngọc Bích", False)]
    assert assigned_judges(window) == {"GK03"}
    assert table_counts(window)["assignment"] == 48
    assert window.model.rowCount() == 48
    assert window.stack.currentWidget() is window.view


def test_cancelling_the_choice_imports_nothing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    workbook = copy_demo(tmp_path / "org")
    window = make_window()  # a batch is already imported: it must stay exactly as it is
    before = table_counts(window)
    rounds_before = list_rounds(window.ctx.db)
    files_before = sorted(p for p in window.ctx.profile.attachments.rglob("*") if p.is_file())
    assert window.import_file(workbook)
    chooser = wait_for_chooser(qtbot, window)
    chooser.combo.setCurrentIndex(2)
    cancel = chooser.buttons.button(QDialogButtonBox.StandardButton.Cancel)
    with qtbot.waitSignals([window.importer.cancelled, window.importer.finished], timeout=10_000):
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not window.importer.running
    assert table_counts(window) == before
    assert list_rounds(window.ctx.db) == rounds_before
    assert sorted(p for p in window.ctx.profile.attachments.rglob("*") if p.is_file()) == files_before
    assert window.statusBar().currentMessage() == "Đã huỷ nhập; không có gì bị thay đổi."


def test_a_workbook_with_one_judge_imports_without_asking(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    workbook = copy_demo(tmp_path / "org")
    book = load_workbook(workbook)
    judges = book["Judges"]
    judges.delete_rows(6, 2)  # GK05, GK06
    judges.delete_rows(2, 3)  # GK01..GK03: GK04 is the only judge left
    book.save(workbook)
    window = make_window(empty=True)
    # ``finished`` comes only after the whole import: an open question would hold it back.
    with qtbot.waitSignal(window.importer.finished, timeout=30_000):
        assert window.import_file(workbook)
    assert window.importer.chooser is None and not window.importer.running
    assert window.findChildren(JudgeChoiceDialog) == []
    assert [r.judge_key for r in list_rounds(window.ctx.db)] == ["GK04"]
    assert assigned_judges(window) == {"GK04"}
    assert table_counts(window)["assignment"] == 48


def test_an_invalid_workbook_is_refused_with_every_problem_and_no_question(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    workbook = copy_demo(tmp_path / "org")
    book = load_workbook(workbook)
    book["Entries"]["A3"] = None  # an entry without its code
    book["Judges"]["B4"] = None  # a judge without a name
    book.save(workbook)
    window = make_window(empty=True)
    with qtbot.waitSignal(window.importer.failed, timeout=30_000) as failed:
        assert window.import_file(workbook)
    box = window.importer.message_box
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert box.text() == "Không thể nhập tệp này. Không có gì bị thay đổi."
    detail = box.informativeText()
    assert "workbook.xlsx" in detail
    assert "Entries" in detail and "A3" in detail
    assert "Judges" in detail and "B4" in detail
    assert detail in str(failed.args[0])
    box.close()
    qtbot.waitUntil(lambda: not window.importer.running)
    assert window.findChildren(JudgeChoiceDialog) == []
    assert table_counts(window) == {"batch": 0, "entry": 0, "assignment": 0}
