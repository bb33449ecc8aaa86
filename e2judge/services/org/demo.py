"""A lived-in organizer demo workspace, made on demand through the real services.

``e2judge organizer --demo`` calls ``make_demo_workspace`` on a temporary folder: the bundled demo
contest (``resources/demo/e2-2022``) is built for its six judges with the DEMO key, four judge
profiles import their batch and score through the judge's services, export signed sheets (one
judge sends a second, newer revision; one file is a forged copy), and the sheets are collected.
Judge GK03 scores everything low, so some entries show a large discrepancy. Nothing here is
random: the same code gives the same plan and the same scores.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from e2judge.core.rubric import Criterion
from e2judge.db.models import Assignment, Entry
from e2judge.db.org_models import OrgSetting
from e2judge.db.session import open_judge_db, open_org_db
from e2judge.paths import OrgWorkspace, Profile, resource
from e2judge.services.judge.import_batch import import_batch
from e2judge.services.judge.judge_key import ensure_judge_key, judge_label
from e2judge.services.judge.rounds import list_rounds
from e2judge.services.judge.scoring import declare_conflict, set_comment, set_points
from e2judge.services.judge.sheet_export import export_sheet
from e2judge.services.org.build import build_batches
from e2judge.services.org.collect import CollectReport, CollectRow, Verdict, collect_sheets
from e2judge.services.org.workspace import DEMO_LABEL

DEMO_PASSPHRASE = "e2judge-demo"  # noqa: S105 — published on purpose: the demo key protects nothing
JUDGE_PASSPHRASE = "giam-khao-demo"  # noqa: S105
JUDGES_BACK = ("GK01", "GK02", "GK03", "GK04")  # GK05 and GK06 have not sent anything yet
FAST_N = 2**14  # the demo judges' keys protect nothing either
SHIFT = {"GK01": 1, "GK02": 0, "GK03": -3, "GK04": 0}  # GK03 is harsh: large discrepancies
PARTIAL = {"GK04": 5}  # GK04 has scored only their first five entries

Progress = Callable[[str], None]
REPORT = "collect.json"  # the verdicts of the demo's collect, shown when the demo opens


def demo_report(path: Path) -> tuple[CollectRow, ...]:
    """The collect rows saved beside the bundled demo (file names only); () when absent."""
    if not path.is_file():
        return ()
    rows = json.loads(path.read_text("utf-8"))
    return tuple(CollectRow(**{**row, "verdict": Verdict(row["verdict"])}) for row in rows)


@dataclass(frozen=True)
class DemoWorkspace:
    """Where the demo lives: the workspace, the issued batches and the 'USB stick' of sheets."""

    root: Path
    orgdir: Path
    batches: Path
    usb: Path
    report: CollectReport


def _pick(code: str, criterion: Criterion, shift: int) -> float:
    allowed = criterion.allowed_points()
    seed = int(hashlib.sha256(f"{code}/{criterion.id}".encode()).hexdigest(), 16)
    index = min(max(seed % len(allowed) + shift, 0), len(allowed) - 1)
    return allowed[index]


def make_demo_workspace(root: Path, progress: Progress | None = None) -> DemoWorkspace:
    """Build the demo under ``root`` (an empty folder) and return where everything is."""
    say = progress or (lambda _text: None)
    orgdir, batches, usb = root / "btc-demo", root / "lo-bai", root / "usb"
    ws = OrgWorkspace(orgdir)
    shutil.copytree(resource("demo", "organizer", "keys"), ws.signing_key.parent)
    ws.sheets.mkdir(parents=True, exist_ok=True)
    with open_org_db(ws.database) as db, db.transaction() as s:
        s.add(OrgSetting(key="label", value=DEMO_LABEL))
        s.add(OrgSetting(key="demo", value="1"))
    contest = resource("demo", "e2-2022")
    say("build")
    summary = build_batches(orgdir, contest / "workbook.xlsx", batches, DEMO_PASSPHRASE, judges_per_entry=2)
    files = {p.name.split(".")[-2].split("-")[0]: p for p in summary.files}
    usb.mkdir()
    sheets: list[Path] = []
    for judge in JUDGES_BACK:
        say(judge)
        sheets.extend(_judge_sheets(root / "giam-khao" / judge, files[judge], usb))
    forged = usb / f"{sheets[-1].stem}-sua{sheets[-1].suffix}"
    data = bytearray(sheets[-1].read_bytes())
    spot = next(i for i in range(len(data) // 2, len(data)) if chr(data[i]).isalpha())
    data[spot] ^= 0x20  # one letter of the ciphertext changed on the way: the seal no longer opens
    forged.write_bytes(bytes(data))
    say("collect")
    report = collect_sheets(orgdir, [*sheets, forged], DEMO_PASSPHRASE)
    return DemoWorkspace(root, orgdir, batches, usb, report)


def _judge_sheets(home: Path, batch: Path, usb: Path) -> list[Path]:
    """One judge's profile: import, score through the services, export (twice for GK02)."""
    profile = Profile(home).ensure()
    with open_judge_db(profile.database) as db:
        import_batch(db, profile, batch)
        (ref,) = list_rounds(db)
        ensure_judge_key(profile, JUDGE_PASSPHRASE, judge_label(ref.judge_name, ref.judge_key), n=FAST_N)
        actor = f"judge:{ref.judge_key}"
        with db.session() as s:
            ids = dict(
                s.execute(
                    select(Entry.code, Assignment.id)
                    .join(Entry, Entry.id == Assignment.entry_id)
                    .where(Assignment.judge_id == ref.judge_id, Entry.round_id == ref.round_id)
                ).all()
            )
        codes = sorted(ids)[: PARTIAL.get(ref.judge_key, len(ids))]
        for number, code in enumerate(codes):
            if ref.judge_key == "GK01" and number == 0:
                declare_conflict(db, ids[code], "Tôi từng hướng dẫn nhóm tác giả này", actor)
                continue
            for criterion in ref.rubric.criteria:
                points = _pick(code, criterion, SHIFT[ref.judge_key])
                set_points(db, ids[code], criterion.id, points, actor)
                set_comment(db, ids[code], criterion.id, f"Nhận xét của {ref.judge_key} về {code}", actor)
        out = [export_sheet(db, profile, ref, usb, JUDGE_PASSPHRASE).path]
        if ref.judge_key == "GK02":  # changes their mind and sends a newer revision
            first = ref.rubric.criteria[0]
            set_points(db, ids[codes[0]], first.id, first.max_points, actor)
            out.append(export_sheet(db, profile, ref, usb, JUDGE_PASSPHRASE).path)
        return out
