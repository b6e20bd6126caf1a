## Hội nghị tổng kết: điểm danh, bỏ phiếu kín, bầu Cụm trưởng, Cụm phó, biên bản (issue 12)

cmd-attend = điểm danh đơn vị dự hội nghị tổng kết
cmd-ballot = mở, theo dõi, đóng hòm phiếu bỏ phiếu kín
cmd-vote = bỏ phiếu kín (chỉ trong tin nhắn riêng với bot)
cmd-elect = bầu Cụm trưởng, Cụm phó năm sau
cmd-minutes = biên bản hội nghị tổng kết (tệp Word)

usage-attend = Cách dùng: /attend MÃ_ĐƠN_VỊ… (ghi nhận các đơn vị có mặt tại hội nghị tổng kết đã lên lịch bằng /meeting); /attend all để ghi nhận tất cả; /attend -MÃ để bỏ một đơn vị khỏi danh sách; /attend để xem danh sách.
usage-ballot = Cách dùng: /ballot open NỘI_DUNG | seats=1 | candidates=BL,LA | closes=dd/mm/yyyy HH:MM để mở phiếu (ứng viên mặc định lấy từ bảng xếp hạng tổng kết đã khóa sổ, cố định khi mở phiếu; seats là số suất, closes là thời hạn, đều không bắt buộc); /ballot để xem tiến độ (đơn vị nào đã, chưa bỏ phiếu; không bao giờ hiển thị nội dung phiếu); /ballot close [SỐ_PHIẾU] để đóng hòm phiếu và công bố kết quả; /ballot SỐ_PHIẾU để xem một phiếu. Nguyên tắc bỏ phiếu theo quy chế của Cụm (/rules); riêng phiếu này có thể ghi method=hands (biểu quyết giơ tay, công khai) hoặc method=secret, voters=council (Hội đồng bỏ phiếu do /rules council lập) hoặc voters=members|present. Nhắc nhở: có thời hạn thì bot nhắc các đơn vị chưa bỏ phiếu lúc 08:00 ngày trước hạn và ngày hết hạn, nhắc lần cuối 2 giờ trước hạn, rồi tự đóng hòm phiếu đúng thời hạn và công bố kết quả kiểm phiếu trong các nhóm của Cụm; không có thời hạn thì nhắc lúc 08:00 mỗi ngày (tối đa 7 ngày) cho đến khi phiếu được đóng. Nhắc nhở gửi vào nhóm và riêng cho đại diện các đơn vị chưa bỏ phiếu (theo /rules reminders), chỉ nêu đơn vị nào chưa bỏ phiếu, không bao giờ nêu nội dung phiếu.
usage-vote = Cách dùng (chỉ trong tin nhắn riêng với bot, trừ khi biểu quyết giơ tay): /vote [SỐ_PHIẾU] MÃ… để đồng ý với các ứng viên được liệt kê, các ứng viên còn lại là không đồng ý; /vote [SỐ_PHIẾU] none để không đồng ý với ứng viên nào; /vote để xem các phiếu đang mở (có nút bấm trên nền tảng hỗ trợ). Mỗi đơn vị bỏ phiếu một lần, do người đại diện thực hiện (nếu Cụm lập Hội đồng bỏ phiếu thì mỗi thành viên Hội đồng bỏ một phiếu của mình); khi biểu quyết giơ tay, /vote cũng dùng được trong nhóm và kết quả ghi rõ ai biểu quyết thế nào; phiếu đã bỏ không thể sửa hoặc rút lại, vì hệ thống không lưu mối liên hệ nào giữa đơn vị và lá phiếu.
usage-elect = Cách dùng: /elect để đề xuất Cụm trưởng, Cụm phó năm sau theo thứ tự luân phiên (hoặc theo hình thức bầu trong quy chế) và mở phiếu xác nhận; /elect MÃ_CỤM_TRƯỞNG MÃ_CỤM_PHÓ để đề xuất đơn vị khác hoặc ghi nhận quyết định chỉ định.
usage-minutes = Cách dùng: /minutes để nhận biên bản hội nghị tổng kết dạng tệp Word (.docx).

## Điểm danh

