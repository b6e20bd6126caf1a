import { expect } from 'vitest';
import type { Adapter } from '../../src/delivery.js';
import { Scheduler } from '../../src/scheduler/index.js';
import { closeBallotAtDeadline } from '../../src/app/ballot-deadline.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import { RecordingAdapter } from '../reminders/fixtures.js';
import { i18n, type Harness, type Speaker } from '../support/harness.js';

/**
 * A three-unit cluster at its year-end meeting (10/12/2026 08:00 in Hà Nội), every unit present,
 * each representative known privately to the bot: what the ballot reminder tests start from.
 * The clock stands at 09:00 local on the meeting day; the meeting's own reminders are done.
 */
export interface SmallMeeting {
  h: Harness;
  sec: Speaker;
  reps: Record<'BL' | 'LA' | 'CT', Speaker>;
  /** The console adapter every chat (group and private) is sent through. */
  adapter: RecordingAdapter;
  /** A scheduler on the harness's store and clock, wired as `main.ts` wires it. */
  scheduler: (instanceId?: string) => Scheduler;
  /** Sends and expects the reply to match. */
  ok: (
    who: Speaker,
    text: string,
    pattern: RegExp,
    options?: Parameters<Harness['say']>[2],
  ) => Promise<Awaited<ReturnType<Harness['say']>>>;
  /** The private chat key of a speaker. */
  privateKey: (who: Speaker) => string;
}

/** 09:00 on 10/12/2026 in Hà Nội. */
export const MEETING_DAY = new Date('2026-12-10T02:00:00Z');

/** Sets up the cluster and the meeting through the core, as people would. */
export async function smallMeeting(h: Harness): Promise<SmallMeeting> {
  const sec = h.person('Thư ký Lan');
  const reps = { BL: h.person('Đại diện Bạc Liêu'), LA: h.person('Đại diện Long An'), CT: h.person('Đại diện Cần Thơ') };
  const ok: SmallMeeting['ok'] = async (who, text, pattern, options = {}) => {
    const said = await h.say(who, text, options);
    expect(said.text, text).toMatch(pattern);
    return said;
  };
  h.clock.set(new Date('2026-11-01T02:00:00Z'));
  await ok(sec, '/setup Cụm thi đua Sở Nội vụ miền Tây Nam Bộ', /Đã lập/);
  await ok(sec, '/addunit BL Sở Nội vụ Bạc Liêu\nLA Sở Nội vụ Long An\nCT Sở Nội vụ Cần Thơ', /Đã thêm 3 đơn vị/);
  for (const [code, who] of Object.entries(reps)) {
    await h.say(who, `/join ${code}`);
    await ok(sec, `/approve ${code}`, /Đã duyệt/);
    await h.say(who, '/help', { private: true });
  }
  await ok(sec, '/term 2026', /Đã mở năm thi đua 2026/);
  await ok(sec, '/meeting yearend 10/12/2026 08:00 Bạc Liêu', /Đã lên lịch/);
  h.clock.set(MEETING_DAY);
  await ok(sec, '/attend all', /có mặt 3\/3/);
  const adapter = new RecordingAdapter('console');
  const adapters = new Map<string, Adapter>([['console', adapter]]);
  const scheduler = (instanceId = 'one') =>
    new Scheduler({
      store: h.store,
      clock: h.clock,
      i18n,
      adapters,
      rollOver: (request) => rollOverHandover(h.store, request),
      closeBallot: (request) => closeBallotAtDeadline(h.store, request),
      instanceId,
    });
  // The meeting's own reminders fell due before it and are skipped now: only ballots' remain.
  expect((await scheduler('setup').tick()).skippedBy).toEqual({ 'event-passed': 2 });
  adapter.clear();
  return { h, sec, reps, adapter, scheduler, ok, privateKey: (who) => `test:private:${who.key}` };
}

/** The number in "Phiếu số N" of a reply. */
export function ballotNumber(text: string): number {
  return Number(/Phiếu số (\d+)/.exec(text)![1]);
}
