"""Demo contest content: two organizer workbooks (Vietnamese) plus small attachment files.

``write_demo_sources(root)`` writes ``<root>/e2-2022/`` and ``<root>/showcase-2023/``, each holding
``workbook.xlsx`` (sheets Contest, Entries, Judges, Rubric) and an ``attachments/`` folder of
lesson-plan PDFs and PNG pictures. Output is deterministic: fixed zip and document timestamps,
``invariant`` PDFs and PNGs drawn from fixed seeds.

Run as a script to regenerate ``resources/demo``.
"""

from __future__ import annotations

import io
import math
import random
import re
import sys
import unicodedata
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from fontpkg_be_vietnam_pro import ROOT as FONT_ROOT
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.xml.functions import tostring
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ROOT = REPO / "resources" / "demo"
FONT_REGULAR = Path(FONT_ROOT) / "files" / "BeVietnamPro-Regular.ttf"
FONT_BOLD = Path(FONT_ROOT) / "files" / "BeVietnamPro-Bold.ttf"
PDF_FONT = "BeVietnamPro"
PDF_FONT_BOLD = "BeVietnamPro-Bold"

FIXED_TIME = datetime(2023, 1, 9, 8, 0, 0)
ZIP_TIME = (2023, 1, 9, 8, 0, 0)
ID_PATTERN = re.compile(r"^[A-Za-z0-9_.-]+$")
FILE_PATTERN = re.compile(r"^[a-z0-9][a-z0-9.-]*\.(pdf|png)$")


def _p(text: str) -> str:
    """Collapse a wrapped triple-quoted paragraph into one line."""
    return " ".join(text.split())


# --------------------------------------------------------------------------------------------
# Data model of the demo content
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Lesson:
    """One E2 entry plus what its lesson-plan PDF and picture say."""

    code: str
    title: str
    authors: str
    school: str
    province: str
    category: str
    subject: str
    grade: str
    tools: tuple[str, ...]
    description: str
    goal: str  # what students learn: "Học sinh <goal>"
    product: str  # what students make
    links: tuple[str, ...] = ()
    pdf: bool = True
    photo: bool = False
    chart: bool = False

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def attachments(self) -> tuple[str, ...]:
        names: list[str] = []
        if self.pdf:
            names.append(f"ke-hoach-bai-day-{self.slug}.pdf")
        if self.photo:
            names.append(f"anh-lop-hoc-{self.slug}.png")
        if self.chart:
            names.append(f"bieu-do-ket-qua-{self.slug}.png")
        return tuple(names)


@dataclass(frozen=True)
class School:
    """One Microsoft Showcase School application."""

    code: str
    title: str
    principal: str
    school: str
    province: str
    level: str
    description: str
    students: int
    teachers: int
    mie_experts: int
    teams_percent: int
    highlight: str
    pdf: bool = True
    photo: bool = False

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def attachments(self) -> tuple[str, ...]:
        names: list[str] = []
        if self.pdf:
            names.append(f"ho-so-{self.slug}.pdf")
        if self.photo:
            names.append(f"anh-truong-{self.slug}.png")
        return tuple(names)


@dataclass(frozen=True)
class Judge:
    judge_id: str
    name: str
    email: str
    school: str
    province: str


@dataclass(frozen=True)
class RubricRow:
    criterion_id: str
    section: str
    criterion: str
    description: str
    max_points: float
    step: float
    weight: float
    levels: tuple[tuple[int, str], ...]
    comment_rule: str


@dataclass(frozen=True)
class ContestInfo:
    folder: str
    contest_id: str
    contest_name: str
    round: str
    deadline: str
    blind: bool
    discrepancy_threshold: float | None


CAT_LESSON = "Bài học"
CAT_PROJECT = "Dự án học tập"
CAT_STEM = "Chuyên đề STEM"
CAT_SKKN = "Sáng kiến kinh nghiệm"

# The one author typed with decomposed accents (as some Mac and older Windows IMEs produce).
NFD_AUTHOR = unicodedata.normalize("NFD", "Đoàn Thị Kiều Trinh, Nguyễn Hữu Lộc")

E2_CONTEST = ContestInfo(
    folder="e2-2022",
    contest_id="e2-2022",
    contest_name="Diễn đàn Giáo dục Đổi mới Sáng tạo E2 Việt Nam 2022–2023",
    round="Vòng chung khảo",
    deadline="2023-03-15",
    blind=False,
    discrepancy_threshold=None,
)

SHOWCASE_CONTEST = ContestInfo(
    folder="showcase-2023",
    contest_id="showcase-2023",
    contest_name="Đánh giá Trường học Điển hình Microsoft (Microsoft Showcase School) 2023",
    round="Vòng đánh giá hồ sơ",
    deadline="2023-05-31",
    blind=True,
    discrepancy_threshold=10,
)

