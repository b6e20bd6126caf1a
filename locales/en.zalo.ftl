# Zalo: the bot's own sentences on Zalo (how to type commands, the monthly message budget).

## Messages that are not commands
zalo-not-a-command = The bot only takes commands starting with a slash, e.g. /help to see the commands, /mine for your unit's tasks.

## Zalo's monthly message budget
zalo-budget-warned = Note for the cluster secretary: the bot has sent { $used }/{ $quota } Zalo messages in { $month } (80% of the budget). Once the budget is spent, repeated reminders on Zalo pause until next month; first reminders and answers to commands still go out.
zalo-budget-spent = Note for the cluster secretary: the bot has spent its budget of { $quota } Zalo messages for { $month } ({ $used } messages). Until the month ends, repeated reminders on Zalo are not sent (recorded in the reminder log); please remind the units in the cluster's chats on another platform.
