import { UserError } from '../../domain/errors.js';
import { withCouncil } from '../council.js';
import { withVoteSetting } from '../vote-settings.js';
import { voteRulesMsgs } from '../../reports/minutes/format.js';
import {
  serializeRules,
  withBands,
  withBonusCap,
  withEvidenceLimits,
  withMinutesIssuer,
  withReminderChannels,
  withTieBreaks,
  type ClusterRules,
} from '../../domain/rules.js';
import { parseScore, toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { requireCluster, requireSecretary, rulesOf, type CommandContext } from '../context.js';
import { splitFirst } from '../lookups.js';
import type { Msg, Reply } from '../../reply.js';
import type { Command } from '../registry.js';

/** `none` / `khong`: the setting is switched off. */
const NONE = new Set(['none', 'khong']);

/** A percentage as typed (`95`, `92,5`, `92.5`); NaN when it is not a number. */
function percent(word: string): number {
  return /^\d{1,3}([.,]\d{1,2})?$/.test(word) ? Number(word.replace(',', '.')) : Number.NaN;
}

/** The rules as lines of a reply, under `header`. */
function rulesReply(ctx: CommandContext, rules: ClusterRules, header: string): Reply {
  const t = ctx.i18n.translator(ctx.locale);
  const [excellent, good, completed] = rules.bands.filter((b) => b.label !== 'not-completed').map((b) => b.minPercent);
  const lines: Msg[] = [
    { key: header },
    { key: 'rules-bands', args: { excellent: excellent ?? 0, good: good ?? 0, completed: completed ?? 0 } },
    rules.tieBreaks.length
      ? { key: 'rules-tiebreak', args: { order: rules.tieBreaks.map((r) => t(`tiebreak-${r}`)).join(', ') } }
      : { key: 'rules-tiebreak-none' },
    rules.bonusCap === null ? { key: 'rules-bonuscap-none' } : { key: 'rules-bonuscap', args: { cap: toPoints(rules.bonusCap) } },
    { key: 'rules-evidence', args: { mb: rules.evidence.maxBytes / 1024 / 1024, files: rules.evidence.maxFiles } },
    { key: 'vote-rules-heading' },
    ...voteRulesMsgs(rules.vote, ctx.locale),
    { key: 'election-rule-mode', args: { mode: rules.election.mode, order: rules.election.rotation.join(', ') || '–' } },
    { key: 'vote-rules-how' },
    { key: 'rules-reminders', args: { channels: rules.reminderChannels } },
    rules.minutesIssuer ? { key: 'rules-issuer', args: { issuer: rules.minutesIssuer } } : { key: 'rules-issuer-none' },
  ];
  return { text: header === 'rules-updated' ? [...lines, { key: 'rules-closed-rounds' }] : [...lines, { key: 'rules-how' }] };
}

/**
 * `/rules` (`/quyche`): the cluster's ranking rules from its operating regulation
 * (classification bands, tie-breaks, overall bonus cap), for anyone in the cluster. The
 * secretary changes them: `/rules bands 95 80 50`, `/rules tiebreak first-section
 * fewer-deductions` (or `none`), `/rules bonuscap 10` (or `none`), `/rules reminders
 * group|private|both` (where reminders go), `/rules issuer BODY` (or `none`: the issuing body
 * the minutes' header names above the cluster), `/rules council @a @b BL…` (or `none`: the
 * persons who vote instead of the units, `council.ts`). A closed round keeps the rules
 * it was ranked with (`Round.rules`), so changing them never rewrites a published ranking.
 */
export const rules: Command = {
  name: 'rules',
  alias: 'quyche',
  scope: 'any',
  who: 'member',
  async run(ctx) {
    const cluster = requireCluster(ctx);
    const current = rulesOf(cluster);
    const [what, rest] = splitFirst(ctx.incoming.args);
    if (!what) return [rulesReply(ctx, current, 'rules-current')];
    requireSecretary(ctx);
    const words = rest.split(/\s+/).filter(Boolean);
    let next: ClusterRules;
    switch (what.toLowerCase()) {
      case 'bands':
      case 'xeploai':
        next = withBands(current, words.map(percent));
        break;
      case 'tiebreak':
      case 'uutien':
        next = withTieBreaks(current, words);
        break;
      case 'bonuscap':
      case 'tranthuong':
        if (words.length !== 1) throw new UserError('usage-rules');
        next = withBonusCap(current, NONE.has(words[0]!.toLowerCase()) ? null : parseScore(words[0]!));
        break;
      case 'reminders':
      case 'nhacnho':
        if (words.length !== 1) throw new UserError('error-rules-reminders');
        next = withReminderChannels(current, words[0]!);
        break;
      case 'issuer':
      case 'coquan':
        next = withMinutesIssuer(current, rest);
        break;
      case 'council':
      case 'hoidong':
        next = await withCouncil(ctx, current, cluster.id, words);
        break;
      case 'evidence':
      case 'minhchung':
        if (words.length !== 2) throw new UserError('error-rules-evidence');
        next = withEvidenceLimits(current, Number(words[0]), Number(words[1]));
        break;
      default: {
        const units = await ctx.db.unit.findMany({ where: { clusterId: cluster.id }, select: { code: true } });
        const changed = withVoteSetting(
          current,
          what.toLowerCase(),
          words,
          units.map((u) => u.code),
        );
        if (!changed) throw new UserError('usage-rules');
        next = changed;
      }
    }
    await ctx.db.cluster.update({ where: { id: cluster.id }, data: { settings: serializeRules(next) } });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'rules.set',
      subjectType: 'cluster',
      subjectId: cluster.id,
      before: current,
      after: next,
    });
    return [rulesReply(ctx, next, 'rules-updated')];
  },
};