LESSONS: tuple[Lesson, ...] = (
    Lesson(
        code="E2-001",
        title="Đọc sâu “Trao duyên” cùng Immersive Reader và sổ tay OneNote",
        authors="Nguyễn Thị Thu Hương",
        school="Trường THPT Chu Văn An",
        province="Hà Nội",
        category=CAT_LESSON,
        subject="Ngữ văn",
        grade="10",
        tools=("Immersive Reader", "OneNote Class Notebook", "Microsoft Teams"),
        description=_p("""
            Bài học giúp học sinh lớp 10 đọc hiểu đoạn trích “Trao duyên” theo hướng cá nhân hóa.
            Học sinh dùng Immersive Reader để nghe đọc, tra nghĩa từ Hán Việt và ghi chú ngay trong
            sổ tay OneNote của lớp. Mỗi nhóm dựng một trang “hồ sơ nhân vật” Thúy Kiều rồi phản biện
            chéo trên Microsoft Teams."""),
        goal="phân tích được diễn biến tâm trạng của Thúy Kiều qua ngôn ngữ độc thoại",
        product="trang hồ sơ nhân vật Thúy Kiều trên OneNote",
        links=("https://sway.office.com/kX3pQ9tLmV2aR7bN",),
        photo=True,
    ),
    Lesson(
        code="E2-002",
        title="Phòng thí nghiệm điện trường trong thế giới Minecraft Education",
        authors="Trần Minh Đức, Lê Thị Ngọc Ánh",
        school="Trường THPT Chuyên Lê Hồng Phong",
        province="TP. Hồ Chí Minh",
        category=CAT_PROJECT,
        subject="Vật lí",
        grade="11",
        tools=("Minecraft Education", "Microsoft Teams", "Microsoft Forms"),
        description=_p("""
            Học sinh thiết kế một phòng thí nghiệm ảo trong Minecraft Education để mô phỏng đường
            sức điện trường quanh các điện tích. Các nhóm dùng khối redstone biểu diễn chiều và
            cường độ điện trường, sau đó đối chiếu với công thức đã học. Sản phẩm được trình bày
            trong buổi “triển lãm thế giới ảo” và được các lớp khác bình chọn qua Microsoft Forms."""),
        goal="mô tả được đường sức điện và vận dụng công thức cường độ điện trường E = F/q",
        product="phòng thí nghiệm điện trường trong Minecraft Education",
        links=(
            "https://www.youtube.com/watch?v=Q7mZ2xK9pLw",
            "https://sway.office.com/R2dLw8ZyQf4tHn6c",
        ),
        photo=True,
    ),
    Lesson(
        code="E2-003",
        title="Trạm quan trắc không khí mini với micro:bit",
        authors="Phạm Văn Đạt",
        school="Trường THPT Chuyên Lê Quý Đôn",
        province="Đà Nẵng",
        category=CAT_STEM,
        subject="Tin học",
        grade="11",
        tools=("MakeCode micro:bit", "Microsoft Excel", "Power BI"),
        description=_p("""
            Từ câu hỏi “Không khí quanh trường em có sạch không?”, học sinh lắp trạm đo nhiệt độ,
            độ ẩm và bụi mịn bằng micro:bit, lập trình với MakeCode. Dữ liệu được ghi tự động vào
            Excel suốt hai tuần rồi trực quan hóa bằng Power BI. Cuối dự án, học sinh gửi kiến
            nghị trồng thêm cây xanh cho Ban giám hiệu kèm số liệu đã phân tích."""),
        goal="lập trình đọc cảm biến, ghi dữ liệu theo thời gian và đọc hiểu biểu đồ",
        product="trạm quan trắc micro:bit và bảng điều khiển Power BI",
        links=("https://www.youtube.com/watch?v=aB4kT9wQm2E",),
        chart=True,
    ),
    Lesson(
        code="E2-004",
        title="Bảo tàng ảo “Chiến thắng Bạch Đằng năm 938” bằng Microsoft Sway",
        authors="Vũ Thị Lệ Quyên",
        school="Trường THCS Chu Văn An",
        province="Hải Phòng",
        category=CAT_LESSON,
        subject="Lịch sử và Địa lí",
        grade="6",
        tools=("Microsoft Sway", "Microsoft Teams", "Microsoft Forms"),
        description=_p("""
            Học sinh đóng vai “người giữ bảo tàng”, mỗi nhóm phụ trách một gian trưng bày: bối
            cảnh, diễn biến, nghệ thuật cắm cọc và ý nghĩa lịch sử. Các gian được dựng bằng Sway
            với ảnh, bản đồ và lời thuyết minh do học sinh tự thu âm. Buổi học kết thúc bằng
            chuyến tham quan ảo giữa các nhóm và câu đố nhanh trên Forms."""),
        goal="trình bày được diễn biến và ý nghĩa của chiến thắng Bạch Đằng năm 938",
        product="gian trưng bày Sway về trận Bạch Đằng",
        links=("https://sway.office.com/Bd938mNq7vXe2KpL",),
        photo=True,
    ),
    Lesson(
        code="E2-005",
        title="Xâm nhập mặn ở Đồng bằng sông Cửu Long: đọc dữ liệu bằng Power BI",
        authors="Huỳnh Thị Mỹ Duyên",
        school="Trường THPT Chuyên Lý Tự Trọng",
        province="Cần Thơ",
        category=CAT_PROJECT,
        subject="Địa lí",
        grade="12",
        tools=("Power BI", "Microsoft Excel", "Microsoft Teams"),
        description=_p("""
            Học sinh thu thập số liệu độ mặn mùa khô 2020–2022 từ các trạm quan trắc công khai và
            phỏng vấn nông dân trồng lúa ở quê mình. Dữ liệu được làm sạch trong Excel rồi dựng
            thành bảng điều khiển Power BI theo tỉnh và theo tháng. Các nhóm đề xuất lịch xuống
            giống và mô hình lúa – tôm phù hợp cho từng địa phương."""),
        goal="giải thích được nguyên nhân, diễn biến của xâm nhập mặn và đề xuất giải pháp thích ứng",
        product="bảng điều khiển Power BI về độ mặn theo tỉnh",
        links=(
            "https://sway.office.com/MnDbScl22aQz8RtW",
            "https://www.youtube.com/watch?v=Xm9nL2pQr7s",
        ),
        chart=True,
    ),
    Lesson(
        code="E2-006",
        title="Giới thiệu quê Bác bằng tiếng Anh với Flip",
        authors="Hồ Thị Thanh Tâm",
        school="Trường THPT Chuyên Phan Bội Châu",
        province="Nghệ An",
        category=CAT_LESSON,
        subject="Tiếng Anh",
        grade="11",
        tools=("Flip", "Immersive Reader", "Microsoft Teams"),
        description=_p("""
            Học sinh chuẩn bị bài thuyết minh tiếng Anh về Khu di tích Kim Liên và làng Sen.
            Mỗi em quay một video ngắn trên Flip, dùng Immersive Reader để luyện phát âm các từ
            khó. Bạn cùng lớp phản hồi bằng video theo tiêu chí rõ ràng, giáo viên tổng hợp lỗi
            thường gặp để dạy bổ trợ."""),
        goal="sử dụng được từ vựng và cấu trúc câu bị động để thuyết minh về một địa danh",
        product="video thuyết minh tiếng Anh trên Flip",
        links=("https://flip.com/s/kimLien2022",),
    ),
    Lesson(
        code="E2-007",
        title="Nước sạch cho làng chài Sầm Sơn",
        authors="Lê Đình Hưng",
        school="Trường THPT Chuyên Lam Sơn",
        province="Thanh Hóa",
        category=CAT_PROJECT,
        subject="Hóa học",
        grade="11",
        tools=("Microsoft Teams", "Microsoft Forms", "Microsoft Excel"),
        description=_p("""
            Dự án bắt đầu từ phản ánh của người dân về nước giếng nhiễm mặn và nhiễm sắt. Học sinh
            lấy mẫu ở 12 hộ gia đình, đo pH và hàm lượng sắt bằng bộ kit đơn giản, nhập kết quả
            vào Excel. Các nhóm thiết kế bộ lọc cát – than hoạt tính giá rẻ và hướng dẫn người
            dân sử dụng."""),
        goal="vận dụng kiến thức về pH, phản ứng oxi hóa – khử để xử lí nước nhiễm sắt",
        product="bộ lọc nước giá rẻ và tờ hướng dẫn sử dụng",
        photo=True,
    ),
    Lesson(
        code="E2-008",
        title="Vịnh Hạ Long – di sản và thách thức bảo tồn trong Minecraft Education",
        authors="Đỗ Thị Hải Yến",
        school="Trường THCS Trọng Điểm",
        province="Quảng Ninh",
        category=CAT_LESSON,
        subject="Lịch sử và Địa lí",
        grade="8",
        tools=("Minecraft Education", "OneNote Class Notebook"),
        description=_p("""
            Học sinh tái hiện một phần vịnh Hạ Long trong Minecraft Education, gồm các đảo đá vôi,
            hang động và làng chài nổi. Mỗi nhóm chọn một thách thức bảo tồn như rác thải nhựa
            hay khai thác du lịch và xây dựng giải pháp ngay trong thế giới ảo. Nhật kí dự án
            được ghi lại trên OneNote."""),
        goal="giải thích được giá trị địa chất – địa mạo của vịnh Hạ Long và các mối đe dọa",
        product="mô hình vịnh Hạ Long kèm giải pháp bảo tồn trong Minecraft",
        links=("https://www.youtube.com/watch?v=hL0ngBay8Mc",),
    ),
    Lesson(
        code="E2-009",
        title="Em kể chuyện bản làng: luyện nói tiếng Việt với Flip",
        authors="Giàng Thị Mỷ, Nguyễn Văn Toàn",
        school="Trường PTDTBT Tiểu học Tả Van",
        province="Lào Cai",
        category=CAT_LESSON,
        subject="Tiểu học – Tiếng Việt",
        grade="3",
        tools=("Flip", "Immersive Reader"),
        description=_p("""
            Nhiều học sinh người Mông mới bắt đầu nói tiếng Việt tự tin. Mỗi tuần các em quay một
            đoạn video ngắn kể về phiên chợ, mùa lúa, nghề dệt lanh của gia đình. Giáo viên dùng
            Immersive Reader để các em nghe lại bài đọc mẫu nhiều lần. Sau một học kì, số học sinh
            nói trọn câu tăng rõ rệt."""),
        goal="kể được một câu chuyện ngắn về cuộc sống ở bản bằng câu trọn vẹn",
        product="video kể chuyện trên Flip",
        photo=True,
    ),
    Lesson(
        code="E2-010",
        title="Điện Biên Phủ – 56 ngày đêm qua bản đồ tương tác",
        authors="Lò Văn Thanh, Quàng Thị Ngọc",
        school="Trường THPT Chuyên Lê Quý Đôn",
        province="Điện Biên",
        category=CAT_LESSON,
        subject="Lịch sử",
        grade="12",
        tools=("Microsoft Sway", "Microsoft Teams", "Microsoft Forms"),
        description=_p("""
            Học sinh dựng bản đồ tương tác ba đợt tấn công của chiến dịch Điện Biên Phủ bằng Sway,
            kết hợp ảnh tư liệu chụp tại các di tích đồi A1, hầm Đờ Cát. Các nhóm phỏng vấn cựu
            chiến binh địa phương và lồng ghép lời kể vào bài trình bày."""),
        goal="trình bày được diễn biến ba đợt tấn công và ý nghĩa lịch sử của chiến dịch",
        product="bản đồ tương tác Sway kèm lời kể nhân chứng",
        links=(
            "https://sway.office.com/DBP1954xQ2mRt8Lk",
            "https://www.youtube.com/watch?v=dBp56NgayD3",
        ),
    ),
    Lesson(
        code="E2-011",
        title="Cà phê Buôn Ma Thuột: chuỗi giá trị từ hạt đến ly",
        authors="Trần Quốc Việt, H'Ly Niê",
        school="Trường THPT Buôn Ma Thuột",
        province="Đắk Lắk",
        category=CAT_STEM,
        subject="STEM – Sinh học",
        grade="11",
        tools=("Microsoft Teams", "Microsoft Excel", "Microsoft Sway"),
        description=_p("""
            Học sinh tìm hiểu quá trình sinh trưởng của cây cà phê, thực hành ủ phân hữu cơ từ vỏ
            cà phê và theo dõi sự phát triển của cây con trong sáu tuần. Số liệu được chia sẻ trên
            Teams giữa ba nhóm ở ba vườn khác nhau. Sản phẩm cuối là bản giới thiệu chuỗi giá trị
            cà phê dành cho khách du lịch."""),
        goal="giải thích được ảnh hưởng của dinh dưỡng khoáng đến sinh trưởng của cây",
        product="phân ủ từ vỏ cà phê và bản giới thiệu Sway",
        photo=True,
    ),
    Lesson(
        code="E2-012",
        title="Nhà kính thông minh trồng dâu tây Đà Lạt",
        authors="Phan Thị Ngọc Diệp",
        school="Trường THPT Chuyên Thăng Long",
        province="Lâm Đồng",
        category=CAT_STEM,
        subject="STEM – Công nghệ",
        grade="10",
        tools=("MakeCode micro:bit", "Microsoft Excel", "Microsoft Teams"),
        description=_p("""
            Các nhóm chế tạo mô hình nhà kính tự động tưới và bật quạt khi nhiệt độ vượt ngưỡng,
            điều khiển bằng micro:bit. Học sinh so sánh năng suất dâu tây giữa luống thường và
            luống có điều khiển, ghi nhận số liệu trong Excel. Dự án được hợp tác xã dâu tây
            địa phương góp ý và thử nghiệm."""),
        goal="thiết kế được hệ thống điều khiển tự động dựa trên cảm biến nhiệt độ và độ ẩm",
        product="mô hình nhà kính tự động điều khiển bằng micro:bit",
        links=("https://www.youtube.com/watch?v=StRaw8erRy1",),
        chart=True,
    ),
    Lesson(
        code="E2-013",
        title="Khởi nghiệp từ cây dừa: kế hoạch kinh doanh nhỏ của học sinh",
        authors="Võ Thị Bích Ngọc",
        school="Trường THPT Chuyên Bến Tre",
        province="Bến Tre",
        category=CAT_PROJECT,
        subject="Giáo dục kinh tế và pháp luật",
        grade="10",
        tools=("Microsoft Excel", "Microsoft Sway", "Microsoft Teams"),
        description=_p("""
            Học sinh khảo sát các cơ sở làm kẹo dừa, thạch dừa và đồ thủ công từ gáo dừa, sau đó
            xây dựng kế hoạch kinh doanh nhỏ với bảng tính chi phí – doanh thu trên Excel. Các nhóm
            “gọi vốn” trước hội đồng gồm giáo viên và phụ huynh là chủ doanh nghiệp."""),
        goal="lập được kế hoạch kinh doanh đơn giản và tính được điểm hòa vốn",
        product="kế hoạch kinh doanh và bảng tính chi phí – doanh thu",
    ),
    Lesson(
        code="E2-014",
        title="Rừng ngập mặn Mũi Cà Mau đang lùi hay đang tiến?",
        authors="Dương Thanh Phong",
        school="Trường THPT Chuyên Phan Ngọc Hiển",
        province="Cà Mau",
        category=CAT_PROJECT,
        subject="Địa lí",
        grade="10",
        tools=("Power BI", "Microsoft Teams", "OneNote Class Notebook"),
        description=_p("""
            Học sinh so sánh ảnh vệ tinh qua nhiều năm để ước tính tốc độ sạt lở và bồi tụ bờ
            biển Mũi Cà Mau. Kết quả đo được tổng hợp trong Power BI và đối chiếu với số liệu của
            Ban quản lí Vườn quốc gia. Học sinh viết thư gửi chính quyền xã đề xuất trồng bổ sung
            cây đước."""),
        goal="phân tích được quá trình bồi tụ – xâm thực ở vùng cửa sông ven biển",
        product="báo cáo Power BI về biến động đường bờ biển",
        chart=True,
    ),
    Lesson(
        code="E2-015",
        title="Nhã nhạc cung đình Huế trong lớp học số",
        authors="Tôn Nữ Thảo Nguyên",
        school="Trường THPT Chuyên Quốc Học",
        province="Thừa Thiên Huế",
        category=CAT_LESSON,
        subject="Âm nhạc",
        grade="10",
        tools=("Flip", "Microsoft Sway", "Microsoft Teams"),
        description=_p("""
            Học sinh tìm hiểu các nhạc cụ trong dàn Nhã nhạc, nghe và phân biệt âm sắc qua các
            đoạn ghi âm của Nhà hát Nghệ thuật Truyền thống Cung đình Huế. Mỗi nhóm làm một Sway
            giới thiệu một nhạc cụ và biểu diễn lại tiết tấu bằng nhạc cụ gõ tự chế, quay video
            trên Flip."""),
        goal="nhận biết được âm sắc và vai trò của một số nhạc cụ trong dàn Nhã nhạc",
        product="bài giới thiệu nhạc cụ trên Sway và video biểu diễn tiết tấu",
        links=("https://flip.com/s/nhaNhacHue",),
        photo=True,
    ),
    Lesson(
        code="E2-016",
        title="Phố cổ Hội An qua nét vẽ và mô hình Minecraft",
        authors="Trương Thị Thùy Dung",
        school="Trường THCS Nguyễn Du",
        province="Quảng Nam",
        category=CAT_LESSON,
        subject="Mỹ thuật",
        grade="7",
        tools=("Minecraft Education", "Microsoft Sway"),
        description=_p("""
            Sau buổi ký họa tại phố cổ, học sinh chuyển bản vẽ thành mô hình ba chiều của Chùa Cầu
            và các ngôi nhà cổ trong Minecraft Education. Bài học giúp các em hiểu tỉ lệ, phối cảnh
            và màu sắc đặc trưng của kiến trúc Hội An."""),
        goal="vận dụng được nguyên lí tỉ lệ và phối cảnh khi thể hiện công trình kiến trúc",
        product="bản ký họa và mô hình Chùa Cầu trong Minecraft",
    ),
    Lesson(
        code="E2-017",
        title="Podcast “Quan họ kể chuyện” do học sinh thực hiện",
        authors="Ngô Thị Thanh Nhàn",
        school="Trường THPT Chuyên Bắc Ninh",
        province="Bắc Ninh",
        category=CAT_PROJECT,
        subject="Ngữ văn",
        grade="11",
        tools=("Microsoft Teams", "Clipchamp", "Microsoft Forms"),
        description=_p("""
            Học sinh phỏng vấn các nghệ nhân quan họ ở làng Diềm, ghi âm và dựng thành chuỗi
            podcast năm tập. Mỗi tập có kịch bản, lời dẫn và phần phân tích lời ca. Dự án được
            phát trên kênh truyền thông của trường và nhận hơn 3.000 lượt nghe."""),
        goal="phân tích được đặc sắc nghệ thuật của lời ca quan họ và viết kịch bản phỏng vấn",
        product="chuỗi podcast năm tập về quan họ",
        links=(
            "https://www.youtube.com/watch?v=qUanHo5tAp1",
            "https://sway.office.com/QuanHoPodcast2023",
        ),
    ),
    Lesson(
        code="E2-018",
        title="Thống kê nông sản cao nguyên đá với Excel và Forms",
        authors="Sùng Mí Chứ, Hoàng Thị Lan",
        school="Trường PTDTNT THPT tỉnh Hà Giang",
        province="Hà Giang",
        category=CAT_LESSON,
        subject="Toán",
        grade="10",
        tools=("Microsoft Forms", "Microsoft Excel"),
        description=_p("""
            Học sinh nội trú thiết kế phiếu khảo sát trên Forms để thu thập sản lượng ngô, tam giác
            mạch và mật ong của gia đình mình. Số liệu được xử lí trên Excel để tính số trung bình,
            trung vị, tứ phân vị và vẽ biểu đồ. Các em rút ra nhận xét về thu nhập nông hộ ở bản."""),
        goal="tính được các số đặc trưng đo xu thế trung tâm và độ phân tán của mẫu số liệu",
        product="báo cáo thống kê nông sản của bản",
        chart=True,
    ),
    Lesson(
        code="E2-019",
        title="Từ rơm rạ đến phân bón hữu cơ",
        authors="Lâm Thị Kim Ngân",
        school="Trường THPT Chuyên Thoại Ngọc Hầu",
        province="An Giang",
        category=CAT_STEM,
        subject="Hóa học",
        grade="12",
        tools=("Microsoft Teams", "OneNote Class Notebook", "Microsoft Excel"),
        description=_p("""
            Thay vì đốt rơm sau mùa gặt, học sinh thử nghiệm ủ rơm với chế phẩm vi sinh và đo nhiệt
            độ, độ ẩm của đống ủ mỗi ngày. Nhật kí thí nghiệm được ghi trên OneNote, số liệu vẽ
            biểu đồ trên Excel. Nhóm học sinh đã hướng dẫn năm hộ nông dân làm theo."""),
        goal="giải thích được quá trình phân hủy hữu cơ và vai trò của vi sinh vật",
        product="quy trình ủ rơm và nhật kí thí nghiệm",
        photo=True,
    ),
    Lesson(
        code="E2-020",
        title="Sếu đầu đỏ trở về Tràm Chim",
        authors="Nguyễn Hữu Nghĩa",
        school="Trường THPT Chuyên Nguyễn Quang Diêu",
        province="Đồng Tháp",
        category=CAT_PROJECT,
        subject="Sinh học",
        grade="12",
        tools=("Microsoft Sway", "Microsoft Teams", "Power BI"),
        description=_p("""
            Học sinh nghiên cứu hệ sinh thái đất ngập nước của Vườn quốc gia Tràm Chim và nguyên
            nhân số lượng sếu đầu đỏ suy giảm. Các nhóm phân tích số liệu quan sát chim nhiều năm
            bằng Power BI và đề xuất chiến dịch truyền thông bảo tồn cho học sinh trong tỉnh."""),
        goal="phân tích được mối quan hệ giữa các nhân tố sinh thái và sự biến động quần thể",
        product="chiến dịch truyền thông bảo tồn trên Sway",
        links=("https://sway.office.com/SeuDauDo2023Tc",),
    ),
    Lesson(
        code="E2-021",
        title="Rạn san hô Nha Trang – lớp học dưới biển",
        authors="Lê Thị Hồng Nhung",
        school="Trường THCS Thái Nguyên",
        province="Khánh Hòa",
        category=CAT_LESSON,
        subject="Khoa học tự nhiên",
        grade="8",
        tools=("Minecraft Education", "Microsoft Teams", "Immersive Reader"),
        description=_p("""
            Học sinh “lặn” vào rạn san hô dựng trong Minecraft Education để quan sát các loài sinh
            vật và chuỗi thức ăn. Mỗi nhóm nhận một “nhiệm vụ cứu hộ” như xử lí rác thải hay cứu
            san hô bị tẩy trắng. Học sinh khó đọc được hỗ trợ bằng Immersive Reader khi đọc
            thẻ nhiệm vụ."""),
        goal="xây dựng được chuỗi và lưới thức ăn trong hệ sinh thái rạn san hô",
        product="sơ đồ lưới thức ăn và giải pháp cứu hộ san hô",
        photo=True,
    ),
    Lesson(
        code="E2-022",
        title="Siêu thị mini: học phân số qua trò chơi",
        authors="Đặng Thị Ngọc Lan",
        school="Trường Tiểu học Đống Đa",
        province="Hà Nội",
        category=CAT_LESSON,
        subject="Tiểu học – Toán",
        grade="4",
        tools=("OneNote Class Notebook", "Microsoft Forms"),
        description=_p("""
            Lớp học biến thành siêu thị mini, học sinh chia bánh, chia nước và tính giá tiền theo
            phân số. Các phiếu bài tập tương tác được phát trên OneNote, mỗi em làm theo tốc độ
            riêng. Giáo viên theo dõi kết quả tức thì qua Forms để hỗ trợ kịp thời."""),
        goal="so sánh và cộng, trừ được các phân số cùng mẫu số trong tình huống mua bán",
        product="phiếu mua hàng và bảng tính tiền bằng phân số",
        photo=True,
    ),
    Lesson(
        code="E2-023",
        title="Pen pals across Vietnam: kết nối lớp học ba miền",
        authors="Lý Hoàng Nam",
        school="Trường THCS Nguyễn Du",
        province="TP. Hồ Chí Minh",
        category=CAT_PROJECT,
        subject="Tiếng Anh",
        grade="8",
        tools=("Microsoft Teams", "Flip", "Immersive Reader"),
        description=_p("""
            Ba lớp 8 ở TP. Hồ Chí Minh, Huế và Lào Cai kết bạn qua Teams, viết thư và trao đổi
            video bằng tiếng Anh về lễ hội, món ăn và trò chơi dân gian. Học sinh dùng Immersive
            Reader để đọc thư của bạn và tra từ mới. Dự án kết thúc bằng buổi giao lưu trực
            tuyến chung ba lớp."""),
        goal="viết được thư cá nhân bằng tiếng Anh mô tả phong tục của địa phương",
        product="thư và video giao lưu bằng tiếng Anh",
        links=(
            "https://flip.com/s/penPals3Mien",
            "https://www.youtube.com/watch?v=pEnPa1s3MvN",
        ),
    ),
    Lesson(
        code="E2-024",
        title="=Toán học quanh ta: hàm số trong đời sống",
        authors="Bùi Thị Quỳnh Anh",
        school="Trường THCS Cầu Giấy",
        province="Hà Nội",
        category=CAT_LESSON,
        subject="Toán",
        grade="9",
        tools=("Microsoft Excel", "OneNote Class Notebook", "Microsoft Forms"),
        description=_p("""
            Học sinh tìm các ví dụ về hàm số bậc nhất trong đời sống: tiền điện bậc thang, cước
            taxi, tiền nước. Các nhóm nhập số liệu vào Excel, vẽ đồ thị và so sánh các gói cước để
            đưa ra lời khuyên cho gia đình. Tiêu đề bài học được học sinh đặt theo cú pháp công
            thức Excel để nhớ rằng toán học nằm ngay trong bảng tính."""),
        goal="xác định được hàm số bậc nhất từ tình huống thực tế và vẽ được đồ thị",
        product="bảng so sánh gói cước và đồ thị hàm số",
        chart=True,
    ),
    Lesson(
        code="E2-025",
        title="Thiết kế trang web giới thiệu Đà Nẵng bằng HTML",
        authors="Nguyễn Quốc Vĩnh",
        school="Trường THCS Nguyễn Huệ",
        province="Đà Nẵng",
        category=CAT_LESSON,
        subject="Tin học",
        grade="9",
        tools=("Microsoft Teams", "Visual Studio Code", "Microsoft Forms"),
        description=_p("""
            Học sinh tự viết trang web giới thiệu cầu Rồng, bán đảo Sơn Trà & Ngũ Hành Sơn bằng
            HTML & CSS. Các em dùng thẻ <b> để nhấn mạnh tên địa danh, thẻ <img> để chèn ảnh tự
            chụp và ký tự &amp; khi cần hiển thị dấu “&”. Trang web được chấm chéo theo tiêu chí
            trên Forms."""),
        goal="sử dụng được các thẻ HTML cơ bản và thuộc tính CSS để trình bày trang web",
        product="trang web giới thiệu địa danh Đà Nẵng",
        links=("https://www.youtube.com/watch?v=htmlDaNang9",),
    ),
    Lesson(
        code="E2-026",
        title="Đo gia tốc rơi tự do bằng cảm biến micro:bit",
        authors=NFD_AUTHOR,
        school="Trường THPT Chuyên Trần Phú",
        province="Hải Phòng",
        category=CAT_STEM,
        subject="Vật lí",
        grade="10",
        tools=("MakeCode micro:bit", "Microsoft Excel"),
        description=_p("""
            Học sinh gắn micro:bit vào vật rơi, lập trình đọc gia tốc kế và truyền dữ liệu về máy
            tính. Kết quả đo được xử lí trong Excel để tính gia tốc rơi tự do và sai số. Các nhóm
            so sánh với phương pháp đo truyền thống bằng cổng quang điện."""),
        goal="đo được gia tốc rơi tự do và đánh giá được sai số của phép đo",
        product="báo cáo thí nghiệm kèm bảng số liệu",
        photo=True,
    ),
    Lesson(
        code="E2-027",
        title="Chợ nổi Cái Răng – em làm hướng dẫn viên nhí",
        authors="Trần Thị Diễm Hương",
        school="Trường Tiểu học Lê Quý Đôn",
        province="Cần Thơ",
        category=CAT_LESSON,
        subject="Tiểu học – Tự nhiên và Xã hội",
        grade="3",
        tools=("Flip", "Microsoft Sway"),
        description=_p("""
            Học sinh lớp 3 tìm hiểu hoạt động mua bán trên chợ nổi, cách “bẹo hàng” bằng cây sào.
            Mỗi em quay video giới thiệu một loại nông sản như người hướng dẫn viên. Giáo viên
            gom video thành một chuyến tham quan ảo trên Sway gửi phụ huynh."""),
        goal="kể được tên một số hoạt động sản xuất, buôn bán ở địa phương",
        product="video hướng dẫn viên nhí trên Flip",
        pdf=False,
        photo=True,
    ),
    Lesson(
        code="E2-028",
        title="Đọc hiểu “Chiếc lược ngà” với bản đồ tư duy trên OneNote",
        authors="Nguyễn Thị Thanh Hải",
        school="Trường THCS Đặng Thai Mai",
        province="Nghệ An",
        category=CAT_SKKN,
        subject="Ngữ văn",
        grade="9",
        tools=("OneNote Class Notebook", "Immersive Reader", "Microsoft Teams"),
        description=_p("""
            Sáng kiến trình bày cách tổ chức đọc hiểu truyện ngắn theo ba bước: đọc cá nhân có hỗ
            trợ Immersive Reader, lập bản đồ tư duy nhân vật trên OneNote và thảo luận nhóm trên
            Teams. Áp dụng cho bốn lớp 9 trong năm học 2021–2022, tỉ lệ học sinh đạt điểm khá giỏi
            phần đọc hiểu tăng từ 58% lên 76%."""),
        goal="phân tích được tình huống truyện và tình cha con trong tác phẩm",
        product="bản đồ tư duy nhân vật trên OneNote",
    ),
    Lesson(
        code="E2-029",
        title="Một số biện pháp dạy học đảo ngược môn Toán 7 trên Microsoft Teams",
        authors="Lê Thị Hằng",
        school="Trường THCS Trần Mai Ninh",
        province="Thanh Hóa",
        category=CAT_SKKN,
        subject="Toán",
        grade="7",
        tools=("Microsoft Teams", "Microsoft Forms", "Microsoft Stream"),
        description=_p("""
            Sáng kiến đề xuất quy trình lớp học đảo ngược: học sinh xem video bài giảng ngắn ở nhà,
            làm bài kiểm tra nhanh trên Forms, trên lớp dành thời gian cho hoạt động nhóm. Giáo viên
            dùng dữ liệu Insights trong Teams để chia nhóm theo mức độ hiểu bài."""),
        goal="giải được bài toán về đại lượng tỉ lệ thuận, tỉ lệ nghịch",
        product="bộ video bài giảng ngắn và ngân hàng câu hỏi Forms",
        chart=True,
    ),
    Lesson(
        code="E2-030",
        title="Than đá và phát triển bền vững ở vùng mỏ",
        authors="Vương Đình Khôi",
        school="Trường THPT Chuyên Hạ Long",
        province="Quảng Ninh",
        category=CAT_PROJECT,
        subject="Hóa học",
        grade="10",
        tools=("Microsoft Teams", "Power BI", "Microsoft Sway"),
        description=_p("""
            Học sinh tìm hiểu quá trình hình thành than đá, năng lượng tỏa ra khi đốt cháy và lượng
            khí thải tương ứng. Các nhóm phỏng vấn kĩ sư mỏ, phân tích số liệu phát thải bằng
            Power BI và tranh biện về lộ trình chuyển đổi năng lượng của tỉnh."""),
        goal="tính được nhiệt lượng và lượng CO2 sinh ra khi đốt cháy nhiên liệu",
        product="bài tranh biện và bảng số liệu phát thải",
    ),
    Lesson(
        code="E2-031",
        title="Phong trào Tây Sơn qua trải nghiệm Sway đa phương tiện",
        authors="Đinh Văn Hiếu",
        school="Trường THPT Quốc Học Quy Nhơn",
        province="Bình Định",
        category=CAT_LESSON,
        subject="Lịch sử",
        grade="10",
        tools=("Microsoft Sway", "Microsoft Forms"),
        description=_p("""
            Học sinh tham quan Bảo tàng Quang Trung, ghi hình võ cổ truyền và trống trận Tây Sơn
            rồi xây dựng câu chuyện đa phương tiện về phong trào Tây Sơn. Bài học kết hợp trò chơi
            nhập vai “mưu kế Quang Trung” để học sinh phân tích nghệ thuật quân sự."""),
        goal="đánh giá được vai trò của Quang Trung – Nguyễn Huệ đối với lịch sử dân tộc",
        product="câu chuyện đa phương tiện trên Sway",
        links=("https://sway.office.com/TaySonQuangTrung",),
        photo=True,
    ),
    Lesson(
        code="E2-032",
        title="Phân tích dữ liệu chè Tân Cương bằng Python và Excel",
        authors="Dương Thị Thu Trang",
        school="Trường THPT Chuyên Thái Nguyên",
        province="Thái Nguyên",
        category=CAT_PROJECT,
        subject="Tin học",
        grade="10",
        tools=("Microsoft Teams", "Microsoft Excel", "Visual Studio Code"),
        description=_p("""
            Học sinh thu thập số liệu sản lượng và giá chè búp của các hộ ở xã Tân Cương, viết
            chương trình Python đọc tệp CSV và tính các chỉ số thống kê. Kết quả được đối chiếu với
            biểu đồ trong Excel. Nhóm đề xuất thời điểm bán chè có lợi cho người trồng."""),
        goal="viết được chương trình đọc dữ liệu, dùng vòng lặp và danh sách để xử lí số liệu",
        product="chương trình Python và báo cáo phân tích giá chè",
        chart=True,
    ),
    Lesson(
        code="E2-033",
        title="Hue Festival tour guide: nói tiếng Anh tự tin",
        authors="Hoàng Thị Diệu Linh",
        school="Trường THCS Nguyễn Tri Phương",
        province="Thừa Thiên Huế",
        category=CAT_LESSON,
        subject="Tiếng Anh",
        grade="7",
        tools=("Flip", "Microsoft Teams", "Reading Progress"),
        description=_p("""
            Học sinh đóng vai hướng dẫn viên tại Festival Huế, chuẩn bị lời giới thiệu về Đại Nội,
            áo dài và ẩm thực cung đình. Reading Progress giúp giáo viên theo dõi tốc độ và độ
            chính xác khi đọc; học sinh quay video trên Flip để luyện nói."""),
        goal="giới thiệu được một lễ hội bằng tiếng Anh với từ vựng chủ đề văn hóa",
        product="video hướng dẫn viên tiếng Anh",
        links=("https://flip.com/s/hueFestival7",),
    ),
    Lesson(
        code="E2-034",
        title="Em yêu pháp luật: phòng chống mua bán người",
        authors="Nguyễn Thị Phượng",
        school="Trường PTDTNT tỉnh Kon Tum",
        province="Kon Tum",
        category=CAT_LESSON,
        subject="Giáo dục công dân",
        grade="9",
        tools=("Microsoft Sway", "Microsoft Forms", "Microsoft Teams"),
        description=_p("""
            Qua các tình huống có thật ở vùng biên giới, học sinh nhận diện thủ đoạn dụ dỗ đi làm
            ăn xa và cách tự bảo vệ. Học sinh xây dựng tờ rơi song ngữ Việt – Xơ Đăng trên Sway
            để tuyên truyền cho người thân ở buôn làng."""),
        goal="nhận biết được các hành vi vi phạm pháp luật và cách tố giác, tự bảo vệ",
        product="tờ rơi song ngữ trên Sway",
        pdf=False,
    ),
    Lesson(
        code="E2-035",
        title="Tưới tiêu thông minh cho vườn thanh long",
        authors="Châu Thanh Tùng",
        school="Trường THPT Chuyên Long An",
        province="Long An",
        category=CAT_STEM,
        subject="STEM – Công nghệ",
        grade="11",
        tools=("MakeCode micro:bit", "Microsoft Teams", "Microsoft Excel"),
        description=_p("""
            Học sinh chế tạo hệ thống tưới nhỏ giọt tự động đo độ ẩm đất bằng micro:bit, thử
            nghiệm trên vườn thanh long của gia đình một bạn trong nhóm. Sau một tháng, lượng nước
            tưới giảm khoảng 30% mà cây vẫn ra hoa đều."""),
        goal="thiết kế được mạch điều khiển bơm theo ngưỡng độ ẩm và đánh giá hiệu quả",
        product="hệ thống tưới nhỏ giọt tự động",
        photo=True,
    ),
    Lesson(
        code="E2-036",
        title="Chế tạo nhạc cụ từ vật liệu tái chế: sóng âm quanh em",
        authors="Kiều Thị Ngọc Ánh",
        school="Trường THPT Chuyên Vĩnh Phúc",
        province="Vĩnh Phúc",
        category=CAT_STEM,
        subject="Vật lí",
        grade="11",
        tools=("Microsoft Teams", "Microsoft Excel", "Flip"),
        description=_p("""
            Học sinh chế tạo đàn ống từ ống nhựa PVC và đàn dây từ hộp gỗ cũ, đo tần số âm bằng
            ứng dụng điện thoại và so sánh với tính toán lí thuyết. Buổi hòa nhạc cuối dự án được
            ghi hình và chia sẻ qua Flip."""),
        goal="giải thích được mối liên hệ giữa chiều dài cột khí, dây đàn và tần số âm",
        product="bộ nhạc cụ tái chế và bảng đo tần số",
    ),
    Lesson(
        code="E2-037",
        title="Mô phỏng Hội nghị Liên Hợp Quốc về biến đổi khí hậu",
        authors="Trần Thu Trang",
        school="Trường THPT Chuyên Hà Nội – Amsterdam",
        province="Hà Nội",
        category=CAT_PROJECT,
        subject="Tiếng Anh",
        grade="10",
        tools=("Microsoft Teams", "Microsoft Sway", "Microsoft Forms"),
        description=_p("""
            Học sinh đóng vai đại biểu của 20 quốc gia, nghiên cứu chính sách khí hậu và tranh
            luận bằng tiếng Anh trong phiên họp mô phỏng. Các đoàn soạn dự thảo nghị quyết chung
            trên Teams và bỏ phiếu qua Forms. Dự án có sự tham gia của học sinh một trường đối tác
            tại Phần Lan qua cuộc gọi trực tuyến."""),
        goal="trình bày và bảo vệ được quan điểm bằng tiếng Anh trong tranh luận chính thức",
        product="dự thảo nghị quyết về giảm phát thải",
        links=(
            "https://sway.office.com/ModelUNClimate10",
            "https://www.youtube.com/watch?v=mUnCl1mate0",
            "https://flip.com/s/munHanoi2023",
        ),
    ),
    Lesson(
        code="E2-038",
        title="Vòng tuần hoàn của nước – em là nhà khoa học nhỏ",
        authors="Phan Ngọc Trâm",
        school="Trường Tiểu học Lê Ngọc Hân",
        province="TP. Hồ Chí Minh",
        category=CAT_LESSON,
        subject="Tiểu học – Khoa học",
        grade="5",
        tools=("Minecraft Education", "OneNote Class Notebook"),
        description=_p("""
            Học sinh làm thí nghiệm bay hơi – ngưng tụ với túi nilon dán cửa sổ, rồi dựng mô hình
            vòng tuần hoàn của nước trong Minecraft Education. Mỗi em ghi nhật kí quan sát bằng
            hình vẽ và lời nói trên OneNote."""),
        goal="mô tả được vòng tuần hoàn của nước trong tự nhiên",
        product="mô hình vòng tuần hoàn nước trong Minecraft",
        photo=True,
    ),
    Lesson(
        code="E2-039",
        title="Thủy điện Sơn La: lợi ích và tác động",
        authors="Cầm Thị Xuân",
        school="Trường THPT Chuyên Sơn La",
        province="Sơn La",
        category=CAT_PROJECT,
        subject="Địa lí",
        grade="11",
        tools=("Power BI", "Microsoft Teams", "Microsoft Sway"),
        description=_p("""
            Học sinh phỏng vấn các hộ tái định cư, tìm hiểu sản lượng điện và sự thay đổi sinh kế
            trước và sau khi xây nhà máy. Số liệu được trực quan hóa bằng Power BI; các nhóm tổ
            chức tọa đàm “Dòng Đà hôm nay” với khách mời là cán bộ địa phương."""),
        goal="đánh giá được tác động kinh tế – xã hội – môi trường của công trình thủy điện",
        product="báo cáo Power BI và biên bản tọa đàm",
        chart=True,
    ),
    Lesson(
        code="E2-040",
        title="Thành cổ Quảng Trị 81 ngày đêm – bảo tàng số của lớp 9",
        authors="Lê Văn Thưởng",
        school="Trường THCS Lê Thế Hiếu",
        province="Quảng Trị",
        category=CAT_LESSON,
        subject="Lịch sử và Địa lí",
        grade="9",
        tools=("Microsoft Sway", "Flip"),
        description=_p("""
            Học sinh sưu tầm thư từ, kỉ vật và lời kể của cựu chiến binh, số hóa thành một bảo tàng
            nhỏ trên Sway. Mỗi hiện vật có lời thuyết minh do học sinh thu âm. Bài học giáo dục lòng
            biết ơn và ý thức gìn giữ kí ức lịch sử."""),
        goal="trình bày được ý nghĩa của cuộc chiến đấu bảo vệ Thành cổ Quảng Trị năm 1972",
        product="bảo tàng số trên Sway",
        pdf=False,
    ),
    Lesson(
        code="E2-041",
        title="Làm quen với thuật toán qua MakeCode Arcade",
        authors="Nguyễn Thị Kim Chi",
        school="Trường THCS Chu Văn An",
        province="Bình Dương",
        category=CAT_LESSON,
        subject="Tin học",
        grade="6",
        tools=("MakeCode Arcade", "Microsoft Teams"),
        description=_p("""
            Học sinh lớp 6 thiết kế trò chơi nhặt rác bảo vệ môi trường bằng MakeCode Arcade. Qua
            việc điều khiển nhân vật, các em làm quen với cấu trúc tuần tự, rẽ nhánh và lặp. Trò
            chơi được chia sẻ cho các lớp khác chơi thử và góp ý."""),
        goal="mô tả được thuật toán bằng cấu trúc tuần tự, rẽ nhánh và lặp",
        product="trò chơi MakeCode Arcade chủ đề môi trường",
        photo=True,
    ),
    Lesson(
        code="E2-042",
        title="Hội thảo trực tuyến liên trường: Nguyễn Du và Truyện Kiều",
        authors="Phan Thị Thu Hiền",
        school="Trường THPT Chuyên Hà Tĩnh",
        province="Hà Tĩnh",
        category=CAT_PROJECT,
        subject="Ngữ văn",
        grade="11",
        tools=("Microsoft Teams", "Microsoft Sway", "OneNote Class Notebook"),
        description=_p("""
            Học sinh ba trường ở Hà Tĩnh, Huế và Hà Nội cùng tổ chức hội thảo trực tuyến về cuộc
            đời và sự nghiệp Nguyễn Du. Mỗi trường chuẩn bị một tham luận, phản biện lẫn nhau và
            tổng hợp kỉ yếu điện tử trên Sway. Học sinh tự điều phối chương trình và thời gian."""),
        goal="đánh giá được giá trị nhân đạo và nghệ thuật của Truyện Kiều",
        product="kỉ yếu hội thảo trên Sway",
        links=("https://sway.office.com/NguyenDuHoiThao",),
    ),
    Lesson(
        code="E2-043",
        title="Hát Xoan Phú Thọ trên sân khấu số",
        authors="Nguyễn Thị Hoa",
        school="Trường THCS Lâm Thao",
        province="Phú Thọ",
        category=CAT_LESSON,
        subject="Âm nhạc",
        grade="8",
        tools=("Flip", "Microsoft Teams"),
        description=_p("""
            Học sinh học hát một làn điệu Xoan với nghệ nhân phường Xoan An Thái qua cuộc gọi
            Teams, sau đó tự dàn dựng tiết mục và quay video. Lớp bình chọn tiết mục hay nhất để
            biểu diễn tại lễ hội Đền Hùng của trường."""),
        goal="hát đúng giai điệu, tiết tấu một làn điệu hát Xoan",
        product="video tiết mục hát Xoan",
        pdf=False,
        photo=True,
    ),
    Lesson(
        code="E2-044",
        title="Chất lượng nước sông Đồng Nai qua mắt học sinh",
        authors="Trần Văn Thịnh",
        school="Trường THPT Chuyên Lương Thế Vinh",
        province="Đồng Nai",
        category=CAT_PROJECT,
        subject="Hóa học",
        grade="11",
        tools=("Microsoft Excel", "Power BI", "Microsoft Teams"),
        description=_p("""
            Học sinh lấy mẫu nước ở sáu điểm dọc sông Đồng Nai, đo pH, độ đục, hàm lượng amoni và
            so sánh với quy chuẩn. Bảng điều khiển Power BI được cập nhật mỗi tuần và chia sẻ với
            câu lạc bộ môi trường của phường."""),
        goal="xác định được một số chỉ tiêu hóa học của nước và so sánh với quy chuẩn",
        product="bảng điều khiển chất lượng nước trên Power BI",
        chart=True,
    ),
    Lesson(
        code="E2-045",
        title="Đọc to cùng Reading Progress",
        authors="Trần Thị Lụa",
        school="Trường Tiểu học Lê Hồng Phong",
        province="Hà Nam",
        category=CAT_SKKN,
        subject="Tiểu học – Tiếng Việt",
        grade="2",
        tools=("Reading Progress", "Microsoft Teams", "Immersive Reader"),
        description=_p("""
            Sáng kiến giúp học sinh lớp 2 luyện đọc thành tiếng ở nhà: các em ghi âm bài đọc qua
            Reading Progress, giáo viên xem số từ đọc đúng mỗi phút và lỗi phát âm thường gặp. Sau
            mười tuần, tốc độ đọc trung bình của lớp tăng từ 42 lên 61 tiếng mỗi phút."""),
        goal="đọc đúng, rõ ràng các bài đọc ngắn với tốc độ phù hợp",
        product="bài đọc ghi âm theo tuần",
        chart=True,
    ),
    Lesson(
        code="E2-046",
        title="Cồng chiêng Tây Nguyên và vật lí của âm thanh",
        authors="Đinh Thị Hải Yến, Rơ Châm Nhi",
        school="Trường THPT Chuyên Hùng Vương",
        province="Gia Lai",
        category=CAT_STEM,
        subject="STEM – Vật lí",
        grade="10",
        tools=("Microsoft Teams", "Microsoft Excel", "Flip"),
        description=_p("""
            Học sinh đo tần số âm của bộ chiêng đồng trong buôn, tìm hiểu vì sao kích thước và độ
            dày của chiêng tạo nên cao độ khác nhau. Các nhóm phỏng vấn nghệ nhân chỉnh chiêng và
            làm video giới thiệu di sản cho học sinh miền xuôi."""),
        goal="giải thích được sự phụ thuộc của độ cao của âm vào tần số dao động",
        product="bảng đo tần số chiêng và video giới thiệu",
        links=("https://www.youtube.com/watch?v=cOngChieng10",),
        photo=True,
    ),
    Lesson(
        code="E2-047",
        title="OneNote Math Assistant trong dạy học phương trình bậc hai",
        authors="Ngô Văn Quyết",
        school="Trường THCS Lê Quý Đôn",
        province="Bắc Giang",
        category=CAT_SKKN,
        subject="Toán",
        grade="9",
        tools=("OneNote Class Notebook", "Microsoft Teams"),
        description=_p("""
            Sáng kiến hướng dẫn học sinh dùng trợ lí toán học trong OneNote để kiểm tra từng bước
            giải phương trình bậc hai, thay vì chỉ xem đáp số. Giáo viên thiết kế phiếu tự học có
            gợi ý theo ba mức độ để học sinh tự điều chỉnh tiến độ."""),
        goal="giải được phương trình bậc hai bằng công thức nghiệm và tự kiểm tra lời giải",
        product="phiếu tự học ba mức độ trên OneNote",
    ),
    Lesson(
        code="E2-048",
        title="Microsoft Forms trong kiểm tra đánh giá thường xuyên môn Sinh học",
        authors="Võ Thị Mộng Tuyền",
        school="Trường THPT Tây Ninh",
        province="Tây Ninh",
        category=CAT_SKKN,
        subject="Sinh học",
        grade="10",
        tools=("Microsoft Forms", "Microsoft Excel", "Microsoft Teams"),
        description=_p("""
            Sáng kiến xây dựng ngân hàng câu hỏi ngắn cuối mỗi bài, có phản hồi tự động giải thích
            đáp án. Kết quả được xuất sang Excel để giáo viên nhận ra nội dung học sinh còn yếu và
            điều chỉnh kế hoạch dạy học tuần sau."""),
        goal="nêu được cấu trúc và chức năng các thành phần của tế bào",
        product="ngân hàng câu hỏi Forms có phản hồi tự động",
        pdf=False,
    ),
)

