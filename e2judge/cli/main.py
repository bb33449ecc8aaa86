"""Entry point of the ``e2judge`` command.

Conventions for every command: ``--home DIR`` is global; exit code 0 on success, 1 when an input
is refused (one line saying which file and why, no traceback), 2 for a usage error.

Building the parser imports no services, database or file-format code: each command imports what
it needs when it runs, so ``e2judge --help`` costs little more than Python and argparse.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from e2judge import __version__
from e2judge.cli import commands_judge, commands_org, commands_report, commands_score, commands_sheet
from e2judge.cli.output import refuse, utf8_streams
from e2judge.core.errors import InputRefused
from e2judge.core.i18n import set_language


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="e2judge",
        description="E2 Judge: offline judging for the Education Exchange Vietnam forum. "
        "Without a command, opens the judge's window.",
    )
    parser.add_argument("--version", action="version", version=f"e2judge {__version__}")
    parser.add_argument(
        "--home", metavar="DIR", help="profile folder (default: $E2JUDGE_HOME or the user data dir)"
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the bundled demo contest in a throw-away profile"
    )
    parser.add_argument(
        "--lang",
        choices=["vi", "en"],
        help="language of the window and of refusal messages for this run (commands default to English)",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation in a throw-away profile, then exit"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands_judge.register(sub)
    commands_org.register(sub)
    commands_score.register(sub)
    commands_sheet.register(sub)
    commands_report.register(sub)
    return parser


def _cancelled(exc: Exception) -> bool:
    """``exc`` is the import's ``ImportCancelled`` (only possible once the batch reader is loaded)."""
    batch = sys.modules.get("e2judge.formats.batch")
    return batch is not None and isinstance(exc, batch.ImportCancelled)


def main(argv: Sequence[str] | None = None) -> int:
    utf8_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.lang:
        set_language(args.lang)  # the language of refusals and problems (English unless asked)
    try:
        if args.self_test:
            from e2judge.selftest import run_self_test

            return run_self_test()
        if args.command is None:
            from e2judge.app import run_gui

            return run_gui(home=args.home, demo=args.demo, lang=args.lang)
        handler = args.handler
        result: int = handler(args)
        return result
    except InputRefused as exc:
        return refuse(exc)
    except KeyboardInterrupt:
        print("e2judge: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (``e2judge entries | head``): stop quietly, as other tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141  # 128 + SIGPIPE
    except Exception as exc:
        if not _cancelled(exc):
            raise
        print("e2judge: cancelled, nothing was changed", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
