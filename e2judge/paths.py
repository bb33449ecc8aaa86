"""The one place that decides where things live: profile folders and bundled resources."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "E2Judge"
HOME_ENV = "E2JUDGE_HOME"
PORTABLE_MARKER = "e2judge-portable.txt"


def resources_dir() -> Path:
    """The ``resources/`` folder, from a source checkout or a frozen (PyInstaller) build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file under ``resources/``."""
    return resources_dir().joinpath(*parts)


def portable_home() -> Path | None:
    """The profile beside the executable when the portable marker file is there."""
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    if (exe_dir / PORTABLE_MARKER).is_file():
        return exe_dir / "E2Judge-data"
    return None


def profile_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The profile folder: ``--home``, else ``E2JUDGE_HOME``, else portable, else the user data dir."""
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get(HOME_ENV)
    if env:
        return Path(env).expanduser().resolve()
    portable = portable_home()
    if portable is not None:
        return portable
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))


class Profile:
    """The files of one judge profile."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / "e2judge.sqlite3"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def keys(self) -> Path:
        return self.root / "keys"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    @property
    def lock_file(self) -> Path:
        return self.root / "e2judge.lock"

    def attachment_path(self, sha256: str) -> Path:
        """Content-addressed location of an attachment."""
        return self.attachments / sha256[:2] / sha256

    def ensure(self) -> Profile:
        for folder in (self.root, self.attachments, self.backups, self.keys, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        return self


class OrgWorkspace:
    """The files of one organizer workspace (ORGDIR)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def database(self) -> Path:
        return self.root / "organizer.sqlite3"

    @property
    def signing_key(self) -> Path:
        return self.root / "keys" / "organizer-signing.key.json"

    @property
    def sealing_key(self) -> Path:
        return self.root / "keys" / "organizer-sealing.key.json"

    @property
    def sheets(self) -> Path:
        return self.root / "sheets"
