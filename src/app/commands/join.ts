import { UserError } from '../../domain/errors.js';
import { writeAudit } from '../../store/audit.js';
import type { RoleWithUnit } from '../../store/context-reads.js';
import { readCluster } from '../../store/context-reads.js';
import { clusterByInvite } from '../../store/invites.js';
import type { ClusterRecord, UnitRecord } from '../../store/records.js';
import { memberClusterIds, personLabel, privateClusterId, requireCluster, type CommandContext } from '../context.js';
import { requireUnit } from '../lookups.js';
import type { Msg } from '../../reply.js';
import type { Command } from '../registry.js';

/**
 * `/join CODE` (`/thamgia`): asks to represent unit CODE; pending until a secretary approves.
 * In a bound group the request is answered there, with the secretary's approve and refuse
 * buttons, and the cluster's other chats are told (a secretary may work on another platform). In a
 * private chat, `/join CODE INVITE` names the cluster by its invite code (`/invite`) and
 * `/join CODE` acts on the cluster of the person's private commands; the secretary is told in
 * every chat of the cluster, with the buttons to approve or refuse. A unit that already has a
 * representative may get another (the secretary decides; the notice names the present ones). A
 * person joining a second cluster keeps acting on the first in private chats and is told how
 * to choose (`/cluster`).
 */
export const join: Command = {
  name: 'join',
  alias: 'thamgia',
  scope: 'any',
  who: 'newcomer',
  async run(ctx) {
    const [code, inviteCode, extra] = ctx.incoming.args.trim().split(/\s+/).filter(Boolean);
    if (!code || extra) throw new UserError('usage-join');
    const inPrivate = ctx.incoming.chat.kind === 'private';
    if (inviteCode && !inPrivate) throw new UserError('error-join-invite-group');
    const cluster = inviteCode ? await invitedCluster(ctx, inviteCode) : requireCluster(ctx);
    const roles = inviteCode ? ctx.allRoles.filter((r) => r.clusterId === cluster.id) : ctx.roles;
    const unit = await requireUnit(ctx.db, cluster.id, code);
    const mine = roles.filter((r) => r.kind === 'representative' && r.status !== 'revoked');
    const same = mine.find((r) => r.unitId === unit.id);
    if (same?.status === 'active') throw new UserError('error-join-already', { code: unit.code });
    if (same?.status === 'pending') throw new UserError('error-join-pending-same', { code: unit.code });
    const other = mine.find((r) => r.unitId !== unit.id && r.status === 'active');
    if (other) throw new UserError('error-join-other-unit');
    const present = await ctx.db.role.findMany({
      where: { clusterId: cluster.id, unitId: unit.id, kind: 'representative', status: 'active' },
      include: { person: true },
      orderBy: { id: 'asc' },
    });
    const role = await ctx.db.role.create({
      data: { clusterId: cluster.id, personId: ctx.person.id, kind: 'representative', unitId: unit.id, status: 'pending' },
    });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'role.request',
      subjectType: 'role',
      subjectId: role.id,
      after: { unit: unit.code, status: 'pending' },
    });
    const people = present.map((r) => personLabel(r.person)).join(', ');
    const second = await secondClusterNote(ctx, cluster);
    // The cluster's other chats (every chat, for a request made privately) tell the secretary.
    await tellSecretary(ctx, cluster, unit, present.length ? people : null);
    if (!inPrivate) {
      const text: Msg[] = [{ key: 'join-requested', args: { person: personLabel(ctx.person), code: unit.code, unit: unit.name } }];
      if (present.length) text.push({ key: 'join-unit-represented', args: { code: unit.code, people } });
      if (second) text.push(second);
      return [{ text, buttons: decisionButtons(unit) }];
    }
    const text: Msg[] = [{ key: 'join-requested-private', args: { code: unit.code, unit: unit.name, name: cluster.name } }];
    if (present.length) text.push({ key: 'join-unit-represented', args: { code: unit.code, people } });
    if (second) text.push(second);
    return [{ text }];
  },
};

/** The cluster a still-valid invite code names, or a reply saying the code is wrong. */
async function invitedCluster(ctx: CommandContext, code: string): Promise<ClusterRecord> {
  const cluster = await clusterByInvite(ctx, { code: code.toUpperCase() });
  if (!cluster) throw new UserError('error-invite-code', { code });
  return cluster;
}

/** The approve and refuse buttons under a join request. */
function decisionButtons(unit: UnitRecord) {
  return [
    [
      { label: { key: 'button-approve', args: { code: unit.code } }, data: `/approve ${unit.code}` },
      { label: { key: 'button-refuse', args: { code: unit.code } }, data: `/refuse ${unit.code}` },
    ],
  ];
}

/** Tells the cluster's chats (but the one the request was made in) of a request, with the buttons to decide it. */
async function tellSecretary(ctx: CommandContext, cluster: ClusterRecord, unit: UnitRecord, people: string | null): Promise<void> {
  const chats = await ctx.db.chat.findMany({
    where: { clusterId: cluster.id, removedAt: null, id: { not: ctx.chat.id } },
    orderBy: { id: 'asc' },
  });
  const text: Msg[] = [{ key: 'join-requested-notice', args: { person: personLabel(ctx.person), code: unit.code, unit: unit.name } }];
  if (people) text.push({ key: 'join-unit-represented', args: { code: unit.code, people } });
  for (const chat of chats)
    ctx.notices.push({ chatKey: chat.key, locale: cluster.locale, reply: { text, buttons: decisionButtons(unit) } });
}

/**
 * When the request adds a cluster to those the person belongs to, the sentence saying which
 * cluster their private commands still act on and how to choose; else null.
 */
async function secondClusterNote(ctx: CommandContext, cluster: ClusterRecord): Promise<Msg | null> {
  const before: RoleWithUnit[] = ctx.allRoles;
  const ids = memberClusterIds(before);
  if (!ids.length || ids.includes(cluster.id)) return null;
  const current = await readCluster(ctx, { id: privateClusterId(ctx.person, before)! });
  return { key: 'join-second-cluster', args: { name: cluster.name, current: current?.name ?? '', count: ids.length + 1 } };
}
