"""Real attachment files (PNG, PDF) and a real signed batch that carries them."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

from PIL import Image
from reportlab.pdfgen import canvas

from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.formats.batch import write_batch
from e2judge.formats.keys import public_raw_of
from e2judge.formats.manifest import build_manifest
from tests.helpers.batches import CONTEST_ID, CONTEST_NAME, ORGANIZER_LABEL, ROUND_NAME, RUBRIC, organizer_key


def png_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def pdf_bytes() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Ke hoach bai day")
    page.showPage()
    page.save()
    return out.getvalue()


def batch_with_files(folder: Path, files: dict[str, bytes], entries: int = 2) -> Path:
    """A signed batch whose first entry has ``files`` (name → content) as attachments."""
    key = organizer_key(folder / "organizer")
    stored = folder / "attachment-sources"
    stored.mkdir(parents=True, exist_ok=True)
    by_name: dict[str, tuple[str, int]] = {}
    by_hash: dict[str, Path] = {}
    for name, data in files.items():
        digest = hashlib.sha256(data).hexdigest()
        path = stored / digest
        path.write_bytes(data)
        by_name[name] = (digest, len(data))
        by_hash[digest] = path
    specs = tuple(
        EntrySpec(
            code=f"E{i:04d}",
            title=f"Bài có tệp {i}",
            authors="Nguyễn Văn An",
            province="Huế",
            attachments=tuple(files) if i == 1 else (),
        )
        for i in range(1, entries + 1)
    )
    judge = JudgeSpec("GK01", "Trần Văn Đức")
    spec = ContestSpec(
        CONTEST_ID, CONTEST_NAME, ROUND_NAME, "2025-03-15", False, None, RUBRIC, specs, (judge,)
    )
    manifest = build_manifest(
        spec,
        judge,
        list(specs),
        by_name,
        revision=1,
        signer_public=public_raw_of(key),
        signer_label=ORGANIZER_LABEL,
        demo=False,
        sealing_public=None,
    )
    out = folder / "with-files.e2batch"
    write_batch(out, manifest, by_hash, key)
    return out