error-attend-no-meeting = Chưa có lịch hội nghị tổng kết. Đề nghị thư ký lên lịch bằng /meeting yearend dd/mm/yyyy [HH:MM] [ĐỊA ĐIỂM].
attend-recorded = Đã ghi nhận điểm danh hội nghị lúc { $at }: có mặt { $count }/{ $total } đơn vị ({ $present }). Vắng mặt: { $absent }.
attend-current = Điểm danh hội nghị lúc { $at }: có mặt { $count }/{ $total } đơn vị ({ $present }). Vắng mặt: { $absent }.
status-attendance = Hội nghị lúc { $at }: có mặt { $count }/{ $total } đơn vị. Vắng mặt: { $absent }.

## Quy chế bỏ phiếu (/rules)

vote-rules-heading = Nguyên tắc bỏ phiếu, bầu cử tại hội nghị tổng kết:
vote-rule-voters = • Người bỏ phiếu: { $voters ->
    [members] mỗi đơn vị thành viên một phiếu, do người đại diện bỏ
    [council] các thành viên Hội đồng được liệt kê, mỗi người một phiếu: { $council }
   *[present] mỗi đơn vị có mặt tại hội nghị một phiếu, do người đại diện bỏ
  }.
vote-rule-method = • Hình thức: { $method ->
    [open] biểu quyết giơ tay (công khai): kết quả kiểm phiếu và biên bản ghi rõ ai biểu quyết thế nào
   *[secret] bỏ phiếu kín
  }.
vote-rule-quorum = • Điều kiện tiến hành: { $who ->
    [council] từ { $quorum } số thành viên Hội đồng bỏ phiếu trở lên (tính khi đóng hòm phiếu)
   *[units] có mặt từ { $quorum } số đơn vị thành viên trở lên
  }.
vote-rule-threshold = • Ứng viên đạt khi số phiếu đồng ý { $strict ->
    [yes] trên
   *[no] từ
  } { $fraction } { $base ->
    [all] { $who ->
        [council] tổng số thành viên Hội đồng
       *[units] tổng số đơn vị thành viên
      }
    [present] { $who ->
        [council] số thành viên Hội đồng đã bỏ phiếu
       *[units] số đơn vị có mặt
      }
   *[valid] số phiếu hợp lệ
  }.
vote-rule-seats = • Số suất: { $seats }.
vote-rule-self = • Đơn vị tự bỏ phiếu cho mình: { $self ->
    [allowed] được phép
   *[excluded] không được (số đơn vị làm căn cứ tính tỷ lệ của ứng viên đó giảm một)
  }.
vote-rule-rounds = • Bằng phiếu ở suất cuối cùng: { $rounds ->
    [2] bỏ phiếu vòng hai giữa các ứng viên bằng phiếu; nếu vẫn bằng nhau thì chọn đơn vị có tổng điểm cao hơn
   *[1] chọn đơn vị có tổng điểm cao hơn
  }. Tỷ lệ phần trăm lấy hai chữ số thập phân, làm tròn lên từ nửa.
election-rule-mode = • Cụm trưởng, Cụm phó năm sau: { $mode ->
    [rotation] bầu luân phiên theo thứ tự { $order }; hội nghị biểu quyết xác nhận (trên 50% tổng số đơn vị thành viên, nếu không đạt thì bỏ phiếu vòng hai giữa hai đơn vị nhiều phiếu nhất)
    [free] bầu tự do; trúng cử khi được trên 50% tổng số đơn vị thành viên đồng ý, nếu không có ai đạt thì bỏ phiếu vòng hai giữa hai đơn vị nhiều phiếu nhất
   *[appointed] do cấp có thẩm quyền chỉ định
  }.
