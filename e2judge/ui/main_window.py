"""The main window: welcome screen or judging workspace, menus, shortcuts and the status bar.

Two phases, so the window is on screen at once: the constructor builds only the chrome (menus,
status bar, an "Opening…" page) from light modules; ``attach(ctx)`` then imports the database
layer and the judging widgets, builds them and loads the rounds (``run_gui`` calls it right after
the first paint; tests and scripts use ``MainWindow.for_context``).

File → "Export score sheet…", "Print / Save PDF…", "Export Excel…" and the offline worksheet, and
Settings → "My signing key…" run through small controllers (``ui/export_sheet.py``,
``ui/reports.py``, ``ui/worksheet_flow.py``, ``ui/signing_key.py``); their slow work runs off the UI
thread in ``TaskRunner`` (``ui/background.py``), one job at a time.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from e2judge import __version__
from e2judge.paths import Profile
from e2judge.ui.attachments import AttachmentOpener
from e2judge.ui.conflict_dialog import ConflictDialog
from e2judge.ui.context import AppContext
from e2judge.ui.i18n import Languages
from e2judge.ui.messages import show_message
from e2judge.ui.notice import NoticeBar
from e2judge.ui.settings import UiSettings
from e2judge.ui.status_panel import StatusPanel
from e2judge.ui.welcome import OpeningPage, WelcomePage

if TYPE_CHECKING:
    from e2judge.services.judge.entries import EntryDetail
    from e2judge.services.judge.import_batch import ImportSummary
    from e2judge.services.judge.rounds import RoundRef
    from e2judge.services.judge.sheet_export import ExportResult
    from e2judge.services.judge.worksheet import WorksheetImport
    from e2judge.ui.background import TaskRunner
    from e2judge.ui.backups import BackupController, RestoreDialog
    from e2judge.ui.entry_model import EntryTableModel, Filter
    from e2judge.ui.export_sheet import SheetExporter
    from e2judge.ui.guide_dialog import GuideDialog
    from e2judge.ui.importing import ImportController
    from e2judge.ui.judging import JudgingController
    from e2judge.ui.judging_view import JudgingView
    from e2judge.ui.my_scores import MyScoresDialog
    from e2judge.ui.reports import PrintDialog, ReportsController
    from e2judge.ui.signing_key import SigningKeyDialog
    from e2judge.ui.worksheet_flow import WorksheetController

BACKUP_INTERVAL_MS = 10 * 60 * 1000
SUFFIXES = (".e2batch", ".xlsx")


def importable(path: Path) -> bool:
    """Whether the window imports this file (a batch, or the organizer's workbook)."""
    return path.suffix.lower() in SUFFIXES


LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class ShortcutsFirst(QObject):
    """The window's shortcuts win over the key bindings of text boxes in it.

    A QLineEdit takes Ctrl+E for "end of line" on Linux, so File → Export did nothing while the
    cursor was in the search box. Ctrl+Z is left out: in a text box it undoes the typing.
    """

    def __init__(self, window: QWidget, actions: list[QAction]) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        pressed = QKeySequence(event.key() | mods.value)
        for action in self._actions:
            exact = QKeySequence.SequenceMatch.ExactMatch
            if action.isEnabled() and any(s.matches(pressed) == exact for s in action.shortcuts()):
                return True  # not accepted by the text box: the window's shortcut fires
        return False


class MainWindow(QMainWindow):
    """Everything the judge sees. Dependencies come in through the constructor and ``attach``."""

    ctx: AppContext
    model: EntryTableModel
    view: JudgingView
    controller: JudgingController
    importer: ImportController
    backups: BackupController
    tasks: TaskRunner
    sheet_exporter: SheetExporter
    reports: ReportsController
    worksheets: WorksheetController

    def __init__(
        self,
        profile: Profile,
        languages: Languages,
        settings: UiSettings,
        *,
        demo: bool = False,
        backup_interval_ms: int = BACKUP_INTERVAL_MS,
        start_backups: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.profile, self.languages, self.settings, self.demo = profile, languages, settings, demo
        self._settings_warned = False
        settings.on_error = self._settings_not_saved
        self._backup_interval_ms = backup_interval_ms
        self._start_backups = start_backups
        self.attached = False
        self._before_filter: int | None = None
        self.setAccessibleName("E2 Judge")
        self.setAcceptDrops(True)
        self.setMinimumSize(1000, 600)
        self.opener = AttachmentOpener()
        self.opening = OpeningPage(self)
        self.welcome = WelcomePage(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.opening)
        self.stack.addWidget(self.welcome)
        self.notice = NoticeBar(self)
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.stack, 1)
        central_layout.addWidget(self.notice)
        self.setCentralWidget(central)
        self.status = StatusPanel(self)
        self.status.show_progress(False)
        # Stretch 0: a permanent widget with a stretch leaves showMessage no room at all.
        self.statusBar().addPermanentWidget(self.status, 0)
        self.statusBar().setSizeGripEnabled(False)
        self._build_actions()
        self._build_menus()
        self.shortcuts_first = ShortcutsFirst(self, [a for a in self.actions() if a is not self.undo_action])
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.shortcuts_first)
        self.retranslate()
        for action in self._workspace_actions():
            action.setEnabled(False)

    @classmethod
    def for_context(
        cls, ctx: AppContext, *, backup_interval_ms: int = BACKUP_INTERVAL_MS, start_backups: bool = True
    ) -> MainWindow:
        """A window attached at once to an open profile (tests, scripts, benchmarks)."""
        window = cls(
            ctx.profile,
            ctx.languages,
            ctx.settings,
            demo=ctx.demo,
            backup_interval_ms=backup_interval_ms,
            start_backups=start_backups,
        )
        window.attach(ctx)
        return window

    def attach(self, ctx: AppContext) -> None:
        """Second phase: build the judging workspace on the open database and show the rounds."""
        from e2judge.ui.background import TaskRunner
        from e2judge.ui.backups import BackupController
        from e2judge.ui.entry_model import EntryTableModel
        from e2judge.ui.export_sheet import SheetExporter
        from e2judge.ui.importing import ImportController
        from e2judge.ui.judging import JudgingController
        from e2judge.ui.judging_view import JudgingView
        from e2judge.ui.reports import ReportsController
        from e2judge.ui.worksheet_flow import WorksheetController

        self.ctx = ctx
        self.model = EntryTableModel(self)
        self.view = JudgingView(self.model, self.opener, self)
        self.stack.addWidget(self.view)
        self.controller = JudgingController(ctx, self.model, self.view.details, self.view.form, self)
        self.importer = ImportController(ctx, self, self)
        self.backups = BackupController(ctx.profile, self._backup_interval_ms, self)
        self.tasks = TaskRunner(self, self)
        self.sheet_exporter = SheetExporter(ctx, self.tasks, self, self)
        self.reports = ReportsController(ctx, self.tasks, self, self)
        self.worksheets = WorksheetController(ctx, self.tasks, self, self)
        self.attached = True
        for action in self._profile_actions():
            action.setEnabled(True)
        self._connect()
        self.retranslate()
        self.controller.load_rounds()
        if self._start_backups:
            self.backups.start()

    # -- actions and menus ----------------------------------------------------------------------

    def _action(self, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.open_action = self._action(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_file)
        self.export_sheet_action = self._action(QKeySequence("Ctrl+E"))
        self.export_sheet_action.triggered.connect(self.export_sheet)
        self.print_pdf_action = self._action(QKeySequence.StandardKey.Print)
        self.print_pdf_action.triggered.connect(self.show_print_dialog)
        self.export_excel_action = self._action()
        self.export_excel_action.triggered.connect(self.export_excel)
        self.worksheet_export_action = self._action()
        self.worksheet_export_action.triggered.connect(self.export_worksheet)
        self.worksheet_import_action = self._action()
        self.worksheet_import_action.triggered.connect(self.import_worksheet)
        self.signing_key_action = self._action()
        self.signing_key_action.triggered.connect(self.show_signing_key)
        self.restore_action = self._action()
        self.restore_action.triggered.connect(self.show_restore)
        self.organizer_action = self._action()
        self.organizer_action.triggered.connect(self.open_organizer)
        self.quit_action = self._action(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

        self.undo_action = self._action(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo)
        self.next_action = self._action(QKeySequence("Ctrl+PgDown"))
        self.next_action.triggered.connect(lambda: self.move_entry(1))
        self.prev_action = self._action(QKeySequence("Ctrl+PgUp"))
        self.prev_action.triggered.connect(lambda: self.move_entry(-1))
        self.find_action = self._action(QKeySequence("Ctrl+F"))
        self.find_action.triggered.connect(self.focus_search)
        self.conflict_action = self._action()
        self.conflict_action.triggered.connect(self.show_conflict_dialog)
        self.my_scores_action = self._action()
        self.my_scores_action.triggered.connect(self.show_my_scores)

        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setData(lang)
            action.setChecked(lang == self.languages.current)
            action.triggered.connect(lambda _checked=False, code=lang: self.set_language(code))
            self.language_actions[lang] = action
        self.guide_action = self._action(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.show_guide)
        self.about_action = self._action()
        self.about_action.triggered.connect(self.show_about)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.setToolTipsVisible(True)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.export_sheet_action)
        self.file_menu.addAction(self.print_pdf_action)
        self.file_menu.addAction(self.export_excel_action)
        self.worksheet_menu = self.file_menu.addMenu("")
        self.worksheet_menu.addAction(self.worksheet_export_action)
        self.worksheet_menu.addAction(self.worksheet_import_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addAction(self.organizer_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.score_menu = bar.addMenu("")
        for action in (
            self.undo_action,
            None,
            self.next_action,
            self.prev_action,
            self.find_action,
            None,
            self.conflict_action,
            self.my_scores_action,
        ):
            if action is None:
                self.score_menu.addSeparator()
            else:
                self.score_menu.addAction(action)
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.settings_menu.addSeparator()
        self.settings_menu.addAction(self.signing_key_action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def _profile_actions(self) -> list[QAction]:
        """Actions that need the open profile (disabled until ``attach``)."""
        return [self.open_action, self.restore_action, self.signing_key_action]

    def _round_actions(self) -> list[QAction]:
        """Actions that need a round (disabled while there is none)."""
        return [
            self.undo_action,
            self.next_action,
            self.prev_action,
            self.find_action,
            self.conflict_action,
            self.my_scores_action,
            self.export_sheet_action,
            self.print_pdf_action,
            self.export_excel_action,
            self.worksheet_export_action,
            self.worksheet_import_action,
        ]

    def _workspace_actions(self) -> list[QAction]:
        return self._profile_actions() + self._round_actions()

    def retranslate(self) -> None:
        """Every text of our own in the current language (called on LanguageChange)."""
        self.setWindowTitle(self._title())
        self.file_menu.setTitle(self.tr("&File"))
        self.score_menu.setTitle(self.tr("&Scoring"))
        self.settings_menu.setTitle(self.tr("S&ettings"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.worksheet_menu.setTitle(self.tr("Offline Excel &worksheet"))
        self.help_menu.setTitle(self.tr("&Help"))
        texts = {
            self.open_action: self.tr("&Open batch…"),
            self.export_sheet_action: self.tr("&Export score sheet…"),
            self.print_pdf_action: self.tr("&Print / Save PDF…"),
            self.export_excel_action: self.tr("Export E&xcel…"),
            self.worksheet_export_action: self.tr("&Export worksheet…"),
            self.worksheet_import_action: self.tr("&Import worksheet…"),
            self.signing_key_action: self.tr("My &signing key…"),
            self.restore_action: self.tr("&Restore from backup…"),
            self.organizer_action: self.tr("&Organizer…"),
            self.quit_action: self.tr("E&xit"),
            self.undo_action: self.tr("&Undo last score change"),
            self.next_action: self.tr("&Next entry"),
            self.prev_action: self.tr("&Previous entry"),
            self.find_action: self.tr("&Find entry"),
            self.conflict_action: self.tr("Declare &conflict of interest…"),
            self.my_scores_action: self.tr("&My scores…"),
            self.about_action: self.tr("&About E2 Judge"),
            self.guide_action: self.tr("Scoring &guide"),
        }
        for action, text in texts.items():
            action.setText(text)
        tips = {
            self.export_sheet_action: self.tr("Sign your scores and save them for the organizer"),
            self.print_pdf_action: self.tr("Rubric reports and your summary, as PDF"),
            self.export_excel_action: self.tr("Your scores as an Excel workbook (for reading)"),
            self.worksheet_export_action: self.tr("A workbook to score in Excel, then import back"),
            self.worksheet_import_action: self.tr("Bring back the scores typed in the offline worksheet"),
        }
        for action, tip in tips.items():
            action.setToolTip(tip)
            action.setStatusTip(tip)
        self.language_menu.setToolTipsVisible(True)
        for action in self.language_actions.values():
            action.setToolTip(self.tr("Takes effect at once"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_organizer(self) -> None:
        """The organizer's window (``ui/organizer``), in the same language, beside this one."""
        from e2judge.ui.organizer.start import make_context
        from e2judge.ui.organizer.window import OrganizerWindow

        self.organizer_window = OrganizerWindow(make_context(self.languages, None, False))
        self.organizer_window.resize(self.size())
        self.organizer_window.show()

    def _title(self) -> str:
        ref = self.controller.ref if self.attached else None
        base = "E2 Judge"
        if self.demo:
            base += " — " + self.tr("demo")
        if ref is not None:
            return f"{ref.contest_name} · {ref.round_name} — {base}"
        return base

    # -- wiring ---------------------------------------------------------------------------------

    def _connect(self) -> None:
        c, v = self.controller, self.view
        c.roundsChanged.connect(self._rounds_changed)
        c.roundChanged.connect(self._round_changed)
        c.progressChanged.connect(self.status.set_progress)
        c.saved.connect(self._saved)
        c.problem.connect(lambda text: self.notify(text, problem=True))
        c.entryShown.connect(self._entry_shown)
        v.round_combo.currentIndexChanged.connect(c.set_round)
        v.filter_bar.changed.connect(self._filter_changed)
        v.filter_bar.search.returnPressed.connect(self._open_first_match)
        v.filter_bar.leaveRequested.connect(lambda: v.table.setFocus(Qt.FocusReason.ShortcutFocusReason))
        v.table.scoreKey.connect(self._score_from_list)
        v.form.lockedKey.connect(self._locked_key)
        v.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.model.modelReset.connect(self._reselect)
        self.model.layoutChanged.connect(self._reselect)
        v.form.declareConflictRequested.connect(self.show_conflict_dialog)
        v.form.withdrawConflictRequested.connect(c.withdraw_conflict)
        self.welcome.openRequested.connect(self.choose_file)
        self.importer.imported.connect(self._imported)
        self.importer.cancelled.connect(
            lambda: self.notify(self.tr("Import cancelled; nothing was changed."))
        )
        self.reports.notice.connect(self.notify)
        self.worksheets.notice.connect(self.notify)
        self.sheet_exporter.exported.connect(self._sheet_exported)
        self.worksheets.applied.connect(self._worksheet_applied)
        self.backups.made.connect(self.status.set_backup)
        self.backups.failed.connect(
            lambda text: self.notify(self.tr("Backup failed: {reason}").format(reason=text), problem=True)
        )

    def _rounds_changed(self, refs: list[RoundRef]) -> None:
        self.view.set_rounds(refs)
        self.stack.setCurrentWidget(self.view if refs else self.welcome)
        self.status.show_progress(bool(refs))

    def _round_changed(self, ref: RoundRef | None) -> None:
        index = self.controller.refs.index(ref) if ref in self.controller.refs else -1
        if self.view.round_combo.currentIndex() != index:
            self.view.round_combo.blockSignals(True)
            self.view.round_combo.setCurrentIndex(index)
            self.view.round_combo.blockSignals(False)
        self.view.filter_bar.blockSignals(True)
        self.view.filter_bar.reset()
        self.view.filter_bar.blockSignals(False)
        self.model.set_filter(self.model.current_filter.__class__())  # no filter
        self.view.show_round(ref, len(self.controller.refs))
        self.view.update_count()
        has_round = ref is not None
        for action in self._round_actions():
            action.setEnabled(has_round)
        self.setWindowTitle(self._title())
        if has_round and self.model.rowCount():
            last = self.settings.get_str(self._entry_key())
            pos = self.model.position_of(int(last)) if last.isdigit() else None
            self.select_row(pos if pos is not None else 0)  # the entry last worked on

    def _saved(self, moment: datetime) -> None:
        self.status.set_saved(moment)

    def _filter_changed(self, value: Filter) -> None:
        """Filter the list; the details pane follows it (never an entry the list does not show)."""
        shown = self.controller.current_id
        if shown is not None:
            self._before_filter = shown
        self.controller.set_filter(value)
        self.view.update_count()
        if not self.model.rowCount():
            self.controller.show_entry(None)
            return
        for wanted in (self.controller.current_id, self._before_filter):
            pos = self.model.position_of(wanted) if wanted is not None else None
            if pos is not None:
                self.select_row(pos)
                return
        self.select_row(0)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.controller.show_entry(self.model.row_at(current.row()).assignment_id)

    def _reselect(self) -> None:
        current = self.controller.current_id
        if current is None:
            return
        pos = self.model.position_of(current)
        if pos is not None:
            self.select_row(pos)

    def _entry_key(self) -> str:
        ref = self.controller.ref
        return f"last_entry.{ref.round_id}.{ref.judge_id}" if ref is not None else ""

    def _entry_shown(self, detail: EntryDetail | None) -> None:
        self.conflict_action.setEnabled(detail is not None and detail.conflict_reason is None)
        key = self._entry_key()
        if detail is not None and key and self.settings.get_str(key) != str(detail.assignment_id):
            self.settings.set_str(key, str(detail.assignment_id))  # the window reopens here
        if detail is not None:
            pos = self.model.position_of(detail.assignment_id)
            if pos is not None and self.view.table.currentIndex().row() != pos:
                self.select_row(pos)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.table.setCurrentIndex(index)
        self.view.table.scrollTo(index)

    # -- commands -------------------------------------------------------------------------------

    def move_entry(self, step: int) -> None:
        """Next (+1) or previous (-1) entry to score, skipping declared conflicts; focus goes to its
        first unscored criterion. At the end of the list it stays and says why."""
        from e2judge.services.judge.entries import Status

        count = self.model.rowCount()
        if not count:
            return
        current = self.controller.current_id
        pos = self.model.position_of(current) if current is not None else None
        start = (-1 if step > 0 else count) if pos is None else pos
        target = start + step
        skipped = 0
        while 0 <= target < count and self.model.row_at(target).status is Status.CONFLICT:
            target += step
            skipped += 1
        if not 0 <= target < count:
            if step > 0:
                text = self.tr("This is the last entry to score in the list.")
            else:
                text = self.tr("This is the first entry to score in the list.")
            if skipped:
                text += " " + self.tr("Entries with a declared conflict of interest are skipped.")
            self.notify(text)
            return
        self.select_row(target)
        self.view.form.focus_criterion()
        if skipped:
            self.notify(
                self.tr("Skipped {n} entry(ies) with a declared conflict of interest.").format(n=skipped)
            )

    def _score_from_list(self, digit: int | None) -> None:
        """A digit or Enter typed in the entry list: focus the rubric and score its current criterion."""
        form = self.view.form
        detail = self.controller.detail
        if detail is None:
            self.notify(self.tr("Choose an entry in the list first."), problem=True)
            return
        if detail.conflict_reason is not None:
            self._locked_key()
            return
        form.focus_criterion()
        block = form.blocks[form.current_index] if 0 <= form.current_index < len(form.blocks) else None
        if block is None:
            return
        title = block.criterion.title
        if digit is None:
            self.notify(
                self.tr(
                    "Now scoring “{criterion}”: type 1–9 for a level, Enter for the next criterion."
                ).format(criterion=title)
            )
            return
        target = QApplication.focusWidget() or block
        key = int(Qt.Key.Key_0) + digit
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, str(digit)))
        self.notify(
            self.tr("Key {digit} went to “{criterion}” in the rubric; the cursor is there now.").format(
                digit=digit, criterion=title
            )
        )

    def _locked_key(self) -> None:
        detail = self.controller.detail
        if detail is not None:
            self.notify(
                self.tr(
                    "{code} cannot be scored: you declared a conflict of interest ({reason}). "
                    "Withdraw the declaration to score it."
                ).format(code=detail.code, reason=detail.conflict_reason or ""),
                problem=True,
            )

    def focus_search(self) -> None:
        search = self.view.filter_bar.search
        search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        search.selectAll()

    def _open_first_match(self) -> None:
        if self.model.rowCount():
            self.select_row(0)
            self.view.form.focus_criterion(0)

    def undo(self) -> None:
        if self.controller.undo() is not None:
            detail = self.controller.detail
            entry = detail.code if detail is not None else ""
            self.notify(self.tr("Last score change undone ({entry}).").format(entry=entry))

    def notify(self, text: str, problem: bool = False) -> None:
        """A confirmation (or problem) in the band above the status bar, long enough to read."""
        stay = self.notice.show_text(text, problem=problem)
        self.statusBar().showMessage(text, stay)

    def _sheet_exported(self, result: ExportResult) -> None:
        self.notify(self.tr("Score sheet saved and checked: {path}").format(path=result.path))

    def choose_file(self) -> None:
        """The "Open batch…" file dialog (non-blocking); the chosen file is imported."""
        start = self.settings.get_str("last_folder") or str(Path.home())
        dialog = QFileDialog(self, self.tr("Open batch"), start)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(
            [
                self.tr("E2 Judge batch (*.e2batch)"),
                self.tr("Organizer's workbook (*.xlsx)"),
                self.tr("All supported files (*.e2batch *.xlsx)"),
            ]
        )
        dialog.selectNameFilter(self.tr("All supported files (*.e2batch *.xlsx)"))
        dialog.setAccessibleName(self.tr("Open batch"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.import_file(Path(name)))
        dialog.open()

    def import_file(self, path: Path) -> bool:
        """Import ``path`` in the background (refused at once when it is not .e2batch or .xlsx)."""
        if not importable(path):
            self.importer.show_message(
                QMessageBox.Icon.Warning,
                self.tr("Import refused"),
                self.tr("Only .e2batch files and the organizer's .xlsx workbook can be imported."),
                path.name,
            )
            return False
        self.view.form.flush()
        self.settings.set_str("last_folder", str(path.parent))
        return self.importer.start(path)

    def _imported(self, summary: ImportSummary) -> None:
        previous = self.controller.ref
        refs = self.controller.load_rounds()
        for i, ref in enumerate(refs):
            if (ref.contest_key, ref.round_name, ref.judge_key) == (
                summary.contest_id,
                summary.round_name,
                summary.judge_id,
            ):
                if ref != previous:
                    self.controller.set_round(i)
                break
        if summary.unchanged:
            text = self.tr("{batch} was already imported; nothing changed.").format(batch=summary.batch_id)
        else:
            text = self.tr(
                "Imported {batch} (revision {revision}): {added} new, {updated} updated entries."
            ).format(
                batch=summary.batch_id,
                revision=summary.revision,
                added=len(summary.entries_added),
                updated=len(summary.entries_updated),
            )
        self.notify(text)

    def show_conflict_dialog(self) -> ConflictDialog | None:
        detail = self.controller.detail
        if detail is None or detail.conflict_reason is not None:
            return None
        dialog = ConflictDialog(f"{detail.code} · {detail.title}", self.controller.declare_conflict, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_my_scores(self) -> MyScoresDialog | None:
        ref = self.controller.ref
        if ref is None:
            return None
        from e2judge.ui.my_scores import MyScoresDialog

        self.view.form.flush()
        dialog = MyScoresDialog(self.model.all_rows(), ref.round_name, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _ref_for_export(self) -> RoundRef | None:
        """The current round, with pending comments saved first (every export starts with this)."""
        if not self.attached or self.tasks.running:
            return None
        self.view.form.flush()
        return self.controller.ref

    def export_sheet(self) -> bool:
        """File → Export score sheet… (incomplete warning, passphrase, folder, background export)."""
        ref = self._ref_for_export()
        return ref is not None and self.sheet_exporter.start(ref)

    def show_print_dialog(self) -> PrintDialog | None:
        """File → Print / Save PDF…: which report, then save or print."""
        ref = self._ref_for_export()
        if ref is None:
            return None
        detail = self.controller.detail
        code = detail.code if detail is not None else None
        entry = f"{detail.code} · {detail.title}" if detail is not None else None
        return self.reports.show_print_dialog(ref, code, entry)

    def export_excel(self) -> bool:
        ref = self._ref_for_export()
        return ref is not None and self.reports.export_excel(ref)

    def export_worksheet(self) -> bool:
        ref = self._ref_for_export()
        return ref is not None and self.worksheets.export(ref)

    def import_worksheet(self, path: Path | None = None) -> bool:
        ref = self._ref_for_export()
        return ref is not None and self.worksheets.import_file(ref, self.controller.actor, path)

    def _worksheet_applied(self, result: WorksheetImport | None) -> None:
        """Show the scores the worksheet changed: the list, the progress and the entry shown."""
        self.controller.undo_stack.clear()  # undo would reach past changes it did not make
        self.controller.reload_rows()
        self.controller.refresh()
        self.view.update_count()
        if result is not None and result.applied:
            self.status.set_saved(result.applied[-1].saved_at)

    def show_signing_key(self) -> SigningKeyDialog | None:
        """Settings → My signing key…"""
        if not self.attached:
            return None
        from e2judge.services.judge.judge_key import judge_label
        from e2judge.ui.signing_key import SigningKeyDialog

        ref = self.controller.ref
        owner = judge_label(ref.judge_name, ref.judge_key) if ref is not None else "E2 Judge"
        judge = ref.judge_key if ref is not None else "judge"
        dialog = SigningKeyDialog(self.ctx, self.tasks, owner, judge, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_restore(self) -> RestoreDialog:
        self.view.form.flush()
        from e2judge.ui.backups import RestoreDialog

        dialog = RestoreDialog(self.profile, self.languages.current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.restore)
        dialog.open()
        return dialog

    def restore(self, backup: Path) -> bool:
        """Close the database, restore ``backup``, reopen and show it. False when refused."""
        from e2judge.core.errors import InputRefused
        from e2judge.services.judge.backup import restore_backup

        self.view.form.flush()
        self.tasks.wait()
        self.backups.stop()
        self.ctx.close_db()
        ok = True
        try:
            restore_backup(self.ctx.profile, backup)
        except (InputRefused, OSError) as exc:
            ok = False
            self.importer.show_message(
                QMessageBox.Icon.Critical,
                self.tr("Restore refused"),
                self.tr("Nothing was changed."),
                str(exc),
            )
        finally:
            self.ctx.reopen()
            self.controller.detail = None
            self.controller.load_rounds()
            self.backups.timer.start()
        if ok:
            self.notify(self.tr("Backup restored: the scores are now those of the backup."))
        return ok

    def show_guide(self) -> GuideDialog:
        """Help → Scoring guide (non-modal, offline)."""
        from e2judge.ui.guide_dialog import GuideDialog

        dialog = GuideDialog(self.languages.current, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> QMessageBox:
        return self.importer.show_message(
            QMessageBox.Icon.Information,
            self.tr("About E2 Judge"),
            self.tr("E2 Judge {version}").format(version=__version__),
            self.tr(
                "Offline judging for the Education Exchange Vietnam forum.\n"
                "Every score is saved at once on this computer; nothing is sent over the Internet.\n\n"
                "Profile folder: {path}"
            ).format(path=self.profile.root),
        )

    def _settings_not_saved(self, exc: OSError) -> None:
        """Tell the person once per session that the window settings could not be saved."""
        if self._settings_warned:
            return
        self._settings_warned = True
        show_message(
            self,
            QMessageBox.Icon.Warning,
            self.tr("Settings not saved"),
            self.tr(
                "The window settings (language, last folder) could not be saved in the profile folder; "
                "they apply until E2 Judge is closed. Your scores are not affected."
            ),
            str(exc),
        )

    def set_language(self, lang: str) -> None:
        """Switch the UI language at once and remember it in the profile."""
        self.languages.apply(lang)
        self.settings.language = lang
        for code, action in self.language_actions.items():
            action.setChecked(code == lang)

    # -- drag and drop, closing -----------------------------------------------------------------

    def _dropped_file(self, event: QDragEnterEvent | QDropEvent) -> Path | None:
        data = event.mimeData()
        if not data.hasUrls():
            return None
        for url in data.urls():
            if url.isLocalFile() and importable(Path(url.toLocalFile())):
                return Path(url.toLocalFile())
        return None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.attached and self._dropped_file(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self._dropped_file(event) if self.attached else None
        if path is not None:
            event.acceptProposedAction()
            self.import_file(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.attached:
            self.view.form.flush()
            self.importer.wait()
            self.tasks.wait()
            self.backups.stop()
            self.reports.cleanup()
        self.opener.cleanup()
        super().closeEvent(event)
