"""Opening an entry's attachment in the system viewer, safely.

The store keeps files under their SHA-256 without an extension, so a copy with the original
(sanitised) name is made in a private temporary folder and opened from there. Files that a system
would run rather than show (programs, scripts, shortcuts) are never opened.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from e2judge.core.filenames import safe_on_disk
from e2judge.formats.cleanup import remove_tree

if TYPE_CHECKING:
    from e2judge.services.judge.entries import AttachmentInfo

RUNNABLE = frozenset(
    [
        "exe",
        "com",
        "bat",
        "cmd",
        "msi",
        "msp",
        "scr",
        "pif",
        "cpl",
        "lnk",
        "url",
        "js",
        "jse",
        "vbs",
        "vbe",
        "wsf",
        "wsh",
        "ps1",
        "psm1",
        "hta",
        "jar",
        "reg",
        "inf",
        "sh",
        "command",
        "app",
        "dmg",
        "pkg",
        "deb",
        "rpm",
        "py",
        "pyw",
        "appimage",
        "desktop",
        "scf",
        "library-ms",
        "application",
        "gadget",
    ]
)
IMAGE_SUFFIXES = frozenset({"png", "jpg", "jpeg", "gif", "bmp", "webp"})
PDF_SUFFIXES = frozenset({"pdf"})
VIDEO_SUFFIXES = frozenset({"mp4", "m4v", "mov", "avi", "mkv", "wmv", "webm", "mpg", "mpeg", "3gp"})
_UNSAFE = re.compile(r"[^\w.\- ()\[\]]+", re.UNICODE)


def suffix(name: str) -> str:
    return Path(name).suffix.lower().lstrip(".")


def is_runnable(name: str) -> bool:
    """Whether the OS would execute this file rather than show it (checks every suffix)."""
    return suffix(safe_name(name)) in RUNNABLE


def safe_name(name: str) -> str:
    """A file name safe on every OS: no folders, no reserved characters or device names, not empty."""
    base = Path(name.replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip(" .") or "attachment"
    return safe_on_disk(cleaned[:120])


def kind(name: str) -> str:
    """ "image", "pdf", "video" or "other" from the name."""
    ext = suffix(name)
    if ext in IMAGE_SUFFIXES:
        return "image"
    if ext in PDF_SUFFIXES:
        return "pdf"
    if ext in VIDEO_SUFFIXES:
        return "video"
    return "other"


class AttachmentOpener:
    """Copies attachments to a private temporary folder and opens them with the system viewer."""

    def __init__(self) -> None:
        self._folder: Path | None = None

    def prepare(self, info: AttachmentInfo) -> Path:
        """The viewer copy of ``info`` (made once). ``FileNotFoundError`` when the store lacks it."""
        if not info.path.is_file():
            raise FileNotFoundError(str(info.path))
        if self._folder is None:
            self._folder = Path(tempfile.mkdtemp(prefix="e2judge-view-"))
        target = self._folder / info.sha256[:12] / safe_name(info.name)
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            if kind(info.name) == "video":
                try:  # a video can be large: the profile's own copy, under its real name
                    os.link(info.path, target)
                    return target
                except OSError:
                    pass  # another drive, or a file system without links: a copy
            shutil.copyfile(info.path, target)
        return target

    def open(self, info: AttachmentInfo) -> bool:
        """Open in the system viewer; False when refused (runnable) or the viewer failed."""
        if is_runnable(info.name):
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.prepare(info))))

    def cleanup(self) -> None:
        if self._folder is not None:
            remove_tree(self._folder)
            self._folder = None
