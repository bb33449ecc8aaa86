"""The profile a command works on, and the lock every writing command takes."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.paths import Profile, profile_dir
from e2judge.services.instance_lock import ProfileLock, ProfileLocked


def open_profile(args: argparse.Namespace) -> Profile:
    """The profile named by ``--home`` (else ``E2JUDGE_HOME``, else the default), created if new."""
    return Profile(profile_dir(args.home)).ensure()


@contextmanager
def locked(profile: Profile) -> Iterator[None]:
    """Hold the profile's single-instance lock; refused when a window or command already has it."""
    try:
        with ProfileLock(profile):
            yield
    except ProfileLocked as exc:
        raise InputRefused(
            str(profile.root), _("already open in another E2 Judge window; close it first")
        ) from exc
