"""Crash handling without Qt: a rotating log file in the profile and hooks that log every unhandled error.

The log is ``<profile>/logs/e2judge.log`` (5 files × 1 MB). An unhandled exception's traceback goes
there before anything else happens, then to ``on_crash`` (the GUI shows its dialog). Scores are
committed to the database at every change, so a crash loses nothing the judge typed.
Hard crashes of native code (Qt) are written by ``faulthandler`` to ``logs/e2judge-faults.log``.
"""

from __future__ import annotations

import atexit
import contextlib
import faulthandler
import logging
import logging.handlers
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from e2judge import __version__
from e2judge.paths import Profile

LOGGER_NAME = "e2judge"
LOG_FILE = "e2judge.log"
FAULT_FILE = "e2judge-faults.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

CrashCallback = Callable[[str, Path], None]  # (traceback text, log file)

logger = logging.getLogger(LOGGER_NAME)
_fault_stream: IO[str] | None = None
_fault_was_enabled = False


class _ProfileLogHandler(logging.handlers.RotatingFileHandler):
    """Our handler (told apart from anyone else's so setting up twice replaces it)."""


def log_file(profile: Profile) -> Path:
    """The current log file of a profile."""
    return profile.logs / LOG_FILE


def setup_logging(profile: Profile, level: int = logging.INFO) -> Path:
    """Log the ``e2judge`` loggers to the profile's rotating log file; returns its path.

    Calling it again (another profile, e.g. after ``--home``) replaces the previous file handler.
    """
    path = log_file(profile)
    path.parent.mkdir(parents=True, exist_ok=True)
    for old in [h for h in logger.handlers if isinstance(h, _ProfileLogHandler)]:
        logger.removeHandler(old)
        old.close()
    handler = _ProfileLogHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter(LOG_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    return path


def format_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The text written for one unhandled exception: app version, Python, platform, traceback."""
    head = f"E2 Judge {__version__}, Python {sys.version.split()[0]}, {sys.platform}"
    frozen = " (frozen build)" if getattr(sys, "frozen", False) else ""
    return head + frozen + "\n" + "".join(traceback.format_exception(kind, exc, tb))


def log_crash(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """Write an unhandled exception to the log (never raises); returns the text written."""
    text = format_crash(kind, exc, tb)
    try:
        logger.critical("unhandled exception\n%s", text.rstrip())
        for handler in logger.handlers:
            handler.flush()
    except Exception:  # noqa: S110 - logging must never turn one error into two
        pass
    return text


def install_excepthook(profile: Profile, on_crash: CrashCallback | None = None) -> Path:
    """Log every unhandled exception (main thread and other threads) and call ``on_crash`` for it.

    ``KeyboardInterrupt`` keeps Python's default behaviour. An error inside ``on_crash`` is
    logged too and never re-enters it. Returns the log file.
    """
    path = setup_logging(profile)
    enable_fault_log(profile)
    logger.info("E2 Judge %s started, profile %s", __version__, profile.root)

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        text = log_crash(kind, exc, tb)
        if sys.__stderr__ is not None:  # windowed builds have no stderr
            with contextlib.suppress(OSError, ValueError):
                sys.__stderr__.write(text)
        if on_crash is None:
            return
        try:
            on_crash(text, path)
        except Exception as failure:  # the dialog itself failed: log it, don't recurse
            log_crash(type(failure), failure, failure.__traceback__)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        logger.critical("unhandled exception in thread %s", name)
        log_crash(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
    return path


def enable_fault_log(profile: Profile) -> Path | None:
    """Let ``faulthandler`` write native crashes (segfaults) to ``logs/e2judge-faults.log``."""
    global _fault_stream, _fault_was_enabled  # noqa: PLW0603 - one open file for the process's lifetime
    path = profile.logs / FAULT_FILE
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = path.open("a", encoding="utf-8")
    except OSError:
        return None
    if _fault_stream is None:
        _fault_was_enabled = faulthandler.is_enabled()
        atexit.register(_close_fault_log)  # the stream lives until the process ends, then is closed
    faulthandler.enable(file=stream, all_threads=True)
    if _fault_stream is not None:
        _fault_stream.close()
    _fault_stream = stream
    return path


def _close_fault_log() -> None:
    global _fault_stream  # noqa: PLW0603
    if _fault_stream is not None:
        faulthandler.disable()
        _fault_stream.close()
        _fault_stream = None


def uninstall() -> None:
    """Restore Python's default hooks and close our log files (tests, end of process)."""
    global _fault_stream  # noqa: PLW0603
    sys.excepthook = sys.__excepthook__
    threading.excepthook = threading.__excepthook__
    for handler in [h for h in logger.handlers if isinstance(h, _ProfileLogHandler)]:
        logger.removeHandler(handler)
        handler.close()
    if _fault_stream is not None:
        faulthandler.disable()
        _fault_stream.close()
        _fault_stream = None
        if _fault_was_enabled and sys.__stderr__ is not None:
            faulthandler.enable(file=sys.__stderr__, all_threads=True)
