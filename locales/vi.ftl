# Tiếng Việt (mặc định). Mọi câu người dùng thấy đều nằm ở đây hoặc trong vi.*.ftl.
# Ngày viết dd/mm/yyyy, số thập phân dùng dấu phẩy.

## Chung

error-internal = Xin lỗi, đã có lỗi khi xử lý yêu cầu. Dữ liệu không bị thay đổi. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên mã tham chiếu { $ref }.
error-unknown-command = Không có lệnh /{ $command }. Gõ /help để xem các lệnh dùng được.
error-group-only = Lệnh /{ $command } chỉ dùng trong nhóm chat của Cụm.
error-no-cluster = Nhóm này chưa gắn với Cụm thi đua nào. Thư ký tạo Cụm bằng /setup TÊN CỤM, hoặc gắn nhóm vào Cụm đã có bằng /link MÃ.
error-no-cluster-private = Bạn chưa thuộc Cụm thi đua nào. Hãy dùng lệnh này trong nhóm chat của Cụm, hoặc tham gia từ chat riêng bằng /join MÃ_ĐƠN_VỊ MÃ_MỜI (thư ký lấy mã mời bằng /invite).
error-not-secretary = Chỉ thư ký Cụm mới dùng được lệnh này.
error-not-representative = Bạn chưa là đại diện của đơn vị nào. Gửi /join MÃ_ĐƠN_VỊ để đăng ký đại diện cho đơn vị.
error-join-pending = Yêu cầu đại diện đơn vị của bạn đang chờ thư ký duyệt.
error-too-long = Nội dung quá dài (tối đa { $max } ký tự). Hãy rút gọn hoặc chia thành nhiều lệnh.
error-lines = Có { $count } dòng chưa hợp lệ, chưa có gì được ghi nhận. Sửa các dòng sau rồi gửi lại cả lệnh:
error-at-line = • Dòng { $line }: { $problem }

## Điểm số

error-score-format = “{ $input }” không phải là số điểm. Viết số điểm như 8,5 hoặc 8.5 hoặc 10.
error-score-decimals = “{ $input }” có quá hai chữ số thập phân. Điểm chỉ lấy tối đa hai chữ số sau dấu phẩy (ví dụ 8,25).
error-score-negative = Điểm không được âm (“{ $input }”). Điểm trừ được ghi ở dòng điểm trừ, bằng số dương.
error-score-above-max = Tiêu chí { $code }: { $points } điểm vượt mức tối đa { $max } điểm.
error-score-missing = Tiêu chí { $code }: thiếu số điểm. Viết: { $code } ĐIỂM [ghi chú].
error-unknown-criterion = Không có tiêu chí “{ $code }” trong bảng tiêu chí năm nay. Gõ /criteria để xem mã các tiêu chí.

## Bảng tiêu chí

