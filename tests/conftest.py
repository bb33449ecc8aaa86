"""Test-wide set-up: Qt runs offscreen, and no test touches the real user profile."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from e2judge.core.i18n import set_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Point E2JUDGE_HOME at a fresh folder and clear any passphrase from the environment."""
    monkeypatch.setenv("E2JUDGE_HOME", str(tmp_path_factory.mktemp("home")))
    monkeypatch.delenv("E2JUDGE_PASSPHRASE", raising=False)
    yield


@pytest.fixture(autouse=True)
def _english_messages() -> Iterator[None]:
    """Messages from the core are English unless a test (or a window it opens) chooses otherwise."""
    yield
    set_language("en")


from tests.helpers.signed import batch_file, manifest_for, org_key  # noqa: E402

__all__ = ["batch_file", "manifest_for", "org_key"]
