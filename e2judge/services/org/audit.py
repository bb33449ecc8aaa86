"""The organizer workspace's audit log: who did what, when (append-only).

``record`` adds a row inside the caller's transaction, so a build or a collect and its log row are
written together or not at all. ``read_log`` gives the rows newest first.
"""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from e2judge.core.clock import now
from e2judge.db.org_models import OrgAudit
from e2judge.db.session import Database
from e2judge.services.org.workspace import open_workspace

ACTIONS = ("build", "collect", "enroll", "reassign", "export")


def current_actor() -> str:
    """Who is at the keyboard: the computer's user name (``organizer`` when it cannot be told)."""
    try:
        return getpass.getuser() or "organizer"
    except (OSError, KeyError):  # no user database entry (containers) or no environment
        return "organizer"


@dataclass(frozen=True)
class AuditRow:
    at: dt.datetime
    actor: str
    action: str
    subject: str
    detail: str


def record(s: Session, action: str, subject: str, detail: str = "", actor: str = "") -> None:
    """Add one log row in the open transaction ``s``."""
    s.add(OrgAudit(at=now(), actor=actor or current_actor(), action=action, subject=subject, detail=detail))


def log_event(db: Database, action: str, subject: str, detail: str = "", actor: str = "") -> None:
    """One log row in its own transaction (for events whose own work is not in the database)."""
    with db.transaction() as s:
        record(s, action, subject, detail, actor)


def read_log(orgdir: Path) -> list[AuditRow]:
    """Every row, newest first."""
    _ws, db = open_workspace(orgdir)
    with db, db.session() as s:
        rows = s.scalars(select(OrgAudit).order_by(OrgAudit.id.desc()))
        return [
            AuditRow(
                r.at if r.at.tzinfo else r.at.replace(tzinfo=dt.UTC), r.actor, r.action, r.subject, r.detail
            )
            for r in rows
        ]
