import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '../../src/reply.js';
import { DEFAULT_CAPABILITIES, type SendError, type Adapter, type Platform } from '../../src/delivery.js';
import { I18n } from '../../src/i18n/i18n.js';
import type { Db } from '../../src/store/client.js';
import { replanReminders } from '../../src/store/reminders.js';
import type { Store } from '../../src/store/store.js';
import { closeBallotAtDeadline } from '../../src/app/ballot-deadline.js';
import { rollOverHandover } from '../../src/app/rollover.js';
import type { CloseBallot, RollOver } from '../../src/scheduler/index.js';

/** The year's rollover as `main.ts` wires it into the scheduler. */
export function rollOverOn(store: Store): RollOver {
  return (request) => rollOverHandover(store, request);
}

/** Closing a ballot at its closing time, as `main.ts` wires it into the scheduler. */
export function closeBallotOn(store: Store): CloseBallot {
  return (request) => closeBallotAtDeadline(store, request);
}

export const TZ = 'Asia/Ho_Chi_Minh';
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/**
 * Fluent bundles with only the reminder files, so these tests do not depend on other locale
 * files being mid-edit (test/reminders/locales.test.ts loads the real folder as well).
 */
export function reminderI18n(): I18n {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-locales-'));
  for (const file of ['vi.reminders.ftl', 'en.reminders.ftl', 'vi.private.ftl', 'en.private.ftl'])
    copyFileSync(join('locales', file), join(dir, file));
  return new I18n(dir);
}

/** One message the fake platform was asked to send. */
export interface Sent {
  chatKey: string;
  locale: string;
  reply: Reply;
}

/**
 * A recording fake of the platform port: keeps every send, fails the chats it is told to fail,
 * and yields once per send so concurrent schedulers interleave (no timers, no sleeping).
 */
export class RecordingAdapter implements Adapter {
  readonly sent: Sent[] = [];
  readonly attempts: string[] = [];
  readonly failing = new Map<string, SendError>();
  readonly capabilities = DEFAULT_CAPABILITIES;

  constructor(readonly platform: Platform = 'console') {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async send(chatKey: string, locale: string, reply: Reply): Promise<void> {
    this.attempts.push(chatKey);
    await new Promise<void>((resolve) => setImmediate(resolve));
    const failure = this.failing.get(chatKey);
    if (failure) throw failure;
    this.sent.push({ chatKey, locale, reply });
  }

  /** The first message key of each reply sent to a chat, in order. */
  keysFor(chatKey: string): string[] {
    return this.sent.filter((s) => s.chatKey === chatKey).map((s) => s.reply.text?.[0]?.key ?? '');
  }

  clear(): void {
    this.sent.length = 0;
    this.attempts.length = 0;
  }
}

export interface SeededCluster {
  clusterId: number;
  termId: number;
  unitIds: number[];
  chatIds: number[];
  chatKeys: string[];
}

let seq = 0;

/** A cluster with units U01…, an open 2025 term and chats bound to it. */
export async function seedCluster(
  db: Db,
  options: { units?: number; chats?: { platform: string }[]; locale?: string; timezone?: string } = {},
): Promise<SeededCluster> {
  const n = ++seq;
  const cluster = await db.cluster.create({ data: { name: `Cụm ${n}`, timezone: options.timezone ?? TZ, locale: options.locale ?? 'vi' } });
  const unitCount = options.units ?? 3;
  await db.unit.createMany({
    data: Array.from({ length: unitCount }, (_, i) => ({
      clusterId: cluster.id,
      code: `U${String(i + 1).padStart(2, '0')}`,
      name: `Sở Nội vụ ${i + 1}`,
    })),
  });
  const units = await db.unit.findMany({ where: { clusterId: cluster.id }, orderBy: { code: 'asc' } });
  const term = await db.term.create({ data: { clusterId: cluster.id, year: 2025, state: 'open' } });
  const chatIds: number[] = [];
  const chatKeys: string[] = [];
  for (const [i, chat] of (options.chats ?? [{ platform: 'console' }]).entries()) {
    const key = `${chat.platform}:c${n}-${i}`;
    const row = await db.chat.create({ data: { key, platform: chat.platform, clusterId: cluster.id } });
    chatIds.push(row.id);
    chatKeys.push(key);
  }
  return { clusterId: cluster.id, termId: term.id, unitIds: units.map((u) => u.id), chatIds, chatKeys };
}

/** Opens a round with a deadline and plans its reminders, as `/round` does. */
export async function openRound(store: Store, cluster: SeededCluster, deadline: Date, now: Date, kind = 'midyear'): Promise<number> {
  return store.tx(now, async (tx) => {
    const round = await tx.db.round.create({ data: { termId: cluster.termId, kind, deadline, openedAt: now } });
    await replanReminders(tx, { clusterId: cluster.clusterId, type: 'round', id: round.id, eventAt: deadline, timezone: TZ });
    return round.id;
  });
}

/** Moves a round's deadline (or closes it with `null`) and replans, as `/round` and `/close` do. */
export async function moveRound(store: Store, cluster: SeededCluster, roundId: number, deadline: Date | null, now: Date): Promise<void> {
  await store.tx(now, async (tx) => {
    if (deadline) await tx.db.round.update({ where: { id: roundId }, data: { deadline } });
    else await tx.db.round.update({ where: { id: roundId }, data: { state: 'closed', closedAt: now } });
    await replanReminders(tx, { clusterId: cluster.clusterId, type: 'round', id: roundId, eventAt: deadline, timezone: TZ });
  });
}

/** Reminder rows of a subject, ordered by id, for assertions. */
export async function remindersOf(db: Db, type: string, id: number) {
  return db.reminder.findMany({ where: { subjectType: type, subjectId: id }, orderBy: { id: 'asc' } });
}