error-criteria-empty = Tệp tiêu chí không có dữ liệu.
error-criteria-header = Dòng đầu của tệp phải có các cột code, title, max (và kind). Xem tệp mẫu criteria-home-affairs.csv.
error-criteria-code = Mã “{ $code }” không hợp lệ: mã không được để trống và không có dấu cách.
error-criteria-title = Tiêu chí { $code } thiếu tên.
error-criteria-kind = Tiêu chí { $code }: loại “{ $kind }” không hợp lệ; dùng criterion, bonus, deduction hoặc section, hoặc một cách chấm: passfail, count, tally, target, linear.
error-criteria-duplicate = Mã { $code } bị trùng; mỗi tiêu chí cần một mã riêng.
error-criteria-max = Tiêu chí { $code }: điểm tối đa “{ $max }” không hợp lệ; phải là số dương, tối đa hai chữ số thập phân.
error-criteria-none = Bảng tiêu chí phải có ít nhất một tiêu chí chấm điểm.
error-criteria-locked = Đợt chấm điểm đã có điểm nên không thể thay bảng tiêu chí năm nay.
error-criteria-file-type = Tệp “{ $name }” không đọc được: chỉ nhận tệp .csv hoặc .xlsx.
error-criteria-file-size = Tệp tiêu chí quá lớn (tối đa 2 MB).
error-criteria-file-read = Không đọc được tệp “{ $name }”. Kiểm tra lại tệp (.csv mã hóa UTF-8 hoặc .xlsx) rồi gửi lại.
error-no-criteria = Năm thi đua chưa có bảng tiêu chí. Thư ký gửi /criteria kèm bảng tiêu chí (mỗi dòng: MÃ | TÊN | ĐIỂM TỐI ĐA) hoặc tệp .csv/.xlsx.
criteria-set = Đã cập nhật bảng tiêu chí năm { $year }: { $count } tiêu chí.
criteria-current = Bảng tiêu chí năm { $year }: { $count } tiêu chí.
criteria-section-total = Mục { $code }. { $title }: { $count } tiêu chí, tối đa { $max } điểm.
criteria-totals = Tổng điểm tối đa: { $max }; điểm thưởng tối đa: { $bonus }; điểm trừ tối đa: { $deduction }.
kind-section = mục
kind-criterion = tiêu chí
kind-bonus = điểm thưởng
kind-deduction = điểm trừ

## Ngày tháng

error-date-format = “{ $input }” không đúng dạng ngày. Viết ngày theo dạng dd/mm/yyyy, có thể kèm giờ HH:MM (ví dụ 15/12/2026 17:00).
error-date-invalid = Ngày “{ $input }” không tồn tại.
error-date-past = Thời điểm { $input } đã qua. Hãy chọn một thời điểm trong tương lai.

## Trạng thái đợt chấm, phiếu điểm

error-round-closed = Đợt chấm điểm đã khóa sổ, không thể thay đổi. Xem kết quả bằng /results.
error-sheet-submitted = Phiếu điểm của đơn vị đã nộp nên không sửa được nữa. Nếu cần điều chỉnh, đề nghị thư ký hoặc Cụm trưởng thẩm định.
error-review-not-submitted = Đơn vị chưa nộp phiếu điểm nên chưa thể thẩm định.
error-confirm-not-submitted = Đơn vị chưa nộp phiếu điểm. Chấm điểm bằng /score rồi nộp bằng /submit.
error-already-confirmed = Đơn vị đã xác nhận kết quả chấm điểm.
error-sheet-changed = Phiếu điểm vừa được người khác thay đổi. Xem lại bằng /mine rồi gửi lại.
error-explain-not-reviewed = Phiếu điểm của đơn vị chưa được thẩm định nên chưa có gì để giải trình.

## Lập Cụm, gắn nhóm

error-already-bound = Nhóm này đã gắn với { $name }.
error-setup-name = Cần tên Cụm. Ví dụ: /setup Cụm thi đua Sở Nội vụ các tỉnh miền Tây Nam Bộ
setup-done = Đã lập { $name } cho nhóm này. { $person } là thư ký Cụm. Bước tiếp theo: thêm đơn vị thành viên bằng /addunit MÃ TÊN (mỗi dòng một đơn vị).
link-code = Mã gắn nhóm: { $code } (dùng một lần, hết hạn lúc { $until }). Gửi /link { $code } trong nhóm cần gắn, trên bất kỳ nền tảng nào.
error-link-code = Mã { $code } không đúng, đã dùng hoặc đã hết hạn. Thư ký lấy mã mới bằng /link.
link-done = Đã gắn nhóm này với { $name }. Nhắc việc của Cụm sẽ được gửi cả vào nhóm này.

## Đơn vị thành viên

