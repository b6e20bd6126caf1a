import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Core, HandleResult } from '../../app/core.js';
import type { Reply } from '../../reply.js';
import type { Adapter } from '../../delivery.js';
import type { Attachment, Incoming } from '../../app/ports.js';
import type { I18n } from '../../i18n/i18n.js';
import { wellFormedDeep } from '../kit/well-formed.js';
import { replyText } from '../render.js';
import { parseCommandText } from './parse.js';
import { wrapText } from './wrap.js';

/** The console's one group chat. */
export const CONSOLE_GROUP = 'console:group';

/** What the console adapter is built from. */
export interface ConsoleAdapterOptions {
  core: Core;
  i18n: I18n;
  locale: 'vi' | 'en';
  input?: Readable;
  output?: Writable;
  /** Where exported files and charts are written. */
  filesDir?: string;
  /** Terminal width for wrapping prose. */
  width?: number;
  /** Called when the person types `:quit` or input ends. */
  onClose?: () => void;
}

/**
 * A local group chat in the terminal: one can act as the secretary and as any member
 * (`:as NAME` switches who speaks), with the same core, store and scheduler as the real
 * platforms. A line ending in `\` continues the message on the next line (command bodies);
 * `:attach FILE` attaches a file (criteria .csv/.xlsx) to the next command.
 */
export class ConsoleAdapter implements Adapter {
  readonly platform = 'console' as const;
  private rl?: Interface;
  /** Who speaks now; the secretary (in the console's language) until `:as` says otherwise. */
  private speaker = '';
  private chat: 'group' | 'private' = 'group';
  private pending: string[] = [];
  private attachment?: Attachment;
  private sequence = 0;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: ConsoleAdapterOptions) {}

  async start(): Promise<void> {
    const { input = process.stdin, output = process.stdout } = this.options;
    this.rl = createInterface({ input, output, terminal: false });
    this.speaker = this.ui('console-default-speaker');
    this.print(this.ui('console-welcome', { speaker: this.speaker }));
    this.prompt();
    this.rl.on('line', (line) => {
      this.queue = this.queue.then(() => this.onLine(line)).catch((error) => this.print(String(error)));
    });
    this.rl.on('close', () => {
      void this.queue.then(() => this.options.onClose?.());
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.queue;
  }

  /** Reminders and notices: printed with a bell so they stand out from replies. */
  async send(chatKey: string, locale: string, reply: Reply): Promise<void> {
    this.print(`\n${this.ui('console-notice', { chat: chatKey })}\n${this.render(locale, reply)}\n`);
  }

  /** Waits until every typed line so far has been handled (for tests and piped input). */
  idle(): Promise<void> {
    return this.queue;
  }

  private async onLine(raw: string): Promise<void> {
    if (raw.endsWith('\\')) {
      this.pending.push(raw.slice(0, -1));
      return;
    }
    const text = [...this.pending, raw].join('\n');
    this.pending = [];
    const trimmed = text.trim();
    if (!trimmed) return this.prompt();
    if (trimmed.startsWith(':')) this.meta(trimmed);
    else await this.message(trimmed);
    this.prompt();
  }

  private meta(line: string): void {
    const [word, ...rest] = line.slice(1).split(/\s+/);
    const arg = rest.join(' ').trim();
    switch (word) {
      case 'as':
        if (!arg) return this.print(this.ui('console-as-usage'));
        this.speaker = arg;
        return this.print(this.ui('console-as', { speaker: arg }));
      case 'private':
        this.chat = 'private';
        return this.print(this.ui('console-chat-private'));
      case 'group':
        this.chat = 'group';
        return this.print(this.ui('console-chat-group'));
      case 'attach': {
        const path = resolve(arg);
        try {
          const bytes = readFileSync(path);
          this.attachment = { fileName: basename(path), download: async () => new Uint8Array(bytes) };
          return this.print(this.ui('console-attached', { file: basename(path) }));
        } catch {
          return this.print(this.ui('console-attach-missing', { file: arg }));
        }
      }
      case 'quit':
      case 'exit':
        this.rl?.close();
        return;
      default:
        return this.print(this.ui('console-help'));
    }
  }

  private async message(text: string): Promise<void> {
    const parsed = parseCommandText(text);
    if (!parsed) return this.print(this.ui('console-not-command'));
    const slug = this.speaker.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const incoming: Incoming = {
      platform: 'console',
      updateId: `console:${process.pid}:${Date.now()}:${++this.sequence}`,
      chat: this.chat === 'group' ? { key: CONSOLE_GROUP, kind: 'group', title: 'Console' } : { key: `console:private:${slug}`, kind: 'private' },
      sender: { key: `console:${slug}`, displayName: this.speaker, username: slug },
      ...parsed,
      attachments: this.attachment ? [this.attachment] : undefined,
      mentions: parsed.args.startsWith('@') ? [{ username: parsed.args.slice(1).split(/\s/)[0]! }] : undefined,
      capabilities: { images: false, files: true },
    };
    this.attachment = undefined;
    this.show(await this.options.core.handle(wellFormedDeep(incoming)));
  }

  private show(result: HandleResult): void {
    for (const reply of result.replies) this.print(this.render(result.locale, reply));
    for (const notice of result.notices) void this.send(notice.chatKey, notice.locale, notice.reply);
  }

  private render(locale: string, reply: Reply): string {
    const parts = [replyText(this.options.i18n, locale, reply)];
    for (const file of [reply.file, reply.image]) {
      if (!file) continue;
      const dir = this.options.filesDir ?? resolve('data', 'exports');
      mkdirSync(dir, { recursive: true });
      const path = join(dir, file.fileName);
      writeFileSync(path, file.bytes);
      parts.push(this.ui('console-file-saved', { path }));
    }
    if (reply.buttons?.length) {
      const t = this.options.i18n.translator(locale);
      parts.push(reply.buttons.flat().map((b) => `[${t(b.label.key, b.label.args)}: ${b.data}]`).join('  '));
    }
    return parts.filter(Boolean).join('\n');
  }

  private ui(key: string, args?: Record<string, string>): string {
    return this.options.i18n.format(this.options.locale, key, args);
  }

  private prompt(): void {
    const where = this.ui(this.chat === 'group' ? 'console-where-group' : 'console-where-private');
    (this.options.output ?? process.stdout).write(`${this.speaker} @ ${where} > `);
  }

  private print(text: string): void {
    (this.options.output ?? process.stdout).write(`${wrapText(text, this.options.width ?? 80)}\n`);
  }
}
