"""The one set of limits both sides keep: what ``org build`` may sign is what a judge can import.

Every reader of an outside file (batch manifest, organizer workbook, worksheet, score sheet,
backup) and ``org build`` before it signs check against these numbers, so a value one side writes
is never refused (or silently cut) by the other. They bound what a person could type into a
contest, not how big a contest may be: there is no entry or row cap here (issue 14 wants at least
250,000), and attachment sizes are bounded by what the signed manifest declares.
"""

from __future__ import annotations

import math
import re

from e2judge.core.i18n import _, number

# Text, in characters after NFC cleaning.
MAX_ID = 64  # contest, judge, entry and criterion ids typed by an organizer
MAX_BATCH_ID = 100  # <contest id>.<round slug>.<judge id>, the manifest schema's id pattern
MAX_LINE = 1_000  # one-line fields: titles, names, schools, sections, labels
MAX_TEXT = 100_000  # multi-line fields: descriptions, level descriptors
MAX_LINK = 2_000
MAX_ATTACHMENT_NAME = 255
MAX_COMMENT = 20_000  # a judge's comment (per criterion or overall), in sheets and worksheets
MAX_CONFLICT_REASON = 5_000

# Counts per entry or rubric (never per contest).
MAX_LINKS = 50
MAX_ATTACHMENTS = 100  # per entry
MAX_CRITERIA = 200
MAX_LEVELS = 50  # per criterion
MAX_CHOICES = 1_000  # allowed point values per criterion (max_points / step)

# Numbers.
MAX_POINTS = 100_000  # a criterion's max_points and any level's points
MAX_WEIGHT = 1_000
MIN_STEP = 0.001  # points are shown with up to 4 decimals
MAX_THRESHOLD = MAX_CRITERIA * MAX_POINTS * MAX_WEIGHT  # discrepancy threshold, in weighted points
MAX_REVISION = 1_000_000_000  # batch and sheet revisions (sheet schema's limit; far below 2**31)

# Ids are used in file names and compared case- and normalisation-insensitively (``same_id``).
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")


def id_problem(value: str, limit: int = MAX_ID) -> str | None:
    """None when ``value`` is a valid id, else why not (one line)."""
    if not _ID.match(value):
        return _(
            "may hold only letters, digits, '-', '_' and '.' (A–Z, 0–9; it is used in file names) "
            "and must start with a letter or digit"
        )
    if len(value) > limit:
        return _("is longer than {limit} characters").format(limit=limit)
    return None


def text_problem(value: str, limit: int) -> str | None:
    """None when ``value`` fits ``limit`` characters, else why not."""
    if len(value) > limit:
        return _("is {length} characters long; at most {limit} are allowed").format(
            length=len(value), limit=limit
        )
    return None


def number_problem(value: float, low: float, high: float, *, low_open: bool = False) -> str | None:
    """None when ``value`` is a finite number in ``low..high`` (``low`` excluded when ``low_open``)."""
    if not math.isfinite(value):
        return _("must be a finite number")
    if value < low or (low_open and value == low) or value > high:
        first = _("greater than {low}") if low_open else _("at least {low}")
        return _("must be {first} and at most {high}").format(
            first=first.format(low=number(low)), high=number(high)
        )
    return None


def revision_problem(value: int) -> str | None:
    """None when ``value`` is a revision both sides can carry (1..``MAX_REVISION``)."""
    if not 1 <= value <= MAX_REVISION:
        return _("revision {revision} is outside 1..{limit}").format(
            revision=value if abs(value) < 10**30 else "…", limit=MAX_REVISION
        )
    return None
