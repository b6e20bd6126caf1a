## The year-end meeting: attendance, secret ballots, the election of next year's leader and deputy, the minutes (issue 12)

cmd-attend = record the units present at the year-end meeting
cmd-ballot = open, follow and close a secret ballot
cmd-vote = cast your unit's secret vote (in a private chat with the bot only)
cmd-elect = elect next year's leader and deputy
cmd-minutes = the year-end meeting's minutes (Word file)

usage-attend = Usage: /attend CODE… (records the units present at the year-end meeting scheduled with /meeting); /attend all records every unit; /attend -CODE takes a unit off the list; /attend alone shows the list.
usage-ballot = Usage: /ballot open QUESTION | seats=1 | candidates=BL,LA | closes=dd/mm/yyyy HH:MM opens a ballot (candidates default to the closed year-end ranking, frozen at opening; seats and closing time are optional); /ballot shows progress (which units have voted and which have not, never how); /ballot close [NUMBER] closes the box and publishes the count; /ballot NUMBER shows one ballot. The cluster's vote rules apply (/rules); this ballot alone may say method=hands (show of hands, open) or method=secret, voters=council (the council set with /rules council) or voters=members|present. Reminders: with a closing time, the units that have not voted are reminded at 08:00 on the day before and on the closing day and once more 2 hours before it, then the bot closes the box at the closing time and publishes the count in the cluster's chats; without one, at 08:00 every day (up to 7 days) until the ballot is closed. They go to the group chats and privately to the representatives of the units that have not voted (as /rules reminders says), and name only which units have not voted, never how anyone voted.
usage-vote = Usage (in a private chat with the bot only, unless by show of hands): /vote [NUMBER] CODE… agrees with the listed candidates and not with the others; /vote [NUMBER] none agrees with none; /vote alone shows the open ballots (with buttons where the platform has them). Each unit votes once, by its representative (when the cluster has a voting council, each council member casts their own ballot); in a show of hands /vote is also taken in a group and the count lists who voted how; a vote cannot be changed or withdrawn, because nothing links a unit to its paper.
usage-elect = Usage: /elect proposes next year's leader and deputy from the rotation order (or by the election mode of the rules) and opens their confirming ballots; /elect LEADER_CODE DEPUTY_CODE proposes other units or records an appointment.
usage-minutes = Usage: /minutes sends the year-end meeting's minutes as a Word file (.docx).

## Attendance

error-attend-no-meeting = No year-end meeting is scheduled. The secretary schedules it with /meeting yearend dd/mm/yyyy [HH:MM] [PLACE].
attend-recorded = Attendance recorded for the meeting at { $at }: { $count }/{ $total } units present ({ $present }). Absent: { $absent }.
attend-current = Attendance at the meeting at { $at }: { $count }/{ $total } units present ({ $present }). Absent: { $absent }.
status-attendance = Meeting at { $at }: { $count }/{ $total } units present. Absent: { $absent }.

## Vote rules (/rules)

vote-rules-heading = Vote and election rules of the year-end meeting:
vote-rule-voters = • Voters: { $voters ->
    [members] one ballot per member unit, cast by its representative
    [council] the listed council members, one ballot each: { $council }
   *[present] one ballot per unit present at the meeting, cast by its representative
  }.
vote-rule-method = • Method: { $method ->
    [open] show of hands (open): the count and the minutes list who voted how
   *[secret] secret ballot
  }.
vote-rule-quorum = • Quorum: { $who ->
    [council] at least { $quorum } of council members voting (counted at closing)
   *[units] at least { $quorum } of member units present
  }.
vote-rule-threshold = • A candidate passes with agree votes { $strict ->
    [yes] over
   *[no] of at least
  } { $fraction } of { $base ->
    [all] { $who ->
        [council] all council members
       *[units] all member units
      }
    [present] { $who ->
        [council] the council members who voted
       *[units] the units present
      }
   *[valid] the valid ballots
  }.
