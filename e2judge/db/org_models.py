"""The organizer workspace's schema: what was issued to whom, and what came back."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Float, ForeignKey, Integer, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from e2judge.db.models import NAMING


class OrgBase(DeclarativeBase):
    """Base of the organizer workspace's tables."""

    metadata = MetaData(naming_convention=NAMING)


class OrgSetting(OrgBase):
    """Key/value settings of the workspace (e.g. the signing key's id)."""

    __tablename__ = "org_setting"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class OrgRound(OrgBase):
    """A contest round the workspace has built batches for, with its rubric and settings."""

    __tablename__ = "org_round"
    __table_args__ = (UniqueConstraint("contest_key", "round_name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_key: Mapped[str] = mapped_column(String(100))
    contest_name: Mapped[str] = mapped_column(Text)
    round_name: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str] = mapped_column(String(32), default="")
    blind: Mapped[int] = mapped_column(Integer, default=0)
    discrepancy_threshold: Mapped[float | None] = mapped_column(Float)
    rubric_json: Mapped[str] = mapped_column(Text)
    rubric_sha256: Mapped[str] = mapped_column(String(64))
    judges_per_entry: Mapped[int] = mapped_column(Integer, default=1)
    moderation_rule: Mapped[str] = mapped_column(String(20), default="mean_all", server_default="mean_all")


class OrgEntry(OrgBase):
    """An entry of a round as the organizer listed it."""

    __tablename__ = "org_entry"
    __table_args__ = (UniqueConstraint("round_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    authors: Mapped[str] = mapped_column(Text, default="")
    school: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="")


class OrgJudge(OrgBase):
    """A judge; the signing key is pinned on the first valid sheet or enrolled beforehand."""

    __tablename__ = "org_judge"
    __table_args__ = (UniqueConstraint("round_id", "judge_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    judge_key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text, default="")
    school: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")
    public_key: Mapped[str | None] = mapped_column(String(100))
    key_id: Mapped[str | None] = mapped_column(String(32))
    key_source: Mapped[str | None] = mapped_column(String(16))  # "enrolled" | "first-sheet"


class OrgBatch(OrgBase):
    """A batch issued to a judge: its id, revision and the hash of its manifest."""

    __tablename__ = "org_batch"
    __table_args__ = (UniqueConstraint("batch_key", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("org_judge.id", ondelete="CASCADE"))
    batch_key: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    content_sha256: Mapped[str] = mapped_column(String(64))  # manifest without revision/time: detects change
    file_name: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OrgAssignment(OrgBase):
    """The plan: which judge is meant to score which entry."""

    __tablename__ = "org_assignment"
    __table_args__ = (UniqueConstraint("judge_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("org_judge.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("org_entry.id", ondelete="CASCADE"))
    purpose: Mapped[str] = mapped_column(String(20), default="plan", server_default="plan")  # or "moderation"


class OrgSheet(OrgBase):
    """A score sheet accepted from a judge: the newest one counts.

    Revisions run per batch *and signing key*: a judge whose key was replaced starts again at 1.
    """

    __tablename__ = "org_sheet"
    __table_args__ = (UniqueConstraint("key_id", "batch_key", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("org_judge.id", ondelete="CASCADE"))
    batch_key: Mapped[str] = mapped_column(String(200))
    revision: Mapped[int] = mapped_column(Integer)
    key_id: Mapped[str] = mapped_column(String(32))  # of the key that signed it
    sheet_sha256: Mapped[str] = mapped_column(String(64))  # of the signed payload bytes
    payload_json: Mapped[str] = mapped_column(Text)  # the exact signed payload bytes (UTF-8)
    signature: Mapped[str | None] = mapped_column(String(100))  # base64; None for sheets from before 0002
    source_name: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OrgKeyReplacement(OrgBase):
    """A judge's signing key replaced on purpose (``org enroll --replace``): lost stick or laptop.

    Sheets signed with the old key are refused from then on, whatever their revision.
    """

    __tablename__ = "org_key_replacement"
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("org_judge.id", ondelete="CASCADE"))
    old_public_key: Mapped[str] = mapped_column(String(100))
    old_key_id: Mapped[str] = mapped_column(String(32))
    new_public_key: Mapped[str] = mapped_column(String(100))
    new_key_id: Mapped[str] = mapped_column(String(32))
    replaced_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class OrgScore(OrgBase):
    """One criterion score from the newest accepted sheet of a judge (replaced as a whole per sheet)."""

    __tablename__ = "org_score"
    __table_args__ = (UniqueConstraint("judge_id", "entry_id", "criterion_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("org_judge.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("org_entry.id", ondelete="CASCADE"))
    criterion_key: Mapped[str] = mapped_column(String(100))
    points: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")


class OrgReturn(OrgBase):
    """Per judge and entry, what the newest accepted sheet says: conflict, completeness, overall comment."""

    __tablename__ = "org_return"
    __table_args__ = (UniqueConstraint("judge_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("org_round.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("org_judge.id", ondelete="CASCADE"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("org_entry.id", ondelete="CASCADE"))
    complete: Mapped[int] = mapped_column(Integer, default=0)
    conflict_reason: Mapped[str | None] = mapped_column(Text)
    overall_comment: Mapped[str] = mapped_column(Text, default="")
    revision: Mapped[int] = mapped_column(Integer)


class OrgAudit(OrgBase):
    """The workspace's append-only log: every build, collect, enrolment, manual move and export."""

    __tablename__ = "org_audit"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text, default="")
    detail: Mapped[str] = mapped_column(Text, default="")
