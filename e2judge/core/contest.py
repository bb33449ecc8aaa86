"""What an organizer's workbook describes: a contest round, its entries, judges and rubric."""

from __future__ import annotations

from dataclasses import dataclass

from e2judge.core.rubric import Rubric


@dataclass(frozen=True)
class EntrySpec:
    """One entry as the organizer lists it. ``attachments`` are file names in the attachments folder."""

    code: str
    title: str
    authors: str = ""
    school: str = ""
    province: str = ""
    category: str = ""
    description: str = ""
    links: tuple[str, ...] = ()
    attachments: tuple[str, ...] = ()


@dataclass(frozen=True)
class JudgeSpec:
    """One judge as the organizer lists them."""

    judge_id: str
    name: str
    email: str = ""
    school: str = ""
    province: str = ""


@dataclass(frozen=True)
class ContestSpec:
    """A whole contest round as read from the organizer's workbook."""

    contest_id: str
    contest_name: str
    round: str
    deadline: str
    blind: bool
    discrepancy_threshold: float | None
    rubric: Rubric
    entries: tuple[EntrySpec, ...]
    judges: tuple[JudgeSpec, ...]
    moderation_rule: str = "mean_all"  # e2judge.core.moderation.RULES
