import type { Chat, Cluster, Person, Role, Unit } from '../../generated/sqlite/index.js';
import type { Clock } from '../domain/clock.js';
import { UserError } from '../domain/errors.js';
import { parseRules, type ClusterRules } from '../domain/rules.js';
import type { Db, Provider } from '../store/client.js';
import { readSpeaker, type PersonWithRoles } from '../store/context-reads.js';
import type { I18n } from '../i18n/i18n.js';
import type { Notice } from '../reply.js';
import { DEFAULT_CAPABILITIES, type Capabilities } from '../delivery.js';
import type { Incoming } from './ports.js';

/** Defaults for new clusters and people (BOT_TIMEZONE, BOT_LOCALE). */
export interface Defaults {
  timezone: string;
  locale: 'vi' | 'en';
}

/**
 * Everything a command handler needs about one message, resolved once: the chat, the person,
 * the cluster (from the chat, or from the person's roles in a private chat), their roles.
 */
export interface CommandContext {
  db: Db;
  /** The store's database, for the few raw statements (`store/context-reads.ts`). */
  provider: Provider;
  incoming: Incoming;
  now: Date;
  clock: Clock;
  i18n: I18n;
  defaults: Defaults;
  chat: Chat;
  person: Person;
  cluster: Cluster | null;
  roles: RoleWithUnit[];
  locale: string;
  /** Messages for other chats, collected while handling. */
  notices: Notice[];
  /** What the platform of the message shows (set by the core from the adapter's declaration). */
  capabilities: Capabilities;
}

/** A role with its unit (representatives), as every role check reads it. */
export type RoleWithUnit = Role & { unit: Unit | null };

/**
 * Finds or creates the chat and the person, and resolves the cluster and roles. For a known chat
 * and person that is one joined statement (`readSpeaker`): every message goes through here.
 */
export async function resolveContext(
  db: Db,
  provider: Provider,
  incoming: Incoming,
  clock: Clock,
  i18n: I18n,
  defaults: Defaults,
): Promise<CommandContext> {
  const s = incoming.sender;
  const speaker = await readSpeaker(db, provider, incoming.chat.key, s.key);
  const chat = speaker.chat?.chat ?? (await db.chat.create({ data: { key: incoming.chat.key, platform: incoming.platform, title: incoming.chat.title ?? null } }));
  const chatCluster = speaker.chat?.cluster ?? null;
  const withRoles = { roles: { include: { unit: true } } } as const;
  let person: PersonWithRoles | null = speaker.person;
  if (!person) {
    person = await db.person.create({
      data: { key: s.key, displayName: s.displayName, username: s.username?.toLowerCase() ?? null },
      include: withRoles,
    });
  } else if (person.displayName !== s.displayName || (s.username && person.username !== s.username.toLowerCase())) {
    person = await db.person.update({
      where: { id: person.id },
      data: { displayName: s.displayName, username: s.username?.toLowerCase() ?? person.username },
      include: withRoles,
    });
  }
  const { roles: allRoles, ...personRow } = person;
  let cluster: Cluster | null = null;
  let roles: RoleWithUnit[] = [];
  if (chat.clusterId !== null) {
    cluster = chatCluster;
    roles = allRoles.filter((r) => r.clusterId === chat.clusterId);
  } else if (incoming.chat.kind === 'private') {
    const live = allRoles.filter((r) => r.status !== 'revoked');
    const ids = [...new Set(live.map((r) => r.clusterId))];
    if (ids.length === 1) {
      cluster = await db.cluster.findUnique({ where: { id: ids[0]! } });
      roles = live;
    }
  }
  const language = s.languageCode?.slice(0, 2);
  const locale = personRow.locale ?? (language === 'en' || language === 'vi' ? language : defaults.locale);
  return { db, provider, incoming, now: clock.now(), clock, i18n, defaults, chat, person: personRow, cluster, roles, locale, notices: [], capabilities: DEFAULT_CAPABILITIES };
}

/** The cluster, or a reply telling the person to use the group (or /setup it). */
export function requireCluster(ctx: CommandContext): Cluster {
  if (ctx.cluster) return ctx.cluster;
  throw new UserError(ctx.incoming.chat.kind === 'private' ? 'error-no-cluster-private' : 'error-no-cluster');
}

/**
 * The rules (bands, tie-breaks, bonus cap) that rank a round: those kept with it when it
 * closed, else (no round, or one still in progress) the cluster's current ones.
 */
export function rulesOf(cluster: Cluster, round?: { rules: string | null }): ClusterRules {
  return parseRules(round?.rules ?? cluster.settings);
}

/** True when the person is an active secretary of the cluster. */
export function isSecretary(ctx: CommandContext): boolean {
  return ctx.roles.some((r) => r.kind === 'secretary' && r.status === 'active');
}

/** The role check for secretary-only commands. */
export function requireSecretary(ctx: CommandContext): Cluster {
  const cluster = requireCluster(ctx);
  if (!isSecretary(ctx)) throw new UserError('error-not-secretary');
  return cluster;
}

/** Unit ids the person actively represents in the cluster. */
export function representedUnitIds(ctx: CommandContext): number[] {
  return ctx.roles.filter((r) => r.kind === 'representative' && r.status === 'active' && r.unitId !== null).map((r) => r.unitId!);
}

/**
 * The one unit the person represents (a representative acts for exactly one unit per
 * cluster); a reply telling them to /join when they represent none.
 */
export async function requireRepresentedUnit(ctx: CommandContext) {
  const cluster = requireCluster(ctx);
  const role = ctx.roles.find((r) => r.kind === 'representative' && r.status === 'active' && r.unit !== null);
  if (!role) {
    const pending = ctx.roles.some((r) => r.kind === 'representative' && r.status === 'pending');
    throw new UserError(pending ? 'error-join-pending' : 'error-not-representative');
  }
  const unit = role.unit!;
  if (unit.clusterId !== cluster.id) throw new UserError('error-not-representative');
  return { cluster, unit };
}

/** Person display for messages: "Name (@username)". */
export function personLabel(person: Pick<Person, 'displayName' | 'username'>): string {
  return person.username ? `${person.displayName} (@${person.username})` : person.displayName;
}

export type { Chat, Cluster, Person, Role };
