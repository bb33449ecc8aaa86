"""File → export score sheet, print/save PDF, Excel, offline worksheet; Settings → my signing key.

Real windows on real profiles; only Qt's file dialogs and message-box answers are stood in for, and
the passphrase is typed into the real dialog while it runs modally.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QFileDialog, QMessageBox, QWidget
from pytest import MonkeyPatch
from pytestqt.qtbot import QtBot

from e2judge.formats.keys import read_public_key_file
from e2judge.formats.sheet import read_sheet_file
from e2judge.services.judge import scoring
from e2judge.services.judge.judge_key import ensure_judge_key, judge_key_info
from e2judge.ui.main_window import MainWindow
from e2judge.ui.passphrase_dialog import PassphraseDialog
from e2judge.ui.signing_key import fingerprint_lines
from e2judge.ui.worksheet_flow import ProblemsDialog
from tests.ui.conftest import UrlCatcher, WindowFactory, db_rows, stored_points

PASSPHRASE = "mật khẩu của giám khảo"
FAST_N = 2**14
D = TypeVar("D", bound=QWidget)


def when_modal(kind: type[D], act: Callable[[D], None], seen: list[D]) -> None:
    """Once a modal ``kind`` dialog is running (its own event loop), call ``act`` on it."""

    def attempt(tries: int) -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind):
            seen.append(dialog)
            act(dialog)
        elif tries < 500:
            QTimer.singleShot(10, lambda: attempt(tries + 1))

    QTimer.singleShot(0, lambda: attempt(0))


def type_passphrase(qtbot: QtBot, first: str, again: str | None = None) -> Callable[[PassphraseDialog], None]:
    def act(dialog: PassphraseDialog) -> None:
        dialog.passphrase.setText(first)
        dialog.repeat.setText(first if again is None else again)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    return act


def answer(monkeypatch: MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Every modal question gets ``button``; returns the questions (text and informative text)."""
    asked: list[str] = []

    def exec_(box: QMessageBox) -> int:
        asked.append(f"{box.text()}\n{box.informativeText()}")
        return int(button.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return asked


def with_key(window: MainWindow) -> None:
    """A signing key made beforehand with a fast KDF (the GUI itself uses the default cost)."""
    ensure_judge_key(window.ctx.profile, PASSPHRASE, "Trần Văn Đức (GK01)", n=FAST_N)


def score_all(window: MainWindow) -> None:
    """Every entry completely scored through the scoring service (comments where required)."""
    ref = window.controller.ref
    assert ref is not None
    for row in window.model.all_rows():
        for criterion, points in zip(ref.rubric.criteria, (2.0, 2.0, 3.5), strict=True):
            scoring.set_points(window.ctx.db, row.assignment_id, criterion.id, points, "judge:GK01")
    window.controller.reload_rows()


# -- score sheet --------------------------------------------------------------------------------


def test_first_export_creates_the_key_warns_about_incomplete_entries_and_writes_a_verified_sheet(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch, catcher: UrlCatcher
) -> None:
    window = make_window(entries=3)
    assert window.export_sheet_action.isEnabled()
    assert judge_key_info(window.ctx.profile) is None
    out = tmp_path / "usb"
    out.mkdir()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(out))
    seen: list[PassphraseDialog] = []
    errors: list[str] = []

    def create(dialog: PassphraseDialog) -> None:
        assert dialog.creating and dialog.repeat.isVisible()
        assert "ít nhất 8 ký tự" in dialog.explain.text()
        assert dialog.passphrase.echoMode() == dialog.passphrase.EchoMode.Password
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.passphrase.setText("ngắn")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.error.text())
        dialog.passphrase.setText(PASSPHRASE)
        dialog.repeat.setText(PASSPHRASE + "x")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.error.text())
        dialog.repeat.setText(PASSPHRASE)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(PassphraseDialog, create, seen)
    window.export_sheet_action.trigger()
    assert seen, "the passphrase dialog was not shown"
    assert errors == [
        "Mật khẩu phải có ít nhất 8 ký tự.",
        "Hai mật khẩu không giống nhau. Hãy gõ cùng một mật khẩu hai lần.",
    ]
    assert len(asked) == 1 and "3 bài chưa được chấm xong" in asked[0]
    assert "• E0001" in asked[0] and "• E0003" in asked[0]
    qtbot.waitUntil(lambda: window.sheet_exporter.done_dialog is not None, timeout=20000)

    files = list(out.iterdir())
    assert [f.name for f in files] == ["e2-2025-GK01-r1.e2sheet"]
    sheet, _data = read_sheet_file(files[0])
    assert sheet.payload.judge_id == "GK01" and sheet.payload.revision == 1
    assert [e.code for e in sheet.payload.entries] == ["E0001", "E0002", "E0003"]
    assert not any(e.complete for e in sheet.payload.entries)
    info = judge_key_info(window.ctx.profile)
    assert info is not None and sheet.signer_fingerprint == info.fingerprint

    dialog = window.sheet_exporter.done_dialog
    assert dialog.headline.text() == "Đã lưu an toàn — có thể rút USB"
    assert dialog.path.text() == str(files[0])
    assert dialog.revision.text() == "1"
    assert dialog.fingerprint.text() == info.fingerprint
    assert dialog.incomplete.isVisible() and dialog.incomplete.text().startswith("3/3 bài được xuất")
    email = dialog.email.toPlainText()
    assert email.startswith("Phiếu chấm điểm — ")
    assert "e2-2025-GK01-r1.e2sheet" in email and info.fingerprint in email
    assert dialog.email.isReadOnly()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == email
    qtbot.mouseClick(dialog.folder_button, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in catcher.urls] == [out]
    assert db_rows(window.ctx.profile.database, "SELECT revision FROM sheet_revision") == [(1,)]
    dialog.close()


