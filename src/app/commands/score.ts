import { normaliseCode } from '../../domain/criteria.js';
import { LineErrors, UserError, type LineProblem } from '../../domain/errors.js';
import { assertSheetEditable, type SheetState } from '../../domain/lifecycle.js';
import { parseScore, toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { insertScoreEntries } from '../../store/score-entries.js';
import { rulesOf } from '../context.js';
import { splitFirst } from '../lookups.js';
import { unitInActiveRound } from '../unit-round.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { loadSheetScores, sheetProgress } from './sheet-view.js';

/**
 * `/score CRITERION POINTS [NOTE]` (`/cham`), or one such line a line in the body: records the
 * unit's self-scores in the open round. Every line is checked first; one bad line records
 * nothing. A new score for the same criterion adds a version, it does not overwrite.
 */
export const score: Command = {
  name: 'score',
  alias: 'cham',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit, round, sheet: existing, criteria } = await unitInActiveRound(ctx);
    const lines = [ctx.incoming.args, ...ctx.incoming.body.split(/\r?\n/)]
      .map((text, i) => ({ line: i + 1, text: text.trim() }))
      .filter((l) => l.text && !l.text.startsWith('#'));
    if (!lines.length) throw new UserError('usage-score');
    if (!criteria.length) throw new UserError('error-no-criteria');
    const byCode = new Map(criteria.filter((c) => c.kind !== 'section').map((c) => [c.code, c]));
    const problems: LineProblem[] = [];
    const entries: { criterionId: number; code: string; points: number; note: string | null }[] = [];
    for (const { line, text } of lines) {
      const [rawCode, rest] = splitFirst(text);
      const [pointsText, note] = splitFirst(rest);
      const criterion = byCode.get(normaliseCode(rawCode));
      if (!criterion) {
        problems.push({ line, key: 'error-unknown-criterion', args: { code: rawCode } });
        continue;
      }
      if (!pointsText) {
        problems.push({ line, key: 'error-score-missing', args: { code: criterion.code } });
        continue;
      }
      try {
        const points = parseScore(pointsText);
        if (points > criterion.max) problems.push({ line, key: 'error-score-above-max', args: { code: criterion.code, points: toPoints(points), max: toPoints(criterion.max) } });
        else entries.push({ criterionId: criterion.id, code: criterion.code, points, note: note || null });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push({ line, key: error.key, args: error.args });
      }
    }
    if (problems.length) throw new LineErrors(problems);
    const sheet = existing ?? (await ctx.db.sheet.create({ data: { roundId: round.id, unitId: unit.id } }));
    assertSheetEditable(sheet.state as SheetState);
    await insertScoreEntries(ctx, {
      sheetId: sheet.id,
      authorId: ctx.person.id,
      entries: entries.map((e) => ({ criterionId: e.criterionId, kind: 'self', points: e.points, note: e.note })),
    });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'score.self',
      subjectType: 'sheet',
      subjectId: sheet.id,
      after: entries.map((e) => ({ code: e.code, points: e.points, note: e.note })),
    });
    const progress = sheetProgress(criteria, await loadSheetScores(ctx, sheet.id, criteria), rulesOf(cluster).bonusCap);
    return [
      say(entries.length === 1 ? 'score-recorded-one' : 'score-recorded', {
        code: entries[0]!.code,
        points: toPoints(entries[0]!.points),
        count: entries.length,
        unit: unit.code,
        scored: progress.scored,
        required: progress.required,
        total: toPoints(progress.total),
      }),
      ...(progress.scored === progress.required ? [say('score-ready-to-submit')] : []),
    ];
  },
};
