import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Store } from '../src/store/store.js';
import { Harness, type Speaker } from '../test/support/harness.js';
import { percentile } from './figures.js';

const ms = (n: number) => `${n.toFixed(2)} ms`;

/** A cluster with `units` units, `criteria` criteria in one open round; returns the harness and representatives. */
export async function benchCluster(units: number, criteria: number) {
  const dir = mkdtempSync(join(tmpdir(), 'thidua-bench-'));
  const url = `file:${join(dir, 'bench.db')}`;
  const store = await Store.open(url);
  const h = new Harness(store);
  const sec = h.person('Thư ký');
  await h.say(sec, '/setup Cụm bench');
  const codes = Array.from({ length: units }, (_, i) => `U${i + 1}`);
  await h.say(sec, `/addunit\n${codes.map((c) => `${c} Đơn vị ${c}`).join('\n')}`);
  const reps: Speaker[] = [];
  for (const code of codes) {
    const rep = h.person(`Rep ${code}`);
    reps.push(rep);
    await h.say(rep, `/join ${code}`);
    await h.say(sec, `/approve ${code}`);
  }
  await h.say(sec, '/term 2026');
  const rows = Array.from({ length: criteria }, (_, i) => `C${i + 1} | Tiêu chí ${i + 1} | 10`);
  const said = await h.say(sec, `/criteria\nI | Mục I\n${rows.join('\n')}`);
  if (!/Đã cập nhật/.test(said.text)) throw new Error(said.text);
  await h.say(sec, '/round yearend 10/12/2026');
  return {
    h,
    store,
    reps,
    sec,
    url,
    codes,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Issue 2's benchmarks: /score throughput and latency, /results on a big table, raw better-sqlite3. */
export async function benchCore(): Promise<void> {
  console.log('\n== core (in-process adapter, SQLite) ==');
  {
    const { h, reps, cleanup } = await benchCluster(13, 15);
    const messages = reps.flatMap((rep) => Array.from({ length: 15 }, (_, i) => [rep, `/score C${i + 1} ${(i % 10) + 0.5}`] as const));
    // Warm-up, not counted: one whole pass, so the figures are those of a bot that has been
    // running (JIT-compiled code, SQLite pages in cache), not of its first second.
    for (const [rep, text] of messages) await h.say(rep, text);
    const latencies: number[] = [];
    const start = performance.now();
    for (let pass = 0; pass < 3; pass++) {
      for (const [rep, text] of messages) {
        const t0 = performance.now();
        const r = await h.say(rep, text);
        latencies.push(performance.now() - t0);
        if (!r.text.startsWith('Đã ghi')) throw new Error(r.text);
      }
    }
    const elapsed = performance.now() - start;
    latencies.sort((a, b) => a - b);
    console.log(
      `/score, 13 units × 15 criteria × 3 passes, one at a time: ${latencies.length} messages in ${ms(elapsed)} → ${(latencies.length / (elapsed / 1000)).toFixed(0)} messages/s; p50 ${ms(percentile(latencies, 50))}, p99 ${ms(percentile(latencies, 99))}`,
    );

    // Paced: 200 messages/s offered, latency per message counted from the moment it was due
    // (not from when a late timer fired: a backlog must show in the figures).
    const paced: number[] = [];
    const interval = 1000 / 200;
    const t0 = performance.now();
    const offered = [...messages, ...messages, ...messages];
    await Promise.all(
      offered.map(
        ([rep, text], i) =>
          new Promise<void>((resolve) => {
            const due = t0 + i * interval;
            setTimeout(
              async () => {
                await h.say(rep, text);
                paced.push(performance.now() - due);
                resolve();
              },
              Math.max(0, due - performance.now()),
            );
          }),
      ),
    );
    paced.sort((a, b) => a - b);
    console.log(
      `/score at 200 messages/s offered (${paced.length} messages): p50 ${ms(percentile(paced, 50))}, p99 ${ms(percentile(paced, 99))}, max ${ms(paced.at(-1)!)}`,
    );
    await cleanup();
  }
  {
    const { h, store, reps, sec, cleanup } = await benchCluster(50, 200);
    // Fill every sheet directly (the /score path is measured above): 50 × 200 entries.
    const round = await store.db.round.findFirstOrThrow();
    const criteria = await store.db.criterion.findMany({ where: { kind: 'criterion' } });
    const units = await store.db.unit.findMany();
    const person = await store.db.person.findFirstOrThrow();
    for (const unit of units) {
      const sheet = await store.db.sheet.create({ data: { roundId: round.id, unitId: unit.id, state: 'confirmed' } });
      await store.db.scoreEntry.createMany({
        data: criteria.map((c, i) => ({
          sheetId: sheet.id,
          criterionId: c.id,
          kind: 'self',
          points: ((unit.id * 7 + i * 13) % 1000) + 1,
          authorId: person.id,
        })),
      });
    }
    await h.say(sec, '/close');
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const r = await h.say(reps[0]!, '/results');
      times.push(performance.now() - t0);
      if (!r.text.includes('Kết quả')) throw new Error(r.text);
    }
    times.sort((a, b) => a - b);
    console.log(
      `/results, 50 units × 200 criteria (10,000 scores): p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (text table; the chart is measured with the reports)`,
    );
    await cleanup();
  }
  {
    // The same write path on better-sqlite3 directly: ledger insert, lookups, entry, audit, in one transaction.
    const { store, url, reps, cleanup } = await benchCluster(13, 15);
    await store.close();
    const db = new Database(url.slice(5));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const q = {
      ledger: db.prepare('INSERT INTO ProcessedUpdate (key, processedAt) VALUES (?, ?)'),
      chat: db.prepare('SELECT * FROM Chat WHERE key = ?'),
      person: db.prepare('SELECT * FROM Person WHERE key = ?'),
      cluster: db.prepare('SELECT * FROM Cluster WHERE id = ?'),
      roles: db.prepare('SELECT * FROM Role WHERE clusterId = ? AND personId = ?'),
      unit: db.prepare('SELECT * FROM Unit WHERE id = ?'),
      term: db.prepare("SELECT * FROM Term WHERE clusterId = ? AND state = 'open' ORDER BY year DESC LIMIT 1"),
      round: db.prepare("SELECT * FROM Round WHERE termId = ? AND state IN ('open','review') ORDER BY id DESC LIMIT 1"),
      criteria: db.prepare('SELECT * FROM Criterion WHERE termId = ? ORDER BY position'),
      sheet: db.prepare('SELECT * FROM Sheet WHERE roundId = ? AND unitId = ?'),
      sheetInsert: db.prepare('INSERT INTO Sheet (roundId, unitId, state, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?)'),
      entry: db.prepare(
        'INSERT INTO ScoreEntry (sheetId, criterionId, kind, points, note, authorId, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      audit: db.prepare(
        'INSERT INTO AuditLog (clusterId, actorId, action, subjectType, subjectId, after, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      entries: db.prepare('SELECT id, criterionId, kind, points, note FROM ScoreEntry WHERE sheetId = ?'),
    };
    let n = 0;
    const write = db.transaction((personKey: string, code: string, points: number) => {
      const now = Date.now();
      q.ledger.run(`raw:${++n}`, now);
      const chat = q.chat.get('test:group') as { clusterId: number };
      const person = q.person.get(personKey) as { id: number };
      q.cluster.get(chat.clusterId);
      const role = (q.roles.all(chat.clusterId, person.id) as { unitId: number }[])[0]!;
      q.unit.get(role.unitId);
      const term = q.term.get(chat.clusterId) as { id: number };
      const round = q.round.get(term.id) as { id: number };
      const criteria = q.criteria.all(term.id) as { id: number; code: string }[];
      let sheet = q.sheet.get(round.id, role.unitId) as { id: number } | undefined;
      if (!sheet) sheet = { id: Number(q.sheetInsert.run(round.id, role.unitId, 'draft', now, now).lastInsertRowid) };
      const criterion = criteria.find((c) => c.code === code)!;
      q.entry.run(sheet.id, criterion.id, 'self', points, null, person.id, now);
      q.audit.run(chat.clusterId, person.id, 'score.self', 'sheet', sheet.id, JSON.stringify([{ code, points }]), now);
      q.entries.all(sheet.id);
    });
    const total = 13 * 15 * 3;
    const start = performance.now();
    for (let pass = 0; pass < 3; pass++) for (const rep of reps) for (let i = 1; i <= 15; i++) write(rep.key, `C${i}`, 500 + i);
    const elapsed = performance.now() - start;
    console.log(
      `same write path on better-sqlite3 directly: ${total} messages in ${ms(elapsed)} → ${(total / (elapsed / 1000)).toFixed(0)} messages/s`,
    );
    db.close();
    await cleanup();
  }
}
