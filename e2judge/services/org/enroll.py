"""``org enroll``: register a judge's public signing key, or replace a lost one on purpose.

A judge's key is registered before any sheet arrives (or pinned from their first sheet). A different
key for a judge who already has one is refused, unless the organizer asks for a replacement
(``replace=True``, ``org enroll --replace``): the judge lost the USB stick or laptop holding their key.
Each replacement is recorded (when, old key, new key); from then on sheets signed with the old key
are refused, and the new key's sheets count revisions from 1 again (see ``org_collect``).
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from dataclasses import replace as with_changes
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from sqlalchemy import select

from e2judge.core.clock import now
from e2judge.core.errors import InputRefused
from e2judge.db.org_models import OrgJudge, OrgKeyReplacement, OrgRound
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.keys import read_public_key_file
from e2judge.services.org import audit
from e2judge.services.org.collect import replacement_time
from e2judge.services.org.workspace import open_workspace
from e2judge.services.org.workspace_lock import workspace_lock

MAX_PEM_BYTES = 4096


@dataclass(frozen=True)
class KeyReplacement:
    """The key a judge had in one round, replaced by the enrolled one."""

    round: str  # "contest / round"
    old_key_id: str
    old_fingerprint: str


@dataclass(frozen=True)
class EnrollResult:
    """Which rounds now carry the judge's key (or would, for the ``confirm`` callback)."""

    judge_key: str
    key_id: str
    fingerprint: str
    enrolled: tuple[str, ...]  # "contest / round" newly registered
    unchanged: tuple[str, ...]  # already registered with this very key
    replaced: tuple[KeyReplacement, ...] = ()  # another key was there: replaced (replace=True only)
    replaced_at: dt.datetime | None = None  # when, once done


def read_judge_public_key(path: Path) -> bytes:
    """The raw Ed25519 public key from a judge's exported key file (JSON, or PEM for ``.pem``)."""
    source = str(path)
    if path.suffix.lower() == ".pem":
        try:
            with path.open("rb") as fh:
                data = fh.read(MAX_PEM_BYTES + 1)
        except OSError as exc:
            raise InputRefused(source, f"cannot read the key file: {exc.strerror or exc}") from None
        try:
            if len(data) > MAX_PEM_BYTES:
                raise ValueError("too large")
            key = load_pem_public_key(data)
        except ValueError:
            raise InputRefused(source, "not a PEM public key") from None
        if not isinstance(key, Ed25519PublicKey):
            raise InputRefused(source, "not an Ed25519 public key")
        return key.public_bytes_raw()
    info = read_public_key_file(path)
    if info.kind != "ed25519":
        raise InputRefused(source, f"this is an {info.kind} key; a judge's signing key (ed25519) is needed")
    return info.public_raw


def enroll_judge(
    orgdir: Path,
    judge_key: str,
    key_file: Path,
    contest_key: str | None = None,
    *,
    replace: bool = False,
    confirm: Callable[[EnrollResult], bool] | None = None,
) -> EnrollResult:
    """Register ``key_file``'s key for judge ``judge_key`` in every round (of ``contest_key``) listing them.

    Refused, with nothing changed, when the judge is unknown, when the key is (or was, before a
    replacement) another judge's, or when the judge already has a different key and ``replace`` is
    False. With ``replace``, that key is replaced and the replacement recorded; ``confirm`` is first
    shown what will happen (old and new fingerprints) and may cancel it by returning False.
    """
    public = read_judge_public_key(key_file)
    encoded = base64.b64encode(public).decode("ascii")
    ws, db = open_workspace(orgdir)
    with db, workspace_lock(ws), db.transaction() as s:
        query = select(OrgJudge, OrgRound).join(OrgRound, OrgRound.id == OrgJudge.round_id)
        query = query.where(OrgJudge.judge_key == judge_key)
        if contest_key is not None:
            query = query.where(OrgRound.contest_key == contest_key)
        rows = s.execute(query.order_by(OrgRound.id)).all()
        if not rows:
            where = f" in contest {contest_key}" if contest_key else ""
            raise InputRefused(str(orgdir), f"judge {judge_key} is not listed in any round{where}")
        owner = s.scalar(
            select(OrgJudge.judge_key)
            .where(OrgJudge.public_key == encoded, OrgJudge.judge_key != judge_key)
            .limit(1)
        )
        if owner is not None:
            raise InputRefused(str(key_file), f"this key is already registered for judge {owner}")
        lost = s.execute(
            select(OrgJudge.judge_key, OrgKeyReplacement.replaced_at)
            .join(OrgJudge, OrgJudge.id == OrgKeyReplacement.judge_id)
            .where(OrgKeyReplacement.old_public_key == encoded, OrgJudge.judge_key != judge_key)
            .limit(1)
        ).first()
        if lost is not None:
            raise InputRefused(
                str(key_file),
                f"this key was judge {lost.judge_key}'s until it was replaced on "
                f"{replacement_time(lost.replaced_at)}; nothing changed",
            )
        enrolled: list[str] = []
        unchanged: list[str] = []
        replaced: list[tuple[OrgJudge, KeyReplacement]] = []
        for judge, rnd in rows:
            name = f"{rnd.contest_key} / {rnd.round_name}"
            if judge.public_key is None:
                enrolled.append(name)
            elif judge.public_key == encoded:
                unchanged.append(name)
            else:
                old = base64.b64decode(judge.public_key)
                if not replace:
                    raise InputRefused(
                        str(key_file),
                        f"judge {judge_key} already has a different key in {name} "
                        f"({readable_fingerprint(old)}); if the judge lost it, enroll the new key "
                        "with --replace; nothing changed",
                    )
                replaced.append((judge, KeyReplacement(name, key_id(old), readable_fingerprint(old))))
        result = EnrollResult(
            judge_key,
            key_id(public),
            readable_fingerprint(public),
            tuple(enrolled),
            tuple(unchanged),
            tuple(r for _, r in replaced),
        )
        if replaced and confirm is not None and not confirm(result):
            raise InputRefused(str(key_file), f"judge {judge_key}'s key was not replaced; nothing changed")
        when = now()
        for judge, _rnd in rows:
            if judge.public_key is None:
                judge.public_key, judge.key_id, judge.key_source = encoded, key_id(public), "enrolled"
        for judge, record in replaced:
            s.add(
                OrgKeyReplacement(
                    judge_id=judge.id,
                    old_public_key=judge.public_key,
                    old_key_id=record.old_key_id,
                    new_public_key=encoded,
                    new_key_id=key_id(public),
                    replaced_at=when,
                )
            )
            judge.public_key, judge.key_id, judge.key_source = encoded, key_id(public), "enrolled"
        if enrolled or replaced:
            what = "replaced" if replaced else "enrolled"
            audit.record(s, "enroll", judge_key, f"{what} key {readable_fingerprint(public)}")
    return with_changes(result, replaced_at=when if replaced else None)
