"""The large attachment viewer: a PDF or an image in its own window, with zoom and page keys.

Opened by double-clicking the preview or with "View large"; a non-modal window, so the judge
can keep it beside the rubric. Keys: Ctrl+plus / Ctrl+minus zoom, Ctrl+0 fits the width,
PgDown / PgUp turn the page (scroll an image), Esc closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from e2judge.ui.widgets import GREY, plain_label

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.1, 8.0


class AttachmentViewer(QDialog):
    """One PDF or image, large; ``zoom`` is None while it fits the width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.WindowMaximizeButtonHint, True)
        self.zoom: float | None = None
        self._pixmap = QPixmap()
        self.name_label = plain_label(wrap=False)
        self.page_label = plain_label(wrap=False)
        self.page_label.setStyleSheet(f"color: {GREY};")
        self.zoom_out_button = QPushButton("−", self)
        self.zoom_in_button = QPushButton("+", self)
        self.fit_button = QPushButton(self)
        self.close_button = QPushButton(self)
        for button, slot in (
            (self.zoom_out_button, lambda: self.zoom_by(1 / ZOOM_STEP)),
            (self.zoom_in_button, lambda: self.zoom_by(ZOOM_STEP)),
            (self.fit_button, self.fit),
            (self.close_button, self.close),
        ):
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        bar = QHBoxLayout()
        bar.addWidget(self.name_label, 1)
        bar.addWidget(self.page_label)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button, self.close_button):
            bar.addWidget(button)

        self.document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setDocument(self.document)
        # A scroll bar that comes and goes changes the width, which changes the fitted zoom: a
        # resize feedback loop. It stays on.
        self.pdf_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.pdf_view.pageNavigator().currentPageChanged.connect(lambda _p: self._show_page())
        self.image_label = QLabel(self)
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area = QScrollArea(self)
        self.image_area.setWidget(self.image_label)
        self.image_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.pdf_view)
        self.stack.addWidget(self.image_area)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)

        for keys, slot in (
            ((QKeySequence.StandardKey.ZoomIn, "Ctrl+="), lambda: self.zoom_by(ZOOM_STEP)),
            ((QKeySequence.StandardKey.ZoomOut,), lambda: self.zoom_by(1 / ZOOM_STEP)),
            (("Ctrl+0",), self.fit),
            (("PgDown",), lambda: self.turn(1)),
            (("PgUp",), lambda: self.turn(-1)),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(slot)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Attachment viewer"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.zoom_out_button.setToolTip(self.tr("Zoom out (Ctrl+−)"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in (Ctrl++)"))
        self.fit_button.setText(self.tr("Fit width"))
        self.fit_button.setToolTip(self.tr("Fit the width of the window (Ctrl+0)"))
        self.close_button.setText(self.tr("Close"))
        self.pdf_view.setAccessibleName(self.tr("PDF document"))
        self.image_area.setAccessibleName(self.tr("Image"))
        self._show_page()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content ------------------------------------------------------------------------------

    def show_pdf(self, path: str, name: str) -> bool:
        """Load a PDF; False when it cannot be read."""
        if self.document.load(path) != QPdfDocument.Error.None_:
            return False
        self._titled(name)
        self.stack.setCurrentWidget(self.pdf_view)
        self.fit()
        return True

    def show_image(self, pixmap: QPixmap, name: str) -> None:
        self.document.close()
        self._pixmap = pixmap
        self._titled(name)
        self.stack.setCurrentWidget(self.image_area)
        self.fit()

    def _titled(self, name: str) -> None:
        self.setWindowTitle(self.tr("{name} — E2 Judge").format(name=name))
        self.name_label.setText(name)

    def is_pdf(self) -> bool:
        return self.stack.currentWidget() is self.pdf_view

    # -- zoom and pages ------------------------------------------------------------------------

    def fit(self) -> None:
        """Fit the width (the default)."""
        self.zoom = None
        if self.is_pdf():
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            self._scale_image()
        self._show_page()

    def current_zoom(self) -> float:
        if self.is_pdf():
            return float(self.pdf_view.zoomFactor())
        if self._pixmap.isNull() or self._pixmap.width() == 0:
            return 1.0
        return self.image_label.width() / self._pixmap.width()

    def zoom_by(self, factor: float) -> None:
        self.zoom = max(ZOOM_MIN, min(ZOOM_MAX, self.current_zoom() * factor))
        if self.is_pdf():
            self.pdf_view.setZoomMode(QPdfView.ZoomMode.Custom)
            self.pdf_view.setZoomFactor(self.zoom)
        else:
            self._scale_image()
        self._show_page()

    def _scale_image(self) -> None:
        if self._pixmap.isNull():
            self.image_label.clear()
            return
        if self.zoom is None:
            width = max(50, self.image_area.viewport().width() - 2)
            scaled = self._pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)
        else:
            scaled = self._pixmap.scaledToWidth(
                max(1, int(self._pixmap.width() * self.zoom)), Qt.TransformationMode.SmoothTransformation
            )
        self.image_label.setPixmap(scaled)
        self.image_label.resize(scaled.size())

    def turn(self, step: int) -> None:
        """Next (+1) or previous (-1) page; an image scrolls by a screenful."""
        if self.is_pdf():
            navigator = self.pdf_view.pageNavigator()
            page = max(0, min(self.document.pageCount() - 1, navigator.currentPage() + step))
            navigator.jump(page, QPointF(), navigator.currentZoom())
        else:
            bar = self.image_area.verticalScrollBar()
            bar.setValue(bar.value() + step * bar.pageStep())
        self._show_page()

    def current_page(self) -> int:
        return int(self.pdf_view.pageNavigator().currentPage()) if self.is_pdf() else 0

    def _show_page(self) -> None:
        if not isValid(self.document) or not isValid(self.page_label):
            return  # the window is being destroyed
        zoom = self.tr("fitted to the width") if self.zoom is None else f"{round(self.zoom * 100)}%"
        if self.is_pdf() and self.document.pageCount():
            self.page_label.setText(
                self.tr("Page {page} / {pages} · {zoom}").format(
                    page=self.current_page() + 1, pages=self.document.pageCount(), zoom=zoom
                )
            )
        else:
            self.page_label.setText(zoom)
        self.page_label.setAccessibleName(self.page_label.text())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.is_pdf() and self.zoom is None:
            self._scale_image()
