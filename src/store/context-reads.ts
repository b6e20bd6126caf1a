import type { Chat, Cluster, Criterion, Person, Role, Round, Sheet, Term, Unit } from '../../generated/sqlite/index.js';
import {
  asCluster,
  asCriterion,
  asRole,
  asRound,
  asSheet,
  asTerm,
  type ChatRecord,
  type ClusterRecord,
  type CriterionRecord,
  type PersonRecord,
  type RoleRecord,
  type RoundRecord,
  type SheetRecord,
  type TermRecord,
  type UnitRecord,
} from './records.js';
import { Params, pick, selectAs, rawQuery, rawExecute } from './sql.js';
import type { Tx } from './tx.js';

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
  chat: ChatRecord;
  cluster: ClusterRecord | null;
}

/** A role with its unit (representatives), as every role check reads it. */
export type RoleWithUnit = RoleRecord & { unit: UnitRecord | null };

/** A person with every role they hold, in any cluster, each with its unit (representatives). */
export type PersonWithRoles = PersonRecord & { roles: RoleWithUnit[] };

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
async function readSpeaker(tx: Tx, options: { chatKey: string; personKey: string }): Promise<Speaker> {
  const { chatKey, personKey } = options;
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
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
    return role ? [{ ...asRole(role), unit: pick<Unit>(row, 'Unit', 'unit') }] : [];
  });
  const cluster = pick<Cluster>(first, 'Cluster', 'cluster');
  return {
    chat: chat ? { chat, cluster: cluster ? asCluster(cluster) : null } : null,
    person: person ? { ...person, roles } : null,
  };
}

/** Who speaks, as the platform describes them: what `resolveSpeaker` finds or records. */
export interface SpeakerIdentity {
  chat: { key: string; platform: string; title: string | null };
  person: { key: string; displayName: string; username: string | null };
}

/** A speaker whose chat and person are both on record. */
export interface ResolvedSpeaker {
  chat: ChatWithCluster;
  person: PersonWithRoles;
}

/**
 * The chat and the person of a message, recorded the first time they are seen and the
 * person's name kept current (`username` lower-cased; an absent one keeps the stored one).
 * One joined statement for a known chat and person (`readSpeaker`): every message comes here.
 */
export async function resolveSpeaker(tx: Tx, identity: SpeakerIdentity): Promise<ResolvedSpeaker> {
  const { chat: c, person: p } = identity;
  const keys = { chatKey: c.key, personKey: p.key };
  let speaker = await readSpeaker(tx, keys);
  const username = p.username?.toLowerCase() ?? null;
  if (!speaker.chat || !speaker.person) {
    // First seen: inserted unless a concurrent first message did it meanwhile (that one's
    // transaction is waited for on PostgreSQL), then read back, whoever inserted it.
    if (!speaker.chat) {
      const q = new Params(tx);
      await rawExecute(
        tx,
        `INSERT INTO "Chat" ("key", "platform", "title", "createdAt", "updatedAt") VALUES (${q.list([c.key, c.platform, c.title, tx.now, tx.now])})
          ON CONFLICT ("key") DO NOTHING`,
        ...q.values,
      );
    }
    if (!speaker.person) {
      const q = new Params(tx);
      await rawExecute(
        tx,
        `INSERT INTO "Person" ("key", "displayName", "username", "createdAt", "updatedAt") VALUES (${q.list([p.key, p.displayName, username, tx.now, tx.now])})
          ON CONFLICT ("key") DO NOTHING`,
        ...q.values,
      );
    }
    speaker = await readSpeaker(tx, keys);
  }
  const chat = speaker.chat!;
  const withRoles = { roles: { include: { unit: true } } } as const;
  let person = speaker.person!;
  if (person.displayName !== p.displayName || (username && person.username !== username)) {
    person = parsePerson(
      await tx.db.person.update({
        where: { id: person.id },
        data: { displayName: p.displayName, username: username ?? person.username },
        include: withRoles,
      }),
    );
  }
  return { chat, person };
}

function parsePerson(row: Person & { roles: (Role & { unit: Unit | null })[] }): PersonWithRoles {
  return { ...row, roles: row.roles.map((r) => ({ ...asRole(r), unit: r.unit })) };
}

/** A cluster by id, or null. */
export async function readCluster(tx: Tx, options: { id: number }): Promise<ClusterRecord | null> {
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
    `SELECT ${selectAs('Cluster', 'c', 'cluster')} FROM "Cluster" c WHERE c."id" = ${q.p(options.id)}`,
    ...q.values,
  );
  const row = rows[0] && pick<Cluster>(rows[0], 'Cluster', 'cluster');
  return row ? asCluster(row) : null;
}

/** A cluster's open year with its round in progress, a unit's sheet in it, and its criteria. */
export interface OpenYear {
  term: TermRecord;
  /** The round still in progress (open or in review), the latest if several. */
  round: RoundRecord | null;
  /** The unit's sheet in that round, if it has one. */
  sheet: SheetRecord | null;
  /** The year's criteria table, in order. */
  criteria: CriterionRecord[];
}

/**
 * Reads what a representative's round commands start from (`/score` above all): the open year
 * (the latest, if several), its round in progress with the unit's sheet (one joined statement),
 * and its criteria (one statement). Null when the cluster has no open year.
 */
export async function readOpenYear(tx: Tx, options: { clusterId: number; unitId: number }): Promise<OpenYear | null> {
  const { clusterId, unitId } = options;
  const q = new Params(tx);
  const rows = await rawQuery<Record<string, unknown>[]>(
    tx,
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
  const term = asTerm(pick<Term>(row, 'Term', 'term')!);
  const c = new Params(tx);
  const criteria = await rawQuery<Criterion[]>(
    tx,
    `SELECT ${selectAs('Criterion', 'k', 'criterion')} FROM "Criterion" k WHERE k."termId" = ${c.p(term.id)} ORDER BY k."position"`,
    ...c.values,
  );
  const round = pick<Round>(row, 'Round', 'round');
  const sheet = pick<Sheet>(row, 'Sheet', 'sheet');
  return {
    term,
    round: round ? asRound(round) : null,
    sheet: sheet ? asSheet(sheet) : null,
    criteria: criteria.map((r) => asCriterion(pick<Criterion>(r, 'Criterion', 'criterion')!)),
  };
}

/**
 * Records a platform update in the ledger at the handle's `now`; false when it was already
 * there (a redelivery, or a concurrent twin that committed first: PostgreSQL makes the insert
 * wait for it). The one writer of the ledger. One statement.
 */
export async function recordUpdate(tx: Tx, options: { key: string }): Promise<boolean> {
  const q = new Params(tx);
  const count = await rawExecute(
    tx,
    `INSERT INTO "ProcessedUpdate" ("key", "processedAt") VALUES (${q.p(options.key)}, ${q.p(tx.now)}) ON CONFLICT ("key") DO NOTHING`,
    ...q.values,
  );
  return count === 1;
}
