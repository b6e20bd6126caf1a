# Slack: the bot's own sentences on Slack (introduction, errors, forms).

## When added to a channel
slack-intro = On Slack every command goes through one slash command: { $command } and the command's name, e.g. { $command } status or { $command } score 1.1 8.5; { $command } alone shows the help. Commands with several lines (a list of units, a criteria table, a .csv/.xlsx file) are sent as a message starting with { $bot }, the following lines being the body.

## Score-sheet form
slack-sheet-title = Self-assessment
slack-sheet-submit = Save
slack-sheet-cancel = Cancel
slack-sheet-score = { $code } { $name } (max { $max })
slack-sheet-note = Note { $code }
slack-sheet-bad-number = Please enter a number, e.g. 8.5.
slack-sheet-no-change = Nothing in the sheet changed; nothing was saved.
slack-sheet-button = Fill in the whole sheet
slack-criteria-title = Criteria table
slack-criteria-body = Paste the criteria table (one criterion a line)
