"""One writing organizer command at a time per workspace: an OS file lock on ``ORGDIR/organizer.lock``.

Two ``org collect`` runs at once (two terminals, or a double-clicked script run twice) would both
merge the same sheets and archive them under the same names. The lock is held by the operating
system for the open file, so it goes away by itself when the process ends, even when killed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock, Timeout

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.paths import OrgWorkspace

__all__ = ["WorkspaceBusy", "workspace_lock"]


class WorkspaceBusy(InputRefused):
    """Another E2 Judge process is writing to this organizer workspace."""


@contextmanager
def workspace_lock(ws: OrgWorkspace) -> Iterator[None]:
    """Hold the workspace's lock for the block; ``WorkspaceBusy`` at once when another process has it."""
    lock = FileLock(str(ws.lock_file), timeout=0, thread_local=False)
    try:
        lock.acquire()
    except Timeout:
        raise WorkspaceBusy(
            str(ws.root),
            _(
                "another E2 Judge command (collect, build or enroll) is working on this organizer "
                "workspace; wait for it to finish, then try again"
            ),
        ) from None
    try:
        yield
    finally:
        lock.release()
