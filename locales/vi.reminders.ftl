# Nhắc nhở tự động: hạn chấm điểm, hội nghị sơ kết / tổng kết, bàn giao Cụm trưởng; lệnh /reminders.
# Ngày giờ đã được định dạng sẵn theo múi giờ của cụm (dd/mm/yyyy HH:mm).

## Hạn chấm điểm của đợt
reminder-round-submit = ⏰ Nhắc hạn chấm điểm { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    }: hạn nộp bảng tự chấm là { $deadline } ({ $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày nữa
    }).
reminder-round-confirm = ⏰ Đợt chấm điểm { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    } đang thẩm định; hạn của đợt là { $deadline } ({ $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày nữa
    }).
reminder-round-overdue = ⚠️ Đã quá hạn chấm điểm { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    } ({ $deadline }) mà vẫn còn đơn vị chưa nộp bảng tự chấm.
reminder-round-confirm-overdue = ⚠️ Đã quá hạn đợt chấm điểm { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    } ({ $deadline }) mà vẫn còn đơn vị chưa xác nhận kết quả thẩm định.
reminder-missing-submit = Các đơn vị chưa nộp ({ $count }):
reminder-missing-confirm = Các đơn vị chưa xác nhận ({ $count }):

## Việc từng đơn vị cần làm tiếp
reminder-unit-score = • { $code } – { $name }: chưa chấm điểm → tự chấm bằng /score, xong thì /submit
reminder-unit-submit = • { $code } – { $name }: chưa nộp → chấm đủ các tiêu chí bằng /score rồi /submit
reminder-unit-confirm = • { $code } – { $name }: chưa xác nhận → /confirm nếu đồng ý, /explain nếu cần giải trình
reminder-unit-await-review = • { $code } – { $name }: đã giải trình, chờ thẩm định lại rồi /confirm
reminder-unit-await-appraisal = • { $code } – { $name }: đã nộp, chờ thẩm định; sau khi được thẩm định → /confirm nếu đồng ý, /explain nếu cần giải trình

## Hội nghị sơ kết, tổng kết
reminder-meeting = 📅 Hội nghị { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    } của cụm diễn ra lúc { $at } ({ $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày nữa
    }).
reminder-meeting-place = Địa điểm: { $place }.

## Bàn giao Cụm trưởng và Cờ luân lưu
reminder-handover = 🚩 Lễ bàn giao Cụm trưởng và Cờ luân lưu cho đơn vị { $code } – { $name } diễn ra lúc { $at } ({ $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày nữa
    }).
reminder-handover-from = Đơn vị bàn giao: { $code } – { $name }.
reminder-rollover = 🚩 Đã bàn giao Cụm trưởng và Cờ luân lưu: { $code } – { $name } là đơn vị Cụm trưởng mới.
reminder-rollover-year = Năm thi đua { $year } đã khép lại.
reminder-rollover-next = Đề nghị thư ký cụm mở năm thi đua mới bằng lệnh /term { $year }.

## Lệnh /reminders
reminder-upcoming-header = Các nhắc nhở sắp tới ({ $count }):
reminder-upcoming-none = Hiện chưa có nhắc nhở nào sắp tới.
reminder-upcoming-round = • { $due }: nhắc hạn chấm điểm { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    } (hạn { $deadline })
reminder-upcoming-overdue = • { $due }: báo quá hạn chấm điểm { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    }, nếu còn đơn vị chưa nộp (hạn { $deadline })
reminder-upcoming-meeting = • { $due }: nhắc lịch hội nghị { $kind ->
        [midyear] sơ kết 6 tháng
       *[other] tổng kết năm
    } ({ $at })
reminder-upcoming-handover = • { $due }: nhắc lễ bàn giao Cụm trưởng cho { $code } – { $name } ({ $at })
reminder-upcoming-rollover = • { $due }: bàn giao Cụm trưởng cho { $code } – { $name } và khép lại năm thi đua

## Bỏ phiếu kín tại hội nghị tổng kết: nhắc đơn vị chưa bỏ phiếu (không bao giờ nêu nội dung phiếu)
reminder-ballot-closes = 🗳️ Nhắc bỏ phiếu kín: phiếu số { $id } “{ $question }” (vòng { $round }) đóng hòm phiếu lúc { $closes } ({ $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày nữa
    }).
reminder-ballot-open = 🗳️ Nhắc bỏ phiếu kín: phiếu số { $id } “{ $question }” (vòng { $round }), mở lúc { $opened }, vẫn đang chờ phiếu của các đơn vị.
reminder-ballot-missing = Các đơn vị chưa bỏ phiếu ({ $count }/{ $issued }):
reminder-ballot-unit = • { $code } – { $name }
reminder-ballot-how = Người đại diện đơn vị bỏ phiếu trong tin nhắn riêng với bot: /vote { $id }. Nội dung phiếu được giữ bí mật; nhắc nhở chỉ nêu đơn vị nào chưa bỏ phiếu.
reminder-ballot-private = Đơn vị { $code } – { $name } của Bạn chưa bỏ phiếu.
reminder-ballot-missing-council = Các thành viên Hội đồng chưa bỏ phiếu ({ $count }/{ $issued }):
reminder-ballot-person = • { $name }
reminder-ballot-how-council = Thành viên Hội đồng bỏ phiếu trong tin nhắn riêng với bot: /vote { $id }. Nội dung phiếu được giữ bí mật; nhắc nhở chỉ nêu ai chưa bỏ phiếu.
reminder-ballot-private-council = Bạn là thành viên Hội đồng bỏ phiếu và chưa bỏ phiếu số { $id }.
reminder-hands-closes = ✋ Nhắc biểu quyết giơ tay: phiếu số { $id } “{ $question }” (vòng { $round }) kết thúc lúc { $closes } ({ $days ->
        [0] hôm nay
        [1] ngày mai
       *[other] còn { $days } ngày nữa
    }).
reminder-hands-open = ✋ Nhắc biểu quyết giơ tay: phiếu số { $id } “{ $question }” (vòng { $round }), mở lúc { $opened }, vẫn đang chờ biểu quyết.
reminder-ballot-how-open = Biểu quyết công khai: gửi /vote { $id } MÃ… trong nhóm của Cụm hoặc tin nhắn riêng với bot; kết quả ghi rõ ai biểu quyết thế nào.
reminder-upcoming-ballot = • { $due }: nhắc các đơn vị chưa bỏ phiếu số { $id } ({ $question })
reminder-upcoming-ballot-close = • { $due }: đóng hòm phiếu số { $id } ({ $question }) và công bố kết quả kiểm phiếu
reminder-chat-gone = Bot không còn gửi được tin vào nhóm “{ $chat }” (bot đã bị xóa khỏi nhóm hoặc nhóm đã bị lưu trữ): nhắc việc sẽ không gửi vào đó nữa. Thư ký có thể thêm lại bot rồi gửi /link để gắn lại.
