"""The append-only audit log and the clock every service uses."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from e2judge.db.models import AuditLog


def now() -> dt.datetime:
    """The current time, timezone-aware UTC (shown in local time by the UI)."""
    return dt.datetime.now(dt.UTC)


def record(
    session: Session,
    actor: str,
    action: str,
    target: str,
    field: str = "",
    old: object = None,
    new: object = None,
) -> None:
    """Append one row to the audit log, in the caller's transaction."""
    session.add(
        AuditLog(
            at=now(),
            actor=actor,
            action=action,
            target=target,
            field=field,
            old=None if old is None else str(old),
            new=None if new is None else str(new),
        )
    )
