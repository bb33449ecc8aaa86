"""Store each entry's Vietnamese sort key of its code, filled for the entries already there.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from e2judge.core.collation import sort_key_bytes

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("entry") as batch:
        batch.add_column(
            sa.Column("code_key", sa.LargeBinary(), nullable=False, server_default=sa.text("x''"))
        )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, code FROM entry")).all()
    if rows:
        conn.execute(
            sa.text("UPDATE entry SET code_key = :key WHERE id = :id"),
            [{"id": eid, "key": sort_key_bytes(code)} for eid, code in rows],
        )


def downgrade() -> None:
    with op.batch_alter_table("entry") as batch:
        batch.drop_column("code_key")
