import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer, PacerClosedError, type PacingLimits } from '../../../src/adapters/kit/pacer.js';

/** Telegram's figures, as the Telegram adapter passes them. */
const LIMITS: PacingLimits = { perChatMs: 1000, groupPerMinute: 20, globalPerSecond: 25 };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Sends `count` paced messages to `chat` and records when each went out. */
function broadcast(pacer: Pacer, chat: string, group: boolean, count: number, times: number[]): Promise<void>[] {
  return Array.from({ length: count }, () =>
    pacer.enqueue(chat, group, async (pace) => {
      await pace();
      times.push(Date.now());
    }),
  );
}

describe('broadcast pacing', () => {
  it('keeps one message per second to a chat', async () => {
    const pacer = new Pacer(LIMITS);
    const times: number[] = [];
    const done = Promise.all(broadcast(pacer, 'telegram:42', false, 4, times));
    await vi.runAllTimersAsync();
    await done;
    expect(times).toEqual([0, 1000, 2000, 3000]);
  });

  it('keeps a group under 20 messages in any minute', async () => {
    const pacer = new Pacer(LIMITS);
    const times: number[] = [];
    const done = Promise.all(broadcast(pacer, 'telegram:-100', true, 45, times));
    await vi.runAllTimersAsync();
    await done;
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(60_000);
    expect(times[19]).toBe(19_000);
    expect(times[20]).toBe(60_000);
  });

  it('stays under the bot-wide rate over many chats, without one chat holding up the others', async () => {
    const pacer = new Pacer({ ...LIMITS, globalPerSecond: 25 });
    const times: number[] = [];
    const done = Promise.all(Array.from({ length: 100 }, (_, i) => broadcast(pacer, `telegram:${i}`, false, 1, times)).flat());
    await vi.runAllTimersAsync();
    await done;
    times.sort((a, b) => a - b);
    for (let i = 25; i < times.length; i++) expect(times[i]! - times[i - 25]!).toBeGreaterThanOrEqual(1000);
    expect(times.at(-1)).toBeLessThan(4_100);
  });

  it('runs a chat’s tasks in order, one at a time', async () => {
    const pacer = new Pacer({ ...LIMITS, perChatMs: 0 });
    const log: string[] = [];
    let finishA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => (finishA = resolve));
    const slow = pacer.enqueue('c', false, async () => {
      log.push('a-start');
      await aMayFinish;
      log.push('a-end');
    });
    const fast = pacer.enqueue('c', false, async () => void log.push('b'));
    await vi.runAllTimersAsync();
    // The first task is still running: the second has not started.
    expect(log).toEqual(['a-start']);
    finishA();
    await Promise.all([slow, fast]);
    expect(log).toEqual(['a-start', 'a-end', 'b']);
  });

  it('keeps going after a failed task and forgets idle chats', async () => {
    const pacer = new Pacer(LIMITS);
    const failed = pacer.enqueue('c', false, async () => {
      throw new Error('403');
    });
    await expect(failed).rejects.toThrow('403');
    await expect(pacer.enqueue('c', false, async () => 'ok')).resolves.toBe('ok');
    expect(pacer.size).toBe(0);
  });

  it('rejects waiting and queued tasks when closed', async () => {
    const pacer = new Pacer({ ...LIMITS, perChatMs: 10_000 });
    const times: number[] = [];
    const [first, second, third] = broadcast(pacer, 'c', false, 3, times).map((p) =>
      p.then(
        () => 'sent',
        (e: unknown) => e,
      ),
    );
    await vi.advanceTimersByTimeAsync(1);
    pacer.close();
    expect(await first).toBe('sent');
    expect(await second).toBeInstanceOf(PacerClosedError);
    expect(await third).toBeInstanceOf(PacerClosedError);
    await expect(pacer.enqueue('d', false, async () => 1)).rejects.toBeInstanceOf(PacerClosedError);
  });
});
