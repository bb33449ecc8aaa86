"""``e2judge --self-test``: exercise the whole app once, in a throw-away profile, from source or frozen.

Each step prints one line (``ok  import demo batch (16 entries)``); the first failure prints
``FAIL <step>: <why>`` (and the traceback on stderr) and the exit code is 1. Nothing outside a
temporary folder is touched. Qt runs offscreen unless ``QT_QPA_PLATFORM`` says otherwise, so the
test also passes on a build machine without a display; in a frozen build the native platform
plugin is checked to be bundled as well.

A missing part of the app (e.g. a module not built yet) fails its step with the module's name: a
self-test that skips what it cannot find would pass a broken build.
"""

from __future__ import annotations

import faulthandler
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from e2judge import __version__
from e2judge.core.rubric import Criterion
from e2judge.paths import Profile, resource, resources_dir

PASSPHRASE = "self-test passphrase, thrown away"  # noqa: S105 - a throw-away key in a temp profile
ACTOR = "self-test"
SCORED = 2
MIN_PDF_BYTES = 10_000  # a report with its embedded (subset) Vietnamese font is far larger
NATIVE_PLATFORM_PLUGIN = {"win32": "qwindows", "darwin": "qcocoa"}  # anything else: xcb


class StepFailed(Exception):
    """A check inside a step did not hold; the message says what."""


