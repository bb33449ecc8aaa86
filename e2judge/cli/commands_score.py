"""Judging from the command line: rounds, entries, show, score, comment, conflict, backup, restore.

Every command that writes takes the profile lock (refused while a window has the profile open).
``--round N`` picks a round by its number in ``e2judge rounds`` (default 1, the newest import).
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from e2judge.cli.output import as_json, say, table
from e2judge.cli.profiles import locked, open_profile, pick_round, round_option
from e2judge.core.errors import InputRefused
from e2judge.core.rubric import format_points

if TYPE_CHECKING:
    from e2judge.db.session import Database
    from e2judge.services.judge.entries import (
        EntryDetail,
    )
    from e2judge.services.judge.rounds import RoundRef
    from e2judge.services.judge.scoring import (
        Change,
    )

__all__ = ["parse_points", "register"]

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")
_NOT_SCORED = ("none", "-", "")
# services.judge.entries.Status values, spelled out so that building the parser loads no services.
STATUSES = ("not_started", "in_progress", "complete", "conflict")


def register(sub: Any) -> None:
    """Add the judging commands to the ``e2judge`` parser."""
    p = sub.add_parser("rounds", help="list the rounds in this profile, numbered for --round")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_rounds)

    p = sub.add_parser("entries", help="list the entries of a round with their status and total")
    round_option(p)
    p.add_argument("--status", choices=STATUSES, help="only entries with this status")
    p.add_argument(
        "--search", metavar="TEXT", help="words to find in code/title/authors/school (no accents needed)"
    )
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_entries)

    p = sub.add_parser("show", help="show one entry with the rubric, its levels and the current scores")
    p.add_argument("code", help="the entry's code")
    round_option(p)
    p.add_argument("--json", action="store_true", help="print JSON")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("score", help="give points for one criterion (saved at once); 'none' clears it")
    p.add_argument("code", help="the entry's code")
    p.add_argument("criterion", help="the criterion id (see `e2judge show CODE`)")
    p.add_argument("points", help="points, e.g. 3 or 2.5 or 2,5; 'none' = not scored")
    p.add_argument("--comment", metavar="TEXT", help="also set this criterion's comment")
    round_option(p)
    p.set_defaults(handler=cmd_score)

    p = sub.add_parser(
        "comment", help="set a criterion's comment, or the overall comment without --criterion"
    )
    p.add_argument("code", help="the entry's code")
    p.add_argument("text", help="the comment ('' clears it)")
    p.add_argument("--criterion", metavar="ID", help="the criterion id (default: the overall comment)")
    round_option(p)
    p.set_defaults(handler=cmd_comment)

    p = sub.add_parser("conflict", help="declare (--reason) or withdraw (--withdraw) a conflict of interest")
    p.add_argument("code", help="the entry's code")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--reason", metavar="TEXT", help="why you cannot judge this entry")
    how.add_argument("--withdraw", action="store_true", help="withdraw the declared conflict")
    round_option(p)
    p.set_defaults(handler=cmd_conflict)

    p = sub.add_parser("backup", help="back up the profile's database now (or --list the backups)")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")
    p.add_argument("--keep", type=int, default=10, metavar="N", help="keep the newest N backups (default 10)")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the database with a backup (the current one is saved first)")
    p.add_argument("file", type=Path, help="a backup file, or its name in the profile's backups folder")
    p.add_argument(
        "--check", action="store_true", help="only check the backup and show what it holds; change nothing"
    )
    p.set_defaults(handler=cmd_restore)


# --- helpers ----------------------------------------------------------------------------------


def parse_points(text: str) -> float | None:
    """Points typed by a person: "3", "2.5" or "2,5"; "none" (or "-") for not scored. ``ValueError``."""
    value = text.strip()
    if value.casefold() in _NOT_SCORED:
        return None
    if not _NUMBER.match(value):
        raise ValueError(f"{text!r} is not a number (write e.g. 3, 2.5 or 2,5, or none)")
    return float(value.replace(",", "."))


def _assignment(db: Database, ref: RoundRef, code: str) -> int:
    from e2judge.services.judge.entries import EntryNotFound, find_assignment

    try:
        return find_assignment(db, ref, code)
    except EntryNotFound as exc:
        raise InputRefused(f"entry {code}", str(exc)) from None


def _actor(ref: RoundRef) -> str:
    return f"cli:{ref.judge_key}"


def _pts(value: float | None) -> str:
    return "not scored" if value is None else format_points(value)


def _total(weighted: float | None, weighted_max: float) -> str:
    return f"{'–' if weighted is None else format_points(weighted)}/{format_points(weighted_max)}"


def _status_line(detail: EntryDetail) -> str:
    t = detail.totals
    total = _total(t.weighted if t.scored else None, t.weighted_max)
    line = f"{detail.code}: {detail.status.value}, total {total}"
    if detail.missing_comments:
        line += f"; comment required for {', '.join(detail.missing_comments)}"
    return line


def _describe_change(code: str, change: Change) -> str:
    where = f"{code} · {change.criterion_key}" if change.criterion_key else code
    if not change.changed:
        return f"{where}: {change.field} unchanged"
    if change.field == "points":
        old = change.old if isinstance(change.old, float) else None
        new = change.new if isinstance(change.new, float) else None
        return f"{where}: {_pts(new)} (was {_pts(old)}) — saved"
    return f"{where}: {change.field.replace('_', ' ')} saved"


# --- reading ----------------------------------------------------------------------------------


def cmd_rounds(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.entries import list_entries, progress
    from e2judge.services.judge.rounds import list_rounds

    profile = open_profile(args)
    with open_judge_db(profile.database) as db:
        refs = list_rounds(db)
        counts = [progress(list_entries(db, ref)) for ref in refs]
    if args.json:
        say(
            as_json(
                [
                    {
                        "number": i,
                        "contest": r.contest_key,
                        "contest_name": r.contest_name,
                        "round": r.round_name,
                        "judge": r.judge_key,
                        "judge_name": r.judge_name,
                        "blind": r.blind,
                        "signed": r.signed,
                        "demo": r.demo,
                        "organizer": r.organizer_label,
                        "fingerprint": r.organizer_fingerprint,
                        "batch": r.batch_key,
                        "revision": r.batch_revision,
                        "complete": done,
                        "total": total,
                    }
                    for i, (r, (done, total)) in enumerate(zip(refs, counts, strict=True), start=1)
                ]
            )
        )
        return 0
    if not refs:
        say("No rounds yet: import a batch with `e2judge import FILE`.")
        return 0
    rows = [
        [
            i,
            r.contest_key,
            r.round_name,
            r.judge_key,
            f"{done}/{total}",
            "yes" if r.blind else "no",
            "DEMO" if r.demo else ("signed" if r.signed else "UNSIGNED"),
            r.batch_revision,
        ]
        for i, (r, (done, total)) in enumerate(zip(refs, counts, strict=True), start=1)
    ]
    say(table(["#", "contest", "round", "judge", "complete", "blind", "source", "rev"], rows))
    return 0


def cmd_entries(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.entries import Status, filter_entries, list_entries, progress

    profile = open_profile(args)
    with open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        rows = list_entries(db, ref)
    done, total = progress(rows)
    shown = filter_entries(rows, args.search or "", Status(args.status) if args.status else None)
    if args.json:
        say(
            as_json(
                [
                    {
                        "code": r.code,
                        "title": r.title,
                        "category": r.category,
                        "province": r.province,
                        "status": r.status.value,
                        "weighted": r.weighted,
                        "weighted_max": r.weighted_max,
                        "scored": r.scored,
                        "criteria": r.criteria,
                    }
                    for r in shown
                ]
            )
        )
        return 0
    say(ref.describe())
    headers = ["code", "status", "total", "category", *([] if ref.blind else ["province"]), "title"]
    body = [
        [
            r.code,
            r.status.value,
            _total(r.weighted, r.weighted_max),
            r.category,
            *([] if ref.blind else [r.province]),
            r.title,
        ]
        for r in shown
    ]
    say(table(headers, body))
    say(f"{len(shown)} shown; {done} of {total} complete" + (" (blind round)" if ref.blind else ""))
    return 0


def _detail_json(detail: EntryDetail) -> dict[str, Any]:
    t = detail.totals
    return {
        "code": detail.code,
        "title": detail.title,
        "authors": detail.authors,
        "school": detail.school,
        "province": detail.province,
        "category": detail.category,
        "description": detail.description,
        "links": list(detail.links),
        "attachments": [
            {"name": a.name, "sha256": a.sha256, "size": a.size, "path": str(a.path)}
            for a in detail.attachments
        ],
        "status": detail.status.value,
        "conflict_reason": detail.conflict_reason,
        "overall_comment": detail.overall_comment,
        "flagged": detail.flagged,
        "missing_comments": list(detail.missing_comments),
        "totals": {
            "raw": t.raw,
            "raw_max": t.raw_max,
            "weighted": t.weighted,
            "weighted_max": t.weighted_max,
            "scored": t.scored,
            "criteria": t.criteria,
        },
        "criteria": [
            {
                "id": c.id,
                "section": c.section,
                "title": c.title,
                "description": c.description,
                "max_points": c.max_points,
                "step": c.step,
                "weight": c.weight,
                "comment_rule": c.comment_rule.value,
                "levels": [{"points": lv.points, "descriptor": lv.descriptor} for lv in c.levels],
                "points": detail.points[c.id],
                "comment": detail.comments[c.id],
                "comment_required": c.comment_required(detail.points[c.id]),
            }
            for c in detail.rubric.criteria
        ],
    }


def cmd_show(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.entries import entry_detail

    profile = open_profile(args)
    with open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        detail = entry_detail(db, profile, ref, _assignment(db, ref, args.code))
    if args.json:
        say(as_json(_detail_json(detail)))
        return 0
    say(f"{detail.code} — {detail.title}")
    if detail.flagged:
        say("  NOTE: hidden text-direction characters were removed from this entry")
    if not ref.blind:
        say(f"  authors:  {detail.authors}")
        say(f"  school:   {detail.school} ({detail.province})")
    say(f"  category: {detail.category}")
    if detail.description:
        for line in detail.description.splitlines():
            say(f"  | {line}")
    for link in detail.links:
        say(f"  link: {link}")
    for att in detail.attachments:
        say(f"  attachment: {att.name} ({att.size} bytes) {att.path}")
    if detail.conflict_reason is not None:
        say(f"  CONFLICT declared: {detail.conflict_reason}")
    for section in detail.rubric.sections:
        say(f"\n[{section}]")
        for c in detail.rubric.in_section(section):
            points = detail.points[c.id]
            weight = f", weight {format_points(c.weight)}" if c.weight != 1 else ""
            say(f"  {c.id}: {c.title} — {_pts(points)} / {format_points(c.max_points)}{weight}")
            if c.levels:
                for lv in c.levels:
                    mark = "*" if points == lv.points else " "
                    say(f"    {mark} {format_points(lv.points)}: {lv.descriptor}")
            else:
                say(f"      0 to {format_points(c.max_points)} in steps of {format_points(c.step)}")
            if detail.comments[c.id]:
                say(f"    comment: {detail.comments[c.id]}")
            elif c.id in detail.missing_comments:
                say("    comment: REQUIRED for this score")
    if detail.overall_comment:
        say(f"\nOverall comment: {detail.overall_comment}")
    say("\n" + _status_line(detail))
    return 0


# --- writing ----------------------------------------------------------------------------------


def cmd_score(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.entries import entry_detail
    from e2judge.services.judge.scoring import ScoreRejected, set_comment, set_points

    profile = open_profile(args)
    code, key = args.code, args.criterion
    try:
        points = parse_points(args.points)
    except ValueError as exc:
        raise InputRefused(f"entry {code}", f"criterion {key}: {exc}") from None
    with locked(profile), open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        aid = _assignment(db, ref, code)
        try:
            change = set_points(db, aid, key, points, _actor(ref))
            say(_describe_change(code, change))
            if args.comment is not None:
                say(_describe_change(code, set_comment(db, aid, key, args.comment, _actor(ref))))
        except ScoreRejected as exc:
            raise InputRefused(f"entry {code}", f"criterion {key}: {exc}") from None
        say(_status_line(entry_detail(db, profile, ref, aid)))
    return 0


def cmd_comment(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.entries import entry_detail
    from e2judge.services.judge.scoring import ScoreRejected, set_comment, set_overall_comment

    profile = open_profile(args)
    code = args.code
    with locked(profile), open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        aid = _assignment(db, ref, code)
        try:
            if args.criterion:
                change = set_comment(db, aid, args.criterion, args.text, _actor(ref))
            else:
                change = set_overall_comment(db, aid, args.text, _actor(ref))
        except ScoreRejected as exc:
            where = f"criterion {args.criterion}: " if args.criterion else ""
            raise InputRefused(f"entry {code}", f"{where}{exc}") from None
        say(_describe_change(code, change))
        say(_status_line(entry_detail(db, profile, ref, aid)))
    return 0


def cmd_conflict(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.scoring import ScoreRejected, declare_conflict, withdraw_conflict

    profile = open_profile(args)
    code = args.code
    with locked(profile), open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        aid = _assignment(db, ref, code)
        try:
            if args.withdraw:
                change = withdraw_conflict(db, aid, _actor(ref))
            else:
                change = declare_conflict(db, aid, args.reason, _actor(ref))
        except ScoreRejected as exc:
            raise InputRefused(f"entry {code}", str(exc)) from None
    if args.withdraw:
        say(f"{code}: conflict withdrawn" if change.changed else f"{code}: no conflict was declared")
    else:
        say(f"{code}: conflict declared — {change.new}" if change.changed else f"{code}: conflict unchanged")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from e2judge.services.judge.backup import list_backups, make_backup

    profile = open_profile(args)
    if args.list:
        backups = list_backups(profile)
        if not backups:
            say(f"No backups yet in {profile.backups}")
        for path in backups:
            say(f"{path.name}  {path.stat().st_size} bytes")
        return 0
    if args.keep < 1:
        raise InputRefused("--keep", "must be at least 1")
    with locked(profile):
        made = make_backup(profile, keep=args.keep)
    say(f"Backup written: {made}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from e2judge.services.judge.backup import inspect_backup, restore_backup

    profile = open_profile(args)
    source: Path = args.file
    if not source.exists() and (profile.backups / source.name).is_file() and source.name == str(source):
        source = profile.backups / source.name
    with locked(profile):
        contents = inspect_backup(profile, source)
        say(f"Backup {source}: {contents.describe()}")
        if args.check:
            return 0
        saved = restore_backup(profile, source)
    say(f"Restored {source}")
    if saved != profile.database:
        say(f"The previous database was saved as {saved}")
    return 0
