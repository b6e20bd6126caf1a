import { resolve } from 'node:path';
import { BotCore } from '../../src/app/bot-core.js';
import type { HandleResult } from '../../src/app/core.js';
import type { Attachment, Incoming } from '../../src/app/ports.js';
import { replyText } from '../../src/adapters/render.js';
import { parseCommandLine } from '../../src/adapters/kit/command-line.js';
import { ManualClock } from '../../src/domain/clock.js';
import { I18n } from '../../src/i18n/i18n.js';
import type { Store } from '../../src/store/store.js';

/** Someone typing in a chat. */
export interface Speaker {
  key: string;
  name: string;
  username?: string;
  language?: string;
}

/** The outcome of one message: the core's result and the replies as text. */
export interface Said extends HandleResult {
  text: string;
}

export const i18n = new I18n(resolve('locales'));

/**
 * An in-process adapter for tests and benchmarks: builds `Incoming` messages as a platform
 * adapter would and renders replies as text, on a real store and a manual clock.
 */
export class Harness {
  readonly core: BotCore;
  private update = 0;

  constructor(
    readonly store: Store,
    readonly clock = new ManualClock(new Date('2026-03-01T02:00:00Z')),
    readonly chatKey = 'test:group',
  ) {
    this.core = new BotCore({ store, clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' } });
  }

  /** A person (the key is derived from the name unless given). */
  person(name: string, language?: string): Speaker {
    const slug = name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_');
    return { key: `test:${slug}`, name, username: slug, language };
  }

  /** Builds the Incoming for a text message. */
  incoming(
    who: Speaker,
    text: string,
    options: { chatKey?: string; private?: boolean; attachments?: Attachment[]; updateId?: string; action?: string } = {},
  ): Incoming {
    const { target: _target, ...parsed } = parseCommandLine(text) ?? { command: '', args: '', body: '' };
    return {
      platform: 'console',
      updateId: options.updateId ?? `test:${++this.update}`,
      chat: options.private
        ? { key: `test:private:${who.key}`, kind: 'private' }
        : { key: options.chatKey ?? this.chatKey, kind: 'group', title: 'Test group' },
      sender: { key: who.key, displayName: who.name, username: who.username, languageCode: who.language },
      ...parsed,
      attachments: options.attachments,
      action: options.action,
      mentions: parsed.args.startsWith('@') ? [{ username: parsed.args.slice(1).split(/\s/)[0]! }] : undefined,
    };
  }

  /** Sends a message and returns the result with the replies rendered as text. */
  async say(who: Speaker, text: string, options: Parameters<Harness['incoming']>[2] = {}): Promise<Said> {
    const result = await this.core.handle(this.incoming(who, text, options));
    return { ...result, text: result.replies.map((r) => replyText(i18n, result.locale, r)).join('\n\n') };
  }
}

/** An attachment from bytes in memory. */
export function fileAttachment(fileName: string, bytes: Uint8Array): Attachment {
  return { fileName, download: async () => bytes };
}
