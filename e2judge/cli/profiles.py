"""The profile a command works on, and the lock every writing command takes."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.paths import Profile, profile_dir, roaming_move_target

if TYPE_CHECKING:
    from e2judge.db.session import Database
    from e2judge.services.judge.rounds import RoundRef


def open_profile(args: argparse.Namespace) -> Profile:
    """The profile named by ``--home`` (else ``E2JUDGE_HOME``, else the default), created if new."""
    root = profile_dir(args.home)
    target = roaming_move_target(root)
    if target is not None:
        print(
            "e2judge: "
            + _(
                "this profile is in the roaming folder {roaming}, which school networks often keep "
                "on a server where the database is not safe; close E2 Judge and move the folder to "
                "{local}"
            ).format(roaming=root, local=target),
            file=sys.stderr,
        )
    return Profile(root).ensure()


@contextmanager
def locked(profile: Profile) -> Iterator[None]:
    """Hold the profile's single-instance lock; refused when a window or command already has it."""
    from e2judge.services.judge.instance_lock import ProfileLock, ProfileLocked

    try:
        with ProfileLock(profile):
            yield
    except ProfileLocked as exc:
        raise InputRefused(
            str(profile.root), _("already open in another E2 Judge window; close it first")
        ) from exc


def round_option(p: argparse.ArgumentParser, *, explicit: bool = False) -> None:
    """The ``--round`` option every judge-side command shares."""
    default = "required when the profile has several rounds" if explicit else "default: the most recent"
    p.add_argument(
        "--round",
        metavar="N",
        help=f"the round: its number in `e2judge rounds`, or its batch id ({default})",
    )


def pick_round(db: Database, profile: Profile, wanted: str | None, *, explicit: bool = False) -> RoundRef:
    """The round named by ``--round`` (number or batch id); without it the most recent one, or,
    with ``explicit``, the only one (several rounds must then be named, e.g. before an export)."""
    from e2judge.services.judge.rounds import list_rounds

    refs = list_rounds(db)
    if not refs:
        raise InputRefused(
            str(profile.root), "no round imported yet; import a batch first (e2judge import FILE)"
        )
    listing = "\n".join(f"  {n}. {ref.describe()} ({ref.batch_key})" for n, ref in enumerate(refs, 1))
    if wanted is None:
        if len(refs) == 1 or not explicit:
            return refs[0]
        raise InputRefused("--round", "several rounds; choose one with --round N:\n" + listing)
    if wanted.isdigit() and 1 <= int(wanted) <= len(refs):
        return refs[int(wanted) - 1]
    for ref in refs:
        if wanted in (ref.batch_key, ref.round_name):
            return ref
    raise InputRefused("--round", f"no round {wanted!r}; the rounds are:\n" + listing)
