# Liên kết tải tệp có ký (PUBLIC_URL/files/…): cho nền tảng không nhận tệp và để chuyển tiếp.

links-file = Tải tệp “{ $file }” tại: { $url } (liên kết có hiệu lực { $hours } giờ, có thể chuyển tiếp cho Hội đồng thi đua tỉnh).
links-image = Xem biểu đồ “{ $file }” tại: { $url } (liên kết có hiệu lực { $hours } giờ).
links-unavailable = Chưa tạo được liên kết tải tệp “{ $file }” vì máy chủ của bot chưa có địa chỉ công khai (PUBLIC_URL). Đề nghị quản trị viên cấu hình PUBLIC_URL, hoặc gõ /export trong nhóm của Cụm trên nền tảng nhận được tệp (như Telegram).
