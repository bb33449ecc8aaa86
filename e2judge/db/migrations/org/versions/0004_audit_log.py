"""organizer audit log: every build, collect, enrolment, manual reassignment and export

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-04 19:30:00

Written by hand. ``org_audit`` is append-only: when, who (the computer's user name), what
(``build``, ``collect``, ``enroll``, ``reassign``, ``export``), on what, and a one-line detail.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_audit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(length=200), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_audit")),
    )


def downgrade() -> None:
    op.drop_table("org_audit")