usage-addunit = Cách dùng: /addunit MÃ TÊN ĐƠN VỊ, hoặc mỗi dòng sau lệnh một đơn vị “MÃ TÊN”.
error-unit-code = Mã đơn vị “{ $code }” không hợp lệ: dùng chữ không dấu và số, tối đa 16 ký tự, không có dấu cách.
error-unit-name = Đơn vị { $code } thiếu tên.
error-unit-exists = Mã đơn vị { $code } đã có trong Cụm.
addunit-done = Đã thêm { $count } đơn vị: { $codes }. Cụm hiện có { $total } đơn vị. Đại diện mỗi đơn vị gửi /join MÃ để tham gia.
error-unknown-unit = Không có đơn vị mã “{ $code }” trong Cụm. Gõ /status để xem danh sách đơn vị.

usage-join = Cách dùng: /join MÃ_ĐƠN_VỊ trong nhóm của Cụm, ví dụ /join BL; trong chat riêng với bot: /join MÃ_ĐƠN_VỊ MÃ_MỜI (mã mời do thư ký cung cấp).
error-join-already = Bạn đã là đại diện của đơn vị { $code }.
error-join-pending-same = Yêu cầu đại diện đơn vị { $code } của bạn đang chờ thư ký duyệt.
error-join-other-unit = Bạn đang là đại diện của một đơn vị khác. Mỗi người chỉ đại diện cho một đơn vị trong Cụm.
join-requested = { $person } đề nghị làm đại diện của { $code } – { $unit }. Thư ký duyệt bằng /approve { $code }.
button-approve = Duyệt { $code }

usage-approve = Cách dùng: /approve MÃ_ĐƠN_VỊ.
error-approve-none = Không có yêu cầu nào đang chờ duyệt cho đơn vị { $code }.
approve-done = Đã duyệt { $people } làm đại diện của { $code } – { $unit }.

usage-secretary = Cách dùng: /secretary @tên_người_dùng (người đó cần đã nhắn tin cho bot hoặc trong nhóm).
error-person-unknown = Bot chưa biết “{ $name }”. Người đó cần gửi một lệnh bất kỳ (ví dụ /help) trong nhóm trước.
error-secretary-already = { $person } đã là thư ký Cụm.
secretary-done = { $person } đã được thêm làm thư ký Cụm.

usage-lang = Cách dùng: /lang vi (tiếng Việt) hoặc /lang en (English).
lang-done = Đã chuyển sang tiếng Việt.

## Năm thi đua

usage-term = Cách dùng: /term NĂM [CHỦ ĐỀ], ví dụ /term 2026 Đoàn kết, kỷ cương, gương mẫu, đổi mới, hiệu quả.
error-term-exists = Năm thi đua { $year } đã được mở trước đây.
error-term-round-open = Năm { $year } còn đợt chấm điểm chưa khóa sổ. Khóa sổ bằng /close trước khi mở năm mới.
error-no-term = Cụm chưa mở năm thi đua. Thư ký mở bằng /term NĂM [CHỦ ĐỀ].
term-previous-closed = Đã kết thúc năm thi đua { $year }.
term-opened = Đã mở năm thi đua { $year }. Tiếp theo: chỉ định Cụm trưởng (/leader MÃ), Cụm phó (/deputy MÃ) và gửi bảng tiêu chí (/criteria).
term-opened-theme = Đã mở năm thi đua { $year } với chủ đề “{ $theme }”. Tiếp theo: chỉ định Cụm trưởng (/leader MÃ), Cụm phó (/deputy MÃ) và gửi bảng tiêu chí (/criteria).
term-leader-from-handover = Cụm trưởng năm nay theo lần bàn giao gần nhất: { $code } – { $unit }.
term-leader-from-election = Cụm trưởng năm nay theo kết quả bầu tại hội nghị tổng kết năm trước: { $code } – { $unit }.
term-deputy-from-election = Cụm phó năm nay theo kết quả bầu tại hội nghị tổng kết năm trước: { $code } – { $unit }.

