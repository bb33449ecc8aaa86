"""Backups of the judge's database with SQLite's online backup API, and restoring one.

A backup is a consistent snapshot even while the app has the database open (WAL content
included). It is written under a temporary name, checked with ``PRAGMA integrity_check``, synced
and only then given its final name ``e2judge-YYYYmmdd-HHMMSS-ffffff.sqlite3`` (UTC). The newest
``keep`` are kept.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import sys
import uuid
from contextlib import closing
from pathlib import Path

from alembic.script import ScriptDirectory

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.db.migrate import alembic_config
from e2judge.db.session import DARWIN_PRAGMAS
from e2judge.formats.safe_write import atomic_path, fsync_directory, fsync_file
from e2judge.paths import Profile, absolute, sqlite_uri
from e2judge.services.judge.backup_check import (
    BackupContents,
    BackupProblem,
    inspect_copy,
    migrate_copy,
    summarise,
)
from e2judge.services.judge.backup_mirror import mirror_backup
from e2judge.services.judge.backup_names import BACKUP_PATTERN, list_backups

__all__ = [
    "BACKUP_PATTERN",
    "BackupContents",
    "DatabaseBusy",
    "check_database",
    "current_contents",
    "describe_backups",
    "inspect_backup",
    "list_backups",
    "make_backup",
    "restore_backup",
]

_JUDGE_TABLES = frozenset(
    {"alembic_version", "contest", "round", "entry", "assignment", "score", "audit_log"}
)
_SIDE_FILES = ("-wal", "-shm", "-journal")
_BUSY_MS = 10_000


class DatabaseBusy(InputRefused):
    """Another connection holds the database locked for longer than the busy timeout."""


def _connect(path: Path, mode: str) -> sqlite3.Connection:
    """A plain sqlite3 connection; ``mode`` "rw" never creates a file, "rwc" may."""
    con = sqlite3.connect(sqlite_uri(absolute(path), mode), uri=True, isolation_level=None)
    con.execute(f"PRAGMA busy_timeout={_BUSY_MS}")
    if sys.platform == "darwin":  # F_FULLFSYNC: fsync alone stops at the drive's cache there
        for pragma in DARWIN_PRAGMAS:
            con.execute(pragma)
    return con


def integrity_problem(path: Path) -> str | None:
    """None when ``PRAGMA integrity_check`` says ok, else what it (or SQLite) reported."""
    try:
        with closing(_connect(path, "rw")) as con:
            rows = con.execute("PRAGMA integrity_check").fetchall()
    except sqlite3.Error as exc:
        return _("not a readable SQLite database ({problem})").format(problem=exc)
    if rows == [("ok",)]:
        return None
    details = "; ".join(str(r[0]) for r in rows[:5])
    return _("integrity check failed: {details}").format(details=details)


def check_database(path: Path) -> str | None:
    """None when ``path`` is an intact E2 Judge profile database this version can open, else why not."""
    problem = integrity_problem(path)
    if problem is not None:
        return problem
    try:
        with closing(_connect(path, "rw")) as con:
            tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if not tables >= _JUDGE_TABLES:
                return _("not an E2 Judge profile database")
            versions = [r[0] for r in con.execute("SELECT version_num FROM alembic_version")]
    except sqlite3.Error as exc:
        return _("not a readable SQLite database ({problem})").format(problem=exc)
    known = {
        script.revision for script in ScriptDirectory.from_config(alembic_config("judge")).walk_revisions()
    }
    if len(versions) != 1 or versions[0] not in known:
        return _("made by a newer or unknown version of E2 Judge (schema {schema})").format(
            schema=", ".join(versions) or _("none")
        )
    return None


def _fsync(path: Path) -> None:
    fsync_file(path)
    fsync_directory(path.parent)


def _remove_side_files(path: Path) -> None:
    for suffix in _SIDE_FILES:
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _copy_database(source: Path, target: Path) -> None:
    """Copy ``source`` into ``target`` page by page with the online backup API (one transaction)."""
    with closing(_connect(source, "rw")) as src, closing(_connect(target, "rwc")) as dst:
        dst.execute("PRAGMA journal_mode=DELETE")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")


def _new_name(folder: Path) -> Path:
    while True:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        path = folder / f"e2judge-{stamp}.sqlite3"
        if not path.exists():
            return path


def _snapshot(profile: Profile) -> Path:
    """Back the live database up under a new name (checked and synced); nothing is pruned."""
    source = profile.database
    if not source.is_file():
        raise InputRefused(str(source), _("there is no database to back up yet"))
    profile.backups.mkdir(parents=True, exist_ok=True)
    final = _new_name(profile.backups)
    with atomic_path(final) as partial:
        try:
            _copy_database(source, partial)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise DatabaseBusy(
                    str(source), _("the database is busy ({problem}); try again").format(problem=exc)
                ) from exc
            raise InputRefused(str(source), _("the backup failed: {problem}").format(problem=exc)) from exc
        except sqlite3.Error as exc:
            raise InputRefused(str(source), _("the backup failed: {problem}").format(problem=exc)) from exc
        finally:
            _remove_side_files(partial)
        problem = integrity_problem(partial)
        _remove_side_files(partial)
        if problem is not None:
            raise InputRefused(
                str(source),
                _("the backup failed its check, nothing was kept: {problem}").format(problem=problem),
            )
    return final


def _save_current(profile: Profile) -> Path:
    """Save the current database before it is replaced: a checked backup, else its raw files."""
    source = profile.database
    if not source.exists():
        return source
    try:
        return _snapshot(profile)
    except DatabaseBusy:
        raise
    except InputRefused:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M%S-%f")
        damaged = profile.backups / f"e2judge-damaged-{stamp}.sqlite3"
        shutil.copyfile(source, damaged)
        for suffix in ("-wal",):
            side = Path(f"{source}{suffix}")
            if side.exists():
                shutil.copyfile(side, Path(f"{damaged}{suffix}"))
        return damaged


def _prune(profile: Profile, keep: int) -> None:
    for old in list_backups(profile)[keep:]:
        old.unlink(missing_ok=True)


def make_backup(profile: Profile, keep: int = 10) -> Path:
    """Back up the live database (online, consistent, integrity-checked); keep the newest ``keep``."""
    if keep < 1:
        raise ValueError("keep must be at least 1")
    made = _snapshot(profile)
    _prune(profile, keep)
    if profile.is_portable:
        # A USB stick may lie about having written the file: keep a copy on the laptop's disk too.
        mirror_backup(profile, made, keep)
    return made


def _staged_copy(profile: Profile, backup: Path) -> Path:
    """A private copy of ``backup`` in the profile's backups folder (the chosen file is never opened)."""
    backup = Path(backup)
    if not backup.is_file():
        raise InputRefused(str(backup), _("no such backup file"))
    profile.ensure()
    staging = profile.backups / f".restore-{uuid.uuid4().hex}.partial"
    try:
        shutil.copyfile(backup, staging)
    except BaseException:
        _discard(staging)
        raise
    return staging


