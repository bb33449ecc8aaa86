"""One PDF hand-out per judge beside the batches ``org build`` wrote (``huong-dan-GK01.pdf``)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from e2judge.db.org_models import OrgAssignment, OrgBatch, OrgJudge, OrgRound
from e2judge.formats.keys import read_public
from e2judge.pdf.handout import Handout, write_handout
from e2judge.services.org.workspace import open_workspace, setting


def handout_name(judge_key: str) -> str:
    return f"huong-dan-{judge_key}.pdf"


def write_handouts(orgdir: Path, batches: list[Path], out: Path, lang: str = "vi") -> list[Path]:
    """A hand-out for each batch file in ``batches`` (files this workspace issued), into ``out``."""
    ws, db = open_workspace(orgdir)
    public = read_public(ws.signing_key)
    written: list[Path] = []
    with db, db.session() as s:
        demo = setting(db, "demo") == "1"
        for path in batches:
            row = s.execute(
                select(OrgBatch, OrgJudge, OrgRound)
                .join(OrgJudge, OrgJudge.id == OrgBatch.judge_id)
                .join(OrgRound, OrgRound.id == OrgBatch.round_id)
                .where(OrgBatch.file_name == path.name)
            ).first()
            if row is None:
                continue
            batch, judge, rnd = row
            entries = s.scalar(
                select(func.count()).select_from(OrgAssignment).where(OrgAssignment.judge_id == judge.id)
            )
            handout = Handout(
                contest_name=rnd.contest_name,
                round_name=rnd.round_name,
                judge_id=judge.judge_key,
                judge_name=judge.name,
                batch_file=batch.file_name,
                batch_size=path.stat().st_size,
                entries=int(entries or 0),
                fingerprint=public.fingerprint,
                key_label=public.label,
                deadline=rnd.deadline,
                demo=demo,
            )
            target = out / handout_name(judge.judge_key)
            write_handout(handout, target, lang)
            written.append(target)
    return written
