"""Building a batch manifest (format v1) from what the organizer's workbook describes."""

from __future__ import annotations

import base64
import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from e2judge import __version__
from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.text import fold
from e2judge.formats.batch import FORMAT, VERSION
from e2judge.formats.fingerprint import key_id


def slug(value: str) -> str:
    """ASCII slug for ids and file names ("Vòng chung khảo" -> "vong-chung-khao")."""
    return re.sub(r"[^a-z0-9]+", "-", fold(value)).strip("-")[:60] or "x"


def batch_id(contest_id: str, round_name: str, judge_id: str) -> str:
    return f"{contest_id}.{slug(round_name)}.{judge_id}"


def split_links(raw: str) -> list[str]:
    return [part.strip() for part in re.split(r"[\n;]+", raw) if part.strip()]


def entry_json(entry: EntrySpec, blind: bool, attachments: Mapping[str, tuple[str, int]]) -> dict[str, Any]:
    """One entry for the manifest; ``attachments`` maps file name to (sha256, size). Blind hides people."""
    return {
        "code": entry.code,
        "title": entry.title,
        "authors": "" if blind else entry.authors,
        "school": "" if blind else entry.school,
        "province": "" if blind else entry.province,
        "category": entry.category,
        "description": entry.description,
        "links": list(entry.links),
        "attachments": [
            {"name": name, "sha256": attachments[name][0], "size": attachments[name][1]}
            for name in entry.attachments
        ],
    }


def build_manifest(
    spec: ContestSpec,
    judge: JudgeSpec,
    entries: list[EntrySpec],
    attachments: Mapping[str, tuple[str, int]],
    *,
    revision: int,
    signer_public: bytes,
    signer_label: str,
    demo: bool,
    sealing_public: bytes | None,
    created_at: dt.datetime | None = None,
) -> dict[str, Any]:
    """The manifest of one judge's batch."""
    created = (created_at or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    return {
        "format": FORMAT,
        "version": VERSION,
        "app_version": __version__,
        "batch_id": batch_id(spec.contest_id, spec.round, judge.judge_id),
        "revision": revision,
        "created_at": created.isoformat().replace("+00:00", "Z"),
        "blind": spec.blind,
        "contest": {
            "id": spec.contest_id,
            "name": spec.contest_name,
            "round": spec.round,
            "deadline": spec.deadline,
            "discrepancy_threshold": spec.discrepancy_threshold,
        },
        "organizer": {
            "key_id": key_id(signer_public),
            "public_key": base64.b64encode(signer_public).decode("ascii"),
            "label": signer_label,
            "demo": demo,
            "sealing_public_key": base64.b64encode(sealing_public).decode("ascii")
            if sealing_public
            else None,
        },
        "judge": {
            "id": judge.judge_id,
            "name": judge.name,
            "email": judge.email,
            "school": judge.school,
            "province": judge.province,
        },
        "rubric": spec.rubric.to_json(),
        "rubric_sha256": spec.rubric.sha256(),
        "entries": [entry_json(e, spec.blind, attachments) for e in entries],
    }


def content_key(manifest: Mapping[str, Any]) -> dict[str, Any]:
    """The manifest without revision and time: equal keys mean the batch did not change."""
    return {k: v for k, v in manifest.items() if k not in ("revision", "created_at", "app_version")}