usage-leader = Cách dùng: /leader MÃ_ĐƠN_VỊ.
usage-deputy = Cách dùng: /deputy MÃ_ĐƠN_VỊ.
error-leader-deputy-same = Đơn vị { $code } không thể vừa là Cụm trưởng vừa là Cụm phó.
leader-done = { $code } – { $unit } là Cụm trưởng năm { $year }.
deputy-done = { $code } – { $unit } là Cụm phó năm { $year }.

## Đợt chấm điểm

usage-round = Cách dùng: /round midyear|yearend HẠN_CHÓT, ví dụ /round yearend 10/12/2026 (midyear: sơ kết 6 tháng, yearend: tổng kết năm).
error-round-other-open = Đang có đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết năm
} chưa khóa sổ. Khóa sổ bằng /close trước khi mở đợt khác.
error-round-exists = Đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết năm
} của năm { $year } đã có.
error-no-round = Hiện không có đợt chấm điểm nào đang mở. Thư ký mở đợt bằng /round midyear|yearend HẠN_CHÓT; xem kết quả các đợt đã khóa sổ bằng /results.
round-opened = Đã mở đợt chấm điểm { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year }, hạn nộp { $deadline }. Đại diện các đơn vị tự chấm bằng /score MÃ_TIÊU_CHÍ ĐIỂM [ghi chú], rồi nộp bằng /submit.
round-moved = Đã dời hạn nộp đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} đến { $deadline }. Lịch nhắc việc đã được cập nhật.

usage-score = Cách dùng: /score MÃ_TIÊU_CHÍ ĐIỂM [ghi chú], hoặc mỗi dòng sau lệnh một tiêu chí. ĐIỂM theo loại tiêu chí: số điểm (8,5); đạt/không đạt (“đạt”, “đ”, “x”, “1” hoặc “không đạt”, “kđ”, “0”); số lần (“3” hoặc “3 lần”); cộng/trừ theo số lần (“+2 -1”); theo chỉ tiêu (“95/100” là kết quả/chỉ tiêu, hoặc “95” khi thư ký đã giao chỉ tiêu bằng /target; điểm tạm tính đến khi khóa sổ). Hoặc gửi kèm phiếu Excel lấy bằng /template đã điền.
score-recorded-one = Đã ghi { $unit } tự chấm tiêu chí { $code }: { $points } điểm. Đã chấm { $scored }/{ $required } tiêu chí, tạm tính { $total } điểm.
score-recorded = Đã ghi { $count } điểm tự chấm của { $unit }. Đã chấm { $scored }/{ $required } tiêu chí, tạm tính { $total } điểm.
score-ready-to-submit = Đã chấm đủ các tiêu chí. Kiểm tra bằng /mine rồi nộp bằng /submit.

error-submit-empty = Đơn vị chưa chấm tiêu chí nào. Chấm bằng /score MÃ_TIÊU_CHÍ ĐIỂM.
error-submit-missing = Còn { $count } tiêu chí chưa chấm: { $codes }. Chấm đủ rồi nộp lại.
submit-done = { $unit } đã nộp phiếu tự chấm: { $total } điểm. Phiếu sẽ được thẩm định; kết quả thẩm định sẽ báo trong nhóm.
submit-done-late = { $unit } đã nộp phiếu tự chấm: { $total } điểm (nộp sau hạn). Phiếu sẽ được thẩm định.

mine-header = Phiếu điểm { $unit } – { $name }, đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } (hạn { $deadline }): { $state ->
    [draft] đang chấm
    [submitted] đã nộp
    [reviewed] đã thẩm định, chờ xác nhận
    [confirmed] đã xác nhận
    [disputed] đang giải trình
   *[none] chưa chấm
}.
mine-total = Tổng { $total } điểm (thưởng { $bonus }, trừ { $deductions }); đã chấm { $scored }/{ $required } tiêu chí.
mine-missing = Chưa chấm: { $codes }.
mine-explanations = Đơn vị đã gửi { $count } giải trình.

## Tình hình

