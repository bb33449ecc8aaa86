"""Asking which judge you are before importing an organizer's workbook that lists several judges."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from e2judge.core.contest import JudgeSpec
from e2judge.ui.i18n import translate_buttons
from e2judge.ui.widgets import plain_label


def judge_label(judge: JudgeSpec) -> str:
    """The judge as shown in the list: ``GK01 — Name (School)``, without brackets when no school."""
    text = f"{judge.judge_id} — {judge.name}"
    return f"{text} ({judge.school})" if judge.school else text


class JudgeChoiceDialog(QDialog):
    """A list of the workbook's judges; OK imports the chosen judge's assignment, Cancel nothing."""

    def __init__(self, workbook: str, judges: Sequence[JudgeSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which judge are you?"))
        self.setAccessibleName(self.tr("Which judge are you?"))
        self.setMinimumWidth(520)
        self.explain = plain_label(
            self.tr(
                "The workbook {name} lists {count} judges. Choose yourself: only your assignment is imported."
            ).format(name=workbook, count=len(judges)),
            name=self.tr("Choose your name"),
        )
        self.unsigned = plain_label(
            self.tr(
                "A workbook is not signed by the organizer, so nobody can check that it is unchanged. "
                "If you can, ask the organizer for your own signed .e2batch file and import that instead."
            ),
            name=self.tr("Unsigned workbook"),
        )
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Judge"))
        for judge in judges:
            self.combo.addItem(judge_label(judge), judge.judge_id)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        translate_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.combo)
        layout.addWidget(self.unsigned)
        layout.addWidget(self.buttons)
        self.combo.setFocus()

    def judge_id(self) -> str:
        """The chosen judge's ID (as listed on the Judges sheet)."""
        return str(self.combo.currentData())
