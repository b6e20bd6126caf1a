import { formatDateTime } from '../../domain/dates.js';
import { requireCluster } from '../context.js';
import { findActiveRound, requireOpenTerm } from '../lookups.js';
import type { Msg, Reply } from '../../reply.js';
import type { Command } from '../registry.js';
import { attendanceLine } from '../attendance-status.js';

/**
 * `/status` (`/tinhhinh`): progress of the round in progress (who submitted, confirmed,
 * disputed, who is missing) and of the year (covenant signatures, registrations).
 */
export const status: Command = {
  name: 'status',
  alias: 'tinhhinh',
  scope: 'any',
  who: 'member',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const units = await ctx.db.unit.findMany({ where: { clusterId: cluster.id }, orderBy: { code: 'asc' } });
    const [signatures, registrations] = await Promise.all([
      ctx.db.covenantSignature.findMany({ where: { termId: term.id }, select: { unitId: true } }),
      ctx.db.registration.findMany({ where: { termId: term.id }, select: { unitId: true } }),
    ]);
    const signed = new Set(signatures.map((s) => s.unitId));
    const registered = new Set(registrations.map((r) => r.unitId));
    const codes = (pred: (id: number) => boolean) =>
      units
        .filter((u) => pred(u.id))
        .map((u) => u.code)
        .join(', ');
    const text: Msg[] = [
      { key: 'status-term', args: { year: term.year, units: units.length } },
      { key: 'status-signed', args: { count: signed.size, total: units.length, missing: codes((id) => !signed.has(id)) || '–' } },
      {
        key: 'status-registered',
        args: { count: registered.size, total: units.length, missing: codes((id) => !registered.has(id)) || '–' },
      },
    ];
    text.push(...(await attendanceLine(ctx, term.id, units)));
    const round = await findActiveRound(ctx.db, term.id);
    const replies: Reply[] = [{ text }];
    if (!round) {
      text.push({ key: 'status-no-round' });
      return replies;
    }
    const sheets = await ctx.db.sheet.findMany({ where: { roundId: round.id }, select: { unitId: true, state: true, id: true } });
    const stateOf = new Map(sheets.map((s) => [s.unitId, s.state]));
    const count = (...states: string[]) => sheets.filter((s) => states.includes(s.state)).length;
    text.push(
      { key: 'status-round', args: { kind: round.kind, state: round.state, deadline: formatDateTime(round.deadline, cluster.timezone) } },
      {
        key: 'status-submitted',
        args: {
          count: count('submitted', 'reviewed', 'confirmed', 'disputed'),
          total: units.length,
          missing: codes((id) => !['submitted', 'reviewed', 'confirmed', 'disputed'].includes(stateOf.get(id) ?? '')) || '–',
        },
      },
    );
    if (round.state === 'review') {
      text.push({
        key: 'status-confirmed',
        args: { count: count('confirmed'), total: units.length, missing: codes((id) => stateOf.get(id) !== 'confirmed') || '–' },
      });
    }
    const disputes = await ctx.db.explanation.findMany({
      where: { sheet: { roundId: round.id, state: 'disputed' } },
      include: { sheet: { include: { unit: true } } },
      orderBy: { id: 'asc' },
    });
    const criteria = new Map(
      (await ctx.db.criterion.findMany({ where: { termId: term.id }, select: { id: true, code: true } })).map((c) => [c.id, c.code]),
    );
    for (const d of disputes)
      text.push({ key: 'status-dispute', args: { unit: d.sheet.unit.code, code: criteria.get(d.criterionId) ?? '?', text: d.text } });
    replies.push({
      table: {
        headers: [{ key: 'col-code' }, { key: 'col-unit' }, { key: 'col-state' }],
        rows: units.map((u) => [u.code, u.name, { key: `sheet-state-${stateOf.get(u.id) ?? 'none'}` }]),
      },
    });
    return replies;
  },
};
