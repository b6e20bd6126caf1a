import { normaliseCode } from '../../domain/criteria.js';
import { LineErrors, UserError, type LineProblem } from '../../domain/errors.js';
import { assertSheetEditable, type SheetState } from '../../domain/lifecycle.js';
import { toPoints } from '../../domain/score.js';
import { writeAudit } from '../../store/audit.js';
import { insertScoreEntries } from '../../store/score-entries.js';
import { rulesOf } from '../context.js';
import { splitFirst } from '../lookups.js';
import { checkScore, targetsIfNeeded, type CheckedScore } from '../score-lines.js';
import { readTemplateLines } from '../template-import.js';
import { unitInActiveRound } from '../unit-round.js';
import type { Command } from '../registry.js';
import { say } from '../registry.js';
import { loadSheetScores, sheetPoints, sheetProgress } from './sheet-view.js';

/**
 * `/score CRITERION POINTS [NOTE]` (`/cham`), or one such line a line in the body: records the
 * unit's self-scores in the open round. POINTS is written as the criterion's kind asks
 * (`8,5`; `đạt`/`không đạt`; `3 lần`; `+2 -1`; `95/100`: see `criterion-kinds.ts`). With the
 * unit's filled `/template` attached, every filled row is a line (bad cells named by address).
 * Every line is checked first; one bad line records nothing. A new score for the same criterion
 * adds a version, it does not overwrite.
 */
export const score: Command = {
  name: 'score',
  alias: 'cham',
  scope: 'any',
  who: 'representative',
  async run(ctx) {
    const { cluster, unit, round, sheet: existing, criteria } = await unitInActiveRound(ctx);
    if (!criteria.length) throw new UserError('error-no-criteria');
    const file = ctx.incoming.attachments?.[0];
    const lines: { line: number | string; text: string }[] = file
      ? await readTemplateLines(file, unit.code)
      : [ctx.incoming.args, ...ctx.incoming.body.split(/\r?\n/)]
          .map((text, i) => ({ line: i + 1, text: text.trim() }))
          .filter((l) => l.text && !l.text.startsWith('#'));
    if (!lines.length) throw new UserError(file ? 'error-template-empty' : 'usage-score');
    const byCode = new Map(criteria.filter((c) => c.kind !== 'section').map((c) => [c.code, c]));
    const targets = await targetsIfNeeded(ctx, round.termId, criteria);
    const problems: LineProblem[] = [];
    const entries: CheckedScore[] = [];
    for (const { line, text } of lines) {
      const [rawCode, rest] = splitFirst(text);
      const criterion = byCode.get(normaliseCode(rawCode));
      // A template's cells are named by address (`C7`), a message's lines by number.
      const at = typeof line === 'string' ? { line: 0, cell: line } : { line };
      if (!criterion) {
        problems.push({ ...at, key: 'error-unknown-criterion', args: { code: rawCode } });
        continue;
      }
      try {
        entries.push(checkScore(criterion, rest, unit.code, targets));
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        problems.push({ ...at, key: error.key, args: error.args });
      }
    }
    if (problems.length) throw new LineErrors(problems);
    const sheet = existing ?? (await ctx.db.sheet.create({ data: { roundId: round.id, unitId: unit.id } }));
    assertSheetEditable(sheet.state as SheetState);
    await insertScoreEntries(ctx, {
      sheetId: sheet.id,
      authorId: ctx.person.id,
      entries: entries.map((e) => ({ criterionId: e.criterionId, kind: 'self', points: e.points, note: e.note, input: e.input })),
    });
    await writeAudit(ctx, {
      clusterId: cluster.id,
      actorId: ctx.person.id,
      action: 'score.self',
      subjectType: 'sheet',
      subjectId: sheet.id,
      after: entries.map((e) => ({ code: e.code, points: e.points, note: e.note, ...(e.input ? { input: e.input } : {}) })),
    });
    const scores = await loadSheetScores(ctx, sheet.id, criteria);
    const progress = sheetProgress(
      criteria,
      scores,
      rulesOf(cluster).bonusCap,
      unit.code,
      await sheetPoints(ctx, cluster, round, unit, criteria, scores),
    );
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