vote-rules-how = Thư ký sửa bằng /rules voters members|present|council, /rules council @tên MÃ_ĐƠN_VỊ… (Hội đồng bỏ phiếu), /rules method secret|hands (bỏ phiếu kín hoặc biểu quyết giơ tay), /rules quorum 2/3, /rules threshold >1/2 all (hoặc >=2/3 present, >=70% valid), /rules selfvote allowed|excluded, /rules rounds 1|2, /rules election rotation|free|appointed, /rules rotation MÃ….
error-rules-fraction = Tỷ lệ “{ $input }” không hợp lệ. Ghi dạng phân số (2/3) hoặc phần trăm (50%, 66,67%), lớn hơn 0 và không quá 100%.
error-rules-threshold = Ngưỡng cần ghi dạng >1/2 all, >=2/3 present hoặc >=70% valid (> là “trên”, >= là “từ”; căn cứ: all là tổng số đơn vị, present là số đơn vị có mặt, valid là số phiếu hợp lệ).
error-rules-voters = Người bỏ phiếu là members (mọi đơn vị thành viên), present (đơn vị có mặt) hoặc council (Hội đồng do Thư ký lập bằng /rules council).
error-rules-method = Hình thức biểu quyết là secret (bỏ phiếu kín) hoặc hands (biểu quyết giơ tay, công khai).
error-rules-council-empty = Cụm chưa lập Hội đồng bỏ phiếu. Thư ký lập bằng /rules council @tên MÃ_ĐƠN_VỊ….
usage-council = Cách dùng: /rules council @tên_người_dùng MÃ_ĐƠN_VỊ… để lập Hội đồng bỏ phiếu (mỗi người một phiếu, thay cho các đơn vị); mã đơn vị là người đại diện của đơn vị đó. /rules council none để bỏ Hội đồng, các đơn vị thành viên bỏ phiếu như trước.
error-council-person = Không tìm thấy “{ $name }” trong Cụm. Thành viên Hội đồng phải là người đã tham gia Cụm (người đại diện hoặc thư ký).
error-council-unit = Đơn vị { $code } có { $count } người đại diện đang hoạt động; cần đúng một người. Đề nghị ghi @tên_người_dùng.
error-council-twice = { $name } được ghi hai lần trong Hội đồng.
error-rules-selfvote = Tự bỏ phiếu cho mình là allowed (được phép) hoặc excluded (không được).
error-rules-rounds = Số vòng bỏ phiếu tối đa là 1 hoặc 2.
error-rules-election = Hình thức bầu là rotation (luân phiên), free (bầu tự do) hoặc appointed (chỉ định).
error-rules-rotation = Thứ tự luân phiên cần liệt kê mã các đơn vị thành viên, mỗi mã một lần (không hợp lệ: { $codes }).

## Bỏ phiếu (/ballot)

error-ballot-no-ranking = Chưa có bảng xếp hạng tổng kết đã khóa sổ để lấy danh sách ứng viên. Đề nghị khóa sổ đợt tổng kết bằng /close, hoặc liệt kê ứng viên: /ballot open NỘI_DUNG | candidates=BL,LA.
error-ballot-no-attendance = Chưa điểm danh hội nghị. Đề nghị thư ký ghi nhận các đơn vị có mặt bằng /attend MÃ… trước khi mở phiếu.
error-ballot-quorum = Hội nghị chưa đủ điều kiện bỏ phiếu: có mặt { $present }/{ $members } đơn vị, cần ít nhất { $needed } đơn vị.
error-ballot-seats = Số suất { $seats } không hợp lệ: cần từ 1 đến số ứng viên ({ $candidates }).
error-ballot-which = Đang có nhiều phiếu mở ({ $ids }). Đề nghị ghi rõ số phiếu, ví dụ /ballot close 3 hoặc /vote 3 BL.
error-ballot-none = Hiện không có phiếu nào đang mở.
error-ballot-unknown = Không có phiếu số { $id } trong năm thi đua này.
ballot-opened = { $method ->
    [open] Đã mở biểu quyết giơ tay (công khai).
   *[secret] Đã mở phiếu bỏ phiếu kín.
  }
ballot-closed-at-time = ⏱️ Đã đến thời hạn đóng hòm phiếu số { $id } ({ $closes }): hòm phiếu đã đóng, không nhận thêm phiếu.
ballot-heading = Phiếu số { $id }: { $question } (vòng { $round }, { $seats } suất).
ballot-candidates = Ứng viên: { $list }.
ballot-how-to-vote = { $who ->
    [council] Mỗi thành viên Hội đồng bỏ phiếu trong tin nhắn riêng với bot: /vote { $id } MÃ… (hoặc /vote { $id } none). Nội dung phiếu được giữ bí mật.
   *[units] Người đại diện mỗi đơn vị bỏ phiếu trong tin nhắn riêng với bot: /vote { $id } MÃ… (hoặc /vote { $id } none). Nội dung phiếu được giữ bí mật.
  }