E2_JUDGES: tuple[Judge, ...] = (
    Judge(
        "GK01",
        "Nguyễn Thị Minh Phương",
        "phuong.ntm@example.edu.vn",
        "Trường Đại học Sư phạm Hà Nội",
        "Hà Nội",
    ),
    Judge("GK02", "Trần Đức Thắng", "thang.td@example.edu.vn", "Trường THPT Chuyên Lê Quý Đôn", "Đà Nẵng"),
    Judge(
        "GK03",
        "Lê Thị Ngọc Bích",
        "bich.ltn@example.edu.vn",
        "Trường Đại học Sư phạm TP. Hồ Chí Minh",
        "TP. Hồ Chí Minh",
    ),
    Judge("GK04", "Phạm Quốc Hùng", "hung.pq@example.edu.vn", "Trường THCS Đặng Thai Mai", "Nghệ An"),
    Judge(
        "GK05", "Hoàng Thị Thu Thủy", "thuy.htt@example.edu.vn", "Sở Giáo dục và Đào tạo Cần Thơ", "Cần Thơ"
    ),
    Judge(
        "GK06",
        "Đỗ Văn Trường",
        "truong.dv@example.edu.vn",
        "Trường Đại học Sư phạm, Đại học Huế",
        "Thừa Thiên Huế",
    ),
)

