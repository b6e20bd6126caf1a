# Reports: the consolidated table (.xlsx, .csv) and the ranking chart.

## Column headers
report-col-rank = Rank
report-col-unit-code = Unit code
report-col-unit-name = Unit name
report-col-bonus = Bonus
report-col-deductions = Deductions
report-col-total = Total
report-col-class = Classification
report-col-criterion-code = Criterion
report-col-criterion-title = Description
report-col-kind = Kind
report-col-max = Maximum
report-col-self = Self-score
report-col-note = Note, evidence
report-col-reviewed = Reviewed score
report-col-reason = Reason for change
report-col-at = Time
report-col-actor = By
report-col-action = Action
report-col-subject = Concerning
report-col-change = Change
report-col-audit-reason = Reason, note

## Classification
report-class-excellent = Excellent
report-class-good = Good
report-class-completed = Completed
report-class-not-completed = Not completed
report-no-sheet = Not submitted

## Scoring rounds
report-round-midyear = Mid-year review
report-round-yearend = Year-end review
report-round-state-open = Self-scoring
report-round-state-review = Under review
report-round-state-closed = Closed

## A unit's sheet
report-sheet-state-draft = Self-scoring
report-sheet-state-submitted = Submitted
report-sheet-state-reviewed = Reviewed
report-sheet-state-confirmed = Confirmed
report-sheet-state-disputed = Disputed

## Kinds of rows in the criteria table
report-kind-criterion = Criterion
report-kind-bonus = Bonus
report-kind-deduction = Deduction

## Worksheet names (at most 31 characters)
report-sheet-table = Consolidated table
report-sheet-info = Information
report-sheet-audit = Audit trail

## Information sheet
report-heading = Emulation scores { $year } – { $round }
report-provisional-mark = provisional
report-info-cluster = Cluster
report-info-year = Emulation year
report-info-round = Scoring round
report-info-state = Round state
report-info-figures = Figures
report-figures-provisional = Provisional (the round is not closed)
report-figures-final = Final (the round is closed)
report-info-deadline = Scoring deadline
report-info-exported = Exported at
report-info-timezone = Time zone
report-info-units = Units
report-info-scale = Scale
report-info-criteria = Criteria
report-unit-state = Sheet state

## Chart
report-scale = Scale { $max }
report-exported-at = Figures as of { $at }
report-chart-axis = Total points
report-chart-no-sheet = not submitted

## Audit trail (the last sheet of the .xlsx)
report-audit-action-score-self = Self-scored
report-audit-action-score-review = Reviewed a score
report-audit-action-sheet-submit = Submitted the sheet
report-audit-action-sheet-confirm = Confirmed the reviewed sheet
report-audit-action-sheet-explain = Disputed a review
report-audit-action-round-open = Opened the round
report-audit-action-round-deadline = Moved the deadline
report-audit-action-round-close = Closed the round and ranked the units
report-audit-action-review-assign = Assigned a cross-reviewer
report-audit-points = { $code }: { $points }
report-audit-score = { $code }: { $before } → { $after }
report-audit-state = { $before } → { $after }
report-audit-total = total { $total }
report-audit-deadline = Deadline { $deadline }
report-audit-round-closed = { $units } units ranked
report-audit-assign = { $reviewer } cross-reviews { $unit }'s sheet
report-col-evidence = Evidence
