"""What the organizer's views and controllers share, passed in constructors."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtWidgets import QWidget

from e2judge.ui.i18n import Languages

# Asks for the organizer passphrase (parent, what it is for); None when the organizer cancels.
AskPassphrase = Callable[[QWidget, str], "str | None"]
# Asks for a folder or a file to write (parent, title, suggested name); None when cancelled.
AskPath = Callable[[QWidget, str, str], "Path | None"]


@dataclass
class OrgContext:
    """The open workspace (None until one is opened), the language, and the questions asked."""

    languages: Languages
    ask_passphrase: AskPassphrase
    ask_save: AskPath
    ask_folder: AskPath
    orgdir: Path | None = None
    demo: bool = False
    listeners: list[Callable[[], None]] = field(default_factory=list)

    def changed(self) -> None:
        """Tell every page that the workspace's content changed (after a build, a collect…)."""
        for listener in list(self.listeners):
            listener()
