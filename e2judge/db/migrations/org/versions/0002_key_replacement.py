"""judge key replacement: revisions per signing key, replacement records, stored signatures

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00

Written by hand (batch mode: SQLite rebuilds ``org_sheet`` to change its unique constraint).

* ``org_key_replacement``: when an organizer replaced a judge's key (``org enroll --replace``), from
  which key to which.
* ``org_sheet.key_id``: the key that signed the sheet. Revisions now run per batch and key, so a
  judge's new key starts again at revision 1: the unique constraint becomes (key_id, batch_key,
  revision). Existing sheets get their judge's key id: before this revision a judge's key could
  never change and every accepted sheet was signed by it.
* ``org_sheet.signature``: the Ed25519 signature (base64), so that the database alone proves each
  accepted sheet (null for sheets collected before; their archived copy in ``sheets/`` holds it).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "org_key_replacement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.Integer(), nullable=False),
        sa.Column("old_public_key", sa.String(length=100), nullable=False),
        sa.Column("old_key_id", sa.String(length=32), nullable=False),
        sa.Column("new_public_key", sa.String(length=100), nullable=False),
        sa.Column("new_key_id", sa.String(length=32), nullable=False),
        sa.Column("replaced_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["judge_id"],
            ["org_judge.id"],
            name=op.f("fk_org_key_replacement_judge_id_org_judge"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_org_key_replacement")),
    )
    with op.batch_alter_table("org_sheet") as batch:
        batch.add_column(sa.Column("key_id", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("signature", sa.String(length=100), nullable=True))
    op.execute(
        "UPDATE org_sheet SET key_id = "
        "(SELECT org_judge.key_id FROM org_judge WHERE org_judge.id = org_sheet.judge_id)"
    )
    with op.batch_alter_table("org_sheet") as batch:
        batch.alter_column("key_id", existing_type=sa.String(length=32), nullable=False)
        batch.drop_constraint("uq_org_sheet_batch_key", type_="unique")
        batch.create_unique_constraint(
            batch.f("uq_org_sheet_key_id"), ["key_id", "batch_key", "revision"]
        )


def downgrade() -> None:
    # Only possible while no judge has sheets from two keys for one batch revision.
    with op.batch_alter_table("org_sheet") as batch:
        batch.drop_constraint("uq_org_sheet_key_id", type_="unique")
        batch.create_unique_constraint(batch.f("uq_org_sheet_batch_key"), ["batch_key", "revision"])
        batch.drop_column("signature")
        batch.drop_column("key_id")
    op.drop_table("org_key_replacement")
