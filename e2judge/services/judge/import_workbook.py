"""Import the organizer's workbook directly (all its entries for one judge), unsigned."""

from __future__ import annotations

import hashlib
from pathlib import Path

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _
from e2judge.db.session import Database
from e2judge.formats.batch import flush_to_disk
from e2judge.formats.jsonio import dumps_pretty
from e2judge.formats.manifest import build_manifest
from e2judge.formats.safe_write import atomic_file
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import ImportSummary, import_manifest
from e2judge.services.judge.trust import check_unsigned
from e2judge.services.org.build import collect_attachments
from e2judge.xlsx.org_workbook import read_workbook

UNSIGNED_LABEL = "unsigned workbook"


def import_workbook(
    db: Database, profile: Profile, path: Path, judge_id: str | None = None, attachments: Path | None = None
) -> ImportSummary:
    """Read and validate the workbook, copy its attachments into the store, write the rows unsigned.

    A workbook never touches a signed contest: one whose id is (or looks like) a signed contest's
    is refused before anything is copied (``trust.check_unsigned``).
    """
    spec = read_workbook(path)
    judge = (
        spec.judges[0]
        if judge_id is None
        else next((j for j in spec.judges if j.judge_id.casefold() == judge_id.casefold()), None)
    )
    if judge is None:
        raise InputRefused(
            str(path), _("judge {judge} is not listed on the Judges sheet").format(judge=repr(judge_id))
        )
    folder = attachments if attachments is not None else path.parent / "attachments"
    by_name, by_hash = collect_attachments(spec, folder if folder.is_dir() else None, path)
    manifest = build_manifest(
        spec,
        judge,
        list(spec.entries),
        by_name,
        revision=1,
        signer_public=b"\0" * 32,
        signer_label=UNSIGNED_LABEL,
        demo=False,
        sealing_public=None,
    )
    manifest["batch_id"] = f"{manifest['batch_id']}.unsigned"
    manifest_bytes = dumps_pretty(manifest)
    summary = ImportSummary(
        source=str(path),
        contest_id=spec.contest_id,
        contest_name=spec.contest_name,
        round_name=spec.round,
        judge_id=judge.judge_id,
        batch_id=manifest["batch_id"],
        revision=1,
        signed=False,
        organizer_label=UNSIGNED_LABEL,
    )
    with db.session() as session:
        check_unsigned(session, str(path), spec.contest_id, manifest["batch_id"])
    profile.ensure()
    stored: list[Path] = []
    for digest, src in by_hash.items():
        final = profile.attachment_path(digest)
        if final.exists():
            continue
        final.parent.mkdir(parents=True, exist_ok=True)
        _copy_checked(src, final, digest)
        stored.append(final)
    flush_to_disk(stored)
    summary.attachments_added = len(stored)
    import_manifest(
        db, manifest, hashlib.sha256(manifest_bytes).hexdigest(), manifest_bytes, summary, signer=None
    )
    return summary


def _copy_checked(src: Path, final: Path, digest: str) -> None:
    """Copy ``src`` to ``final`` in one streamed pass, hashing as it goes; refuse if it changed."""
    sha = hashlib.sha256()
    with src.open("rb") as source, atomic_file(final, sync=False) as target:  # flushed together after
        while chunk := source.read(2**20):
            sha.update(chunk)
            target.write(chunk)
        if sha.hexdigest() != digest:
            raise InputRefused(str(src), _("the attachment changed while it was being copied"))
