# Criterion kinds, targets, evidence (minh chứng) and the score sheet template (/template).

## Criteria table: kinds, evidence, units not assigned
error-criteria-scoring = Tiêu chí { $code }: không hiểu cách chấm “{ $spec }”. Viết một trong: passfail (đạt/không đạt), count ĐIỂM_MỖI_LẦN, tally ĐIỂM_CỘNG ĐIỂM_TRỪ [SÀN], target (chỉ tiêu, công thức của Cụm), linear (tỷ lệ với chỉ tiêu).
error-criteria-scoring-row = Dòng { $code } (“{ $kind }”): dòng điểm thưởng, điểm trừ chỉ chấm theo điểm, đạt/không đạt hoặc số lần.
error-criteria-flag = Tiêu chí { $code }: không hiểu “{ $flag }”. Sau cột loại có thể ghi: evidence (bắt buộc minh chứng), none (không cần minh chứng), na MÃ_ĐƠN_VỊ… (không áp dụng cho các đơn vị đó).
error-criteria-unknown-units = Cụm không có đơn vị { $codes } (ghi ở cột không áp dụng). Kiểm tra mã đơn vị bằng /status.
kind-scoring = { $row ->
    [bonus] điểm thưởng
    [deduction] điểm trừ
   *[criterion] tiêu chí
}{ $scoring ->
    [passfail] , đạt/không đạt
    [count] , { $each } điểm/lần
    [tally] , +{ $plus }/−{ $minus } điểm mỗi lần{ $min ->
        [0] {""}
       *[other] , sàn { $min }
    }
    [target] , theo chỉ tiêu (công thức Cụm)
    [linear] , tỷ lệ chỉ tiêu
   *[points] {""}
}{ $evidence ->
    [required] , bắt buộc minh chứng
    [none] , không cần minh chứng
   *[optional] {""}
}{ $na ->
    [none] {""}
   *[other] , không áp dụng: { $na }
}

## Scores by kind
error-input-passfail = Tiêu chí { $code } chấm đạt/không đạt: viết “đạt” (hoặc đ, x, 1) hay “không đạt” (hoặc kđ, 0), không phải “{ $input }”.
error-input-count = Tiêu chí { $code } chấm theo số lần: viết số lần, ví dụ “3” hoặc “3 lần”, không phải “{ $input }”.
error-input-tally = Tiêu chí { $code } chấm cộng/trừ theo số lần: viết +SỐ_LẦN_CỘNG -SỐ_LẦN_TRỪ, ví dụ “+2 -1” (hoặc “0”), không phải “{ $input }”.
error-input-ratio = Tiêu chí { $code } chấm theo chỉ tiêu: viết KẾT_QUẢ/CHỈ_TIÊU, ví dụ “95/100”, hoặc chỉ KẾT_QUẢ khi thư ký đã giao chỉ tiêu; không phải “{ $input }”.
error-input-kind = Tiêu chí { $code }: cách ghi không hợp với loại tiêu chí. Xem /help score.
error-input-no-target = Tiêu chí { $code }: chưa có chỉ tiêu của đơn vị. Viết KẾT_QUẢ/CHỈ_TIÊU (ví dụ 95/100) hoặc đề nghị thư ký giao chỉ tiêu bằng /target.
error-input-target-set = Tiêu chí { $code }: thư ký đã giao chỉ tiêu { $target }. Chỉ ghi kết quả, hoặc ghi đúng chỉ tiêu đó.
error-criterion-not-assigned = Tiêu chí { $code } không áp dụng cho đơn vị { $unit }.
error-at-cell = • Ô { $cell }: { $problem }

## Targets (/target)
usage-target = Cách dùng: /target MÃ_TIÊU_CHÍ MÃ_ĐƠN_VỊ CHỈ_TIÊU (mỗi dòng sau lệnh một chỉ tiêu); /target để xem các chỉ tiêu đã giao. Chỉ dùng cho tiêu chí loại target hoặc linear.
cmd-target = giao chỉ tiêu cho từng đơn vị (tiêu chí định lượng)
error-target-kind = Tiêu chí { $code } không chấm theo chỉ tiêu (loại target hoặc linear).
error-target-value = Tiêu chí { $code }: chỉ tiêu “{ $input }” phải là số lớn hơn 0, tối đa hai chữ số thập phân.
target-set = Đã giao chỉ tiêu. Các chỉ tiêu của năm ({ $count }):
target-list = Các chỉ tiêu đã giao ({ $count }):
target-none = Chưa giao chỉ tiêu nào. Thư ký giao bằng /target MÃ_TIÊU_CHÍ MÃ_ĐƠN_VỊ CHỈ_TIÊU.
col-target = Chỉ tiêu

## /mine
mine-input = { $input } → { $points }
mine-input-provisional = { $input } → { $points } (tạm tính)
mine-own-max = Điểm tối đa của đơn vị: { $max } (không tính các tiêu chí không áp dụng).
mine-evidence = Minh chứng { $code }: { $files }.
mine-not-assigned = không áp dụng
col-evidence = MC

