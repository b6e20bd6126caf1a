# The adapter kit: sentences shared by every platform (Telegram, console, Slack, Zalo).

## Errors
kit-error-apology = Sorry, something unexpected went wrong and your request was not carried out. Please try again in a few minutes; if it keeps failing, tell the administrator, quoting reference { $ref }.

## When a platform cannot show part of a reply
kit-button-command = • { $label }: type { $command }
kit-file-elsewhere = The file “{ $file }” cannot be sent on this platform. Type the command again in the cluster's chat on a platform that receives files (such as Telegram) to get it.
kit-image-elsewhere = The chart “{ $file }” cannot be shown on this platform; the table above says it all. Type the command again on a platform that shows pictures (such as Telegram) to see the chart.