ballot-how-to-vote-open = Biểu quyết giơ tay (công khai): { $who ->
    [council] mỗi thành viên Hội đồng
   *[units] người đại diện mỗi đơn vị
  } gửi /vote { $id } MÃ… (hoặc /vote { $id } none) trong nhóm của Cụm hoặc tin nhắn riêng với bot. Kết quả và biên bản ghi rõ ai biểu quyết thế nào.
ballot-progress = Đã bỏ phiếu { $voted }/{ $issued } đơn vị: { $done }. Chưa bỏ phiếu: { $missing }.
ballot-progress-council = Đã bỏ phiếu { $voted }/{ $issued } thành viên Hội đồng: { $done }. Chưa bỏ phiếu: { $missing }.
ballot-none-open = Hiện không có phiếu nào đang mở ({ $closed } phiếu đã đóng trong năm). Thư ký mở phiếu bằng /ballot open (xem /help ballot).
ballot-second-round = Bỏ phiếu vòng hai giữa các ứng viên bằng phiếu ở suất cuối cùng:
ballot-result-title = Kết quả kiểm phiếu số { $id }: { $question } (vòng { $round }).
ballot-result-counts = Số phiếu phát ra: { $issued }; số phiếu thu về: { $returned }; hợp lệ: { $valid }; không hợp lệ: { $invalid }.
ballot-result-no-quorum = Hội nghị không đủ điều kiện ({ $present }/{ $members } đơn vị có mặt): không ứng viên nào đạt.
ballot-result-no-quorum-council = Không đủ điều kiện ({ $present }/{ $members } thành viên Hội đồng bỏ phiếu): không ứng viên nào đạt.
ballot-result-row = { $code } – { $name }: { $agree }/{ $base } phiếu đồng ý, đạt { $percent }% – { $passed ->
    [yes] đủ ngưỡng
   *[no] không đủ ngưỡng
  }{ $elected ->
    [yes] , trúng
   *[no] {""}
  }.
ballot-result-by-score = Bằng phiếu ở suất cuối cùng; chọn theo tổng điểm cao hơn: { $codes }.
ballot-result-runoff = Bằng phiếu ở suất cuối cùng giữa { $codes }: bỏ phiếu vòng hai cho { $seats } suất còn lại.
ballot-result-elected = Đơn vị được đề nghị: { $codes }.
ballot-result-none = Không có đơn vị nào đạt ở vòng này.
ballot-open-votes = Biểu quyết công khai, từng người biểu quyết:
ballot-open-vote = – { $voter }: đồng ý { $agreed }.

## Bỏ phiếu của đơn vị (/vote)

vote-button-agree = Đồng ý { $code }
vote-button-none = Không đồng ý ai
vote-how = Bỏ phiếu: /vote { $id } MÃ… (tối đa { $seats } ứng viên; ứng viên không ghi là không đồng ý) hoặc /vote { $id } none. Phiếu đã bỏ không thể sửa.
error-vote-group = Không bỏ phiếu trong nhóm chung để bảo đảm bí mật. Đề nghị mở tin nhắn riêng với bot và gửi /vote tại đó. Chưa có phiếu nào được ghi nhận.
error-vote-closed = Phiếu số { $id } đã đóng; không nhận thêm phiếu.
error-vote-not-voter = Đơn vị { $unit } không thuộc danh sách bỏ phiếu của phiếu này (theo quy chế, chỉ đơn vị có mặt tại hội nghị được bỏ phiếu).
error-vote-twice = Đơn vị { $unit } đã bỏ phiếu số { $id }; mỗi đơn vị chỉ bỏ phiếu một lần và phiếu đã bỏ không thể sửa.
error-vote-not-council = Bạn không có tên trong Hội đồng bỏ phiếu của phiếu số { $id }.
error-vote-twice-council = { $unit } đã bỏ phiếu số { $id }; mỗi thành viên Hội đồng chỉ bỏ phiếu một lần và phiếu đã bỏ không thể sửa.
error-vote-unknown = “{ $code }” không phải ứng viên của phiếu số { $id }. Xem danh sách ứng viên bằng /vote.
error-vote-too-many = Phiếu này chỉ chọn tối đa { $seats } ứng viên.
error-vote-self = Theo quy chế của Cụm, đơn vị { $unit } không tự bỏ phiếu cho mình. Đề nghị bỏ phiếu lại không có mã { $unit }.
vote-recorded = Đã nhận phiếu của đơn vị { $unit } cho phiếu số { $id } ({ $voted }/{ $issued } đơn vị đã bỏ phiếu). Nội dung phiếu không gắn với đơn vị và không thể sửa.
vote-recorded-council = Đã nhận phiếu của { $unit } cho phiếu số { $id } ({ $voted }/{ $issued } thành viên Hội đồng đã bỏ phiếu). Nội dung phiếu không gắn với người bỏ phiếu và không thể sửa.
vote-recorded-open = Đã ghi nhận biểu quyết công khai của { $unit } cho phiếu số { $id } ({ $voted }/{ $issued } đã biểu quyết). Biểu quyết không thể sửa.
vote-all-voted = Tất cả đơn vị đã bỏ phiếu số { $id }: hòm phiếu đã đóng, kết quả được công bố trong nhóm của Cụm.

