# The console: a local group chat in the terminal.

console-welcome = Local emulation-cluster group chat (console). You are speaking as “{ $speaker }”. Type commands such as /help; “:as NAME” switches who speaks, “:private” / “:group” switch to a private chat with the bot / the group, “:attach FILE” attaches a file to the next command, “:quit” leaves. A line ending in \ continues on the next line.
console-help = Console commands: :as NAME (switch speaker), :private, :group, :attach FILE, :quit.
console-as = You are now speaking as “{ $speaker }”.
console-as-usage = Usage: :as SPEAKER NAME, e.g. :as Bac Lieu representative
console-chat-private = Switched to a private chat with the bot.
console-chat-group = Back in the cluster's group chat.
console-attached = { $file } is attached to the next command.
console-attach-missing = File { $file } not found.
console-not-command = The bot only answers commands starting with “/”. Type /help for the list.
console-file-saved =
    File saved at:
    { $path }
console-notice = 🔔 Bot message to { $chat }:
console-where-group = group
console-where-private = private
console-default-speaker = Secretary
