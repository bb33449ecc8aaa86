"""What a backup holds, checked before it may replace the profile's database.

A backup is an outside file like any other: it could carry a trigger that deletes scores on update,
a view shadowing a table, or a table missing a column. On a private copy (never the chosen file),
opened read-only, restore checks that:

* ``PRAGMA integrity_check`` says ok and the foreign keys hold;
* its schema version is one this app knows (``alembic_version``);
* its schema objects (tables, indexes, triggers, views) are exactly those this app creates at that
  version, compared with a fresh database migrated to the same version (``sqlite_master``, SQL
  text compared without regard to white space) — so no extra trigger, view or table, and no
  column missing;

and reads what it holds (entries, scores given, the last change) to show before replacing. An older
version is then migrated on the copy and checked again against the newest schema.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import uuid
from contextlib import closing, suppress
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory

from e2judge.core.i18n import _
from e2judge.db.migrate import alembic_config, head_revision, upgrade

__all__ = ["BackupContents", "BackupProblem", "inspect_copy", "migrate_copy", "schema_objects", "summarise"]

_SIDE_FILES = ("-wal", "-shm", "-journal")
_IGNORED = re.compile(r"sqlite_stat\d")  # planner statistics SQLite itself may add (ANALYZE)
_SPACE = re.compile(r"\s+")

SchemaObject = tuple[str, str, str, str]  # (type, name, table, normalised SQL)


class BackupProblem(Exception):
    """Why a backup cannot be restored (one line for a person)."""


@dataclass(frozen=True)
class BackupContents:
    """What a checked backup holds."""

    schema: str  # its Alembic revision
    entries: int
    scores: int  # criteria with points given
    last_change: dt.datetime | None  # the newest audit log row (UTC)

    def describe(self) -> str:
        """One line: ``12 entries, 40 scores, last change 2026-12-01 09:30 UTC``."""
        when = self.last_change.strftime("%Y-%m-%d %H:%M UTC") if self.last_change else _("never")
        return _("{entries} entries, {scores} scores, last change {when}").format(
            entries=self.entries, scores=self.scores, when=when
        )


def _read_only(path: Path) -> sqlite3.Connection:
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)
    con.execute("PRAGMA query_only=ON")
    return con


def schema_objects(con: sqlite3.Connection) -> set[SchemaObject]:
    """Every schema object of a database, its SQL with white space normalised."""
    rows = con.execute("SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master").fetchall()
    found: set[SchemaObject] = set()
    for kind, name, table, sql in rows:
        if _IGNORED.fullmatch(str(name)):
            continue
        if kind == "table":  # its columns (a migrated table's SQL text depends on how it got there)
            escaped = str(name).replace('"', '""')
            columns = sorted(str(r[1]) for r in con.execute(f'PRAGMA table_info("{escaped}")'))
            found.add((str(kind), str(name), str(table), ",".join(columns)))
        else:
            found.add((str(kind), str(name), str(table), _SPACE.sub(" ", str(sql)).strip()))
    return found


_expected: dict[str, set[SchemaObject]] = {}


def expected_objects(version: str, scratch: Path) -> set[SchemaObject]:
    """The schema objects of a fresh profile database at ``version`` (built once in ``scratch``)."""
    if version not in _expected:
        fresh = scratch / f".schema-{uuid.uuid4().hex}.partial"
        try:
            upgrade(fresh, "judge", version)
            with closing(_read_only(fresh)) as con:
                _expected[version] = schema_objects(con)
        finally:
            _remove(fresh)
    return _expected[version]


def _remove(path: Path) -> None:
    with suppress(OSError):
        path.unlink(missing_ok=True)
    for suffix in _SIDE_FILES:
        with suppress(OSError):
            Path(f"{path}{suffix}").unlink(missing_ok=True)


def known_versions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config("judge")).walk_revisions()}


def inspect_copy(copy: Path, scratch: Path) -> BackupContents:
    """Check a private copy of a backup (read-only) and say what it holds; ``BackupProblem``."""
    try:
        with closing(_read_only(copy)) as con:
            return _inspect(con, scratch)
    except sqlite3.Error as exc:
        raise BackupProblem(_("not a readable SQLite database ({problem})").format(problem=exc)) from None


def _inspect(con: sqlite3.Connection, scratch: Path) -> BackupContents:
    rows = con.execute("PRAGMA integrity_check").fetchall()
    if rows != [("ok",)]:
        details = "; ".join(str(r[0]) for r in rows[:5])
        raise BackupProblem(_("integrity check failed: {details}").format(details=details))
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "alembic_version" not in tables or "score" not in tables:
        raise BackupProblem(_("not an E2 Judge profile database"))
    versions = [str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version")]
    if len(versions) != 1 or versions[0] not in known_versions():
        raise BackupProblem(
            _("made by a newer or unknown version of E2 Judge (schema {schema})").format(
                schema=", ".join(versions) or _("none")
            )
        )
    version = versions[0]
    _compare(schema_objects(con), expected_objects(version, scratch), con)
    if con.execute("PRAGMA foreign_key_check").fetchone() is not None:
        raise BackupProblem(_("its rows do not hold together (foreign key check failed)"))
    return _contents(con, version)


def _contents(con: sqlite3.Connection, version: str) -> BackupContents:
    entries = int(con.execute("SELECT count(*) FROM entry").fetchone()[0])
    scores = int(con.execute("SELECT count(*) FROM score WHERE points IS NOT NULL").fetchone()[0])
    last = con.execute("SELECT max(at) FROM audit_log").fetchone()[0]
    return BackupContents(version, entries, scores, _when(last))


def summarise(path: Path) -> BackupContents | None:
    """What a profile database holds, read-only and without the restore checks (for listing).

    ``None`` when it cannot be read as one; restore still runs the full check (``inspect_copy``).
    """
    try:
        with closing(_read_only(path)) as con:
            versions = [str(r[0]) for r in con.execute("SELECT version_num FROM alembic_version")]
            return _contents(con, versions[0] if versions else "")
    except sqlite3.Error:
        return None


def _compare(found: set[SchemaObject], expected: set[SchemaObject], con: sqlite3.Connection) -> None:
    """Refuse any schema object the app does not create, naming the first difference."""
    if found == expected:
        return
    known = {(obj[0], obj[1]): obj for obj in expected}
    for kind, name, _table, _sql in sorted(found - expected):
        if (kind, name) not in known:
            raise BackupProblem(
                _("it holds a {kind} {name} that E2 Judge does not create; it is not restored").format(
                    kind=_kind(kind), name=name
                )
            )
        if kind == "table":
            have = {str(r[1]) for r in con.execute(f'PRAGMA table_info("{name}")')}
            missing = sorted(set(known[(kind, name)][3].split(",")) - have)
            if missing:
                raise BackupProblem(
                    _("table {table} lacks the column {column}; it is not restored").format(
                        table=name, column=missing[0]
                    )
                )
        raise BackupProblem(
            _("its {kind} {name} differs from the one E2 Judge creates; it is not restored").format(
                kind=_kind(kind), name=name
            )
        )
    missing_objects = sorted(expected - found)
    kind, name = missing_objects[0][:2]
    raise BackupProblem(
        _("its {kind} {name} is missing; it is not restored").format(kind=_kind(kind), name=name)
    )


def _kind(kind: str) -> str:
    """A schema object's kind in the person's language."""
    names = {"table": _("table"), "index": _("index"), "trigger": _("trigger"), "view": _("view")}
    return names.get(kind, kind)


def _when(value: object) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)


def migrate_copy(copy: Path, contents: BackupContents, scratch: Path) -> BackupContents:
    """Bring an older backup's copy to the newest schema, then check it again."""
    if contents.schema == head_revision("judge"):
        return contents
    try:
        upgrade(copy, "judge")
    except Exception as exc:
        raise BackupProblem(
            _("its schema {schema} could not be brought up to date ({problem})").format(
                schema=contents.schema, problem=exc
            )
        ) from None
    return inspect_copy(copy, scratch)
