# English. Every id in vi.ftl has its English here (a test checks).

## General

error-internal = Sorry, something went wrong while handling that. Nothing was changed. Please try again; if it keeps failing, give the administrator reference { $ref }.
error-unknown-command = There is no /{ $command } command. Type /help to see what you can use.
error-group-only = /{ $command } only works in the cluster's group chat.
error-no-cluster = This chat is not bound to an emulation cluster. A secretary creates one with /setup NAME, or binds this chat to an existing cluster with /link CODE.
error-no-cluster-private = You do not belong to a cluster yet. Use this command in the cluster's group chat, or join from a private chat with /join UNIT_CODE INVITE (the secretary gets the invite code with /invite).
error-not-secretary = Only the cluster's secretary can use this command.
error-not-representative = You do not represent a unit yet. Send /join UNIT_CODE to ask to represent one.
error-join-pending = Your request to represent a unit is waiting for the secretary's approval.
error-too-long = That is too long (at most { $max } characters). Shorten it or split it over several commands.
error-lines = { $count ->
    [one] One line is not valid
   *[other] { $count } lines are not valid
}, so nothing was recorded. Fix these lines and send the whole command again:
error-at-line = • Line { $line }: { $problem }

## Scores

error-score-format = “{ $input }” is not a score. Write scores like 8,5 or 8.5 or 10.
error-score-decimals = “{ $input }” has more than two decimals. Scores take at most two decimals (e.g. 8.25).
error-score-negative = Scores cannot be negative (“{ $input }”). Deductions go on deduction rows, as positive numbers.
error-score-above-max = Criterion { $code }: { $points } points is above the maximum of { $max }.
error-score-missing = Criterion { $code }: the points are missing. Write: { $code } POINTS [note].
error-unknown-criterion = There is no criterion “{ $code }” in this year's table. Type /criteria to see the codes.

## Criteria table

error-criteria-empty = The criteria file has no data.
error-criteria-header = The file's first row must name the columns code, title, max (and kind). See the sample criteria-home-affairs.csv.
error-criteria-code = Code “{ $code }” is not valid: it must not be empty or contain spaces.
error-criteria-title = Criterion { $code } has no title.
error-criteria-kind = Criterion { $code }: kind “{ $kind }” is not valid; use criterion, bonus, deduction or section, or a scoring: passfail, count, tally, target, linear.
error-criteria-duplicate = Code { $code } appears twice; each criterion needs its own code.
error-criteria-max = Criterion { $code }: maximum “{ $max }” is not valid; it must be a positive number with at most two decimals.
error-criteria-none = The table needs at least one scored criterion.
error-criteria-locked = Scoring has started, so this year's criteria table can no longer be replaced.
error-criteria-file-type = Cannot read “{ $name }”: only .csv and .xlsx files are accepted.
error-criteria-file-size = The criteria file is too large (2 MB at most).
error-criteria-file-read = Could not read “{ $name }”. Check the file (UTF-8 .csv or .xlsx) and send it again.
error-no-criteria = This year has no criteria table yet. The secretary sends /criteria with the table (one line each: CODE | TITLE | MAX) or a .csv/.xlsx file.
criteria-set = Criteria table for { $year } set: { $count } criteria.
criteria-current = Criteria table for { $year }: { $count } criteria.
criteria-section-total = Section { $code }. { $title }: { $count } criteria, up to { $max } points.
criteria-totals = Maximum total: { $max }; bonus up to { $bonus }; deductions up to { $deduction }.
kind-section = section
kind-criterion = criterion
kind-bonus = bonus
kind-deduction = deduction

## Dates

error-date-format = “{ $input }” is not a date. Write dates as dd/mm/yyyy, optionally with HH:MM (e.g. 15/12/2026 17:00).
error-date-invalid = The date “{ $input }” does not exist.
error-date-past = { $input } is already past. Choose a time in the future.

## Round and sheet states

error-round-closed = The round is closed; nothing can change. See the results with /results.
error-sheet-submitted = The unit's sheet is submitted and can no longer be edited. For a correction, ask the secretary or the cluster leader to review it.
error-review-not-submitted = The unit has not submitted its sheet, so it cannot be reviewed yet.
error-confirm-not-submitted = The unit has not submitted its sheet. Score with /score, then submit with /submit.
error-already-confirmed = The unit has already confirmed its result.
error-sheet-changed = The sheet was just changed by someone else. Check it with /mine and send again.
error-explain-not-reviewed = The unit's sheet has not been reviewed, so there is nothing to explain yet.

