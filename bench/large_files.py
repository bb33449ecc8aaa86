"""What the large-attachment benchmarks share: five 300 MB files of random bytes, and the baseline.

The baseline is what the same bytes cost the operating system's own tools in the same run:
``cp`` of the files into a new folder, then ``sha256sum`` of the copies. Imported as a module by
``bench/import.py`` and ``bench/org_build.py``; running it does nothing.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import time
from pathlib import Path

FILES = 5
FILE_SIZE = 300 * 10**6
_CHUNK = 4 * 2**20


def make_files(folder: Path, count: int = FILES, size: int = FILE_SIZE) -> dict[str, tuple[str, int]]:
    """``count`` files ``video-N.mp4`` of ``size`` random bytes in ``folder``: name -> (sha256, size)."""
    folder.mkdir(parents=True, exist_ok=True)
    found: dict[str, tuple[str, int]] = {}
    for i in range(count):
        path = folder / f"video-{i}.mp4"
        digest = hashlib.sha256()
        with path.open("wb") as fh:
            left = size
            while left:
                chunk = os.urandom(min(_CHUNK, left))
                digest.update(chunk)
                fh.write(chunk)
                left -= len(chunk)
        found[path.name] = (digest.hexdigest(), size)
    return found


def cp_and_sha256sum(sources: list[Path], work: Path) -> float:
    """Seconds for ``cp`` of ``sources`` into ``work/copies`` then ``sha256sum`` of the copies."""
    dest = work / "copies"
    dest.mkdir(parents=True)
    cp, sha = shutil.which("cp"), shutil.which("sha256sum")
    assert cp and sha, "the baseline needs cp and sha256sum (coreutils)"
    start = time.perf_counter()
    subprocess.run([cp, *map(str, sources), str(dest)], check=True)
    subprocess.run([sha, *sorted(map(str, dest.iterdir()))], check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    shutil.rmtree(dest)
    return seconds