SEC_COLLAB = "I. Hợp tác và kiến tạo tri thức"
SEC_APPLY = "II. Vận dụng thực tiễn và công nghệ"
SEC_SELF = "III. Tự chủ và giao tiếp"

E2_RUBRIC: tuple[RubricRow, ...] = (
    RubricRow(
        "HT",
        SEC_COLLAB,
        "Hợp tác",
        _p("""Hoạt động học có yêu cầu học sinh làm việc cùng nhau, chia sẻ trách nhiệm và cùng đưa
           ra quyết định quan trọng về nội dung, quy trình hoặc sản phẩm hay không."""),
        4,
        1,
        1,
        (
            (
                1,
                "Chưa đạt — Học sinh chủ yếu làm việc cá nhân hoặc chỉ ngồi theo nhóm mà không cần "
                "trao đổi với nhau.",
            ),
            (
                2,
                "Đạt — Học sinh làm việc theo cặp hoặc nhóm nhưng chưa cùng chịu trách nhiệm về "
                "một sản phẩm chung.",
            ),
            (
                3,
                "Khá — Học sinh cùng chịu trách nhiệm về sản phẩm chung và phải cùng nhau đưa ra "
                "các quyết định quan trọng.",
            ),
            (
                4,
                "Tốt — Như mức 3, đồng thời công việc của từng thành viên phụ thuộc lẫn nhau: sản "
                "phẩm chỉ hoàn thành khi mỗi người làm tốt phần của mình.",
            ),
        ),
        "",
    ),
    RubricRow(
        "XDKT",
        SEC_COLLAB,
        "Xây dựng kiến thức",
        _p("""Học sinh có phải tự diễn giải, phân tích, tổng hợp hoặc đánh giá thông tin để tạo ra
           hiểu biết mới, và vận dụng hiểu biết đó trong bối cảnh khác hay không."""),
        4,
        1,
        1.5,
        (
            (
                1,
                "Chưa đạt — Hoạt động chủ yếu yêu cầu ghi nhớ, tái hiện thông tin hoặc làm theo "
                "quy trình có sẵn.",
            ),
            (
                2,
                "Đạt — Học sinh có diễn giải, phân tích hoặc đánh giá thông tin, nhưng đó chưa phải "
                "yêu cầu chính của hoạt động.",
            ),
            (
                3,
                "Khá — Yêu cầu chính của hoạt động là xây dựng kiến thức mới và vận dụng vào một "
                "bối cảnh mới.",
            ),
            (4, "Tốt — Như mức 3, và kiến thức được xây dựng mang tính liên môn, kết nối nhiều lĩnh vực."),
        ),
        "never",
    ),
    RubricRow(
        "GQVD",
        SEC_APPLY,
        "Giải quyết vấn đề thực tiễn và đổi mới sáng tạo",
        _p("""Học sinh có giải quyết một vấn đề có thật của cộng đồng, với người dùng có thật, và
           có triển khai ý tưởng của mình ra ngoài lớp học hay không."""),
        4,
        1,
        1.5,
        (
            (
                1,
                "Chưa đạt — Hoạt động không yêu cầu giải quyết vấn đề; học sinh chỉ làm bài tập có "
                "sẵn đáp án.",
            ),
            (
                2,
                "Đạt — Học sinh giải quyết vấn đề nhưng vấn đề mang tính giả định, chưa gắn với "
                "bối cảnh thực tế.",
            ),
            (
                3,
                "Khá — Học sinh giải quyết một vấn đề thực tiễn, tự thiết kế giải pháp cho những "
                "người cụ thể ở địa phương.",
            ),
            (
                4,
                "Tốt — Như mức 3, và giải pháp được triển khai, thử nghiệm với người dùng thật "
                "bên ngoài lớp học.",
            ),
        ),
        "extremes",
    ),
    RubricRow(
        "CNTT",
        SEC_APPLY,
        "Sử dụng CNTT cho học tập",
        _p("""Công nghệ được học sinh sử dụng như thế nào: để tiếp nhận thông tin một cách thụ động
           hay để chủ động xây dựng kiến thức và thiết kế sản phẩm cho người dùng thật."""),
        4,
        1,
        1,
        (
            (1, "Chưa đạt — Học sinh không sử dụng CNTT, hoặc chỉ giáo viên trình chiếu."),
            (2, "Đạt — Học sinh dùng CNTT để luyện tập kĩ năng hoặc tiếp nhận thông tin có sẵn."),
            (3, "Khá — Học sinh dùng CNTT để xây dựng kiến thức, hoặc để tạo ra sản phẩm số."),
            (
                4,
                "Tốt — Học sinh dùng CNTT để xây dựng kiến thức và thiết kế sản phẩm số phục vụ "
                "người dùng thật.",
            ),
        ),
        "extremes",
    ),
    RubricRow(
        "TDC",
        SEC_SELF,
        "Tự điều chỉnh",
        _p("""Học sinh có tự lập kế hoạch, theo dõi tiến độ và điều chỉnh việc học của mình dựa
           trên tiêu chí rõ ràng và phản hồi của người khác hay không."""),
        4,
        1,
        1,
        (
            (
                1,
                "Chưa đạt — Hoạt động ngắn, mọi bước do giáo viên quy định; học sinh không biết "
                "trước tiêu chí đánh giá.",
            ),
            (
                2,
                "Đạt — Học sinh biết trước tiêu chí đánh giá nhưng chưa có cơ hội lập kế hoạch "
                "hoặc tự điều chỉnh.",
            ),
            (
                3,
                "Khá — Hoạt động kéo dài, học sinh tự lập kế hoạch và có cơ hội nhận phản hồi để "
                "chỉnh sửa sản phẩm.",
            ),
            (
                4,
                "Tốt — Như mức 3, và học sinh tự đánh giá, chỉnh sửa sản phẩm dựa trên tiêu chí "
                "và phản hồi của bạn học.",
            ),
        ),
        "lowest",
    ),
    RubricRow(
        "GT",
        SEC_SELF,
        "Giao tiếp hiệu quả",
        _p("""Học sinh có phải trình bày ý tưởng một cách mạch lạc, có minh chứng, phù hợp với đối
           tượng người nghe, người đọc cụ thể hay không."""),
        4,
        1,
        1,
        (
            (
                1,
                "Chưa đạt — Học sinh không cần trình bày ý tưởng, hoặc chỉ trả lời ngắn câu hỏi "
                "của giáo viên.",
            ),
            (
                2,
                "Đạt — Học sinh trình bày một sản phẩm mở rộng nhưng chưa cần minh chứng hay "
                "định hướng người nghe.",
            ),
            (
                3,
                "Khá — Học sinh trình bày ý tưởng có minh chứng, được tổ chức mạch lạc xoay quanh "
                "một luận điểm chính.",
            ),
            (
                4,
                "Tốt — Như mức 3, và sản phẩm giao tiếp được thiết kế cho một đối tượng người "
                "nghe cụ thể, có thật.",
            ),
        ),
        "",
    ),
)