def _discard(staging: Path) -> None:
    staging.unlink(missing_ok=True)
    _remove_side_files(staging)


def _checked(profile: Profile, backup: Path, staging: Path, *, migrate: bool) -> BackupContents:
    """Check the staged copy (``backup_check``); with ``migrate``, bring an older one up to date."""
    try:
        contents = inspect_copy(staging, profile.backups)
        return migrate_copy(staging, contents, profile.backups) if migrate else contents
    except BackupProblem as exc:
        raise InputRefused(str(backup), _("cannot be restored: {problem}").format(problem=exc)) from None


def describe_backups(profile: Profile) -> list[tuple[Path, BackupContents | None]]:
    """Each backup (newest first) with what it holds: entries, scores, last change (``None``: unreadable)."""
    return [(path, summarise(path)) for path in list_backups(profile)]


def current_contents(profile: Profile) -> BackupContents | None:
    """What the profile holds now, counted the same way as a backup (``None`` when there is nothing)."""
    return summarise(profile.database) if profile.database.exists() else None


def inspect_backup(profile: Profile, backup: Path) -> BackupContents:
    """Check ``backup`` as restore would and say what it holds; nothing changes. ``InputRefused``."""
    staging = _staged_copy(profile, backup)
    try:
        return _checked(profile, backup, staging, migrate=False)
    finally:
        _discard(staging)


def restore_backup(profile: Profile, backup: Path) -> Path:
    """Replace the database with ``backup``; the caller must have closed its ``Database``.

    The backup is copied and the copy checked first (``backup_check``: intact, exactly the schema
    this app creates, a version it knows; an older one migrated on the copy). The current database
    is then saved as a new backup, its ``-wal``/``-shm`` removed, and the copy copied into it with
    the backup API. Returns the saved previous database (or the database path when there was none).
    Refused with ``InputRefused``, nothing changed.
    """
    staging = _staged_copy(profile, backup)
    try:
        _checked(profile, backup, staging, migrate=True)
        saved = _save_current(profile)
        target = profile.database
        _remove_side_files(target)
        try:
            try:
                _copy_database(staging, target)
            except sqlite3.OperationalError:
                raise
            except sqlite3.DatabaseError:
                # The current file is not a database at all (its bytes were saved above): start afresh.
                target.unlink(missing_ok=True)
                _remove_side_files(target)
                _copy_database(staging, target)
        except sqlite3.Error as exc:
            raise InputRefused(
                str(target),
                _("could not restore ({problem}); close every E2 Judge window and try again").format(
                    problem=exc
                ),
            ) from exc
        problem = integrity_problem(target)
        if problem is not None:
            raise InputRefused(
                str(target), _("the restored database failed its check: {problem}").format(problem=problem)
            )
        _fsync(target)
    finally:
        _discard(staging)
    return saved
