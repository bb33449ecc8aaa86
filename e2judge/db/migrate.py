"""Alembic migrations applied on open, with foreign keys off while migrating.

Opening a database that is already current does not import Alembic: the stored revision is read
with ``sqlite3`` and compared with the head found in the revision files' own headers (Alembic is
loaded, and asked, only when they differ or the files cannot be read).
"""

from __future__ import annotations

import functools
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import URL, MetaData, create_engine, event, text
from sqlalchemy.pool import NullPool

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r'^revision(?:: str)? = "([^"]+)"$', re.MULTILINE)
_DOWN = re.compile(r'^down_revision(?:: str \| None)? = (?:"([^"]+)"|None)$', re.MULTILINE)


def metadata_for(kind: Literal["judge", "org"]) -> MetaData:
    """The models' metadata for a kind of database."""
    if kind == "judge":
        from e2judge.db.models import Base

        return Base.metadata
    from e2judge.db.org_models import OrgBase

    return OrgBase.metadata


def alembic_config(kind: Literal["judge", "org"]) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS / kind))
    cfg.attributes["kind"] = kind
    return cfg


def head_revision(kind: Literal["judge", "org"]) -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config(kind)).get_current_head()
    assert head is not None
    return head


def current_revision(path: Path) -> str | None:
    from alembic.runtime.migration import MigrationContext

    engine = create_engine(URL.create("sqlite", database=str(path)), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    finally:
        engine.dispose()


def upgrade(path: Path, kind: Literal["judge", "org"], revision: str = "head") -> None:
    """Upgrade the database at ``path`` to ``revision`` with foreign keys off, then check them."""
    from alembic import command

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


@functools.cache
def scripted_head(kind: Literal["judge", "org"]) -> str | None:
    """The head revision read from the revision files' headers; None when that is not clear-cut."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in (MIGRATIONS / kind / "versions").glob("*.py"):
        source = script.read_text(encoding="utf-8")
        found, down = _REVISION.search(source), _DOWN.search(source)
        if found is None or down is None:
            return None
        revisions.add(found.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def stored_revision(path: Path) -> str | None:
    """The revision recorded in the database file (None: none recorded, or not readable)."""
    try:
        conn = sqlite3.connect(path)
    except sqlite3.Error:
        return None
    try:
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return str(rows[0][0]) if len(rows) == 1 else None


def upgrade_to_head(path: Path, kind: Literal["judge", "org"]) -> None:
    """Apply pending migrations, if any (cheap, and without Alembic, when the database is current)."""
    if path.exists():
        stored = stored_revision(path)
        if stored is not None and stored == scripted_head(kind):
            return
        if current_revision(path) == head_revision(kind):
            return
    upgrade(path, kind)
