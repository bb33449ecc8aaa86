"""Alembic migrations applied on open, with foreign keys off while migrating."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import URL, MetaData, create_engine, event, text
from sqlalchemy.pool import NullPool

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def metadata_for(kind: Literal["judge", "org"]) -> MetaData:
    """The models' metadata for a kind of database."""
    if kind == "judge":
        from e2judge.db.models import Base

        return Base.metadata
    from e2judge.db.org_models import OrgBase

    return OrgBase.metadata


def alembic_config(kind: Literal["judge", "org"]) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS / kind))
    cfg.attributes["kind"] = kind
    return cfg


def head_revision(kind: Literal["judge", "org"]) -> str:
    head = ScriptDirectory.from_config(alembic_config(kind)).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def upgrade(path: Path, kind: Literal["judge", "org"], revision: str = "head") -> None:
    """Upgrade the database at ``path`` to ``revision`` with foreign keys off, then check them."""
    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record):  # type: ignore[no-untyped-def]
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA journal_mode=WAL")
        dbapi_connection.execute("PRAGMA synchronous=FULL")
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")

    @event.listens_for(engine, "begin")
    def _begin(conn):  # type: ignore[no-untyped-def]
        conn.exec_driver_sql("BEGIN")

    try:
        with engine.connect() as conn:
            cfg = alembic_config(kind)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            broken = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                raise RuntimeError(f"{path}: foreign key check failed after migration: {broken[:5]}")
    finally:
        engine.dispose()


def upgrade_to_head(path: Path, kind: Literal["judge", "org"]) -> None:
    """Apply pending migrations, if any (cheap when the database is current)."""
    if path.exists() and current_revision(path) == head_revision(kind):
        return
    upgrade(path, kind)
