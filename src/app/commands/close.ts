import { writeAudit } from '../../store/audit.js';
import { asRound } from '../../store/records.js';
import { replanReminders } from '../../store/reminders.js';
import { serializeRules } from '../../domain/rules.js';
import { requireSecretary, rulesOf } from '../context.js';
import { requireActiveRound, requireOpenTerm } from '../lookups.js';
import { consolidatedFor } from '../round-report.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { rankingReply } from './results.js';
import { frozenFromTable } from '../round-report.js';

/**
 * `/close` (`/chot`): closes the round in progress and ranks the units. Units that never
 * submitted rank last; the reply says how many sheets were not confirmed. The cluster's rules
 * are kept with the round, so its ranking stays as published when the rules change later.
 */
export const close: Command = {
  name: 'close',
  alias: 'chot',
  scope: 'any',
  who: 'secretary',
  async run(ctx) {
    const cluster = requireSecretary(ctx);
    const term = await requireOpenTerm(ctx.db, cluster.id);
    const round = await requireActiveRound(ctx.db, term.id);
    const closed = asRound(
      await ctx.db.round.update({
        where: { id: round.id },
        data: { state: 'closed', closedAt: ctx.now, rules: serializeRules(rulesOf(cluster)) },
      }),
    );
    await replanReminders(ctx, { clusterId: cluster.id, type: 'round', id: round.id, eventAt: null, timezone: cluster.timezone });
    const table = await consolidatedFor(ctx, cluster, closed);
    // The quantitative criteria's points are final now: kept with the round, never recomputed.
    const frozen = await frozenFromTable(ctx, closed, table);
    if (frozen) await ctx.db.round.update({ where: { id: round.id }, data: { targetPoints: JSON.stringify(frozen) } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'round.close',
      subjectType: 'round',
      subjectId: round.id,
      before: { state: round.state },
      after: {
        state: 'closed',
        ranking: table.rows.map((r) => [r.rank, r.unitCode, r.total]),
        ...(frozen ? { targetPoints: frozen } : {}),
      },
    });
    const notSubmitted = table.rows.filter((r) => r.total === null).length;
    const unconfirmed = table.rows.filter((r) => r.total !== null && r.sheetState !== 'confirmed').length;
    return [
      say('close-done', { kind: round.kind, year: term.year, units: table.rows.length - notSubmitted, missing: notSubmitted, unconfirmed }),
      ...rankingReply(cluster, term, closed, table),
    ];
  },
};
