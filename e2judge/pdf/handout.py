"""The one-page hand-out that goes with each judge's batch: what it is, how to install and import it.

It names the judge, the batch file and its size, and the organizer key's fingerprint in large
groups, so the judge can compare it with what the app shows (by phone with the organizer). Plain
data in, one A4 page out (atomically, via ``build_pdf``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table

from e2judge.core.clock import now
from e2judge.core.labels import Labels
from e2judge.pdf.fonts import BOLD
from e2judge.pdf.page import FRAME_WIDTH, PageSetup, build_pdf
from e2judge.pdf.styles import grid_style, make_styles

_TEXT = {
    "vi": {
        "title": "HƯỚNG DẪN NHẬN LÔ BÀI CHẤM",
        "dear": "Kính gửi {name} (mã giám khảo {judge}),",
        "intro": "Ban tổ chức gửi thầy cô lô bài chấm của {contest} — {round}. Lô bài được ký bằng khoá "
        "của ban tổ chức: E2 Judge kiểm tra chữ ký trước khi mở, nên không ai sửa được bài trên "
        "đường gửi.",
        "file": "Tệp lô bài",
        "size": "Dung lượng",
        "deadline": "Hạn chấm",
        "entries": "Số bài được giao",
        "fingerprint": "Dấu vân tay khoá của ban tổ chức",
        "fingerprint_note": "Khi nhập lô bài, E2 Judge hiện dấu vân tay này. Hãy so từng nhóm số; nếu khác, "
        "đừng chấm và gọi ngay cho ban tổ chức.",
        "steps": "Các bước",
        "step1": "Cài E2 Judge từ bộ cài ban tổ chức gửi (Windows, macOS hoặc Linux); không cần Internet.",
        "step2": "Chép tệp {file} vào máy tính (từ USB hoặc email).",
        "step3": "Mở E2 Judge, chọn Tệp > Mở lô bài… rồi chọn tệp (hoặc kéo thả tệp vào cửa sổ).",
        "step4": "So dấu vân tay ứng dụng hiện với dấu vân tay ở trên.",
        "step5": "Chấm từng bài; mọi thay đổi được lưu ngay, không cần bấm Lưu.",
        "step6": "Khi xong, chọn Tệp > Xuất phiếu điểm… và gửi tệp .e2sheet cho ban tổ chức qua USB "
        "hoặc email.",
        "footer": "Hướng dẫn cho giám khảo {judge}",
        "none": "không ghi",
    },
    "en": {
        "title": "RECEIVING YOUR BATCH OF ENTRIES",
        "dear": "Dear {name} (judge {judge}),",
        "intro": "The organizers send you your batch of {contest} — {round}. It is signed with the "
        "organizer's key: E2 Judge checks the signature before opening it, so nobody can change it on "
        "the way.",
        "file": "Batch file",
        "size": "Size",
        "deadline": "Deadline",
        "entries": "Entries assigned",
        "fingerprint": "Organizer key fingerprint",
        "fingerprint_note": "E2 Judge shows this fingerprint when you import the batch. Compare every group; "
        "if one differs, do not score and call the organizers at once.",
        "steps": "Steps",
        "step1": "Install E2 Judge from the installer the organizers sent (Windows, macOS or Linux); "
        "no internet needed.",
        "step2": "Copy the file {file} to your computer (from the USB stick or the email).",
        "step3": "Open E2 Judge, choose File > Open batch… and pick the file (or drop it on the window).",
        "step4": "Compare the fingerprint the app shows with the one above.",
        "step5": "Score each entry; every change is saved at once, there is no Save button.",
        "step6": "When done, choose File > Export score sheet… and send the .e2sheet file to the organizers.",
        "footer": "Hand-out for judge {judge}",
        "none": "none given",
    },
}


@dataclass(frozen=True)
class Handout:
    """What one judge's hand-out says."""

    contest_name: str
    round_name: str
    judge_id: str
    judge_name: str
    batch_file: str
    batch_size: int  # bytes
    entries: int
    fingerprint: str
    key_label: str
    deadline: str = ""
    demo: bool = False


def size_text(size: int, lang: str) -> str:
    """``1,2 MB`` (vi) or ``1.2 MB`` (en)."""
    for unit, factor in (("GB", 2**30), ("MB", 2**20), ("kB", 2**10)):
        if size >= factor:
            shown = f"{size / factor:.1f}"
            return f"{shown.replace('.', ',') if lang == 'vi' else shown} {unit}"
    return f"{size} B"


def write_handout(handout: Handout, out: Path, lang: str = "vi") -> int:
    """Write the hand-out to ``out`` (atomically); pages written (one)."""
    text = _TEXT[lang if lang in _TEXT else "vi"]
    lb = Labels(lang)
    st = make_styles()
    setup = PageSetup(
        labels=lb,
        header_left=handout.contest_name,
        header_right=handout.round_name,
        footer_left=f"{text['footer'].format(judge=handout.judge_id)} · {lb('printed', date=lb.date(now()))}",
        demo=handout.demo,
        title=f"{text['title']} — {handout.judge_name}",
    )
    facts = [
        [st.p(text["file"], st.label), st.p(handout.batch_file, st.cell_bold)],
        [st.p(text["size"], st.label), st.p(size_text(handout.batch_size, lang), st.cell)],
        [st.p(text["entries"], st.label), st.p(str(handout.entries), st.cell)],
        [st.p(text["deadline"], st.label), st.p(handout.deadline or text["none"], st.cell)],
    ]
    groups = handout.fingerprint.split()
    lines = [" ".join(groups[i : i + 3]) for i in range(0, len(groups), 3)]
    big = st.derived("fingerprint", st.title, fontName=BOLD, fontSize=22, leading=30)
    steps = [
        text["step1"],
        text["step2"].format(file=handout.batch_file),
        text["step3"],
        text["step4"],
        text["step5"],
        text["step6"],
    ]
    story: list[Flowable] = [
        st.p(text["title"], st.title),
        st.p(f"{handout.contest_name} — {handout.round_name}", st.subtitle),
        st.p(text["dear"].format(name=handout.judge_name, judge=handout.judge_id)),
        st.p(text["intro"].format(contest=handout.contest_name, round=handout.round_name)),
        Spacer(1, 2 * mm),
        Table(facts, colWidths=[45 * mm, FRAME_WIDTH - 45 * mm], style=grid_style(header=False)),
        st.p(text["fingerprint"], st.heading),
        *[st.p(line, big) for line in lines],
        st.p(handout.key_label, st.small),
        st.p(text["fingerprint_note"]),
        st.p(text["steps"], st.heading),
        *[st.p(step, bullet=f"{number}.") for number, step in enumerate(steps, start=1)],
    ]
    return build_pdf(out, story, setup)
