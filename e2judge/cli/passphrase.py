"""Where a passphrase comes from: ``--passphrase-file``, else ``E2JUDGE_PASSPHRASE``, else a prompt."""

from __future__ import annotations

import getpass
import os
import sys
from pathlib import Path

from e2judge.core.errors import InputRefused
from e2judge.core.i18n import _

ENV = "E2JUDGE_PASSPHRASE"


def get_passphrase(file: Path | None, *, confirm: bool = False, what: str = "passphrase") -> str:
    """The passphrase, never echoed and never written anywhere."""
    if file is not None:
        try:
            text = file.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputRefused(
                str(file), _("cannot read the passphrase file: {problem}").format(problem=exc)
            ) from None
        value = text.rstrip("\r\n")
        if not value:
            raise InputRefused(str(file), _("the passphrase file is empty"))
        return value
    env = os.environ.get(ENV)
    if env:
        return env
    if not sys.stdin or not sys.stdin.isatty():
        raise InputRefused(
            what, _("no passphrase given: use --passphrase-file FILE or set {variable}").format(variable=ENV)
        )
    value = getpass.getpass(f"{what.capitalize()}: ")
    if confirm and getpass.getpass(f"Repeat the {what}: ") != value:
        raise InputRefused(what, _("the two passphrases differ"))
    return value
