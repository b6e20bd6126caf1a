/**
 * A command line taken apart: `/Score@ThiDuaBot 1.1 8,5 ghi chú\n1.2 9` → command `score`,
 * target `ThiDuaBot`, args `1.1 8,5 ghi chú`, body `1.2 9`.
 */
export interface CommandLine {
  /** Lower-case name without the slash or `@botname`. */
  command: string;
  /** The bot the command was addressed to (`@botname`), as written. */
  target?: string;
  /** The rest of the first line, trimmed. */
  args: string;
  /** The following lines, without leading and trailing blank lines. */
  body: string;
}

const COMMAND = /^\/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]+))?(?=\s|$)/;

/**
 * The one command-line parser of every adapter: typed messages, button payloads and the
 * console's input all go through it. Returns `undefined` when the text does not start with a
 * command (`/name`, optionally `/name@bot`, names as Telegram allows them: `[A-Za-z0-9_]{1,32}`).
 * Which messages count as commands at all (Telegram marks them with an entity) stays with the
 * adapter.
 *
 * ```ts
 * parseCommandLine('/addunit\nSNV Sở Nội vụ'); // { command: 'addunit', args: '', body: 'SNV Sở Nội vụ' }
 * ```
 */
export function parseCommandLine(input: string): CommandLine | undefined {
  const text = input.replace(/^\s+/, '');
  const match = COMMAND.exec(text);
  if (!match) return undefined;
  const newline = text.indexOf('\n');
  const firstLine = newline < 0 ? text : text.slice(0, newline);
  const body =
    newline < 0
      ? ''
      : text
          .slice(newline + 1)
          .replace(/\s+$/, '')
          .replace(/^(?:[ \t\r]*\n)+/, '');
  return {
    command: match[1]!.toLowerCase(),
    ...(match[2] ? { target: match[2] } : {}),
    args: firstLine.slice(match[0].length).trim(),
    body,
  };
}
