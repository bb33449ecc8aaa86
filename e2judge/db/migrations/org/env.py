"""Alembic environment: runs on the connection handed over by e2judge.db.migrate."""

from __future__ import annotations

from alembic import context

from e2judge.db.migrate import metadata_for

config = context.config
connection = config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata_for(config.attributes["kind"]),
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
