"""Checking free disk space before writing anything big (batch import, ``org build``)."""

from __future__ import annotations

import shutil
from pathlib import Path

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.core.sizes import byte_size

# Room kept free beyond what is written: the database grows, the OS needs some to work.
MARGIN = 64 * 2**20


def require_free_space(source: str, folder: Path, needed: int) -> None:
    """Refuse (``InputRefused`` on ``source``) when ``folder``'s disk has less than ``needed`` + a margin."""
    probe = folder
    while not probe.exists() and probe.parent != probe:
        probe = probe.parent  # the folder may not exist yet: ask about the disk it will be on
    free = shutil.disk_usage(probe).free
    if free < needed + MARGIN:
        raise InputRefused(
            source,
            _(
                "not enough free disk space in {folder}: {needed} is needed and only {free} is free; "
                "free up space there and try again"
            ).format(folder=folder, needed=byte_size(needed + MARGIN), free=byte_size(free)),
        )
