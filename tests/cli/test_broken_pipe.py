"""A reader that goes away (``e2judge … | head``) ends the command quietly, with no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from e2judge.paths import resource


def test_closed_stdout_ends_quietly() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write fails with EPIPE
    try:
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "e2judge",
                "verify",
                str(next(resource("demo", "batches").glob("*.e2batch"))),
            ],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(write_end)
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode in (0, 141)