## Setting up, binding chats

error-already-bound = This chat is already bound to { $name }.
error-setup-name = The cluster needs a name. Example: /setup Home Affairs Departments, Mekong provinces
setup-done = { $name } is set up for this chat, with { $person } as its secretary. Next: add member units with /addunit CODE NAME (one unit a line).
link-code = Link code: { $code } (single use, expires { $until }). Send /link { $code } in the chat to bind, on any platform.
error-link-code = Code { $code } is wrong, used or expired. The secretary gets a new one with /link.
link-done = This chat is now bound to { $name }. The cluster's reminders will arrive here too.

## Member units

usage-addunit = Usage: /addunit CODE UNIT NAME, or one “CODE NAME” a line after the command.
error-unit-code = Unit code “{ $code }” is not valid: use letters without accents and digits, at most 16 characters, no spaces.
error-unit-name = Unit { $code } has no name.
error-unit-exists = Unit code { $code } already exists in the cluster.
addunit-done = Added { $count ->
    [one] one unit
   *[other] { $count } units
}: { $codes }. The cluster now has { $total } units. Each unit's representative sends /join CODE.
error-unknown-unit = There is no unit “{ $code }” in the cluster. Type /status to see the units.

usage-join = Usage: /join UNIT_CODE in the cluster's group, e.g. /join BL; in a private chat with the bot: /join UNIT_CODE INVITE (the secretary gives the invite code).
error-join-already = You already represent { $code }.
error-join-pending-same = Your request to represent { $code } is waiting for the secretary's approval.
error-join-other-unit = You already represent another unit. Each person represents one unit in the cluster.
join-requested = { $person } asks to represent { $code } – { $unit }. The secretary approves with /approve { $code }.
button-approve = Approve { $code }

usage-approve = Usage: /approve UNIT_CODE.
error-approve-none = No request is waiting for { $code }.
approve-done = { $people } now represent(s) { $code } – { $unit }.

usage-secretary = Usage: /secretary @username (the person must have written to the bot or in the group before).
error-person-unknown = The bot does not know “{ $name }” yet. They need to send any command (e.g. /help) in the group first.
error-secretary-already = { $person } is already a secretary.
secretary-done = { $person } is now a secretary of the cluster.

usage-lang = Usage: /lang vi (Vietnamese) or /lang en (English).
lang-done = Switched to English.

## Emulation year

usage-term = Usage: /term YEAR [THEME], e.g. /term 2026 Solidarity, discipline, innovation, efficiency.
error-term-exists = The { $year } emulation year was opened before.
error-term-round-open = { $year } still has a round that is not closed. Close it with /close before opening a new year.
error-no-term = No emulation year is open. The secretary opens one with /term YEAR [THEME].
term-previous-closed = The { $year } emulation year is closed.
term-opened = Emulation year { $year } is open. Next: set the leader (/leader CODE), the deputy (/deputy CODE) and the criteria (/criteria).
term-opened-theme = Emulation year { $year } is open, theme “{ $theme }”. Next: set the leader (/leader CODE), the deputy (/deputy CODE) and the criteria (/criteria).
term-leader-from-handover = This year's leader, from the latest handover: { $code } – { $unit }.
term-leader-from-election = This year's leader, as elected at last year's review meeting: { $code } – { $unit }.
term-deputy-from-election = This year's deputy, as elected at last year's review meeting: { $code } – { $unit }.

usage-leader = Usage: /leader UNIT_CODE.
usage-deputy = Usage: /deputy UNIT_CODE.
error-leader-deputy-same = { $code } cannot be both leader and deputy.
leader-done = { $code } – { $unit } leads the cluster in { $year }.
deputy-done = { $code } – { $unit } is the deputy in { $year }.

## Scoring rounds

