"""Resources from source and frozen, portable mode, and the portable backup mirror on the internal disk."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import platformdirs
import pytest

from e2judge import paths
from e2judge.db.session import open_judge_db
from e2judge.paths import PORTABLE_MARKER, Profile, profile_dir, resource, resources_dir
from e2judge.services.judge.backup import check_database, make_backup
from e2judge.services.judge.backup_mirror import SOURCE_NOTE, mirror_backup, mirrored_backups

ROOT = Path(__file__).resolve().parent.parent


def frozen_app(monkeypatch: pytest.MonkeyPatch, folder: Path, exe: str = "E2 Judge") -> Path:
    """Pretend to be the PyInstaller build whose executable is ``folder/exe``."""
    folder.mkdir(parents=True, exist_ok=True)
    executable = folder / exe
    executable.write_bytes(b"")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(executable))
    monkeypatch.delenv("E2JUDGE_HOME", raising=False)
    return executable


@pytest.fixture
def local_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The laptop's user data folder (platformdirs), inside the test's temporary folder."""
    folder = tmp_path / "laptop-data"

    def user_data_dir(appname: str | None = None, *args: object, **kwargs: object) -> str:
        assert appname == paths.APP_NAME
        assert kwargs.get("roaming") is False, "backups must stay on this laptop, not roam"
        return str(folder / appname)

    monkeypatch.setattr(platformdirs, "user_data_dir", user_data_dir)
    return folder / paths.APP_NAME


# --- resources --------------------------------------------------------------------------------


def test_resources_from_a_source_checkout() -> None:
    assert resources_dir() == ROOT / "resources"
    assert any(resource("demo", "batches").glob("*.e2batch"))
    assert resource("icons", "e2judge.png").is_file()


def test_resources_in_a_frozen_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "_internal"), raising=False)
    assert resources_dir() == tmp_path / "_internal" / "resources"
    expected = tmp_path / "_internal" / "resources" / "i18n" / "e2judge_vi.qm"
    assert resource("i18n", "e2judge_vi.qm") == expected


def test_the_icons_are_generated_for_every_platform() -> None:
    from PIL import Image

    icons = ROOT / "resources" / "icons"
    with Image.open(icons / "e2judge.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])
    with Image.open(icons / "e2judge.icns") as icns:
        assert icns.size == (1024, 1024)
    with Image.open(icons / "e2judge.png") as png:
        assert png.size == (1024, 1024) and png.mode == "RGBA"


# --- portable mode ----------------------------------------------------------------------------


def test_portable_marker_puts_the_profile_beside_the_executable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tmp_path / "usb" / "E2 Judge"
    frozen_app(monkeypatch, app)
    (app / PORTABLE_MARKER).write_text("portable\n", encoding="utf-8")

    assert profile_dir() == app / "E2Judge-data"
    profile = Profile(profile_dir()).ensure()
    assert profile.is_portable
    assert (app / "E2Judge-data" / "e2judge.sqlite3").parent.is_dir()


def test_without_the_marker_the_profile_is_in_the_user_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tmp_path / "E2 Judge"
    frozen_app(monkeypatch, app)

    home = profile_dir()
    assert not home.is_relative_to(app)
    assert home == Path(platformdirs.user_data_dir(paths.APP_NAME, appauthor=False, roaming=True))
    assert not Profile(home).is_portable


def test_home_and_environment_win_over_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = tmp_path / "E2 Judge"
    frozen_app(monkeypatch, app)
    (app / PORTABLE_MARKER).write_text("", encoding="utf-8")

    assert profile_dir(tmp_path / "explicit") == tmp_path / "explicit"
    monkeypatch.setenv("E2JUDGE_HOME", str(tmp_path / "env"))
    assert profile_dir() == tmp_path / "env"


def test_running_from_source_is_never_portable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.delenv("E2JUDGE_HOME", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / PORTABLE_MARKER).write_text("", encoding="utf-8")

    assert paths.portable_home() is None
    assert not profile_dir().is_relative_to(tmp_path)


def test_a_marker_beside_the_macos_app_bundle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frozen_app(monkeypatch, tmp_path / "usb" / "E2 Judge.app" / "Contents" / "MacOS")
    (tmp_path / "usb" / PORTABLE_MARKER).write_text("", encoding="utf-8")

    assert profile_dir() == tmp_path / "usb" / "E2Judge-data"


# --- the backup mirror ------------------------------------------------------------------------


def test_portable_backups_are_mirrored_to_the_internal_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, local_data: Path
) -> None:
    app = tmp_path / "usb" / "E2 Judge"
    frozen_app(monkeypatch, app)
    (app / PORTABLE_MARKER).write_text("", encoding="utf-8")
    profile = Profile(profile_dir()).ensure()
    open_judge_db(profile.database).close()

    backup = make_backup(profile)  # mirrors by itself: the window, the timer and the CLI all call it

    mirror = profile.backup_mirror
    assert mirror is not None and mirror.parent == local_data / "portable-backups"
    copy = mirror / backup.name
    assert copy.read_bytes() == backup.read_bytes()
    assert check_database(copy) is None
    assert str(profile.root) in (mirror / SOURCE_NOTE).read_text(encoding="utf-8")
    assert [p.name for p in mirror.iterdir() if p.name.startswith(".")] == []


