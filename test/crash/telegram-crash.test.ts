import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import type { Chat, Message, User } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { Harness, type Speaker } from '../support/harness.js';
import { FakeTelegram } from '../support/fake-telegram.js';
import { storeProviders, type StoreProvider } from '../support/store.js';
import type { ChildSettings } from './child.js';

/**
 * Kill the bot at random moments while members send bursts of scores, restart it on the same
 * database, and count: every update Telegram handed over must be handled (in the ledger, its
 * score recorded), none twice (one score version per message), and every one answered. The fake
 * Bot API keeps every update whose offset was not confirmed and delivers it again, as Telegram
 * does. The kill moments are drawn from the count of replies already sent (no timers).
 */

const PROVIDERS = await storeProviders('the crash test');
const NOW = '2026-03-01T02:00:00Z';
const CRITERIA = `I | Chuyên môn
1.1 | Tham mưu | 10
1.2 | Cải cách hành chính | 10
2.1 | Dự hội nghị | 5`;
const UNITS = ['BL', 'LA', 'CM', 'CT'];
const BURST = 36;

/** One message a person sent. */
interface Said {
  chat: Chat;
  message: Message;
  /** Its update's key in the ledger. */
  key: string;
}

/** What a trial counted. */
interface Figures {
  updates: number;
  lost: number;
  duplicated: number;
  unanswered: number;
  repliesRepeated: number;
  kills: number;
}

