"""What every view and controller needs, passed in constructors (no global application object)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from e2judge.paths import Profile
from e2judge.ui.i18n import Languages
from e2judge.ui.settings import UiSettings

if TYPE_CHECKING:  # the database layer is imported only once the window is on screen
    from e2judge.db.session import Database


@dataclass
class AppContext:
    """The open profile, its database, the UI language and settings."""

    profile: Profile
    db: Database
    languages: Languages
    settings: UiSettings
    demo: bool = False
    closed: bool = field(default=False, init=False)

    def reopen(self) -> None:
        """Open the profile's database again (after a restore)."""
        from e2judge.db.session import open_judge_db

        self.db = open_judge_db(self.profile.database)
        self.closed = False

    def close_db(self) -> None:
        if not self.closed:
            self.db.close()
            self.closed = True
