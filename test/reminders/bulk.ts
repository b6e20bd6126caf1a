import type { Store } from '../../src/store/store.js';
import { dialectOf } from '../../src/store/tx.js';

/**
 * Bulk data for the race tests and the sweep benchmark, written with a few multi-row INSERTs
 * (Prisma's `createMany` on the JS engine costs about 0.4 ms a row on SQLite: minutes for the
 * benchmark's 130,000 units). Ids are given explicitly on a fresh database; PostgreSQL's
 * sequences are moved past them afterwards so later inserts work as usual.
 */
export interface BulkOptions {
  clusters: number;
  unitsPerCluster: number;
  /** Sheets per round: the first `submitted` units have submitted, the next `drafts` have drafts. */
  submitted?: number;
  drafts?: number;
  /** Each cluster's chats by platform, e.g. `(i) => i % 4 ? ['telegram'] : ['telegram', 'slack']`. */
  chats: (clusterIndex: number) => string[];
  now: Date;
  /** Every cluster gets an open round with this deadline and a due reminder `roundSlot` for it. */
  deadline: Date;
  roundSlot: string;
  /** When set, every cluster also gets a meeting at this time and a due `m1` reminder. */
  meetingAt?: Date;
  /** When the reminders fall due. */
  dueAt: Date;
  /**
   * When set, every unit gets one active representative who last wrote to the bot privately on
   * this platform (`null`: never wrote privately), e.g. `(k) => (k % 2 ? 'slack' : 'telegram')`
   * for unit number `k` (0-based over all clusters).
   */
  representatives?: (unitIndex: number) => string | null;
  /** The clusters' rules as stored JSON (default `{}`: reminders to group chats and privately). */
  settings?: string;
}

export interface BulkResult {
  chatKeys: string[];
  reminders: number;
  /** The representatives' private chat keys, by unit id (those with one). */
  privateKeys: Map<number, string>;
}

const TABLES = ['Cluster', 'Unit', 'Term', 'Round', 'Sheet', 'Meeting', 'Chat', 'Reminder', 'Person', 'Role'];

