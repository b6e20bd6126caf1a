import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotCore } from '../../src/app/bot-core.js';
import { replyText } from '../../src/adapters/render.js';
import type { Store } from '../../src/store/store.js';
import { Harness, i18n } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { MEKONG, mekongYear, type Mekong } from './fixture.js';

/**
 * Secrecy that survives the database: after a ballot in which every unit's paper is different
 * (so any link would identify a voter exactly), every row of every table and every log line is
 * read raw, and nothing joins a unit to its choice: no column, no shared value, no row order, no
 * transaction id.
 */
const PROVIDERS = await storeProviders('the ballot secrecy suite');

/** Thirteen different papers: five singles and eight pairs of the five candidates. */
const CHOICES = ['BL', 'LA', 'CT', 'AG', 'BT', 'BL LA', 'BL CT', 'BL AG', 'BL BT', 'LA CT', 'LA AG', 'LA BT', 'CT AG'];

/** Every table of the database with all its rows, read raw (no Prisma model in the way). */
async function dumpAll(store: Store, sqlite: boolean): Promise<Map<string, Record<string, unknown>[]>> {
  const names = sqlite
    ? (await store.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table'`)).map((r) => r.name)
    : (
        await store.db.$queryRawUnsafe<{ name: string }[]>(
          `SELECT table_name::text AS name FROM information_schema.tables WHERE table_schema = current_schema()`,
        )
      ).map((r) => r.name);
  const out = new Map<string, Record<string, unknown>[]>();
  for (const name of names) out.set(name, await store.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${name}"`));
  return out;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

for (const { name, open, skip } of PROVIDERS) {
  describe.skipIf(skip)(`ballot secrecy on ${name}`, () => {
    let m: Mekong;
    let close: () => Promise<void>;
    const lines: string[] = [];
    let core: BotCore;
    beforeAll(async () => {
      const fresh = await open();
      close = fresh.close;
      const h = new Harness(fresh.store);
      m = await mekongYear(h);
      const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(line) });
      core = new BotCore({ store: fresh.store, clock: h.clock, i18n, defaults: { timezone: 'Asia/Ho_Chi_Minh', locale: 'vi' }, logger });
    });
    afterAll(async () => close());

    it('keeps who voted apart from the papers, with nothing that joins them', async () => {
      const { h, sec, reps } = m;
      const say = async (who: typeof sec, text: string, priv = false) => {
        const r = await core.handle(h.incoming(who, text, { private: priv }));
        return r.replies.map((x) => replyText(i18n, r.locale, x)).join('\n');
      };
      expect(await say(sec, '/diemdanh all')).toMatch(/có mặt 13\/13/);
      const opened = await say(sec, '/bophieu open Đề nghị tặng Bằng khen của Bộ trưởng Bộ Nội vụ | seats=3 | candidates=BL,LA,CT,AG,BT');
      const id = Number(/Phiếu số (\d+)/.exec(opened)![1]);
      const voteOrder = MEKONG.map(([code]) => code);
      let lastIds: string[] = [];
      for (const [i, code] of voteOrder.entries()) {
        expect(await say(reps.get(code)!, `/bieuquyet ${id} ${CHOICES[i]}`, true)).toMatch(/Đã nhận phiếu/);
        // Every vote rewrites the box: no paper keeps its key from one vote to the next.
        const ids = (await h.store.db.ballotPaper.findMany({ where: { ballotId: id }, select: { id: true } })).map((p) => p.id);
        expect(ids.filter((x) => lastIds.includes(x))).toEqual([]);
        expect(ids).toHaveLength(i + 1);
        lastIds = ids;
      }
      expect(await say(sec, `/bophieu ${id}`)).toMatch(/Số phiếu phát ra: 13; số phiếu thu về: 13; hợp lệ: 13/);

      const tables = await dumpAll(h.store, name === 'SQLite');
      // The papers: a random key, the ballot, the choices; nothing else.
      const papers = tables.get('BallotPaper')!;
      for (const p of papers) {
        expect(Object.keys(p).sort()).toEqual(['agreed', 'ballotId', 'id']);
        expect(String(p.id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }
      const stored = papers.map((p) => (JSON.parse(String(p.agreed)) as string[]).join(' '));
      expect([...stored].sort()).toEqual(CHOICES.map((c) => c.split(' ').sort().join(' ')).sort());
      // Who voted: the ballot, the unit, the person; no paper key, no choice, no time.
      const voters = tables.get('BallotVoter')!;
      expect(Object.keys(voters[0]!).sort()).toEqual(['ballotId', 'id', 'personId', 'unitId']);
      expect(voters).toHaveLength(13);

      // No other row anywhere carries a paper's key or a paper's exact content.
      const paperIds = papers.map((p) => String(p.id));
      const paperJson = papers.map((p) => String(p.agreed)).filter((a) => a !== '[]');
      for (const [table, rows] of tables) {
        if (table === 'BallotPaper') continue;
        const text = json(rows);
        for (const pid of paperIds) expect(text.includes(pid), `${table} holds a paper key`).toBe(false);
        for (const a of paperJson)
          expect(text.includes(a) || text.includes(a.replaceAll('"', '\\"')), `${table} holds a paper ${a}`).toBe(false);
      }
      // The audit trail says "unit X voted in ballot B" and nothing more.
      const votes = tables.get('AuditLog')!.filter((r) => r.action === 'ballot.vote');
      expect(votes).toHaveLength(13);
      for (const v of votes) {
        expect(Number(v.subjectId)).toBe(id);
        expect(Object.keys(JSON.parse(String(v.after)))).toEqual(['unit']);
        expect(v.before).toBeNull();
      }

      // The physical order tells nothing: read without ORDER BY and in key order, the papers are not
      // in the order units voted (each paper is unique, so a match would name every voter; a random
      // order matches it with probability 1/13!).
      const byVote = voteOrder.map((_c, i) => CHOICES[i]!.split(' ').sort().join(' '));
      expect(stored).not.toEqual(byVote);
      const keyOrder = (await h.store.db.ballotPaper.findMany({ where: { ballotId: id }, orderBy: { id: 'asc' } })).map((p) =>
        (JSON.parse(p.agreed) as string[]).join(' '),
      );
      expect(keyOrder).not.toEqual(byVote);
      if (name === 'SQLite') {
        // WITHOUT ROWID: there is no hidden insertion sequence to sort by.
        await expect(h.store.db.$queryRawUnsafe('SELECT rowid FROM "BallotPaper"')).rejects.toThrow(/rowid/);
      } else {
        // Every paper carries the transaction of the last vote, which rewrote them all; the heap order is shuffled.
        const px = await h.store.db.$queryRawUnsafe<{ x: string; agreed: string }[]>(
          `SELECT xmin::text AS x, "agreed" FROM "BallotPaper" WHERE "ballotId" = ${id} ORDER BY ctid`,
        );
        expect(new Set(px.map((p) => p.x)).size).toBe(1);
        const vx = await h.store.db.$queryRawUnsafe<{ x: string }[]>(`SELECT xmin::text AS x FROM "BallotVoter" WHERE "ballotId" = ${id}`);
        expect(new Set(vx.map((v) => v.x)).size).toBe(13);
        expect(px.map((p) => (JSON.parse(p.agreed) as string[]).join(' '))).not.toEqual(byVote);
      }

      // The log lines never carry a choice (nor the vote command's arguments).
      for (const line of lines) for (const c of CHOICES) expect(line.includes(`${id} ${c}`)).toBe(false);
      expect(lines.filter((l) => /agreed|bieuquyet/.test(l))).toEqual([]);
    });
  });
}
