# Zalo: câu chữ riêng của bot trên Zalo (nhắc cách gõ lệnh, ảnh và tệp gửi cho bot, ngân sách tin nhắn hằng tháng).

## Tin nhắn không phải lệnh
zalo-not-a-command = Bot chỉ nhận lệnh bắt đầu bằng dấu gạch chéo, ví dụ /help để xem các lệnh, /mine để xem việc của đơn vị mình.

## Ngân sách tin nhắn hằng tháng của Zalo
zalo-budget-warned = Lưu ý thư ký cụm: bot đã gửi { $used }/{ $quota } tin nhắn Zalo trong tháng { $month } (từ 80% hạn mức). Khi hết hạn mức, các lần nhắc lặp lại trên Zalo sẽ tạm dừng đến đầu tháng sau; lần nhắc đầu tiên và câu trả lời lệnh vẫn được gửi.
zalo-budget-spent = Thư ký cụm lưu ý: bot đã dùng hết hạn mức { $quota } tin nhắn Zalo của tháng { $month } ({ $used } tin). Từ nay đến hết tháng, các lần nhắc lặp lại trên Zalo không được gửi (đã ghi nhận trong nhật ký nhắc việc); đề nghị nhắc các đơn vị qua nhóm của Cụm trên nền tảng khác.

## Ảnh và tệp gửi cho bot (ảnh làm minh chứng: gửi ảnh với chú thích /evidence MÃ_TIÊU_CHÍ)
zalo-picture-without-command = Bot đã nhận ảnh nhưng ảnh chưa kèm lệnh. Để nộp ảnh làm minh chứng, xin gửi lại ảnh với chú thích /evidence MÃ_TIÊU_CHÍ, ví dụ /evidence 1.2.
zalo-file-not-received = Zalo không chuyển loại tin nhắn này (tệp PDF, Word, Excel, âm thanh, video…) cho bot. Minh chứng dạng ảnh (JPG, PNG) xin gửi kèm chú thích /evidence MÃ_TIÊU_CHÍ; tệp khác xin gửi bằng /evidence MÃ_TIÊU_CHÍ trong nhóm của Cụm trên nền tảng nhận được tệp (như Telegram).
zalo-picture-too-big = Ảnh “{ $file }” quá lớn: bot chỉ tải được ảnh tối đa { $max } MB. Xin gửi ảnh nhỏ hơn.
zalo-picture-unavailable = Bot chưa tải được ảnh “{ $file }” từ Zalo (đường dẫn ảnh có thể đã hết hạn). Xin gửi lại ảnh với chú thích /evidence MÃ_TIÊU_CHÍ.