SHOWCASE_SECTION = "Tiêu chí Trường học Điển hình Microsoft"
SHOWCASE_CRITERIA: tuple[str, ...] = (
    "Cam kết chuyển đổi",
    "Xây dựng văn hóa học và phát triển",
    "Cá nhân hóa việc học cho mọi đối tượng",
    "Trang bị cho học sinh những kỹ năng sẵn sàng cho tương lai",
    "Các quyết định được dựa trên dữ liệu",
    "Đạt hiệu quả tích cực từ việc ứng dụng các giải pháp của Microsoft",
)
_SHOWCASE_DESCRIPTIONS: tuple[str, ...] = (
    _p("""Nhà trường có tầm nhìn và kế hoạch chuyển đổi số rõ ràng, được lãnh đạo cam kết, phân bổ
       nguồn lực và truyền thông tới giáo viên, học sinh, phụ huynh."""),
    _p("""Nhà trường xây dựng cộng đồng học tập chuyên môn, khuyến khích giáo viên thử nghiệm,
       chia sẻ và bồi dưỡng thường xuyên (ví dụ chứng nhận MIE Expert)."""),
    _p("""Việc học được điều chỉnh theo nhu cầu, tốc độ và hoàn cảnh của từng học sinh, kể cả học
       sinh khuyết tật, học sinh dân tộc thiểu số và học sinh có năng khiếu."""),
    _p("""Học sinh được rèn luyện hợp tác, giao tiếp, tư duy phản biện, giải quyết vấn đề và năng
       lực số qua các dự án gắn với thực tiễn."""),
    _p("""Nhà trường thu thập và phân tích dữ liệu học tập, vận hành để ra quyết định, đồng thời
       bảo vệ quyền riêng tư và an toàn dữ liệu của học sinh."""),
    _p("""Có minh chứng định lượng và định tính về hiệu quả khi ứng dụng Microsoft 365, Teams,
       Minecraft Education và các công cụ học tập khác đối với dạy và học."""),
)
SHOWCASE_RUBRIC: tuple[RubricRow, ...] = tuple(
    RubricRow(f"TC{i}", SHOWCASE_SECTION, title, desc, 10, 0.5, 1, (), "")
    for i, (title, desc) in enumerate(zip(SHOWCASE_CRITERIA, _SHOWCASE_DESCRIPTIONS, strict=True), 1)
)

