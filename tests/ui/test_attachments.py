"""Attachments: inline preview of real images and PDFs, links marked as needing Internet, safe opening."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from e2judge.ui.attachments import is_runnable, kind, safe_name
from e2judge.ui.main_window import MainWindow
from tests.ui.conftest import UrlCatcher, WindowFactory
from tests.ui.files import batch_with_files, pdf_bytes, png_bytes

FILES = {
    "anh-lop-hoc.png": png_bytes(),
    "ke-hoach.pdf": pdf_bytes(),
    "cai-dat.exe": b"MZ not really a program",
    "ghi-chu.txt": "Ghi chú của giáo viên".encode(),
}


def window_with_files(make_window: WindowFactory, tmp_path: Path) -> MainWindow:
    window = make_window(empty=True)
    batch = batch_with_files(tmp_path / "org", FILES)
    from e2judge.services.judge.import_batch import import_batch

    import_batch(window.ctx.db, window.ctx.profile, batch)
    window.controller.load_rounds()
    return window


def test_images_and_pdfs_preview_inline(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    window = window_with_files(make_window, tmp_path)
    details = window.view.details
    assert details.attachment_list.count() == 4
    assert details.attachment_list.item(0).text().startswith("anh-lop-hoc.png")
    assert details.preview.currentWidget() is details.image
    assert not details.image.pixmap().isNull()
    details.attachment_list.setCurrentRow(1)
    assert details.preview.currentWidget() is details.pdf_view
    assert details.pdf_document.pageCount() == 1
    details.attachment_list.setCurrentRow(3)
    assert details.preview.currentWidget() is details.preview_empty
    assert "Không xem trước được" in details.preview_empty.text()


def test_programs_are_never_opened_and_documents_open_as_a_named_copy(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, catcher: UrlCatcher
) -> None:
    window = window_with_files(make_window, tmp_path)
    details = window.view.details
    details.attachment_list.setCurrentRow(2)
    qtbot.mouseClick(details.open_button, Qt.MouseButton.LeftButton)
    assert catcher.urls == []
    assert details.attachment_message.isVisible()
    assert "chạy chương trình" in details.attachment_message.text()
    details.attachment_list.setCurrentRow(3)
    qtbot.mouseClick(details.open_button, Qt.MouseButton.LeftButton)
    assert len(catcher.urls) == 1
    opened = Path(catcher.urls[0].toLocalFile())
    assert opened.name == "ghi-chu.txt"
    assert opened.read_bytes() == FILES["ghi-chu.txt"]
    assert window.ctx.profile.root not in opened.parents  # a copy, the store stays untouched
    window.opener.cleanup()
    assert not opened.exists()


def test_links_are_marked_as_needing_internet(make_window: WindowFactory) -> None:
    window = make_window()
    assert window.view.details.links.text() == "https://sway.example/1  (cần Internet)"


def test_file_name_rules() -> None:
    assert is_runnable("setup.EXE") and is_runnable("a.pdf.bat") and is_runnable("x.exe. ")
    assert is_runnable("script.js") and is_runnable("link.lnk")
    assert not is_runnable("bai.pdf") and not is_runnable("anh.png") and not is_runnable("x.exe.pdf")
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Windows\\evil.pdf") == "evil.pdf"
    assert safe_name("a<b>:c?.pdf") == "a_b_c_.pdf"
    assert safe_name("...") == "attachment"
    assert safe_name("Kế hoạch bài dạy.pdf") == "Kế hoạch bài dạy.pdf"
    assert safe_name("CON.pdf") == "_CON.pdf" and safe_name("nul") == "_nul"  # Windows devices
    assert kind("A.JPG") == "image" and kind("b.pdf") == "pdf" and kind("c.docx") == "other"