status-term = Năm thi đua { $year }, { $units } đơn vị.
status-signed = Ký giao ước: { $count }/{ $total }. Chưa ký: { $missing }.
status-registered = Đăng ký thi đua: { $count }/{ $total }. Chưa đăng ký: { $missing }.
status-no-round = Chưa có đợt chấm điểm nào đang mở.
status-round = Đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} ({ $state ->
    [review] đang thẩm định
   *[open] đang tự chấm
}), hạn nộp { $deadline }.
status-submitted = Đã nộp: { $count }/{ $total }. Chưa nộp: { $missing }.
status-confirmed = Đã xác nhận: { $count }/{ $total }. Chưa xác nhận: { $missing }.
status-dispute = Giải trình của { $unit }, tiêu chí { $code }: { $text }
sheet-state-none = chưa chấm
sheet-state-draft = đang chấm
sheet-state-submitted = đã nộp
sheet-state-reviewed = chờ xác nhận
sheet-state-confirmed = đã xác nhận
sheet-state-disputed = giải trình

## Thẩm định, xác nhận, giải trình

usage-review = Cách dùng: /review MÃ_ĐƠN_VỊ MÃ_TIÊU_CHÍ ĐIỂM LÝ_DO (ĐIỂM là điểm sau thẩm định, không phải số điểm chênh lệch), hoặc /review MÃ_ĐƠN_VỊ ok để thẩm định cả phiếu, giữ nguyên điểm.
error-review-own = Đơn vị không tự thẩm định phiếu điểm của chính mình, kể cả khi là Cụm trưởng. Thư ký hoặc đơn vị được phân công chấm chéo sẽ thẩm định.
review-ok-done = Đã thẩm định phiếu điểm của { $unit }, giữ nguyên điểm tự chấm. Đại diện { $unit } xác nhận bằng /confirm hoặc giải trình bằng /explain MÃ_TIÊU_CHÍ NỘI_DUNG.
error-confirm-not-reviewed = Phiếu điểm của đơn vị chưa được thẩm định (hoặc đang chờ thẩm định lại sau giải trình) nên chưa thể xác nhận. Thư ký, Cụm trưởng hoặc đơn vị chấm chéo thẩm định bằng /review; nếu giữ nguyên điểm: /review MÃ_ĐƠN_VỊ ok.
error-review-reason = Thẩm định cần ghi lý do. Ví dụ: /review BL 1.2 8,5 Chỉ số PAR INDEX giảm so với năm trước.
error-not-reviewer = Chỉ thư ký, Cụm trưởng hoặc đơn vị được phân công chấm chéo mới thẩm định được phiếu này.
review-done = Đã thẩm định { $unit }, tiêu chí { $code }: { $before } → { $points } điểm. Lý do: { $reason }. Đại diện { $unit } xác nhận bằng /confirm hoặc giải trình bằng /explain { $code } NỘI_DUNG.
button-confirm = Xác nhận kết quả

confirm-done = { $unit } đã xác nhận kết quả chấm điểm: { $total } điểm.
usage-explain = Cách dùng: /explain MÃ_TIÊU_CHÍ NỘI_DUNG_GIẢI_TRÌNH.
explain-done = Đã ghi nhận giải trình của { $unit } về tiêu chí { $code }. Thư ký xem trong /status.

usage-reviewer = Cách dùng: /reviewer MÃ_ĐƠN_VỊ MÃ_ĐƠN_VỊ_CHẤM_CHÉO.
error-reviewer-self = Đơn vị { $code } không thể tự chấm chéo chính mình.
error-reviewer-exists = { $reviewer } đã được phân công chấm chéo { $code }.
reviewer-done = Đã phân công { $reviewer } chấm chéo phiếu điểm của { $code }.

## Khóa sổ, kết quả, xuất bảng