def need(condition: bool, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def demo_batch_path() -> Path:
    """The first bundled e2-2022 demo batch for judge GK01."""
    folder = resource("demo", "batches")
    need(folder.is_dir(), f"the demo batches are not bundled: {folder} is missing")
    found = sorted(p for p in folder.glob("*GK01*.e2batch") if p.name.startswith("e2-2022"))
    need(bool(found), f"no e2-2022 GK01 demo batch in {folder}")
    return found[0]


def _points_for(criterion: Criterion) -> float:
    """A valid score in the middle of a criterion's range."""
    allowed = criterion.allowed_points()
    return allowed[len(allowed) // 2]


class SelfTest:
    """The steps, sharing one temporary profile."""

    def __init__(self, work: Path) -> None:
        self.work = work
        self.profile = Profile(work / "profile")
        self.out = work / "out"
        self.db: Any = None
        self.ref: Any = None
        self.codes: list[str] = []
        self.points: dict[str, dict[str, float]] = {}
        self.key_id = ""
        self.pdf_pages = 0
        self.entries = 0
        self.app: Any = None

    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("bundled resources", self.bundled_resources),
            ("open temporary profile", self.open_profile),
            ("import demo batch", self.import_demo),
            ("score two entries", self.score_entries),
            ("back up the database", self.back_up),
            ("create judge key", self.create_key),
            ("export signed score sheet", self.export_sheet),
            ("write PDF report", self.write_pdf),
            ("write Excel workbook", self.write_workbook),
            ("judges' agreement", self.agreement),
            ("start Qt", self.start_qt),
            ("load Vietnamese translation", self.translations),
            ("open main window", self.main_window),
            ("crash dialog", self.crash_dialog),
        ]

    # --- steps ---------------------------------------------------------------------------------

    def bundled_resources(self) -> str:
        from e2judge.db.migrate import MIGRATIONS
        from e2judge.pdf.fonts import font_dir

        root = resources_dir()
        need(root.is_dir(), f"resources folder missing: {root}")
        demo_batch_path()
        for kind in ("judge", "org"):
            versions = MIGRATIONS / kind / "versions"
            need(any(versions.glob("0001_*.py*")), f"Alembic migration scripts missing in {versions}")
        schemas = Path(__file__).resolve().parent / "formats" / "schemas"
        need(any(schemas.glob("*.schema.json")), f"JSON schemas missing in {schemas}")
        regular = font_dir() / "BeVietnamPro-Regular.ttf"
        need(regular.is_file(), f"font missing: {regular}")
        return str(root)

    def open_profile(self) -> str:
        from e2judge.db.migrate import current_revision, head_revision
        from e2judge.db.session import open_judge_db

        self.profile.ensure()
        self.out.mkdir(parents=True)
        self.db = open_judge_db(self.profile.database)
        revision = current_revision(self.profile.database)
        need(revision == head_revision("judge"), f"schema at {revision}, expected {head_revision('judge')}")
        return f"schema {revision}, in {self.work}"

    def import_demo(self) -> str:
        from e2judge.services.judge.import_batch import import_batch
        from e2judge.services.judge.rounds import list_rounds

        summary = import_batch(self.db, self.profile, demo_batch_path())
        need(bool(summary.entries_added), "the demo batch added no entries")
        rounds = list_rounds(self.db)
        need(len(rounds) == 1, f"expected one round after the import, found {len(rounds)}")
        self.ref = rounds[0]
        self.entries = len(summary.entries_added)
        return f"{self.entries} entries"

    def score_entries(self) -> str:
        from e2judge.services.judge.entries import Status, list_entries
        from e2judge.services.judge.scoring import set_comment, set_points

        rows = [r for r in list_entries(self.db, self.ref) if r.status is not Status.CONFLICT][:SCORED]
        need(len(rows) == SCORED, f"the demo batch has fewer than {SCORED} entries to score")
        for row in rows:
            given: dict[str, float] = {}
            for criterion in self.ref.rubric.criteria:
                points = _points_for(criterion)
                set_points(self.db, row.assignment_id, criterion.id, points, ACTOR)
                if criterion.comment_required(points):
                    set_comment(self.db, row.assignment_id, criterion.id, "Nhận xét kiểm tra.", ACTOR)
                given[criterion.id] = points
            self.codes.append(row.code)
            self.points[row.code] = given
        after = {r.code: r for r in list_entries(self.db, self.ref)}
        for code in self.codes:
            need(after[code].status is Status.COMPLETE, f"{code} is {after[code].status}, not complete")
        return ", ".join(self.codes)

    def back_up(self) -> str:
        from e2judge.services.judge.backup import check_database, make_backup

        made = make_backup(self.profile, keep=2)
        problem = check_database(made)
        need(problem is None, f"the backup {made.name} does not check out: {problem}")
        return made.name

    def create_key(self) -> str:
        from e2judge.services.judge.judge_key import ensure_judge_key

        info = ensure_judge_key(self.profile, PASSPHRASE, "E2 Judge self-test")
        self.key_id = info.key_id
        return f"key {info.key_id}"

    def export_sheet(self) -> str:
        from e2judge.formats.sheet import read_sheet_file
        from e2judge.services.judge.sheet_export import export_sheet

        result = export_sheet(self.db, self.profile, self.ref, self.out, PASSPHRASE, seal=False)
        sheet, _data = read_sheet_file(result.path)
        payload = sheet.payload
        need(sheet.signer_key_id == self.key_id, f"signed by {sheet.signer_key_id}, not {self.key_id}")
        need(payload.revision == 1, f"revision {payload.revision}, expected 1")
        scores = {e.code: e for e in payload.entries}
        for code in self.codes:
            need(code in scores and scores[code].complete, f"{code} is not complete in the sheet")
            read = dict(zip(payload.criteria, scores[code].points, strict=True))
            need(read == self.points[code], f"{code}: the sheet holds {read}, expected {self.points[code]}")
        return f"{result.path.name}, {len(payload.entries)} entries, {len(self.codes)} complete"

    def write_pdf(self) -> str:
        from e2judge.services.judge.reports import write_entry_reports

        out = self.out / "entries.pdf"
        pages = write_entry_reports(self.db, self.profile, self.ref, out, codes=self.codes)
        data = out.read_bytes()
        need(data.startswith(b"%PDF-"), "the file does not start with a PDF header")
        need(b"%%EOF" in data[-1024:], "the file has no PDF trailer (%%EOF)")
        need(len(data) >= MIN_PDF_BYTES, f"only {len(data)} bytes: the font is probably not embedded")
        need(b"/FontFile2" in data, "no embedded TrueType font in the PDF")
        need(pages >= len(self.codes), f"{pages} pages for {len(self.codes)} entries")
        self.pdf_pages = pages
        return f"{pages} pages, {len(data) // 1024} KiB"

    def write_workbook(self) -> str:
        import openpyxl

        from e2judge.services.judge.reports import write_judge_workbook

        out = self.out / "scores.xlsx"
        write_judge_workbook(self.db, self.ref, out)
        wb = openpyxl.load_workbook(out, read_only=True)
        try:
            sheets = wb.sheetnames
            first = wb[sheets[0]]
            cells = {str(v) for row in first.iter_rows(values_only=True) for v in row if v is not None}
        finally:
            wb.close()
        missing = [code for code in self.codes if code not in cells]
        need(not missing, f"scored entries missing from sheet {sheets[0]!r}: {', '.join(missing)}")
        return f"{len(sheets)} sheets"

    def agreement(self) -> str:
        from e2judge.core.agreement import interval_alpha

        # Krippendorff (2011)'s 4 x 12 example: interval alpha .849 (the organizer's results need it).
        rows = ["1 2 3 3 2 1 4 1 2 . . .", "1 2 3 3 2 2 4 1 2 5 . 3", ". 3 3 3 2 3 4 2 2 5 1 .",
                "1 2 3 3 2 4 4 1 2 5 1 ."]
        scores = {
            i: {u: float(v) for u, v in enumerate(row.split()) if v != "."} for i, row in enumerate(rows)
        }
        result = interval_alpha(scores, samples=100)
        need(result.value is not None and round(result.value, 3) == 0.849, f"alpha {result.value}")
        return f"alpha {result.value:.3f}"

    def start_qt(self) -> str:
        if not os.environ.get("QT_QPA_PLATFORM"):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from e2judge.app import make_application
        from e2judge.ui.fonts import install_fonts
        from e2judge.ui.qt_checks import platform_plugins, read_pdf

        self.app = make_application()
        platform = self.app.platformName()
        if getattr(sys, "frozen", False):
            plugins = platform_plugins()
            native = NATIVE_PLATFORM_PLUGIN.get(sys.platform, "qxcb")
            need(any(plugins.glob(f"*{native}*")), f"the native window plugin {native} is not in {plugins}")
        family = install_fonts(self.app)
        need(family is not None, "the Be Vietnam Pro font could not be loaded into Qt")
        # The PDF written above, read back by Qt's own PDF engine (the one the app displays with).
        pages, text = read_pdf(self.out / "entries.pdf", self.app)
        need(pages == self.pdf_pages, f"Qt reads {pages} pages, reportlab wrote {self.pdf_pages}")
        need(self.codes[0] in text, f"the first page of the PDF does not mention {self.codes[0]}")
        return f"platform {platform}, font {family}, PDF read back"

    def translations(self) -> str:
        from e2judge.core import i18n
        from e2judge.ui.i18n import load_translator, qm_file

        translator = load_translator("vi")
        need(translator is not None, "no Vietnamese translation found")
        assert translator is not None
        text = translator.translate("App", "E2 Judge is already open")
        need(bool(text), "the Vietnamese translation does not translate the app's texts")
        # The core's messages (refusals, problems): gettext catalogue, decimal comma.
        before = i18n.current_language()
        try:
            i18n.set_language("vi")
            english = "{value} is above the maximum {maximum}"
            message = i18n._(english).format(value=i18n.number(2.5), maximum=i18n.number(2))
        finally:
            i18n.set_language(before)
        need(message == "2,5 vượt quá điểm tối đa 2", f"the core's messages are not in Vietnamese: {message}")
        if getattr(sys, "frozen", False):
            need(qm_file("vi").is_file(), f"the compiled translation is not bundled: {qm_file('vi')}")
            need(i18n.mo_file("vi").is_file(), f"the message catalogue is not bundled: {i18n.mo_file('vi')}")
        qt = "compiled .qm" if qm_file("vi").is_file() else "from the .ts source"
        return f"{qt}; messages: {i18n.catalog_source('vi')}"

    def main_window(self) -> str:
        from e2judge.ui.context import AppContext
        from e2judge.ui.i18n import Languages
        from e2judge.ui.main_window import MainWindow
        from e2judge.ui.settings import UiSettings

        languages = Languages(self.app, "vi")
        settings = UiSettings(self.profile)
        ctx = AppContext(profile=self.profile, db=self.db, languages=languages, settings=settings)
        window = MainWindow.for_context(ctx, start_backups=False)
        try:
            window.resize(1366, 768)
            self.app.processEvents()
            title = window.windowTitle()
            need(bool(title), "the main window has no title")
            rows = window.model.rowCount()
            need(rows == self.entries, f"the entry list shows {rows} entries, not {self.entries}")
        finally:
            window.close()
            window.deleteLater()
            self.app.processEvents()
        return f"{rows} entries listed"

    def crash_dialog(self) -> str:
        from e2judge.crash import log_file
        from e2judge.ui.crash_dialog import CrashDialog

        dialog = CrashDialog("self-test", log_file(self.profile))
        try:
            need("E2 Judge" in dialog.windowTitle(), "the crash dialog has no title")
        finally:
            dialog.deleteLater()
        return "built"

    # --- cleanup -----------------------------------------------------------------------------

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db = None


def _say(line: str, stream: Any = None) -> None:
    target = sys.stdout if stream is None else stream
    if target is not None:  # a windowed Windows build has no stdout
        print(line, file=target, flush=True)


def run_self_test(keep: bool = False) -> int:
    """Run every step; 0 when all passed, 1 at the first failure."""
    mode = "frozen" if getattr(sys, "frozen", False) else "source"
    if sys.stderr is not None and not faulthandler.is_enabled():
        faulthandler.enable()  # a native crash (Qt) still says where it happened
    _say(f"E2 Judge {__version__} self-test ({mode}, Python {sys.version.split()[0]}, {sys.platform})")
    started = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="e2judge-selftest-"))
    test = SelfTest(work)
    try:
        for name, step in test.steps():
            try:
                detail = step()
            except Exception as exc:
                _say(f"FAIL {name}: {_why(exc)}")
                _say(traceback.format_exc().rstrip(), sys.stderr)
                _say(f"self-test failed at step: {name}")
                return 1
            _say(f"ok  {name}" + (f" ({detail})" if detail else ""))
    finally:
        test.close()
        if keep:
            _say(f"files kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    _say(f"self-test passed: {len(test.steps())} steps in {time.monotonic() - started:.1f} s")
    return 0


def _why(exc: BaseException) -> str:
    if isinstance(exc, StepFailed):
        return str(exc)
    if isinstance(exc, ModuleNotFoundError):
        return f"part of the app is missing: module {exc.name} ({exc})"
    return f"{type(exc).__name__}: {exc}"
