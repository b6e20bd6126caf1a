import type { Chat, Cluster, Criterion, Person, Role, Round, Sheet, Term, Unit } from '../../generated/sqlite/index.js';
import type { Db, Provider } from './client.js';
import { Params, pick, selectAs } from './sql.js';

/**
 * The statements on every message's path, written as joined raw SQL. Prisma 6.19's JS engine
 * compiles every model query in WebAssembly (no plan cache), so a query with includes costs
 * far more than the database's own work: the chat and person reads took 2.25 ms per message
 * as two model queries with includes and 0.57 ms as two joined statements (measured on the
 * development machine), now one; with the other statements of this folder `/score` went from
 * 144 to 320–385 messages/s (`npm run bench -- core`).
 * Column lists come from Prisma's schema (`selectAs`), so the rows are the models' own shape.
 */

/** A chat with the cluster it is bound to, if any. */
export interface ChatWithCluster {
  chat: Chat;
  cluster: Cluster | null;
}

/** A person with every role they hold, in any cluster, each with its unit (representatives). */
export type PersonWithRoles = Person & { roles: (Role & { unit: Unit | null })[] };

/** Who speaks where: each part null when the bot has never seen it. */
export interface Speaker {
  chat: ChatWithCluster | null;
  person: PersonWithRoles | null;
}

/**
 * Reads the chat (by platform key) with its cluster, and the person (by platform key) with all
 * their roles in any cluster and the roles' units, in one statement: both chains hang off a
 * one-row anchor, so either may be missing. One row per role (one row when there is none).
 */
export async function readSpeaker(db: Db, provider: Provider, chatKey: string, personKey: string): Promise<Speaker> {
  const q = new Params(provider);
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${selectAs('Chat', 'h', 'chat')}, ${selectAs('Cluster', 'c', 'cluster')},
            ${selectAs('Person', 'p', 'person')}, ${selectAs('Role', 'r', 'role')}, ${selectAs('Unit', 'u', 'unit')}
       FROM (SELECT 1 AS "anchor") a
       LEFT JOIN "Chat" h ON h."key" = ${q.p(chatKey)}
       LEFT JOIN "Cluster" c ON c."id" = h."clusterId"
       LEFT JOIN "Person" p ON p."key" = ${q.p(personKey)}
       LEFT JOIN "Role" r ON r."personId" = p."id"
       LEFT JOIN "Unit" u ON u."id" = r."unitId"
      ORDER BY r."id"`,
    ...q.values,
  );
  const first = rows[0]!;
  const chat = pick<Chat>(first, 'Chat', 'chat');
  const person = pick<Person>(first, 'Person', 'person');
  const roles = rows.flatMap((row) => {
    const role = pick<Role>(row, 'Role', 'role');
    return role ? [{ ...role, unit: pick<Unit>(row, 'Unit', 'unit') }] : [];
  });
  return {
    chat: chat ? { chat, cluster: pick<Cluster>(first, 'Cluster', 'cluster') } : null,
    person: person ? { ...person, roles } : null,
  };
}

/** A cluster's open year with its round in progress, a unit's sheet in it, and its criteria. */
export interface OpenYear {
  term: Term;
  /** The round still in progress (open or in review), the latest if several. */
  round: Round | null;
  /** The unit's sheet in that round, if it has one. */
  sheet: Sheet | null;
  /** The year's criteria table, in order. */
  criteria: Criterion[];
}

/**
 * Reads what a representative's round commands start from (`/score` above all): the open year
 * (the latest, if several), its round in progress with the unit's sheet (one joined statement),
 * and its criteria (one statement). Null when the cluster has no open year.
 */
export async function readOpenYear(db: Db, provider: Provider, clusterId: number, unitId: number): Promise<OpenYear | null> {
  const q = new Params(provider);
  const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(
    `SELECT ${selectAs('Term', 't', 'term')}, ${selectAs('Round', 'r', 'round')}, ${selectAs('Sheet', 's', 'sheet')}
       FROM "Term" t
       LEFT JOIN "Round" r ON r."id" = (SELECT MAX("id") FROM "Round" WHERE "termId" = t."id" AND "state" IN ('open', 'review'))
       LEFT JOIN "Sheet" s ON s."roundId" = r."id" AND s."unitId" = ${q.p(unitId)}
      WHERE t."clusterId" = ${q.p(clusterId)} AND t."state" = 'open'
      ORDER BY t."year" DESC
      LIMIT 1`,
    ...q.values,
  );
  const row = rows[0];
  if (!row) return null;
  const term = pick<Term>(row, 'Term', 'term')!;
  const c = new Params(provider);
  const criteria = await db.$queryRawUnsafe<Criterion[]>(
    `SELECT ${selectAs('Criterion', 'k', 'criterion')} FROM "Criterion" k WHERE k."termId" = ${c.p(term.id)} ORDER BY k."position"`,
    ...c.values,
  );
  return {
    term,
    round: pick<Round>(row, 'Round', 'round'),
    sheet: pick<Sheet>(row, 'Sheet', 'sheet'),
    criteria: criteria.map((r) => pick<Criterion>(r, 'Criterion', 'criterion')!),
  };
}

/**
 * Records a platform update in the ledger; false when it was already there (a redelivery, or a
 * concurrent twin that committed first: PostgreSQL makes the insert wait for it). One statement.
 */
export async function recordUpdate(db: Db, provider: Provider, key: string, at: Date): Promise<boolean> {
  const q = new Params(provider);
  const count = await db.$executeRawUnsafe(
    `INSERT INTO "ProcessedUpdate" ("key", "processedAt") VALUES (${q.p(key)}, ${q.p(at)}) ON CONFLICT ("key") DO NOTHING`,
    ...q.values,
  );
  return count === 1;
}
