# Slack: câu chữ riêng của bot trên Slack (giới thiệu, lỗi, biểu mẫu).

## Khi được thêm vào kênh
slack-intro = Trên Slack, mọi lệnh đi qua một lệnh gạch chéo: { $command } rồi tên lệnh, ví dụ { $command } tinhhinh hay { $command } cham 1.1 8,5; chỉ gõ { $command } là xem hướng dẫn. Lệnh có nhiều dòng (danh sách đơn vị, bảng tiêu chí, tệp .csv/.xlsx) thì gửi thành tin nhắn bắt đầu bằng { $bot }, các dòng sau là nội dung.

## Biểu mẫu bảng điểm
slack-sheet-title = Bảng tự chấm
slack-sheet-submit = Lưu
slack-sheet-cancel = Huỷ
slack-sheet-score = { $code } { $name } (tối đa { $max })
slack-sheet-note = Ghi chú { $code }
slack-sheet-bad-number = Hãy nhập một số, ví dụ 8,5.
slack-sheet-no-change = Bảng điểm không có gì thay đổi, bot chưa lưu gì.
slack-sheet-button = Điền cả bảng điểm
slack-criteria-title = Bảng tiêu chí
slack-criteria-body = Dán nội dung bảng tiêu chí (mỗi dòng một tiêu chí)
