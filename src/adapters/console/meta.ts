import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Attachment } from '../../app/ports.js';

/** Who speaks in the console, where, and the file attached to the next command. */
export interface ConsoleState {
  speaker: string;
  chat: 'group' | 'private';
  attachment?: Attachment;
}

/**
 * The console's own `:` commands (`:as NAME`, `:private`, `:group`, `:attach FILE`, `:quit`):
 * changes the state and returns the sentence to print, or `quit`.
 */
export function metaCommand(
  line: string,
  state: ConsoleState,
  ui: (key: string, args?: Record<string, string>) => string,
): string | 'quit' {
  const [word, ...rest] = line.slice(1).split(/\s+/);
  const arg = rest.join(' ').trim();
  switch (word) {
    case 'as':
      if (!arg) return ui('console-as-usage');
      state.speaker = arg;
      return ui('console-as', { speaker: arg });
    case 'private':
      state.chat = 'private';
      return ui('console-chat-private');
    case 'group':
      state.chat = 'group';
      return ui('console-chat-group');
    case 'attach': {
      const path = resolve(arg);
      try {
        const bytes = readFileSync(path);
        state.attachment = { fileName: basename(path), download: async () => new Uint8Array(bytes) };
        return ui('console-attached', { file: basename(path) });
      } catch {
        return ui('console-attach-missing', { file: arg });
      }
    }
    case 'quit':
    case 'exit':
      return 'quit';
    default:
      return ui('console-help');
  }
}
