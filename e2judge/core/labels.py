"""The words of reports and workbooks, in Vietnamese (default) and English, and number/date formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from e2judge.core.rubric import format_points

LANGS = ("vi", "en")

_VI: dict[str, str] = {
    "app": "E2 Judge",
    "page": "Trang {page} / {total}",
    "demo": "BẢN DEMO — không dùng cho cuộc thi thật",
    "unsigned": "CHƯA KÝ — nhập từ sổ tính, không có chữ ký của ban tổ chức",
    "printed": "In ngày {date}",
    "none": "(không có)",
    "dash": "—",
    # per-entry report
    "entry_title": "PHIẾU CHẤM ĐIỂM",
    "contest": "Cuộc thi",
    "round": "Vòng thi",
    "code": "Mã bài",
    "title": "Tên bài",
    "authors": "Tác giả",
    "school": "Trường",
    "province": "Tỉnh/Thành phố",
    "category": "Lĩnh vực",
    "blind_note": "Vòng chấm ẩn danh: tên tác giả, trường và tỉnh/thành phố được ẩn.",
    "col_no": "STT",
    "col_criterion": "Tiêu chí, mức đạt và nhận xét",
    "col_points": "Điểm",
    "weight": "trọng số {weight}",
    "level": "Mức đạt",
    "comment": "Nhận xét",
    "not_scored": "Chưa chấm",
    "comment_missing": "Thiếu nhận xét bắt buộc",
    "totals": "Tổng kết",
    "total_raw": "Tổng điểm",
    "total_weighted": "Tổng điểm có trọng số",
    "scored_count": "Số tiêu chí đã chấm",
    "incomplete": "Bài chưa chấm xong: mới chấm {scored} / {total} tiêu chí.",
    "overall_comment": "Nhận xét chung",
    "conflict_title": "XUNG ĐỘT LỢI ÍCH",
    "conflict_text": "Giám khảo đã khai báo xung đột lợi ích với bài này và không chấm bài. Lý do: {reason}",
    "conflict_not_scored": "Xung đột lợi ích — không chấm",
    "conflict_reason": "Lý do: {reason}",
    "judge": "Giám khảo",
    "judge_id": "Mã giám khảo",
    "report_date": "Ngày lập phiếu",
    "sheet_revision": "Phiên bản phiếu điểm",
    "sheet_revision_value": "lần xuất thứ {revision} ({date})",
    "not_exported": "chưa xuất phiếu điểm",
    "batch": "Lô bài chấm",
    "batch_value": "{batch} (phiên bản {revision})",
    "fingerprint": "Vân tay khóa ký",
    "no_key": "chưa tạo khóa ký",
    "place_date": "…………………, ngày …… tháng …… năm ………",
    "signature": "Chữ ký của giám khảo",
    "signature_hint": "(ký và ghi rõ họ tên)",
    # judge's summary
    "summary_title": "BẢNG TỔNG HỢP ĐIỂM CỦA GIÁM KHẢO",
    "col_rank": "Hạng",
    "col_total": "Tổng điểm",
    "col_percent": "Tỉ lệ",
    "col_status": "Trạng thái",
    "status_not_started": "Chưa chấm",
    "status_in_progress": "Đang chấm",
    "status_complete": "Đã chấm xong",
    "status_conflict": "Xung đột lợi ích",
    "summary_counts": (
        "Tổng số bài: {total}. Đã chấm xong: {complete}. Đang chấm: {in_progress}. "
        "Chưa chấm: {not_started}. Xung đột lợi ích: {conflict}."
    ),
    "summary_note": (
        "Hạng được tính theo tổng điểm có trọng số, chỉ trong các bài đã chấm xong; "
        "các bài đồng điểm có cùng hạng. Dòng tô đỏ là bài chưa chấm xong."
    ),
    "summary_empty": "Chưa có bài nào được giao.",
    # organizer's results
    "results_title": "KẾT QUẢ CHẤM THI",
    "results_ranking": "Bảng xếp hạng",
    "results_judges": "Giám khảo",
    "results_chart": "Phân bố tổng điểm theo giám khảo",
    "results_chart_note": (
        "Mỗi chấm tròn là tổng điểm (quy về thang 100) một giám khảo cho một bài; hộp là khoảng tứ phân vị, "
        "vạch đậm là trung vị. Giám khảo chấm chặt hay chấm rộng tay hơn mặt bằng chung sẽ nổi rõ."
    ),
    "results_flags": "Chênh lệch giữa các giám khảo",
    "results_no_flags": "Không có bài nào chênh lệch quá ngưỡng.",
    "col_mean": "Trung bình",
    "col_median": "Trung vị",
    "col_spread": "Độ chênh",
    "col_normalised": "Điểm chuẩn hóa",
    "col_judges": "Số GK",
    "col_flag": "Cờ",
    "col_judge": "Giám khảo",
    "col_scored": "Số bài đã chấm",
    "col_sheet": "Phiếu điểm",
    "flag_discrepancy": "Chênh lệch",
    "threshold": "Ngưỡng chênh lệch: {value}",
    "ranked_by": "Xếp hạng theo: {value}",
    "results_counts": (
        "Số bài: {entries}. Số giám khảo: {judges}. Tổng điểm tối đa: {max}. Điểm trung bình chung: {mean}."
    ),
    "rank_by_raw": "điểm trung bình của các giám khảo",
    "rank_by_normalised": "điểm chuẩn hóa (bù trừ giám khảo chấm chặt hay rộng tay)",
    "results_none": "Chưa có phiếu điểm nào được thu về.",
    "results_fallback_note": "* Chưa chuẩn hóa được (giám khảo chấm quá ít bài): dùng điểm trung bình.",
    "results_severity_note": (
        "Lệch so với TB chung: điểm trung bình của giám khảo trừ điểm trung bình chung; "
        "số âm là chấm chặt, số dương là chấm rộng tay."
    ),
    "col_returned": "Số GK",
    "col_sd": "Độ lệch chuẩn",
    "col_severity": "Lệch so với TB chung",
    "col_conflicts": "Xung đột",
    "col_totals": "Tổng điểm từng giám khảo",
    "missing_codes": "Chưa trả: {codes}",
    "revision_short": "lần {revision}",
    "chart_axis": "% tổng điểm tối đa",
    "chart_mean": "TB chung",
    "chart_count": "{count} bài",
    # Excel workbooks
    "sheet_scores": "Bảng điểm",
    "sheet_rubric": "Tiêu chí",
    "sheet_info": "Thông tin",
    "sheet_worksheet": "Chấm điểm",
    "sheet_help": "Hướng dẫn",
    "criterion": "Tiêu chí",
    "col_max": "tối đa {max}",
    "col_comment_of": "Nhận xét: {title}",
    "col_raw_total": "Tổng điểm",
    "col_weighted_total": "Tổng có trọng số",
    "col_conflict": "Lý do xung đột lợi ích",
    "col_criterion_id": "Mã tiêu chí",
    "col_section": "Phần",
    "col_description": "Mô tả",
    "col_max_points": "Điểm tối đa",
    "col_step": "Bước điểm",
    "col_weight": "Trọng số",
    "col_levels": "Các mức",
    "col_comment_rule": "Bắt buộc nhận xét",
    "rule_never": "không",
    "rule_always": "luôn luôn",
    "rule_lowest": "khi cho mức thấp nhất",
    "rule_highest": "khi cho mức cao nhất",
    "rule_extremes": "khi cho mức thấp nhất hoặc cao nhất",
    "info_judge": "Giám khảo",
    "info_exported": "Thời điểm xuất",
    "info_blind": "Chấm ẩn danh",
    "yes": "có",
    "no": "không",
    "hint_levels": "mức {values}",
    "hint_range": "0 – {max}, bước {step}",
    "ws_prompt_title": "Điểm hợp lệ",
    "ws_error_title": "Điểm không hợp lệ",
    "ws_error": "Hãy chọn hoặc nhập điểm hợp lệ ({hint}). Để trống nếu chưa chấm.",
    "ws_help": (
        "Cách dùng: nhập điểm vào các cột tiêu chí (chọn trong danh sách hoặc gõ số; để trống nếu chưa "
        "chấm) và nhận xét vào các cột nhận xét. Các ô khác bị khóa. Khi xong, trong E2 Judge chọn "
        '"Nhập bảng chấm Excel" (hoặc lệnh: e2judge worksheet import TỆP.xlsx). Mọi ô sai sẽ được '
        "liệt kê và không điểm nào được ghi cho đến khi sửa hết. Không đổi tên, không xóa trang tính."
    ),
}

_EN: dict[str, str] = {
    "app": "E2 Judge",
    "page": "Page {page} / {total}",
    "demo": "DEMO — not for a real contest",
    "unsigned": "UNSIGNED — imported from a workbook, not signed by the organizer",
    "printed": "Printed {date}",
    "none": "(none)",
    "dash": "—",
    "entry_title": "RUBRIC SCORE REPORT",
    "contest": "Contest",
    "round": "Round",
    "code": "Entry code",
    "title": "Title",
    "authors": "Authors",
    "school": "School",
    "province": "Province",
    "category": "Category",
    "blind_note": "Blind round: authors, school and province are hidden.",
    "col_no": "No.",
    "col_criterion": "Criterion, level and comment",
    "col_points": "Points",
    "weight": "weight {weight}",
    "level": "Level",
    "comment": "Comment",
    "not_scored": "Not scored",
    "comment_missing": "Required comment missing",
    "totals": "Totals",
    "total_raw": "Total",
    "total_weighted": "Weighted total",
    "scored_count": "Criteria scored",
    "incomplete": "Scoring not finished: {scored} of {total} criteria scored.",
    "overall_comment": "Overall comment",
    "conflict_title": "CONFLICT OF INTEREST",
    "conflict_text": "The judge declared a conflict of interest with this entry and did not score it. "
    "Reason: {reason}",
    "conflict_not_scored": "Conflict of interest — not scored",
    "conflict_reason": "Reason: {reason}",
    "judge": "Judge",
    "judge_id": "Judge id",
    "report_date": "Report date",
    "sheet_revision": "Score sheet revision",
    "sheet_revision_value": "revision {revision} ({date})",
    "not_exported": "no score sheet exported yet",
    "batch": "Batch",
    "batch_value": "{batch} (revision {revision})",
    "fingerprint": "Signing key fingerprint",
    "no_key": "no signing key yet",
    "place_date": "Place and date: ……………………………………",
    "signature": "Judge's signature",
    "signature_hint": "(sign and print your name)",
    "summary_title": "JUDGE'S SCORE SUMMARY",
    "col_rank": "Rank",
    "col_total": "Total",
    "col_percent": "Percent",
    "col_status": "Status",
    "status_not_started": "Not started",
    "status_in_progress": "In progress",
    "status_complete": "Complete",
    "status_conflict": "Conflict of interest",
    "summary_counts": (
        "Entries: {total}. Complete: {complete}. In progress: {in_progress}. "
        "Not started: {not_started}. Conflict of interest: {conflict}."
    ),
    "summary_note": (
        "Ranks follow the weighted total among complete entries only; equal totals share a rank. "
        "Rows shaded red are not complete."
    ),
    "summary_empty": "No entries assigned yet.",
    "results_title": "CONTEST RESULTS",
    "results_ranking": "Ranking",
    "results_judges": "Judges",
    "results_chart": "Distribution of totals per judge",
    "results_chart_note": (
        "Each dot is the total (out of 100) one judge gave one entry; the box spans the quartiles and "
        "the heavy bar is the median. A judge much harsher or more lenient than the others stands out."
    ),
    "results_flags": "Disagreement between judges",
    "results_no_flags": "No entry's scores differ by more than the threshold.",
    "col_mean": "Mean",
    "col_median": "Median",
    "col_spread": "Spread",
    "col_normalised": "Normalised",
    "col_judges": "Judges",
    "col_flag": "Flag",
    "col_judge": "Judge",
    "col_scored": "Entries scored",
    "col_sheet": "Score sheet",
    "flag_discrepancy": "Discrepancy",
    "threshold": "Discrepancy threshold: {value}",
    "ranked_by": "Ranked by: {value}",
    "results_counts": "Entries: {entries}. Judges: {judges}. Maximum total: {max}. Overall mean: {mean}.",
    "rank_by_raw": "the judges' mean total",
    "rank_by_normalised": "normalised score (evens out harsh and lenient judges)",
    "results_none": "No score sheet collected yet.",
    "results_fallback_note": "* Not normalised (its judges scored too few entries): the mean is used.",
    "results_severity_note": (
        "Versus overall mean: the judge's mean total minus the overall mean; "
        "negative is harsh, positive is lenient."
    ),
    "col_returned": "Judges",
    "col_sd": "Std. dev.",
    "col_severity": "Versus overall mean",
    "col_conflicts": "Conflicts",
    "col_totals": "Each judge's total",
    "missing_codes": "Not returned: {codes}",
    "revision_short": "rev. {revision}",
    "chart_axis": "% of the maximum total",
    "chart_mean": "overall mean",
    "chart_count": "{count} entries",
    "sheet_scores": "Scores",
    "sheet_rubric": "Rubric",
    "sheet_info": "About",
    "sheet_worksheet": "Scoring",
    "sheet_help": "Help",
    "criterion": "Criterion",
    "col_max": "max {max}",
    "col_comment_of": "Comment: {title}",
    "col_raw_total": "Total",
    "col_weighted_total": "Weighted total",
    "col_conflict": "Conflict of interest reason",
    "col_criterion_id": "Criterion id",
    "col_section": "Section",
    "col_description": "Description",
    "col_max_points": "Max points",
    "col_step": "Step",
    "col_weight": "Weight",
    "col_levels": "Levels",
    "col_comment_rule": "Comment required",
    "rule_never": "never",
    "rule_always": "always",
    "rule_lowest": "for the lowest level",
    "rule_highest": "for the highest level",
    "rule_extremes": "for the lowest or highest level",
    "info_judge": "Judge",
    "info_exported": "Exported at",
    "info_blind": "Blind round",
    "yes": "yes",
    "no": "no",
    "hint_levels": "levels {values}",
    "hint_range": "0 – {max}, step {step}",
    "ws_prompt_title": "Allowed points",
    "ws_error_title": "Points not allowed",
    "ws_error": "Choose or type allowed points ({hint}). Leave empty when not scored.",
    "ws_help": (
        "How to use: type points in the criterion columns (pick from the list or type a number; leave "
        "empty when not scored) and comments in the comment columns. Other cells are locked. When done, "
        'in E2 Judge choose "Import Excel worksheet" (or run: e2judge worksheet import FILE.xlsx). '
        "Every wrong cell is listed and nothing is saved until all are right. Do not rename or delete sheets."
    ),
}

_ALL: dict[str, dict[str, str]] = {"vi": _VI, "en": _EN}


class Labels:
    """The report words of one language, with number and date formats to match."""

    def __init__(self, lang: str = "vi") -> None:
        if lang not in _ALL:
            raise ValueError(f"unknown report language {lang!r}; use one of {', '.join(LANGS)}")
        self.lang = lang
        self._words: Mapping[str, str] = _ALL[lang]

    def __call__(self, key: str, **values: object) -> str:
        text = self._words[key]
        return text.format(**values) if values else text

    def number(self, value: float | None, decimals: int | None = None) -> str:
        """A number as Vietnamese (``2,5``) or English (``2.5``) readers write it; "—" for None."""
        if value is None:
            return self("dash")
        text = format_points(value) if decimals is None else f"{value:.{decimals}f}"
        return text.replace(".", ",") if self.lang == "vi" else text

    def short(self, value: float | None) -> str:
        """A computed figure rounded to 2 decimals (``12,33``, ``12``); "—" for None."""
        return self.number(None if value is None else round(value, 2) + 0.0)

    def signed(self, value: float | None) -> str:
        """``+1,5`` / ``−2`` (a real minus sign) / ``0``; "—" for None."""
        if value is None:
            return self("dash")
        rounded = round(value, 2) + 0.0
        if rounded > 0:
            return f"+{self.number(rounded)}"
        if rounded < 0:
            return f"−{self.number(-rounded)}"
        return "0"

    def out_of(self, value: float | None, maximum: float) -> str:
        """``3 / 4`` (or ``— / 4`` when not scored)."""
        return f"{self.number(value)} / {self.number(maximum)}"

    def percent(self, value: float | None) -> str:
        return self("dash") if value is None else f"{self.number(value, 1)}%"

    def date(self, value: dt.date | dt.datetime) -> str:
        """dd/mm/yyyy in Vietnamese, ISO in English; aware datetimes shown in local time."""
        if isinstance(value, dt.datetime):
            if value.tzinfo is not None:
                value = value.astimezone()
            value = value.date()
        return value.strftime("%d/%m/%Y") if self.lang == "vi" else value.isoformat()

    def status(self, status: str) -> str:
        """A status value (``not_started``, ``in_progress``, ``complete``, ``conflict``) in words."""
        key = f"status_{status}"
        return self(key) if key in self._words else status


def check_lang(lang: str) -> str:
    """``lang`` when it is a report language; ValueError otherwise."""
    Labels(lang)
    return lang
