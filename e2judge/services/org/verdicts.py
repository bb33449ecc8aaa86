"""What each collected file's outcome means for a person: one of eight kinds, said plainly.

``collect_sheets`` gives each file a verdict (accepted, duplicate, stale, refused) and a technical
reason; the organizer's window shows the kind (accepted, newer revision, duplicate, older revision,
forged, other contest, sealed for another organizer, unreadable) with a sentence in the user's
language, and the technical reason beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from e2judge.core.i18n import _
from e2judge.services.org.collect import CollectRow, Verdict


class Kind(StrEnum):
    ACCEPTED = "accepted"
    NEWER = "newer-revision"
    DUPLICATE = "duplicate"
    OLDER = "older-revision"
    FORGED = "forged"
    OTHER_CONTEST = "other-contest"
    SEALED_OTHER = "sealed-other"
    NEEDS_PASSPHRASE = "needs-passphrase"  # noqa: S105 (a kind, not a secret)
    UNREADABLE = "unreadable"
    REFUSED = "refused"


# Reason fragments (from the sheet reader and collect) that decide a refused file's kind, in order.
_FORGED = (
    "bad signature",
    "altered or damaged",
    "signed with a different key",
    "signed by a key replaced",
    "signed with judge",
    "manifest hash does not match",
    "names another judge key",
    "conflict: revision",
)
_OTHER_CONTEST = ("not for a batch this workspace issued", "belongs to contest", "rubric hash does not match")
_SEALED_OTHER = ("sealed for another organizer", "sealed for organizer key")
_NEEDS_PASSPHRASE = ("passphrase is needed",)
_UNREADABLE = (
    "not an e2 judge score sheet",
    "not valid json",
    "unknown score sheet format version",
    "empty file",
    "cannot read",
    "too large",
    "sheet payload",
    "no such file",
    "no .e2sheet files",
    "field ",
)


@dataclass(frozen=True)
class Explained:
    """One file's row as the window shows it."""

    row: CollectRow
    kind: Kind
    label: str  # the kind, in the user's language
    explanation: str  # one sentence, in the user's language

    @property
    def merged(self) -> bool:
        return self.kind in (Kind.ACCEPTED, Kind.NEWER)


def kind_of(row: CollectRow) -> Kind:
    if row.verdict is Verdict.ACCEPTED:
        return Kind.NEWER if (row.revision or 0) > 1 else Kind.ACCEPTED
    if row.verdict is Verdict.DUPLICATE:
        return Kind.DUPLICATE
    if row.verdict is Verdict.STALE:
        return Kind.OLDER
    reason = row.reason.casefold()
    for fragments, kind in (
        (_SEALED_OTHER, Kind.SEALED_OTHER),
        (_NEEDS_PASSPHRASE, Kind.NEEDS_PASSPHRASE),
        (_FORGED, Kind.FORGED),
        (_OTHER_CONTEST, Kind.OTHER_CONTEST),
        (_UNREADABLE, Kind.UNREADABLE),
    ):
        if any(f in reason for f in fragments):
            return kind
    return Kind.REFUSED


def label(kind: Kind) -> str:
    return {
        Kind.ACCEPTED: _("accepted"),
        Kind.NEWER: _("newer revision"),
        Kind.DUPLICATE: _("duplicate"),
        Kind.OLDER: _("older revision"),
        Kind.FORGED: _("forged"),
        Kind.OTHER_CONTEST: _("other contest"),
        Kind.SEALED_OTHER: _("sealed for another organizer"),
        Kind.NEEDS_PASSPHRASE: _("passphrase needed"),
        Kind.UNREADABLE: _("unreadable"),
        Kind.REFUSED: _("refused"),
    }[kind]


def explanation(kind: Kind, row: CollectRow) -> str:
    judge = row.judge if row.judge and row.judge != "?" else _("unknown judge")
    texts = {
        Kind.ACCEPTED: _("Accepted: the scores of judge {judge} were merged."),
        Kind.NEWER: _("Accepted: revision {revision} of judge {judge} replaces their earlier scores."),
        Kind.DUPLICATE: _("Already received: the same sheet of judge {judge}, nothing changed."),
        Kind.OLDER: _("Ignored: an older revision than the one already received from judge {judge}."),
        Kind.FORGED: _("Refused: the signature or the content does not match; nothing was merged."),
        Kind.OTHER_CONTEST: _("Refused: this sheet is for another contest, round or workspace."),
        Kind.SEALED_OTHER: _("Refused: sealed for another organizer's key; this workspace cannot open it."),
        Kind.NEEDS_PASSPHRASE: _("Not opened: type the organizer passphrase to open sealed sheets."),
        Kind.UNREADABLE: _("Refused: not a readable E2 Judge score sheet."),
        Kind.REFUSED: _("Refused: nothing was merged."),
    }
    return texts[kind].format(judge=judge, revision=row.revision or "?")


def explain(row: CollectRow) -> Explained:
    kind = kind_of(row)
    return Explained(row, kind, label(kind), explanation(kind, row))
