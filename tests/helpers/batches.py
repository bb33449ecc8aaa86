"""Real signed batches built with the real pipeline, and judge profiles with one imported.

``make_batch`` generates (once per folder) an organizer key file, builds a ``ContestSpec`` in code,
a manifest with ``build_manifest`` and writes it with ``write_batch``. ``imported_profile`` imports
that batch into a fresh profile and returns the open database (close it) and the ``RoundRef``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.rubric import CommentRule, Criterion, Level, Rubric
from e2judge.db.session import Database, open_judge_db
from e2judge.formats.batch import write_batch
from e2judge.formats.keys import generate_key_file, public_raw_of, unlock_signing_key
from e2judge.formats.manifest import build_manifest
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.rounds import RoundRef, list_rounds

PASSPHRASE = "mật khẩu thử nghiệm"
ORGANIZER_LABEL = "Ban tổ chức E2 (thử nghiệm)"
CONTEST_ID = "e2-2025"
CONTEST_NAME = "Diễn đàn Trao đổi Giáo dục Việt Nam 2025"
ROUND_NAME = "Vòng chung khảo"

# Three criteria: levels 0..4 (weight 2, comment on the lowest), levels 1..3 (comment on either
# extreme) and one without levels (0..5 in steps of 0.5).
RUBRIC = Rubric(
    (
        Criterion(
            "tinh-moi",
            "Nội dung",
            "Tính mới",
            "Ý tưởng mới, sáng tạo",
            4,
            1,
            2.0,
            tuple(Level(p, f"Mức {p:g}") for p in (0, 1, 2, 3, 4)),
            CommentRule.LOWEST,
        ),
        Criterion(
            "kha-thi",
            "Nội dung",
            "Tính khả thi",
            "",
            3,
            1,
            1.0,
            (Level(1, "Khó áp dụng"), Level(2, "Áp dụng được"), Level(3, "Dễ nhân rộng")),
            CommentRule.EXTREMES,
        ),
        Criterion("trinh-bay", "Hình thức", "Trình bày", "Rõ ràng, mạch lạc", 5, 0.5, 1.0),
    )
)

TITLES = (
    "Đổi mới phương pháp dạy học",
    "Ứng dụng công nghệ trong lớp học",
    "Học tập dự án STEM",
    "Giáo dục kỹ năng sống",
    "Dạy học tích hợp liên môn",
)
PROVINCES = ("Hà Nội", "Đà Nẵng", "Gia Lai", "Huế")
CATEGORIES = ("STEM", "Ngữ văn")
ATTACHMENT = b"%PDF-1.4 ke hoach bai day (test)"
ATTACHMENT_NAME = "ke-hoach.pdf"
ATTACHMENT_SHA = hashlib.sha256(ATTACHMENT).hexdigest()


def organizer_key(folder: Path) -> Ed25519PrivateKey:
    """The organizer's signing key kept in ``folder`` (created with a fast KDF on first use)."""
    path = folder / "organizer-signing.key.json"
    if not path.exists():
        folder.mkdir(parents=True, exist_ok=True)
        generate_key_file(path, "ed25519", PASSPHRASE, ORGANIZER_LABEL, n=2**14)
    return unlock_signing_key(path, PASSPHRASE)


def sample_entries(count: int) -> tuple[EntrySpec, ...]:
    """``count`` entries E0001…; the first carries an attachment."""
    return tuple(
        EntrySpec(
            code=f"E{i:04d}",
            title=f"{TITLES[(i - 1) % len(TITLES)]} {i}",
            authors=f"Nguyễn Thị Hồng {i}",
            school=f"Trường THPT Lê Quý Đôn {i % 7}",
            province=PROVINCES[(i - 1) % len(PROVINCES)],
            category=CATEGORIES[(i - 1) % len(CATEGORIES)],
            description=f"Mô tả sáng kiến {i}.\nDòng thứ hai.",
            links=(f"https://sway.example/{i}",),
            attachments=(ATTACHMENT_NAME,) if i == 1 else (),
        )
        for i in range(1, count + 1)
    )


def make_batch(
    tmp_path: Path,
    *,
    entries: int = 5,
    blind: bool = False,
    judge_id: str = "GK01",
    revision: int = 1,
    rubric: Rubric = RUBRIC,
    round_name: str = ROUND_NAME,
    entry_specs: Sequence[EntrySpec] | None = None,
    demo: bool = False,
    name: str | None = None,
) -> Path:
    """Write a real signed ``.e2batch`` into ``tmp_path`` and return its path."""
    key = organizer_key(tmp_path / "organizer")
    specs = tuple(entry_specs) if entry_specs is not None else sample_entries(entries)
    judge = JudgeSpec(judge_id, "Trần Văn Đức", "duc@example.edu.vn", "Trường THCS Nguyễn Du", "Huế")
    spec = ContestSpec(
        CONTEST_ID, CONTEST_NAME, round_name, "2025-03-15", blind, 2.0, rubric, specs, (judge,)
    )
    source = tmp_path / ATTACHMENT_NAME
    source.write_bytes(ATTACHMENT)
    uses_attachment = any(ATTACHMENT_NAME in e.attachments for e in specs)
    manifest = build_manifest(
        spec,
        judge,
        list(specs),
        {ATTACHMENT_NAME: (ATTACHMENT_SHA, len(ATTACHMENT))},
        revision=revision,
        signer_public=public_raw_of(key),
        signer_label=ORGANIZER_LABEL,
        demo=demo,
        sealing_public=None,
    )
    out = tmp_path / (name or f"{judge_id}-r{revision}{'-blind' if blind else ''}.e2batch")
    write_batch(out, manifest, {ATTACHMENT_SHA: source} if uses_attachment else {}, key)
    return out


def imported_profile(
    tmp_path: Path,
    *,
    entries: int = 5,
    blind: bool = False,
    judge_id: str = "GK01",
    rubric: Rubric = RUBRIC,
    entry_specs: Sequence[EntrySpec] | None = None,
    demo: bool = False,
) -> tuple[Profile, Database, RoundRef]:
    """A fresh profile under ``tmp_path/profile`` with one real batch imported; the caller closes the db."""
    batch = make_batch(
        tmp_path,
        entries=entries,
        blind=blind,
        judge_id=judge_id,
        rubric=rubric,
        entry_specs=entry_specs,
        demo=demo,
    )
    profile = Profile(tmp_path / "profile").ensure()
    db = open_judge_db(profile.database)
    try:
        import_batch(db, profile, batch)
        refs = [r for r in list_rounds(db) if r.judge_key == judge_id]
        assert len(refs) == 1, refs
    except BaseException:
        db.close()
        raise
    return profile, db, refs[0]
