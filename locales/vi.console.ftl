# Giao diện dòng lệnh (console): nhóm chat giả lập trong cửa sổ dòng lệnh.

console-welcome = Nhóm chat Cụm thi đua trên máy (console). Bạn đang nói với tư cách “{ $speaker }”. Gõ lệnh như /help; “:as TÊN” để đổi người nói, “:private” / “:group” để chuyển sang chat riêng với bot / nhóm, “:attach TỆP” để đính kèm tệp cho lệnh kế tiếp, “:quit” để thoát. Dòng kết thúc bằng \ thì lệnh tiếp tục ở dòng sau.
console-help = Lệnh của console: :as TÊN (đổi người nói), :private, :group, :attach TỆP, :quit.
console-as = Bây giờ bạn nói với tư cách “{ $speaker }”.
console-as-usage = Cách dùng: :as TÊN NGƯỜI NÓI, ví dụ :as Đại diện Sở Nội vụ Bạc Liêu
console-chat-private = Đã chuyển sang chat riêng với bot.
console-chat-group = Đã chuyển về nhóm chat của Cụm.
console-attached = Đã đính kèm { $file } cho lệnh kế tiếp.
console-attach-missing = Không tìm thấy tệp { $file }.
console-not-command = Bot chỉ trả lời lệnh bắt đầu bằng “/”. Gõ /help để xem các lệnh.
console-file-saved =
    Tệp đã lưu tại:
    { $path }
console-notice = 🔔 Tin nhắn của bot gửi vào { $chat }:
console-where-group = nhóm
console-where-private = chat riêng
console-default-speaker = Thư ký
