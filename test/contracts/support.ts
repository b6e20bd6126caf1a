import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatEvent, Core, HandleResult } from '../../src/app/core.js';
import type { Incoming } from '../../src/app/ports.js';
import type { Adapter, Capabilities, Platform, SendFailure } from '../../src/delivery.js';
import { DEFAULT_CAPABILITIES, SendError } from '../../src/delivery.js';
import { I18n } from '../../src/i18n/i18n.js';
import type { NoticeRouter } from '../../src/adapters/kit/router.js';
import type { Reply } from '../../src/reply.js';

const LOCALES_DIR = new URL('../../locales/', import.meta.url).pathname;

/** Sentences of the scripted commands, besides every real locale file. */
const TEST_MESSAGES = `
t-echo = { $text }
`;

/** Every locale file of the bot plus the contract's own sentences, in a folder of their own. */
export function contractI18n(): { i18n: I18n; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-contract-i18n-'));
  for (const file of readdirSync(LOCALES_DIR).filter((f) => f.endsWith('.ftl'))) copyFileSync(join(LOCALES_DIR, file), join(dir, file));
  writeFileSync(join(dir, 'vi.contract.ftl'), TEST_MESSAGES);
  writeFileSync(join(dir, 'en.contract.ftl'), TEST_MESSAGES);
  return { i18n: new I18n(dir), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** How the answers to the `/tsettle` sentinel begin (drivers leave them out of what arrived). */
export const SETTLED = '✓ settled';

/** A sentence of the scripted core. */
export function echo(text: string): { key: string; args: { text: string } } {
  return { key: 't-echo', args: { text } };
}

/**
 * The real core, with a few scripted commands (`/t…`) that answer with the replies a contract
 * needs (a long text, a table, buttons, a file, notices); every other command goes to the real
 * core, its ledger and its help.
 */
export class ScriptedCore implements Core {
  readonly script = new Map<string, (incoming: Incoming) => Partial<HandleResult> & { replies: Reply[] }>();

  constructor(private readonly real: Core) {
    // A sentinel for drivers: its answer proves every earlier message of the chat was answered.
    this.script.set('tsettle', (i) => ({ replies: [{ text: [echo(`${SETTLED} ${i.args}`)] }] }));
  }

  async handle(incoming: Incoming): Promise<HandleResult> {
    const scripted = this.script.get(incoming.command);
    if (!scripted) return this.real.handle(incoming);
    return { locale: 'vi', notices: [], duplicate: false, ...scripted(incoming) };
  }

  chatEvent(event: ChatEvent): Promise<HandleResult> {
    return this.real.chatEvent(event);
  }
}

/** An adapter of another platform that records what reaches it, or fails as told. */
export class OtherPlatform implements Adapter {
  readonly capabilities = DEFAULT_CAPABILITIES;
  readonly sent: { chatKey: string; reply: Reply }[] = [];
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly platform: Platform,
    private readonly failWith?: SendFailure,
  ) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(chatKey: string, _locale: string, reply: Reply): Promise<void> {
    if (this.failWith) throw new SendError(this.failWith, `${this.platform} refused`);
    this.sent.push({ chatKey, reply });
    for (const wake of this.waiting.splice(0)) wake();
  }

  /** Resolves once something was sent to `chatKey`. */
  async received(chatKey: string): Promise<void> {
    while (!this.sent.some((s) => s.chatKey === chatKey)) await new Promise<void>((resolve) => this.waiting.push(resolve));
  }
}

/** A chat as the contract knows it: its key in the core; the driver knows the rest. */
export interface ContractChat {
  key: string;
}

/** One message that arrived in a chat, as a person sees it. */
export interface Received {
  text: string;
  /** Buttons under it (platforms with buttons). */
  buttons: { label: string; data: string }[];
  /** The document that came with it (platforms with files). */
  file?: { fileName: string; bytes: Uint8Array };
}

/** What a driver is given to build its adapter. */
export interface DriverDeps {
  core: Core;
  i18n: I18n;
  router: NoticeRouter;
}

/**
 * How the contract talks to one adapter: how a person sends a message, how to read what
 * arrived in a chat, and the platform's own ways of failing and redelivering.
 */
export interface ContractDriver {
  readonly adapter: Adapter;
  /** A group chat and a private chat of the same person, both able to receive messages. */
  group(): Promise<ContractChat>;
  privateChat(): Promise<ContractChat>;
  /** A person sends a message in a chat (a command line, possibly with a body). */
  say(chat: ContractChat, text: string): Promise<void>;
  /** Waits until everything the messages so far caused in the chat has arrived. */
  settle(chat: ContractChat): Promise<void>;
  /**
   * Waits for a message in the chat whose text says `text` (counting from message `from`):
   * notices are paced, so they may arrive after later replies.
   */
  arrival(chat: ContractChat, text: string, from: number): Promise<Received>;
  /** Everything that arrived in the chat, in order. */
  messages(chat: ContractChat): Received[];
  /** The platform delivers the last message again (only platforms that redeliver). */
  redeliverLast?(): Promise<void>;
  /** A chat whose sends fail as `failure`, where the platform can fail that way. */
  failingChat?(failure: SendFailure): Promise<ContractChat | undefined>;
  stop(): Promise<void>;
}

/** What the contract needs to know of a driver before starting it. */
export interface DriverFactory {
  name: string;
  /** The capabilities the adapter will declare (tests are chosen by them). */
  capabilities: Capabilities;
  /** The send failures the platform can be made to produce. */
  failures: SendFailure[];
  redelivers: boolean;
  /** Tables are written as one line a row (no monospace on the platform, e.g. Zalo). */
  compactTables?: boolean;
  start(deps: DriverDeps): Promise<ContractDriver>;
}
