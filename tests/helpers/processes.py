"""Killing a child process the same way on every OS."""

from __future__ import annotations

import signal
import sys

# ``Popen.kill()`` sends SIGKILL on POSIX (return code -9) and calls TerminateProcess on Windows,
# which ends the process at once with exit code 1: the same abrupt death for these tests.
KILLED_RETURNCODE = 1 if sys.platform == "win32" else -int(getattr(signal, "SIGKILL", 9))
