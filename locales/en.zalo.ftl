# Zalo: the bot’s own sentences on Zalo (how to type commands, pictures and files sent to the bot, the monthly message budget).

## Messages that are not commands
zalo-not-a-command = The bot only takes commands starting with a slash, e.g. /help to see the commands, /mine for your unit's tasks.

## Zalo's monthly message budget
zalo-budget-warned = Note for the cluster secretary: the bot has sent { $used }/{ $quota } Zalo messages in { $month } (80% of the budget). Once the budget is spent, repeated reminders on Zalo pause until next month; first reminders and answers to commands still go out.
zalo-budget-spent = Note for the cluster secretary: the bot has spent its budget of { $quota } Zalo messages for { $month } ({ $used } messages). Until the month ends, repeated reminders on Zalo are not sent (recorded in the reminder log); please remind the units in the cluster's chats on another platform.

## Pictures and files sent to the bot (a picture as evidence: send it with the caption /evidence CRITERION)
zalo-picture-without-command = The bot received a picture without a command. To submit it as evidence, please send the picture again with the caption /evidence CRITERION, e.g. /evidence 1.2.
zalo-file-not-received = Zalo does not pass this kind of message (PDF, Word or Excel files, audio, video…) to the bot. Evidence that is a picture (JPG, PNG): send it with the caption /evidence CRITERION; other files: send them with /evidence CRITERION in the cluster's chat on a platform that takes files (such as Telegram).
zalo-picture-too-big = The picture “{ $file }” is too large: the bot downloads pictures of at most { $max } MB. Please send a smaller one.
zalo-picture-unavailable = The bot could not download the picture “{ $file }” from Zalo (its link may have expired). Please send the picture again with the caption /evidence CRITERION.