SCHOOLS: tuple[School, ...] = (
    School(
        "SS-001",
        "Mỗi lớp học là một cộng đồng số",
        "Nguyễn Thị Lan Hương (Hiệu trưởng)",
        "Trường THCS Cầu Giấy",
        "Hà Nội",
        "THCS",
        _p("""Nhà trường triển khai Microsoft Teams cho toàn bộ 54 lớp từ năm 2020 và duy trì mô
           hình học tập kết hợp sau dịch. Mỗi tổ chuyên môn có sổ tay OneNote dùng chung để chia
           sẻ kế hoạch bài dạy."""),
        2150,
        118,
        21,
        100,
        "Toàn bộ kế hoạch bài dạy của các tổ chuyên môn được chia sẻ và góp ý trên OneNote.",
        photo=True,
    ),
    School(
        "SS-002",
        "Học sinh tiểu học làm chủ công nghệ",
        "Trần Thị Thanh Mai (Hiệu trưởng)",
        "Trường Tiểu học Nguyễn Bỉnh Khiêm",
        "TP. Hồ Chí Minh",
        "Tiểu học",
        _p("""Học sinh từ lớp 3 được học lập trình với MakeCode và Minecraft Education. Nhà trường
           dùng Reading Progress để theo dõi năng lực đọc của từng em và gửi báo cáo định kì cho
           phụ huynh."""),
        1320,
        64,
        9,
        85,
        "Reading Progress giúp theo dõi năng lực đọc của từng học sinh theo tuần.",
    ),
    School(
        "SS-003",
        "Trường học thông minh vì cộng đồng",
        "Lê Văn Hải (Hiệu trưởng)",
        "Trường THPT Chuyên Lê Quý Đôn",
        "Đà Nẵng",
        "THPT",
        _p("""Các dự án STEM của học sinh giải quyết vấn đề môi trường của thành phố và được trình
           bày bằng Power BI. Nhà trường là trung tâm bồi dưỡng giáo viên về công nghệ cho các
           trường trong khu vực."""),
        1050,
        96,
        17,
        100,
        "Học sinh vận hành mạng lưới trạm quan trắc không khí và chia sẻ dữ liệu với thành phố.",
        photo=True,
    ),
    School(
        "SS-004",
        "Kết nối gia đình – nhà trường bằng dữ liệu",
        "Phạm Thị Hồng Vân (Hiệu trưởng)",
        "Trường THCS Chu Văn An",
        "Hải Phòng",
        "THCS",
        _p("""Nhà trường xây dựng kho dữ liệu học tập trên Microsoft 365, dùng Power BI để phát hiện
           sớm học sinh có nguy cơ sa sút và phối hợp với phụ huynh hỗ trợ kịp thời."""),
        1480,
        82,
        11,
        95,
        "Bảng điều khiển Power BI giúp phát hiện sớm học sinh có nguy cơ sa sút.",
    ),
    School(
        "SS-005",
        "Chuyển đổi số cho vùng sông nước",
        "Huỳnh Văn Lộc (Hiệu trưởng)",
        "Trường THPT Chuyên Lý Tự Trọng",
        "Cần Thơ",
        "THPT",
        _p("""Nhà trường đưa các dự án học tập về biến đổi khí hậu và xâm nhập mặn vào chương trình
           chính khóa, hợp tác với các trường ở Đồng bằng sông Cửu Long qua Teams."""),
        980,
        88,
        13,
        90,
        "Các lớp chuyên cùng thực hiện dự án liên trường về xâm nhập mặn qua Teams.",
    ),
    School(
        "SS-006",
        "Ngôi trường hạnh phúc trong kỷ nguyên số",
        "Nguyễn Thị Bích Hạnh (Hiệu trưởng)",
        "Trường Tiểu học Đống Đa",
        "Hà Nội",
        "Tiểu học",
        _p("""Giáo viên được bồi dưỡng định kì, 100% lớp học sử dụng OneNote Class Notebook. Nhà
           trường chú trọng học tập cảm xúc – xã hội, dùng Reflect trong Teams để học sinh chia
           sẻ cảm xúc mỗi ngày."""),
        1120,
        58,
        8,
        100,
        "Học sinh chia sẻ cảm xúc hằng ngày qua Reflect, giáo viên chủ nhiệm theo dõi kịp thời.",
        pdf=False,
        photo=True,
    ),
    School(
        "SS-007",
        "Di sản và công nghệ song hành",
        "Tôn Thất Minh (Hiệu trưởng)",
        "Trường THPT Chuyên Quốc Học",
        "Thừa Thiên Huế",
        "THPT",
        _p("""Nhà trường số hóa tư liệu lịch sử hơn 125 năm, học sinh xây dựng bảo tàng ảo bằng
           Sway và Minecraft Education. Câu lạc bộ Đại sứ số hỗ trợ các trường bạn trong tỉnh."""),
        1010,
        90,
        15,
        100,
        "Học sinh số hóa tư liệu lịch sử của trường thành bảo tàng ảo.",
    ),
    School(
        "SS-008",
        "Lam Sơn – học tập không giới hạn",
        "Lê Thị Thu Hà (Phó Hiệu trưởng)",
        "Trường THPT Chuyên Lam Sơn",
        "Thanh Hóa",
        "THPT",
        _p("""Mô hình lớp học đảo ngược được triển khai ở tất cả các môn chuyên. Nhà trường dùng
           Insights trong Teams để theo dõi mức độ tham gia của học sinh và điều chỉnh kế hoạch
           dạy học."""),
        1100,
        102,
        14,
        100,
        "Mô hình lớp học đảo ngược được triển khai ở tất cả các môn chuyên.",
    ),
    School(
        "SS-009",
        "Liên cấp sáng tạo bên vịnh Hạ Long",
        "Vũ Thị Hải Đường (Hiệu trưởng)",
        "Trường Phổ thông Liên cấp Sao Mai",
        "Quảng Ninh",
        "Liên cấp",
        _p("""Mỗi học sinh có thiết bị học tập cá nhân; chương trình kỹ năng số xuyên suốt từ lớp 1
           đến lớp 12. Học sinh trung học làm các dự án khởi nghiệp gắn với du lịch địa phương."""),
        1650,
        140,
        24,
        100,
        "Chương trình kỹ năng số xuyên suốt từ lớp 1 đến lớp 12.",
        photo=True,
    ),
    School(
        "SS-010",
        "Lớp học không khoảng cách",
        "Nguyễn Văn Hòa (Hiệu trưởng)",
        "Trường THCS Nguyễn Du",
        "TP. Hồ Chí Minh",
        "THCS",
        _p("""Nhà trường hỗ trợ học sinh khuyết tật học hòa nhập với Immersive Reader, phụ đề trực
           tiếp trong Teams và tài liệu điện tử dễ tiếp cận."""),
        1390,
        76,
        10,
        90,
        "Học sinh khuyết tật học hòa nhập nhờ Immersive Reader và phụ đề trực tiếp trong Teams.",
    ),
    School(
        "SS-011",
        "Vùng cao vươn mình cùng công nghệ",
        "Lý Seo Chảo (Hiệu trưởng)",
        "Trường PTDTNT THPT tỉnh Lào Cai",
        "Lào Cai",
        "THPT",
        _p("""Dù hạ tầng mạng còn hạn chế, nhà trường dùng OneNote ngoại tuyến và đồng bộ khi có
           kết nối để học sinh nội trú tự học buổi tối. Giáo viên được bồi dưỡng qua Microsoft
           Learn."""),
        620,
        48,
        5,
        70,
        "OneNote dùng ngoại tuyến giúp học sinh nội trú tự học buổi tối dù mạng còn hạn chế.",
        pdf=False,
    ),
    School(
        "SS-012",
        "Xứ dừa chuyển mình số",
        "Võ Minh Tâm (Hiệu trưởng)",
        "Trường THPT Chuyên Bến Tre",
        "Bến Tre",
        "THPT",
        _p("""Học sinh thực hiện các dự án khởi nghiệp từ cây dừa, dùng Excel và Power BI để phân
           tích thị trường. Nhà trường đặt mục tiêu 100% giáo viên đạt chứng nhận MIE vào năm
           2024."""),
        870,
        74,
        12,
        80,
        "Học sinh dùng Excel và Power BI phân tích thị trường cho dự án khởi nghiệp.",
    ),
)

SHOWCASE_JUDGES: tuple[Judge, ...] = (
    Judge("GK01", "Nguyễn Hoàng Anh", "anh.nh@example.edu.vn", "Trường Đại học Sư phạm Hà Nội", "Hà Nội"),
    Judge(
        "GK02",
        "Trịnh Thị Diệu Thúy",
        "thuy.ttd@example.edu.vn",
        "Sở Giáo dục và Đào tạo TP. Hồ Chí Minh",
        "TP. Hồ Chí Minh",
    ),
    Judge("GK03", "Phan Quốc Bảo", "bao.pq@example.edu.vn", "Trường THPT Chuyên Quốc Học", "Thừa Thiên Huế"),
    Judge("GK04", "Mai Thị Ngọc Hân", "han.mtn@example.edu.vn", "Trường Đại học Cần Thơ", "Cần Thơ"),
)


# --------------------------------------------------------------------------------------------
# Workbook
# --------------------------------------------------------------------------------------------

HEADERS: dict[str, tuple[tuple[str, str], ...]] = {
    "Contest": (("Khoá", "key"), ("Giá trị", "value")),
    "Entries": (
        ("Mã bài", "code"),
        ("Tên bài dự thi", "title"),
        ("Tác giả", "authors"),
        ("Trường", "school"),
        ("Tỉnh/Thành phố", "province"),
        ("Hạng mục", "category"),
        ("Mô tả", "description"),
        ("Liên kết", "links"),
        ("Tệp đính kèm", "attachments"),
    ),
    "Judges": (
        ("Mã giám khảo", "judge_id"),
        ("Họ và tên", "name"),
        ("Thư điện tử", "email"),
        ("Đơn vị công tác", "school"),
        ("Tỉnh/Thành phố", "province"),
    ),
    "Rubric": (
        ("Mã tiêu chí", "criterion_id"),
        ("Phần", "section"),
        ("Tiêu chí", "criterion"),
        ("Mô tả", "description"),
        ("Điểm tối đa", "max_points"),
        ("Bước điểm", "step"),
        ("Trọng số", "weight"),
        ("Các mức", "levels"),
        ("Quy tắc nhận xét", "comment_rule"),
    ),
}
WIDTHS: dict[str, tuple[int, ...]] = {
    "Contest": (26, 80),
    "Entries": (10, 48, 30, 36, 18, 22, 70, 44, 40),
    "Judges": (16, 28, 30, 40, 18),
    "Rubric": (14, 34, 36, 60, 12, 11, 11, 80, 18),
}

Cell = str | int | float | None


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else float(value)


def _write_row(ws: Worksheet, row: int, values: Sequence[Cell]) -> None:
    for col, value in enumerate(values, 1):
        if value is None or value == "":
            continue
        cell = ws.cell(row=row, column=col)
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # keep "=..." text as text, never a formula
        cell.alignment = Alignment(wrap_text=True, vertical="top")


def _add_sheet(wb: Workbook, name: str, rows: Sequence[Sequence[Cell]]) -> None:
    ws = wb.create_sheet(name)
    header = [f"{label} ({key})" for label, key in HEADERS[name]]
    _write_row(ws, 1, header)
    for cell in ws[1]:
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = PatternFill("solid", fgColor="1F4E79")
    for index, values in enumerate(rows, 2):
        _write_row(ws, index, values)
    for col, width in enumerate(WIDTHS[name], 1):
        ws.column_dimensions[ws.cell(row=1, column=col).column_letter].width = width
    ws.freeze_panes = "A2"


def _contest_rows(info: ContestInfo) -> list[list[Cell]]:
    threshold = None if info.discrepancy_threshold is None else _number(info.discrepancy_threshold)
    return [
        ["contest_id", info.contest_id],
        ["contest_name", info.contest_name],
        ["round", info.round],
        ["deadline", info.deadline],
        ["blind", "yes" if info.blind else "no"],
        ["discrepancy_threshold", threshold],
    ]


def _judge_rows(judges: Sequence[Judge]) -> list[list[Cell]]:
    return [[j.judge_id, j.name, j.email, j.school, j.province] for j in judges]


def _rubric_rows(rubric: Sequence[RubricRow]) -> list[list[Cell]]:
    return [
        [
            r.criterion_id,
            r.section,
            r.criterion,
            r.description,
            _number(r.max_points),
            _number(r.step),
            _number(r.weight),
            "\n".join(f"{points}: {text}" for points, text in r.levels),
            r.comment_rule,
        ]
        for r in rubric
    ]


def _lesson_rows(lessons: Sequence[Lesson]) -> list[list[Cell]]:
    return [
        [
            e.code,
            e.title,
            e.authors,
            e.school,
            e.province,
            e.category,
            e.description,
            "\n".join(e.links),
            ";".join(e.attachments),
        ]
        for e in lessons
    ]


def _school_rows(schools: Sequence[School]) -> list[list[Cell]]:
    return [
        [
            s.code,
            s.title,
            s.principal,
            s.school,
            s.province,
            s.level,
            s.description,
            "",
            ";".join(s.attachments),
        ]
        for s in schools
    ]


