# Telegram: the bot's own sentences on Telegram (introduction, errors, command menu).

## When added to a group
telegram-intro = On Telegram, commands start with a slash, for example /status, or pick one from the command menu (the “/” button beside the message box); every command has an English name and a Vietnamese one without diacritics, such as /score or /cham.
telegram-intro-admin = Please make { $mention } an admin of this group: until then the bot only receives commands that carry its name, for example /status@{ $bot }, and replies to its messages.
telegram-admin-thanks = Thank you! The bot is now an admin of this group: short commands such as /status are enough from now on.

## Errors
telegram-anonymous-admin = The bot cannot tell who sent this command because you are posting anonymously as an admin (or on behalf of a channel). Turn off “Remain anonymous” in your admin rights and send the command again.
telegram-private-blocked = { $name }, the bot cannot message you privately because you have not opened a chat with it yet. Open { $bot }, press “Start”, then send the command again.
telegram-file-too-big = The file “{ $file }” is too large: the bot can download files of up to { $max } MB. Please send a smaller file.

## Command descriptions in the menu (at most 256 characters)
telegram-cmd-start = Start: what the bot does and what you can do
telegram-cmd-help = How to use the bot, or one command
telegram-cmd-setup = Create an emulation cluster bound to this group
telegram-cmd-link = Bind another chat to the cluster (one-time code)
telegram-cmd-addunit = Add member units (one CODE NAME a line)
telegram-cmd-join = Ask to represent a unit
telegram-cmd-approve = Approve a request to represent a unit
telegram-cmd-secretary = Add a cluster secretary
telegram-cmd-term = Open an emulation year
telegram-cmd-leader = Set the year's leader unit
telegram-cmd-deputy = Set the year's deputy unit
telegram-cmd-criteria = Set the criteria table (or attach a .csv or .xlsx file)
telegram-cmd-round = Open a scoring round: mid-year or year-end
telegram-cmd-reviewer = Assign a unit to cross-review another
telegram-cmd-score = Record your unit's self-scores
telegram-cmd-submit = Submit your unit's sheet
telegram-cmd-mine = Show your unit's sheet
telegram-cmd-status = Round progress: submitted and missing units
telegram-cmd-review = Review one criterion of a unit
telegram-cmd-confirm = Confirm your unit's reviewed sheet
telegram-cmd-explain = Dispute a review
telegram-cmd-close = Close the round and rank the units
telegram-cmd-results = Ranking table
telegram-cmd-export = Export the consolidated table (.xlsx or .csv)
telegram-cmd-rules = The cluster's classification and ranking rules
telegram-cmd-sign = Sign the year's covenant for your unit
telegram-cmd-register = Register the title your unit aims for
telegram-cmd-meeting = Schedule a mid-year or year-end meeting
telegram-cmd-handover = Schedule the leader and flag handover
telegram-cmd-reminders = Reminders still to come
telegram-cmd-lang = Change language (vi, en)
telegram-edit-ignored = The bot does not run an edited command again (/{ $command }). To correct it, send the command again in a new message.
telegram-cmd-attend = Record the units present at the year-end meeting (secretary)
telegram-cmd-ballot = Open, follow, close a secret ballot
telegram-cmd-vote = Cast your unit's secret vote (private chat with the bot)
telegram-cmd-elect = Elect next year's leader and deputy (secretary)
telegram-cmd-minutes = The year-end meeting's minutes (Word file)
telegram-cmd-target = Set each unit's target (quantitative criteria)
telegram-cmd-template = Get the score sheet as an Excel file to fill in
telegram-cmd-evidence = Attach or read the evidence of a criterion