close-done = Đã khóa sổ đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } và xếp hạng { $units } đơn vị.{ $missing ->
    [0] {""}
   *[other] { " " }{ $missing } đơn vị không nộp phiếu nên không được xếp hạng.
}{ $unconfirmed ->
    [0] {""}
   *[other] { " " }{ $unconfirmed } đơn vị chưa xác nhận kết quả.
}
results-header = Kết quả { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } – { $cluster } (thang điểm { $max }):
results-header-provisional = Kết quả tạm tính { $kind ->
results-no-chart = Nền tảng này không hiển thị được biểu đồ xếp hạng; bảng dưới đây có đủ thông tin. Hãy gõ /results trên nền tảng hiển thị được hình ảnh (như Telegram) để xem biểu đồ.
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } – { $cluster } (thang điểm { $max }):
error-results-none = Chưa có đợt chấm điểm nào khóa sổ. Xem tiến độ bằng /status; thư ký khóa sổ bằng /close.
error-results-none-kind = Chưa có đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} nào. Xem các đợt đã khóa sổ bằng /results.
error-results-not-closed = Đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} chưa khóa sổ nên chưa có kết quả. Xem tiến độ bằng /status.
button-results = Xem kết quả { $kind ->
    [midyear] sơ kết
   *[yearend] tổng kết
}
error-export-no-round = Năm { $year } chưa có đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
}.
col-rank = Hạng
col-code = Mã
col-unit = Đơn vị
col-title = Nội dung
col-max = Tối đa
col-kind = Loại
col-self = Tự chấm
col-reviewed = Thẩm định
col-reason = Lý do
col-state = Trạng thái
col-total = Tổng
col-class = Xếp loại
class-excellent = Xuất sắc
class-good = Tốt
class-completed = Hoàn thành
class-not-completed = Chưa hoàn thành
class-none = Không nộp

usage-export = Cách dùng: /export xlsx hoặc /export csv; thêm midyear (sơ kết) hoặc yearend (tổng kết) để chọn đợt, ví dụ /export csv midyear; thêm link để nhận liên kết tải tệp (chuyển tiếp được), ví dụ /export link.
error-export-role = Chỉ thư ký và Cụm trưởng mới xuất được bảng tổng hợp.
export-done = Bảng tổng hợp đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } ({ $format }).
export-done-provisional = Bảng tổng hợp TẠM TÍNH đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } ({ $format }): đợt chấm chưa khóa sổ.
export-no-files = Nền tảng này không nhận được tệp nên bảng tổng hợp đợt { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} năm { $year } ({ $format }) không gửi được ở đây. Hãy gõ /export trong nhóm của Cụm trên nền tảng nhận được tệp (như Telegram), hoặc gõ /results để xem bảng xếp hạng.

## Giao ước, đăng ký thi đua

error-already-signed = { $unit } đã ký giao ước thi đua năm { $year }.
sign-done = { $unit } đã ký giao ước thi đua năm { $year } ({ $signed }/{ $total } đơn vị đã ký).
usage-register = Cách dùng: /register DANH_HIỆU, ví dụ /register Cờ thi đua của Chính phủ.
register-done = { $unit } đăng ký thi đua năm { $year }: { $title }.
register-changed = { $unit } đã đổi đăng ký thi đua năm { $year } thành: { $title }.

## Hội nghị, bàn giao

usage-meeting = Cách dùng: /meeting midyear|yearend dd/mm/yyyy [HH:MM] [ĐỊA ĐIỂM].
meeting-scheduled = Đã lên lịch hội nghị { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} lúc { $at }, địa điểm: { $place }. Bot sẽ nhắc trước 3 ngày và 1 ngày.
meeting-moved = Đã dời hội nghị { $kind ->
    [midyear] sơ kết 6 tháng
   *[yearend] tổng kết
} sang { $at }, địa điểm: { $place }. Lịch nhắc việc đã được cập nhật.
usage-handover = Cách dùng: /handover MÃ_ĐƠN_VỊ dd/mm/yyyy [HH:MM].
handover-scheduled = Đã lên lịch bàn giao Cụm trưởng và Cờ luân lưu từ { $from } cho { $code } – { $unit } lúc { $at }. Bot sẽ nhắc trước 7 ngày và 1 ngày.
handover-moved = Đã dời lịch bàn giao cho { $code } – { $unit } sang { $at }.