def _deterministic_zip(data: bytes, core_xml: bytes) -> bytes:
    """Re-pack an xlsx with fixed member timestamps and a fixed docProps/core.xml."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            info.create_system = 3
            payload = core_xml if item.filename == "docProps/core.xml" else src.read(item)
            dst.writestr(info, payload)
    return out.getvalue()


def write_workbook(
    path: Path,
    info: ContestInfo,
    entries: Sequence[Sequence[Cell]],
    judges: Sequence[Judge],
    rubric: Sequence[RubricRow],
) -> None:
    """Write one organizer workbook (Contest, Entries, Judges, Rubric) byte-for-byte reproducibly."""
    wb = Workbook()
    wb.remove(wb.active)  # type: ignore[arg-type]
    _add_sheet(wb, "Contest", _contest_rows(info))
    _add_sheet(wb, "Entries", entries)
    _add_sheet(wb, "Judges", _judge_rows(judges))
    _add_sheet(wb, "Rubric", _rubric_rows(rubric))
    props = wb.properties
    props.creator = "Ban Tổ chức E2 Việt Nam"
    props.lastModifiedBy = "Ban Tổ chức E2 Việt Nam"
    props.title = info.contest_name
    props.language = "vi-VN"
    buffer = io.BytesIO()
    wb.save(buffer)
    props.created = FIXED_TIME
    props.modified = FIXED_TIME  # openpyxl stamps "now" while saving; put the fixed time back
    core_xml = tostring(props.to_tree())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(_deterministic_zip(buffer.getvalue(), core_xml))


# --------------------------------------------------------------------------------------------
# PDF attachments
# --------------------------------------------------------------------------------------------


@cache
def _register_pdf_fonts() -> None:
    pdfmetrics.registerFont(TTFont(PDF_FONT, str(FONT_REGULAR)))
    pdfmetrics.registerFont(TTFont(PDF_FONT_BOLD, str(FONT_BOLD)))
    pdfmetrics.registerFontFamily(
        PDF_FONT, normal=PDF_FONT, bold=PDF_FONT_BOLD, italic=PDF_FONT, boldItalic=PDF_FONT_BOLD
    )


@dataclass(frozen=True)
class _Styles:
    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle


@cache
def _styles() -> _Styles:
    _register_pdf_fonts()
    body = ParagraphStyle("body", fontName=PDF_FONT, fontSize=9.5, leading=13.5, spaceAfter=3)
    return _Styles(
        title=ParagraphStyle(
            "title",
            parent=body,
            fontName=PDF_FONT_BOLD,
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceAfter=4,
            textColor=colors.HexColor("#1F4E79"),
        ),
        subtitle=ParagraphStyle(
            "subtitle",
            parent=body,
            fontName=PDF_FONT_BOLD,
            fontSize=11.5,
            leading=15,
            alignment=TA_CENTER,
            spaceAfter=8,
        ),
        heading=ParagraphStyle(
            "heading",
            parent=body,
            fontName=PDF_FONT_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=7,
            spaceAfter=3,
            textColor=colors.HexColor("#1F4E79"),
        ),
        body=body,
        bullet=ParagraphStyle("bullet", parent=body, leftIndent=12, firstLineIndent=-8),
        cell=ParagraphStyle("cell", parent=body, fontSize=8.5, leading=11.5, spaceAfter=0),
        cell_bold=ParagraphStyle(
            "cell_bold", parent=body, fontName=PDF_FONT_BOLD, fontSize=8.5, leading=11.5, spaceAfter=0
        ),
    )


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text: NFC-normalised and XML-escaped (never read as markup)."""
    return Paragraph(escape(unicodedata.normalize("NFC", text)), style)


def _table(rows: Sequence[Sequence[str]], widths: Sequence[float], header: bool = True) -> Table:
    st = _styles()
    data = [
        [
            _para(text, st.cell_bold if (header and r == 0) or (not header and c == 0) else st.cell)
            for c, text in enumerate(row)
        ]
        for r, row in enumerate(rows)
    ]
    table = Table(data, colWidths=list(widths), repeatRows=1 if header else 0)
    commands: list[Any] = [
        ("FONTNAME", (0, 0), (-1, -1), PDF_FONT),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#8EA9C1")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F0")))
    else:
        commands.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#EEF3F8")))
    table.setStyle(TableStyle(commands))
    return table


def _footer(text: str) -> Callable[[Canvas, SimpleDocTemplate], None]:
    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(PDF_FONT, 7.5)
        canvas.setFillColor(colors.HexColor("#555555"))
        canvas.drawString(doc.leftMargin, 10 * mm, unicodedata.normalize("NFC", text))
        canvas.drawRightString(A4[0] - doc.rightMargin, 10 * mm, f"Trang {doc.page}")
        canvas.restoreState()

    return draw


def _build_pdf(path: Path, story: list[Flowable], title: str, author: str, footer: str) -> None:
    _register_pdf_fonts()
    doc = SimpleDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=16 * mm,
        bottomMargin=18 * mm,
        title=unicodedata.normalize("NFC", title),
        author=unicodedata.normalize("NFC", author),
        creator="E2 Judge demo",
        lang="vi-VN",
        invariant=1,
        pageCompression=1,
        initialFontName=PDF_FONT,
        initialFontSize=9.5,
    )
    draw = _footer(footer)
    doc.build(story, onFirstPage=draw, onLaterPages=draw)


_QUALITIES = (
    "trách nhiệm – hoàn thành phần việc được giao đúng hạn, tôn trọng ý kiến của bạn.",
    "chăm chỉ – kiên trì thu thập và kiểm tra số liệu, chủ động tìm hiểu thêm.",
    "yêu nước – trân trọng, tự hào về di sản và con người quê hương.",
    "trung thực – ghi nhận đúng kết quả quan sát, trích dẫn nguồn tư liệu rõ ràng.",
    "nhân ái – lắng nghe, hỗ trợ bạn gặp khó khăn trong nhóm.",
)


def _duration(lesson: Lesson) -> str:
    if lesson.category == CAT_PROJECT:
        return "4 tuần (6 tiết trên lớp, còn lại học sinh làm việc nhóm ngoài giờ)"
    if lesson.category == CAT_STEM:
        return "3 tuần (4 tiết trên lớp và 2 buổi thực hành)"
    if lesson.category == CAT_SKKN:
        return "Áp dụng trong năm học 2021–2022; minh họa: 2 tiết"
    return "2 tiết (90 phút)"


def _activities(lesson: Lesson) -> list[list[str]]:
    main_tool = lesson.tools[0]
    share_tool = lesson.tools[1] if len(lesson.tools) > 1 else lesson.tools[0]
    return [
        ["Hoạt động", "Thời gian", "Nội dung và cách thức tổ chức", "Công cụ"],
        [
            "1. Mở đầu",
            "10 phút",
            f"Giáo viên nêu tình huống gắn với đời sống địa phương ({lesson.province}); học sinh chia sẻ "
            "hiểu biết ban đầu và đặt câu hỏi cần tìm hiểu.",
            "Microsoft Forms",
        ],
        [
            "2. Hình thành kiến thức",
            "25 phút",
            f"Học sinh làm việc nhóm 4 người, nghiên cứu tư liệu và thực hành để {lesson.goal}. Mỗi thành "
            "viên đảm nhận một vai trò: điều phối, thư kí, kĩ thuật, báo cáo.",
            main_tool,
        ],
        [
            "3. Luyện tập",
            "20 phút",
            "Các nhóm giải quyết nhiệm vụ theo phiếu học tập số 2, tự kiểm tra theo bảng tiêu chí và "
            "chỉnh sửa sau khi nhận góp ý của nhóm bạn.",
            share_tool,
        ],
        [
            "4. Vận dụng",
            "Ở nhà / ngoài giờ",
            f"Hoàn thiện {lesson.product}; chia sẻ với người dùng thật (phụ huynh, cộng đồng, lớp khác) "
            "và ghi lại phản hồi.",
            ", ".join(lesson.tools),
        ],
    ]


def _lesson_story(lesson: Lesson, index: int) -> list[Flowable]:
    st = _styles()
    width = A4[0] - 36 * mm
    info = [
        ["Môn học", f"{lesson.subject} – Lớp {lesson.grade}"],
        ["Thời lượng", _duration(lesson)],
        ["Tác giả", lesson.authors],
        ["Đơn vị", f"{lesson.school}, {lesson.province}"],
        ["Mã bài dự thi", lesson.code],
    ]
    story: list[Flowable] = [
        _para("KẾ HOẠCH BÀI DẠY", st.title),
        _para(lesson.title, st.subtitle),
        _table(info, [32 * mm, width - 32 * mm], header=False),
        _para("I. Mục tiêu", st.heading),
        _para(f"– Kiến thức: Học sinh {lesson.goal}.", st.bullet),
        _para(
            "– Năng lực chung: hợp tác trong nhóm, tự chủ và tự học, giải quyết vấn đề một cách sáng tạo.",
            st.bullet,
        ),
        _para(
            f"– Năng lực số: sử dụng {', '.join(lesson.tools)} để tìm kiếm, xử lí thông tin và "
            "chia sẻ sản phẩm một cách an toàn, có trách nhiệm.",
            st.bullet,
        ),
        _para(f"– Phẩm chất: {_QUALITIES[index % len(_QUALITIES)]}", st.bullet),
        _para("II. Thiết bị dạy học và học liệu", st.heading),
        _para(
            "– Máy chiếu, máy tính của giáo viên; mỗi nhóm một thiết bị có kết nối Internet; tài "
            "khoản Microsoft 365 A1 do nhà trường cấp.",
            st.bullet,
        ),
        _para(
            "– Phiếu học tập số 1 (khám phá), số 2 (luyện tập); bảng tiêu chí đánh giá sản phẩm "
            "4 mức; tư liệu ảnh, video do giáo viên chuẩn bị.",
            st.bullet,
        ),
        _para("III. Tiến trình dạy học", st.heading),
        _table(_activities(lesson), [30 * mm, 22 * mm, width - 92 * mm, 40 * mm]),
        _para("IV. Kiểm tra, đánh giá", st.heading),
        _table(
            [
                ["Hình thức đánh giá", "Phương pháp", "Công cụ"],
                [
                    "Đánh giá quá trình",
                    "Quan sát, hỏi – đáp; học sinh tự đánh giá",
                    "Phiếu quan sát; câu hỏi nhanh trên Microsoft Forms",
                ],
                [
                    "Đánh giá sản phẩm",
                    f"Đánh giá {lesson.product} theo tiêu chí",
                    "Bảng tiêu chí 4 mức (Chưa đạt – Đạt – Khá – Tốt)",
                ],
                [
                    "Đánh giá đồng đẳng",
                    "Các nhóm nhận xét chéo, đề xuất chỉnh sửa",
                    "Phiếu góp ý “2 ngôi sao – 1 điều ước”",
                ],
            ],
            [40 * mm, (width - 40 * mm) / 2, (width - 40 * mm) / 2],
        ),
        Spacer(1, 4 * mm),
        _para(
            "Ghi chú: hồ sơ minh chứng (ảnh, video, sản phẩm học sinh) được lưu trong nhóm lớp trên "
            "Microsoft Teams và chia sẻ với Ban Tổ chức theo đường liên kết kèm bài dự thi.",
            st.body,
        ),
    ]
    return story


def write_lesson_pdf(path: Path, lesson: Lesson, index: int) -> None:
    """A 1–2 page "Kế hoạch bài dạy" for one entry."""
    _build_pdf(
        path,
        _lesson_story(lesson, index),
        title=f"Kế hoạch bài dạy – {lesson.title}",
        author=lesson.authors,
        footer=f"{lesson.code} · {E2_CONTEST.contest_name}",
    )


def write_school_pdf(path: Path, school: School) -> None:
    """A short, anonymised application summary for one Showcase School (the round is blind)."""
    st = _styles()
    width = A4[0] - 36 * mm
    figures = [
        ["Chỉ số", "Giá trị"],
        ["Số học sinh", f"{school.students:,}".replace(",", ".")],
        ["Số giáo viên", str(school.teachers)],
        ["Giáo viên đạt chứng nhận MIE Expert", str(school.mie_experts)],
        ["Tỉ lệ lớp học dùng Microsoft Teams", f"{school.teams_percent}%"],
    ]
    story: list[Flowable] = [
        _para("HỒ SƠ ĐĂNG KÝ TRƯỜNG HỌC ĐIỂN HÌNH MICROSOFT 2023", st.title),
        _para(f"{school.code} · {school.title}", st.subtitle),
        _para("Hồ sơ đã được Ban Tổ chức ẩn tên trường và người đại diện để phục vụ chấm độc lập.", st.body),
        _para("Tóm tắt", st.heading),
        _para(school.description, st.body),
        _para("Một số chỉ số", st.heading),
        _table(figures, [width * 0.6, width * 0.4]),
        _para("Minh chứng theo tiêu chí", st.heading),
    ]
    evidence = (
        "Kế hoạch chuyển đổi số giai đoạn 2021–2025 được Hội đồng trường thông qua, có ngân sách "
        "và người phụ trách cụ thể.",
        f"{school.mie_experts} giáo viên đạt chứng nhận MIE Expert; sinh hoạt chuyên môn theo "
        "nghiên cứu bài học mỗi tháng.",
        "Học sinh được giao nhiệm vụ theo mức độ; tài liệu có hỗ trợ Immersive Reader cho học sinh "
        "gặp khó khăn khi đọc.",
        "Mỗi học kì học sinh thực hiện ít nhất một dự án liên môn gắn với vấn đề của địa phương.",
        "Dữ liệu chuyên cần và kết quả học tập được tổng hợp hằng tháng (Insights, Power BI) để "
        "điều chỉnh kế hoạch dạy học và hỗ trợ học sinh kịp thời.",
        f"{school.teams_percent}% lớp học sử dụng Microsoft Teams; kết quả khảo sát phụ huynh cho "
        "thấy mức độ hài lòng tăng so với năm trước.",
    )
    for number, (criterion, text) in enumerate(zip(SHOWCASE_CRITERIA, evidence, strict=True), 1):
        story.append(_para(f"{number}. {criterion}", st.cell_bold))
        story.append(_para(f"– {text}", st.bullet))
    story.append(_para("Điểm nổi bật", st.heading))
    story.append(_para(school.highlight, st.body))
    _build_pdf(
        path,
        story,
        title=f"Hồ sơ {school.code}",
        author="Ban Tổ chức",
        footer=f"{school.code} · {SHOWCASE_CONTEST.contest_name}",
    )


