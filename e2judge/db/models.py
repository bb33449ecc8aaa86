"""The judge profile's schema (typed SQLAlchemy 2 models)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Base of the judge profile's tables."""

    metadata = MetaData(naming_convention=NAMING)


class Contest(Base):
    """A contest; its organizer's signing key is pinned on first import."""

    __tablename__ = "contest"
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text)
    organizer_key_id: Mapped[str | None] = mapped_column(String(32))
    organizer_public_key: Mapped[str | None] = mapped_column(String(100))
    organizer_label: Mapped[str] = mapped_column(Text, default="")
    rounds: Mapped[list[Round]] = relationship(back_populates="contest")


class Round(Base):
    """One round of a contest, with its rubric."""

    __tablename__ = "round"
    __table_args__ = (UniqueConstraint("contest_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    contest_id: Mapped[int] = mapped_column(ForeignKey("contest.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(Text)
    deadline: Mapped[str] = mapped_column(String(32), default="")
    blind: Mapped[bool] = mapped_column(Boolean, default=False)
    discrepancy_threshold: Mapped[float | None] = mapped_column(Float)
    rubric_id: Mapped[int | None] = mapped_column(ForeignKey("rubric.id"))
    contest: Mapped[Contest] = relationship(back_populates="rounds")
    rubric: Mapped[Rubric | None] = relationship()


class Rubric(Base):
    """A rubric, stored once per distinct content (``sha256`` of its canonical JSON)."""

    __tablename__ = "rubric"
    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    criteria: Mapped[list[RubricCriterion]] = relationship(
        back_populates="rubric", order_by="RubricCriterion.position"
    )


class RubricCriterion(Base):
    """One criterion of a rubric."""

    __tablename__ = "rubric_criterion"
    __table_args__ = (UniqueConstraint("rubric_id", "criterion_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    criterion_key: Mapped[str] = mapped_column(String(100))
    section: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text, default="")
    max_points: Mapped[float] = mapped_column(Float)
    step: Mapped[float] = mapped_column(Float, default=1.0)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    comment_rule: Mapped[str] = mapped_column(String(16), default="never")
    rubric: Mapped[Rubric] = relationship(back_populates="criteria")
    levels: Mapped[list[RubricLevel]] = relationship(order_by="RubricLevel.points")


class RubricLevel(Base):
    """One ordered level of a criterion."""

    __tablename__ = "rubric_level"
    id: Mapped[int] = mapped_column(primary_key=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("rubric_criterion.id", ondelete="CASCADE"))
    points: Mapped[float] = mapped_column(Float)
    descriptor: Mapped[str] = mapped_column(Text)


class Judge(Base):
    """A judge named by a batch (the profile's owner, normally one)."""

    __tablename__ = "judge"
    id: Mapped[int] = mapped_column(primary_key=True)
    judge_key: Mapped[str] = mapped_column(String(100), unique=True)
    name: Mapped[str] = mapped_column(Text)
    email: Mapped[str] = mapped_column(Text, default="")
    school: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")


class Batch(Base):
    """An imported batch; ``signed`` is False for an organizer workbook imported directly."""

    __tablename__ = "batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_key: Mapped[str] = mapped_column(String(200), unique=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"))
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id"))
    revision: Mapped[int] = mapped_column(Integer)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    manifest_json: Mapped[str] = mapped_column(Text)
    signed: Mapped[bool] = mapped_column(Boolean)
    organizer_key_id: Mapped[str | None] = mapped_column(String(32))
    sealing_public_key: Mapped[str | None] = mapped_column(String(100))
    source_name: Mapped[str] = mapped_column(Text, default="")
    imported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    round: Mapped[Round] = relationship()
    judge: Mapped[Judge] = relationship()


class Entry(Base):
    """An entry of a round. Text is stored NFC with bidi controls removed (``flagged`` notes that)."""

    __tablename__ = "entry"
    __table_args__ = (UniqueConstraint("round_id", "code"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(Text)
    authors: Mapped[str] = mapped_column(Text, default="")
    school: Mapped[str] = mapped_column(Text, default="")
    province: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(Text, default="")
    description: Mapped[str] = mapped_column(Text, default="")
    links: Mapped[str] = mapped_column(Text, default="")  # one URL per line
    search_text: Mapped[str] = mapped_column(Text, default="")  # folded for accent-free search
    flagged: Mapped[bool] = mapped_column(Boolean, default=False)
    # core.collation.sort_key_bytes(code): the list opens sorted by code without keying every row.
    code_key: Mapped[bytes] = mapped_column(LargeBinary, default=b"", server_default=text("x''"))


class Attachment(Base):
    """An entry's attachment; the bytes live content-addressed in the profile."""

    __tablename__ = "attachment"
    __table_args__ = (UniqueConstraint("entry_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int] = mapped_column(Integer)


class Assignment(Base):
    """An entry assigned to a judge by a batch, with the judge's overall comment and any conflict."""

    __tablename__ = "assignment"
    __table_args__ = (UniqueConstraint("judge_id", "entry_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id", ondelete="CASCADE"), index=True)
    judge_id: Mapped[int] = mapped_column(ForeignKey("judge.id"))
    entry_id: Mapped[int] = mapped_column(ForeignKey("entry.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    overall_comment: Mapped[str] = mapped_column(Text, default="")
    conflict_reason: Mapped[str | None] = mapped_column(Text)
    conflict_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class Score(Base):
    """A judge's points for one criterion (None: not scored) and comment."""

    __tablename__ = "score"
    __table_args__ = (UniqueConstraint("assignment_id", "criterion_key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    assignment_id: Mapped[int] = mapped_column(ForeignKey("assignment.id", ondelete="CASCADE"), index=True)
    criterion_key: Mapped[str] = mapped_column(String(100))
    points: Mapped[float | None] = mapped_column(Float)
    comment: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class SheetRevision(Base):
    """A score sheet exported from this profile."""

    __tablename__ = "sheet_revision"
    __table_args__ = (UniqueConstraint("batch_id", "revision"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batch.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    path: Mapped[str] = mapped_column(Text)
    exported_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class AuditLog(Base):
    """Append-only record of every change: who, what, old → new, when."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(Text)
    field: Mapped[str] = mapped_column(Text, default="")
    old: Mapped[str | None] = mapped_column(Text)
    new: Mapped[str | None] = mapped_column(Text)
