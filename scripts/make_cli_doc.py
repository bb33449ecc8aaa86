"""Write docs/cli.md from the real argument parser, so the documented contract cannot drift.

Run ``python scripts/make_cli_doc.py``; ``tests/cli/test_cli_doc.py`` fails when the file is stale.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from e2judge.cli.main import build_parser  # noqa: E402

CLI_VERSION = 1
HEADER = f"""# The `e2judge` command line (interface version {CLI_VERSION})

This file is generated from the program's own parser by `scripts/make_cli_doc.py`; a test keeps
it current. Commands and options listed here are a stable contract: they change only with a new
interface version, and additions keep old scripts working.

## Conventions

- `--home DIR` is a global option (before the command): the profile folder. Without it,
  `E2JUDGE_HOME`, else the portable folder beside the app, else the user data folder.
- Exit code **0** on success; **1** when an input is refused — one line on stderr saying which
  file and why (a workbook adds one indented line per problem), no traceback, nothing changed;
  **2** for a usage error. `--help` works on every command.
- Passphrases come from `--passphrase-file FILE`, else `E2JUDGE_PASSPHRASE`, else a prompt; they
  are never written anywhere.
- Without a command, `e2judge` opens the judge's window; `e2judge --demo` opens the demo contest in
  a throw-away profile.
"""


def walk(
    parser: argparse.ArgumentParser, path: list[str]
) -> Iterator[tuple[list[str], argparse.ArgumentParser]]:
    yield path, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from walk(sub, [*path, name])


def render() -> str:
    os.environ["COLUMNS"] = "100"
    parts = [HEADER]
    for path, parser in walk(build_parser(), []):
        title = " ".join(["e2judge", *path])
        parts.append(f"\n## `{title}`\n\n```text\n{parser.format_help().rstrip()}\n```\n")
    return "".join(parts)


def main() -> int:
    (ROOT / "docs" / "cli.md").write_text(render(), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
