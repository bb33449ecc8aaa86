"""Reports and spreadsheets from the command line: rubric PDFs, the score workbook, the offline worksheet.

``report pdf OUT.pdf [--entry CODE]... [--summary]``, ``report xlsx OUT.xlsx``,
``worksheet export OUT.xlsx`` and ``worksheet import FILE.xlsx [--overwrite | --keep-app]``;
``--round N`` picks a round by its number in ``e2judge rounds`` (default 1, the newest import).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from e2judge.cli.output import say
from e2judge.cli.profiles import locked, open_profile, pick_round, round_option
from e2judge.core.errors import InputRefused
from e2judge.core.labels import LANGS

if TYPE_CHECKING:
    from e2judge.db.session import Database
    from e2judge.services.judge.rounds import RoundRef

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``report`` and ``worksheet`` to the ``e2judge`` parser."""
    report = sub.add_parser("report", help="print rubric reports (PDF) or the score workbook (Excel)")
    rsub = report.add_subparsers(dest="report_command", metavar="KIND", required=True)
    p = rsub.add_parser("pdf", help="rubric report of every entry (or --entry), or the --summary")
    p.add_argument("out", type=Path, metavar="OUT.pdf", help="the PDF to write")
    p.add_argument("--entry", action="append", metavar="CODE", help="only this entry (may be repeated)")
    p.add_argument("--summary", action="store_true", help="the summary: every entry's total, status, rank")
    _common(p, lang=True)
    p.set_defaults(handler=cmd_report_pdf)
    p = rsub.add_parser("xlsx", help="the score workbook: one row per entry, one column per criterion")
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="the workbook to write")
    _common(p, lang=True)
    p.set_defaults(handler=cmd_report_xlsx)

    worksheet = sub.add_parser("worksheet", help="score in Excel offline: export a worksheet, import it back")
    wsub = worksheet.add_subparsers(dest="worksheet_command", metavar="ACTION", required=True)
    p = wsub.add_parser("export", help="write the worksheet (drop-downs, locked cells) for the round")
    p.add_argument("out", type=Path, metavar="OUT.xlsx", help="the worksheet to write")
    _common(p, lang=True)
    p.set_defaults(handler=cmd_worksheet_export)
    p = wsub.add_parser(
        "import", help="check every cell and apply the changes (nothing if any cell is wrong)"
    )
    p.add_argument(
        "file", type=Path, metavar="FILE.xlsx", help="a worksheet exported from this profile and filled in"
    )
    how = p.add_mutually_exclusive_group()
    how.add_argument(
        "--overwrite",
        action="store_true",
        help="for cells changed in the app since export: use the worksheet",
    )
    how.add_argument(
        "--keep-app", action="store_true", help="for cells changed in the app since export: keep the app's"
    )
    p.add_argument("--dry-run", action="store_true", help="only list the changes and conflicts")
    _common(p, lang=False)
    p.set_defaults(handler=cmd_worksheet_import)


def _common(p: argparse.ArgumentParser, *, lang: bool) -> None:
    round_option(p)
    if lang:
        # Its own dest: the global --lang (the window's language) must not be overwritten by a default.
        p.add_argument(
            "--lang", dest="report_lang", choices=LANGS, help="language of the report (default vi)"
        )


def _lang(args: argparse.Namespace) -> str:
    chosen = getattr(args, "report_lang", None) or getattr(args, "lang", None) or "vi"
    return str(chosen)


def cmd_report_pdf(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.entries import EntryNotFound
    from e2judge.services.judge.reports import write_entry_reports, write_judge_summary

    if args.summary and args.entry:
        raise InputRefused("--summary", "give either --summary or --entry, not both")
    profile = open_profile(args)
    with open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        if args.summary:
            pages = write_judge_summary(db, profile, ref, args.out, _lang(args))
        else:
            try:
                pages = write_entry_reports(db, profile, ref, args.out, args.entry, _lang(args))
            except EntryNotFound as exc:
                raise InputRefused("--entry", str(exc)) from None
    say(f"Wrote {args.out}: {pages} page{'s' if pages != 1 else ''}")
    return 0


def cmd_report_xlsx(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.reports import write_judge_workbook

    profile = open_profile(args)
    with open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        write_judge_workbook(db, ref, args.out, _lang(args))
    say(f"Wrote {args.out}")
    return 0


def cmd_worksheet_export(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.worksheet import export_worksheet

    profile = open_profile(args)
    with open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round)
        export_worksheet(db, ref, args.out, _lang(args))
    say(f"Wrote {args.out}: fill in points and comments, then run: e2judge worksheet import {args.out}")
    return 0


def cmd_worksheet_import(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db

    profile = open_profile(args)
    with locked(profile), open_judge_db(profile.database) as db:
        return _import(args, db, pick_round(db, profile, args.round))


def _import(args: argparse.Namespace, db: Database, ref: RoundRef) -> int:
    from e2judge.services.judge.worksheet import import_worksheet

    actor = f"worksheet:{ref.judge_key}"
    plan = import_worksheet(db, ref, args.file, actor=actor, dry_run=True)
    for change in plan.changes:
        say(f"  {'CONFLICT ' if change.conflict else ''}{change}")
    if args.dry_run:
        say(plan.describe())
        return 0
    if plan.conflicts and not (args.overwrite or args.keep_app):
        n = len(plan.conflicts)
        raise InputRefused(
            str(args.file),
            f"{n} cell{'s' if n != 1 else ''} changed both in the app and in the worksheet since the export "
            "(listed above); nothing was applied. Run again with --overwrite to use the worksheet's values "
            "or --keep-app to keep the app's",
        )
    result = import_worksheet(db, ref, args.file, actor=actor, overwrite=args.overwrite)
    say(result.describe())
    return 0
