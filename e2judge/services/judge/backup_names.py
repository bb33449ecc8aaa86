"""The names of backup files and where they are listed (shared by backup.py and backup_mirror.py)."""

from __future__ import annotations

import re
from pathlib import Path

from e2judge.paths import Profile

__all__ = ["BACKUP_PATTERN", "backup_files", "list_backups"]

BACKUP_PATTERN = re.compile(r"^e2judge-\d{8}-\d{6}-\d{6}\.sqlite3$")


def backup_files(folder: Path) -> list[Path]:
    """The backups in ``folder``, newest first (none when there is no such folder)."""
    if not folder.is_dir():
        return []
    found = [p for p in folder.iterdir() if BACKUP_PATTERN.match(p.name) and p.is_file()]
    return sorted(found, key=lambda p: p.name, reverse=True)


def list_backups(profile: Profile) -> list[Path]:
    """The profile's backups, newest first."""
    return backup_files(profile.backups)