# --------------------------------------------------------------------------------------------
# PNG attachments
# --------------------------------------------------------------------------------------------

Rgb = tuple[int, int, int]
_SKIN: tuple[Rgb, ...] = ((241, 204, 170), (226, 184, 146), (204, 160, 120), (186, 140, 104))
_HAIR: tuple[Rgb, ...] = ((28, 24, 22), (45, 34, 28), (20, 20, 24))


@cache
def _image_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT_REGULAR), size)


def _seed(text: str) -> int:
    return sum((i + 1) * ord(ch) for i, ch in enumerate(text))


def _save_png(image: Image.Image, path: Path) -> None:
    image.quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, format="PNG", optimize=True
    )


def _board_lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and font.getlength(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines[:3]


def write_classroom_png(path: Path, seed_text: str, board_text: str, red_scarf: bool = False) -> None:
    """A simple, photo-like classroom seen from the back row, 640×400.

    ``red_scarf``: pupils (Young Pioneers, grades 1–9) wear the red scarf, its tip on the back.
    """
    rng = random.Random(_seed(seed_text))
    width, height = 640, 400
    wall = rng.choice(((236, 226, 196), (222, 232, 214), (230, 222, 206)))
    img = Image.new("RGB", (width, height), wall)
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 230, width, height), fill=(176, 142, 104))
    for x in range(0, width, 64):
        draw.line((x, 230, x - 40, height), fill=(160, 128, 92), width=2)
    # windows with sky and a tree
    for wx in (18, 560):
        draw.rectangle((wx, 50, wx + 62, 150), fill=(168, 208, 236), outline=(250, 250, 250), width=4)
        draw.line((wx + 31, 50, wx + 31, 150), fill=(250, 250, 250), width=3)
        draw.ellipse((wx + 8, 100, wx + 50, 140), fill=(92, 150, 84))
    # board with the lesson's topic
    draw.rectangle((150, 28, 440, 150), fill=(44, 86, 62), outline=(120, 84, 52), width=6)
    font = _image_font(17, bold=True)
    for i, line in enumerate(_board_lines(board_text, font, 262)):
        draw.text((164, 42 + i * 26), line, font=font, fill=(240, 240, 228))
    # wall screen showing a video-call grid
    draw.rectangle((458, 40, 548, 110), fill=(40, 40, 48))
    for r in range(2):
        for c in range(3):
            x0, y0 = 462 + c * 29, 44 + r * 32
            draw.rectangle((x0, y0, x0 + 26, y0 + 29), fill=rng.choice(((92, 98, 190), (70, 120, 170))))
            draw.ellipse((x0 + 8, y0 + 6, x0 + 18, y0 + 16), fill=rng.choice(_SKIN))
    # teacher
    tx = rng.randint(96, 126)
    draw.rectangle(
        (tx - 12, 120, tx + 12, 190), fill=rng.choice(((176, 48, 62), (48, 84, 156), (222, 216, 200)))
    )
    draw.ellipse((tx - 11, 94, tx + 11, 118), fill=rng.choice(_SKIN))
    draw.chord((tx - 12, 92, tx + 12, 112), 180, 360, fill=rng.choice(_HAIR))
    # rows of students seen from behind, far to near
    uniform = rng.choice(((250, 250, 250), (236, 240, 250)))
    for y, scale, count in ((205, 0.7, 6), (262, 0.85, 5), (330, 1.0, 4)):
        desk_w = int(150 * scale)
        gap = (width - count * desk_w) // (count + 1)
        for d in range(count):
            x = gap + d * (desk_w + gap)
            draw.rectangle((x, y - int(26 * scale), x + desk_w, y - int(14 * scale)), fill=(150, 102, 62))
            for s in range(2):
                cx = x + int(desk_w * (0.28 + 0.44 * s)) + rng.randint(-4, 4)
                r_head = int(17 * scale)
                body_top = y - int(6 * scale)
                draw.rounded_rectangle(
                    (cx - int(26 * scale), body_top, cx + int(26 * scale), body_top + int(70 * scale)),
                    radius=int(12 * scale),
                    fill=uniform,
                )
                if red_scarf:
                    tip = int(16 * scale)
                    draw.polygon(
                        ((cx - tip, body_top + 2), (cx + tip, body_top + 2), (cx, body_top + 2 + tip)),
                        fill=(210, 36, 36),
                    )
                draw.ellipse(
                    (cx - r_head, body_top - 2 * r_head + 4, cx + r_head, body_top + 4),
                    fill=rng.choice(_HAIR),
                )
    _save_png(img, path)


def write_chart_png(path: Path, seed_text: str, title: str) -> None:
    """A small bar chart of class results, as pasted from Excel or Power BI, 640×400."""
    rng = random.Random(_seed(seed_text))
    width, height = 640, 400
    img = Image.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    title_font, label_font = _image_font(17, bold=True), _image_font(13)
    draw.text((24, 16), title, font=title_font, fill=(31, 78, 121))
    left, top, right, bottom = 64, 64, 612, 340
    for i in range(6):
        y = bottom - i * (bottom - top) // 5
        draw.line((left, y, right, y), fill=(226, 226, 226), width=1)
        draw.text((24, y - 8), str(i * 20), font=label_font, fill=(90, 90, 90))
    labels = ("Tuần 1", "Tuần 2", "Tuần 3", "Tuần 4", "Tuần 5", "Tuần 6")
    before = [rng.randint(30, 60) for _ in labels]
    after = [min(98, b + rng.randint(5, 30)) for b in before]
    slot = (right - left) // len(labels)
    for i, label in enumerate(labels):
        x = left + i * slot + 12
        for j, (value, colour) in enumerate(((before[i], (142, 169, 193)), (after[i], (31, 78, 121)))):
            y = bottom - value * (bottom - top) // 100
            draw.rectangle((x + j * 30, y, x + j * 30 + 26, bottom), fill=colour)
        draw.text((x, bottom + 8), label, font=label_font, fill=(60, 60, 60))
    draw.rectangle((380, 368, 394, 382), fill=(142, 169, 193))
    draw.text((400, 366), "Lớp đối chứng", font=label_font, fill=(60, 60, 60))
    draw.rectangle((500, 368, 514, 382), fill=(31, 78, 121))
    draw.text((520, 366), "Lớp thực nghiệm", font=label_font, fill=(60, 60, 60))
    _save_png(img, path)


def write_school_png(path: Path, seed_text: str) -> None:
    """A simple school building with the flag and trees, 640×400 (no name: the round is blind)."""
    rng = random.Random(_seed(seed_text))
    width, height = 640, 400
    img = Image.new("RGB", (width, height), (178, 214, 240))
    draw = ImageDraw.Draw(img)
    draw.rectangle((0, 300, width, height), fill=(120, 170, 96))
    draw.rectangle((0, 318, width, 350), fill=(200, 196, 186))
    facade = rng.choice(((242, 214, 120), (236, 190, 150), (226, 228, 232)))
    floors = rng.randint(3, 4)
    top = 300 - floors * 52
    draw.rectangle((110, top, 530, 300), fill=facade, outline=(150, 120, 90), width=2)
    draw.polygon(((96, top), (320, top - 40), (544, top)), fill=(170, 68, 52))
    for f in range(floors):
        for w in range(8):
            if f == floors - 1 and w in (3, 4):
                continue  # the entrance
            x0, y0 = 128 + w * 50, top + 12 + f * 52
            draw.rectangle((x0, y0, x0 + 30, y0 + 30), fill=(96, 140, 180), outline=(250, 250, 250), width=2)
    draw.rectangle((294, 248, 346, 300), fill=(120, 80, 52))
    draw.line((580, 150, 580, 318), fill=(90, 90, 90), width=4)
    draw.rectangle((582, 150, 630, 182), fill=(218, 37, 29))
    star = [
        (606 + r * math.cos(math.radians(-90 + 36 * k)), 166 + r * math.sin(math.radians(-90 + 36 * k)))
        for k, r in enumerate((10, 4) * 5)
    ]
    draw.polygon(star, fill=(255, 221, 0))
    for x in (40, 70, 560):
        draw.rectangle((x - 4, 260, x + 4, 318), fill=(110, 78, 50))
        draw.ellipse((x - 30, 200, x + 30, 270), fill=rng.choice(((70, 130, 70), (84, 150, 76))))
    _save_png(img, path)


# --------------------------------------------------------------------------------------------
# Writing everything
# --------------------------------------------------------------------------------------------


def _board_text(lesson: Lesson) -> str:
    return f"{lesson.subject}: {lesson.title.lstrip('=')}"


def _pioneers(lesson: Lesson) -> bool:
    """Whether the class is of Young Pioneer age (grades 1–9), who wear the red scarf."""
    return int(lesson.grade) <= 9


def _write_lesson_files(folder: Path) -> set[str]:
    written: set[str] = set()
    for index, lesson in enumerate(LESSONS):
        for name in lesson.attachments:
            target = folder / name
            if name.endswith(".pdf"):
                write_lesson_pdf(target, lesson, index)
            elif name.startswith("anh-lop-hoc-"):
                write_classroom_png(target, lesson.code, _board_text(lesson), _pioneers(lesson))
            else:
                write_chart_png(target, lesson.code, f"Tỉ lệ học sinh đạt yêu cầu (%) – {lesson.subject}")
            written.add(name)
    return written


def _write_school_files(folder: Path) -> set[str]:
    written: set[str] = set()
    for school in SCHOOLS:
        for name in school.attachments:
            if name.endswith(".pdf"):
                write_school_pdf(folder / name, school)
            else:
                write_school_png(folder / name, school.code)
            written.add(name)
    return written


def _prune(folder: Path, keep: set[str]) -> None:
    """Remove stale files this script wrote on an earlier run (only plain files we would name)."""
    for path in folder.iterdir():
        if path.is_file() and path.name not in keep and FILE_PATTERN.match(path.name):
            path.unlink()


def check_content() -> list[str]:
    """Problems in the demo data itself (ids, attachment names, duplicates); empty when fine."""
    problems: list[str] = []
    codes = [e.code for e in LESSONS] + [s.code for s in SCHOOLS]
    ids = codes + [j.judge_id for j in E2_JUDGES + SHOWCASE_JUDGES]
    ids += [r.criterion_id for r in E2_RUBRIC + SHOWCASE_RUBRIC]
    problems += [f"bad id {i!r}" for i in ids if not ID_PATTERN.match(i)]
    if len(set(codes)) != len(codes):
        problems.append("duplicate entry codes")
    names = [n for e in LESSONS for n in e.attachments] + [n for s in SCHOOLS for n in s.attachments]
    problems += [f"bad file name {n!r}" for n in names if not FILE_PATTERN.match(n)]
    if len(set(names)) != len(names):
        problems.append("duplicate attachment names")
    for e in LESSONS:
        if e.authors != NFD_AUTHOR and unicodedata.normalize("NFC", e.authors) != e.authors:
            problems.append(f"{e.code}: authors not NFC")
    return problems


def write_demo_sources(root: Path = DEFAULT_ROOT) -> list[Path]:
    """Write both demo contests under ``root``; return the contest folders (each has workbook.xlsx)."""
    problems = check_content()
    if problems:
        raise ValueError("demo content is inconsistent: " + "; ".join(problems))
    e2_dir = root / E2_CONTEST.folder
    ss_dir = root / SHOWCASE_CONTEST.folder
    for folder in (e2_dir / "attachments", ss_dir / "attachments"):
        folder.mkdir(parents=True, exist_ok=True)
    _prune(e2_dir / "attachments", _write_lesson_files(e2_dir / "attachments"))
    _prune(ss_dir / "attachments", _write_school_files(ss_dir / "attachments"))
    write_workbook(e2_dir / "workbook.xlsx", E2_CONTEST, _lesson_rows(LESSONS), E2_JUDGES, E2_RUBRIC)
    write_workbook(
        ss_dir / "workbook.xlsx", SHOWCASE_CONTEST, _school_rows(SCHOOLS), SHOWCASE_JUDGES, SHOWCASE_RUBRIC
    )
    return [e2_dir, ss_dir]


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = Path(args[0]) if args else DEFAULT_ROOT
    for folder in write_demo_sources(root):
        files = sorted(p for p in folder.rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in files)
        print(f"{folder}: {len(files)} files, {size / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
