import type { Clock } from '../domain/clock.js';
import { toPoints } from '../domain/score.js';
import type { I18n } from '../i18n/i18n.js';
import type { Store } from '../store/store.js';
import { resolveContext, type Defaults } from './context.js';
import type { Incoming } from './ports.js';
import { loadSheetScores } from './commands/sheet-view.js';
import { unitInActiveRound } from './unit-round.js';

/** One line of a score-sheet form: a criterion and the unit's current self-score and note. */
export interface SheetFormLine {
  code: string;
  title: string;
  /** The most points (a deduction's most points taken off). */
  max: number;
  kind: 'criterion' | 'bonus' | 'deduction';
  points?: number;
  note?: string;
}

/** What a platform needs to show a whole sheet as a form (Slack's modal). */
export interface SheetForm {
  locale: string;
  unit: { code: string; name: string };
  round: { kind: string; year: number };
  lines: SheetFormLine[];
}

/** Reads a form without changing anything; throws `UserError` as `/score` would (not a representative, no round…). */
export type SheetFormReader = (incoming: Incoming) => Promise<SheetForm>;

/**
 * The score sheet of the sender's unit in the round in progress, as a form: every criterion
 * (sections left out) with its current self-score and note. The same checks as `/score`
 * (`unitInActiveRound`); saving goes through `/score` itself, so the form holds no rule.
 * Platform-neutral: an adapter that can show forms is given this function by `main.ts`.
 */
export function sheetFormReader(deps: { store: Store; clock: Clock; i18n: I18n; defaults: Defaults }): SheetFormReader {
  return (incoming) =>
    deps.store.tx(deps.clock.now(), async (tx) => {
      const ctx = await resolveContext(tx, incoming, deps.clock, deps.i18n, deps.defaults);
      const { unit, round, term, sheet, criteria } = await unitInActiveRound(ctx);
      const scores = sheet ? await loadSheetScores(ctx, sheet.id, criteria) : undefined;
      const lines: SheetFormLine[] = [];
      for (const c of criteria) {
        if (c.kind === 'section') continue;
        const self = scores?.self.get(c.code);
        lines.push({
          code: c.code,
          title: c.title,
          max: toPoints(c.max ?? 0),
          kind: c.kind,
          ...(self ? { points: toPoints(self.points) } : {}),
          ...(self?.note ? { note: self.note } : {}),
        });
      }
      return { locale: ctx.locale, unit: { code: unit.code, name: unit.name }, round: { kind: round.kind, year: term.year }, lines };
    });
}
