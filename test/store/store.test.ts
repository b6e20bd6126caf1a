import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrate.js';
import { writeAudit } from '../../src/store/audit.js';
import type { Store } from '../../src/store/store.js';
import { isUniqueViolation } from '../../src/store/store.js';
import { Harness } from '../support/harness.js';
import { storeProviders } from '../support/store.js';

/**
 * The store contract, run against every implementation: a real SQLite file and a real
 * PostgreSQL schema. Without PostgreSQL (and without CI=true) that half is skipped, saying so.
 */
const providers = await storeProviders('the store suite');

for (const provider of providers) {
  describe.skipIf(provider.skip)(`store on ${provider.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let url: string;
    let schema: string | undefined;
    beforeAll(async () => {
      const fresh = await provider.open();
      ({ store, close, url } = fresh);
      schema = fresh.schema;
    });
    afterAll(async () => close?.());

    it('applies migrations once and records them', async () => {
      // Opening the store applied them; a second run applies nothing.
      expect(await migrate(url, { schema })).toEqual([]);
      expect(await store.ping()).toBe(true);
    });

    it('rolls back a command and its audit record together', async () => {
      const cluster = await store.db.cluster.create({ data: { name: 'Cụm A', timezone: 'Asia/Ho_Chi_Minh' } });
      await expect(
        store.tx(new Date(), async (tx) => {
          await tx.db.unit.create({ data: { clusterId: cluster.id, code: 'BL', name: 'Bạc Liêu' } });
          await writeAudit(tx, {
            clusterId: cluster.id,
            actorId: null,
            action: 'unit.add',
            subjectType: 'cluster',
            subjectId: cluster.id,
            after: ['BL'],
          });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.db.unit.count({ where: { clusterId: cluster.id } })).toBe(0);
      expect(await store.db.auditLog.count({ where: { clusterId: cluster.id } })).toBe(0);
      const at = new Date('2026-12-01T03:00:00Z');
      await store.tx(at, async (tx) => {
        await tx.db.unit.create({ data: { clusterId: cluster.id, code: 'BL', name: 'Bạc Liêu' } });
        await writeAudit(tx, {
          clusterId: cluster.id,
          actorId: null,
          action: 'unit.add',
          subjectType: 'cluster',
          subjectId: cluster.id,
          before: null,
          after: ['BL'],
        });
      });
      const log = await store.db.auditLog.findFirstOrThrow({ where: { clusterId: cluster.id } });
      expect([log.action, log.before, log.after, log.createdAt.toISOString()]).toEqual(['unit.add', 'null', '["BL"]', at.toISOString()]);
    });

    it('enforces unique unit codes per cluster and the update ledger', async () => {
      const cluster = await store.db.cluster.create({ data: { name: 'Cụm B', timezone: 'Asia/Ho_Chi_Minh' } });
      await store.db.unit.create({ data: { clusterId: cluster.id, code: 'LA', name: 'Long An' } });
      const duplicate = await store.db.unit.create({ data: { clusterId: cluster.id, code: 'LA', name: 'x' } }).catch((e: unknown) => e);
      expect(isUniqueViolation(duplicate)).toBe(true);
      await store.db.processedUpdate.create({ data: { key: 'telegram:1' } });
      expect(isUniqueViolation(await store.db.processedUpdate.create({ data: { key: 'telegram:1' } }).catch((e: unknown) => e))).toBe(true);
    });

    it('keeps every score as a version, integers in hundredths', async () => {
      const h = new Harness(store, undefined, `${provider.name}:group`);
      const sec = h.person('Thư ký');
      const rep = h.person('Đại diện');
      await h.say(sec, '/setup Cụm C');
      await h.say(sec, '/addunit BL Bạc Liêu');
      await h.say(rep, '/join BL');
      await h.say(sec, '/approve BL');
      await h.say(sec, '/term 2026');
      await h.say(sec, '/criteria\n1 | Một | 10\n2 | Hai | 10');
      await h.say(sec, '/round yearend 10/12/2026');
      await h.say(rep, '/score 1 8,5');
      await h.say(rep, '/score 1 9.25 sửa lại');
      await h.say(rep, '/score 2 10');
      await h.say(rep, '/submit');
      await h.say(sec, '/review BL 1 9 Thiếu minh chứng');
      const entries = await store.db.scoreEntry.findMany({ orderBy: { id: 'asc' }, include: { criterion: true } });
      expect(entries.map((e) => [e.criterion.code, e.kind, e.points, e.note])).toEqual([
        ['1', 'self', 850, null],
        ['1', 'self', 925, 'sửa lại'],
        ['2', 'self', 1000, null],
        ['1', 'review', 900, 'Thiếu minh chứng'],
      ]);
      // Self-scores and the review alike are stamped with the command's (injected) time.
      expect([...new Set(entries.map((e) => e.createdAt.toISOString()))]).toEqual([h.clock.now().toISOString()]);
      const ledger = await store.db.processedUpdate.findMany({ where: { key: { not: 'telegram:1' } } });
      expect(ledger.length).toBeGreaterThan(0);
      expect(ledger.every((u) => u.processedAt.getTime() === h.clock.now().getTime())).toBe(true);
      const sheet = await store.db.sheet.findFirstOrThrow();
      expect(sheet.state).toBe('reviewed');
      const actions = (await store.db.auditLog.findMany({ where: { subjectType: 'sheet' }, orderBy: { id: 'asc' } })).map((a) => a.action);
      expect(actions).toEqual(['score.self', 'score.self', 'score.self', 'sheet.submit', 'score.review']);
      const results = await Promise.all([1, 2, 3, 4].map((i) => h.say(rep, `/confirm`, { updateId: `race:${i}` })));
      expect(results.filter((r) => r.text.includes('BL đã xác nhận kết quả chấm điểm: 19')).length).toBe(1);
      expect(results.filter((r) => r.text.includes('Đơn vị đã xác nhận kết quả chấm điểm.')).length).toBe(3);
      expect(await store.db.confirmation.count()).toBe(1);
    });
  });
}
