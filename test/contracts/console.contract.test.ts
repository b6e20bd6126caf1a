import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { CONSOLE_CAPABILITIES, CONSOLE_GROUP, ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import type { Capabilities } from '../../src/delivery.js';
import { adapterContract } from './adapter-contract.js';
import type { ContractChat, ContractDriver, DriverDeps, Received } from './support.js';

/** The private chat of the console's default speaker (“Thư ký”). */
const PRIVATE = 'console:private:thu-ky';

/**
 * The console through its input and output streams: a person types lines; what the terminal
 * prints after a prompt belongs to the chat the person is in, a notice names its chat.
 */
function consoleDriver(capabilities: Partial<Capabilities>) {
  return async ({ core, i18n, router }: DriverDeps): Promise<ContractDriver> => {
    const input = new PassThrough();
    const output = new PassThrough();
    const filesDir = mkdtempSync(join(tmpdir(), 'console-contract-'));
    const arrived = new Map<string, Received[]>([
      [CONSOLE_GROUP, []],
      [PRIVATE, []],
    ]);
    let current = CONSOLE_GROUP;
    let typingMeta = false;
    output.on('data', (chunk: Buffer) => {
      const text = String(chunk).replace(/\n$/, '');
      if (typingMeta || text.endsWith(' > ')) return;
      const notice = /^\n🔔 .* (console:\S+):\n([\s\S]*)\n$/.exec(text);
      const [chat, body] = notice ? [notice[1]!, notice[2]!] : [current, text];
      const saved = /^Tệp đã lưu tại:\n(.+)$/m.exec(body);
      const file = saved ? { fileName: basename(saved[1]!), bytes: new Uint8Array(readFileSync(saved[1]!)) } : undefined;
      arrived.get(chat)?.push({ text: body, buttons: [], ...(file ? { file } : {}) });
    });
    const adapter = new ConsoleAdapter({
      core,
      i18n,
      locale: 'vi',
      input,
      output,
      filesDir,
      width: 100_000,
      router,
      capabilities,
      logger: pino({ level: 'silent' }),
    });
    await adapter.start();
    const type = async (line: string) => {
      typingMeta = true;
      await adapter.type(line);
      typingMeta = false;
    };
    const enter = async (chat: ContractChat) => {
      if (chat.key === current) return;
      await type(chat.key === CONSOLE_GROUP ? ':group' : ':private');
      current = chat.key;
    };
    return {
      adapter,
      group: async () => ({ key: CONSOLE_GROUP }),
      privateChat: async () => ({ key: PRIVATE }),
      say: async (chat, text) => {
        await enter(chat);
        // A line ending in `\` continues the message: a body is typed line by line.
        const lines = text.split('\n');
        for (const [i, line] of lines.entries()) await adapter.type(i < lines.length - 1 ? `${line}\\` : line);
      },
      settle: () => adapter.idle(),
      arrival: async (chat, text, from) => {
        await adapter.idle();
        const found = arrived
          .get(chat.key)
          ?.slice(from)
          .find((m) => m.text === text);
        if (!found) throw new Error(`nothing saying “${text}” arrived in ${chat.key}`);
        return found;
      },
      messages: (chat) => [...(arrived.get(chat.key) ?? [])],
      stop: async () => {
        await adapter.stop();
        rmSync(filesDir, { recursive: true, force: true });
      },
    };
  };
}

adapterContract({ name: 'console', capabilities: CONSOLE_CAPABILITIES, failures: [], redelivers: false, start: consoleDriver({}) });

/** A console that cannot receive files and takes short messages, as Zalo-like platforms are. */
const NARROW: Partial<Capabilities> = { files: false, textLimit: 2000, captionLimit: 0 };
adapterContract({
  name: 'console without files, 2,000 characters a message',
  capabilities: { ...CONSOLE_CAPABILITIES, ...NARROW },
  failures: [],
  redelivers: false,
  start: consoleDriver(NARROW),
});
