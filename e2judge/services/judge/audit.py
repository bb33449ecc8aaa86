"""The judge profile's append-only audit log."""

from __future__ import annotations

from sqlalchemy.orm import Session

from e2judge.core.clock import now
from e2judge.db.models import AuditLog


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
