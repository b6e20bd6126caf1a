# Private chats with the bot (issue 11): invite code, joining from a private chat, choosing the cluster, private reminders.

## Invite code (/invite)
usage-invite = Usage: /invite to see the cluster's invite code; /invite new to replace it (the old one stops working).
cmd-invite = the invite code for joining from a private chat
invite-code = Invite code of { $name }: { $code }. A unit's representative writes to the bot privately: /join UNIT_CODE { $code }. The code works until it is replaced with /invite new or the emulation year closes.
invite-sent-privately = The invite code was sent to the secretary privately.

## Joining with an invite code (/join UNIT_CODE INVITE)
error-invite-code = The invite code { $code } is wrong or no longer valid. Ask the cluster's secretary for a new one (/invite).
error-join-invite-group = Invite codes are for private chats with the bot. In the cluster's group, send /join UNIT_CODE.
join-requested-private = Your request to represent { $code } – { $unit } in { $name } was sent. It waits for the secretary's approval; the bot will tell you here.
join-requested-notice = { $person } (from a private chat) asks to represent { $code } – { $unit }. The secretary approves with /approve { $code } or refuses with /refuse { $code }.
join-unit-represented = Note: unit { $code } already has representatives: { $people }. The secretary decides whether to add another.
join-second-cluster = You now belong to { $count } clusters. Commands in private chats still act on { $current } until you choose another with /cluster (the list) and /cluster NUMBER; { $name } is one of them.
join-approved-private = Your request was approved: you represent { $code } – { $unit } in { $name }. Send /help to see what to do.
join-refused-private = Your request to represent { $code } – { $unit } in { $name } was not accepted by the secretary. If this is a mistake, please contact the cluster's secretary.

## Refusing a request (/refuse)
usage-refuse = Usage: /refuse UNIT_CODE.
cmd-refuse = refuse a request to represent a unit
button-refuse = Refuse { $code }
refuse-done = Refused the request of { $people } to represent { $code } – { $unit }; they are told privately.

## Choosing the cluster (/cluster)
usage-cluster = Usage: /cluster to see the clusters you belong to; /cluster NUMBER to choose the one private commands act on.
cmd-cluster = see and choose the cluster of private chats
error-cluster-private = /cluster works in a private chat with the bot; in a group, commands always act on the group's cluster.
error-cluster-none = You do not belong to a cluster yet. Send /join UNIT_CODE INVITE with the invite code the cluster's secretary gives you.
error-cluster-number = Choose a number from 1 to { $count } of the /cluster list.
cluster-list = You belong to { $count } clusters:
cluster-item = { $number }. { $name }
cluster-item-current = { $number }. { $name } (chosen)
cluster-how = Send /cluster NUMBER to choose the cluster of private commands.
cluster-only = Private commands act on this cluster.
cluster-chosen = Chose cluster { $number }: { $name }. Private commands act on it from now on.

## Where reminders go (/rules reminders)
rules-reminders = • Reminders go { $channels ->
        [group] to the cluster's group chats
        [private] privately to each unit's representatives
       *[other] to the cluster's group chats and privately to each unit's representatives
    }.
error-rules-reminders = Reminders go to group (group chats only), private (representatives privately only) or both, e.g. /rules reminders both.

## Private reminders for a unit's representatives
reminder-private-unit = Your unit { $code } – { $name } still has to:
reminder-private-for = You get this reminder as the representative of { $code } – { $name }.

## Telling a unit's representatives privately that their sheet was reviewed (/review)
review-done-private = { $unit }'s sheet in { $name } was reviewed: criterion { $code } from { $before } to { $points } points. Reason: { $reason }. Confirm with /confirm or dispute with /explain { $code } TEXT.
review-ok-private = { $unit }'s sheet in { $name } was appraised with its self-scores unchanged. Confirm with /confirm or dispute with /explain CRITERION TEXT.
