"""The entry details pane: plain-text fields, links, attachments with an inline preview.

The entry's text (top, scrolling) and its attachments with the preview (bottom) share the pane in a
vertical splitter. Each new entry gets the room its text needs, so nothing is cut off, as long as
the preview keeps a useful height; once the judge drags the divider, their choice is kept.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLocale, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImageReader, QMouseEvent, QPixmap, QResizeEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from e2judge.services.judge.entries import AttachmentInfo, EntryDetail
from e2judge.ui.attachment_viewer import AttachmentViewer
from e2judge.ui.attachments import AttachmentOpener, is_runnable, kind
from e2judge.ui.widgets import AMBER, GREY, RED, plain_label

MAX_PREVIEW_BYTES = 64 * 2**20
MIN_PREVIEW = 150  # px: the preview never gets less when the text takes its room
MIN_TEXT_SHARE = 0.4  # the text keeps at least this share of the pane


class ImagePreview(QLabel):
    """An image scaled to the available width, aspect ratio kept."""

    doubleClicked = Signal()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.doubleClicked.emit()
        super().mouseDoubleClickEvent(event)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pixmap = QPixmap()
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(QSize(80, 80))

    def set_image(self, pixmap: QPixmap) -> None:
        self._pixmap = pixmap
        self._rescale()

    def _rescale(self) -> None:
        if self._pixmap.isNull():
            self.clear()
            return
        self.setPixmap(
            self._pixmap.scaled(
                self.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._rescale()


class DetailsPane(QWidget):
    """Shows one ``EntryDetail``; entry text is always plain text."""

    def __init__(self, opener: AttachmentOpener, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Entry details"))
        self._opener = opener
        self._detail: EntryDetail | None = None
        self._blind = False

        self.code_label = plain_label(name=self.tr("Entry code"), selectable=True)
        self.code_label.setStyleSheet(f"color: {GREY};")
        self.title_label = plain_label(name=self.tr("Entry title"), selectable=True)
        title_font = self.title_label.font()
        title_font.setPointSizeF(title_font.pointSizeF() * 1.35)
        title_font.setWeight(title_font.Weight.DemiBold)
        self.title_label.setFont(title_font)
        self.flag_label = plain_label(name=self.tr("Text warning"))
        self.flag_label.setStyleSheet(f"color: {AMBER};")
        self.flag_label.hide()

        self.authors = plain_label(name=self.tr("Authors"), selectable=True)
        self.school = plain_label(name=self.tr("School"), selectable=True)
        self.province = plain_label(name=self.tr("Province"), selectable=True)
        self.category = plain_label(name=self.tr("Category"), selectable=True)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        self._form_labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(
            self._form_labels, (self.authors, self.school, self.province, self.category), strict=True
        ):
            label.setStyleSheet(f"color: {GREY};")
            self.form.addRow(label, field)

        self.description_header = self._header()
        self.description = plain_label(name=self.tr("Description"), selectable=True)
        self.links_header = self._header()
        self.links = plain_label(name=self.tr("Links"), selectable=True)
        self.attachments_header = self._header()
        self.attachment_list = QListWidget(self)
        self.attachment_list.setAccessibleName(self.tr("Attachments"))
        self.attachment_list.setUniformItemSizes(True)
        self.attachment_list.currentRowChanged.connect(self._preview_row)
        self.attachment_list.itemActivated.connect(lambda _item: self.open_current())
        self.open_button = QPushButton(self)
        self.open_button.setAccessibleName(self.tr("Open attachment"))
        self.open_button.clicked.connect(self.open_current)
        self.view_button = QPushButton(self)
        self.view_button.clicked.connect(self.view_large)
        self.viewer: AttachmentViewer | None = None
        self.attachment_message = plain_label(name=self.tr("Attachment message"))
        self.attachment_message.setStyleSheet(f"color: {RED};")
        self.attachment_message.hide()

        self.info = QWidget(self)
        lay = QVBoxLayout(self.info)
        lay.setContentsMargins(12, 10, 12, 10)
        lay.setSpacing(6)
        lay.addWidget(self.code_label)
        lay.addWidget(self.title_label)
        lay.addWidget(self.flag_label)
        lay.addLayout(self.form)
        lay.addWidget(self.description_header)
        lay.addWidget(self.description)
        lay.addWidget(self.links_header)
        lay.addWidget(self.links)
        lay.addStretch(1)
        self.text_scroll = QScrollArea(self)
        self.text_scroll.setWidgetResizable(True)
        self.text_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.text_scroll.setWidget(self.info)
        self.text_scroll.setAccessibleName(self.tr("Entry information"))

        self.preview = QStackedWidget(self)
        self.preview.setAccessibleName(self.tr("Attachment preview"))
        self.preview_empty = plain_label()
        self.preview_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_empty.setStyleSheet(f"color: {GREY};")
        self.image = ImagePreview(self)
        self.image.setAccessibleName(self.tr("Image preview"))
        self.pdf_document = QPdfDocument(self)
        self.pdf_view = QPdfView(self)
        self.pdf_view.setAccessibleName(self.tr("PDF preview"))
        self.pdf_view.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdf_view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Fitted to the width, a scroll bar that comes and goes changes the width it fits: while the
        # divider was dragged the view kept showing and hiding it (a resize feedback loop). It stays.
        self.pdf_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.pdf_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pdf_view.setDocument(self.pdf_document)
        self.pdf_view.viewport().installEventFilter(self)
        self.image.doubleClicked.connect(self.view_large)
        for widget in (self.preview_empty, self.image, self.pdf_view):
            self.preview.addWidget(widget)
        self.preview.setMinimumHeight(MIN_PREVIEW)

        self.files = QWidget(self)
        files = QVBoxLayout(self.files)
        files.setContentsMargins(12, 4, 12, 0)
        files.setSpacing(4)
        top_row = QHBoxLayout()
        top_row.addWidget(self.attachments_header)
        top_row.addStretch(1)
        top_row.addWidget(self.view_button)
        top_row.addWidget(self.open_button)
        files.addLayout(top_row)
        files.addWidget(self.attachment_list)
        files.addWidget(self.attachment_message)
        files.addWidget(self.preview, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.text_scroll)
        self.splitter.addWidget(self.files)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([420, 280])
        self.splitter.setChildrenCollapsible(False)
        self.user_split = False  # the judge moved the divider: keep their sizes
        self.splitter.splitterMoved.connect(self._divider_moved)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)
        self.retranslate()
        self.show_detail(None)

    def _header(self) -> QLabel:
        label = QLabel(self)
        font = label.font()
        font.setWeight(font.Weight.DemiBold)
        label.setFont(font)
        label.setContentsMargins(0, 8, 0, 0)
        return label

    # -- sharing the height between the text and the attachments ------------------------------------

    def _divider_moved(self, _pos: int, _index: int) -> None:
        self.user_split = True

    def text_height(self) -> int:
        """The height the entry's text needs at the current width (without scrolling)."""
        width = self.text_scroll.viewport().width()
        needed = self.info.heightForWidth(width) if self.info.hasHeightForWidth() else -1
        return needed if needed > 0 else self.info.sizeHint().height()

    def fit_split(self) -> None:
        """Give the text the room it needs, leaving the attachments and a useful preview the rest."""
        if self.user_split or not self.files.isVisibleTo(self):
            return
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        rest = self.files.minimumSizeHint().height()
        top = max(min(self.text_height() + 2, total - rest), int(total * MIN_TEXT_SHARE))
        self.splitter.setSizes([top, total - top])

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self.fit_split)

    def retranslate(self) -> None:
        """Texts of our own (not the entry's) in the current language."""
        for label, text in zip(
            self._form_labels,
            (self.tr("Authors"), self.tr("School"), self.tr("Province"), self.tr("Category")),
            strict=True,
        ):
            label.setText(text)
        self.description_header.setText(self.tr("Description"))
        self.splitter.setAccessibleName(self.tr("Entry text and attachments"))
        self.splitter.handle(1).setAccessibleName(
            self.tr("Divider between the entry text and the attachments")
        )
        self.links_header.setText(self.tr("Links"))
        self.attachments_header.setText(self.tr("Attachments"))
        self.view_button.setText(self.tr("View large"))
        self.view_button.setAccessibleName(self.tr("View the attachment large"))
        self.view_button.setToolTip(
            self.tr("A large view with zoom and page keys (or double-click the preview)")
        )
        self.open_button.setText(self.tr("Open in viewer"))
        self.open_button.setToolTip(self.tr("Open the selected attachment with the computer's viewer"))
        self.flag_label.setText(
            self.tr("Hidden text-direction characters were removed from this entry's text.")
        )
        self.show_detail(self._detail, self._blind)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- content ----------------------------------------------------------------------------------

    def show_detail(self, detail: EntryDetail | None, blind: bool = False) -> None:
        """Show ``detail`` (None: nothing selected). People are hidden when ``blind``."""
        previous = self._detail
        self._detail, self._blind = detail, blind
        if detail is None:
            self.code_label.setText("")
            self.title_label.setText(self.tr("No entry selected"))
            for i in range(4):
                self.form.setRowVisible(i, False)
            for widget in (self.description_header, self.description, self.links_header, self.links):
                widget.hide()
            self.attachments_header.hide()
            self.attachment_list.hide()
            self.open_button.hide()
            self.view_button.hide()
            self.attachment_message.hide()
            self.flag_label.hide()
            self.files.show()
            self._show_empty(self.tr("Select an entry in the list."))
            return
        self.code_label.setText(detail.code)
        self.title_label.setText(detail.title)
        self.flag_label.setVisible(detail.flagged)
        self.authors.setText(detail.authors)
        self.school.setText(detail.school)
        self.province.setText(detail.province)
        self.category.setText(detail.category)
        self.form.setRowVisible(0, not blind and bool(detail.authors))
        self.form.setRowVisible(1, not blind and bool(detail.school))
        self.form.setRowVisible(2, not blind and bool(detail.province))
        self.form.setRowVisible(3, bool(detail.category))
        self.description_header.setVisible(bool(detail.description))
        self.description.setVisible(bool(detail.description))
        self.description.setText(detail.description)
        needs = self.tr("(needs Internet)")
        self.links.setText("\n".join(f"{link}  {needs}" for link in detail.links))
        self.links_header.setVisible(bool(detail.links))
        self.links.setVisible(bool(detail.links))
        self.attachments_header.setVisible(bool(detail.attachments))
        self.attachment_list.setVisible(bool(detail.attachments))
        self.open_button.setVisible(bool(detail.attachments))
        self.view_button.setVisible(bool(detail.attachments))
        self.files.setVisible(bool(detail.attachments))  # no attachments: the text takes the pane
        self.attachment_message.hide()
        same = previous is not None and previous.assignment_id == detail.assignment_id
        keep = self.attachment_list.currentRow() if same else 0
        self.attachment_list.blockSignals(True)
        self.attachment_list.clear()
        locale = QLocale()
        for att in detail.attachments:
            item = QListWidgetItem(f"{att.name}  ({locale.formattedDataSize(att.size)})")
            item.setToolTip(att.name)
            self.attachment_list.addItem(item)
        self.attachment_list.blockSignals(False)
        row_height = max(self.attachment_list.sizeHintForRow(0), self.fontMetrics().lineSpacing() + 4)
        self.attachment_list.setFixedHeight(min(4, max(1, len(detail.attachments))) * row_height + 6)
        if detail.attachments:
            self.attachment_list.setCurrentRow(max(0, min(keep, len(detail.attachments) - 1)))
            if not same:
                self._preview_row(self.attachment_list.currentRow())
        else:
            self._show_empty(self.tr("This entry has no attachments."))
        if not same:
            QTimer.singleShot(0, self.fit_split)

    def current_attachment(self) -> AttachmentInfo | None:
        row = self.attachment_list.currentRow()
        if self._detail is None or not 0 <= row < len(self._detail.attachments):
            return None
        return self._detail.attachments[row]

    def open_current(self) -> None:
        """Open the selected attachment in the system viewer (never a program or script)."""
        info = self.current_attachment()
        if info is None:
            return
        if is_runnable(info.name):
            self._message(self.tr("This file type can run programs, so E2 Judge does not open it."))
            return
        try:
            opened = self._opener.open(info)
        except OSError:
            self._message(self.tr("The file is missing from this computer's store; import the batch again."))
            return
        if not opened:
            self._message(self.tr("No program on this computer can open this file."))
        else:
            self.attachment_message.hide()

    def view_large(self) -> AttachmentViewer | None:
        """The selected PDF or image in the large viewer (other files: the computer's viewer)."""
        info = self.current_attachment()
        if info is None:
            return None
        what = kind(info.name)
        if what not in ("pdf", "image") or not info.path.is_file():
            self.open_current()
            return None
        if self.viewer is None:
            self.viewer = AttachmentViewer(self.window())
            self.viewer.resize(self.window().size() * 0.9)
        if what == "pdf":
            if not self.viewer.show_pdf(str(info.path), info.name):
                self._message(self.tr("This PDF cannot be shown."))
                return None
        else:
            reader = QImageReader(str(info.path))
            reader.setDecideFormatFromContent(True)
            reader.setAutoTransform(True)
            image = reader.read()
            if image.isNull():
                self._message(self.tr("This image cannot be shown."))
                return None
            self.viewer.show_image(QPixmap.fromImage(image), info.name)
        if self.viewer.isVisible():
            self.viewer.raise_()  # already open, maybe behind the main window
        else:
            self.viewer.show()
        self.viewer.activateWindow()
        return self.viewer

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.pdf_view.viewport() and event.type() == QEvent.Type.MouseButtonDblClick:
            self.view_large()
            return True
        return super().eventFilter(watched, event)

    def _message(self, text: str) -> None:
        self.attachment_message.setText(text)
        self.attachment_message.show()

    # -- preview ----------------------------------------------------------------------------------

    def _show_empty(self, text: str) -> None:
        self.pdf_document.close()
        self.image.set_image(QPixmap())
        self.preview_empty.setText(text)
        self.preview.setCurrentWidget(self.preview_empty)

    def _preview_row(self, row: int) -> None:
        if self._detail is None or not 0 <= row < len(self._detail.attachments):
            return
        info = self._detail.attachments[row]
        what = kind(info.name)
        if not info.path.is_file():
            self._show_empty(self.tr("The file is missing from this computer's store."))
            return
        self.view_button.setEnabled(what in ("pdf", "image"))
        if what == "video":
            self._show_empty(
                self.tr("A video: “Open in viewer” (or Enter) plays it in the computer's player.")
            )
            return
        if what == "other" or info.size > MAX_PREVIEW_BYTES:
            self._show_empty(self.tr("No preview for this file. Use “Open in viewer”."))
            return
        if what == "image":
            reader = QImageReader(str(info.path))
            reader.setDecideFormatFromContent(True)
            reader.setAutoTransform(True)
            image = reader.read()
            if image.isNull():
                self._show_empty(self.tr("This image cannot be shown."))
                return
            self.pdf_document.close()
            self.image.set_image(QPixmap.fromImage(image))
            self.preview.setCurrentWidget(self.image)
            return
        self.image.set_image(QPixmap())
        error = self.pdf_document.load(str(info.path))
        if error != QPdfDocument.Error.None_:
            self._show_empty(self.tr("This PDF cannot be shown."))
            return
        self.preview.setCurrentWidget(self.pdf_view)