function startChild(settings: ChildSettings): Promise<ChildProcess> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('test/crash/child.ts'), JSON.stringify(settings)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the bot exited with ${code} before it was ready`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) {
        child.removeAllListeners('exit');
        if (process.env.TEST_LOG) console.log(`bot ready in ${Math.round(performance.now() - t0)} ms`);
        done(child);
      }
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => child.once('exit', () => done()));
}

async function trial(provider: StoreProvider, seed: number): Promise<Figures> {
  const { store, url, close, schema } = await provider.open();
  const fake = await FakeTelegram.start();
  let child: ChildProcess | undefined;
  try {
    const group = fake.group('Cụm thi đua miền Tây');
    const users = UNITS.map((code) => fake.user(`Đại diện ${code}`));
    const privates = users.map((u) => fake.privateChat(u));
    const secretary = fake.user('Thư ký');
    // The cluster, its units and an open round, set up straight through the core.
    const h = new Harness(store, undefined, `telegram:${group.id}`);
    const speaker = (u: User): Speaker => ({ key: `telegram:${u.id}`, name: u.first_name });
    await h.say(speaker(secretary), '/setup Cụm thi đua miền Tây');
    await h.say(speaker(secretary), `/addunit ${UNITS.map((c) => `${c} Sở Nội vụ ${c}`).join('\n')}`);
    for (const [i, code] of UNITS.entries()) {
      await h.say(speaker(users[i]!), `/join ${code}`);
      await h.say(speaker(secretary), `/approve ${code}`);
    }
    await h.say(speaker(secretary), '/term 2026 Đoàn kết');
    await h.say(speaker(secretary), `/criteria\n${CRITERIA}`);
    expect((await h.say(speaker(secretary), '/round yearend 10/12/2026')).text).toMatch(/Đã mở/);
    const entriesBefore = await store.db.scoreEntry.count();

    const settings: ChildSettings = {
      url,
      schema,
      token: fake.token,
      apiRoot: fake.apiRoot,
      owner: `crash-${seed}`,
      now: NOW,
      locales: resolve('locales'),
    };
    // Kill points: after a random number of replies, once or twice per trial.
    let random = seed * 7919 + 17;
    const draw = (n: number) => {
      random = (random * 1103515245 + 12345) % 2 ** 31;
      return 1 + (random % n);
    };
    const killAt = seed % 2 ? [draw(BURST / 2)] : [draw(BURST / 3), draw(BURST / 3)];
    let kills = 0;
    let replies = 0;
    let live = false;
    fake.onSent = () => {
      replies++;
      if (live && kills < killAt.length && replies >= killAt.slice(0, kills + 1).reduce((a, b) => a + b, 0)) {
        kills++;
        live = false;
        child!.kill('SIGKILL');
      }
    };

    child = await startChild(settings);
    live = true;
    const said: Said[] = [];
    for (let n = 0; n < BURST; n++) {
      const unit = n % UNITS.length;
      const chat = n % 3 === 0 ? privates[unit]! : group;
      const code = ['1.1', '1.2', '2.1'][Math.floor(n / UNITS.length) % 3]!;
      const message = fake.say(chat, users[unit]!, `/score ${code} ${(n % 5) + 1},5`);
      said.push({ chat, message, key: `telegram:${fake.updateOf(message).update_id}` });
    }
    // Restart after every kill until everything is answered.
    const answered = () => said.every(({ chat, message }) => isAnswered(fake, chat, message, said));
    while (!answered()) {
      const running = child;
      await Promise.race([exited(running), fake.waitUntil(answered, 30_000, () => `every /score answered (${replies} replies so far)`)]);
      if (running.exitCode !== null || running.signalCode !== null) {
        child = await startChild(settings);
        live = true;
      }
    }
    child.kill('SIGTERM');
    await exited(child);
    child = undefined;

    const keys = said.map((s) => s.key);
    const ledger = new Set((await store.db.processedUpdate.findMany({ where: { key: { in: keys } } })).map((r) => r.key));
    const entries = (await store.db.scoreEntry.count()) - entriesBefore;
    const unanswered = said.filter(({ chat, message }) => !isAnswered(fake, chat, message, said)).length;
    // Every committed answer went out; a message repeated is one Telegram got twice (its sender
    // was killed between the send and the "sent" mark): at most one per chat and crash.
    const rows = await store.db.outboxMessage.findMany({ select: { chatKey: true, state: true } });
    expect(rows.filter((r) => r.state !== 'sent')).toEqual([]);
    const repeats = [group, ...privates].map(
      (chat) => fake.sentTo(chat.id).length - rows.filter((r) => r.chatKey === `telegram:${chat.id}`).length,
    );
    expect(Math.min(...repeats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...repeats)).toBeLessThanOrEqual(kills);
    const repliesRepeated = repeats.reduce((a, b) => a + b, 0);
    return {
      updates: said.length,
      lost: keys.filter((k) => !ledger.has(k)).length,
      duplicated: Math.max(0, entries - said.length),
      unanswered,
      repliesRepeated,
      kills,
    };
  } finally {
    child?.kill('SIGKILL');
    if (child) await exited(child);
    await fake.stop();
    await close();
  }
}

/**
 * Whether a person's message has its answer: in the group, a bot message quoting it; in a
 * private chat (no quoting), the n-th message of the chat is answered once the chat has n replies.
 */
function isAnswered(fake: FakeTelegram, chat: Chat, message: Message, said: readonly Said[]): boolean {
  if (chat.type !== 'private') return fake.sent.some((m) => m.chatId === chat.id && m.replyTo === message.message_id);
  const position = said.filter((s) => s.chat.id === chat.id).findIndex((s) => s.message.message_id === message.message_id);
  return fake.sentTo(chat.id).length > position;
}

// The two databases run side by side: a trial mostly waits for its child bot to start.
describe.concurrent.each(PROVIDERS)('Telegram bot killed with SIGKILL during bursts, on $name', (provider) => {
  it.skipIf(provider.skip)('loses no update, handles none twice, and answers every change', { timeout: 180_000 }, async () => {
    // Trials with an even number kill twice (the second time during the recovery), odd ones once.
    const trials = provider.name === 'SQLite' ? [1, 2] : [2];
    const total: Figures = { updates: 0, lost: 0, duplicated: 0, unanswered: 0, repliesRepeated: 0, kills: 0 };
    for (const t of trials) {
      const started = performance.now();
      const f = await trial(provider, t);
      if (process.env.TEST_LOG) console.log(`trial ${t}: ${JSON.stringify(f)} in ${Math.round(performance.now() - started)} ms`);
      for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += f[key];
    }
    console.log(
      `crash test on ${provider.name}: ${trials.length} trials, ${total.kills} kills, ${total.updates} updates, ${total.lost} lost, ${total.duplicated} handled twice, ${total.unanswered} unanswered, ${total.repliesRepeated} replies repeated (at most one per chat and crash)`,
    );
    expect(total.lost).toBe(0);
    expect(total.duplicated).toBe(0);
    expect(total.unanswered).toBe(0);
  });
});
