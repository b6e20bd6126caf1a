import type { Clock } from '../domain/clock.js';
import { UserError } from '../domain/errors.js';
import { parseRules, type ClusterRules } from '../domain/rules.js';
import { readCluster, resolveSpeaker, type RoleWithUnit } from '../store/context-reads.js';
import type { ChatRecord, ClusterRecord, PersonRecord } from '../store/records.js';
import { notePrivateChat } from '../store/people.js';
import type { Tx } from '../store/tx.js';
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
 * the cluster (from the chat, or from the person's roles in a private chat), their roles. It
 * is the command's transaction handle (`Tx`: `db`, and `now`, the command's one time), so
 * store functions take the context itself: `writeAudit(ctx, …)`.
 */
export interface CommandContext extends Tx {
  incoming: Incoming;
  clock: Clock;
  i18n: I18n;
  defaults: Defaults;
  chat: ChatRecord;
  person: PersonRecord;
  cluster: ClusterRecord | null;
  roles: RoleWithUnit[];
  /** Every role the person holds in any cluster (`/cluster`, `/join CODE INVITE` read them). */
  allRoles: RoleWithUnit[];
  locale: string;
  /** Messages for other chats, collected while handling. */
  notices: Notice[];
  /** What the platform of the message shows (set by the core from the adapter's declaration). */
  capabilities: Capabilities;
}

/**
 * Finds or creates the chat and the person, and resolves the cluster and roles, in the
 * command's transaction `tx` (whose `now` becomes the context's). For a known chat and person
 * that is one joined statement (`resolveSpeaker`): every message goes through here.
 */
export async function resolveContext(tx: Tx, incoming: Incoming, clock: Clock, i18n: I18n, defaults: Defaults): Promise<CommandContext> {
  const s = incoming.sender;
  const speaker = await resolveSpeaker(tx, {
    chat: { key: incoming.chat.key, platform: incoming.platform, title: incoming.chat.title ?? null },
    person: { key: s.key, displayName: s.displayName, username: s.username ?? null },
  });
  const { chat, cluster: chatCluster } = speaker.chat;
  const { roles: allRoles, ...personRow } = speaker.person;
  let cluster: ClusterRecord | null = null;
  let roles: RoleWithUnit[] = [];
  if (chat.clusterId !== null) {
    cluster = chatCluster;
    roles = allRoles.filter((r) => r.clusterId === chat.clusterId);
  } else if (incoming.chat.kind === 'private') {
    const chosen = privateClusterId(personRow, allRoles);
    if (chosen !== null) {
      cluster = await readCluster(tx, { id: chosen });
      roles = allRoles.filter((r) => r.status !== 'revoked' && r.clusterId === chosen);
    }
  }
  if (incoming.chat.kind === 'private' && (personRow.privateChatKey !== chat.key || personRow.privatePlatform !== incoming.platform)) {
    await notePrivateChat(tx, { personId: personRow.id, chatKey: chat.key, platform: incoming.platform });
    personRow.privateChatKey = chat.key;
    personRow.privatePlatform = incoming.platform;
  }
  const language = s.languageCode?.slice(0, 2);
  const locale = personRow.locale ?? (language === 'en' || language === 'vi' ? language : defaults.locale);
  return {
    ...tx,
    incoming,
    clock,
    i18n,
    defaults,
    chat,
    person: personRow,
    cluster,
    roles,
    allRoles,
    locale,
    notices: [],
    capabilities: DEFAULT_CAPABILITIES,
  };
}

/**
 * The clusters a person belongs to (any role not revoked), in the order they joined them: what
 * `/cluster` lists and numbers.
 */
export function memberClusterIds(roles: readonly RoleWithUnit[]): number[] {
  return [...new Set(roles.filter((r) => r.status !== 'revoked').map((r) => r.clusterId))];
}

/**
 * The cluster a person's private commands act on: the one chosen with `/cluster` while they
 * still belong to it, else the first they joined (so joining a second cluster changes nothing
 * until they choose). Null when they belong to none.
 */
export function privateClusterId(person: Pick<PersonRecord, 'currentClusterId'>, roles: readonly RoleWithUnit[]): number | null {
  const ids = memberClusterIds(roles);
  if (person.currentClusterId !== null && ids.includes(person.currentClusterId)) return person.currentClusterId;
  return ids[0] ?? null;
}

/** The cluster, or a reply telling the person to use the group (or /setup it). */
export function requireCluster(ctx: CommandContext): ClusterRecord {
  if (ctx.cluster) return ctx.cluster;
  throw new UserError(ctx.incoming.chat.kind === 'private' ? 'error-no-cluster-private' : 'error-no-cluster');
}

/**
 * The rules (bands, tie-breaks, bonus cap) that rank a round: those kept with it when it
 * closed, else (no round, or one still in progress) the cluster's current ones.
 */
export function rulesOf(cluster: Pick<ClusterRecord, 'settings'>, round?: { rules: string | null }): ClusterRules {
  return parseRules(round?.rules ?? cluster.settings);
}

/** True when the person is an active secretary of the cluster. */
export function isSecretary(ctx: CommandContext): boolean {
  return ctx.roles.some((r) => r.kind === 'secretary' && r.status === 'active');
}

/** The role check for secretary-only commands. */
export function requireSecretary(ctx: CommandContext): ClusterRecord {
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
export function personLabel(person: Pick<PersonRecord, 'displayName' | 'username'>): string {
  return person.username ? `${person.displayName} (@${person.username})` : person.displayName;
}