def test_a_complete_round_exports_without_warning_and_the_next_export_is_revision_2(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=2)
    with_key(window)
    score_all(window)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(tmp_path))
    for revision in (1, 2):
        seen: list[PassphraseDialog] = []
        when_modal(PassphraseDialog, type_passphrase(qtbot, PASSPHRASE), seen)
        assert window.export_sheet()
        assert len(seen) == 1 and not seen[0].creating
        qtbot.waitUntil(lambda: window.sheet_exporter.done_dialog is not None, timeout=20000)
        dialog = window.sheet_exporter.done_dialog
        assert dialog.revision.text() == str(revision)
        assert not dialog.incomplete.isVisible()
        dialog.close()
        qtbot.waitUntil(lambda: window.sheet_exporter.done_dialog is None)
    assert asked == []
    sheet, _data = read_sheet_file(tmp_path / "e2-2025-GK01-r2.e2sheet")
    assert all(e.complete for e in sheet.payload.entries)


def test_a_wrong_passphrase_is_refused_in_the_dialog_before_the_folder_is_asked(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=2)
    with_key(window)
    out = tmp_path / "usb"
    out.mkdir()
    asked = answer(monkeypatch, QMessageBox.StandardButton.Yes)
    folders: list[Any] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **_k: folders.append(a) or str(out))
    errors: list[str] = []

    def wrong_then_right(dialog: PassphraseDialog) -> None:
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        dialog.passphrase.setText("không phải mật khẩu")
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
        errors.append(dialog.error.text() if dialog.isVisible() and dialog.error.isVisible() else "")
        errors.append(f"folders asked: {len(folders)}")
        dialog.passphrase.setText(PASSPHRASE)
        qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)

    when_modal(PassphraseDialog, wrong_then_right, [])
    assert window.export_sheet()
    assert errors == [
        "Mật khẩu không đúng. Hãy gõ mật khẩu bạn đã chọn khi tạo khoá ký.",
        "folders asked: 0",
    ]
    assert len(folders) == 1
    # The incomplete warning says which revision this sheet is and which the next will be.
    assert "Phiếu này là lần xuất 1" in asked[0] and "lần xuất 2" in asked[0]
    qtbot.waitUntil(lambda: window.sheet_exporter.done_dialog is not None, timeout=20000)
    assert [f.name for f in out.iterdir()] == ["e2-2025-GK01-r1.e2sheet"]
    done = window.sheet_exporter.done_dialog
    assert "lần xuất 2" in done.incomplete.text() and "mới nhất" in done.incomplete.text()
    done.close()


