"""Organizer commands after the first scores: ``org moderate`` (a third judge where two disagree)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from e2judge.cli.output import say
from e2judge.cli.passphrase import get_passphrase
from e2judge.core.rubric import format_points

MODERATE_DESCRIPTION = """\
For every entry whose judges' weighted totals differ by the threshold or more (--threshold, else
the Contest sheet's discrepancy_threshold, else 20% of the rubric maximum), choose one more judge
who has not had the entry and is not from its school, spreading the work evenly, and write each
chosen judge a signed follow-up batch holding only those entries. The judge imports it like any
other batch: it joins the round they already have, and their next score sheet carries every
entry of the round. Collect the sheets as usual; the Contest sheet's moderation_rule (closest_two,
median or mean_all) makes each entry's final score, and 'org results' shows which scores counted.

The workbook (and its attachments folder) is the one the round was built from.
"""


def register(osub: Any) -> None:
    p = osub.add_parser(
        "moderate",
        help="send entries whose judges disagree to one more judge (signed follow-up batches)",
        description=MODERATE_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("orgdir", type=Path, help="the organizer workspace")
    p.add_argument(
        "--workbook", type=Path, required=True, help="the organizer workbook the round was built from"
    )
    p.add_argument(
        "--attachments", type=Path, help="attachments folder (default: 'attachments' beside the workbook)"
    )
    p.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for the follow-up batches")
    p.add_argument("--threshold", type=float, metavar="POINTS", help="spread that calls for one more judge")
    p.add_argument("--contest", metavar="ID", help="the contest, when the workspace has several")
    p.add_argument("--round", metavar="NAME", help="the round, when the contest has several")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help="a file holding the passphrase (else $E2JUDGE_PASSPHRASE, else a prompt)",
    )
    p.set_defaults(handler=cmd_moderate)


def cmd_moderate(args: argparse.Namespace) -> int:
    from e2judge.services.org.moderate import describe, moderate

    passphrase = get_passphrase(args.passphrase_file, what="organizer passphrase")
    summary = moderate(
        args.orgdir,
        args.workbook,
        args.out,
        passphrase,
        attachments=args.attachments,
        threshold=args.threshold,
        contest_key=args.contest,
        round_name=args.round,
    )
    say(
        f"{summary.contest_id} — {summary.round_name}: threshold {format_points(summary.threshold)}; "
        f"{len(summary.moderations)} entries to one more judge"
    )
    for m in summary.moderations:
        say(f"  {describe(m)}")
    if summary.already:
        say(f"  already moderated: {', '.join(summary.already)}")
    for path in summary.files:
        say(f"wrote {path}")
    return 0
