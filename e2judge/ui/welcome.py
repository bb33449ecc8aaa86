"""The first screen of an empty profile: open a batch, or drop one onto the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from e2judge import __version__
from e2judge.ui.widgets import GREY, plain_label


class WelcomePage(QWidget):
    """A calm first screen with one big action."""

    openRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Welcome"))
        self.title = QLabel(self)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setWeight(font.Weight.Bold)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle = plain_label()
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setStyleSheet(f"color: {GREY};")
        self.open_button = QPushButton(self)
        self.open_button.setMinimumHeight(44)
        self.open_button.setMinimumWidth(240)
        button_font = self.open_button.font()
        button_font.setPointSizeF(button_font.pointSizeF() * 1.15)
        button_font.setWeight(button_font.Weight.DemiBold)
        self.open_button.setFont(button_font)
        self.open_button.setStyleSheet(
            "QPushButton { background: #2563eb; color: white; border-radius: 8px; padding: 8px 22px; }"
            "QPushButton:hover { background: #1d4ed8; } QPushButton:focus { border: 2px solid #93c5fd; }"
        )
        self.open_button.clicked.connect(self.openRequested)
        self.drop_hint = plain_label()
        self.drop_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.steps = plain_label()
        self.steps.setStyleSheet(f"color: {GREY};")
        self.version = plain_label(f"E2 Judge {__version__}")
        self.version.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.version.setStyleSheet(f"color: {GREY};")

        card = QFrame(self)
        card.setObjectName("welcomeCard")
        card.setStyleSheet(
            "QFrame#welcomeCard { background: white; border: 2px dashed #cbd5e1; border-radius: 14px; }"
        )
        card.setFixedWidth(640)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(40, 36, 40, 36)
        inner.setSpacing(14)
        inner.addWidget(self.title)
        inner.addWidget(self.subtitle)
        inner.addSpacing(8)
        inner.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignCenter)
        inner.addWidget(self.drop_hint)
        inner.addSpacing(8)
        inner.addWidget(self.steps)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        outer.addWidget(self.version)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome to E2 Judge"))
        self.subtitle.setText(self.tr("Score the entries of the Education Exchange forum, fully offline."))
        self.open_button.setText(self.tr("Open batch…"))
        self.open_button.setAccessibleName(self.tr("Open batch"))
        self.drop_hint.setText(
            self.tr("or drag the .e2batch file (or the organizer's .xlsx) onto this window")
        )
        self.steps.setText(
            self.tr(
                "1. Open the batch file the organizer sent you.\n"
                "2. Score each entry on the rubric; every change is saved at once.\n"
                "3. When you are done, export your score sheet and send it back."
            )
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class OpeningPage(QWidget):
    """Shown for the moment between the window appearing and the profile being loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setStyleSheet(f"color: {GREY};")
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        self.bar.setFixedWidth(240)
        self.bar.setMaximumHeight(8)
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.label.setText(self.tr("Opening your scores…"))
        self.setAccessibleName(self.label.text())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
