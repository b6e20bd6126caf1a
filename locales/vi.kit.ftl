# Bộ công cụ chung của các nền tảng (adapter kit): câu chữ dùng chung cho Telegram, console, Slack, Zalo.

## Lỗi
kit-error-apology = Xin lỗi, đã có lỗi ngoài ý muốn nên yêu cầu của bạn chưa được thực hiện. Vui lòng thử lại sau ít phút; nếu vẫn lỗi, hãy báo quản trị viên kèm mã tham chiếu { $ref }.

## Khi nền tảng không hiển thị được một phần của câu trả lời
kit-button-command = • { $label }: gõ { $command }
kit-file-elsewhere = Tệp “{ $file }” không gửi được trên nền tảng này. Hãy gõ lại lệnh trong nhóm của Cụm trên nền tảng nhận được tệp (như Telegram) để nhận tệp.
kit-image-elsewhere = Biểu đồ “{ $file }” không hiển thị được trên nền tảng này; bảng ở trên có đủ thông tin. Hãy gõ lại lệnh trên nền tảng hiển thị được hình ảnh (như Telegram) để xem biểu đồ.
