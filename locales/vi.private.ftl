# Chat riêng với bot (issue 11): mã mời, tham gia Cụm từ chat riêng, chọn Cụm, nhắc nhở riêng.

## Mã mời (/invite)
usage-invite = Cách dùng: /invite để xem mã mời của Cụm; /invite new để thay bằng mã mới (mã cũ hết hiệu lực).
cmd-invite = mã mời tham gia Cụm từ chat riêng
invite-code = Mã mời của { $name }: { $code }. Đại diện đơn vị nhắn riêng cho bot: /join MÃ_ĐƠN_VỊ { $code }. Mã có hiệu lực đến khi được thay bằng /invite new hoặc đến khi năm thi đua khép lại.
invite-sent-privately = Mã mời đã được gửi riêng cho thư ký.

## Tham gia Cụm bằng mã mời (/join MÃ_ĐƠN_VỊ MÃ_MỜI)
error-invite-code = Mã mời { $code } không đúng hoặc đã hết hiệu lực. Đề nghị thư ký Cụm cung cấp mã mới (/invite).
error-join-invite-group = Mã mời chỉ dùng trong chat riêng với bot. Trong nhóm của Cụm, xin gửi /join MÃ_ĐƠN_VỊ.
join-requested-private = Đã gửi đề nghị làm đại diện của { $code } – { $unit } trong { $name }. Đề nghị đang chờ thư ký duyệt; bot sẽ báo kết quả tại đây.
join-requested-notice = { $person } (qua chat riêng) đề nghị làm đại diện của { $code } – { $unit }. Thư ký duyệt bằng /approve { $code } hoặc từ chối bằng /refuse { $code }.
join-unit-represented = Lưu ý: đơn vị { $code } hiện đã có đại diện: { $people }. Thư ký quyết định có thêm đại diện hay không.
join-second-cluster = Bạn nay thuộc { $count } Cụm. Các lệnh trong chat riêng vẫn áp dụng cho { $current } cho đến khi Bạn chọn Cụm khác bằng /cluster (xem danh sách) và /cluster SỐ; { $name } là một trong số đó.
join-approved-private = Đề nghị của Bạn đã được duyệt: Bạn là đại diện của { $code } – { $unit } trong { $name }. Gửi /help để xem các việc cần làm.
join-refused-private = Đề nghị làm đại diện của { $code } – { $unit } trong { $name } không được thư ký chấp thuận. Nếu có nhầm lẫn, xin liên hệ thư ký Cụm.

## Từ chối đề nghị (/refuse)
usage-refuse = Cách dùng: /refuse MÃ_ĐƠN_VỊ.
cmd-refuse = từ chối đề nghị làm đại diện đơn vị
button-refuse = Từ chối { $code }
refuse-done = Đã từ chối đề nghị của { $people } làm đại diện của { $code } – { $unit }; người đề nghị được báo riêng.

## Chọn Cụm (/cluster)
usage-cluster = Cách dùng: /cluster để xem các Cụm Bạn tham gia; /cluster SỐ để chọn Cụm cho các lệnh trong chat riêng.
cmd-cluster = xem và chọn Cụm cho chat riêng
error-cluster-private = Lệnh /cluster chỉ dùng trong chat riêng với bot; trong nhóm, các lệnh luôn áp dụng cho Cụm của nhóm.
error-cluster-none = Bạn chưa tham gia Cụm nào. Xin gửi /join MÃ_ĐƠN_VỊ MÃ_MỜI với mã mời do thư ký Cụm cung cấp.
error-cluster-number = Xin chọn một số từ 1 đến { $count } trong danh sách /cluster.
cluster-list = Bạn tham gia { $count } Cụm:
cluster-item = { $number }. { $name }
cluster-item-current = { $number }. { $name } (đang chọn)
cluster-how = Gửi /cluster SỐ để chọn Cụm cho các lệnh trong chat riêng.
cluster-only = Các lệnh trong chat riêng áp dụng cho Cụm này.
cluster-chosen = Đã chọn Cụm { $number }: { $name }. Các lệnh trong chat riêng từ nay áp dụng cho Cụm này.

## Nơi gửi nhắc nhở (/rules reminders)
rules-reminders = • Nhắc nhở gửi { $channels ->
        [group] vào các nhóm của Cụm
        [private] riêng cho đại diện từng đơn vị
       *[other] vào các nhóm của Cụm và riêng cho đại diện từng đơn vị
    }.
error-rules-reminders = Nơi gửi nhắc nhở là group (chỉ nhóm), private (chỉ nhắn riêng đại diện) hoặc both (cả hai), ví dụ /rules reminders both.

## Nhắc nhở riêng cho đại diện đơn vị
reminder-private-unit = Đơn vị { $code } – { $name } của Bạn còn phải:
reminder-private-for = Bạn nhận nhắc nhở này với tư cách đại diện của { $code } – { $name }.

## Báo riêng cho đại diện đơn vị khi phiếu điểm được thẩm định (/review)
review-done-private = Phiếu điểm của { $unit } trong { $name } đã được thẩm định: tiêu chí { $code } từ { $before } thành { $points } điểm. Lý do: { $reason }. Đơn vị xác nhận bằng /confirm hoặc giải trình bằng /explain { $code } NỘI_DUNG.
review-ok-private = Phiếu điểm của { $unit } trong { $name } đã được thẩm định, giữ nguyên điểm tự chấm. Đơn vị xác nhận bằng /confirm hoặc giải trình bằng /explain MÃ_TIÊU_CHÍ NỘI_DUNG.
