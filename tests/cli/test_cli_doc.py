"""docs/cli.md documents every command and option (regenerate it with scripts/make_cli_doc.py)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from e2judge.cli.main import build_parser

DOC = Path(__file__).resolve().parents[2] / "docs" / "cli.md"


def commands(
    parser: argparse.ArgumentParser, path: list[str]
) -> list[tuple[list[str], argparse.ArgumentParser]]:
    found = [(path, parser)]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found += commands(sub, [*path, name])
    return found


def test_every_command_and_option_is_documented() -> None:
    text = DOC.read_text("utf-8")
    sections = dict(re.findall(r"\n## `(e2judge[^`]*)`\n\n```text\n(.*?)```", text, re.S))
    all_commands = commands(build_parser(), [])
    assert len(all_commands) > 10
    for path, parser in all_commands:
        title = " ".join(["e2judge", *path])
        assert title in sections, f"{title} is missing from docs/cli.md: run python scripts/make_cli_doc.py"
        for action in parser._actions:
            for option in action.option_strings:
                assert option in sections[title], f"{title} {option} is not in docs/cli.md"
    documented = set(sections) - {" ".join(["e2judge", *p]) for p, _ in all_commands}
    assert documented == set(), f"docs/cli.md documents commands that no longer exist: {documented}"


def test_every_argument_explains_itself() -> None:
    missing = [
        f"{' '.join(['e2judge', *path])} {action.option_strings or action.dest}"
        for path, parser in commands(build_parser(), [])
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction) and not action.help
    ]
    assert missing == []
