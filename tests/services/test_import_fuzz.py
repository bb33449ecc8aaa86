"""Seeded mutants of a real signed batch and of a real organizer workbook, imported one by one.

Every mutant is accepted or refused with ``InputRefused`` (``ValidationFailed`` is one) — never
another exception — and a refusal leaves the profile (database file and attachment store) exactly
as it was. Mutants are re-signed by the pinned organizer key so that they reach every check after
the signature; a few are signed by a stranger's key.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from e2judge.core.errors import InputRefused
from e2judge.core.rubric import Rubric
from e2judge.db.session import Database, open_judge_db
from e2judge.formats.fingerprint import readable_fingerprint
from e2judge.formats.keys import public_raw_of
from e2judge.paths import Profile
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.import_workbook import import_workbook
from e2judge.services.judge.rounds import list_rounds
from tests.helpers.signed import ATT_SHA, ATTACHMENT, resign, rezip

MUTANTS = 300

HOSTILE: list[Any] = [
    None, True, False, 0, -1, 1, 2**31, 2**63, 10**30, -(2**63), 1e-9, 1e308, -0.0, 0.5, 3.25,
    "", " ", "x" * 1001, "x" * 100_001, "=HYPERLINK(\"http://evil\")", "../../etc/passwd", "CON",
    "E001", "e001", "E2-TEST", "rt-2025", "\u202eevil", "ｅ2-test", "a\nb", "\x00", "é", "ﬁ",
    "http://x", [], [1], {}, {"a": 1}, ["x"] * 60,
]  # fmt: skip
JSON_TEXT = ["\\ud800", "\\udfff", "1e400", "-1e400", "NaN", "Infinity", "1e309", "9" * 400]


def snapshot(db: Database, profile: Profile) -> tuple[str, list[str]]:
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    digest = hashlib.sha256(profile.database.read_bytes()).hexdigest()
    return digest, sorted(str(p.relative_to(profile.root)) for p in profile.attachments.rglob("*"))


def paths_of(node: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    """Every path to a value inside a JSON document."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths_of(value, (*prefix, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths_of(value, (*prefix, index))


def fresh(doc: dict[str, Any], revision: int) -> None:
    """Give a mutant the next revision and a matching rubric hash, so it reaches the deeper checks."""
    if isinstance(doc.get("revision"), int) and doc["revision"] == 1:
        doc["revision"] = revision
    with contextlib.suppress(Exception):  # a rubric that cannot even be built: the reader refuses it
        doc["rubric_sha256"] = Rubric.from_json(doc["rubric"]).sha256()


def mutate_manifest(rng: random.Random, manifest: dict[str, Any], revision: int) -> bytes:
    """One to three changes at random paths (replace, delete, duplicate), or a raw text edit."""
    doc = copy.deepcopy(manifest)
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(list(paths_of(doc))[1:])
        parent = doc
        for part in path[:-1]:
            parent = parent[part]
        last = path[-1]
        action = rng.random()
        if action < 0.7:
            parent[last] = rng.choice(HOSTILE)
        elif action < 0.85 and isinstance(parent, dict):
            del parent[last]
        elif isinstance(parent, list):
            parent.append(copy.deepcopy(parent[last]))
        else:
            parent[last] = copy.deepcopy(rng.choice(list(paths_of(doc))))
    fresh(doc, revision)
    text = json.dumps(doc, ensure_ascii=False, indent=1)
    if rng.random() < 0.3:  # values json.dumps cannot write: lone surrogates, huge or non-finite numbers
        strings = [i for i in range(len(text)) if text[i] == '"' and text[i - 1] == " "]
        numbers = [i for i in range(len(text) - 1) if text[i] == " " and text[i + 1].isdigit()]
        spot = rng.choice(strings or [1])
        raw = rng.choice(JSON_TEXT)
        if raw[0] != "\\" and numbers:
            spot = rng.choice(numbers)
            end = spot + 1
            while end < len(text) and (text[end].isdigit() or text[end] in ".e"):
                end += 1
            text = text[: spot + 1] + raw + text[end:]
        else:
            text = text[: spot + 1] + raw + text[spot + 1 :]
    return text.encode("utf-8")


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    return Profile(tmp_path / "profile").ensure()


@pytest.fixture
def db(profile: Profile) -> Iterator[Database]:
    database = open_judge_db(profile.database)
    yield database
    database.close()


def check(db: Database, profile: Profile, run: Callable[[], object], outcomes: dict[str, int]) -> None:
    before = snapshot(db, profile)
    try:
        run()
    except InputRefused as exc:
        assert "\n" not in exc.reason, exc.reason
        exc.reason.encode("utf-8")  # printable: no lone surrogate reaches a person
        assert snapshot(db, profile) == before, exc
        outcomes["refused"] += 1
    else:
        outcomes["accepted"] += 1


