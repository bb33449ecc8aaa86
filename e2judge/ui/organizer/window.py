"""The organizer's main window: header (which contest and round), start page or the tabs.

Tabs: workbook and batches, collecting sheets, progress per judge, results. Menus: File (new or
open workspace, key fingerprint, example workbook, quit) and Settings → Language.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from e2judge.core.errors import InputRefused
from e2judge.services.org.progress import WorkspaceInfo, workspace_info
from e2judge.ui.background import TaskRunner
from e2judge.ui.messages import show_message
from e2judge.ui.organizer.audit_controller import AuditController
from e2judge.ui.organizer.collect_controller import CollectController
from e2judge.ui.organizer.context import OrgContext
from e2judge.ui.organizer.dashboard_controller import DashboardController
from e2judge.ui.organizer.dialogs import FingerprintDialog, NewWorkspaceDialog
from e2judge.ui.organizer.jobs import ProgressRunner
from e2judge.ui.organizer.results_controller import ResultsController
from e2judge.ui.organizer.workbook_controller import WorkbookController
from e2judge.ui.widgets import AMBER, GREY, plain_label

LANGUAGE_NAMES = {"vi": "Tiếng Việt", "en": "English"}


class StartPage(QWidget):
    """What the window shows before a workspace is open: create one, or open one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = plain_label()
        font = self.intro.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.intro.setFont(font)
        self.create_button = QPushButton(self)
        self.open_button = QPushButton(self)
        for button in (self.create_button, self.open_button):
            button.setMinimumHeight(48)
            button.setFont(font)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.create_button)
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.intro, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addLayout(row)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.intro.setText(
            self.tr(
                "An organizer workspace holds one contest: its entries, judges and rubric, the signed "
                "batches, the score sheets that come back and the results."
            )
        )
        self.intro.setAccessibleName(self.tr("About workspaces"))
        for button, text in (
            (self.create_button, self.tr("Create a new workspace…")),
            (self.open_button, self.tr("Open a workspace…")),
        ):
            button.setText(text)
            button.setAccessibleName(text.rstrip("…"))


