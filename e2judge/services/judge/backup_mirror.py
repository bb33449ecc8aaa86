"""Portable mode: a second copy of the rolling backups on the laptop's internal disk.

USB flash drives often report writes as done before they are (SQLite's documentation warns about
it), so a portable profile's backups are also copied to ``Profile.backup_mirror``
(``paths.portable_backups_root() / <profile id>``). ``backup.make_backup`` calls ``mirror_backup``
for portable profiles, so every backup — on start, on the timer, from the command line — is mirrored.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from e2judge.formats.safe_write import atomic_file, write_text
from e2judge.paths import Profile
from e2judge.services.judge.backup_names import BACKUP_PATTERN, backup_files, list_backups

logger = logging.getLogger("e2judge.backup_mirror")
SOURCE_NOTE = "mirrored-from.txt"


def mirrored_backups(folder: Path) -> list[Path]:
    """The backups in a mirror folder, newest first."""
    return backup_files(folder)


def _copy_synced(source: Path, target: Path) -> None:
    """Copy ``source`` to ``target`` via a temporary file, flushed to disk before it gets its name."""
    with source.open("rb") as src, atomic_file(target) as dst:
        shutil.copyfileobj(src, dst, 1 << 20)


def mirror_backup(profile: Profile, backup: Path | None = None, keep: int = 10) -> Path | None:
    """Copy ``backup`` (default: the newest) into the mirror and keep its newest ``keep`` copies.

    Returns the copy; None when the profile is not portable, there is no backup, or the copy
    failed (the failure is logged: the backup on the stick itself was made).
    """
    folder = profile.backup_mirror
    if folder is None:
        return None
    if keep < 1:
        raise ValueError("keep must be at least 1")
    if backup is None:
        newest = list_backups(profile)
        if not newest:
            return None
        backup = newest[0]
    if not BACKUP_PATTERN.match(backup.name):
        raise ValueError(f"not a backup file name: {backup.name}")
    target = folder / backup.name
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_text(folder / SOURCE_NOTE, f"Backups of the portable E2 Judge profile at:\n{profile.root}\n")
        _copy_synced(backup, target)
        for old in mirrored_backups(folder)[keep:]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        logger.warning("could not mirror backup %s to %s: %s", backup, folder, exc)
        return None
    return target