def test_manifest_mutants_are_accepted_or_refused_cleanly(
    db: Database,
    profile: Profile,
    tmp_path: Path,
    org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., dict[str, Any]],
    batch_file: Callable[..., Path],
) -> None:
    genuine = manifest_for()
    good = batch_file(genuine, name="genuine.e2batch")
    import_batch(db, profile, good)
    stranger = Ed25519PrivateKey.generate()
    rng = random.Random(20251204)
    outcomes = {"accepted": 0, "refused": 0}
    for number in range(MUTANTS):
        data = mutate_manifest(rng, genuine, number + 2)
        key = stranger if number % 10 == 0 else org_key
        from e2judge.formats.batch import signature_document
        from e2judge.formats.jsonio import dumps_pretty

        sig = dumps_pretty(signature_document(key, data))
        members = {"manifest.json": data, "signature.json": sig}
        if number % 7 == 0:
            members[f"attachments/{ATT_SHA}"] = ATTACHMENT[::-1]
        path = rezip(good, tmp_path / f"m{number}.e2batch", lambda m, extra=members: {**m, **extra})
        check(db, profile, lambda p=path: import_batch(db, profile, p), outcomes)
        path.unlink()
    assert outcomes["refused"] > MUTANTS // 2 and outcomes["accepted"] > 0, outcomes
    # The genuine contest is still pinned to its organizer's key, whatever was accepted.
    pinned = readable_fingerprint(public_raw_of(org_key))
    assert {r.organizer_fingerprint for r in list_rounds(db) if r.contest_key == "e2-test"} == {pinned}


def test_resigned_manifests_with_one_hostile_value_each(
    db: Database, profile: Profile, tmp_path: Path, org_key: Ed25519PrivateKey,
    manifest_for: Callable[..., dict[str, Any]], batch_file: Callable[..., Path],
) -> None:
    """Every leaf of the manifest replaced by every hostile value in turn (a systematic sweep)."""
    genuine = manifest_for(entries=1)
    good = batch_file(genuine, name="genuine.e2batch")
    leaves = [p for p in paths_of(genuine) if p and not isinstance(_at(genuine, p), dict | list)]
    rng = random.Random(7)
    outcomes = {"accepted": 0, "refused": 0}
    for number in range(MUTANTS):
        doc = copy.deepcopy(genuine)
        path = rng.choice(leaves)
        parent = _at(doc, path[:-1])
        parent[path[-1]] = rng.choice(HOSTILE)
        fresh(doc, number + 1)
        data, sig = resign(doc, org_key)
        bad = rezip(good, tmp_path / f"s{number}.e2batch", lambda m, d=data, s=sig: {
            **m, "manifest.json": d, "signature.json": s})  # fmt: skip
        check(db, profile, lambda p=bad: import_batch(db, profile, p), outcomes)
        bad.unlink()
    assert outcomes["refused"] > 0 and outcomes["accepted"] > 0, outcomes


def _at(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


# --- the organizer workbook -----------------------------------------------------------------------

ROWS: dict[str, list[list[object]]] = {
    "Contest": [
        ["key", "value"], ["contest_id", "e2-nhap"], ["contest_name", "Thử"], ["round", "Vòng 1"],
        ["deadline", "2025-06-30"], ["blind", "không"], ["discrepancy_threshold", 2],
    ],
    "Entries": [
        ["code", "title", "authors", "description", "links", "attachments"],
        ["E001", "Một", "A", "Mô tả", "https://x.example/1", ""],
        ["E002", "Hai", "B", "", "", ""],
    ],
    "Judges": [["judge_id", "name", "email"], ["GK01", "Trần Văn Đức", "duc@example.vn"]],
    "Rubric": [
        ["criterion_id", "section", "criterion", "max_points", "step", "weight", "levels", "comment_rule"],
        ["hop-tac", "Kỹ năng", "Hợp tác", 4, 1, 1, "1: kém\n4: tốt", "lowest"],
        ["cntt", "Công nghệ", "CNTT", 10, 0.5, 1.5, "", ""],
    ],
}  # fmt: skip
CELL_VALUES: list[object] = [
    None, "", "=1+1", "x" * 1001, "x" * 40_000, -1, 0, 1e-9, 1e-6, 1e308, 10**20, "1e400", "abc",
    "../x", "CON", "E001", "e2-test", "\u202eevil", "ｅ2", "G" * 70, "0: a\n0: b", "5: quá", "always",
    "sometimes", "ftp://x", "https://x.example/" + "a" * 2100, True, 2.5, "có", "2025-13-45",
]  # fmt: skip


def workbook_mutant(rng: random.Random, path: Path) -> Path:
    wb = openpyxl.Workbook()
    default = wb.active
    assert default is not None
    wb.remove(default)
    sheets = copy.deepcopy(ROWS)
    for _ in range(rng.randint(1, 3)):
        name = rng.choice(list(sheets))
        rows = sheets[name]
        r = rng.randrange(len(rows) + 1)
        if r == len(rows):
            rows.append(list(rows[-1]))
        c = rng.randrange(len(rows[0]) + 1)
        while len(rows[r]) <= c:
            rows[r].append(None)
        rows[r][c] = rng.choice(CELL_VALUES)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


def test_workbook_mutants_are_accepted_or_refused_cleanly(
    db: Database, profile: Profile, tmp_path: Path, manifest_for: Callable[..., dict[str, Any]],
    batch_file: Callable[..., Path],
) -> None:
    import_batch(db, profile, batch_file(manifest_for()))  # a signed contest e2-test sits beside
    rng = random.Random(42)
    outcomes = {"accepted": 0, "refused": 0}
    for number in range(MUTANTS):
        path = workbook_mutant(rng, tmp_path / f"w{number}.xlsx")
        check(db, profile, lambda p=path: import_workbook(db, profile, p), outcomes)
        path.unlink()
    assert outcomes["refused"] > 0 and outcomes["accepted"] > 0, outcomes