vote-rule-seats = • Seats: { $seats }.
vote-rule-self = • A unit voting for itself: { $self ->
    [allowed] allowed
   *[excluded] excluded (that candidate's base shrinks by one)
  }.
vote-rule-rounds = • A tie at the last seat: { $rounds ->
    [2] a second round among the tied; if still tied, the higher score
   *[1] the higher score
  }. Percentages have two decimals, rounded half up.
election-rule-mode = • Next year's leader and deputy: { $mode ->
    [rotation] by rotation in the order { $order }, confirmed by a vote (more than 50% of member units; otherwise a second round between the two with most votes)
    [free] free election; elected with more than 50% of member units, otherwise a second round between the two with most votes
   *[appointed] appointed by the superior body
  }.
vote-rules-how = The secretary changes them with /rules voters members|present|council, /rules council @name UNIT_CODE… (the voting council), /rules method secret|hands (secret ballot or show of hands), /rules quorum 2/3, /rules threshold >1/2 all (or >=2/3 present, >=70% valid), /rules selfvote allowed|excluded, /rules rounds 1|2, /rules election rotation|free|appointed, /rules rotation CODE….
error-rules-fraction = “{ $input }” is not a valid fraction. Write a ratio (2/3) or a percentage (50%, 66.67%), above 0 and at most 100%.
error-rules-threshold = Write the threshold as >1/2 all, >=2/3 present or >=70% valid (> means “more than”, >= “at least”; the base: all member units, the units present, or the valid ballots).
error-rules-voters = Voters are members (every member unit), present (the units present) or council (the council the secretary sets with /rules council).
error-rules-method = The method is secret (secret ballot) or hands (show of hands, open).
error-rules-council-empty = The cluster has no voting council yet. The secretary sets one with /rules council @name UNIT_CODE….
usage-council = Usage: /rules council @username UNIT_CODE… sets the voting council (one ballot per person, instead of the units); a unit code stands for that unit's representative. /rules council none removes it: the member units vote again.
error-council-person = “{ $name }” was not found in the cluster. A council member must have joined the cluster (a representative or a secretary).
error-council-unit = Unit { $code } has { $count } active representatives; exactly one is needed. Please write @username instead.
error-council-twice = { $name } is listed twice in the council.
error-rules-selfvote = Voting for oneself is allowed or excluded.
error-rules-rounds = At most 1 or 2 rounds.
error-rules-election = The election mode is rotation, free or appointed.
error-rules-rotation = The rotation order lists member unit codes, each once (not valid: { $codes }).

## Ballots (/ballot)

error-ballot-no-ranking = There is no closed year-end ranking to take the candidates from. Close the year-end round with /close, or list the candidates: /ballot open QUESTION | candidates=BL,LA.
error-ballot-no-attendance = Attendance has not been recorded. The secretary records the units present with /attend CODE… before opening a ballot.
error-ballot-quorum = The meeting has no quorum for a vote: { $present }/{ $members } units present, at least { $needed } needed.
error-ballot-seats = { $seats } seats is not possible: between 1 and the number of candidates ({ $candidates }).
error-ballot-which = Several ballots are open ({ $ids }). Give the ballot's number, e.g. /ballot close 3 or /vote 3 BL.
error-ballot-none = No ballot is open.
error-ballot-unknown = There is no ballot number { $id } this year.
ballot-opened = { $method ->
    [open] A show of hands (open vote) is open.
   *[secret] A secret ballot is open.
  }
ballot-closed-at-time = ⏱️ Ballot { $id } reached its closing time ({ $closes }): the box is closed and takes no more papers.
ballot-heading = Ballot { $id }: { $question } (round { $round }, { $seats } seat(s)).
ballot-candidates = Candidates: { $list }.
ballot-how-to-vote = { $who ->
    [council] Each council member votes in a private chat with the bot: /vote { $id } CODE… (or /vote { $id } none). Ballots are secret.
   *[units] Each unit's representative votes in a private chat with the bot: /vote { $id } CODE… (or /vote { $id } none). Ballots are secret.
  }
ballot-how-to-vote-open = Show of hands (open vote): { $who ->
    [council] each council member
   *[units] each unit's representative
  } sends /vote { $id } CODE… (or /vote { $id } none) in the cluster's group or a private chat with the bot. The count and the minutes list who voted how.
