# Signed download links (PUBLIC_URL/files/…): for platforms that take no files, and for forwarding.

links-file = Download “{ $file }” here: { $url } (the link works for { $hours } hours and may be forwarded to the provincial emulation board).
links-image = See the chart “{ $file }” here: { $url } (the link works for { $hours } hours).
links-unavailable = No download link could be made for “{ $file }”: the bot's server has no public address (PUBLIC_URL). Please ask the administrator to set PUBLIC_URL, or type /export in the cluster's chat on a platform that receives files (such as Telegram).
