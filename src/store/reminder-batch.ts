import type { RoundState } from '../domain/lifecycle.js';
import { parseRules, type ReminderChannels } from '../domain/rules.js';
import {
  ADVANCE_SLOTS,
  isAdvanceSlot,
  missingUnits,
  type MissingUnit,
  type ReminderSubjectType,
  type UnitRef,
} from '../domain/reminders.js';
import {
  parseHandoverState,
  parseMeetingState,
  parseRoundKind,
  parseRoundState,
  parseSheetState,
  type HandoverState,
  type MeetingState,
  type RoundKind,
} from '../domain/states.js';
import { loadBallotViews, type BallotView } from './ballot-reminders.js';
import type { ClaimedReminder } from './reminder-claims.js';
import { loadPrivateRecipients, type PrivateRecipient } from './reminder-recipients.js';
import { Params, rawQuery } from './sql.js';
import { dialectOf, type Tx } from './tx.js';

/**
 * What a batch of claimed reminders needs to be decided and rendered, loaded with a constant
 * number of raw statements whatever the batch's size (Prisma's model queries cost about 25 ms
 * of client-side work for an `IN` list of 500 ids, ten times the database's own work).
 */

const int = (v: unknown) => Number(v);
const date = (v: unknown) => (v instanceof Date ? v : new Date(String(v)));

/** A cluster as the scheduler needs it. */
export interface ClusterRef {
  id: number;
  timezone: string;
  locale: string;
  /** Where the cluster's reminders go (its rules): group chats, representatives privately, or both. */
  channels: ReminderChannels;
}

/** A chat bound to a cluster and not removed. */
export interface ChatRef {
  id: number;
  key: string;
  platform: string;
  /** As the platform named it (for telling the other chats when this one is gone). */
  title: string | null;
}

/** A round and the units it is waiting for (computed when the batch was loaded). */
export interface RoundView {
  id: number;
  kind: RoundKind;
  deadline: Date;
  state: RoundState;
  missing: MissingUnit[];
}

/** A meeting as reminders describe it. */
export interface MeetingView {
  id: number;
  kind: RoundKind;
  at: Date;
  place: string | null;
  state: MeetingState;
}

/** A handover as reminders describe it. */
export interface HandoverView {
  id: number;
  termId: number;
  at: Date;
  state: HandoverState;
  toUnit: UnitRef | null;
  fromUnit: UnitRef | null;
}

/** Everything a batch of claimed reminders needs, loaded with a constant number of queries. */
export interface ReminderBatch {
  clusters: Map<number, ClusterRef>;
  /** Chats by cluster id. */
  chats: Map<number, ChatRef[]>;
  rounds: Map<number, RoundView>;
  meetings: Map<number, MeetingView>;
  handovers: Map<number, HandoverView>;
  /** Ballots, with their units that have not voted (`ballot-reminders.ts`). */
  ballots: Map<number, BallotView>;
  /** Ids of advance reminders with a later advance slot of the same subject also due. */
  superseded: Set<number>;
  /** `reminderId:chatId` pairs already recorded (a taken-over claim does not repeat them). */
  delivered: Set<string>;
  /**
   * Each reminder's private recipients (clusters whose rules send reminders privately): every
   * active representative of every unit of the cluster who has written to the bot privately.
   */
  recipients: Map<number, PrivateRecipient[]>;
  /** `reminderId:personId` pairs already recorded privately (`deliveryKey` with the person's id). */
  deliveredPrivately: Set<string>;
  /** How many queries loading took: at most 6, whatever the batch's size (9 with ballots). */
  queries: number;
}

/** The key of one reminder–chat pair in `ReminderBatch.delivered`. */
export function deliveryKey(reminderId: number, chatId: number): string {
  return `${reminderId}:${chatId}`;
}

/**
 * Loads what a claimed batch needs: its clusters with their chats and the deliveries already
 * recorded (one query), its rounds with their missing units (one query: every unit of the
 * round's cluster without a submitted sheet, or in the review phase without a confirmed one,
 * aggregated per round in SQL), its meetings, its handovers with their units, and which
 * advance reminders a later due slot supersedes, and the representatives who get the reminders
 * privately with what they already got (one query), and its ballots with the units that have
 * not voted (three). At most 9 queries whatever the batch's size (4 for a batch of round
 * reminders); none per unit, per person or per cluster.
 */