export async function bulkSeed(store: Store, o: BulkOptions): Promise<BulkResult> {
  const pg = dialectOf(store.handle(o.now)) === 'postgresql';
  const t = (d: Date) => `'${pg ? d.toISOString().replace('T', ' ').replace('Z', '') : d.toISOString().replace('Z', '+00:00')}'`;
  const now = t(o.now);
  const insert = async (table: string, columns: string[], rows: string[][]) => {
    for (let i = 0; i < rows.length; i += 5_000) {
      const values = rows
        .slice(i, i + 5_000)
        .map((r) => `(${r.join(',')})`)
        .join(',');
      await store.db.$executeRawUnsafe(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(',')}) VALUES ${values}`);
    }
  };
  const n = o.clusters;
  const u = o.unitsPerCluster;
  const range = (count: number) => Array.from({ length: count }, (_, i) => i);
  const settings = `'${o.settings ?? '{}'}'`;
  await insert(
    'Cluster',
    ['id', 'name', 'timezone', 'locale', 'settings', 'createdAt', 'updatedAt'],
    range(n).map((i) => [`${i + 1}`, `'Cụm thi đua ${i + 1}'`, `'Asia/Ho_Chi_Minh'`, `'vi'`, settings, now, now]),
  );
  await insert(
    'Unit',
    ['id', 'clusterId', 'code', 'name', 'createdAt', 'updatedAt'],
    range(n * u).map((k) => [`${k + 1}`, `${Math.floor(k / u) + 1}`, `'U${(k % u) + 1}'`, `'Sở Nội vụ tỉnh ${(k % u) + 1}'`, now, now]),
  );
  await insert(
    'Term',
    ['id', 'clusterId', 'year', 'state', 'openedAt', 'updatedAt'],
    range(n).map((i) => [`${i + 1}`, `${i + 1}`, '2026', `'open'`, now, now]),
  );
  await insert(
    'Round',
    ['id', 'termId', 'kind', 'deadline', 'state', 'openedAt', 'updatedAt'],
    range(n).map((i) => [`${i + 1}`, `${i + 1}`, `'midyear'`, t(o.deadline), `'open'`, now, now]),
  );
  const submitted = o.submitted ?? 0;
  const perRound = submitted + (o.drafts ?? 0);
  if (perRound) {
    await insert(
      'Sheet',
      ['id', 'roundId', 'unitId', 'state', 'createdAt', 'updatedAt'],
      range(n * perRound).map((k) => {
        const i = Math.floor(k / perRound);
        const j = k % perRound;
        return [`${k + 1}`, `${i + 1}`, `${i * u + j + 1}`, j < submitted ? `'submitted'` : `'draft'`, now, now];
      }),
    );
  }
  if (o.meetingAt) {
    await insert(
      'Meeting',
      ['id', 'termId', 'kind', 'at', 'place', 'state', 'createdAt', 'updatedAt'],
      range(n).map((i) => [`${i + 1}`, `${i + 1}`, `'midyear'`, t(o.meetingAt!), `'Hà Nội'`, `'scheduled'`, now, now]),
    );
  }
  const chats = range(n).flatMap((i) => o.chats(i).map((platform) => ({ clusterId: i + 1, platform, key: `${platform}:c${i + 1}` })));
  await insert(
    'Chat',
    ['id', 'key', 'platform', 'clusterId', 'createdAt', 'updatedAt'],
    chats.map((c, k) => [`${k + 1}`, `'${c.key}'`, `'${c.platform}'`, `${c.clusterId}`, now, now]),
  );
  const reminders: [string, string, string, Date][] = range(n).map((i) => [`${i + 1}`, 'round', o.roundSlot, o.deadline]);
  if (o.meetingAt) reminders.push(...range(n).map((i): [string, string, string, Date] => [`${i + 1}`, 'meeting', 'm1', o.meetingAt!]));
  await insert(
    'Reminder',
    ['id', 'clusterId', 'subjectType', 'subjectId', 'slot', 'dueAt', 'eventAt', 'state', 'createdAt'],
    reminders.map(([subjectId, type, slot, eventAt], k) => [
      `${k + 1}`,
      subjectId,
      `'${type}'`,
      subjectId,
      `'${slot}'`,
      t(o.dueAt),
      t(eventAt),
      `'pending'`,
      now,
    ]),
  );
  const privateKeys = new Map<number, string>();
  if (o.representatives) {
    const people = range(n * u).map((k) => ({ k, platform: o.representatives!(k) }));
    for (const p of people) if (p.platform) privateKeys.set(p.k + 1, `${p.platform}:p${p.k + 1}`);
    const key = (p: { k: number; platform: string | null }) => (p.platform ? `'${p.platform}:p${p.k + 1}'` : 'NULL');
    await insert(
      'Person',
      ['id', 'key', 'displayName', 'privateChatKey', 'privatePlatform', 'createdAt', 'updatedAt'],
      people.map((p) => [
        `${p.k + 1}`,
        `'bulk:${p.k + 1}'`,
        `'Đại diện ${p.k + 1}'`,
        key(p),
        p.platform ? `'${p.platform}'` : 'NULL',
        now,
        now,
      ]),
    );
    await insert(
      'Role',
      ['id', 'clusterId', 'personId', 'kind', 'unitId', 'status', 'createdAt', 'updatedAt'],
      people.map((p) => [`${p.k + 1}`, `${Math.floor(p.k / u) + 1}`, `${p.k + 1}`, `'representative'`, `${p.k + 1}`, `'active'`, now, now]),
    );
  }
  if (pg) {
    for (const table of TABLES) {
      await store.db.$queryRawUnsafe(
        `SELECT setval(pg_get_serial_sequence('"${table}"', 'id'), GREATEST((SELECT MAX("id") FROM "${table}"), 1))`,
      );
    }
  }
  return { chatKeys: chats.map((c) => c.key), reminders: reminders.length, privateKeys };
}
