"""One E2 Judge window (or writing command) per profile: an OS file lock on ``profile.lock_file``.

The lock is held by the operating system for the open file, so it goes away by itself when the
process ends, even when it is killed.
"""

from __future__ import annotations

from pathlib import Path
from types import TracebackType

from filelock import FileLock, Timeout

from e2judge.core.i18n import _
from e2judge.paths import Profile

__all__ = ["ProfileLock", "ProfileLocked"]


class ProfileLocked(Exception):
    """The profile is in use by another E2 Judge process; the message names the profile."""

    def __init__(self, root: Path) -> None:
        super().__init__(
            _("the profile {folder} is already open in another E2 Judge window").format(folder=root)
        )
        self.root = root


class ProfileLock:
    """Exclusive use of a profile: ``with ProfileLock(profile):`` or ``acquire()``/``release()``.

    Acquiring never waits: ``ProfileLocked`` is raised at once when another process holds it.
    """

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._lock = FileLock(str(profile.lock_file), timeout=0, thread_local=False)
        self._held = False

    @property
    def held(self) -> bool:
        return self._held

    def acquire(self) -> ProfileLock:
        """Take the lock (no-op when this object already holds it); ``ProfileLocked`` when taken."""
        if self._held:
            return self
        self.profile.root.mkdir(parents=True, exist_ok=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            raise ProfileLocked(self.profile.root) from None
        self._held = True
        return self

    def release(self) -> None:
        """Give the lock back (no-op when not held)."""
        if self._held:
            self._lock.release()
            self._held = False

    def __enter__(self) -> ProfileLock:
        return self.acquire()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