export async function loadReminderBatch(tx: Tx, options: { reminders: ClaimedReminder[] }): Promise<ReminderBatch> {
  const { reminders } = options;
  const { now } = tx;
  const provider = dialectOf(tx);
  const batch: ReminderBatch = {
    clusters: new Map(),
    chats: new Map(),
    rounds: new Map(),
    meetings: new Map(),
    handovers: new Map(),
    ballots: new Map(),
    superseded: new Set(),
    delivered: new Set(),
    recipients: new Map(),
    deliveredPrivately: new Set(),
    queries: 0,
  };
  if (!reminders.length) return batch;
  const raw = async (build: (q: Params) => string): Promise<Record<string, unknown>[]> => {
    const q = new Params(tx);
    const sql = build(q);
    batch.queries += 1;
    return rawQuery<Record<string, unknown>[]>(tx, sql, ...q.values);
  };
  const plain = (column: string) => (provider === 'sqlite' ? `+${column}` : column);
  const of = (type: ReminderSubjectType) => unique(reminders.filter((r) => r.subjectType === type).map((r) => r.subjectId));
  const roundIds = of('round');
  const meetingIds = of('meeting');
  const handoverIds = of('handover');
  const advance = reminders.filter((r) => isAdvanceSlot(r.slot));

  // 1. Each reminder's cluster, the cluster's live chats, and whether each pair is delivered.
  const fanout = await raw(
    (q) => `SELECT m."id" AS "reminderId", c."id", c."timezone", c."locale", c."settings",
        h."id" AS "chatId", h."key", h."platform", h."title", d."id" AS "deliveryId"
      FROM "Reminder" m
      JOIN "Cluster" c ON c."id" = m."clusterId"
      LEFT JOIN "Chat" h ON h."clusterId" = c."id" AND h."removedAt" IS NULL
      LEFT JOIN "ReminderDelivery" d ON d."reminderId" = m."id" AND d."chatId" = h."id"
      WHERE ${q.in(
        'm."id"',
        reminders.map((r) => r.id),
      )}
      ORDER BY c."id", h."id"`,
  );
  const chatSeen = new Set<number>();
  for (const row of fanout) {
    const id = int(row.id);
    if (!batch.clusters.has(id))
      batch.clusters.set(id, {
        id,
        timezone: String(row.timezone),
        locale: String(row.locale),
        channels: parseRules(String(row.settings)).reminderChannels,
      });
    if (row.chatId === null || row.chatId === undefined) continue;
    const chatId = int(row.chatId);
    if (!chatSeen.has(chatId)) {
      chatSeen.add(chatId);
      push(batch.chats, id, {
        id: chatId,
        key: String(row.key),
        platform: String(row.platform),
        title: row.title === null ? null : String(row.title),
      });
    }
    if (row.deliveryId !== null && row.deliveryId !== undefined) batch.delivered.add(deliveryKey(int(row.reminderId), chatId));
  }

  // 2. Rounds, each with its missing units as one JSON array: `[unitId, code, name, sheetState]`
  //    for every unit of the cluster without a submitted sheet (in review: a confirmed one).
  if (roundIds.length) {
    const pg = provider === 'postgresql';
    const rounds = await raw(
      (q) => `SELECT r."id", r."kind", r."deadline", r."state",
          (SELECT ${pg ? 'json_agg(json_build_array' : 'json_group_array(json_array'}(u."id", u."code", u."name", s."state"))
             FROM "Unit" u
             LEFT JOIN "Sheet" s ON s."roundId" = r."id" AND s."unitId" = u."id"
            WHERE u."clusterId" = t."clusterId" AND r."state" <> 'closed'
              AND (s."state" IS NULL OR s."state" = 'draft' OR (r."state" = 'review' AND s."state" <> 'confirmed'))) AS "missing"
        FROM "Round" r
        JOIN "Term" t ON t."id" = r."termId"
        WHERE ${q.in('r."id"', roundIds)}`,
    );
    for (const r of rounds) {
      const id = int(r.id);
      const state = parseRoundState(String(r.state));
      const items = (typeof r.missing === 'string' ? JSON.parse(r.missing) : (r.missing ?? [])) as [
        number,
        string,
        string,
        string | null,
      ][];
      const units = items.map(([unitId, code, name]) => ({ id: int(unitId), code: String(code), name: String(name) }));
      const sheets = new Map(
        items.filter((i) => i[3] !== null).map(([unitId, , , sheet]) => [int(unitId), parseSheetState(String(sheet))]),
      );
      batch.rounds.set(id, {
        id,
        kind: parseRoundKind(String(r.kind)),
        deadline: date(r.deadline),
        state,
        missing: missingUnits(state, units, sheets),
      });
    }
  }

  if (meetingIds.length) {
    const meetings = await raw((q) => `SELECT "id", "kind", "at", "place", "state" FROM "Meeting" WHERE ${q.in('"id"', meetingIds)}`);
    for (const m of meetings) {
      const id = int(m.id);
      batch.meetings.set(id, {
        id,
        kind: parseRoundKind(String(m.kind)),
        at: date(m.at),
        place: m.place === null || m.place === undefined ? null : String(m.place),
        state: parseMeetingState(String(m.state)),
      });
    }
  }

  if (handoverIds.length) {
    const handovers = await raw(
      (q) => `SELECT h."id", h."termId", h."at", h."state",
          tu."id" AS "toId", tu."code" AS "toCode", tu."name" AS "toName",
          fu."id" AS "fromId", fu."code" AS "fromCode", fu."name" AS "fromName"
        FROM "Handover" h
        LEFT JOIN "Unit" tu ON tu."id" = h."toUnitId"
        LEFT JOIN "Unit" fu ON fu."id" = h."fromUnitId"
        WHERE ${q.in('h."id"', handoverIds)}`,
    );
    const unit = (id: unknown, code: unknown, name: unknown): UnitRef | null =>
      id === null || id === undefined ? null : { id: int(id), code: String(code), name: String(name) };
    for (const h of handovers) {
      const id = int(h.id);
      batch.handovers.set(id, {
        id,
        termId: int(h.termId),
        at: date(h.at),
        state: parseHandoverState(String(h.state)),
        toUnit: unit(h.toId, h.toCode, h.toName),
        fromUnit: unit(h.fromId, h.fromCode, h.fromName),
      });
    }
  }

  // 5. Advance reminders superseded by a later advance slot of the same subject and event
  //    that is due as well (only the latest goes out); usually no rows.
  if (advance.length) {
    const superseded = await raw(
      // On SQLite a unary `+` keeps the planner off the (state, dueAt) index for b, which it
      // would otherwise scan once per row of a; b is found by (subjectType, subjectId).
      (q) => `SELECT DISTINCT a."id" FROM "Reminder" a
        JOIN "Reminder" b ON b."subjectType" = a."subjectType" AND b."subjectId" = a."subjectId" AND b."eventAt" = a."eventAt"
          AND b."id" <> a."id" AND ${plain('b."state"')} IN ('pending', 'claimed', 'sent') AND ${plain('b."dueAt"')} <= ${q.p(now)}
          AND b."slot" IN (${q.list(ADVANCE_SLOTS)})
          AND (b."dueAt" > a."dueAt" OR (b."dueAt" = a."dueAt" AND b."id" > a."id"))
        WHERE ${q.in(
          'a."id"',
          advance.map((r) => r.id),
        )}`,
    );
    for (const row of superseded) batch.superseded.add(int(row.id));
  }

  // 6. The private recipients of the reminders whose clusters send reminders privately.
  const privately = reminders.filter((r) => batch.clusters.get(r.clusterId)?.channels !== 'group').map((r) => r.id);
  if (privately.length) {
    batch.queries += 1;
    const found = await loadPrivateRecipients(tx, { reminderIds: privately });
    for (const [reminderId, list] of found.recipients) batch.recipients.set(reminderId, list);
    for (const key of found.delivered) batch.deliveredPrivately.add(key);
  }

  // 7. Ballots, with the units that have not voted (three model queries).
  const ballotIds = of('ballot');
  if (ballotIds.length) {
    batch.queries += 3;
    batch.ballots = await loadBallotViews(tx, { ballotIds });
  }
  return batch;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