## Nhóm chat

bot-added = Xin chào! Tôi là trợ lý Cụm thi đua: thu thập điểm tự chấm, thẩm định, xác nhận, xếp hạng và nhắc hạn. Để tôi đọc được mọi lệnh trong nhóm, vui lòng đặt tôi làm quản trị viên. Thư ký lập Cụm bằng /setup TÊN CỤM hoặc gắn nhóm vào Cụm đã có bằng /link MÃ.
bot-added-again = Tôi đã trở lại nhóm. Nhắc việc của Cụm sẽ tiếp tục gửi vào đây.
notice-bot-removed = Bot đã bị xóa khỏi nhóm “{ $chat }”: nhắc việc sẽ không gửi vào nhóm đó nữa. Thư ký có thể thêm lại bot rồi gửi /link để gắn lại.

## Trợ giúp

help-intro = Tôi là trợ lý Cụm thi đua: ký giao ước, đăng ký thi đua, tự chấm điểm, thẩm định, xác nhận, xếp hạng, xuất bảng tổng hợp và nhắc hạn tự động.
help-intro-cluster = Nhóm này thuộc { $name }. Tôi giúp Cụm ký giao ước, tự chấm điểm, thẩm định, xếp hạng và nhắc hạn tự động.
help-you-secretary = Bạn là thư ký Cụm. Các lệnh bạn dùng được:
help-you-representative = Bạn là đại diện đơn vị. Các lệnh bạn dùng được:
help-you-member = Bạn chưa đại diện đơn vị nào; gửi /join MÃ_ĐƠN_VỊ để tham gia. Các lệnh bạn dùng được:
help-you-new = Các lệnh bạn dùng được:
help-line = /{ $name } (/{ $alias }): { $description }
help-more = Gõ /help TÊN_LỆNH để xem cách dùng chi tiết.

cmd-help = trợ giúp
cmd-setup = lập Cụm thi đua cho nhóm này
cmd-link = lấy mã / gắn thêm nhóm chat vào Cụm
cmd-addunit = thêm đơn vị thành viên
cmd-join = đăng ký làm đại diện đơn vị
cmd-approve = duyệt đại diện đơn vị
cmd-secretary = thêm thư ký Cụm
cmd-term = mở năm thi đua
cmd-leader = chỉ định Cụm trưởng
cmd-deputy = chỉ định Cụm phó
cmd-criteria = xem / cập nhật bảng tiêu chí
cmd-round = mở đợt chấm điểm, dời hạn nộp
cmd-reviewer = phân công chấm chéo
cmd-score = tự chấm điểm
cmd-submit = nộp phiếu tự chấm
cmd-mine = xem phiếu điểm của đơn vị
cmd-status = tình hình nộp, xác nhận, ký giao ước
cmd-review = thẩm định điểm
cmd-confirm = xác nhận kết quả thẩm định
cmd-explain = giải trình kết quả thẩm định
cmd-close = khóa sổ đợt chấm và xếp hạng
cmd-results = bảng xếp hạng
cmd-export = xuất bảng tổng hợp (Excel, CSV)
cmd-rules = xem, sửa quy chế xếp loại và xếp hạng
cmd-sign = ký giao ước thi đua
cmd-register = đăng ký danh hiệu thi đua
cmd-meeting = lên lịch hội nghị sơ kết, tổng kết
cmd-handover = lên lịch bàn giao Cụm trưởng, Cờ luân lưu
cmd-reminders = các nhắc việc sắp tới
cmd-lang = đổi ngôn ngữ

