import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ConversationLoop } from '../../../src/adapters/kit/conversation.js';
import { NoticeRouter } from '../../../src/adapters/kit/router.js';
import type { Core, HandleResult } from '../../../src/app/core.js';
import type { Incoming } from '../../../src/app/ports.js';
import { DEFAULT_CAPABILITIES, SendError, type Adapter, type Platform } from '../../../src/delivery.js';
import { UserError } from '../../../src/domain/errors.js';
import type { Reply } from '../../../src/reply.js';

const say = (text: string): Reply => ({ text: [{ key: 't-echo', args: { text } }] });
const incoming: Incoming = {
  platform: 'console',
  updateId: 'u1',
  chat: { key: 'console:group', kind: 'group' },
  sender: { key: 'console:lan', displayName: 'Lan' },
  command: 'x',
  args: '',
  body: '',
};

/** An adapter of some platform that records sends and fails the chats it is told to. */
function platform(name: Platform, failing: string[] = []): Adapter & { sent: string[] } {
  const sent: string[] = [];
  return {
    platform: name,
    capabilities: DEFAULT_CAPABILITIES,
    sent,
    start: async () => {},
    stop: async () => {},
    send: async (chatKey) => {
      if (failing.includes(chatKey)) throw new SendError('gone', 'kicked');
      sent.push(chatKey);
    },
  };
}

function loopWith(answer: () => HandleResult | Promise<HandleResult>, router = new NoticeRouter(pino({ level: 'silent' }))) {
  const sent: { reply: Reply; quote: boolean }[] = [];
  const core: Core = { handle: async () => answer(), chatEvent: async () => answer() };
  const loop = new ConversationLoop<{ kind: 'group' | 'private' }>({
    core,
    router,
    send: async (_origin, _locale, reply, quote) => void sent.push({ reply, quote }),
  });
  return { loop, sent };
}

describe('the conversation loop', () => {
  it('answers in order, quoting only with the first reply to the chat (a private one does not count)', async () => {
    const replies = [{ ...say('mã riêng'), privately: true }, say('một'), say('hai')];
    const { loop, sent } = loopWith(() => ({ locale: 'vi', replies, notices: [], duplicate: false }));
    await loop.converse(incoming, { kind: 'group' }, 'vi');
    expect(sent.map((s) => s.quote)).toEqual([true, true, false]);
  });

  it('answers a redelivered update with nothing', async () => {
    const { loop, sent } = loopWith(() => ({
      locale: 'vi',
      replies: [say('x')],
      notices: [{ chatKey: 'slack:C1', locale: 'vi', reply: say('y') }],
      duplicate: true,
    }));
    await loop.converse(incoming, { kind: 'group' }, 'vi');
    await loop.settled();
    expect(sent).toEqual([]);
  });

  it('turns a user error into its sentence and anything else into an apology with a reference', async () => {
    let error: Error = new UserError('error-no-cluster');
    const { loop, sent } = loopWith(() => {
      throw error;
    });
    await loop.converse(incoming, { kind: 'group' }, 'vi');
    error = new Error('database is down');
    await loop.converse(incoming, { kind: 'group' }, 'vi');
    expect(sent.map((s) => s.reply.text?.[0]?.key)).toEqual(['error-no-cluster', 'kit-error-apology']);
    expect(sent[1]!.reply.text?.[0]?.args?.ref).toMatch(/^[0-9A-F]{8}$/);
  });

  it('routes notices through the one router, one failing chat not holding up the others', async () => {
    const slack = platform('slack', ['slack:GONE']);
    const telegram = platform('telegram');
    const router = new NoticeRouter(pino({ level: 'silent' })).register(slack).register(telegram);
    const notices = ['slack:GONE', 'slack:C1', 'telegram:-100', 'zalo:nobody'].map((chatKey) => ({
      chatKey,
      locale: 'vi',
      reply: say('nhắc'),
    }));
    const { loop } = loopWith(() => ({ locale: 'vi', replies: [], notices, duplicate: false }), router);
    await loop.converse(incoming, { kind: 'group' }, 'vi');
    await loop.settled();
    expect(slack.sent).toEqual(['slack:C1']);
    expect(telegram.sent).toEqual(['telegram:-100']);
  });
});
