"""File → "Export score sheet…": incomplete warning, passphrase, folder, then a background export.

``services.sheet_export.export_sheet`` unlocks (or first creates) the judge's key, writes the next
revision atomically and reads it back; only after it returned does the success dialog say the
drive may be removed. A refusal (wrong passphrase, file name taken, folder gone) is shown with its
reason and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from e2judge.core.errors import InputRefused
from e2judge.formats.keys import WrongPassphrase
from e2judge.services.judge.judge_key import judge_key_info, unlock_judge_key
from e2judge.services.judge.rounds import RoundRef
from e2judge.services.judge.sheet_export import ExportResult, export_sheet, incomplete_entries, next_revision
from e2judge.ui.background import TaskRunner
from e2judge.ui.context import AppContext
from e2judge.ui.export_done import ExportDoneDialog
from e2judge.ui.file_choice import ask_folder
from e2judge.ui.messages import Button, ask, listing, show_message
from e2judge.ui.passphrase_dialog import PassphraseDialog


class SheetExporter(QObject):
    """Runs the export dialogs for the current round and reports the outcome."""

    exported = Signal(object)  # ExportResult
    refused = Signal(str)  # the message shown

    def __init__(
        self, ctx: AppContext, tasks: TaskRunner, window: QWidget, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._ctx = ctx
        self._tasks = tasks
        self._window = window
        self.done_dialog: ExportDoneDialog | None = None
        self.message_box: QMessageBox | None = None

    def start(self, ref: RoundRef) -> bool:
        """Ask what is needed and start the export; False when cancelled or another job runs."""
        if self._tasks.running:
            return False
        incomplete = incomplete_entries(self._ctx.db, ref)
        if incomplete and not self._export_incomplete(incomplete, next_revision(self._ctx.db, ref)):
            return False
        creating = judge_key_info(self._ctx.profile) is None
        action = self.tr("Sign the score sheet of {judge} for {round}").format(
            judge=ref.judge_key, round=ref.round_name
        )
        # An existing key is opened while the dialog is still up: a typo is said at once, before
        # the folder is asked (the export itself opens it again).
        check = None if creating else self.check_passphrase
        passphrase = PassphraseDialog.ask(creating, self._window, action=action, check=check)
        if passphrase is None:
            return False
        out_dir = ask_folder(self._ctx, self._window, self.tr("Folder or USB drive for the score sheet"))
        if out_dir is None:
            return False
        db, profile = self._ctx.db, self._ctx.profile

        def job() -> ExportResult:
            return export_sheet(db, profile, ref, out_dir, passphrase, seal=True)

        return self._tasks.run(job, self.tr("Signing and saving the score sheet…"), self._done, self._failed)

    def check_passphrase(self, passphrase: str) -> str | None:
        """Why ``passphrase`` does not open the judge's key (None: it does)."""
        try:
            unlock_judge_key(self._ctx.profile, passphrase)
        except WrongPassphrase:
            return self.tr(
                "The passphrase is wrong. Type the passphrase you chose when your signing key was created."
            )
        except InputRefused as exc:
            return exc.reason
        return None

    def _export_incomplete(self, codes: list[str], revision: int) -> bool:
        answer = ask(
            self._window,
            self.tr("Some entries are not finished"),
            self.tr(
                "{n} entries are not completely scored. Export them as incomplete? This sheet will be "
                "revision {revision}. When you have finished, export again: that sheet will be revision "
                "{next}, and the organizer keeps only the newest."
            ).format(n=len(codes), revision=revision, next=revision + 1),
            listing(codes),
        )
        return answer == Button.Yes

    def _done(self, result: ExportResult) -> None:
        dialog = ExportDoneDialog(result, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: setattr(self, "done_dialog", None))
        dialog.open()
        self.done_dialog = dialog
        self.exported.emit(result)

    def _failed(self, error: Exception) -> None:
        if isinstance(error, WrongPassphrase):
            text = self.tr("The passphrase is wrong. Nothing was exported.")
            detail = self.tr("Type the passphrase you chose when your signing key was created.")
        elif isinstance(error, InputRefused):
            text = self.tr("The score sheet was not exported. Nothing was changed.")
            detail = f"{error.source}\n\n{error.reason}"
        elif isinstance(error, OSError):
            text = self.tr("The score sheet was not exported. Nothing was changed.")
            detail = f"{error.filename or ''}\n\n{error.strerror or error}".strip()
        else:
            raise error
        box = show_message(self._window, QMessageBox.Icon.Critical, self.tr("Export refused"), text, detail)
        box.finished.connect(lambda _r: setattr(self, "message_box", None))
        self.message_box = box
        self.refused.emit(f"{text}\n{detail}")
