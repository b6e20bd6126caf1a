# Báo cáo: bảng tổng hợp (.xlsx, .csv) và biểu đồ xếp hạng.

## Tiêu đề cột
report-col-rank = Hạng
report-col-unit-code = Mã đơn vị
report-col-unit-name = Tên đơn vị
report-col-bonus = Điểm thưởng
report-col-deductions = Điểm trừ
report-col-total = Tổng điểm
report-col-class = Xếp loại
report-col-criterion-code = Mã tiêu chí
report-col-criterion-title = Nội dung tiêu chí
report-col-kind = Loại
report-col-max = Điểm tối đa
report-col-self = Điểm tự chấm
report-col-note = Ghi chú, minh chứng
report-col-reviewed = Điểm thẩm định
report-col-reason = Lý do điều chỉnh
report-col-at = Thời gian
report-col-actor = Người thực hiện
report-col-action = Thao tác
report-col-subject = Đối tượng
report-col-change = Nội dung thay đổi
report-col-audit-reason = Lý do, ghi chú

## Xếp loại
report-class-excellent = Xuất sắc
report-class-good = Tốt
report-class-completed = Hoàn thành
report-class-not-completed = Chưa hoàn thành
report-no-sheet = Không nộp

## Đợt chấm điểm
report-round-midyear = Sơ kết 6 tháng
report-round-yearend = Tổng kết năm
report-round-state-open = Đang tự chấm điểm
report-round-state-review = Đang thẩm định
report-round-state-closed = Đã chốt kết quả

## Trạng thái phiếu chấm của đơn vị
report-sheet-state-draft = Đang tự chấm
report-sheet-state-submitted = Đã nộp
report-sheet-state-reviewed = Đã thẩm định
report-sheet-state-confirmed = Đã xác nhận
report-sheet-state-disputed = Đang giải trình

## Loại dòng trong bảng tiêu chí
report-kind-criterion = Tiêu chí
report-kind-bonus = Điểm thưởng
report-kind-deduction = Điểm trừ

## Tên các trang tính (tối đa 31 ký tự)
report-sheet-table = Bảng tổng hợp
report-sheet-info = Thông tin
report-sheet-audit = Nhật ký chấm điểm

## Trang thông tin
report-heading = Kết quả chấm điểm thi đua năm { $year } – { $round }
report-provisional-mark = tạm tính
report-info-cluster = Cụm thi đua
report-info-year = Năm thi đua
report-info-round = Đợt chấm điểm
report-info-state = Trạng thái đợt chấm
report-info-figures = Số liệu
report-figures-provisional = Tạm tính (đợt chấm chưa chốt)
report-figures-final = Chính thức (đợt chấm đã chốt)
report-info-deadline = Hạn chấm điểm
report-info-exported = Thời điểm xuất
report-info-timezone = Múi giờ
report-info-units = Số đơn vị
report-info-scale = Thang điểm
report-info-criteria = Danh mục tiêu chí
report-unit-state = Trạng thái phiếu chấm

## Biểu đồ
report-scale = Thang điểm { $max }
report-exported-at = Số liệu lúc { $at }
report-chart-axis = Tổng điểm
report-chart-no-sheet = không nộp

## Nhật ký chấm điểm (trang cuối của tệp .xlsx)
report-audit-action-score-self = Tự chấm điểm
report-audit-action-score-review = Thẩm định điểm
report-audit-action-sheet-submit = Nộp phiếu chấm
report-audit-action-sheet-confirm = Xác nhận kết quả thẩm định
report-audit-action-sheet-explain = Giải trình
report-audit-action-round-open = Mở đợt chấm điểm
report-audit-action-round-deadline = Đổi hạn chấm điểm
report-audit-action-round-close = Khóa sổ, xếp hạng
report-audit-action-review-assign = Phân công chấm chéo
report-audit-points = { $code }: { $points }
report-audit-score = { $code }: { $before } → { $after }
report-audit-state = { $before } → { $after }
report-audit-total = tổng điểm { $total }
report-audit-deadline = Hạn chấm điểm { $deadline }
report-audit-round-closed = Xếp hạng { $units } đơn vị
report-audit-assign = { $reviewer } chấm chéo phiếu của { $unit }
report-col-evidence = Minh chứng