def test_a_wrong_passphrase_at_export_time_shows_the_reason_and_writes_nothing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    """The key changed between the dialog and the export: the export refuses, nothing written."""
    window = make_window(entries=2)
    with_key(window)
    out = tmp_path / "usb"
    out.mkdir()
    answer(monkeypatch, QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a, **_k: str(out))
    monkeypatch.setattr(window.sheet_exporter, "check_passphrase", lambda _text: None)
    when_modal(PassphraseDialog, type_passphrase(qtbot, "không phải mật khẩu"), [])
    assert window.export_sheet()
    qtbot.waitUntil(lambda: window.sheet_exporter.message_box is not None, timeout=20000)
    box = window.sheet_exporter.message_box
    assert box.text() == "Mật khẩu không đúng. Chưa xuất gì cả."
    assert box.icon() == QMessageBox.Icon.Critical
    assert window.sheet_exporter.done_dialog is None
    assert list(out.iterdir()) == []
    assert db_rows(window.ctx.profile.database, "SELECT count(*) FROM sheet_revision") == [(0,)]
    box.close()


def test_declining_the_incomplete_warning_stops_before_the_passphrase(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=2)
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    folders: list[Any] = []
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **_k: folders.append(a) or "")
    assert not window.export_sheet()
    assert len(asked) == 1 and folders == [] and not window.tasks.running
    assert judge_key_info(window.ctx.profile) is None


# -- PDF and Excel ------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_save_pdf_of_this_entry_writes_its_rubric_report(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=3)
    window.select_row(1)
    suggested: list[str] = []

    def save_name(_parent: QWidget, _title: str, start: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(start).name)
        return str(tmp_path / "bao-cao"), "PDF"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    dialog = window.show_print_dialog()
    assert dialog is not None and dialog.entry_radio.isChecked()
    assert dialog.entry_name.text() == "E0002 · Ứng dụng công nghệ trong lớp học 2"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert suggested == ["phieu-cham-E0002.pdf"]
    qtbot.waitUntil(lambda: window.reports.last_written is not None, timeout=20000)
    out = tmp_path / "bao-cao.pdf"
    assert window.reports.last_written == out
    text = pdf_text(out)
    assert "Ứng dụng công nghệ trong lớp học 2" in text
    assert "Đổi mới phương pháp dạy học 1" not in text  # only this entry
    assert "PDF đã lưu" in window.statusBar().currentMessage()


def test_print_opens_the_summary_in_the_viewer(
    qtbot: QtBot, make_window: WindowFactory, catcher: UrlCatcher
) -> None:
    window = make_window(entries=3)
    dialog = window.show_print_dialog()
    assert dialog is not None
    dialog.summary_radio.setChecked(True)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(catcher.urls), timeout=20000)
    printed = Path(catcher.urls[0].toLocalFile())
    assert printed.name == "bang-tong-hop-GK01.pdf" and printed.is_file()
    assert "Học tập dự án STEM 3" in pdf_text(printed)
    window.close()
    assert not printed.exists()  # the temporary copy is removed with the window


def test_export_excel_writes_the_score_workbook(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=4)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "diem.xlsx"), ""))
    assert window.export_excel()
    qtbot.waitUntil(lambda: window.reports.last_written is not None, timeout=20000)
    book = load_workbook(tmp_path / "diem.xlsx")
    sheet = book.worksheets[0]
    codes = [sheet.cell(row=r, column=1).value for r in range(2, 6)]
    assert codes == ["E0001", "E0002", "E0003", "E0004"]


# -- offline worksheet --------------------------------------------------------------------------


def export_worksheet(qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: MonkeyPatch) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(path), ""))
    assert window.export_worksheet()
    qtbot.waitUntil(lambda: window.worksheets.message_box is not None, timeout=20000)
    window.worksheets.message_box.close()
    assert path.is_file()


def points_column(path: Path, number: int) -> int:
    sheet = load_workbook(path).worksheets[0]
    for cell in sheet[1]:
        if str(cell.value).startswith(f"{number}. "):
            return int(cell.column)
    raise AssertionError(number)