## Evidence (/evidence)
usage-evidence = Cách dùng: /evidence MÃ_TIÊU_CHÍ kèm tệp minh chứng (PDF, Word, Excel, JPG, PNG); /evidence MÃ_TIÊU_CHÍ để xem danh sách; /evidence MÃ_ĐƠN_VỊ MÃ_TIÊU_CHÍ để đọc minh chứng của một đơn vị (đơn vị đó, đơn vị chấm chéo, thư ký, Cụm trưởng).
cmd-evidence = gửi, xem minh chứng của một tiêu chí
evidence-added = Đã lưu { $count } tệp minh chứng cho { $unit }, tiêu chí { $code } (tổng cộng { $total } tệp).
evidence-list = Minh chứng của { $unit }, tiêu chí { $code } ({ $count } tệp):
evidence-none = { $unit } chưa có minh chứng cho tiêu chí { $code }.
col-evidence-file = Tệp
col-evidence-size = Dung lượng
col-evidence-time = Thời gian
error-evidence-count = Tệp “{ $name }”: mỗi tiêu chí có tối đa { $max } tệp minh chứng.
error-evidence-size = Tệp “{ $name }” vượt quá { $max } MB.
error-evidence-type = Tệp “{ $name }” không phải PDF, Word, Excel, JPG hay PNG (kiểm tra theo nội dung tệp).
error-evidence-forbidden = Chỉ đơn vị { $unit }, đơn vị chấm chéo, thư ký và Cụm trưởng mới xem được minh chứng của { $unit }.
error-evidence-not-asked = Tiêu chí { $code } không cần minh chứng.
error-evidence-confirmed = Phiếu điểm đã xác nhận, không thêm minh chứng được nữa.
error-submit-evidence = Còn { $count } tiêu chí bắt buộc minh chứng chưa có tệp: { $codes }. Gửi bằng /evidence MÃ_TIÊU_CHÍ kèm tệp rồi nộp lại.
rules-evidence = Minh chứng: tối đa { $files } tệp mỗi tiêu chí, mỗi tệp tối đa { $mb } MB (PDF, Word, Excel, JPG, PNG).
error-rules-evidence = Viết /rules evidence MB SỐ_TỆP, ví dụ /rules evidence 10 5 (1–50 MB, 1–20 tệp).

## The sheet as an Excel file (/template)
usage-template = Cách dùng: /template. Điền cột điểm và ghi chú trong Excel rồi gửi lại tệp kèm lệnh /score.
cmd-template = phiếu tự chấm dạng Excel để điền
template-sent = Phiếu tự chấm của { $unit } dạng Excel: điền cột “Điểm tự chấm” (và ghi chú), rồi gửi lại tệp kèm lệnh /score.
template-caption = Phiếu tự chấm { $unit }
template-title = Phiếu tự chấm điểm { $unit } – { $name }
template-unit = Mã đơn vị
template-round = { $cluster }, năm { $year }, đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
}
template-how = Chỉ điền các ô tô màu (điểm tự chấm, ghi chú); xem cột “Cách chấm”. Gửi lại tệp kèm lệnh /score.
template-col-code = Mã
template-col-title = Nội dung
template-col-points = Điểm tự chấm
template-col-note = Ghi chú
template-col-max = Tối đa
template-col-how = Cách chấm
template-not-assigned = không áp dụng cho đơn vị
template-how-points = số điểm từ 0 đến { $max }
template-how-passfail = “đạt” ({ $max } điểm) hoặc “không đạt” (0 điểm)
template-how-count = số lần, { $each } điểm mỗi lần, tối đa { $max }
template-how-tally = +số lần cộng -số lần trừ (ví dụ +2 -1): +{ $plus }/−{ $minus } điểm mỗi lần, tối đa { $max }
template-how-target = kết quả/chỉ tiêu (ví dụ 95/100); điểm tính theo công thức của Cụm khi khóa sổ
template-how-linear = kết quả/chỉ tiêu (ví dụ 95/100); điểm = { $max } × kết quả/chỉ tiêu, tối đa { $max }
template-invalid-title = Giá trị chưa hợp lệ
template-invalid-points = Điểm từ 0 đến { $max }.
template-invalid-passfail = Chọn “đạt” hoặc “không đạt”.
template-invalid-count = Số lần là số nguyên, không âm.
error-template-file = Tệp “{ $name }” không phải phiếu tự chấm lấy bằng /template. Lấy phiếu bằng /template, điền rồi gửi lại.
error-template-unit = Phiếu này của đơn vị { $unit }, không phải của { $mine }. Lấy phiếu của đơn vị bằng /template.
error-template-empty = Phiếu chưa có ô điểm nào được điền.
error-evidence-files = Chưa lưu tệp nào: { $count } tệp chưa hợp lệ. { $list }

## Telegram menu descriptions of the commands above (the menu entries themselves live in src/adapters/telegram/commands.ts)
