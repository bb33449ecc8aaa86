"""What a judge's profile trusts: a contest, its rounds and its batch ids belong to the key that
first signed them (docs/formats.md, "Trust").

Ids are compared as ``same_id`` does (case and Unicode normalisation ignored), so ``RT-2025`` is
the contest ``rt-2025``: another key can never update it, shadow it or sit beside it under a
look-alike id. An unsigned organizer workbook never touches a signed contest, and a signed batch
never joins a contest that came from an unsigned workbook. Every check here only reads.
"""

from __future__ import annotations

import base64
import unicodedata

from sqlalchemy import select
from sqlalchemy.orm import Session

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.db.models import Batch, Contest, Round
from e2judge.formats.fingerprint import readable_fingerprint

__all__ = ["check_signed", "check_unsigned", "find_batch", "find_contest", "id_key"]


def id_key(value: str) -> str:
    """The form ids are compared in: NFKC, then case-folded (``RT-2025`` = ``rt-2025``)."""
    return unicodedata.normalize("NFKC", value).casefold()


def find_contest(s: Session, contest_id: str) -> Contest | None:
    """The contest whose id equals ``contest_id`` as ``id_key`` compares them."""
    key = id_key(contest_id)
    exact = s.scalar(select(Contest).where(Contest.contest_key == contest_id))
    if exact is not None:
        return exact
    return next((c for c in s.scalars(select(Contest)) if id_key(c.contest_key) == key), None)


def find_batch(s: Session, batch_id: str) -> Batch | None:
    """The imported batch whose id equals ``batch_id`` as ``id_key`` compares them."""
    exact = s.scalar(select(Batch).where(Batch.batch_key == batch_id))
    if exact is not None:
        return exact
    key = id_key(batch_id)
    return next((b for b in s.scalars(select(Batch)) if id_key(b.batch_key) == key), None)


def _fingerprint(public_b64: str | None) -> str:
    try:
        return readable_fingerprint(base64.b64decode(public_b64 or "", validate=True))
    except ValueError:
        return "?"


def check_signed(
    s: Session, source: str, contest_id: str, round_name: str, batch_id: str, signer_key_id: str,
    signer_fingerprint: str,
) -> None:
    """Refuse a signed batch that would update, shadow or join what another key (or no key) owns."""
    contest = find_contest(s, contest_id)
    if contest is not None and not contest.organizer_key_id:
        raise InputRefused(
            source,
            _(
                "contest {contest} in this profile came from an unsigned organizer workbook; "
                "a signed batch is not mixed into it"
            ).format(contest=contest.contest_key),
        )
    if contest is not None and contest.organizer_key_id != signer_key_id:
        raise InputRefused(
            source,
            _(
                "signed by a different organizer key ({fingerprint}) than the one pinned "
                "for contest {contest} ({pinned})"
            ).format(
                fingerprint=signer_fingerprint,
                contest=contest.contest_key,
                pinned=_fingerprint(contest.organizer_public_key),
            ),
        )
    existing = find_batch(s, batch_id)
    if existing is None:
        return
    owner_round: Round = existing.round
    owner: Contest = owner_round.contest
    if not existing.signed or existing.organizer_key_id != signer_key_id:
        raise InputRefused(
            source,
            _("batch {batch} in this profile belongs to another organizer key ({pinned})").format(
                batch=existing.batch_key, pinned=_fingerprint(owner.organizer_public_key)
            ),
        )
    if id_key(owner.contest_key) != id_key(contest_id) or owner_round.name != round_name:
        raise InputRefused(
            source,
            _(
                "batch {batch} in this profile belongs to contest {contest}, round {round}; "
                "this file moves it elsewhere"
            ).format(batch=existing.batch_key, contest=owner.contest_key, round=owner_round.name),
        )


def check_unsigned(s: Session, source: str, contest_id: str, batch_id: str) -> None:
    """Refuse an unsigned workbook whose contest id (or batch id) is, or looks like, a signed one."""
    existing = find_batch(s, batch_id)
    if existing is not None and (
        existing.signed or id_key(existing.round.contest.contest_key) != id_key(contest_id)
    ):
        raise InputRefused(
            source,
            _("batch {batch} in this profile belongs to another contest or organizer key").format(
                batch=existing.batch_key
            ),
        )
    contest = find_contest(s, contest_id)
    if contest is not None and contest.organizer_key_id:
        raise InputRefused(
            source,
            _(
                "contest {contest} is signed by its organizer (key {pinned}); an unsigned workbook "
                "cannot change it: import the signed batch, or give the workbook another contest_id"
            ).format(contest=contest.contest_key, pinned=_fingerprint(contest.organizer_public_key)),
        )