def edit_cells(path: Path, cells: dict[tuple[int, int], object]) -> None:
    book = load_workbook(path)
    sheet = book.worksheets[0]
    for (row, column), value in cells.items():
        sheet.cell(row=row, column=column).value = value
    book.save(path)


def test_worksheet_with_an_invalid_cell_lists_the_cell_and_changes_nothing(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=3)
    path = tmp_path / "bang-cham.xlsx"
    export_worksheet(qtbot, window, path, monkeypatch)
    first = points_column(path, 1)
    edit_cells(path, {(2, first): 7, (3, first): 3})  # 7 is above the maximum 4; row 3 is fine
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    assert window.import_worksheet()
    qtbot.waitUntil(lambda: window.worksheets.dialog is not None, timeout=20000)
    dialog = window.worksheets.dialog
    assert isinstance(dialog, ProblemsDialog)
    problems = dialog.problems()
    letter = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[first - 1]
    assert len(problems) == 1 and problems[0].startswith(f"Chấm điểm!{letter}2: ")
    assert "7" in problems[0]
    assert stored_points(window, "E0001") == {} and stored_points(window, "E0002") == {}
    dialog.close()


def test_worksheet_conflicts_keep_the_apps_values_when_the_judge_says_no(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=3)
    path = tmp_path / "bang-cham.xlsx"
    export_worksheet(qtbot, window, path, monkeypatch)
    first = points_column(path, 1)
    window.select_row(0)
    qtbot.keyClick(window.view.form.blocks[0], Qt.Key.Key_2)  # E0001: 1 point in the app, after export
    assert stored_points(window, "E0001") == {"tinh-moi": 1.0}
    edit_cells(path, {(2, first): 4, (3, first): 3})  # E0001 conflicts; E0002 is a plain change
    asked = answer(monkeypatch, QMessageBox.StandardButton.No)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a: (str(path), ""))
    assert window.import_worksheet()
    qtbot.waitUntil(lambda: window.worksheets.message_box is not None, timeout=20000)
    assert len(asked) == 1 and "Ghi đè điểm trong ứng dụng?" in asked[0]
    assert "E0001 · Tính mới: ứng dụng 1, bảng chấm 4" in asked[0]
    assert stored_points(window, "E0001") == {"tinh-moi": 1.0}
    assert stored_points(window, "E0002") == {"tinh-moi": 3.0}
    box = window.worksheets.message_box
    assert "Số thay đổi đã áp dụng: 1" in box.text()
    assert "giữ giá trị trong ứng dụng" in box.text()
    rows = {r.code: r for r in window.model.all_rows()}
    assert rows["E0002"].weighted == 6.0  # the list shows the imported score at once
    assert window.controller.detail is not None and window.controller.detail.points["tinh-moi"] == 1.0
    box.close()


# -- signing key --------------------------------------------------------------------------------


def test_my_signing_key_creates_the_key_shows_its_fingerprint_and_exports_it(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    window = make_window(entries=1)
    assert window.signing_key_action in window.settings_menu.actions()
    dialog = window.show_signing_key()
    assert dialog is not None
    assert dialog.create_button.isVisible() and not dialog.export_button.isVisible()
    assert not dialog.fingerprint.isVisible()
    seen: list[PassphraseDialog] = []
    when_modal(PassphraseDialog, type_passphrase(qtbot, PASSPHRASE), seen)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert seen and seen[0].creating
    qtbot.waitUntil(lambda: dialog.info is not None, timeout=20000)
    info = judge_key_info(window.ctx.profile)
    assert info is not None and info.label == "Trần Văn Đức (GK01)"
    assert dialog.fingerprint.isVisible()
    assert dialog.fingerprint.text() == fingerprint_lines(info.fingerprint)
    assert dialog.fingerprint.text().replace("\n", " ") == info.fingerprint
    assert dialog.key_id.text() == info.key_id
    assert not dialog.create_button.isVisible() and dialog.export_button.isVisible()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a: (str(tmp_path / "khoa"), ""))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    exported = read_public_key_file(tmp_path / "khoa.json")
    assert exported.fingerprint == info.fingerprint
    assert dialog.message_box is not None
    dialog.message_box.close()
    dialog.close()
    assert isinstance(dialog, QDialog)
