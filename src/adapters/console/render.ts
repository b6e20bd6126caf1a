import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Capabilities } from '../../delivery.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import { planReply } from '../kit/plan.js';

/**
 * A reply as the terminal prints it, one string a message along the kit's plan: text parts as
 * lines (tables stay aligned, in monospace like everything in a terminal), files written to
 * `filesDir` (default `data/exports/`) and their path printed with their caption.
 */
export function renderReply(options: {
  i18n: I18n;
  locale: string;
  reply: Reply;
  capabilities: Capabilities;
  filesDir?: string;
  saved: (path: string) => string;
}): string[] {
  const { i18n, locale, reply, capabilities } = options;
  const out: string[] = [];
  for (const part of planReply({ i18n, locale, reply, capabilities })) {
    if (part.kind === 'text') {
      out.push(part.lines.map((l) => l.text).join('\n'));
      continue;
    }
    const dir = options.filesDir ?? resolve('data', 'exports');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, part.file.fileName);
    writeFileSync(path, part.file.bytes);
    out.push([options.saved(path), ...part.caption.map((l) => l.text)].join('\n'));
  }
  return out;
}
