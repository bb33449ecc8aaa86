"""Recompute each entry's stored code sort key: the collation now follows CLDR ``vi`` (ICU).

Keys written by 0003 or by an import before this revision used the old order (tones ngang,
huyền, sắc, hỏi, ngã, nặng; punctuation by code point; case and repeated spaces ignored).

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from e2judge.core.collation import sort_key_bytes

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, code FROM entry")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE entry SET code_key = :key WHERE id = :id"),
            [{"id": eid, "key": sort_key_bytes(code)} for eid, code in rows],
        )


def downgrade() -> None:
    """Nothing to undo: the column stays, and 0003's order is only a different key."""
