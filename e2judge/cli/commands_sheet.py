"""Score sheet commands: ``key show|export``, ``sheet export``, and ``org collect|enroll|results``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from e2judge.cli.output import as_json, say, table
from e2judge.cli.passphrase import get_passphrase
from e2judge.cli.profiles import locked, open_profile, pick_round, round_option
from e2judge.core.agreement import BOOTSTRAP_SAMPLES
from e2judge.core.rubric import format_points
from e2judge.paths import Profile

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

    from e2judge.formats.sheet import VerifiedSheet
    from e2judge.services.org.enroll import EnrollResult


def register(sub: Any) -> None:
    """Add ``key`` and ``sheet`` (judge side)."""
    key = sub.add_parser("key", help="the judge's signing key")
    ksub = key.add_subparsers(dest="key_command", metavar="KEY_COMMAND", required=True)
    p = ksub.add_parser("show", help="show the signing key's fingerprint (to compare by phone)")
    p.set_defaults(handler=cmd_key_show)
    p = ksub.add_parser("export", help="write the public key for the organizer (.pem for PEM, else JSON)")
    p.add_argument("file", type=Path, help="where to write the public key (.pem for PEM, else JSON)")
    p.add_argument("--passphrase-file", type=Path, help="used only when the key must be created first")
    p.set_defaults(handler=cmd_key_export)

    sheet = sub.add_parser("sheet", help="score sheets")
    ssub = sheet.add_subparsers(dest="sheet_command", metavar="SHEET_COMMAND", required=True)
    p = ssub.add_parser("export", help="write the next signed score sheet revision into a folder")
    p.add_argument(
        "--out", type=Path, required=True, metavar="DIR", help="folder (or USB stick) to write the sheet to"
    )
    p.add_argument("--plain", action="store_true", help="signed only, not sealed to the organizer")
    p.add_argument(
        "--passphrase-file",
        type=Path,
        help="a file holding the passphrase (else $E2JUDGE_PASSPHRASE, else a prompt)",
    )
    round_option(p, explicit=True)
    p.set_defaults(handler=cmd_sheet_export)


# services.org.results.RANK_BY, spelled out so that building the parser loads no services.
RANK_CHOICES = ("raw", "normalised", "final")
# services.org.results.MIN_ENTRIES, likewise.
MIN_ENTRIES = 5

ENROLL_DESCRIPTION = """\
Register a judge's public signing key (from 'e2judge key export FILE') before their sheets arrive,
so that a sheet signed with any other key is refused. Without enrolment, the key of the judge's
first accepted sheet is pinned.

When a judge loses their key (USB stick or laptop lost or stolen):
  1. collect every sheet the judge sent with the old key that you still need: after step 3,
     sheets signed with the old key are refused whatever their revision;
  2. the judge sets up E2 Judge again (a new profile), imports their batch again, and sends you
     their new public key ('e2judge key export FILE') together with its fingerprint by another
     way, e.g. read out on the phone;
  3. run 'e2judge org enroll ORGDIR --judge ID --replace FILE' and compare the new fingerprint
     it prints with the judge's; the replacement (when, old key, new key) is recorded;
  4. the judge exports again: the new key's revisions start at 1, and its newest accepted sheet
     replaces the judge's scores as usual.
