"""Removing temporary files and folders when Windows holds them for a moment.

On Windows an antivirus scanner or the search indexer opens a freshly written file to look at it;
until it lets go, deleting the file fails with ``PermissionError`` (sharing violation). Cleanup
paths (a refused import's staged attachments, a partial download of a member) retry a few times
before giving up, so a refused or cancelled operation does not leave files behind. Elsewhere the
first attempt succeeds and nothing waits.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

RETRY_DELAYS = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds; about 1.5 s in all before the last attempt


def remove_file(path: Path) -> None:
    """Delete ``path`` if it exists, retrying briefly on ``PermissionError``; the last error is raised."""
    for delay in RETRY_DELAYS:
        try:
            os.unlink(path)
            return
        except FileNotFoundError:
            return
        except PermissionError:
            time.sleep(delay)
    try:
        os.unlink(path)
    except FileNotFoundError:
        return


def remove_tree(path: Path) -> bool:
    """Delete the folder ``path`` and everything in it, retrying briefly; True when it is gone.

    Never raises: what cannot be removed after the retries is left (a later cleanup may remove it).
    """
    for delay in (*RETRY_DELAYS, None):
        try:
            shutil.rmtree(path)
            return True
        except FileNotFoundError:
            return True
        except OSError:
            if delay is None:
                return not os.path.lexists(path)
            time.sleep(delay)
    return not os.path.lexists(path)
