"""The organizer passphrase: typed each time in a masked field; the demo's is public and filled in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from e2judge.ui.organizer.context import OrgContext

DEMO_PASSPHRASE = "e2judge-demo"  # noqa: S105 — published on purpose: the demo key protects nothing


def passphrase_for(ctx: OrgContext, parent: QWidget, action: str) -> str | None:
    """The passphrase for ``action``: the demo's in a demo workspace, else asked (None: cancelled)."""
    if ctx.demo:
        return DEMO_PASSPHRASE
    return ctx.ask_passphrase(parent, action)
