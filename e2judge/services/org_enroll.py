"""``org enroll``: register a judge's public signing key before any sheet arrives."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key
from sqlalchemy import select

from e2judge.core.errors import InputRefused
from e2judge.db.org_models import OrgJudge, OrgRound
from e2judge.formats.fingerprint import key_id, readable_fingerprint
from e2judge.formats.keys import read_public_key_file
from e2judge.services.org_workspace import open_workspace

MAX_PEM_BYTES = 4096


@dataclass(frozen=True)
class EnrollResult:
    """Which rounds now carry the judge's key."""

    judge_key: str
    key_id: str
    fingerprint: str
    enrolled: tuple[str, ...]  # "contest / round" newly registered
    unchanged: tuple[str, ...]  # already registered with this very key


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
    orgdir: Path, judge_key: str, key_file: Path, contest_key: str | None = None
) -> EnrollResult:
    """Register ``key_file``'s key for judge ``judge_key`` in every round (of ``contest_key``) listing them.

    Refused, with nothing changed, when the judge is unknown or already has a different key.
    """
    public = read_judge_public_key(key_file)
    encoded = base64.b64encode(public).decode("ascii")
    _ws, db = open_workspace(orgdir)
    with db, db.transaction() as s:
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
        enrolled: list[str] = []
        unchanged: list[str] = []
        for judge, rnd in rows:
            name = f"{rnd.contest_key} / {rnd.round_name}"
            if judge.public_key is None:
                judge.public_key, judge.key_id, judge.key_source = encoded, key_id(public), "enrolled"
                enrolled.append(name)
            elif judge.public_key == encoded:
                unchanged.append(name)
            else:
                other = readable_fingerprint(base64.b64decode(judge.public_key))
                raise InputRefused(
                    str(key_file),
                    f"judge {judge_key} already has a different key in {name} ({other}); nothing changed",
                )
    return EnrollResult(
        judge_key, key_id(public), readable_fingerprint(public), tuple(enrolled), tuple(unchanged)
    )