## Bầu Cụm trưởng, Cụm phó (/elect)

elect-question-leader = Bầu Cụm trưởng năm { $year }
elect-question-deputy = Bầu Cụm phó năm { $year }
elect-proposed = Theo thứ tự luân phiên (Cụm trưởng năm nay: { $current }), đề xuất Cụm trưởng năm { $year }: { $leader }; Cụm phó: { $deputy }. Đề nghị các đơn vị biểu quyết xác nhận.
elect-opened = Bầu Cụm trưởng năm { $year } (ứng viên: { $leader }) và Cụm phó (ứng viên: { $deputy }).
elect-leader-elected = { $code } – { $name } trúng cử Cụm trưởng năm { $year }.
elect-deputy-elected = { $code } – { $name } trúng cử Cụm phó năm { $year }.
elect-leader-none = Chưa bầu được Cụm trưởng. Thư ký có thể đề xuất đơn vị khác bằng /elect MÃ_CỤM_TRƯỞNG MÃ_CỤM_PHÓ.
elect-deputy-none = Chưa bầu được Cụm phó. Thư ký có thể đề xuất đơn vị khác bằng /elect MÃ_CỤM_TRƯỞNG MÃ_CỤM_PHÓ.
elect-handover-hint = Để lên lịch bàn giao Cụm trưởng và Cờ luân lưu: /handover { $code } dd/mm/yyyy.
elect-handover-button = Lên lịch bàn giao cho { $code }
elect-appointed = Đã ghi nhận quyết định chỉ định Cụm trưởng năm { $year }: { $leader }; Cụm phó: { $deputy }.
error-elect-same = Cụm trưởng và Cụm phó phải là hai đơn vị khác nhau.
error-elect-appointed = Theo quy chế, Cụm trưởng, Cụm phó do cấp có thẩm quyền chỉ định. Ghi nhận bằng /elect MÃ_CỤM_TRƯỞNG MÃ_CỤM_PHÓ.
error-elect-open = Đang có phiếu bầu chưa đóng ({ $ids }). Đề nghị đóng phiếu trước khi bầu lại.
error-elect-few = Cụm cần ít nhất hai đơn vị thành viên để bầu Cụm trưởng, Cụm phó.

## Biên bản (/minutes)

rules-issuer = • Tên cơ quan chủ quản ghi trên tiêu đề biên bản (phía trên tên Cụm): { $issuer }.
rules-issuer-none = • Tiêu đề biên bản chỉ ghi tên Cụm; thư ký thêm tên cơ quan chủ quản bằng /rules issuer TÊN_CƠ_QUAN (ví dụ /rules issuer Bộ Nội vụ).
error-rules-issuer = Xin ghi tên cơ quan chủ quản sau /rules issuer, không quá { $max } ký tự (ví dụ /rules issuer Ủy ban nhân dân tỉnh Hà Nam); /rules issuer none để bỏ.