class OrganizerWindow(QMainWindow):
    """Everything the organizer sees; the pages' behaviour lives in their controllers."""

    def __init__(self, ctx: OrgContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info: WorkspaceInfo | None = None
        self.setAccessibleName("E2 Judge")
        self.setMinimumSize(1000, 600)
        self.tasks = TaskRunner(self, self)
        self.jobs = ProgressRunner(self, self)
        self.workbook = WorkbookController(ctx, self.tasks, self.jobs, self, self)
        self.collector = CollectController(ctx, self.tasks, self, self)
        self.dashboard = DashboardController(ctx, self, self)
        self.results = ResultsController(ctx, self.tasks, self, self)
        self.audit = AuditController(ctx, self)
        self.title = plain_label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setWeight(font.Weight.DemiBold)
        self.title.setFont(font)
        self.subtitle = plain_label(selectable=True)
        self.subtitle.setStyleSheet(f"color: {GREY};")
        self.demo_note = plain_label()
        self.demo_note.setStyleSheet(f"color: {AMBER}; font-weight: 600;")
        self.demo_note.setVisible(ctx.demo)
        self.start = StartPage(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.workbook.page, "")
        self.tabs.addTab(self.collector.page, "")
        self.tabs.addTab(self.dashboard.page, "")
        self.tabs.addTab(self.results.page, "")
        self.tabs.addTab(self.audit.page, "")
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.start)
        self.stack.addWidget(self.tabs)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.demo_note)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.start.create_button.clicked.connect(self.new_workspace)
        self.start.open_button.clicked.connect(self.choose_workspace)
        self._build_menus()
        ctx.listeners.append(self.reload)
        self.retranslate()
        if ctx.orgdir is not None:
            self.open_workspace(ctx.orgdir)

    # -- menus --------------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        self.new_action = QAction(self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.new_workspace)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.choose_workspace)
        self.fingerprint_action = QAction(self)
        self.fingerprint_action.triggered.connect(self.show_fingerprint)
        self.example_action = QAction(self)
        self.example_action.triggered.connect(self.workbook.write_example)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (
            self.new_action,
            self.open_action,
            None,
            self.fingerprint_action,
            self.example_action,
            None,
            self.quit_action,
        ):
            if action is None:
                self.file_menu.addSeparator()
            else:
                self.file_menu.addAction(action)
        self.settings_menu = bar.addMenu("")
        self.language_menu = self.settings_menu.addMenu("")
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, name in LANGUAGE_NAMES.items():
            action = QAction(name, self.language_group)
            action.setCheckable(True)
            action.setChecked(lang == self.ctx.languages.current)
            action.triggered.connect(lambda _checked=False, code=lang: self.ctx.languages.apply(code))
            self.language_menu.addAction(action)
            self.language_actions[lang] = action

    # -- workspace ----------------------------------------------------------------------------------

    def new_workspace(self) -> None:
        dialog = NewWorkspaceDialog(self)
        try:
            if dialog.exec() != NewWorkspaceDialog.DialogCode.Accepted:
                return
            folder = Path(dialog.folder.text().strip())
            label = dialog.label.text().strip() or self.tr("Organizer {name}").format(name=folder.name)
            passphrase = dialog.passphrase.text()
        finally:
            dialog.passphrase.clear()
            dialog.repeat.clear()
            dialog.deleteLater()
        self.create_workspace(folder, label, passphrase)

    def create_workspace(self, folder: Path, label: str, passphrase: str) -> None:
        """Create the workspace off the UI thread (key generation is slow on purpose), then open it."""
        from e2judge.services.org.workspace import InitSummary, init_workspace

        def created(summary: InitSummary) -> None:
            self.open_workspace(summary.root)
            self.fingerprint_dialog = FingerprintDialog(
                summary.signing.fingerprint, summary.signing.label, self
            )
            self.fingerprint_dialog.open()

        self.tasks.run(
            lambda: init_workspace(folder, passphrase, label),
            self.tr("Creating the workspace and its keys…"),
            created,
            lambda exc: self._refused(exc, self.tr("Workspace not created")),
        )

    def choose_workspace(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open an organizer workspace"))
        if folder:
            self.open_workspace(Path(folder))

    def open_workspace(self, folder: Path) -> bool:
        try:
            info = workspace_info(folder)
        except InputRefused as exc:
            self._refused(exc, self.tr("Not an organizer workspace"))
            return False
        self.ctx.orgdir = folder
        self.info = info
        self.reload()
        return True

    def reload(self) -> None:
        """Re-read the workspace (after opening it, a build or a collect) and refresh every page."""
        if self.ctx.orgdir is not None:
            self.info = workspace_info(self.ctx.orgdir)
        rnd = self.info.current if self.info else None
        self.dashboard.set_round(rnd)
        self.results.set_round(rnd)
        self.audit.load()
        self.workbook.refresh()
        self.stack.setCurrentWidget(self.tabs if self.info else self.start)
        self.fingerprint_action.setEnabled(self.info is not None)
        self._header()

    def show_fingerprint(self) -> None:
        if self.ctx.orgdir is None:
            return
        from e2judge.formats.keys import read_public
        from e2judge.paths import OrgWorkspace

        public = read_public(OrgWorkspace(self.ctx.orgdir).signing_key)
        self.fingerprint_dialog = FingerprintDialog(public.fingerprint, public.label, self)
        self.fingerprint_dialog.open()

    def _refused(self, error: Exception, title: str) -> None:
        if not isinstance(error, InputRefused):
            raise error
        show_message(self, QMessageBox.Icon.Warning, title, error.source, error.reason)

    # -- texts --------------------------------------------------------------------------------------

    def _header(self) -> None:
        info = self.info
        rnd = info.current if info else None
        if info is None:
            self.title.setText(self.tr("No workspace open"))
            self.subtitle.setText(self.tr("Create a workspace for a new contest, or open an existing one."))
        elif rnd is None:
            self.title.setText(self.tr("New workspace: no contest built yet"))
            self.subtitle.setText(f"{info.root} · {info.label}")
        else:
            self.title.setText(f"{rnd.contest_name} — {rnd.round_name}")
            extra = self.tr(" · deadline {date}").format(date=rnd.deadline) if rnd.deadline else ""
            self.subtitle.setText(f"{rnd.contest_key} · {info.root} · {info.label}{extra}")
        self.setWindowTitle(self._window_title())

    def _window_title(self) -> str:
        base = self.tr("E2 Judge — Organizer")
        rnd = self.info.current if self.info else None
        if self.ctx.demo:
            base += " — " + self.tr("demo")
        return f"{rnd.contest_name} — {rnd.round_name} · {base}" if rnd else base

    def retranslate(self) -> None:
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_menu.setTitle(self.tr("S&ettings"))
        self.language_menu.setTitle(self.tr("&Language"))
        for action, text in (
            (self.new_action, self.tr("&New workspace…")),
            (self.open_action, self.tr("&Open workspace…")),
            (self.fingerprint_action, self.tr("Organizer key &fingerprint…")),
            (self.example_action, self.tr("Write an &example workbook…")),
            (self.quit_action, self.tr("E&xit")),
        ):
            action.setText(text)
        for index, text in enumerate(
            (
                self.tr("1. Workbook and batches"),
                self.tr("2. Collect sheets"),
                self.tr("3. Progress"),
                self.tr("4. Results"),
                self.tr("Audit log"),
            )
        ):
            self.tabs.setTabText(index, text)
        self.tabs.setAccessibleName(self.tr("Organizer steps"))
        self.title.setAccessibleName(self.tr("Contest and round"))
        self.subtitle.setAccessibleName(self.tr("Workspace"))
        self.demo_note.setText(
            self.tr(
                "Demo workspace: a throw-away copy, signed with the public DEMO key. "
                "Never use it for a real contest."
            )
        )
        self.demo_note.setAccessibleName(self.tr("Demo notice"))
        self.workbook.retranslate()
        self.collector.retranslate()
        self.dashboard.retranslate()
        self.results.retranslate()
        self.audit.retranslate()
        for lang, action in self.language_actions.items():
            action.setChecked(lang == self.ctx.languages.current)
        self._header()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def busy(self) -> bool:
        """A background job is running (a check, a collect, a build…)."""
        return self.tasks.running or self.jobs.running

    def closeEvent(self, event: QCloseEvent) -> None:
        self.tasks.wait()
        self.jobs.wait()
        if self.reload in self.ctx.listeners:
            self.ctx.listeners.remove(self.reload)
        super().closeEvent(event)
