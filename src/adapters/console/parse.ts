/** A command line split the way every adapter needs it. */
export interface ParsedCommand {
  command: string;
  args: string;
  body: string;
}

/**
 * Splits a message into command, arguments (rest of the first line) and body (the following
 * lines). Accepts `/cmd@botname`. Returns null when the text is not a command.
 */
export function parseCommandText(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z0-9_]{1,32})(?:@[A-Za-z0-9_]+)?(?:[ \t]+([^\n]*))?(?:\r?\n([\s\S]*))?$/.exec(text.trim());
  if (!match) return null;
  return { command: match[1]!.toLowerCase(), args: (match[2] ?? '').trim(), body: match[3] ?? '' };
}
