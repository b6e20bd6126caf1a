# Automatic reminders: scoring deadlines, mid-year / year-end review meetings, leadership
# handovers; the /reminders command. Dates come formatted in the cluster's time zone.

## A round's deadline
reminder-round-submit = ⏰ Reminder: self-scores for the { $kind ->
        [midyear] mid-year
       *[other] year-end
    } review are due { $deadline } ({ $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }).
reminder-round-confirm = ⏰ The { $kind ->
        [midyear] mid-year
       *[other] year-end
    } scoring round is under review; it ends { $deadline } ({ $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }).
reminder-round-overdue = ⚠️ The { $kind ->
        [midyear] mid-year
       *[other] year-end
    } scoring deadline ({ $deadline }) has passed and some units have not submitted.
reminder-round-confirm-overdue = ⚠️ The { $kind ->
        [midyear] mid-year
       *[other] year-end
    } scoring round ended ({ $deadline }) and some units have not confirmed their reviewed scores.
reminder-missing-submit = Units that have not submitted ({ $count }):
reminder-missing-confirm = Units that have not confirmed ({ $count }):

## What each unit must do next
reminder-unit-score = • { $code } – { $name }: no scores yet → score with /score, then /submit
reminder-unit-submit = • { $code } – { $name }: not submitted → score every criterion with /score, then /submit
reminder-unit-confirm = • { $code } – { $name }: not confirmed → /confirm if you agree, /explain to dispute
reminder-unit-await-review = • { $code } – { $name }: disputed, waiting for the re-review, then /confirm
reminder-unit-await-appraisal = • { $code } – { $name }: submitted, waiting for the appraisal; then /confirm if you agree, /explain to dispute

## Review meetings
reminder-meeting = 📅 The cluster's { $kind ->
        [midyear] mid-year
       *[other] year-end
    } review meeting is at { $at } ({ $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }).
reminder-meeting-place = Place: { $place }.

## Leadership handover and the rotating flag
reminder-handover = 🚩 The handover of the cluster leadership and the rotating flag to { $code } – { $name } is at { $at } ({ $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }).
reminder-handover-from = Handing over: { $code } – { $name }.
reminder-rollover = 🚩 Leadership and the rotating flag have passed to { $code } – { $name }, the new cluster leader.
reminder-rollover-year = The { $year } emulation year is closed.
reminder-rollover-next = Secretary: please open the next year with /term { $year }.

## The /reminders command
reminder-upcoming-header = Reminders to come ({ $count }):
reminder-upcoming-none = No reminders to come.
reminder-upcoming-round = • { $due }: { $kind ->
        [midyear] mid-year
       *[other] year-end
    } scoring deadline reminder (due { $deadline })
reminder-upcoming-overdue = • { $due }: { $kind ->
        [midyear] mid-year
       *[other] year-end
    } overdue notice, if any unit has not submitted (due { $deadline })
reminder-upcoming-meeting = • { $due }: { $kind ->
        [midyear] mid-year
       *[other] year-end
    } review meeting reminder ({ $at })
reminder-upcoming-handover = • { $due }: handover reminder, leadership to { $code } – { $name } ({ $at })
reminder-upcoming-rollover = • { $due }: handover to { $code } – { $name } and the year rolls over

## Secret ballots at the year-end meeting: the units that have not voted (never how anyone voted)
reminder-ballot-closes = 🗳️ Secret ballot reminder: ballot { $id } “{ $question }” (round { $round }) closes at { $closes } ({ $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }).
reminder-ballot-open = 🗳️ Secret ballot reminder: ballot { $id } “{ $question }” (round { $round }), open since { $opened }, is still waiting for units to vote.
reminder-ballot-missing = Units that have not voted ({ $count }/{ $issued }):
reminder-ballot-unit = • { $code } – { $name }
reminder-ballot-how = Each unit's representative votes in a private chat with the bot: /vote { $id }. Ballots are secret; reminders only say which units have not voted.
reminder-ballot-private = Your unit { $code } – { $name } has not voted yet.
reminder-ballot-missing-council = Council members who have not voted ({ $count }/{ $issued }):
reminder-ballot-person = • { $name }
reminder-ballot-how-council = Council members vote in a private chat with the bot: /vote { $id }. Ballots are secret; reminders only say who has not voted.
reminder-ballot-private-council = You are on the voting council and have not voted in ballot { $id } yet.
reminder-hands-closes = ✋ Show of hands reminder: ballot { $id } “{ $question }” (round { $round }) ends at { $closes } ({ $days ->
        [0] today
        [1] tomorrow
       *[other] in { $days } days
    }).
reminder-hands-open = ✋ Show of hands reminder: ballot { $id } “{ $question }” (round { $round }), open since { $opened }, is still waiting for votes.
reminder-ballot-how-open = An open vote: send /vote { $id } CODE… in the cluster's group or a private chat with the bot; the count lists who voted how.
reminder-upcoming-ballot = • { $due }: reminder to the units that have not voted in ballot { $id } ({ $question })
reminder-upcoming-ballot-close = • { $due }: ballot { $id } ({ $question }) closes and its count is published
reminder-chat-gone = The bot can no longer post in “{ $chat }” (it was removed, or the chat was archived): reminders will no longer be sent there. A secretary can add the bot back and bind the chat with /link.
