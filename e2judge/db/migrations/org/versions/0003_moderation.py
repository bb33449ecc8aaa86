"""moderation: the round's moderation rule, and why an assignment was made

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-04 20:00:00

Written by hand (batch mode).

* ``org_round.moderation_rule``: how an entry's final score comes from its judges' scores
  (``closest_two``, ``median`` or ``mean_all``; the Contest sheet's ``moderation_rule``). Rounds
  built before this revision get ``mean_all``, the mean every round used until then.
* ``org_assignment.purpose``: ``plan`` (``org build``) or ``moderation`` (a third judge from
  ``org moderate``: ``org build`` of the same round keeps these).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("org_round") as batch:
        batch.add_column(
            sa.Column("moderation_rule", sa.String(length=20), nullable=False, server_default="mean_all")
        )
    with op.batch_alter_table("org_assignment") as batch:
        batch.add_column(sa.Column("purpose", sa.String(length=20), nullable=False, server_default="plan"))


def downgrade() -> None:
    with op.batch_alter_table("org_assignment") as batch:
        batch.drop_column("purpose")
    with op.batch_alter_table("org_round") as batch:
        batch.drop_column("moderation_rule")
