# Criterion kinds, targets, evidence and the score sheet template (/template).

## Criteria table: kinds, evidence, units not assigned
error-criteria-scoring = Criterion { $code }: “{ $spec }” is not a way of scoring. Write one of: passfail, count POINTS_EACH, tally PLUS MINUS [FLOOR], target (the cluster's formula), linear (in proportion to the target).
error-criteria-scoring-row = Row { $code } (“{ $kind }”): bonus and deduction rows are scored by points, pass/fail or a count only.
error-criteria-flag = Criterion { $code }: “{ $flag }” is not understood. After the kind you may write: evidence (required), none (no evidence), na UNIT… (does not apply to those units).
error-criteria-unknown-units = The cluster has no unit { $codes } (named as not assigned). Check the unit codes with /status.
kind-scoring = { $row ->
    [bonus] bonus
    [deduction] deduction
   *[criterion] criterion
}{ $scoring ->
    [passfail] , pass/fail
    [count] , { $each } points an occurrence
    [tally] , +{ $plus }/−{ $minus } points an occurrence{ $min ->
        [0] {""}
       *[other] , floor { $min }
    }
    [target] , against a target (cluster formula)
    [linear] , in proportion to a target
   *[points] {""}
}{ $evidence ->
    [required] , evidence required
    [none] , no evidence
   *[optional] {""}
}{ $na ->
    [none] {""}
   *[other] , not for: { $na }
}

## Scores by kind
error-input-passfail = Criterion { $code } is pass/fail: write “đạt” (or đ, x, 1, pass) or “không đạt” (or kđ, 0, fail), not “{ $input }”.
error-input-count = Criterion { $code } is scored by a count: write the number of occurrences, e.g. “3” or “3 lần”, not “{ $input }”.
error-input-tally = Criterion { $code } is scored by bonus and penalty counts: write +BONUS_COUNT -PENALTY_COUNT, e.g. “+2 -1” (or “0”), not “{ $input }”.
error-input-ratio = Criterion { $code } is scored against a target: write ACTUAL/TARGET, e.g. “95/100”, or the ACTUAL alone once the secretary has set the target; not “{ $input }”.
error-input-kind = Criterion { $code }: this input does not fit the criterion's kind. See /help score.
error-input-no-target = Criterion { $code }: the unit has no target yet. Write ACTUAL/TARGET (e.g. 95/100) or ask the secretary to set it with /target.
error-input-target-set = Criterion { $code }: the secretary set the target { $target }. Write the actual result only, or that target.
error-criterion-not-assigned = Criterion { $code } does not apply to unit { $unit }.
error-at-cell = • Cell { $cell }: { $problem }

## Targets (/target)
usage-target = Usage: /target CRITERION UNIT TARGET (one a line after the command); /target alone lists the targets set. Only for criteria of kind target or linear.
cmd-target = set each unit's target (quantitative criteria)
error-target-kind = Criterion { $code } is not scored against a target (kind target or linear).
error-target-value = Criterion { $code }: the target “{ $input }” must be a number above 0 with at most two decimals.
target-set = Targets set. The year's targets ({ $count }):
target-list = Targets set ({ $count }):
target-none = No targets are set. The secretary sets them with /target CRITERION UNIT TARGET.
col-target = Target

## /mine
mine-input = { $input } → { $points }
mine-input-provisional = { $input } → { $points } (provisional)
mine-own-max = The unit's maximum: { $max } (criteria that do not apply left out).
mine-evidence = Evidence for { $code }: { $files }.
mine-not-assigned = not applicable
col-evidence = Ev.

## Evidence (/evidence)
usage-evidence = Usage: /evidence CRITERION with evidence files attached (PDF, Word, Excel, JPG, PNG); /evidence CRITERION alone lists them; /evidence UNIT CRITERION reads a unit's evidence (that unit, its reviewers, the secretary, the leader).
cmd-evidence = attach or read the evidence of a criterion
evidence-added = Stored { $count } evidence file(s) for { $unit }, criterion { $code } ({ $total } in all).
evidence-list = Evidence of { $unit }, criterion { $code } ({ $count } files):
evidence-none = { $unit } has no evidence for criterion { $code }.
col-evidence-file = File
col-evidence-size = Size
col-evidence-time = Time
error-evidence-count = File “{ $name }”: a criterion holds at most { $max } evidence files.
error-evidence-size = File “{ $name }” is larger than { $max } MB.
error-evidence-type = File “{ $name }” is not a PDF, Word, Excel, JPG or PNG file (checked by its content).
error-evidence-forbidden = Only { $unit } itself, its reviewers, the secretary and the cluster leader can read { $unit }'s evidence.
error-evidence-not-asked = Criterion { $code } takes no evidence.
error-evidence-confirmed = The sheet is confirmed: no more evidence can be added.
error-submit-evidence = { $count } criteria that require evidence have no file yet: { $codes }. Attach them with /evidence CRITERION, then submit again.
rules-evidence = Evidence: at most { $files } files a criterion, { $mb } MB a file (PDF, Word, Excel, JPG, PNG).
error-rules-evidence = Write /rules evidence MB FILES, e.g. /rules evidence 10 5 (1–50 MB, 1–20 files).

## The sheet as an Excel file (/template)
usage-template = Usage: /template. Fill in the points and notes in Excel, then send the file back with /score.
cmd-template = the score sheet as an Excel file to fill in
template-sent = { $unit }'s score sheet as an Excel file: fill in the “Self-score” column (and notes), then send the file back with /score.
template-caption = { $unit }'s score sheet
template-title = Self-score sheet of { $unit } – { $name }
template-unit = Unit code
template-round = { $cluster }, { $year }, { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round
template-how = Fill in the coloured cells only (self-score, note); see the “How to score” column. Send the file back with /score.
template-col-code = Code
template-col-title = Criterion
template-col-points = Self-score
template-col-note = Note
template-col-max = Max
template-col-how = How to score
template-not-assigned = does not apply to the unit
template-how-points = points from 0 to { $max }
template-how-passfail = “đạt” ({ $max } points) or “không đạt” (0 points)
template-how-count = a count, { $each } points each, at most { $max }
template-how-tally = +bonus count -penalty count (e.g. +2 -1): +{ $plus }/−{ $minus } points each, at most { $max }
template-how-target = actual/target (e.g. 95/100); points by the cluster's formula when the round closes
template-how-linear = actual/target (e.g. 95/100); points = { $max } × actual/target, at most { $max }
template-invalid-title = Invalid value
template-invalid-points = Points from 0 to { $max }.
template-invalid-passfail = Choose “đạt” or “không đạt”.
template-invalid-count = A count is a whole number, not negative.
error-template-file = The file “{ $name }” is not a score sheet from /template. Get one with /template, fill it in and send it back.
error-template-unit = This sheet belongs to unit { $unit }, not { $mine }. Get your unit's sheet with /template.
error-template-empty = No points cell of the sheet is filled in.
error-evidence-files = Nothing was stored: { $count ->
    [one] one file is
   *[other] { $count } files are
} not valid. { $list }

## Telegram menu descriptions of the commands above (the menu entries themselves live in src/adapters/telegram/commands.ts)
