"""Windows-shaped paths: no UNC from mapped drives, SQLite URIs SQLite accepts, local app data."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path, PurePosixPath, PureWindowsPath

import platformdirs
import pytest

from e2judge import paths
from e2judge.db.session import open_judge_db
from e2judge.paths import absolute, default_profile_dir, profile_dir, roaming_move_target, sqlite_uri
from e2judge.services.judge.backup import check_database, make_backup


@pytest.mark.parametrize(
    ("path", "uri"),
    [
        (PureWindowsPath(r"Z:\E2Judge\profile.sqlite"), "file:///Z:/E2Judge/profile.sqlite?mode=ro"),
        (
            PureWindowsPath(r"\\server\share\p\profile.sqlite"),
            "file:////server/share/p/profile.sqlite?mode=ro",
        ),
        (
            PureWindowsPath(r"C:\Users\Đào Thị\AppData\Local\E2Judge\e2judge.sqlite3"),
            "file:///C:/Users/%C4%90%C3%A0o%20Th%E1%BB%8B/AppData/Local/E2Judge/e2judge.sqlite3?mode=ro",
        ),
        (PurePosixPath("/home/a?b#c%d/x.sqlite3"), "file:///home/a%3Fb%23c%25d/x.sqlite3?mode=ro"),
    ],
)
def test_sqlite_uri_never_has_an_authority(path: PureWindowsPath | PurePosixPath, uri: str) -> None:
    built = sqlite_uri(path, "ro")
    assert built == uri
    assert built.startswith("file:///")  # empty authority: SQLite refuses "file://server/…"


def test_sqlite_accepts_the_uri_and_refuses_an_authority(tmp_path: Path) -> None:
    folder = tmp_path / "Bài chấm ?#% x"
    folder.mkdir()
    db_path = folder / "e2judge.sqlite3"
    with closing(sqlite3.connect(db_path)) as con:
        con.execute("CREATE TABLE t (x)")
        con.commit()
    with closing(sqlite3.connect(sqlite_uri(db_path, "ro"), uri=True)) as con:
        assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    # The UNC shape keeps the empty authority: "//tmp/…" names the same file on POSIX.
    unc_like = PurePosixPath("/" + db_path.as_posix())
    with closing(sqlite3.connect(sqlite_uri(unc_like, "ro"), uri=True)) as con:
        assert con.execute("SELECT count(*) FROM t").fetchone() == (0,)
    # What Path.resolve() + as_uri() produced for a mapped drive: SQLite refuses it.
    with pytest.raises(sqlite3.OperationalError, match="authority"):
        sqlite3.connect(f"file://server/share{db_path.as_posix()}?mode=ro", uri=True)


def test_a_profile_reached_through_a_link_keeps_the_name_chosen(tmp_path: Path) -> None:
    """A symlink stands in for a mapped drive: the path is made absolute, never resolved."""
    real = tmp_path / "server-share" / "E2Judge"
    real.mkdir(parents=True)
    drive = tmp_path / "Z"
    try:
        drive.symlink_to(tmp_path / "server-share", target_is_directory=True)
    except OSError:
        pytest.skip("symlinks need privileges here")
    chosen = drive / "E2Judge"
    assert profile_dir(chosen) == chosen
    assert profile_dir(str(chosen) + os.sep + "." + os.sep) == chosen
    assert absolute(Path("rel")) == Path.cwd() / "rel"
    # Backups of a database through that path work (the URI is built from the chosen path).
    db = open_judge_db(chosen / "e2judge.sqlite3")
    db.close()
    profile = paths.Profile(chosen).ensure()
    backup = make_backup(profile)
    assert check_database(backup) is None


@pytest.fixture
def data_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Separate local and roaming data folders, as on Windows."""
    local, roaming = tmp_path / "Local", tmp_path / "Roaming"

    def user_data_dir(appname: str | None = None, *args: object, **kwargs: object) -> str:
        return str((roaming if kwargs.get("roaming") else local) / str(appname))

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    monkeypatch.delenv(paths.HOME_ENV, raising=False)
    return local / paths.APP_NAME, roaming / paths.APP_NAME


def test_default_profile_is_in_the_local_data_folder(data_dirs: tuple[Path, Path]) -> None:
    local, _roaming = data_dirs
    assert default_profile_dir() == local
    assert profile_dir() == local
    assert roaming_move_target(local) is None


def test_an_existing_roaming_profile_is_kept_and_flagged(data_dirs: tuple[Path, Path]) -> None:
    local, roaming = data_dirs
    open_judge_db(paths.Profile(roaming).ensure().database).close()
    assert profile_dir() == roaming
    assert roaming_move_target(roaming) == local
    # Once the judge has moved it (a database in the local folder), the local one wins.
    open_judge_db(paths.Profile(local).ensure().database).close()
    assert profile_dir() == local
