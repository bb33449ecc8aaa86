<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN" sourcelanguage="en_GB">
<context>
    <name>App</name>
    <message>
        <source>E2 Judge is already open</source>
        <translation>E2 Judge đang mở</translation>
    </message>
    <message>
        <source>This profile is already open in another E2 Judge window. Use that window, or close it first.</source>
        <translation>Hồ sơ này đang được mở trong một cửa sổ E2 Judge khác. Hãy dùng cửa sổ đó, hoặc đóng nó trước.</translation>
    </message>
    <message>
        <source>Cannot open the profile</source>
        <translation>Không mở được hồ sơ</translation>
    </message>
    <message>
        <source>E2 Judge could not open the database of this profile.</source>
        <translation>E2 Judge không mở được cơ sở dữ liệu của hồ sơ này.</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Attachment viewer</source>
        <translation>Xem tệp đính kèm</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Zoom out (Ctrl+−)</source>
        <translation>Thu nhỏ (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Zoom in (Ctrl++)</source>
        <translation>Phóng to (Ctrl++)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa chiều rộng</translation>
    </message>
    <message>
        <source>Fit the width of the window (Ctrl+0)</source>
        <translation>Vừa chiều rộng cửa sổ (Ctrl+0)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Tài liệu PDF</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Hình ảnh</translation>
    </message>
    <message>
        <source>{name} — E2 Judge</source>
        <translation>{name} — E2 Judge</translation>
    </message>
    <message>
        <source>fitted to the width</source>
        <translation>vừa chiều rộng</translation>
    </message>
    <message>
        <source>Page {page} / {pages} · {zoom}</source>
        <translation>Trang {page} / {pages} · {zoom}</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Everything done in this workspace, newest first. Entries are only ever added, never changed.</source>
        <translation>Mọi việc đã làm trong không gian làm việc này, mới nhất ở trên. Nhật ký chỉ được ghi thêm, không bao giờ bị sửa.</translation>
    </message>
    <message>
        <source>About the audit log</source>
        <translation>Về nhật ký</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
</context>
<context>
    <name>CollectController</name>
    <message>
        <source>Score sheets to collect</source>
        <translation>Phiếu điểm cần thu</translation>
    </message>
    <message>
        <source>Score sheets (*.e2sheet)</source>
        <translation>Phiếu điểm (*.e2sheet)</translation>
    </message>
    <message>
        <source>Folder or USB stick with score sheets</source>
        <translation>Thư mục hoặc USB chứa phiếu điểm</translation>
    </message>
    <message>
        <source>Open the sealed score sheets ({count} files)</source>
        <translation>Mở các phiếu điểm đã niêm phong ({count} tệp)</translation>
    </message>
    <message>
        <source>Checking and merging the score sheets…</source>
        <translation>Đang kiểm tra và gộp các phiếu điểm…</translation>
    </message>
    <message>
        <source>Nothing collected</source>
        <translation>Chưa thu được phiếu nào</translation>
    </message>
    <message>
        <source>{file}: nothing was merged.</source>
        <translation>{file}: không có gì được gộp.</translation>
    </message>
    <message>
        <source>{files} files: {merged} merged, {refused} refused, {other} without change.</source>
        <translation>{files} tệp: {merged} đã gộp, {refused} bị từ chối, {other} không thay đổi.</translation>
    </message>
</context>
<context>
    <name>CollectPage</name>
    <message>
        <source>Collect sheet files…</source>
        <translation>Thu tệp phiếu điểm…</translation>
    </message>
    <message>
        <source>Collect a folder or USB stick…</source>
        <translation>Thu cả thư mục hoặc USB…</translation>
    </message>
    <message>
        <source>Drop score sheets (.e2sheet), folders or a whole USB stick here. Each file is checked on its own; nothing is merged from a refused file.</source>
        <translation>Kéo thả phiếu điểm (.e2sheet), thư mục hoặc cả USB vào đây. Mỗi tệp được kiểm tra riêng; tệp bị từ chối không được gộp chút nào.</translation>
    </message>
    <message>
        <source>How to collect sheets</source>
        <translation>Cách thu phiếu điểm</translation>
    </message>
    <message>
        <source>Collect result</source>
        <translation>Kết quả thu phiếu</translation>
    </message>
    <message>
        <source>Verdict for each file</source>
        <translation>Kết quả kiểm tra từng tệp</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Declare conflict of interest</source>
        <translation>Khai báo xung đột lợi ích</translation>
    </message>
    <message>
        <source>You are declaring that you should not judge this entry (for example: you know the authors, or it comes from your school). It will be locked, left out of your totals and reported to the organizer. You can withdraw the declaration later.</source>
        <translation>Bạn khai báo rằng mình không nên chấm bài này (ví dụ: bạn quen tác giả, hoặc bài đến từ trường của bạn). Bài sẽ bị khoá, không tính vào tổng điểm của bạn và được báo cho ban tổ chức. Bạn có thể rút lại khai báo sau.</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Bài dự thi</translation>
    </message>
    <message>
        <source>Reason for the conflict</source>
        <translation>Lý do xung đột</translation>
    </message>
    <message>
        <source>Reason (required), e.g. “The author is my colleague.”</source>
        <translation>Lý do (bắt buộc), ví dụ: “Tác giả là đồng nghiệp của tôi.”</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Declare conflict</source>
        <translation>Khai báo xung đột</translation>
    </message>
</context>
<context>
    <name>CriterionBlock</name>
    <message>
        <source>Keys: 1–9 level, arrows, C comment.</source>
        <translation>Phím: 1–9 chọn mức, mũi tên, C nhận xét.</translation>
    </message>
    <message>
        <source>max {points}</source>
        <translation>tối đa {points}</translation>
    </message>
    <message>
        <source>weight ×{weight}</source>
        <translation>trọng số ×{weight}</translation>
    </message>
    <message>
        <source>comment required</source>
        <translation>bắt buộc nhận xét</translation>
    </message>
    <message>
        <source>comment required for the lowest score</source>
        <translation>bắt buộc nhận xét khi cho mức thấp nhất</translation>
    </message>
    <message>
        <source>comment required for the highest score</source>
        <translation>bắt buộc nhận xét khi cho mức cao nhất</translation>
    </message>
    <message>
        <source>comment required for the lowest or highest score</source>
        <translation>bắt buộc nhận xét khi cho mức thấp nhất hoặc cao nhất</translation>
    </message>
    <message>
        <source>{key}{points} pt</source>
        <translation>{key}{points} điểm</translation>
    </message>
    <message>
        <source>Points for {title}</source>
        <translation>Điểm cho {title}</translation>
    </message>
    <message>
        <source>0 to {max}, step {step}</source>
        <translation>từ 0 đến {max}, bước {step}</translation>
    </message>
    <message>
        <source>Clear the score (not scored)</source>
        <translation>Xoá điểm (chưa chấm)</translation>
    </message>
    <message>
        <source>Clear score for {title}</source>
        <translation>Xoá điểm của {title}</translation>
    </message>
    <message>
        <source>Comment on this criterion (press C)</source>
        <translation>Nhận xét cho tiêu chí này (nhấn C)</translation>
    </message>
    <message>
        <source>Comment for {title}</source>
        <translation>Nhận xét cho {title}</translation>
    </message>
    <message>
        <source>— not scored</source>
        <translation>— chưa chấm</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Chưa chấm</translation>
    </message>
    <message>
        <source>Scored {points}</source>
        <translation>Đã chấm {points}</translation>
    </message>
    <message>
        <source>This score needs a comment (press C to write it).</source>
        <translation>Mức điểm này cần có nhận xét (nhấn C để viết).</translation>
    </message>
    <message>
        <source>There is no level {n} here.</source>
        <translation>Tiêu chí này không có mức {n}.</translation>
    </message>
</context>
<context>
    <name>DashboardController</name>
    <message>
        <source>{judges} judges: {returned} sent a sheet, {complete} complete, {missing} still missing.</source>
        <translation>{judges} giám khảo: {returned} đã gửi phiếu, {complete} đã chấm đủ, {missing} còn thiếu.</translation>
    </message>
    <message>
        <source>No batch has been built in this workspace yet.</source>
        <translation>Không gian làm việc này chưa tạo lô bài nào.</translation>
    </message>
    <message>
        <source>Subject: Reminder — score sheet for {contest} ({round})</source>
        <translation>Tiêu đề: Nhắc gửi phiếu điểm — {contest} ({round})</translation>
    </message>
    <message>
        <source>Dear judges,</source>
        <translation>Kính gửi quý thầy cô giám khảo,</translation>
    </message>
    <message>
        <source>Thank you for your time and care in judging {contest}. The organizing committee has not yet received a complete score sheet from the following judges:</source>
        <translation>Ban tổ chức trân trọng cảm ơn quý thầy cô đã dành thời gian và tâm huyết chấm {contest}. Ban tổ chức chưa nhận được phiếu điểm đầy đủ của các thầy cô sau:</translation>
    </message>
    <message>
        <source>no sheet received yet</source>
        <translation>chưa nhận được phiếu</translation>
    </message>
    <message>
        <source>{missing} of {assigned} entries still to score</source>
        <translation>còn {missing} trên {assigned} bài chưa chấm</translation>
    </message>
    <message>
        <source>The deadline is {deadline}.</source>
        <translation>Hạn chấm là {deadline}.</translation>
    </message>
    <message>
        <source>When you have finished, please use File → Export score sheet in E2 Judge and send us the .e2sheet file by USB stick or email. If anything is unclear, reply to this message and we will gladly help.</source>
        <translation>Khi chấm xong, kính mong thầy cô chọn Tệp → Xuất phiếu điểm trong E2 Judge và gửi tệp .e2sheet cho Ban tổ chức qua USB hoặc email. Nếu có điều gì chưa rõ, xin thầy cô trả lời thư này, chúng tôi rất sẵn lòng hỗ trợ.</translation>
    </message>
    <message>
        <source>With many thanks,</source>
        <translation>Trân trọng cảm ơn,</translation>
    </message>
    <message>
        <source>The organizing committee</source>
        <translation>Ban tổ chức</translation>
    </message>
    <message>
        <source>Reminder for {count} judges copied: paste it into an email or a message.</source>
        <translation>Đã chép lời nhắc cho {count} giám khảo: hãy dán vào email hoặc tin nhắn.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>All judges</source>
        <translation>Tất cả giám khảo</translation>
    </message>
    <message>
        <source>Not returned</source>
        <translation>Chưa gửi phiếu</translation>
    </message>
    <message>
        <source>Incomplete</source>
        <translation>Chưa chấm đủ</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Hiển thị:</translation>
    </message>
    <message>
        <source>Which judges to show</source>
        <translation>Giám khảo cần hiển thị</translation>
    </message>
    <message>
        <source>Copy reminder for missing judges</source>
        <translation>Chép lời nhắc cho giám khảo còn thiếu</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Làm mới</translation>
    </message>
    <message>
        <source>Enrol selected judge's key…</source>
        <translation>Đăng ký khoá của giám khảo đang chọn…</translation>
    </message>
    <message>
        <source>Progress summary</source>
        <translation>Tóm tắt tiến độ</translation>
    </message>
    <message>
        <source>Reminder status</source>
        <translation>Trạng thái lời nhắc</translation>
    </message>
    <message>
        <source>Progress per judge</source>
        <translation>Tiến độ từng giám khảo</translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <source>Entry details</source>
        <translation>Thông tin bài dự thi</translation>
    </message>
    <message>
        <source>Entry code</source>
        <translation>Mã bài</translation>
    </message>
    <message>
        <source>Entry title</source>
        <translation>Tên bài</translation>
    </message>
    <message>
        <source>Text warning</source>
        <translation>Cảnh báo văn bản</translation>
    </message>
    <message>
        <source>Authors</source>
        <translation>Tác giả</translation>
    </message>
    <message>
        <source>School</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Mô tả</translation>
    </message>
    <message>
        <source>Links</source>
        <translation>Liên kết</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Tệp đính kèm</translation>
    </message>
    <message>
        <source>Open attachment</source>
        <translation>Mở tệp đính kèm</translation>
    </message>
    <message>
        <source>Attachment message</source>
        <translation>Thông báo về tệp đính kèm</translation>
    </message>
    <message>
        <source>Entry information</source>
        <translation>Thông tin bài</translation>
    </message>
    <message>
        <source>Attachment preview</source>
        <translation>Xem trước tệp đính kèm</translation>
    </message>
    <message>
        <source>Image preview</source>
        <translation>Xem trước ảnh</translation>
    </message>
    <message>
        <source>PDF preview</source>
        <translation>Xem trước PDF</translation>
    </message>
    <message>
        <source>Entry text and attachments</source>
        <translation>Nội dung bài và tệp đính kèm</translation>
    </message>
    <message>
        <source>Divider between the entry text and the attachments</source>
        <translation>Thanh chia giữa nội dung bài và tệp đính kèm</translation>
    </message>
    <message>
        <source>View large</source>
        <translation>Xem cỡ lớn</translation>
    </message>
    <message>
        <source>View the attachment large</source>
        <translation>Xem tệp đính kèm cỡ lớn</translation>
    </message>
    <message>
        <source>A large view with zoom and page keys (or double-click the preview)</source>
        <translation>Xem cỡ lớn, có phóng to/thu nhỏ và lật trang (hoặc nhấp đúp vào ô xem trước)</translation>
    </message>
    <message>
        <source>Open in viewer</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Open the selected attachment with the computer's viewer</source>
        <translation>Mở tệp đính kèm đang chọn bằng ứng dụng xem của máy</translation>
    </message>
    <message>
        <source>Hidden text-direction characters were removed from this entry's text.</source>
        <translation>Đã xoá các ký tự điều khiển hướng chữ ẩn trong nội dung bài này.</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Chưa chọn bài nào</translation>
    </message>
    <message>
        <source>Select an entry in the list.</source>
        <translation>Hãy chọn một bài trong danh sách.</translation>
    </message>
    <message>
        <source>(needs Internet)</source>
        <translation>(cần Internet)</translation>
    </message>
    <message>
        <source>This entry has no attachments.</source>
        <translation>Bài này không có tệp đính kèm.</translation>
    </message>
    <message>
        <source>This file type can run programs, so E2 Judge does not open it.</source>
        <translation>Loại tệp này có thể chạy chương trình, nên E2 Judge không mở.</translation>
    </message>
    <message>
        <source>The file is missing from this computer's store; import the batch again.</source>
        <translation>Tệp không có trong kho của máy này; hãy nhập lại lô bài.</translation>
    </message>
    <message>
        <source>No program on this computer can open this file.</source>
        <translation>Máy này không có ứng dụng nào mở được tệp này.</translation>
    </message>
    <message>
        <source>The file is missing from this computer's store.</source>
        <translation>Tệp không có trong kho của máy này.</translation>
    </message>
    <message>
        <source>A video: “Open in viewer” (or Enter) plays it in the computer's player.</source>
        <translation>Tệp video: bấm “Mở” (hoặc Enter) để phát bằng trình phát của máy.</translation>
    </message>
    <message>
        <source>No preview for this file. Use “Open in viewer”.</source>
        <translation>Không xem trước được tệp này. Hãy bấm “Mở”.</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>Không hiển thị được ảnh này.</translation>
    </message>
    <message>
        <source>This PDF cannot be shown.</source>
        <translation>Không hiển thị được tệp PDF này.</translation>
    </message>
</context>
<context>
    <name>EnrolController</name>
    <message>
        <source>Public key of {judge}</source>
        <translation>Khoá công khai của {judge}</translation>
    </message>
    <message>
        <source>Judge public key (*.json *.pem)</source>
        <translation>Khoá công khai của giám khảo (*.json *.pem)</translation>
    </message>
    <message>
        <source>Key not enrolled</source>
        <translation>Chưa đăng ký khoá</translation>
    </message>
    <message>
        <source>{file}: nothing was changed.</source>
        <translation>{file}: không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Key enrolled</source>
        <translation>Đã đăng ký khoá</translation>
    </message>
    <message>
        <source>Judge {judge}'s key {fingerprint} is registered.</source>
        <translation>Đã đăng ký khoá {fingerprint} của giám khảo {judge}.</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Replace the key of {judge}</source>
        <translation>Thay khoá của {judge}</translation>
    </message>
    <message>
        <source>Enrol the key of {judge}</source>
        <translation>Đăng ký khoá của {judge}</translation>
    </message>
    <message>
        <source>Sheets signed with the current key will be refused from now on. Compare the new fingerprint with the one {name} reads to you from their app (Settings → My signing key).</source>
        <translation>Từ nay, phiếu ký bằng khoá hiện tại sẽ bị từ chối. Hãy so dấu vân tay mới với dấu vân tay {name} đọc cho bạn từ ứng dụng của họ (Cài đặt → Khoá ký của tôi).</translation>
    </message>
    <message>
        <source>Compare the fingerprint with the one {name} reads to you from their app (Settings → My signing key) before you confirm.</source>
        <translation>Hãy so dấu vân tay này với dấu vân tay {name} đọc cho bạn từ ứng dụng của họ (Cài đặt → Khoá ký của tôi) trước khi xác nhận.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Current key fingerprint</source>
        <translation>Dấu vân tay khoá hiện tại</translation>
    </message>
    <message>
        <source>New key fingerprint</source>
        <translation>Dấu vân tay khoá mới</translation>
    </message>
    <message>
        <source>Current key</source>
        <translation>Khoá hiện tại</translation>
    </message>
    <message>
        <source>New key</source>
        <translation>Khoá mới</translation>
    </message>
    <message>
        <source>Replace the key</source>
        <translation>Thay khoá</translation>
    </message>
    <message>
        <source>Enrol this key</source>
        <translation>Đăng ký khoá này</translation>
    </message>
</context>
<context>
    <name>EntryTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên bài</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng</translation>
    </message>
</context>
<context>
    <name>ExportDoneDialog</name>
    <message>
        <source>Score sheet exported</source>
        <translation>Đã xuất phiếu điểm</translation>
    </message>
    <message>
        <source>Saved safely — you can remove the USB drive</source>
        <translation>Đã lưu an toàn — có thể rút USB</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>The file was read back and its signature checked.</source>
        <translation>Tệp đã được đọc lại và kiểm tra chữ ký.</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần xuất</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khoá</translation>
    </message>
    <message>
        <source>Encrypted for the organizer and signed</source>
        <translation>Đã ký và mã hoá cho ban tổ chức</translation>
    </message>
    <message>
        <source>Signed, not encrypted (the batch has no organizer encryption key)</source>
        <translation>Đã ký, không mã hoá (gói bài không kèm khoá mã hoá của ban tổ chức)</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Bảo vệ</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>Lần xuất:</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Dấu vân tay khoá:</translation>
    </message>
    <message>
        <source>Protection:</source>
        <translation>Bảo vệ:</translation>
    </message>
    <message>
        <source>Incomplete entries</source>
        <translation>Bài chưa chấm xong</translation>
    </message>
    <message>
        <source>{n} of {total} entries were exported as incomplete. Export again when they are finished: that sheet will be revision {next}, and the organizer keeps only the newest.</source>
        <translation>{n}/{total} bài được xuất ở trạng thái chưa chấm xong. Khi chấm xong, hãy xuất lại: phiếu đó là lần xuất {next}, và ban tổ chức chỉ giữ phiếu mới nhất.</translation>
    </message>
    <message>
        <source>Text for an email to the organizer (attach the file above):</source>
        <translation>Nội dung thư gửi ban tổ chức (đính kèm tệp ở trên):</translation>
    </message>
    <message>
        <source>Email text</source>
        <translation>Nội dung thư</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Sao chép</translation>
    </message>
    <message>
        <source>Copy the email text</source>
        <translation>Sao chép nội dung thư</translation>
    </message>
    <message>
        <source>Copy the email text to the clipboard</source>
        <translation>Sao chép nội dung thư vào bộ nhớ tạm</translation>
    </message>
    <message>
        <source>Copy status</source>
        <translation>Trạng thái sao chép</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Mở thư mục</translation>
    </message>
    <message>
        <source>Open the folder of the file</source>
        <translation>Mở thư mục chứa tệp</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Đã sao chép.</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Search code, title, author… (Ctrl+F)</source>
        <translation>Tìm mã, tên bài, tác giả… (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search entries</source>
        <translation>Tìm bài</translation>
    </message>
    <message>
        <source>Accents and capitals are ignored; Esc clears the search</source>
        <translation>Không phân biệt dấu và chữ hoa; Esc để xoá ô tìm kiếm</translation>
    </message>
    <message>
        <source>Filter by status</source>
        <translation>Lọc theo trạng thái</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Lọc theo lĩnh vực</translation>
    </message>
    <message>
        <source>Filter by province</source>
        <translation>Lọc theo tỉnh/thành</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi trạng thái</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Mọi lĩnh vực</translation>
    </message>
    <message>
        <source>All provinces</source>
        <translation>Mọi tỉnh/thành</translation>
    </message>
</context>
<context>
    <name>FingerprintDialog</name>
    <message>
        <source>Organizer key fingerprint</source>
        <translation>Dấu vân tay khoá của Ban tổ chức</translation>
    </message>
    <message>
        <source>Judges compare this fingerprint with the one their app shows when they import a batch. Read it to them group by group, by phone or in person; never only by email.</source>
        <translation>Giám khảo so dấu vân tay này với dấu vân tay ứng dụng hiện khi họ nhập lô bài. Hãy đọc cho họ từng nhóm số, qua điện thoại hoặc trực tiếp; đừng chỉ gửi qua email.</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>Dấu vân tay</translation>
    </message>
    <message>
        <source>Key label</source>
        <translation>Tên khoá</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <source>Scoring guide</source>
        <translation>Hướng dẫn chấm bài</translation>
    </message>
</context>
<context>
    <name>ImportController</name>
    <message>
        <source>Checking and importing {name}…</source>
        <translation>Đang kiểm tra và nhập {name}…</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Đang nhập</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Tiến trình nhập</translation>
    </message>
    <message>
        <source>This file cannot be imported. Nothing was changed.</source>
        <translation>Không thể nhập tệp này. Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Từ chối nhập</translation>
    </message>
</context>
<context>
    <name>JudgeChoiceDialog</name>
    <message>
        <source>Which judge are you?</source>
        <translation>Bạn là giám khảo nào?</translation>
    </message>
    <message>
        <source>The workbook {name} lists {count} judges. Choose yourself: only your assignment is imported.</source>
        <translation>Sổ tính {name} có {count} giám khảo. Hãy chọn tên của bạn: chỉ phần bài được giao cho bạn được nhập.</translation>
    </message>
    <message>
        <source>Choose your name</source>
        <translation>Chọn tên của bạn</translation>
    </message>
    <message>
        <source>A workbook is not signed by the organizer, so nobody can check that it is unchanged. If you can, ask the organizer for your own signed .e2batch file and import that instead.</source>
        <translation>Sổ tính không có chữ ký của ban tổ chức, nên không ai kiểm tra được rằng nó chưa bị sửa. Nếu được, hãy xin ban tổ chức tệp .e2batch đã ký dành riêng cho bạn và nhập tệp đó thay thế.</translation>
    </message>
    <message>
        <source>Unsigned workbook</source>
        <translation>Sổ tính chưa ký</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Giám khảo</translation>
    </message>
</context>
<context>
    <name>JudgingController</name>
    <message>
        <source>Nothing to undo.</source>
        <translation>Không có gì để hoàn tác.</translation>
    </message>
</context>
<context>
    <name>JudgingView</name>
    <message>
        <source>Contest round</source>
        <translation>Vòng thi</translation>
    </message>
    <message>
        <source>Round:</source>
        <translation>Vòng thi:</translation>
    </message>
    <message>
        <source>Entry list, entry details and rubric</source>
        <translation>Danh sách bài, thông tin bài và phiếu chấm</translation>
    </message>
    <message>
        <source>Divider between the entry list and the details</source>
        <translation>Thanh chia giữa danh sách bài và thông tin bài</translation>
    </message>
    <message>
        <source>Divider between the details and the rubric</source>
        <translation>Thanh chia giữa thông tin bài và phiếu chấm</translation>
    </message>
    <message>
        <source>Entry list</source>
        <translation>Danh sách bài</translation>
    </message>
    <message>
        <source>Judge {key} · {name}</source>
        <translation>Giám khảo {key} · {name}</translation>
    </message>
    <message>
        <source>DEMO — practice only</source>
        <translation>DEMO — chỉ để thử</translation>
    </message>
    <message>
        <source>Blind judging</source>
        <translation>Chấm ẩn danh</translation>
    </message>
    <message>
        <source>Unsigned workbook</source>
        <translation>Sổ tính chưa ký</translation>
    </message>
    <message>
        <source>{shown} of {total} entries shown</source>
        <translation>Hiển thị {shown} / {total} bài</translation>
    </message>
    <message>
        <source>No entry matches “{text}”. Press Esc to clear the search.</source>
        <translation>Không có bài nào khớp với “{text}”. Nhấn Esc để xoá ô tìm kiếm.</translation>
    </message>
    <message>
        <source>No entry matches these filters.</source>
        <translation>Không có bài nào khớp với các bộ lọc này.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Settings not saved</source>
        <translation>Chưa lưu được cài đặt</translation>
    </message>
    <message>
        <source>The window settings (language, last folder) could not be saved in the profile folder; they apply until E2 Judge is closed. Your scores are not affected.</source>
        <translation>Không lưu được cài đặt cửa sổ (ngôn ngữ, thư mục gần nhất) vào thư mục hồ sơ; cài đặt vẫn có hiệu lực đến khi đóng E2 Judge. Điểm chấm của bạn không bị ảnh hưởng.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Scoring</source>
        <translation>&amp;Chấm điểm</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>Cài đặ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Offline Excel &amp;worksheet</source>
        <translation>Bảng chấm Excel &amp;ngoại tuyến</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>&amp;Open batch…</source>
        <translation>&amp;Mở lô bài…</translation>
    </message>
    <message>
        <source>&amp;Export score sheet…</source>
        <translation>&amp;Xuất phiếu điểm…</translation>
    </message>
    <message>
        <source>&amp;Print / Save PDF…</source>
        <translation>&amp;In / Lưu PDF…</translation>
    </message>
    <message>
        <source>Export E&amp;xcel…</source>
        <translation>Xuất &amp;Excel…</translation>
    </message>
    <message>
        <source>&amp;Export worksheet…</source>
        <translation>&amp;Xuất bảng chấm…</translation>
    </message>
    <message>
        <source>&amp;Import worksheet…</source>
        <translation>&amp;Nhập bảng chấm…</translation>
    </message>
    <message>
        <source>My &amp;signing key…</source>
        <translation>&amp;Khoá ký của tôi…</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Undo last score change</source>
        <translation>&amp;Hoàn tác lần chấm gần nhất</translation>
    </message>
    <message>
        <source>&amp;Next entry</source>
        <translation>&amp;Bài kế tiếp</translation>
    </message>
    <message>
        <source>&amp;Previous entry</source>
        <translation>Bài &amp;trước</translation>
    </message>
    <message>
        <source>&amp;Find entry</source>
        <translation>&amp;Tìm bài</translation>
    </message>
    <message>
        <source>Declare &amp;conflict of interest…</source>
        <translation>Khai báo &amp;xung đột lợi ích…</translation>
    </message>
    <message>
        <source>&amp;My scores…</source>
        <translation>Điểm của tô&amp;i…</translation>
    </message>
    <message>
        <source>&amp;About E2 Judge</source>
        <translation>&amp;Giới thiệu E2 Judge</translation>
    </message>
    <message>
        <source>Scoring &amp;guide</source>
        <translation>&amp;Hướng dẫn chấm bài</translation>
    </message>
    <message>
        <source>Sign your scores and save them for the organizer</source>
        <translation>Ký điểm của bạn và lưu thành tệp gửi ban tổ chức</translation>
    </message>
    <message>
        <source>Rubric reports and your summary, as PDF</source>
        <translation>Phiếu chấm và bảng tổng hợp, dạng PDF</translation>
    </message>
    <message>
        <source>Your scores as an Excel workbook (for reading)</source>
        <translation>Điểm của bạn dạng tệp Excel (để xem)</translation>
    </message>
    <message>
        <source>A workbook to score in Excel, then import back</source>
        <translation>Bảng tính để chấm trong Excel, rồi nhập lại vào ứng dụng</translation>
    </message>
    <message>
        <source>Bring back the scores typed in the offline worksheet</source>
        <translation>Đưa điểm đã nhập trong bảng chấm ngoại tuyến vào ứng dụng</translation>
    </message>
    <message>
        <source>Takes effect at once</source>
        <translation>Có hiệu lực ngay</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>bản thử</translation>
    </message>
    <message>
        <source>Import cancelled; nothing was changed.</source>
        <translation>Đã huỷ nhập; không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>Backup failed: {reason}</source>
        <translation>Sao lưu không thành công: {reason}</translation>
    </message>
    <message>
        <source>This is the last entry to score in the list.</source>
        <translation>Đây là bài cuối cùng cần chấm trong danh sách.</translation>
    </message>
    <message>
        <source>This is the first entry to score in the list.</source>
        <translation>Đây là bài đầu tiên cần chấm trong danh sách.</translation>
    </message>
    <message>
        <source>Entries with a declared conflict of interest are skipped.</source>
        <translation>Các bài đã khai báo xung đột lợi ích được bỏ qua.</translation>
    </message>
    <message>
        <source>Skipped {n} entry(ies) with a declared conflict of interest.</source>
        <translation>Đã bỏ qua {n} bài đã khai báo xung đột lợi ích.</translation>
    </message>
    <message>
        <source>Choose an entry in the list first.</source>
        <translation>Hãy chọn một bài trong danh sách trước.</translation>
    </message>
    <message>
        <source>Now scoring “{criterion}”: type 1–9 for a level, Enter for the next criterion.</source>
        <translation>Đang chấm “{criterion}”: gõ 1–9 để chọn mức, Enter để sang tiêu chí tiếp theo.</translation>
    </message>
    <message>
        <source>Key {digit} went to “{criterion}” in the rubric; the cursor is there now.</source>
        <translation>Phím {digit} đã được ghi cho “{criterion}” trong phiếu chấm; con trỏ đang ở đó.</translation>
    </message>
    <message>
        <source>{code} cannot be scored: you declared a conflict of interest ({reason}). Withdraw the declaration to score it.</source>
        <translation>Không chấm được {code}: bạn đã khai báo xung đột lợi ích ({reason}). Hãy rút lại khai báo nếu muốn chấm bài này.</translation>
    </message>
    <message>
        <source>Last score change undone ({entry}).</source>
        <translation>Đã hoàn tác lần chấm gần nhất ({entry}).</translation>
    </message>
    <message>
        <source>Score sheet saved and checked: {path}</source>
        <translation>Đã lưu và kiểm tra phiếu điểm: {path}</translation>
    </message>
    <message>
        <source>Backup restored: the scores are now those of the backup.</source>
        <translation>Đã khôi phục bản sao lưu: điểm hiện tại là điểm trong bản sao lưu.</translation>
    </message>
    <message>
        <source>Open batch</source>
        <translation>Mở lô bài</translation>
    </message>
    <message>
        <source>E2 Judge batch (*.e2batch)</source>
        <translation>Lô bài E2 Judge (*.e2batch)</translation>
    </message>
    <message>
        <source>Organizer's workbook (*.xlsx)</source>
        <translation>Sổ tính của ban tổ chức (*.xlsx)</translation>
    </message>
    <message>
        <source>All supported files (*.e2batch *.xlsx)</source>
        <translation>Mọi tệp được hỗ trợ (*.e2batch *.xlsx)</translation>
    </message>
    <message>
        <source>Import refused</source>
        <translation>Từ chối nhập</translation>
    </message>
    <message>
        <source>Only .e2batch files and the organizer's .xlsx workbook can be imported.</source>
        <translation>Chỉ nhập được tệp .e2batch và sổ tính .xlsx của ban tổ chức.</translation>
    </message>
    <message>
        <source>{batch} was already imported; nothing changed.</source>
        <translation>{batch} đã được nhập trước đó; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Imported {batch} (revision {revision}): {added} new, {updated} updated entries.</source>
        <translation>Đã nhập {batch} (bản {revision}): {added} bài mới, {updated} bài cập nhật.</translation>
    </message>
    <message>
        <source>Restore refused</source>
        <translation>Không khôi phục được</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Không có gì bị thay đổi.</translation>
    </message>
    <message>
        <source>About E2 Judge</source>
        <translation>Giới thiệu E2 Judge</translation>
    </message>
    <message>
        <source>E2 Judge {version}</source>
        <translation>E2 Judge {version}</translation>
    </message>
    <message>
        <source>Offline judging for the Education Exchange Vietnam forum.
Every score is saved at once on this computer; nothing is sent over the Internet.

Profile folder: {path}</source>
        <translation>Chấm bài ngoại tuyến cho Diễn đàn Giáo dục E2 Việt Nam (E2 Việt Nam).
Mọi điểm được lưu ngay trên máy này; không có gì được gửi qua Internet.

Thư mục hồ sơ: {path}</translation>
    </message>
    <message>
        <source>&amp;Organizer…</source>
        <translation>&amp;Ban tổ chức…</translation>
    </message>
</context>
<context>
    <name>MyScoresDialog</name>
    <message>
        <source>My scores — {round}</source>
        <translation>Điểm của tôi — {round}</translation>
    </message>
    <message>
        <source>My scores</source>
        <translation>Điểm của tôi</translation>
    </message>
    <message>
        <source>Summary of my scores</source>
        <translation>Tóm tắt điểm của tôi</translation>
    </message>
    <message>
        <source>{n} entries complete · average {mean}% · median {median}% · lowest {low}% · highest {high}%</source>
        <translation>{n} bài đã chấm xong · trung bình {mean}% · trung vị {median}% · thấp nhất {low}% · cao nhất {high}%</translation>
    </message>
    <message>
        <source>No entry is completely scored yet.</source>
        <translation>Chưa có bài nào được chấm xong.</translation>
    </message>
    <message>
        <source>Totals per entry</source>
        <translation>Tổng điểm từng bài</translation>
    </message>
    <message>
        <source>Histogram of my totals</source>
        <translation>Biểu đồ phân bố tổng điểm của tôi</translation>
    </message>
    <message>
        <source>Distribution of complete entries</source>
        <translation>Phân bố điểm các bài đã chấm xong</translation>
    </message>
    <message>
        <source>% of the maximum · red line: your average</source>
        <translation>% so với điểm tối đa · vạch đỏ: điểm trung bình của bạn</translation>
    </message>
    <message>
        <source>The histogram appears when entries are completely scored.</source>
        <translation>Biểu đồ sẽ hiện khi có bài đã chấm xong.</translation>
    </message>
</context>
<context>
    <name>NewWorkspaceDialog</name>
    <message>
        <source>New organizer workspace</source>
        <translation>Tạo không gian làm việc của Ban tổ chức</translation>
    </message>
    <message>
        <source>The workspace is a folder that holds the contest's database and the organizer's keys. The keys sign every batch you send to judges and open the sealed score sheets they send back. They are locked by a passphrase of at least {n} characters: nobody can recover it if it is forgotten, so write it down and keep it somewhere safe.</source>
        <translation>Không gian làm việc là một thư mục chứa cơ sở dữ liệu của cuộc thi và các khoá của Ban tổ chức. Khoá dùng để ký mọi lô bài gửi giám khảo và mở các phiếu điểm niêm phong họ gửi lại. Khoá được bảo vệ bằng mật khẩu ít nhất {n} ký tự: không ai khôi phục được nếu quên, vì vậy hãy ghi lại và cất giữ cẩn thận.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <source>Workspace folder</source>
        <translation>Thư mục không gian làm việc</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Choose the workspace folder</source>
        <translation>Chọn thư mục không gian làm việc</translation>
    </message>
    <message>
        <source>Who the key belongs to</source>
        <translation>Khoá của ai</translation>
    </message>
    <message>
        <source>e.g. Ban tổ chức E2 Việt Nam 2025</source>
        <translation>ví dụ: Ban tổ chức E2 Việt Nam 2025</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Độ mạnh mật khẩu</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Hiện mật khẩu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>Key label:</source>
        <translation>Tên khoá:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>Strength:</source>
        <translation>Độ mạnh:</translation>
    </message>
    <message>
        <source>Create workspace</source>
        <translation>Tạo không gian làm việc</translation>
    </message>
    <message>
        <source>too short</source>
        <translation>quá ngắn</translation>
    </message>
    <message>
        <source>weak</source>
        <translation>yếu</translation>
    </message>
    <message>
        <source>fair</source>
        <translation>tạm được</translation>
    </message>
    <message>
        <source>good</source>
        <translation>tốt</translation>
    </message>
    <message>
        <source>strong</source>
        <translation>mạnh</translation>
    </message>
    <message>
        <source>Choose a folder for the workspace.</source>
        <translation>Hãy chọn thư mục cho không gian làm việc.</translation>
    </message>
    <message>
        <source>The passphrase needs at least {n} characters.</source>
        <translation>Mật khẩu cần ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ: type the same passphrase twice.</source>
        <translation>Hai mật khẩu không khớp: hãy gõ cùng một mật khẩu hai lần.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Confirmation</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <source>Close the message</source>
        <translation>Đóng thông báo</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <source>Opening your scores…</source>
        <translation>Đang mở bảng điểm của bạn…</translation>
    </message>
</context>
<context>
    <name>OrgPassphraseDialog</name>
    <message>
        <source>Organizer passphrase</source>
        <translation>Mật khẩu Ban tổ chức</translation>
    </message>
    <message>
        <source>What the passphrase is for</source>
        <translation>Mật khẩu dùng để làm gì</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
</context>
<context>
    <name>OrgStart</name>
    <message>
        <source>The organizer's demo workspace is not bundled here.</source>
        <translation>Bản cài này không kèm không gian làm việc thử của ban tổ chức.</translation>
    </message>
</context>
<context>
    <name>OrgTables</name>
    <message>
        <source>build batches</source>
        <translation>tạo lô bài</translation>
    </message>
    <message>
        <source>collect sheets</source>
        <translation>thu phiếu điểm</translation>
    </message>
    <message>
        <source>enrol judge key</source>
        <translation>đăng ký khoá giám khảo</translation>
    </message>
    <message>
        <source>manual reassignment</source>
        <translation>phân công lại thủ công</translation>
    </message>
    <message>
        <source>export</source>
        <translation>xuất tệp</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người làm</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Việc</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Đối tượng</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Judge</source>
        <translation>Giám khảo</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Lần xuất</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <source>What it means</source>
        <translation>Ý nghĩa</translation>
    </message>
    <message>
        <source>not issued</source>
        <translation>chưa phát</translation>
    </message>
    <message>
        <source>revision {n}</source>
        <translation>lần {n}</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Batch issued</source>
        <translation>Đã phát lô bài</translation>
    </message>
    <message>
        <source>Last sheet</source>
        <translation>Phiếu gần nhất</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Nhận lúc</translation>
    </message>
    <message>
        <source>Scored / assigned</source>
        <translation>Đã chấm / được giao</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột lợi ích</translation>
    </message>
    <message>
        <source>Missing</source>
        <translation>Còn thiếu</translation>
    </message>
    <message>
        <source>discrepancy</source>
        <translation>chênh lệch lớn</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Hạng</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Bài dự thi</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên bài</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh/thành</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Số điểm</translation>
    </message>
    <message>
        <source>Raw mean</source>
        <translation>Trung bình thô</translation>
    </message>
    <message>
        <source>Normalised</source>
        <translation>Đã chuẩn hoá</translation>
    </message>
    <message>
        <source>Spread</source>
        <translation>Độ chênh</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Missing scores</source>
        <translation>Điểm còn thiếu</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Đã chấm</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Trung bình</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Độ khắt khe</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Trang tính</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Ô</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Số bài</translation>
    </message>
    <message>
        <source>Per category</source>
        <translation>Theo lĩnh vực</translation>
    </message>
    <message>
        <source>Per province</source>
        <translation>Theo tỉnh/thành</translation>
    </message>
    <message>
        <source>Own-school entries avoided</source>
        <translation>Bài cùng trường đã tránh</translation>
    </message>
</context>
<context>
    <name>OrganizerWindow</name>
    <message>
        <source>Organizer {name}</source>
        <translation>Ban tổ chức {name}</translation>
    </message>
    <message>
        <source>Creating the workspace and its keys…</source>
        <translation>Đang tạo không gian làm việc và các khoá…</translation>
    </message>
    <message>
        <source>Workspace not created</source>
        <translation>Chưa tạo được không gian làm việc</translation>
    </message>
    <message>
        <source>Open an organizer workspace</source>
        <translation>Mở không gian làm việc của Ban tổ chức</translation>
    </message>
    <message>
        <source>Not an organizer workspace</source>
        <translation>Không phải không gian làm việc của Ban tổ chức</translation>
    </message>
    <message>
        <source>No workspace open</source>
        <translation>Chưa mở không gian làm việc nào</translation>
    </message>
    <message>
        <source>Create a workspace for a new contest, or open an existing one.</source>
        <translation>Tạo không gian làm việc cho cuộc thi mới, hoặc mở một không gian đã có.</translation>
    </message>
    <message>
        <source>New workspace: no contest built yet</source>
        <translation>Không gian làm việc mới: chưa tạo cuộc thi nào</translation>
    </message>
    <message>
        <source> · deadline {date}</source>
        <translation> · hạn chấm {date}</translation>
    </message>
    <message>
        <source>E2 Judge — Organizer</source>
        <translation>E2 Judge — Ban tổ chức</translation>
    </message>
    <message>
        <source>demo</source>
        <translation>bản thử</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>Cài đặ&amp;t</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>&amp;New workspace…</source>
        <translation>Không gian làm việc &amp;mới…</translation>
    </message>
    <message>
        <source>&amp;Open workspace…</source>
        <translation>&amp;Mở không gian làm việc…</translation>
    </message>
    <message>
        <source>Organizer key &amp;fingerprint…</source>
        <translation>&amp;Dấu vân tay khoá Ban tổ chức…</translation>
    </message>
    <message>
        <source>Write an &amp;example workbook…</source>
        <translation>Ghi &amp;sổ tính mẫu…</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>1. Workbook and batches</source>
        <translation>1. Sổ tính và lô bài</translation>
    </message>
    <message>
        <source>2. Collect sheets</source>
        <translation>2. Thu phiếu điểm</translation>
    </message>
    <message>
        <source>3. Progress</source>
        <translation>3. Tiến độ</translation>
    </message>
    <message>
        <source>4. Results</source>
        <translation>4. Kết quả</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Organizer steps</source>
        <translation>Các bước của Ban tổ chức</translation>
    </message>
    <message>
        <source>Contest and round</source>
        <translation>Cuộc thi và vòng thi</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Không gian làm việc</translation>
    </message>
    <message>
        <source>Demo workspace: a throw-away copy, signed with the public DEMO key. Never use it for a real contest.</source>
        <translation>Không gian làm việc thử: một bản sao dùng một lần, ký bằng khoá DEMO công khai. Đừng bao giờ dùng cho cuộc thi thật.</translation>
    </message>
    <message>
        <source>Demo notice</source>
        <translation>Lưu ý bản thử</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Create your signing key</source>
        <translation>Tạo khoá ký của bạn</translation>
    </message>
    <message>
        <source>Passphrase of your signing key</source>
        <translation>Mật khẩu khoá ký của bạn</translation>
    </message>
    <message>
        <source>E2 Judge signs every score sheet you export with your personal key, so the organizer can check that the scores come from you and were not changed on the way. The key is created now and stays on this computer, locked by a passphrase you choose (at least {n} characters).
You will type this passphrase at every export. Nobody can recover it if it is forgotten: write it down and keep it somewhere safe.</source>
        <translation>E2 Judge ký mọi phiếu điểm bạn xuất bằng khoá riêng của bạn, để ban tổ chức kiểm tra được rằng điểm đúng là của bạn và không bị sửa trên đường gửi. Khoá được tạo ngay bây giờ và chỉ nằm trên máy tính này, được khoá bằng mật khẩu do bạn chọn (ít nhất {n} ký tự).
Bạn sẽ gõ mật khẩu này mỗi lần xuất phiếu điểm. Không ai lấy lại được mật khẩu nếu bạn quên: hãy ghi lại và cất ở nơi an toàn.</translation>
    </message>
    <message>
        <source>Type the passphrase of your signing key.</source>
        <translation>Gõ mật khẩu khoá ký của bạn.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <source>What will be signed</source>
        <translation>Nội dung sẽ được ký</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>Hiện mật khẩu</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Nhập lại:</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Tạo khoá</translation>
    </message>
    <message>
        <source>Type the passphrase.</source>
        <translation>Hãy gõ mật khẩu.</translation>
    </message>
    <message>
        <source>The passphrase must have at least {n} characters.</source>
        <translation>Mật khẩu phải có ít nhất {n} ký tự.</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same passphrase twice.</source>
        <translation>Hai mật khẩu không giống nhau. Hãy gõ cùng một mật khẩu hai lần.</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print / Save PDF</source>
        <translation>In / Lưu PDF</translation>
    </message>
    <message>
        <source>Which report?</source>
        <translation>Bạn muốn in báo cáo nào?</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Câu hỏi</translation>
    </message>
    <message>
        <source>Rubric report of this entry</source>
        <translation>Phiếu chấm bài này</translation>
    </message>
    <message>
        <source>(no entry selected)</source>
        <translation>(chưa chọn bài nào)</translation>
    </message>
    <message>
        <source>Current entry</source>
        <translation>Bài đang xem</translation>
    </message>
    <message>
        <source>Rubric reports of all entries</source>
        <translation>Phiếu chấm tất cả các bài</translation>
    </message>
    <message>
        <source>My summary table</source>
        <translation>Bảng tổng hợp của tôi</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Opens the PDF in the computer's viewer, which prints it</source>
        <translation>Mở tệp PDF bằng trình xem của máy tính để in từ đó</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <source>Worksheet refused</source>
        <translation>Không nhận bảng chấm</translation>
    </message>
    <message>
        <source>{file} has {n} problems. Nothing was applied: correct these cells in Excel, save, and import the worksheet again.</source>
        <translation>{file} có {n} lỗi. Chưa áp dụng thay đổi nào: hãy sửa các ô này trong Excel, lưu lại rồi nhập lại bảng chấm.</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Các lỗi</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Thư mục</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Ổ đĩa</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>Tìm &amp;trong:</translation>
    </message>
    <message>
        <source>Look in:</source>
        <translation>Tìm trong:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Tên tệp:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>&amp;Loại tệp:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Loại tệp:</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Thư mục:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Mở</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Lưu</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Chọn</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Chọn thư mục</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Lùi</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Tiến</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Thư mục cha</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Tạo thư mục mới</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Xem dạng danh sách</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Xem chi tiết</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Quay lại</translation>
    </message>
    <message>
        <source>Go forward</source>
        <translation>Đi tiếp</translation>
    </message>
    <message>
        <source>Go to the parent directory</source>
        <translation>Lên thư mục cha</translation>
    </message>
    <message>
        <source>Create a New Folder</source>
        <translation>Tạo một thư mục mới</translation>
    </message>
    <message>
        <source>Change to list view mode</source>
        <translation>Chuyển sang xem dạng danh sách</translation>
    </message>
    <message>
        <source>Change to detail view mode</source>
        <translation>Chuyển sang xem chi tiết</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Thanh bên</translation>
    </message>
    <message>
        <source>List of places and bookmarks</source>
        <translation>Danh sách nơi lưu và dấu trang</translation>
    </message>
    <message>
        <source>Files</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Hiện tệp &amp;ẩn</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>Thư mục &amp;mới</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Thư mục mới</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xoá</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>Đổi &amp;tên</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Nơi dùng gần đây</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 đã có.
Bạn có muốn thay thế không?</translation>
    </message>
    <message>
        <source>Are you sure you want to delete '%1'?</source>
        <translation>Bạn có chắc muốn xoá '%1' không?</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Computer</source>
        <translation>Máy tính</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Máy tính của tôi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Kích thước</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Ngày sửa</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Có</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Không</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Huỷ bỏ</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Thử lại</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Bỏ</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Trợ giúp</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Áp dụng</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Đặt lại</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Khôi phục mặc định</translation>
    </message>
</context>
<context>
    <name>ReportsController</name>
    <message>
        <source>rubric-report-{code}.pdf</source>
        <translation>phieu-cham-{code}.pdf</translation>
    </message>
    <message>
        <source>summary-{judge}.pdf</source>
        <translation>bang-tong-hop-{judge}.pdf</translation>
    </message>
    <message>
        <source>rubric-reports-{judge}.pdf</source>
        <translation>phieu-cham-tat-ca-{judge}.pdf</translation>
    </message>
    <message>
        <source>Writing the PDF…</source>
        <translation>Đang tạo tệp PDF…</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Tài liệu PDF (*.pdf)</translation>
    </message>
    <message>
        <source>PDF saved ({pages} pages): {path}</source>
        <translation>PDF đã lưu ({pages} trang): {path}</translation>
    </message>
    <message>
        <source>The PDF is open in the viewer: print it from there.</source>
        <translation>Tệp PDF đã mở trong trình xem: hãy in từ đó.</translation>
    </message>
    <message>
        <source>No program on this computer can open PDF files.</source>
        <translation>Máy tính này không có chương trình mở được tệp PDF.</translation>
    </message>
    <message>
        <source>The PDF was written here: {path}</source>
        <translation>Tệp PDF đã được lưu tại: {path}</translation>
    </message>
    <message>
        <source>scores-{judge}.xlsx</source>
        <translation>bang-diem-{judge}.xlsx</translation>
    </message>
    <message>
        <source>Export Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Đang tạo tệp Excel…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>The file was not written.</source>
        <translation>Chưa ghi được tệp.</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>Chưa ghi tệp</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>E2 Judge backs up your scores when it starts and every 10 minutes (the last 10 are kept). Restoring replaces your current scores with the chosen backup; the current scores are first saved as a new backup, so nothing is lost.</source>
        <translation>E2 Judge sao lưu điểm của bạn khi khởi động và cứ 10 phút một lần (giữ 10 bản gần nhất). Khôi phục sẽ thay điểm hiện tại bằng bản sao lưu đã chọn; điểm hiện tại được lưu thành một bản sao lưu mới trước, nên không mất gì.</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Các bản sao lưu</translation>
    </message>
    <message>
        <source>There is no backup yet.</source>
        <translation>Chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>Restore selected backup…</source>
        <translation>Khôi phục bản đã chọn…</translation>
    </message>
    <message>
        <source>Restore selected backup</source>
        <translation>Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <source>Replace your current scores with the backup of {when}?</source>
        <translation>Thay điểm hiện tại bằng bản sao lưu lúc {when}?</translation>
    </message>
    <message>
        <source>The backup holds {contents}.</source>
        <translation>Bản sao lưu chứa {contents}.</translation>
    </message>
    <message>
        <source>cannot be read</source>
        <translation>không đọc được</translation>
    </message>
    <message>
        <source>Warning: it holds fewer scores than you have now ({backup} instead of {now}). Scores given since then will be replaced (they are kept in a new backup).</source>
        <translation>Lưu ý: bản sao lưu này có ít điểm hơn hiện tại ({backup} thay vì {now}). Những điểm chấm sau thời điểm đó sẽ bị thay thế (chúng vẫn được giữ trong một bản sao lưu mới).</translation>
    </message>
    <message>
        <source>Restore refused</source>
        <translation>Không khôi phục được</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Không có gì bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>ResultsController</name>
    <message>
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <source>No results yet: build the batches and collect the sheets first.</source>
        <translation>Chưa có kết quả: hãy tạo lô bài và thu phiếu điểm trước.</translation>
    </message>
    <message>
        <source>{contest} — {round}: {entries} entries shown, {flagged} with a large discrepancy (over {threshold} points), {missing} scores missing.</source>
        <translation>{contest} — {round}: hiển thị {entries} bài, {flagged} bài chênh lệch lớn (trên {threshold} điểm), còn thiếu {missing} lượt chấm.</translation>
    </message>
    <message>
        <source>Save the results workbook</source>
        <translation>Lưu sổ tính kết quả</translation>
    </message>
    <message>
        <source>Save the results report</source>
        <translation>Lưu báo cáo kết quả</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Đang ghi {file}…</translation>
    </message>
    <message>
        <source>Written</source>
        <translation>Đã ghi</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Đã lưu: {file}</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>Chưa ghi tệp</translation>
    </message>
    <message>
        <source>{file} could not be written; nothing was changed.</source>
        <translation>Không ghi được {file}; không có gì thay đổi.</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <source>Category:</source>
        <translation>Lĩnh vực:</translation>
    </message>
    <message>
        <source>Province:</source>
        <translation>Tỉnh/thành:</translation>
    </message>
    <message>
        <source>Rank by:</source>
        <translation>Xếp hạng theo:</translation>
    </message>
    <message>
        <source>Filter by category</source>
        <translation>Lọc theo lĩnh vực</translation>
    </message>
    <message>
        <source>Filter by province</source>
        <translation>Lọc theo tỉnh/thành</translation>
    </message>
    <message>
        <source>Rank by</source>
        <translation>Xếp hạng theo</translation>
    </message>
    <message>
        <source>normalised totals</source>
        <translation>tổng điểm đã chuẩn hoá</translation>
    </message>
    <message>
        <source>raw totals</source>
        <translation>tổng điểm thô</translation>
    </message>
    <message>
        <source>Export results workbook…</source>
        <translation>Xuất sổ tính kết quả…</translation>
    </message>
    <message>
        <source>Export results PDF…</source>
        <translation>Xuất báo cáo PDF…</translation>
    </message>
    <message>
        <source>Results summary</source>
        <translation>Tóm tắt kết quả</translation>
    </message>
    <message>
        <source>Ranking of the entries</source>
        <translation>Bảng xếp hạng bài dự thi</translation>
    </message>
    <message>
        <source>Judges' figures</source>
        <translation>Số liệu của giám khảo</translation>
    </message>
    <message>
        <source>Box plot of each judge's totals</source>
        <translation>Biểu đồ hộp tổng điểm của từng giám khảo</translation>
    </message>
    <message>
        <source>Distribution of the totals</source>
        <translation>Phân bố tổng điểm</translation>
    </message>
    <message>
        <source>Judges and charts</source>
        <translation>Giám khảo và biểu đồ</translation>
    </message>
    <message>
        <source>Ranking and judges</source>
        <translation>Xếp hạng và giám khảo</translation>
    </message>
    <message>
        <source>Each judge's totals (% of the maximum)</source>
        <translation>Tổng điểm của từng giám khảo (% điểm tối đa)</translation>
    </message>
    <message>
        <source>No complete score yet.</source>
        <translation>Chưa có bài nào được chấm đủ.</translation>
    </message>
    <message>
        <source>% of the maximum</source>
        <translation>% điểm tối đa</translation>
    </message>
</context>
<context>
    <name>RubricForm</name>
    <message>
        <source>Rubric form</source>
        <translation>Phiếu chấm</translation>
    </message>
    <message>
        <source>Entry being scored</source>
        <translation>Bài đang chấm</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Tổng điểm</translation>
    </message>
    <message>
        <source>Criteria scored</source>
        <translation>Số tiêu chí đã chấm</translation>
    </message>
    <message>
        <source>Conflict of interest</source>
        <translation>Xung đột lợi ích</translation>
    </message>
    <message>
        <source>Keyboard help</source>
        <translation>Hướng dẫn phím tắt</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Các tiêu chí</translation>
    </message>
    <message>
        <source>Declare conflict of interest…</source>
        <translation>Khai báo xung đột lợi ích…</translation>
    </message>
    <message>
        <source>Declare conflict of interest</source>
        <translation>Khai báo xung đột lợi ích</translation>
    </message>
    <message>
        <source>Withdraw declaration</source>
        <translation>Rút lại khai báo</translation>
    </message>
    <message>
        <source>Withdraw conflict declaration</source>
        <translation>Rút lại khai báo xung đột</translation>
    </message>
    <message>
        <source>Overall comment</source>
        <translation>Nhận xét chung</translation>
    </message>
    <message>
        <source>Your overall comment on this entry (saved as you type)</source>
        <translation>Nhận xét chung của bạn về bài này (tự lưu khi gõ)</translation>
    </message>
    <message>
        <source>Keys: 1–9 choose a level · 0 or Delete clears · C comment · Enter/Tab next criterion · Ctrl+PgDown next entry · Ctrl+Z undo</source>
        <translation>Phím tắt: 1–9 chọn mức · 0 hoặc Delete xoá điểm · C nhận xét · Enter/Tab tiêu chí kế · Ctrl+PgDown bài kế · Ctrl+Z hoàn tác</translation>
    </message>
    <message>
        <source>No entry selected</source>
        <translation>Chưa chọn bài nào</translation>
    </message>
    <message>
        <source>You declared a conflict of interest: {reason}
This entry is locked and not counted.</source>
        <translation>Bạn đã khai báo xung đột lợi ích: {reason}
Bài này bị khoá và không được tính.</translation>
    </message>
    <message>
        <source>Total {raw} / {raw_max} · weighted {weighted} / {weighted_max} ({percent}%)</source>
        <translation>Tổng {raw} / {raw_max} · có trọng số {weighted} / {weighted_max} ({percent}%)</translation>
    </message>
    <message>
        <source>{scored} of {count} criteria scored</source>
        <translation>Đã chấm {scored} / {count} tiêu chí</translation>
    </message>
    <message>
        <source>{n} required comment(s) missing</source>
        <translation>thiếu {n} nhận xét bắt buộc</translation>
    </message>
</context>
<context>
    <name>ScoresModel</name>
    <message>
        <source>Code</source>
        <translation>Mã</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên bài</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Weighted total</source>
        <translation>Tổng có trọng số</translation>
    </message>
    <message>
        <source>% of max</source>
        <translation>% tối đa</translation>
    </message>
</context>
<context>
    <name>SheetExporter</name>
    <message>
        <source>Sign the score sheet of {judge} for {round}</source>
        <translation>Ký phiếu điểm của {judge} cho {round}</translation>
    </message>
    <message>
        <source>Folder or USB drive for the score sheet</source>
        <translation>Thư mục hoặc USB để lưu phiếu điểm</translation>
    </message>
    <message>
        <source>Signing and saving the score sheet…</source>
        <translation>Đang ký và lưu phiếu điểm…</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Type the passphrase you chose when your signing key was created.</source>
        <translation>Mật khẩu không đúng. Hãy gõ mật khẩu bạn đã chọn khi tạo khoá ký.</translation>
    </message>
    <message>
        <source>Some entries are not finished</source>
        <translation>Còn bài chưa chấm xong</translation>
    </message>
    <message>
        <source>{n} entries are not completely scored. Export them as incomplete? This sheet will be revision {revision}. When you have finished, export again: that sheet will be revision {next}, and the organizer keeps only the newest.</source>
        <translation>{n} bài chưa được chấm xong. Vẫn xuất các bài này ở trạng thái chưa chấm xong? Phiếu này là lần xuất {revision}. Khi chấm xong, hãy xuất lại: phiếu đó là lần xuất {next}, và ban tổ chức chỉ giữ phiếu mới nhất.</translation>
    </message>
    <message>
        <source>The passphrase is wrong. Nothing was exported.</source>
        <translation>Mật khẩu không đúng. Chưa xuất gì cả.</translation>
    </message>
    <message>
        <source>Type the passphrase you chose when your signing key was created.</source>
        <translation>Hãy gõ mật khẩu bạn đã chọn khi tạo khoá ký.</translation>
    </message>
    <message>
        <source>The score sheet was not exported. Nothing was changed.</source>
        <translation>Chưa xuất được phiếu điểm. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Export refused</source>
        <translation>Không xuất được</translation>
    </message>
</context>
<context>
    <name>SigningKeyDialog</name>
    <message>
        <source>My signing key</source>
        <translation>Khoá ký của tôi</translation>
    </message>
    <message>
        <source>Your score sheets are signed with this key, kept on this computer and locked by your passphrase. The organizer checks its fingerprint: if asked, read the groups of digits below to them, for example on the phone.</source>
        <translation>Phiếu điểm của bạn được ký bằng khoá này; khoá nằm trên máy tính này và được khoá bằng mật khẩu của bạn. Ban tổ chức kiểm tra dấu vân tay của khoá: khi được hỏi, hãy đọc các nhóm số dưới đây cho họ, ví dụ qua điện thoại.</translation>
    </message>
    <message>
        <source>Explanation</source>
        <translation>Giải thích</translation>
    </message>
    <message>
        <source>You have no signing key yet. It is created at your first score sheet export, or you can create it now.</source>
        <translation>Bạn chưa có khoá ký. Khoá được tạo khi bạn xuất phiếu điểm lần đầu, hoặc bạn có thể tạo ngay bây giờ.</translation>
    </message>
    <message>
        <source>No key yet</source>
        <translation>Chưa có khoá</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Dấu vân tay khoá</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>Mã khoá</translation>
    </message>
    <message>
        <source>Key owner</source>
        <translation>Chủ khoá</translation>
    </message>
    <message>
        <source>Key ID:</source>
        <translation>Mã khoá:</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Chủ khoá:</translation>
    </message>
    <message>
        <source>Export public key…</source>
        <translation>Xuất khoá công khai…</translation>
    </message>
    <message>
        <source>Export public key</source>
        <translation>Xuất khoá công khai</translation>
    </message>
    <message>
        <source>A file for the organizer; it holds nothing secret</source>
        <translation>Tệp gửi ban tổ chức; không chứa gì bí mật</translation>
    </message>
    <message>
        <source>Create key…</source>
        <translation>Tạo khoá…</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Tạo khoá</translation>
    </message>
    <message>
        <source>Creating your signing key…</source>
        <translation>Đang tạo khoá ký…</translation>
    </message>
    <message>
        <source>public-key-{judge}.json</source>
        <translation>khoa-cong-khai-{judge}.json</translation>
    </message>
    <message>
        <source>Public key (*.json)</source>
        <translation>Khoá công khai (*.json)</translation>
    </message>
    <message>
        <source>Public key, PEM (*.pem)</source>
        <translation>Khoá công khai, PEM (*.pem)</translation>
    </message>
    <message>
        <source>Public key exported</source>
        <translation>Đã xuất khoá công khai</translation>
    </message>
    <message>
        <source>Nothing was done.</source>
        <translation>Chưa làm được gì.</translation>
    </message>
</context>
<context>
    <name>StandardButton</name>
    <message>
        <source>OK</source>
        <translation>Đồng ý</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Huỷ</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Có</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Không</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>An organizer workspace holds one contest: its entries, judges and rubric, the signed batches, the score sheets that come back and the results.</source>
        <translation>Một không gian làm việc của Ban tổ chức chứa một cuộc thi: bài dự thi, giám khảo và tiêu chí chấm, các lô bài đã ký, phiếu điểm gửi về và kết quả.</translation>
    </message>
    <message>
        <source>About workspaces</source>
        <translation>Về không gian làm việc</translation>
    </message>
    <message>
        <source>Create a new workspace…</source>
        <translation>Tạo không gian làm việc mới…</translation>
    </message>
    <message>
        <source>Open a workspace…</source>
        <translation>Mở không gian làm việc…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not started</source>
        <translation>Chưa chấm</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang chấm</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Đã xong</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Xung đột</translation>
    </message>
</context>
<context>
    <name>StatusPanel</name>
    <message>
        <source>{done} / {total} complete</source>
        <translation>{done} / {total} đã chấm xong</translation>
    </message>
    <message>
        <source>Scoring progress</source>
        <translation>Tiến độ chấm</translation>
    </message>
    <message>
        <source>Every change is saved at once</source>
        <translation>Mọi thay đổi được lưu ngay</translation>
    </message>
    <message>
        <source>Saved at {time}</source>
        <translation>Đã lưu lúc {time}</translation>
    </message>
    <message>
        <source>Backup {time}</source>
        <translation>Sao lưu {time}</translation>
    </message>
    <message>
        <source>Last backup</source>
        <translation>Lần sao lưu gần nhất</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>Welcome</source>
        <translation>Chào mừng</translation>
    </message>
    <message>
        <source>Welcome to E2 Judge</source>
        <translation>Chào mừng đến với E2 Judge</translation>
    </message>
    <message>
        <source>Score the entries of the Education Exchange forum, fully offline.</source>
        <translation>Chấm bài dự thi Diễn đàn Giáo dục E2 Việt Nam, hoàn toàn ngoại tuyến.</translation>
    </message>
    <message>
        <source>Open batch…</source>
        <translation>Mở lô bài…</translation>
    </message>
    <message>
        <source>Open batch</source>
        <translation>Mở lô bài</translation>
    </message>
    <message>
        <source>or drag the .e2batch file (or the organizer's .xlsx) onto this window</source>
        <translation>hoặc kéo tệp .e2batch (hoặc tệp .xlsx của ban tổ chức) thả vào cửa sổ này</translation>
    </message>
    <message>
        <source>1. Open the batch file the organizer sent you.
2. Score each entry on the rubric; every change is saved at once.
3. When you are done, export your score sheet and send it back.</source>
        <translation>1. Mở tệp lô bài mà ban tổ chức gửi cho bạn.
2. Chấm từng bài theo phiếu chấm; mọi thay đổi được lưu ngay.
3. Chấm xong, xuất phiếu điểm và gửi lại cho ban tổ chức.</translation>
    </message>
</context>
<context>
    <name>WorkbookController</name>
    <message>
        <source>Open the organizer's workbook</source>
        <translation>Mở sổ tính của Ban tổ chức</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Checking the workbook…</source>
        <translation>Đang kiểm tra sổ tính…</translation>
    </message>
    <message>
        <source>Not moved: {reason}</source>
        <translation>Không chuyển được: {reason}</translation>
    </message>
    <message>
        <source>No manual change: the plan is as computed.</source>
        <translation>Chưa thay đổi thủ công: phân công đúng như máy tính đề xuất.</translation>
    </message>
    <message>
        <source>Manual changes (recorded with your name at build): {changes}</source>
        <translation>Thay đổi thủ công (ghi kèm tên bạn khi tạo lô bài): {changes}</translation>
    </message>
    <message>
        <source>Cannot read the workbook</source>
        <translation>Không đọc được sổ tính</translation>
    </message>
    <message>
        <source>{file} cannot be read as an Excel workbook.</source>
        <translation>Không đọc được {file} như một sổ tính Excel.</translation>
    </message>
    <message>
        <source>Save the example workbook</source>
        <translation>Lưu sổ tính mẫu</translation>
    </message>
    <message>
        <source>Writing the example workbook…</source>
        <translation>Đang ghi sổ tính mẫu…</translation>
    </message>
    <message>
        <source>Not written</source>
        <translation>Chưa ghi tệp</translation>
    </message>
    <message>
        <source>{file} could not be written; nothing was changed.</source>
        <translation>Không ghi được {file}; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Folder for the batch files</source>
        <translation>Thư mục lưu các lô bài</translation>
    </message>
    <message>
        <source>Sign the batches of {contest}</source>
        <translation>Ký các lô bài của {contest}</translation>
    </message>
    <message>
        <source>Signing and writing the batches…</source>
        <translation>Đang ký và ghi các lô bài…</translation>
    </message>
    <message>
        <source>Build cancelled</source>
        <translation>Đã huỷ tạo lô bài</translation>
    </message>
    <message>
        <source>Nothing was signed or recorded; no batch file was left behind.</source>
        <translation>Chưa ký hay ghi nhận gì; không còn sót lại tệp lô bài nào.</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(không đổi)</translation>
    </message>
    <message>
        <source>Batches written</source>
        <translation>Đã ghi các lô bài</translation>
    </message>
    <message>
        <source>{count} batch files written for {contest} — {round}.</source>
        <translation>Đã ghi {count} lô bài cho {contest} — {round}.</translation>
    </message>
    <message>
        <source>Batches not written</source>
        <translation>Chưa ghi lô bài</translation>
    </message>
    <message>
        <source>{file}: nothing was signed or written.</source>
        <translation>{file}: chưa ký hay ghi gì cả.</translation>
    </message>
    <message>
        <source>No workbook open yet.</source>
        <translation>Chưa mở sổ tính nào.</translation>
    </message>
    <message>
        <source>Problems found: {count}. Fix them in Excel, save, then press Check again.</source>
        <translation>Tìm thấy {count} lỗi. Hãy sửa trong Excel, lưu lại, rồi bấm Kiểm tra lại.</translation>
    </message>
    <message>
        <source>No problem found: {entries} entries, {judges} judges. Ready to build.</source>
        <translation>Không có lỗi: {entries} bài dự thi, {judges} giám khảo. Sẵn sàng tạo lô bài.</translation>
    </message>
    <message>
        <source>Assignment preview (before anything is signed)</source>
        <translation>Xem trước phân công (trước khi ký)</translation>
    </message>
</context>
<context>
    <name>WorkbookPage</name>
    <message>
        <source>Open workbook…</source>
        <translation>Mở sổ tính…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Example workbook…</source>
        <translation>Sổ tính mẫu…</translation>
    </message>
    <message>
        <source>Build signed batches…</source>
        <translation>Tạo lô bài đã ký…</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Chuyển</translation>
    </message>
    <message>
        <source>Judges per entry:</source>
        <translation>Số giám khảo mỗi bài:</translation>
    </message>
    <message>
        <source>Judges per entry</source>
        <translation>Số giám khảo mỗi bài</translation>
    </message>
    <message>
        <source>Drop the organizer's workbook (.xlsx) here, or open it. Fix it in Excel, save, then press Check again.</source>
        <translation>Kéo thả sổ tính của Ban tổ chức (.xlsx) vào đây, hoặc mở nó. Sửa trong Excel, lưu lại, rồi bấm Kiểm tra lại.</translation>
    </message>
    <message>
        <source>How to check a workbook</source>
        <translation>Cách kiểm tra sổ tính</translation>
    </message>
    <message>
        <source>Workbook file</source>
        <translation>Tệp sổ tính</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Problems in the workbook</source>
        <translation>Các lỗi trong sổ tính</translation>
    </message>
    <message>
        <source>Assignment preview</source>
        <translation>Xem trước phân công</translation>
    </message>
    <message>
        <source>Move entry:</source>
        <translation>Chuyển bài:</translation>
    </message>
    <message>
        <source>from:</source>
        <translation>từ:</translation>
    </message>
    <message>
        <source>to:</source>
        <translation>sang:</translation>
    </message>
    <message>
        <source>Entry to move</source>
        <translation>Bài cần chuyển</translation>
    </message>
    <message>
        <source>Judge who gives up the entry</source>
        <translation>Giám khảo nhường bài</translation>
    </message>
    <message>
        <source>Judge who takes the entry</source>
        <translation>Giám khảo nhận bài</translation>
    </message>
    <message>
        <source>Manual changes to the plan</source>
        <translation>Các thay đổi thủ công của phân công</translation>
    </message>
</context>
<context>
    <name>WorksheetController</name>
    <message>
        <source>worksheet-{judge}.xlsx</source>
        <translation>bang-cham-{judge}.xlsx</translation>
    </message>
    <message>
        <source>Export offline worksheet</source>
        <translation>Xuất bảng chấm ngoại tuyến</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the worksheet…</source>
        <translation>Đang tạo bảng chấm…</translation>
    </message>
    <message>
        <source>Saved: {path}</source>
        <translation>Đã lưu: {path}</translation>
    </message>
    <message>
        <source>Offline worksheet exported</source>
        <translation>Đã xuất bảng chấm ngoại tuyến</translation>
    </message>
    <message>
        <source>Score in the worksheet with Excel or LibreOffice (only the score and comment columns can be edited), save it, then use “Import worksheet…” to bring the scores back.</source>
        <translation>Hãy chấm trong bảng chấm bằng Excel hoặc LibreOffice (chỉ sửa được các cột điểm và nhận xét), lưu lại, rồi dùng “Nhập bảng chấm…” để đưa điểm vào ứng dụng.</translation>
    </message>
    <message>
        <source>Import offline worksheet</source>
        <translation>Nhập bảng chấm ngoại tuyến</translation>
    </message>
    <message>
        <source>Checking the worksheet…</source>
        <translation>Đang kiểm tra bảng chấm…</translation>
    </message>
    <message>
        <source>Nothing to import</source>
        <translation>Không có gì để nhập</translation>
    </message>
    <message>
        <source>The worksheet holds the same scores and comments as the app. Nothing was changed.</source>
        <translation>Bảng chấm có cùng điểm và nhận xét như trong ứng dụng. Không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Changed in both places</source>
        <translation>Đã sửa ở cả hai nơi</translation>
    </message>
    <message>
        <source>{n} cells were changed in the app after the worksheet was exported, and also in the worksheet. Overwrite the scores in the app?</source>
        <translation>{n} ô đã được sửa trong ứng dụng sau khi xuất bảng chấm, và cũng được sửa trong bảng chấm. Ghi đè điểm trong ứng dụng?</translation>
    </message>
    <message>
        <source>Yes: use the worksheet's values. No: keep the app's values for these cells and apply only the other {other} changes.

{cells}</source>
        <translation>Có: dùng giá trị trong bảng chấm. Không: giữ giá trị trong ứng dụng cho các ô này và chỉ áp dụng {other} thay đổi còn lại.

{cells}</translation>
    </message>
    <message>
        <source>Worksheet import cancelled; nothing was changed.</source>
        <translation>Đã huỷ nhập bảng chấm; không có gì thay đổi.</translation>
    </message>
    <message>
        <source>Applying the worksheet…</source>
        <translation>Đang áp dụng bảng chấm…</translation>
    </message>
    <message>
        <source>Changes applied: {n}</source>
        <translation>Số thay đổi đã áp dụng: {n}</translation>
    </message>
    <message>
        <source>Conflicting cells not applied (the app's values kept): {n}</source>
        <translation>Số ô bị trùng chưa áp dụng (giữ giá trị trong ứng dụng): {n}</translation>
    </message>
    <message>
        <source>Conflicting cells overwritten with the worksheet's values: {n}</source>
        <translation>Số ô bị trùng đã ghi đè bằng giá trị trong bảng chấm: {n}</translation>
    </message>
    <message>
        <source>Worksheet imported</source>
        <translation>Đã nhập bảng chấm</translation>
    </message>
    <message>
        <source>Worksheet imported: {n} changes applied.</source>
        <translation>Đã nhập bảng chấm: áp dụng {n} thay đổi.</translation>
    </message>
    <message>
        <source>overall comment</source>
        <translation>nhận xét chung</translation>
    </message>
    <message>
        <source>comment on {criterion}</source>
        <translation>nhận xét cho {criterion}</translation>
    </message>
    <message>
        <source>{cell}: {code} · {what}: app {app}, worksheet {sheet}</source>
        <translation>{cell}: {code} · {what}: ứng dụng {app}, bảng chấm {sheet}</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(trống)</translation>
    </message>
    <message>
        <source>Worksheet refused</source>
        <translation>Không nhận bảng chấm</translation>
    </message>
    <message>
        <source>The worksheet was not used. Nothing was changed.</source>
        <translation>Chưa dùng bảng chấm. Không có gì thay đổi.</translation>
    </message>
</context>
</TS>
