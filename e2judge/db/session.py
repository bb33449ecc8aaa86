"""Engines, connection pragmas, explicit transactions, and migrate-on-open.

Every connection sets ``journal_mode=WAL``, ``synchronous=FULL`` and ``foreign_keys=ON``, plus
``fullfsync=ON`` on macOS, where a plain fsync returns before the data is on the disk.
pysqlite's own transaction handling is switched off (``isolation_level=None``) and
SQLAlchemy emits ``BEGIN`` itself, so a transaction is exactly a ``with session.begin()`` block.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool

from e2judge.db.migrate import upgrade_to_head

Kind = Literal["judge", "org"]

PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
)

# macOS: fsync() only reaches the drive's cache; F_FULLFSYNC (SQLite's fullfsync, also used for
# checkpoints with checkpoint_fullfsync) waits for the platter/flash, as a pulled plug needs.
DARWIN_PRAGMAS = ("PRAGMA fullfsync=ON", "PRAGMA checkpoint_fullfsync=ON")


def connection_pragmas(platform: str | None = None) -> tuple[str, ...]:
    """The pragmas every connection runs on ``platform`` (a ``sys.platform`` value; this one by default)."""
    return PRAGMAS + DARWIN_PRAGMAS if (platform or sys.platform) == "darwin" else PRAGMAS


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in connection_pragmas():
        cursor.execute(pragma)
    cursor.close()


def _on_begin(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN")


def sqlite_url(path: Path) -> URL:
    """A URL for a database file, safe for any folder name ('%20', '?', '#', Vietnamese)."""
    return URL.create("sqlite", database=str(path))


def make_engine(path: Path, *, pooled: bool = True) -> Engine:
    """An engine on ``path`` with the pragmas and explicit-transaction listeners installed."""
    engine = create_engine(
        sqlite_url(path),
        poolclass=None if pooled else NullPool,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


class Database:
    """An open, migrated database file and its session factory."""

    def __init__(self, path: Path, kind: Kind) -> None:
        self.path = path
        self.kind = kind
        path.parent.mkdir(parents=True, exist_ok=True)
        upgrade_to_head(path, kind)
        self.engine = make_engine(path)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on error."""
        with self.sessions.begin() as session:
            yield session

    def session(self) -> Session:
        """A session for reading (no transaction kept open by itself)."""
        return self.sessions()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_judge_db(path: Path) -> Database:
    return Database(path, "judge")


def open_org_db(path: Path) -> Database:
    return Database(path, "org")