ballot-progress = Voted { $voted }/{ $issued } units: { $done }. Not yet voted: { $missing }.
ballot-progress-council = Voted { $voted }/{ $issued } council members: { $done }. Not yet voted: { $missing }.
ballot-none-open = No ballot is open ({ $closed } closed this year). The secretary opens one with /ballot open (see /help ballot).
ballot-second-round = A second round among the candidates tied at the last seat:
ballot-result-title = Count of ballot { $id }: { $question } (round { $round }).
ballot-result-counts = Ballots issued: { $issued }; returned: { $returned }; valid: { $valid }; invalid: { $invalid }.
ballot-result-no-quorum = The meeting had no quorum ({ $present }/{ $members } units present): no candidate passes.
ballot-result-no-quorum-council = No quorum ({ $present }/{ $members } council members voted): no candidate passes.
ballot-result-row = { $code } – { $name }: { $agree }/{ $base } agree, { $percent }% – { $passed ->
    [yes] passed
   *[no] not passed
  }{ $elected ->
    [yes] , elected
   *[no] {""}
  }.
ballot-result-by-score = Tied at the last seat; decided by the higher score: { $codes }.
ballot-result-runoff = Tied at the last seat between { $codes }: a second round for the { $seats } seat(s) left.
ballot-result-elected = Units proposed: { $codes }.
ballot-result-none = No unit passed in this round.
ballot-open-votes = Open vote, each voter:
ballot-open-vote = – { $voter }: agrees with { $agreed }.

## A unit's vote (/vote)

vote-button-agree = Agree { $code }
vote-button-none = Agree with none
vote-how = To vote: /vote { $id } CODE… (at most { $seats } candidate(s); those not written are “disagree”) or /vote { $id } none. A vote cannot be changed.
error-vote-group = Votes are not cast in the group, to keep them secret. Open a private chat with the bot and send /vote there. Nothing was recorded.
error-vote-closed = Ballot { $id } is closed; no more votes are taken.
error-vote-not-voter = Unit { $unit } is not among this ballot's voters (under the rules only units present at the meeting vote).
error-vote-twice = Unit { $unit } has already voted in ballot { $id }; each unit votes once and a vote cannot be changed.
error-vote-not-council = You are not on the voting council of ballot { $id }.
error-vote-twice-council = { $unit } has already voted in ballot { $id }; each council member votes once and a ballot cast cannot be changed.
error-vote-unknown = “{ $code }” is not a candidate of ballot { $id }. See the candidates with /vote.
error-vote-too-many = This ballot takes at most { $seats } candidate(s).
error-vote-self = Under the cluster's rules unit { $unit } does not vote for itself. Vote again without { $unit }.
vote-recorded = Unit { $unit }'s ballot for ballot { $id } is in the box ({ $voted }/{ $issued } units have voted). It is not linked to the unit and cannot be changed.
vote-recorded-council = Ballot received from { $unit } for ballot { $id } ({ $voted }/{ $issued } council members have voted). The paper is not linked to its voter and cannot be changed.
vote-recorded-open = Open vote recorded from { $unit } for ballot { $id } ({ $voted }/{ $issued } have voted). It cannot be changed.
vote-all-voted = Every unit has voted in ballot { $id }: the box is closed and the count is published in the cluster's chats.

## Electing the leader and deputy (/elect)

