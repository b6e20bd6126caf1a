import type { Line } from '../kit/lines.js';
import { packLines } from '../kit/lines.js';

/** Slack's limits on Block Kit: characters in a section's text, blocks in a message. */
export const SECTION_LIMIT = 3000;
export const MESSAGE_BLOCKS = 50;

/** A Block Kit block, as far as the bot builds them. */
export type Block = { type: string } & Record<string, unknown>;

/** Escapes the three characters Slack's mrkdwn reserves (`&`, `<`, `>`); everything else is shown as typed. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The code fence around a table's lines, and what it costs in a section. */
const FENCE = '```';
const FENCE_COST = FENCE.length * 2 + 2;

/**
 * Lines as mrkdwn: prose escaped, each run of table lines an aligned code block. A run is
 * never longer than one section (the caller packs first).
 */
export function toMrkdwn(lines: readonly Line[]): string {
  return toMrkdwnEscaped(lines.map(escaped));
}

/** The length a line takes once escaped (the limit counts what Slack receives). */
function escaped(line: Line): Line {
  return { text: escapeMrkdwn(line.text), pre: line.pre };
}

/**
 * One planned text part as messages of Block Kit sections: lines packed under the section
 * limit (room left for the code fences), a table row never cut, at most 50 blocks a message.
 * Returns the blocks of each message and a plain fallback text for notifications.
 */
export function sectionMessages(lines: readonly Line[]): { blocks: Block[]; text: string }[] {
  // Packed on escaped text, so `&amp;` and friends count; the fence budget keeps code blocks whole.
  const sized = lines.map(escaped);
  const sections = packLines(sized, SECTION_LIMIT - FENCE_COST).map((chunk) => toMrkdwnEscaped(chunk));
  const messages: { blocks: Block[]; text: string }[] = [];
  for (let i = 0; i < sections.length; i += MESSAGE_BLOCKS) {
    const group = sections.slice(i, i + MESSAGE_BLOCKS);
    messages.push({
      blocks: group.map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } })),
      text: group.join('\n').slice(0, 3000),
    });
  }
  return messages;
}

/** As `toMrkdwn`, for lines already escaped. */
function toMrkdwnEscaped(lines: readonly Line[]): string {
  const out: string[] = [];
  let table: string[] | undefined;
  for (const line of lines) {
    if (line.pre) (table ??= []).push(line.text);
    else {
      if (table) out.push(`${FENCE}\n${table.join('\n')}\n${FENCE}`);
      table = undefined;
      out.push(line.text);
    }
  }
  if (table) out.push(`${FENCE}\n${table.join('\n')}\n${FENCE}`);
  return out.join('\n');
}
