# Zalo: câu chữ riêng của bot trên Zalo (nhắc cách gõ lệnh, ngân sách tin nhắn hằng tháng).

## Tin nhắn không phải lệnh
zalo-not-a-command = Bot chỉ nhận lệnh bắt đầu bằng dấu gạch chéo, ví dụ /help để xem các lệnh, /mine để xem việc của đơn vị mình.

## Ngân sách tin nhắn hằng tháng của Zalo
zalo-budget-warned = Lưu ý thư ký cụm: bot đã gửi { $used }/{ $quota } tin nhắn Zalo trong tháng { $month } (từ 80% hạn mức). Khi hết hạn mức, các lần nhắc lặp lại trên Zalo sẽ tạm dừng đến đầu tháng sau; lần nhắc đầu tiên và câu trả lời lệnh vẫn được gửi.
zalo-budget-spent = Thư ký cụm lưu ý: bot đã dùng hết hạn mức { $quota } tin nhắn Zalo của tháng { $month } ({ $used } tin). Từ nay đến hết tháng, các lần nhắc lặp lại trên Zalo không được gửi (đã ghi nhận trong nhật ký nhắc việc); đề nghị nhắc các đơn vị qua nhóm của Cụm trên nền tảng khác.