usage-round = Usage: /round midyear|yearend DEADLINE, e.g. /round yearend 10/12/2026.
error-round-other-open = The { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round is still open. Close it with /close before opening another.
error-round-exists = The { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round of { $year } already exists.
error-no-round = No scoring round is open. The secretary opens one with /round midyear|yearend DEADLINE; see closed rounds with /results.
round-opened = The { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round of { $year } is open, deadline { $deadline }. Representatives score with /score CRITERION POINTS [note], then submit with /submit.
round-moved = The { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} deadline moved to { $deadline }. Reminders were updated.

usage-score = Usage: /score CRITERION POINTS [note], or one such line a line after the command. POINTS by the criterion's kind: points (8.5); pass/fail (“đạt”, “đ”, “x”, “1” or “không đạt”, “kđ”, “0”); a count (“3” or “3 lần”); bonus/penalty counts (“+2 -1”); against a target (“95/100”, actual/target, or “95” once the secretary has set the target with /target; provisional until the round closes). Or attach the filled Excel sheet from /template.
score-recorded-one = Recorded { $unit }'s self-score for { $code }: { $points } points. { $scored }/{ $required } criteria scored, { $total } points so far.
score-recorded = Recorded { $count } self-scores for { $unit }. { $scored }/{ $required } criteria scored, { $total } points so far.
score-ready-to-submit = Every criterion is scored. Check with /mine, then submit with /submit.

error-submit-empty = The unit has scored nothing yet. Score with /score CRITERION POINTS.
error-submit-missing = { $count ->
    [one] One criterion is
   *[other] { $count } criteria are
} not scored: { $codes }. Score them, then submit again.
submit-done = { $unit } submitted its self-assessment: { $total } points. It will now be reviewed; the result will be posted here.
submit-done-late = { $unit } submitted its self-assessment: { $total } points (after the deadline). It will now be reviewed.

mine-header = Sheet of { $unit } – { $name }, { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round { $year } (deadline { $deadline }): { $state ->
    [draft] being scored
    [submitted] submitted
    [reviewed] reviewed, awaiting confirmation
    [confirmed] confirmed
    [disputed] disputed
   *[none] not started
}.
mine-total = Total { $total } points (bonus { $bonus }, deductions { $deductions }); { $scored }/{ $required } criteria scored.
mine-missing = Not scored: { $codes }.
mine-explanations = The unit has sent { $count } explanation(s).

## Status

status-term = Emulation year { $year }, { $units } units.
status-signed = Covenant signed: { $count }/{ $total }. Not signed: { $missing }.
status-registered = Registrations: { $count }/{ $total }. Not registered: { $missing }.
status-no-round = No scoring round is open.
status-round = { $kind ->
    [midyear] Mid-year
   *[yearend] Year-end
} round ({ $state ->
    [review] in review
   *[open] self-scoring
}), deadline { $deadline }.
status-submitted = Submitted: { $count }/{ $total }. Missing: { $missing }.
status-confirmed = Confirmed: { $count }/{ $total }. Not confirmed: { $missing }.
status-dispute = Explanation from { $unit } on { $code }: { $text }
sheet-state-none = not started
sheet-state-draft = scoring
sheet-state-submitted = submitted
sheet-state-reviewed = to confirm
sheet-state-confirmed = confirmed
sheet-state-disputed = disputed

## Review, confirmation, explanation

usage-review = Usage: /review UNIT CRITERION POINTS REASON (POINTS is the reviewed score, not a difference), or /review UNIT ok to appraise the whole sheet with its scores unchanged.
error-review-own = A unit does not appraise its own sheet, even as the cluster leader. The secretary or the unit assigned to cross-review appraises it.
review-ok-done = Appraised { $unit }'s sheet with its self-scores unchanged. { $unit }'s representative confirms with /confirm or disputes with /explain CRITERION TEXT.
error-confirm-not-reviewed = The unit's sheet has not been appraised yet (or awaits a new appraisal after an explanation), so there is nothing to confirm. The secretary, the cluster leader or the cross-reviewing unit appraises it with /review; with no change: /review UNIT ok.
error-review-reason = A review needs a reason. Example: /review BL 1.2 8.5 PAR INDEX fell compared with last year.
error-not-reviewer = Only the secretary, the cluster leader or a unit assigned to cross-review can review this sheet.
review-done = Reviewed { $unit }, criterion { $code }: { $before } → { $points } points. Reason: { $reason }. { $unit }'s representative confirms with /confirm or disputes with /explain { $code } TEXT.
button-confirm = Confirm result

confirm-done = { $unit } confirmed its result: { $total } points.
usage-explain = Usage: /explain CRITERION EXPLANATION.
explain-done = Recorded { $unit }'s explanation on { $code }. The secretary sees it in /status.

usage-reviewer = Usage: /reviewer UNIT_CODE REVIEWER_UNIT_CODE.
error-reviewer-self = { $code } cannot cross-review itself.
error-reviewer-exists = { $reviewer } is already assigned to review { $code }.
reviewer-done = { $reviewer } will cross-review { $code }'s sheet.

## Closing, results, export

close-done = The { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round of { $year } is closed; { $units } units ranked.{ $missing ->
    [0] {""}
   *[other] { " " }{ $missing } unit(s) did not submit and are not ranked.
}{ $unconfirmed ->
    [0] {""}
   *[other] { " " }{ $unconfirmed } unit(s) did not confirm their result.
}
results-header = { $kind ->
    [midyear] Mid-year
   *[yearend] Year-end
} results { $year } – { $cluster } (out of { $max }):
results-header-provisional = Provisional { $kind ->
results-no-chart = This platform cannot show the ranking chart; the table below says it all. Type /results on a platform that shows pictures (such as Telegram) to see the chart.
    [midyear] mid-year
   *[yearend] year-end
} results { $year } – { $cluster } (out of { $max }):
error-results-none = No round is closed yet. See progress with /status; the secretary closes a round with /close.
error-results-none-kind = There is no { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round yet. See the closed rounds with /results.
error-results-not-closed = The { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round is not closed, so it has no results yet. See progress with /status.
button-results = { $kind ->
    [midyear] Mid-year
   *[yearend] Year-end
} results
error-export-no-round = { $year } has no { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round.
col-rank = Rank
col-code = Code
col-unit = Unit
col-title = Title
col-max = Max
col-kind = Kind
col-self = Self
col-reviewed = Reviewed
col-reason = Reason
col-state = State
col-total = Total
col-class = Class
class-excellent = Excellent
class-good = Good
class-completed = Completed
class-not-completed = Not completed
class-none = Not submitted

usage-export = Usage: /export xlsx or /export csv; add midyear or yearend to choose the round, e.g. /export csv midyear; add link for a download link to forward, e.g. /export link.
error-export-role = Only the secretary and the cluster leader can export the consolidated table.
export-done = Consolidated table, { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round { $year } ({ $format }).
export-done-provisional = PROVISIONAL consolidated table, { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round { $year } ({ $format }): the round is not closed.
export-no-files = This platform cannot receive files, so the consolidated table of the { $kind ->
    [midyear] mid-year
   *[yearend] year-end
} round { $year } ({ $format }) cannot be sent here. Type /export in the cluster's chat on a platform that receives files (such as Telegram), or type /results to see the ranking.

## Covenant and registration

error-already-signed = { $unit } has already signed the { $year } covenant.
sign-done = { $unit } signed the { $year } covenant ({ $signed }/{ $total } units signed).
usage-register = Usage: /register TITLE, e.g. /register Government Emulation Flag.
register-done = { $unit } registers for { $year }: { $title }.
register-changed = { $unit } changed its { $year } registration to: { $title }.

## Meetings and handover

usage-meeting = Usage: /meeting midyear|yearend dd/mm/yyyy [HH:MM] [PLACE].
meeting-scheduled = { $kind ->
    [midyear] Mid-year
   *[yearend] Year-end
} review meeting scheduled for { $at }, place: { $place }. Reminders 3 days and 1 day before.
meeting-moved = { $kind ->
    [midyear] Mid-year
   *[yearend] Year-end
} review meeting moved to { $at }, place: { $place }. Reminders were updated.
usage-handover = Usage: /handover UNIT_CODE dd/mm/yyyy [HH:MM].
handover-scheduled = Handover of leadership and the rotating flag from { $from } to { $code } – { $unit } scheduled for { $at }. Reminders 7 days and 1 day before.
handover-moved = Handover to { $code } – { $unit } moved to { $at }.

## Chats

bot-added = Hello! I am the emulation cluster assistant: I collect self-scores, reviews and confirmations, rank, and remind before deadlines. Please make me an administrator so I can read every command in this group. A secretary sets up a cluster with /setup NAME, or binds this chat to an existing one with /link CODE.
bot-added-again = I am back in this chat. The cluster's reminders will arrive here again.
notice-bot-removed = The bot was removed from “{ $chat }”: reminders will no longer be sent there. A secretary can add the bot back and bind the chat with /link.

## Help

help-intro = I am the emulation cluster assistant: covenant signatures, registrations, self-scoring, review, confirmation, ranking, the consolidated table and automatic reminders.
help-intro-cluster = This chat belongs to { $name }. I help the cluster sign its covenant, self-score, review, rank and keep to its deadlines.
help-you-secretary = You are a secretary of the cluster. You can use:
help-you-representative = You represent a unit. You can use:
help-you-member = You do not represent a unit yet; send /join UNIT_CODE. You can use:
help-you-new = You can use:
help-line = /{ $name } (/{ $alias }): { $description }
help-more = Type /help COMMAND for its usage.

cmd-help = help
cmd-setup = set up a cluster for this chat
cmd-link = get a code / bind another chat to the cluster
cmd-addunit = add member units
cmd-join = ask to represent a unit
cmd-approve = approve a unit's representative
cmd-secretary = add a secretary
cmd-term = open an emulation year
cmd-leader = set the cluster leader
cmd-deputy = set the deputy
cmd-criteria = show / set the criteria table
cmd-round = open a scoring round, move its deadline
cmd-reviewer = assign a cross-reviewer
cmd-score = self-score
cmd-submit = submit the self-assessment
cmd-mine = your unit's sheet
cmd-status = progress: submissions, confirmations, signatures
cmd-review = review a score
cmd-confirm = confirm the reviewed result
cmd-explain = dispute a review
cmd-close = close the round and rank
cmd-results = ranking
cmd-export = consolidated table (Excel, CSV)
cmd-rules = see or change the classification and ranking rules
cmd-sign = sign the covenant
cmd-register = register the title aimed for
cmd-meeting = schedule a review meeting
cmd-handover = schedule the leadership handover
cmd-reminders = upcoming reminders
cmd-lang = change language

usage-help = Usage: /help [COMMAND].
usage-setup = Usage: /setup CLUSTER NAME (in a group chat not yet bound).
usage-link = Usage: /link (the secretary gets a code), then /link CODE in the chat to bind.
usage-criteria = Usage: /criteria, then lines CODE | TITLE | MAX [| KIND] [| evidence] [| na UNIT…]; a CODE | TITLE line is a section. KIND: bonus, deduction, or a scoring: passfail, count POINTS_EACH, tally PLUS MINUS [FLOOR], target, linear. Or attach a .csv/.xlsx (columns code, title, max, kind; optional evidence, not assigned).
usage-submit = Usage: /submit (once every criterion is scored).
usage-mine = Usage: /mine.
usage-status = Usage: /status.
usage-confirm = Usage: /confirm (once the sheet has been reviewed).
usage-close = Usage: /close (secretary).
usage-results = Usage: /results, or /results midyear or /results yearend for one round.
usage-sign = Usage: /sign.
usage-reminders = Usage: /reminders.

## Classification and ranking rules (/rules)

usage-rules = Usage: /rules to see them; the secretary changes them with /rules bands 95 80 50 (thresholds in % for excellent, good, completed), /rules tiebreak first-section fewer-deductions (or none), /rules bonuscap 10 (or none), /rules evidence 10 5 (MB a file, files a criterion), /rules reminders group|private|both (where reminders go), /rules issuer NAME (or none: the issuing body in the minutes' header); the year-end vote: /rules council @name UNIT_CODE… (a council votes instead of the units, or none), /rules method secret|hands (secret ballot or show of hands) and the other rules /rules lists.
error-rules-bands = Give exactly three percentages, falling, above 0 and at most 100: excellent, good, completed. For example /rules bands 95 80 50.
error-rules-tiebreak = Tie-breaks are first-section (higher first-section score) and fewer-deductions (fewer deduction points), each at most once; or none to rank by total alone.
rules-current = The cluster's classification and ranking rules:
rules-updated = The cluster's classification and ranking rules are updated:
rules-bands = • Classification by % of the maximum total: excellent from { $excellent }%, good from { $good }%, completed from { $completed }%, below that not completed.
rules-tiebreak = • Equal totals are separated by, in order: { $order }; units equal on every rule share a rank.
rules-tiebreak-none = • Equal totals share a rank.
rules-bonuscap = • Bonus points count up to { $cap } points in all.
rules-bonuscap-none = • No overall bonus cap (each bonus row up to its own maximum).
rules-closed-rounds = Closed rounds keep the results ranked under the rules in force when they closed.
rules-how = The secretary changes them with /rules bands, /rules tiebreak or /rules bonuscap (see /help rules).
tiebreak-first-section = higher first-section score
tiebreak-fewer-deductions = fewer deduction points
