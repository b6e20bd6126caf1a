# Telegram: câu chữ riêng của bot trên Telegram (giới thiệu, lỗi, menu lệnh).

## Khi được thêm vào nhóm
telegram-intro = Trên Telegram, lệnh bắt đầu bằng dấu gạch chéo, ví dụ /tinhhinh, hoặc chọn trong menu lệnh (nút “/” cạnh ô soạn tin); mỗi lệnh có tên tiếng Anh và tên tiếng Việt không dấu, như /score hay /cham.
telegram-intro-admin = Xin hãy đặt { $mention } làm quản trị viên (admin) của nhóm: khi chưa là quản trị viên, bot chỉ nhận được lệnh có kèm tên bot, ví dụ /tinhhinh@{ $bot }, và tin nhắn trả lời bot.
telegram-admin-thanks = Cảm ơn! Bot đã là quản trị viên của nhóm, từ nay gõ lệnh ngắn như /tinhhinh là đủ.

## Lỗi
telegram-anonymous-admin = Bot không biết ai gửi lệnh này vì bạn đang gửi ẩn danh với tư cách quản trị viên (hoặc thay mặt một kênh). Hãy tắt mục “Ẩn danh” (Remain anonymous) trong quyền quản trị của bạn rồi gửi lại lệnh.
telegram-private-blocked = { $name } ơi, bot chưa nhắn riêng được cho bạn vì bạn chưa mở cuộc trò chuyện với bot. Hãy mở { $bot }, bấm “Bắt đầu” (Start), rồi gửi lại lệnh.
telegram-file-too-big = Tệp “{ $file }” quá lớn: bot chỉ tải được tệp tối đa { $max } MB. Hãy gửi tệp nhỏ hơn.

## Mô tả lệnh trong menu (tối đa 256 ký tự)
telegram-cmd-start = Bắt đầu: bot làm gì và bạn làm được gì
telegram-cmd-help = Hướng dẫn sử dụng, hoặc cách dùng một lệnh
telegram-cmd-setup = Lập cụm thi đua gắn với nhóm này
telegram-cmd-link = Liên kết thêm một nhóm với cụm (mã dùng một lần)
telegram-cmd-addunit = Thêm đơn vị thành viên (mỗi dòng: MÃ TÊN)
telegram-cmd-join = Đăng ký làm đại diện của một đơn vị
telegram-cmd-approve = Duyệt yêu cầu đại diện đơn vị
telegram-cmd-secretary = Thêm thư ký cụm
telegram-cmd-term = Mở năm thi đua
telegram-cmd-leader = Chọn đơn vị Cụm trưởng của năm
telegram-cmd-deputy = Chọn đơn vị Cụm phó của năm
telegram-cmd-criteria = Đặt bảng tiêu chí chấm điểm (hoặc gửi kèm tệp .csv, .xlsx)
telegram-cmd-round = Mở đợt chấm điểm: sơ kết hoặc tổng kết
telegram-cmd-reviewer = Phân công đơn vị chấm chéo
telegram-cmd-score = Tự chấm điểm tiêu chí cho đơn vị
telegram-cmd-submit = Nộp bảng tự chấm của đơn vị
telegram-cmd-mine = Xem bảng điểm của đơn vị mình
telegram-cmd-status = Tình hình đợt chấm: đơn vị đã nộp, còn thiếu
telegram-cmd-review = Thẩm định điểm một tiêu chí của đơn vị
telegram-cmd-confirm = Xác nhận kết quả thẩm định
telegram-cmd-explain = Giải trình về điểm thẩm định
telegram-cmd-close = Chốt đợt chấm và xếp hạng
telegram-cmd-results = Bảng xếp hạng
telegram-cmd-export = Xuất bảng tổng hợp (.xlsx hoặc .csv)
telegram-cmd-rules = Quy chế xếp loại, xếp hạng của Cụm
telegram-cmd-sign = Ký giao ước thi đua cho đơn vị
telegram-cmd-register = Đăng ký danh hiệu thi đua của đơn vị
telegram-cmd-meeting = Lên lịch hội nghị sơ kết, tổng kết
telegram-cmd-handover = Lên lịch bàn giao Cụm trưởng và Cờ luân lưu
telegram-cmd-reminders = Các lời nhắc sắp tới
telegram-cmd-lang = Đổi ngôn ngữ (vi, en)
telegram-edit-ignored = Bot không thực hiện lại lệnh đã sửa (/{ $command }). Nếu cần sửa, hãy gửi lệnh mới trong một tin nhắn mới.
telegram-cmd-attend = Điểm danh đơn vị dự hội nghị tổng kết (thư ký)
telegram-cmd-ballot = Mở, theo dõi, đóng phiếu bỏ phiếu kín
telegram-cmd-vote = Bỏ phiếu kín (trong tin nhắn riêng với bot)
telegram-cmd-elect = Bầu Cụm trưởng, Cụm phó năm sau (thư ký)
telegram-cmd-minutes = Biên bản hội nghị tổng kết (tệp Word)
telegram-cmd-target = Giao chỉ tiêu cho từng đơn vị (tiêu chí định lượng)
telegram-cmd-template = Nhận phiếu tự chấm dạng Excel để điền
telegram-cmd-evidence = Gửi hoặc xem minh chứng của một tiêu chí