"""


def register_org(osub: Any) -> None:
    """Add ``org collect``, ``org enroll`` and ``org results`` to the ``org`` subparsers."""
    p = osub.add_parser("collect", help="verify judges' score sheets and merge them")
    p.add_argument("orgdir", type=Path, help="the organizer workspace")
    p.add_argument(
        "files", type=Path, nargs="+", metavar="FILE_OR_DIR", help=".e2sheet files, or folders holding them"
    )
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--passphrase-file", type=Path, help="organizer passphrase (for sealed sheets)")
    p.set_defaults(handler=cmd_org_collect)

    p = osub.add_parser(
        "enroll",
        help="register a judge's public key before sheets arrive (or replace a lost one)",
        description=ENROLL_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("orgdir", type=Path, help="the organizer workspace")
    p.add_argument("--judge", required=True, metavar="ID", help="the judge id as in the workbook")
    p.add_argument("--contest", metavar="ID", help="only the rounds of this contest")
    p.add_argument(
        "--replace",
        action="store_true",
        help="the judge lost their key: replace it with this one (recorded; old-key sheets refused)",
    )
    p.add_argument("file", type=Path, help="the judge's public key file (from e2judge key export)")
    p.set_defaults(handler=cmd_org_enroll)

    p = osub.add_parser("results", help="results per entry and per judge; write the results workbook")
    p.add_argument("orgdir", type=Path, help="the organizer workspace")
    p.add_argument("--xlsx", type=Path, metavar="OUT.xlsx", help="write the results workbook")
    p.add_argument("--pdf", type=Path, metavar="OUT.pdf", help="the results report for award panels")
    p.add_argument("--report-lang", choices=["vi", "en"], default="vi", help="language of the PDF report")
    p.add_argument(
        "--rank-by", choices=RANK_CHOICES, default="normalised", help="rank by raw means or normalised scores"
    )
    p.add_argument("--discrepancy", type=float, metavar="POINTS", help="default: 20%% of the rubric maximum")
    p.add_argument("--contest", metavar="ID", help="the contest, when the workspace has several")
    p.add_argument("--round", metavar="NAME", help="the round, when the contest has several")
    p.add_argument(
        "--min-entries",
        type=int,
        default=MIN_ENTRIES,
        metavar="N",
        help=f"judges with fewer scores are not normalised (default {MIN_ENTRIES})",
    )
    p.add_argument(
        "--bootstrap",
        type=int,
        metavar="N",
        help=f"resamples for alpha's confidence interval (default {BOOTSTRAP_SAMPLES})",
    )
    p.add_argument("--json", action="store_true", help="print the results as JSON")
    p.set_defaults(handler=cmd_org_results)


# --- judge side -------------------------------------------------------------------------------


def cmd_key_show(args: argparse.Namespace) -> int:
    from e2judge.services.judge.judge_key import judge_key_info, judge_key_path

    profile = open_profile(args)
    info = judge_key_info(profile)
    if info is None:
        say("No signing key yet: it is created at the first score sheet export")
        say("(or now, with 'e2judge key export FILE').")
        return 0
    say(f"Key:         {info.key_id} ({info.label})")
    say(f"Fingerprint: {info.fingerprint}")
    say(f"File:        {judge_key_path(profile)}")
    return 0


def cmd_key_export(args: argparse.Namespace) -> int:
    from e2judge.services.judge.judge_key import ensure_judge_key, export_public_key, judge_key_info

    profile = open_profile(args)
    if judge_key_info(profile) is None:
        passphrase = get_passphrase(args.passphrase_file, confirm=True, what="new signing key passphrase")
        ensure_judge_key(profile, passphrase, _profile_label(profile))
    info = export_public_key(profile, args.file)
    say(f"Public key written: {args.file}")
    say(f"Fingerprint: {info.fingerprint}")
    return 0


def _profile_label(profile: Profile) -> str:
    from sqlalchemy import select

    from e2judge.db.models import Judge
    from e2judge.db.session import open_judge_db

    with open_judge_db(profile.database) as db, db.session() as s:
        judges = list(s.scalars(select(Judge).order_by(Judge.id).limit(2)))
    if len(judges) == 1:
        return f"{judges[0].name} ({judges[0].judge_key})"
    return f"E2 Judge judge key ({profile.root.name})"


def cmd_sheet_export(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.judge_key import judge_key_info
    from e2judge.services.judge.sheet_export import export_sheet

    profile = open_profile(args)
    with locked(profile), open_judge_db(profile.database) as db:
        ref = pick_round(db, profile, args.round, explicit=True)
        first = judge_key_info(profile) is None  # the key is created now: ask twice
        what = "new signing key passphrase" if first else "signing key passphrase"
        passphrase = get_passphrase(args.passphrase_file, confirm=first, what=what)
        result = export_sheet(db, profile, ref, args.out, passphrase, seal=not args.plain)
    say(f"Written and checked: {result.path}")
    say(
        f"  revision {result.revision}, {result.entries} entries, "
        f"{'sealed to the organizer' if result.sealed else 'signed, not sealed'}"
    )
    if result.incomplete:
        shown = ", ".join(result.incomplete[:10]) + (" …" if len(result.incomplete) > 10 else "")
        say(f"  WARNING: {len(result.incomplete)} entries are incomplete (exported as incomplete): {shown}")
    say(f"  key fingerprint: {result.fingerprint}")
    say("It is safe to remove the drive.")
    say("")
    say(f"Email subject: {result.email_subject}")
    say("")
    say(result.email_body)
    return 0


def verify_sheet_lines(path: Path, opener: X25519PrivateKey | None = None) -> list[str]:
    """What ``e2judge verify FILE`` prints for a score sheet; ``opener`` opens a sealed one."""
    from e2judge.formats.sheet import open_sheet as open_sheet_bytes
    from e2judge.formats.sheet import read_envelope, read_sheet_bytes

    data = read_sheet_bytes(path)
    envelope, _ = read_envelope(str(path), data)
    if envelope.form == "sealed" and opener is None:
        return [
            f"SEALED: {path} is a score sheet sealed for organizer key {envelope.key_id}",
            "  the organizer can open and check it: e2judge verify FILE --org ORGDIR",
        ]
    return describe_sheet(open_sheet_bytes(str(path), data, opener))


def describe_sheet(sheet: VerifiedSheet) -> list[str]:
    p = sheet.payload
    complete = sum(1 for e in p.entries if e.complete)
    conflicts = sum(1 for e in p.entries if e.conflict_reason is not None)
    return [
        f"OK: {sheet.source} is a genuine score sheet (signature checks out)",
        f"  signed by:   judge {p.judge_id} — {p.judge_name} (key {sheet.signer_key_id})",
        f"  fingerprint: {sheet.signer_fingerprint}",
        f"  contest:     {p.contest_id} — {p.contest_name} — {p.round_name}",
        f"  batch:       {p.batch_id} revision {p.batch_revision}",
        f"  revision:    {p.revision} (created {p.created_at})",
        f"  entries:     {len(p.entries)}, {complete} complete, {conflicts} conflicts",
    ]


# --- organizer side ---------------------------------------------------------------------------


def cmd_org_collect(args: argparse.Namespace) -> int:
    from e2judge.services.org.collect import Verdict, collect_sheets, needs_passphrase, sheet_files

    files, _problems = sheet_files(args.files)
    passphrase = None
    if needs_passphrase(files):
        passphrase = get_passphrase(args.passphrase_file, what="organizer passphrase")
    report = collect_sheets(args.orgdir, args.files, passphrase)
    if args.json:
        say(as_json([row.to_json() for row in report.rows]))
    else:
        say(
            table(
                ["file", "judge", "revision", "verdict", "reason"],
                [
                    [r.file, r.judge, "" if r.revision is None else r.revision, r.verdict.value, r.reason]
                    for r in report.rows
                ],
            )
        )
        say(", ".join(f"{report.count(v)} {v.value}" for v in Verdict))
    return 1 if report.any_refused else 0


def cmd_org_enroll(args: argparse.Namespace) -> int:
    from e2judge.services.org.collect import replacement_time
    from e2judge.services.org.enroll import enroll_judge

    def announce(plan: EnrollResult) -> bool:
        say(f"Replacing judge {plan.judge_key}'s signing key:")
        for r in plan.replaced:
            say(f"  {r.round}: old key {r.old_key_id}, fingerprint {r.old_fingerprint}")
        say(f"  new key {plan.key_id}, fingerprint {plan.fingerprint}")
        return True

    result = enroll_judge(
        args.orgdir, args.judge, args.file, args.contest, replace=args.replace, confirm=announce
    )
    say(f"Judge {result.judge_key}: key {result.key_id}")
    say(f"Fingerprint (compare with the judge): {result.fingerprint}")
    for name in result.enrolled:
        say(f"  enrolled for {name}")
    for name in result.unchanged:
        say(f"  already enrolled for {name}")
    for r in result.replaced:
        say(f"  replaced key {r.old_key_id} for {r.round}")
    if result.replaced_at is not None:
        say(
            f"Replacement recorded ({replacement_time(result.replaced_at)}): sheets signed with the old key "
            "are refused from now on; the new key's sheets start again at revision 1."
        )
    elif args.replace:
        say("Nothing to replace: the judge had no other key.")
    return 0


def cmd_org_results(args: argparse.Namespace) -> int:
    from e2judge.cli.results_text import agreement_lines, moderation_lines
    from e2judge.services.org.results import compute_results

    results = compute_results(
        args.orgdir,
        args.contest,
        args.round,
        discrepancy=args.discrepancy,
        rank_by=args.rank_by,
        min_entries=args.min_entries,
        bootstrap=args.bootstrap,
    )
    if args.xlsx is not None or args.pdf is not None:
        from e2judge.services.org.exports import export_results

        export_results(args.orgdir, results, xlsx=args.xlsx, pdf=args.pdf, lang=args.report_lang)
    if args.json:
        say(as_json(results.to_json()))
        return 0
    say(
        f"{results.contest_name} — {results.round_name}: {len(results.entries)} entries, "
        f"{len(results.judges)} judges; ranked by {results.rank_by}; "
        f"discrepancy threshold {format_points(results.threshold)}"
    )

    def show(value: float | None) -> str:
        return "" if value is None else f"{value:.2f}"

    say(
        table(
            ["rank", "entry", "returned", "mean", "normalised", "final", "spread", "flag"],
            [
                [
                    e.rank or "",
                    e.code,
                    f"{e.returned}/{e.assigned}",
                    show(e.mean),
                    show(e.normalised),
                    show(e.final),
                    show(e.spread),
                    "DISCREPANCY" if e.discrepancy else "",
                ]
                for e in results.entries
            ],
        )
    )
    for line in moderation_lines(results):
        say(line)
    for line in agreement_lines(results):
        say(line)
    if args.xlsx is not None:
        say(f"Workbook written: {args.xlsx}")
    if args.pdf is not None:
        say(f"PDF report written: {args.pdf}")
    return 0
