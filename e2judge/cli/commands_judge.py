"""Judge-side commands: import, verify."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from e2judge.cli.commands_sheet import verify_sheet_lines
from e2judge.cli.output import say
from e2judge.cli.passphrase import get_passphrase
from e2judge.cli.profiles import locked, open_profile

if TYPE_CHECKING:
    pass


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import a signed batch (.e2batch) or an organizer workbook (.xlsx)")
    p.add_argument("file", type=Path, help="the .e2batch file, or the organizer's .xlsx workbook")
    p.add_argument("--judge", help="for a workbook: the judge id to import as (default: the first listed)")
    p.add_argument("--attachments", type=Path, help="for a workbook: the attachments folder")
    p.set_defaults(handler=cmd_import)
    v = sub.add_parser("verify", help="check a batch or score sheet without importing; print who signed what")
    v.add_argument("file", type=Path, help="a .e2batch or .e2sheet file")
    v.add_argument(
        "--org",
        type=Path,
        metavar="ORGDIR",
        help="for a sealed .e2sheet: the organizer workspace whose key opens it (nothing is merged)",
    )
    v.add_argument(
        "--passphrase-file",
        type=Path,
        help="with --org: a file holding the organizer passphrase (else $E2JUDGE_PASSPHRASE, else a prompt)",
    )
    v.set_defaults(handler=cmd_verify)


def cmd_import(args: argparse.Namespace) -> int:
    from e2judge.db.session import open_judge_db
    from e2judge.services.judge.import_batch import import_batch
    from e2judge.services.judge.import_workbook import import_workbook

    profile = open_profile(args)
    with locked(profile), open_judge_db(profile.database) as db:
        if args.file.suffix.lower() == ".xlsx":
            summary = import_workbook(db, profile, args.file, args.judge, args.attachments)
            say("UNSIGNED: imported from an organizer workbook, no signature to check")
        else:
            summary = import_batch(db, profile, args.file)
            if summary.pinned_now:
                say(f"Organizer key pinned for contest {summary.contest_id}: {summary.organizer_fingerprint}")
                say("  Compare these digits with the organizer (for example on the phone).")
            if summary.demo:
                say(f"DEMO: {summary.organizer_label}")
    say(f"{summary.contest_name} — {summary.round_name} — judge {summary.judge_id}")
    say(summary.describe())
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    from e2judge.services.judge.import_batch import verify_batch
    from e2judge.services.org.workspace import open_workspace, sealing_key

    if args.file.suffix.lower() == ".e2sheet":
        opener = None
        if args.org is not None:
            workspace, db = open_workspace(args.org)
            db.close()
            opener = sealing_key(workspace, get_passphrase(args.passphrase_file, what="organizer passphrase"))
        for line in verify_sheet_lines(args.file, opener):
            say(line)
        return 0
    batch = verify_batch(args.file)
    m = batch.manifest
    say(f"OK: {args.file} is a genuine batch")
    say(f"  signed by:   {m['organizer']['label']} (key {batch.signer_key_id})")
    say(f"  fingerprint: {batch.signer_fingerprint}")
    if m["organizer"]["demo"]:
        say("  DEMO key — not for real contests")
    say(f"  contest:     {m['contest']['id']} — {m['contest']['name']} — {m['contest']['round']}")
    say(f"  judge:       {m['judge']['id']} — {m['judge']['name']}")
    say(
        f"  batch:       {m['batch_id']} revision {m['revision']}, {len(m['entries'])} entries, "
        f"{len(batch.attachments())} attachments, blind: {'yes' if m['blind'] else 'no'}"
    )
    return 0