usage-help = Cách dùng: /help [TÊN_LỆNH].
usage-setup = Cách dùng: /setup TÊN CỤM (trong nhóm chat chưa gắn Cụm).
usage-link = Cách dùng: /link (thư ký lấy mã), rồi /link MÃ trong nhóm cần gắn.
usage-criteria = Cách dùng: /criteria, các dòng sau: MÃ | TÊN | ĐIỂM TỐI ĐA [| LOẠI] [| evidence] [| na MÃ_ĐƠN_VỊ…]; dòng MÃ | TÊN là một mục. LOẠI: bonus, deduction, hoặc cách chấm passfail, count ĐIỂM_MỖI_LẦN, tally CỘNG TRỪ [SÀN], target, linear. Hoặc gửi kèm tệp .csv/.xlsx (cột code, title, max, kind; tùy chọn evidence, not assigned).
usage-submit = Cách dùng: /submit (sau khi đã chấm đủ các tiêu chí).
usage-mine = Cách dùng: /mine.
usage-status = Cách dùng: /status.
usage-confirm = Cách dùng: /confirm (sau khi phiếu điểm đã được thẩm định).
usage-close = Cách dùng: /close (thư ký).
usage-results = Cách dùng: /results, hoặc /results midyear (sơ kết) hay /results yearend (tổng kết) để xem một đợt.
usage-sign = Cách dùng: /sign.
usage-reminders = Cách dùng: /reminders.

## Quy chế xếp loại, xếp hạng (/rules)

usage-rules = Cách dùng: /rules để xem; thư ký sửa bằng /rules bands 95 80 50 (ngưỡng % xuất sắc, tốt, hoàn thành), /rules tiebreak first-section fewer-deductions (hoặc none), /rules bonuscap 10 (hoặc none), /rules evidence 10 5 (MB mỗi tệp, số tệp mỗi tiêu chí), /rules reminders group|private|both (nơi gửi nhắc nhở), /rules issuer TÊN_CƠ_QUAN (hoặc none: cơ quan chủ quản ghi trên tiêu đề biên bản); bỏ phiếu tại hội nghị tổng kết: /rules council @tên MÃ_ĐƠN_VỊ… (Hội đồng bỏ phiếu thay cho các đơn vị, hoặc none), /rules method secret|hands (bỏ phiếu kín hoặc biểu quyết giơ tay) và các nguyên tắc khác nêu trong /rules.
error-rules-bands = Cần đúng ba ngưỡng phần trăm, giảm dần, lớn hơn 0 và không quá 100: xuất sắc, tốt, hoàn thành. Ví dụ /rules bands 95 80 50.
error-rules-tiebreak = Tiêu chí phụ chỉ gồm first-section (điểm mục đầu tiên cao hơn) và fewer-deductions (ít điểm trừ hơn), mỗi tiêu chí một lần; hoặc none để chỉ xét tổng điểm.
rules-current = Quy chế xếp loại, xếp hạng của Cụm:
rules-updated = Đã cập nhật quy chế xếp loại, xếp hạng của Cụm:
rules-bands = • Xếp loại theo % tổng điểm tối đa: Xuất sắc từ { $excellent }%, Tốt từ { $good }%, Hoàn thành từ { $completed }%, dưới mức đó là Chưa hoàn thành.
rules-tiebreak = • Bằng tổng điểm thì xét lần lượt: { $order }; bằng nhau mọi mặt thì đồng hạng.
rules-tiebreak-none = • Bằng tổng điểm thì đồng hạng.
rules-bonuscap = • Điểm thưởng cộng tối đa { $cap } điểm.
rules-bonuscap-none = • Điểm thưởng không giới hạn chung (mỗi nội dung thưởng theo mức tối đa của nó).
rules-closed-rounds = Các đợt đã khóa sổ giữ nguyên kết quả theo quy chế lúc khóa sổ.
rules-how = Thư ký sửa bằng /rules bands, /rules tiebreak hoặc /rules bonuscap (xem /help rules).
tiebreak-first-section = điểm mục đầu tiên cao hơn
tiebreak-fewer-deductions = ít điểm trừ hơn