error-minutes-role = Chỉ thư ký Cụm và đại diện đơn vị Cụm trưởng được lấy biên bản.
minutes-ready = Biên bản hội nghị tổng kết năm { $year } ({ $ballots } vòng bỏ phiếu) đã sẵn sàng để in, ký.
minutes-caption = Biên bản hội nghị tổng kết năm { $year }
minutes-title = BIÊN BẢN
minutes-number = Số: …/BB-{ $suffix }
minutes-nation = CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
minutes-motto = Độc lập - Tự do - Hạnh phúc
minutes-place-date = { $place }, ngày { $day } tháng { $month } năm { $year }
minutes-subject = Họp tổng kết, bình xét thi đua năm { $year } và bầu Cụm trưởng, Cụm phó năm { $next }
minutes-grounds = Căn cứ Quy chế hoạt động của { $cluster };
minutes-h-time = I. THỜI GIAN, ĐỊA ĐIỂM
minutes-time = Thời gian: { $hour } giờ { $minute } phút, ngày { $date }.
minutes-time-unknown = Thời gian: ……
minutes-place = Địa điểm: { $place }.
minutes-h-attendance = II. THÀNH PHẦN THAM DỰ
minutes-chair = Chủ trì: { $unit } (đơn vị Cụm trưởng).
minutes-secretary = Thư ký: { $name }.
minutes-guests = Khách mời: ……
minutes-present-count = Có mặt { $present }/{ $total } đơn vị thành viên.
minutes-present-list = Đơn vị có mặt: { $list }.
minutes-absent-list = Đơn vị vắng mặt: { $list }.
minutes-h-content = III. NỘI DUNG
minutes-h-ranking = 1. Kết quả chấm điểm, xếp hạng thi đua
minutes-col-rank = Hạng
minutes-col-unit = Đơn vị
minutes-col-self = Tự chấm
minutes-col-appraised = Thẩm định
minutes-col-final = Điểm cuối cùng
minutes-col-class = Xếp loại
minutes-ranking-adopted = Hội nghị thống nhất thông qua bảng tổng hợp kết quả chấm điểm, xếp hạng nêu trên.
minutes-no-ranking = Chưa có bảng xếp hạng tổng kết đã khóa sổ.
minutes-h-rules = 2. Nguyên tắc bỏ phiếu
minutes-h-ballots = 3. Kết quả bỏ phiếu kín
minutes-no-ballots = Hội nghị không tổ chức bỏ phiếu.
minutes-ballot = { $question } (vòng { $round }, { $seats } suất)
minutes-no-quorum = Hội nghị không đủ điều kiện tiến hành bỏ phiếu.
minutes-h-conclusion = 4. Kết luận
minutes-proposed = { $question }: { $units }.
minutes-proposed-none = không có đơn vị đạt
minutes-h-election = 5. Bầu Cụm trưởng, Cụm phó
minutes-election = { $mode ->
    [appointed] Theo quyết định chỉ định
   *[other] Hội nghị thống nhất
  }: Cụm trưởng năm { $next }: { $leader }; Cụm phó năm { $next }: { $deputy }.
minutes-h-other = 6. Ý kiến khác
minutes-closing = Hội nghị kết thúc lúc { $hour } giờ { $minute } phút ngày { $date }. Biên bản đã được đọc lại trước hội nghị và được các đại biểu thống nhất thông qua.
minutes-sign-hint = (Ký, ghi rõ họ tên)
minutes-sign-secretary = THƯ KÝ
minutes-sign-chair = CHỦ TRÌ
minutes-annex = PHỤ LỤC
minutes-annex-title = BIÊN BẢN KIỂM PHIẾU
minutes-annex-board = Việc kiểm phiếu do hệ thống thực hiện khi đóng hòm phiếu, dưới sự giám sát của Thư ký Cụm ({ $name }); phiếu không gắn với đơn vị bỏ phiếu.
minutes-annex-times = Mở phiếu: { $opened }; đóng hòm phiếu: { $closed }.
minutes-col-candidate = Ứng viên
minutes-col-agree = Đồng ý
minutes-col-base = Căn cứ
minutes-col-percent = Tỷ lệ
minutes-col-result = Kết quả
minutes-result = { $elected ->
    [yes] Trúng
   *[no] { $passed ->
        [yes] Đạt, không trúng
       *[no] Không đạt
    }
  }
