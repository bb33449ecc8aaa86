"""Help → "Scoring guide": the three steps and the keys, from resources/help (offline)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from e2judge.paths import resource
from e2judge.ui.i18n import translate_buttons


def guide_text(lang: str) -> str:
    """The guide in ``lang`` (Markdown), else the English one."""
    for code in (lang, "en"):
        path = resource("help", f"guide.{code}.md")
        if path.is_file():
            return path.read_text(encoding="utf-8")
    return ""


class GuideDialog(QDialog):
    """The guide, readable offline; non-modal so it can stay open beside the window."""

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Scoring guide"))
        self.setAccessibleName(self.tr("Scoring guide"))
        self.resize(720, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setAccessibleName(self.tr("Scoring guide"))
        self.browser.setMarkdown(guide_text(lang))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        translate_buttons(buttons)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