def test_the_mirror_keeps_the_newest_backups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, local_data: Path
) -> None:
    app = tmp_path / "E2 Judge"
    frozen_app(monkeypatch, app)
    (app / PORTABLE_MARKER).write_text("", encoding="utf-8")
    profile = Profile(profile_dir()).ensure()
    open_judge_db(profile.database).close()

    mirror = profile.backup_mirror
    assert mirror is not None

    made = [make_backup(profile, keep=10) for _ in range(3)]
    for backup in made:
        mirror_backup(profile, backup, keep=2)
    assert mirror_backup(profile, keep=2) == mirror / made[-1].name  # default: the newest backup

    assert [p.name for p in mirrored_backups(mirror)] == [made[2].name, made[1].name]


def test_the_mirror_follows_the_stick_to_another_drive_letter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, local_data: Path
) -> None:
    first = tmp_path / "E" / "E2 Judge"
    frozen_app(monkeypatch, first)
    (first / PORTABLE_MARKER).write_text("", encoding="utf-8")
    before = Profile(profile_dir()).ensure().backup_mirror

    moved = tmp_path / "F" / "E2 Judge"
    shutil.copytree(first, moved)
    frozen_app(monkeypatch, moved)
    after = Profile(profile_dir()).ensure().backup_mirror

    assert before is not None and before == after


def test_a_profile_that_is_not_portable_has_no_mirror(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, local_data: Path
) -> None:
    profile = Profile(tmp_path / "profile").ensure()
    open_judge_db(profile.database).close()
    backup = make_backup(profile)

    assert profile.backup_mirror is None
    assert mirror_backup(profile, backup) is None
    assert not local_data.exists()
    assert not profile.profile_id_file.exists()


def test_a_mirror_that_cannot_be_written_is_logged_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, local_data: Path, caplog: pytest.LogCaptureFixture
) -> None:
    app = tmp_path / "E2 Judge"
    frozen_app(monkeypatch, app)
    (app / PORTABLE_MARKER).write_text("", encoding="utf-8")
    profile = Profile(profile_dir()).ensure()
    open_judge_db(profile.database).close()
    local_data.parent.mkdir(parents=True, exist_ok=True)
    local_data.write_text("a file where the folder should be", encoding="utf-8")

    backup = make_backup(profile)  # the backup on the stick is made all the same
    assert check_database(backup) is None
    assert "could not mirror backup" in caplog.text
    assert mirror_backup(profile, backup) is None
