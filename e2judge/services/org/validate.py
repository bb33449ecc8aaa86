"""Check an organizer's workbook in one pass: every sheet, the attachments and the assignment.

``org build`` and the organizer's window both call ``check_workbook``, so both list the same
problems, all at once: the workbook's own (duplicates, rubric steps, missing columns…), every
missing attachment, and every entry that cannot get enough judges outside its own school.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from e2judge.core import limits
from e2judge.core.assignment import AssignmentImpossible, assign
from e2judge.core.contest import ContestSpec, EntrySpec, JudgeSpec
from e2judge.core.errors import Problem
from e2judge.core.i18n import _
from e2judge.formats.manifest import batch_id
from e2judge.xlsx.org_workbook import inspect_workbook


@dataclass(frozen=True)
class WorkbookCheck:
    """The outcome of one check: the contest (None unless there is no problem) and every problem."""

    workbook: Path
    spec: ContestSpec | None
    problems: tuple[Problem, ...]
    entries: int = 0
    judges: int = 0
    attachments: dict[str, tuple[str, int]] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.spec is not None and not self.problems


def check_workbook(
    workbook: Path, attachments: Path | None = None, judges_per_entry: int = 1
) -> WorkbookCheck:
    """Read ``workbook`` and list every problem it has for a build with ``judges_per_entry``.

    Raises ``InputRefused`` only when the file is not a readable workbook at all.
    """
    reading = inspect_workbook(workbook)
    problems = list(reading.problems)
    folder = default_attachments(workbook, attachments)
    unique: dict[str, EntrySpec] = {}
    for entry in reading.entries:  # a repeated code is reported already; check the first one
        if entry.code:
            unique.setdefault(entry.code.casefold(), entry)
    entries = list(unique.values())
    by_name, by_hash, missing = scan_attachments(entries, folder)
    problems.extend(missing)
    judges = [j for j in reading.judges if j.judge_id]
    if reading.contest_id and reading.round:
        problems.extend(batch_id_problems(reading.contest_id, reading.round, judges))
    if entries and judges:
        try:
            assign(entries, judges, judges_per_entry)
        except AssignmentImpossible as exc:
            problems.extend(exc.problems)
    spec = reading.spec if not problems else None
    return WorkbookCheck(
        workbook, spec, tuple(problems), len(reading.entries), len(reading.judges), by_name, by_hash
    )


def split_where(where: str) -> tuple[str, str]:
    """A problem's place as (sheet, cell): ``"Entries!B3"`` → ``("Entries", "B3")``."""
    if "!" in where:
        sheet, _sep, cell = where.partition("!")
        return sheet, cell
    for sep in (": ", " ("):
        if sep in where:
            sheet, _sep, rest = where.partition(sep)
            return sheet, rest.rstrip(")") if sep == " (" else rest
    if " " in where:
        sheet, _sep, rest = where.partition(" ")
        return sheet, rest
    return where, ""


def batch_id_problems(contest_id: str, round_name: str, judges: Sequence[JudgeSpec]) -> list[Problem]:
    """Each judge's batch id (<contest>.<round slug>.<judge>) must fit the manifest's id limit."""
    return [
        Problem(
            _("Judges (judge {judge})").format(judge=judge.judge_id),
            _(
                "the batch id {batch} is longer than {limit} characters; "
                "use a shorter contest_id, round or judge_id"
            ).format(batch=batch, limit=limits.MAX_BATCH_ID),
        )
        for judge in judges
        if len(batch := batch_id(contest_id, round_name, judge.judge_id)) > limits.MAX_BATCH_ID
    ]


def default_attachments(workbook: Path, attachments: Path | None) -> Path | None:
    """The attachments folder: the one given, else ``attachments`` beside the workbook (None if absent)."""
    folder = attachments if attachments is not None else workbook.parent / "attachments"
    return folder if folder.is_dir() else None


def hash_file(path: Path) -> tuple[str, int]:
    """SHA-256 and size of a file, streamed."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as fh:
        while chunk := fh.read(2**20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def scan_attachments(
    entries: Sequence[EntrySpec], folder: Path | None
) -> tuple[dict[str, tuple[str, int]], dict[str, Path], list[Problem]]:
    """Hash every attachment the entries name; one problem per missing or unsafe file (sizes are
    bound by the signed manifest and the free space checked at build)."""
    problems: list[Problem] = []
    by_name: dict[str, tuple[str, int]] = {}
    by_hash: dict[str, Path] = {}
    for entry in entries:
        for name in entry.attachments:
            if name in by_name:
                continue
            path = folder / name if folder else None
            if path is None or not path.is_file() or path.is_symlink():
                where = _("Entries (entry {code})").format(code=entry.code)
                problems.append(
                    Problem(
                        where,
                        _("attachment {name} not found in {folder}").format(
                            name=repr(name), folder=folder or _("(no folder)")
                        ),
                    )
                )
                continue
            digest, size = hash_file(path)
            by_name[name] = (digest, size)
            by_hash[digest] = path
    return by_name, by_hash, problems
