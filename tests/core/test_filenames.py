"""Windows reserved device names, whatever the case, extension, or trailing dots and spaces."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from e2judge.core.filenames import RESERVED_DEVICE_NAMES, is_reserved_name, safe_on_disk


@pytest.mark.parametrize(
    "name",
    [
        "CON",
        "con",
        "Con.pdf",
        "PRN.txt",
        "aux",
        "NUL.tar.gz",
        "nul.",
        "NUL ",
        "CON .pdf",
        "COM1",
        "com9.mp4",
        "LPT1.docx",
        "lpt9",
        "COM¹.txt",
        "CONIN$",
        "AUX:stream",
    ],
)
def test_reserved(name: str) -> None:
    assert is_reserved_name(name)
    assert not is_reserved_name(safe_on_disk(name))


@pytest.mark.parametrize(
    "name",
    [
        "CONTEST",
        "console.pdf",
        "COM0",
        "COM10",
        "LPT",
        "auxiliary.txt",
        "bài-con.pdf",
        "a.CON",
        "NULL",
        "E2-001",
    ],
)
def test_not_reserved(name: str) -> None:
    assert not is_reserved_name(name)
    assert safe_on_disk(name) == name


@given(
    st.sampled_from(sorted(RESERVED_DEVICE_NAMES)),
    st.text(alphabet="abcXYZ09.-_ ", max_size=8),
    st.booleans(),
)
def test_any_case_and_extension(device: str, tail: str, upper: bool) -> None:
    name = (device.upper() if upper else device) + "." + tail
    assert is_reserved_name(name)
    assert is_reserved_name(device + " " * len(tail))
