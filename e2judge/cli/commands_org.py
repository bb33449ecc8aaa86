"""Organizer commands: ``e2judge org init|template|build``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from e2judge.cli import commands_rounds, commands_sheet
from e2judge.cli.output import say
from e2judge.cli.passphrase import get_passphrase

if TYPE_CHECKING:
    pass


def register(sub: Any) -> None:
    p = sub.add_parser("organizer", help="open the organizer's window (workspace, batches, sheets, results)")
    p.add_argument("orgdir", type=Path, nargs="?", help="the organizer workspace to open")
    p.add_argument(
        "--demo",
        action="store_true",
        help="open a throw-away copy of the demo workspace (sheets already back)",
    )
    p.set_defaults(handler=cmd_organizer)
    org = sub.add_parser("org", help="organizer commands: make batches, collect sheets, results")
    osub = org.add_subparsers(dest="org_command", metavar="ORG_COMMAND", required=True)

    p = osub.add_parser("init", help="create an organizer workspace with its signing key")
    p.add_argument("orgdir", type=Path, help="the new workspace folder")
    p.add_argument("--label", default="", help="who the key belongs to (shown to judges)")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help="a file holding the passphrase (else $E2JUDGE_PASSPHRASE, else a prompt)",
    )
    p.set_defaults(handler=cmd_init)

    p = osub.add_parser("template", help="write the organizer's workbook template")
    p.add_argument("file", type=Path, help="where to write the template (not overwritten)")
    p.add_argument(
        "--example", action="store_true", help="fill it with a small example contest in Vietnamese"
    )
    p.set_defaults(handler=cmd_template)

    p = osub.add_parser("build", help="validate the workbook and write one signed batch per judge")
    p.add_argument("orgdir", type=Path, help="the organizer workspace (from org init)")
    p.add_argument("--workbook", type=Path, required=True, help="the filled-in organizer workbook")
    p.add_argument(
        "--attachments", type=Path, help="attachments folder (default: 'attachments' beside the workbook)"
    )
    p.add_argument(
        "--judges-per-entry", type=int, default=1, metavar="N", help="judges per entry (default 1)"
    )
    p.add_argument("--blind", action="store_true", default=None, help="hide authors, school and province")
    p.add_argument("--out", type=Path, required=True, help="folder for the batch files")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help="a file holding the passphrase (else $E2JUDGE_PASSPHRASE, else a prompt)",
    )
    p.set_defaults(handler=cmd_build)
    commands_sheet.register_org(osub)
    commands_rounds.register(osub)


def cmd_organizer(args: argparse.Namespace) -> int:
    from e2judge.ui.organizer.start import run_organizer

    return run_organizer(args.orgdir, demo=args.demo, lang=args.lang)


def cmd_init(args: argparse.Namespace) -> int:
    from e2judge.services.org.workspace import init_workspace

    passphrase = get_passphrase(args.passphrase_file, confirm=True, what="new organizer passphrase")
    label = args.label or f"Organizer {args.orgdir.name}"
    summary = init_workspace(args.orgdir, passphrase, label)
    say(f"Organizer workspace created in {summary.root}")
    say(f"Signing key {summary.signing.key_id} ({label})")
    say(f"Fingerprint, to read aloud to judges: {summary.signing.fingerprint}")
    return 0


def cmd_template(args: argparse.Namespace) -> int:
    from e2judge.xlsx.org_template import write_template

    if args.file.exists():
        say(f"{args.file} exists; not overwritten")
        return 1
    write_template(args.file, example=args.example)
    say(f"{'Example' if args.example else 'Template'} written: {args.file}")
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    from e2judge.services.org.build import build_batches

    passphrase = get_passphrase(args.passphrase_file, what="organizer passphrase")
    summary = build_batches(
        args.orgdir,
        args.workbook,
        args.out,
        passphrase,
        attachments=args.attachments,
        judges_per_entry=args.judges_per_entry,
        blind=args.blind,
    )
    for path in summary.files:
        say(f"wrote {path}")
    for path in summary.unchanged:
        say(f"unchanged {path}")
    for warning in summary.warnings:
        say(f"WARNING: {warning}")
    loads = ", ".join(f"{j}: {n}" for j, n in sorted(summary.loads.items()))
    say(f"{summary.contest_id} — {summary.round_name}: {len(summary.files)} batches written; loads {loads}")
    return 0
