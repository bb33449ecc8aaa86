"""Errors that carry a message meant for a person, not a traceback."""

from __future__ import annotations

from collections.abc import Sequence

from e2judge.core.i18n import ngettext


class InputRefused(Exception):
    """An input file was refused; nothing was changed.

    ``source`` names the file; ``reason`` says why, in one line.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class Problem:
    """One problem found while validating an input (sheet, row and column when known)."""

    __slots__ = ("message", "where")

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message

    def __repr__(self) -> str:
        return f"Problem({self.where!r}, {self.message!r})"


class ValidationFailed(InputRefused):
    """Validation found one or more problems; every one is listed."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        count = len(problems)
        reason = ngettext(
            "{count} problem found, nothing was written", "{count} problems found, nothing was written", count
        )
        super().__init__(source, reason.format(count=count))
        self.problems = list(problems)

    def details(self) -> str:
        """All problems, one per line."""
        return "\n".join(str(p) for p in self.problems)
