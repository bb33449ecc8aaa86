"""The large attachment viewer (zoom, pages, double-click) and the preview's resize loop."""

from __future__ import annotations

import io
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

from e2judge.services.judge.import_batch import import_batch
from e2judge.ui.main_window import MainWindow
from tests.ui.conftest import UrlCatcher, WindowFactory
from tests.ui.files import batch_with_files, png_bytes

CTRL = Qt.KeyboardModifier.ControlModifier


def pdf_pages(count: int, *, landscape: bool = False) -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out, pagesize=(A4[1], A4[0]) if landscape else A4)
    for number in range(count):
        page.drawString(72, 720, f"Trang {number + 1}")
        page.showPage()
    page.save()
    return out.getvalue()


def window_with(make_window: WindowFactory, tmp_path: Path, files: dict[str, bytes]) -> MainWindow:
    window = make_window(empty=True)
    import_batch(window.ctx.db, window.ctx.profile, batch_with_files(tmp_path / "org", files))
    window.controller.load_rounds()
    return window


class Toggles(QObject):
    """Counts how often a widget is shown or hidden."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, _watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.count += 1
        return False


def test_dragging_the_dividers_over_a_pdf_preview_settles(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    """The PDF preview fitted to its width used to show and hide its scroll bar on every step.

    A landscape page (slides) fitted to the width is about as high as the preview: each width
    change decided anew whether a scroll bar was needed, which changed the width again.
    """
    window = window_with(make_window, tmp_path, {"trinh-chieu.pdf": pdf_pages(1, landscape=True)})
    details = window.view.details
    assert details.preview.currentWidget() is details.pdf_view
    toggles = Toggles()
    details.pdf_view.verticalScrollBar().installEventFilter(toggles)
    splitter, inner = window.view.splitter, details.splitter
    app = QApplication.instance()
    assert app is not None
    for step in range(160):
        left = 260 + (step * 7) % 300
        splitter.setSizes([left, 300 + (step * 5) % 260, 1366 - left - 300 - (step * 5) % 260])
        top = 200 + (step * 11) % 250
        inner.setSizes([top, 700 - top])
        app.processEvents()
    for _ in range(20):
        app.processEvents()
    assert toggles.count <= 1, f"the scroll bar was shown or hidden {toggles.count} times"


def test_double_click_on_the_preview_opens_the_large_viewer_with_zoom_and_pages(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = window_with(make_window, tmp_path, {"ke-hoach.pdf": pdf_pages(4), "anh.png": png_bytes()})
    details = window.view.details
    names = [
        details.attachment_list.item(i).text().split()[0] for i in range(details.attachment_list.count())
    ]
    details.attachment_list.setCurrentRow(names.index("ke-hoach.pdf"))
    assert details.preview.currentWidget() is details.pdf_view
    qtbot.mouseDClick(details.pdf_view.viewport(), Qt.MouseButton.LeftButton)
    viewer = details.viewer
    assert viewer is not None and viewer.isVisible() and viewer.is_pdf()
    assert viewer.width() > window.width() * 0.8 and viewer.height() > window.height() * 0.8
    assert viewer.windowTitle() == "ke-hoach.pdf — E2 Judge"
    qtbot.waitExposed(viewer)
    viewer.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is viewer)
    assert viewer.current_page() == 0 and viewer.zoom is None
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    qtbot.keyClick(viewer, Qt.Key.Key_PageDown)
    assert viewer.current_page() == 2
    assert viewer.page_label.text().startswith("Trang 3 / 4")
    qtbot.keyClick(viewer, Qt.Key.Key_PageUp)
    assert viewer.current_page() == 1
    before = viewer.current_zoom()
    qtbot.keyClick(viewer, Qt.Key.Key_Plus, CTRL)
    assert viewer.zoom is not None and viewer.zoom > before
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, CTRL)
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, CTRL)
    assert viewer.zoom is not None and viewer.zoom < before
    qtbot.keyClick(viewer, Qt.Key.Key_0, CTRL)
    assert viewer.zoom is None
    # The image: same window, fitted to its width, zoomable.
    details.attachment_list.setCurrentRow(names.index("anh.png"))
    qtbot.mouseDClick(details.image, Qt.MouseButton.LeftButton)
    assert details.viewer is viewer and not viewer.is_pdf()
    assert not viewer.image_label.pixmap().isNull()
    width = viewer.image_label.width()  # 120 px wide, fitted to the window
    assert width > 600
    qtbot.keyClick(viewer, Qt.Key.Key_Minus, CTRL)
    assert viewer.image_label.width() < width
    qtbot.keyClick(viewer, Qt.Key.Key_Escape)
    assert not viewer.isVisible()


def test_a_video_opens_in_the_computers_player_from_the_profile_copy(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, catcher: UrlCatcher
) -> None:
    window = window_with(
        make_window, tmp_path, {"tiet-hoc.mp4": b"\x00\x00\x00\x18ftypmp42 not a real video"}
    )
    details = window.view.details
    assert "video" in details.preview_empty.text().lower()
    assert not details.view_button.isEnabled()
    qtbot.mouseClick(details.open_button, Qt.MouseButton.LeftButton)
    assert len(catcher.urls) == 1
    opened = Path(catcher.urls[0].toLocalFile())
    assert opened.name == "tiet-hoc.mp4"
    stored = details.current_attachment()
    assert stored is not None
    assert opened.read_bytes() == stored.path.read_bytes()
    assert opened.stat().st_ino == stored.path.stat().st_ino  # the profile's copy, not a second one