elect-question-leader = Election of the cluster leader for { $year }
elect-question-deputy = Election of the deputy leader for { $year }
elect-proposed = By rotation (this year's leader: { $current }), proposed leader for { $year }: { $leader }; deputy: { $deputy }. Units are asked to confirm by vote.
elect-opened = Election of the leader for { $year } (candidates: { $leader }) and the deputy (candidates: { $deputy }).
elect-leader-elected = { $code } – { $name } is elected cluster leader for { $year }.
elect-deputy-elected = { $code } – { $name } is elected deputy leader for { $year }.
elect-leader-none = No leader was elected. The secretary may propose another unit with /elect LEADER_CODE DEPUTY_CODE.
elect-deputy-none = No deputy was elected. The secretary may propose another unit with /elect LEADER_CODE DEPUTY_CODE.
elect-handover-hint = To schedule the handover of leadership and the rotating flag: /handover { $code } dd/mm/yyyy.
elect-handover-button = Schedule the handover to { $code }
elect-appointed = Appointment recorded: leader for { $year }: { $leader }; deputy: { $deputy }.
error-elect-same = The leader and the deputy must be two different units.
error-elect-appointed = Under the rules the leader and deputy are appointed. Record the decision with /elect LEADER_CODE DEPUTY_CODE.
error-elect-open = An election ballot is still open ({ $ids }). Close it before electing again.
error-elect-few = A cluster needs at least two member units to elect a leader and a deputy.

## Minutes (/minutes)

rules-issuer = • The issuing body printed above the cluster's name in the minutes' header: { $issuer }.
rules-issuer-none = • The minutes' header names the cluster alone; the secretary adds the issuing body with /rules issuer NAME (e.g. /rules issuer Bộ Nội vụ).
error-rules-issuer = Write the issuing body after /rules issuer, at most { $max } characters (e.g. /rules issuer Ủy ban nhân dân tỉnh Hà Nam); /rules issuer none removes it.
error-minutes-role = Only the secretary and the leader unit's representatives may take the minutes.
minutes-ready = The minutes of the { $year } year-end meeting ({ $ballots } ballot round(s)) are ready to print and sign.
minutes-caption = Minutes of the { $year } year-end meeting
minutes-title = MINUTES
minutes-number = No.: …/BB-{ $suffix }
minutes-nation = SOCIALIST REPUBLIC OF VIETNAM
minutes-motto = Independence - Freedom - Happiness
minutes-place-date = { $place }, { $day }/{ $month }/{ $year }
minutes-subject = Year-end review and emulation deliberation { $year }, and the election of the cluster leader and deputy for { $next }
minutes-grounds = Pursuant to the operating regulation of { $cluster };
minutes-h-time = I. TIME AND PLACE
minutes-time = Time: { $hour }:{ $minute }, { $date }.
minutes-time-unknown = Time: ……
minutes-place = Place: { $place }.
minutes-h-attendance = II. ATTENDANCE
minutes-chair = Chair: { $unit } (the leader unit).
minutes-secretary = Secretary: { $name }.
minutes-guests = Guests: ……
minutes-present-count = { $present }/{ $total } member units present.
minutes-present-list = Units present: { $list }.
minutes-absent-list = Units absent: { $list }.
minutes-h-content = III. CONTENT
minutes-h-ranking = 1. Scores and ranking
minutes-col-rank = Rank
minutes-col-unit = Unit
minutes-col-self = Self-score
minutes-col-appraised = Appraised
minutes-col-final = Final
minutes-col-class = Classification
minutes-ranking-adopted = The meeting adopted the consolidated score table and ranking above.
minutes-no-ranking = There is no closed year-end ranking.
minutes-h-rules = 2. Rules of the vote
minutes-h-ballots = 3. Results of the secret ballots
minutes-no-ballots = The meeting held no ballot.
minutes-ballot = { $question } (round { $round }, { $seats } seat(s))
minutes-no-quorum = The meeting had no quorum for the vote.
minutes-h-conclusion = 4. Conclusion
minutes-proposed = { $question }: { $units }.
minutes-proposed-none = no unit passed
minutes-h-election = 5. Election of the leader and deputy
minutes-election = { $mode ->
    [appointed] By appointment
   *[other] The meeting agreed
  }: leader for { $next }: { $leader }; deputy for { $next }: { $deputy }.
minutes-h-other = 6. Other opinions
minutes-closing = The meeting closed at { $hour }:{ $minute } on { $date }. The minutes were read out to the meeting and adopted.
minutes-sign-hint = (Signature and full name)
minutes-sign-secretary = SECRETARY
minutes-sign-chair = CHAIR
minutes-annex = ANNEX
minutes-annex-title = VOTE-COUNT RECORD
minutes-annex-board = The count was made by the system when each box was closed, under the supervision of the cluster's secretary ({ $name }); no paper is linked to the unit that cast it.
minutes-annex-times = Opened: { $opened }; box closed: { $closed }.
minutes-col-candidate = Candidate
minutes-col-agree = Agree
minutes-col-base = Base
minutes-col-percent = Share
minutes-col-result = Result
minutes-result = { $elected ->
    [yes] Elected
   *[no] { $passed ->
        [yes] Passed, not elected
       *[no] Not passed
    }
  }
