"""The one place that decides where things live: profile folders and bundled resources."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import uuid
from pathlib import Path, PurePath
from urllib.parse import quote

import platformdirs

APP_NAME = "E2Judge"
HOME_ENV = "E2JUDGE_HOME"
PORTABLE_MARKER = "e2judge-portable.txt"
PORTABLE_DATA = "E2Judge-data"
PROFILE_ID_FILE = "profile-id.txt"
_PROFILE_ID = re.compile(r"[0-9a-f]{32}")


def resources_dir() -> Path:
    """The ``resources/`` folder, from a source checkout or a frozen (PyInstaller) build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A file under ``resources/``."""
    return resources_dir().joinpath(*parts)


def executable_dir() -> Path | None:
    """The folder a judge sees the frozen app in (None when running from source).

    That is the executable's folder, except inside a macOS ``.app`` bundle, where it is the folder
    holding ``E2 Judge.app`` (nobody can see, let alone edit, files inside the bundle).
    """
    if not getattr(sys, "frozen", False):
        return None
    exe_dir = Path(sys.executable).resolve().parent
    contents = exe_dir.parent
    if exe_dir.name == "MacOS" and contents.name == "Contents" and contents.parent.suffix == ".app":
        return contents.parent.parent
    return exe_dir


def portable_home() -> Path | None:
    """The profile beside the executable when the portable marker file is there (frozen builds only)."""
    folder = executable_dir()
    if folder is not None and (folder / PORTABLE_MARKER).is_file():
        return folder / PORTABLE_DATA
    return None


def portable_backups_root() -> Path:
    """Where portable profiles mirror their rolling backups: the laptop's own (local) user data dir.

    Flash drives often acknowledge writes they have not made, so a backup kept only on the stick
    is not enough. Windows: ``%LOCALAPPDATA%\\E2Judge\\portable-backups``; macOS:
    ``~/Library/Application Support/E2Judge/portable-backups``; Linux:
    ``~/.local/share/E2Judge/portable-backups``.
    """
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)) / "portable-backups"


def _same_folder(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def absolute(path: str | os.PathLike[str]) -> Path:
    """``path`` made absolute *without* resolving links or drives.

    ``Path.resolve()`` turns a Windows mapped drive (``Z:\\E2Judge``) into its UNC form
    (``\\\\server\\share\\E2Judge``); SQLite then refuses the URI and the judge sees another
    folder name than the one they chose. ``os.path.abspath`` only joins and normalises.
    """
    return Path(os.path.abspath(os.path.expanduser(os.fspath(path))))


def sqlite_uri(path: PurePath, mode: str) -> str:
    """A SQLite ``file:`` URI for the absolute ``path`` with ``?mode=`` (``ro``, ``rw``, ``rwc``).

    SQLite refuses any URI authority but ``localhost`` (``file://server/share/…``: "invalid uri
    authority"), so the authority is always empty: ``/home/a`` -> ``file:///home/a``,
    ``Z:\\E2Judge\\p.sqlite`` -> ``file:///Z:/E2Judge/p.sqlite`` and the UNC path
    ``\\\\server\\share\\p.sqlite`` -> ``file:////server/share/p.sqlite``. Every character that
    means something in a URI (``?``, ``#``, ``%``, spaces, non-ASCII) is percent-encoded.
    """
    text = path.as_posix()
    if not text.startswith("/"):
        text = "/" + text
    return f"file://{quote(text, safe='/:')}?mode={quote(mode)}"


def default_profile_dir() -> Path:
    """The profile folder when none is chosen: the user's *local* (not roaming) data folder.

    Windows school domains redirect the roaming AppData to a network share, where SQLite's WAL
    is unsafe, so the default is ``%LOCALAPPDATA%\\E2Judge``. A profile an earlier build made in
    the roaming folder (``%APPDATA%\\E2Judge``) is kept in use when there is none in the local
    folder yet: moving a profile (database and attachments, possibly gigabytes) automatically at
    start-up could lose scores if interrupted, so ``roaming_move_target`` lets the app ask the judge to
    move it instead. macOS and Linux have one folder for both, so nothing changes there.
    """
    local = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    roaming = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    if roaming != local and not Profile(local).database.exists() and Profile(roaming).database.exists():
        return roaming
    return local


def roaming_move_target(root: Path) -> Path | None:
    """The local folder a profile should move to when ``root`` is the roaming default, else None."""
    local = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))
    roaming = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    return local if roaming != local and root == roaming else None


def profile_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The profile folder: ``--home``, else ``E2JUDGE_HOME``, else portable, else the local user data dir."""
    if explicit:
        return absolute(explicit)
    env = os.environ.get(HOME_ENV)
    if env:
        return absolute(env)
    portable = portable_home()
    if portable is not None:
        return portable
    return default_profile_dir()


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

    @property
    def is_portable(self) -> bool:
        """Whether this is the portable profile beside the executable (marker file present)."""
        home = portable_home()
        return home is not None and _same_folder(home, self.root)

    @property
    def profile_id_file(self) -> Path:
        return self.root / PROFILE_ID_FILE

    def profile_id(self) -> str:
        """A stable id naming the backup mirror (the id file, else a hash of the folder's path).

        Drive letters change between laptops and sessions, so the id written by ``ensure`` is
        preferred over the path.
        """
        try:
            text = self.profile_id_file.read_text(encoding="ascii").strip()
        except (OSError, UnicodeDecodeError):
            text = ""
        if _PROFILE_ID.fullmatch(text):
            return text
        return hashlib.sha256(str(self.root.resolve()).encode("utf-8")).hexdigest()[:32]

    @property
    def backup_mirror(self) -> Path | None:
        """Portable profiles only: the folder on the internal disk that also keeps the rolling backups."""
        if not self.is_portable:
            return None
        return portable_backups_root() / self.profile_id()

    def ensure(self) -> Profile:
        for folder in (self.root, self.attachments, self.backups, self.keys, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        if self.is_portable and not self.profile_id_file.exists():
            self.profile_id_file.write_text(uuid.uuid4().hex + "\n", encoding="ascii")
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
    def lock_file(self) -> Path:
        return self.root / "organizer.lock"

    @property
    def sheets(self) -> Path:
        return self.root / "sheets"
