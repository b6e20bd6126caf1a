import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from 'pino';
import type { Core } from '../../app/core.js';
import type { Attachment, Incoming } from '../../app/ports.js';
import { SendError, type Adapter, type Capabilities } from '../../delivery.js';
import type { I18n } from '../../i18n/i18n.js';
import type { Reply } from '../../reply.js';
import { parseCommandLine } from '../kit/command-line.js';
import { ConversationLoop } from '../kit/conversation.js';
import { wellFormedDeep } from '../kit/well-formed.js';
import { NoticeRouter } from '../kit/router.js';
import { metaCommand, type ConsoleState } from './meta.js';
import { renderReply } from './render.js';
import { wrapText } from './wrap.js';

/** The console's one group chat. */
export const CONSOLE_GROUP = 'console:group';

/** What a terminal shows: text and files (saved to disk); no pictures, no buttons, no limit. */
export const CONSOLE_CAPABILITIES: Capabilities = {
  images: false,
  files: true,
  buttons: false,
  edits: false,
  textLimit: Number.POSITIVE_INFINITY,
  captionLimit: Number.POSITIVE_INFINITY,
};

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
  /** The one router of the instance: notices of console conversations go through it. */
  router?: NoticeRouter;
  /** Narrows what the console shows (tests: a console without files, a short message limit). */
  capabilities?: Partial<Capabilities>;
  logger?: Logger;
  /** Called when the person types `:quit` or input ends. */
  onClose?: () => void;
}

/** Where a console conversation takes place. */
interface ConsoleOrigin {
  kind: 'group' | 'private';
  chatKey: string;
}

/**
 * A local group chat in the terminal: one can act as the secretary and as any member
 * (`:as NAME` switches who speaks), with the same core, store and scheduler as the real
 * platforms. A line ending in `\` continues the message on the next line (command bodies);
 * `:attach FILE` attaches a file (criteria .csv/.xlsx) to the next command.
 */
export class ConsoleAdapter implements Adapter {
  readonly platform = 'console' as const;
  readonly capabilities: Capabilities;
  private rl?: Interface;
  private readonly state: ConsoleState = { speaker: '', chat: 'group' };
  private pending: string[] = [];
  private sequence = 0;
  private queue: Promise<void> = Promise.resolve();
  private readonly loop: ConversationLoop<ConsoleOrigin>;

  constructor(private readonly options: ConsoleAdapterOptions) {
    this.capabilities = { ...CONSOLE_CAPABILITIES, ...options.capabilities };
    const router = options.router ?? new NoticeRouter(options.logger).register(this);
    this.loop = new ConversationLoop({
      core: options.core,
      router,
      logger: options.logger,
      send: async (_origin, locale, reply) => this.show(locale, reply),
    });
  }

  async start(): Promise<void> {
    const { input = process.stdin, output = process.stdout } = this.options;
    this.rl = createInterface({ input, output, terminal: false });
    this.state.speaker = this.ui('console-default-speaker');
    this.print(this.ui('console-welcome', { speaker: this.state.speaker }));
    this.prompt();
    this.rl.on('line', (line) => void this.type(line));
    this.rl.on('close', () => {
      void this.queue.then(() => this.options.onClose?.());
    });
  }

  async stop(): Promise<void> {
    this.rl?.close();
    await this.queue;
    await this.loop.settled();
  }

  /** Reminders and notices for console chats: printed with a bell so they stand out from replies. */
  async send(chatKey: string, locale: string, reply: Reply): Promise<void> {
    if (!chatKey.startsWith('console:')) throw new SendError('other', `not a console chat: ${chatKey}`);
    const output = this.options.output ?? process.stdout;
    if (output.destroyed || output.writableEnded) throw new SendError('gone', 'the console output is closed');
    this.print(`\n${this.ui('console-notice', { chat: chatKey })}\n${this.render(locale, reply).join('\n')}\n`);
  }

  /**
   * Handles one typed line, after the lines typed before it; resolves once it is answered
   * (its notices may still be on their way: see `idle`).
   */
  type(line: string): Promise<void> {
    this.queue = this.queue.then(() => this.onLine(line)).catch((error: unknown) => this.print(String(error)));
    return this.queue;
  }

  /** Waits until every typed line so far has been handled and its notices tried. */
  async idle(): Promise<void> {
    await this.queue;
    await this.loop.settled();
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
    if (trimmed.startsWith(':')) {
      const said = metaCommand(trimmed, this.state, (key, args) => this.ui(key, args));
      if (said === 'quit') this.rl?.close();
      else this.print(said);
    } else await this.message(trimmed);
    this.prompt();
  }

  private async message(text: string): Promise<void> {
    const parsed = parseCommandLine(text);
    if (!parsed) return this.print(this.ui('console-not-command'));
    const { speaker, chat } = this.state;
    const slug = speaker
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-');
    const origin: ConsoleOrigin =
      chat === 'group' ? { kind: 'group', chatKey: CONSOLE_GROUP } : { kind: 'private', chatKey: `console:private:${slug}` };
    const attachments: Attachment[] | undefined = this.state.attachment ? [this.state.attachment] : undefined;
    this.state.attachment = undefined;
    const incoming: Incoming = {
      platform: 'console',
      updateId: `console:${process.pid}:${Date.now()}:${++this.sequence}`,
      chat: origin.kind === 'group' ? { key: origin.chatKey, kind: 'group', title: 'Console' } : { key: origin.chatKey, kind: 'private' },
      sender: { key: `console:${slug}`, displayName: speaker, username: slug },
      command: parsed.command,
      args: parsed.args,
      body: parsed.body,
      attachments,
      mentions: parsed.args.startsWith('@') ? [{ username: parsed.args.slice(1).split(/\s/)[0]! }] : undefined,
    };
    // Typed text is made well-formed (lone surrogates, NUL) before it can reach the store.
    await this.loop.converse(wellFormedDeep(incoming), origin, this.options.locale);
  }

  /** Prints a reply of a conversation, a message at a time. */
  private show(locale: string, reply: Reply): void {
    for (const message of this.render(locale, reply)) this.print(message);
  }

  private render(locale: string, reply: Reply): string[] {
    const { i18n, filesDir } = this.options;
    return renderReply({
      i18n,
      locale,
      reply,
      capabilities: this.capabilities,
      filesDir,
      saved: (path) => this.ui('console-file-saved', { path }),
    });
  }

  private ui(key: string, args?: Record<string, string>): string {
    return this.options.i18n.format(this.options.locale, key, args);
  }

  private prompt(): void {
    const where = this.ui(this.state.chat === 'group' ? 'console-where-group' : 'console-where-private');
    (this.options.output ?? process.stdout).write(`${this.state.speaker} @ ${where} > `);
  }

  private print(text: string): void {
    (this.options.output ?? process.stdout).write(`${wrapText(text, this.options.width ?? 80)}\n`);
  }
}
