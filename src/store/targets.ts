import type { TargetBook } from '../domain/round-scores.js';
import type { Db } from './client.js';

/**
 * The per-unit targets of a year's quantitative criteria (set by the secretary with `/target`),
 * as the domain reads them: criterion code → unit code → target in hundredths. One query.
 */
export async function loadTargets(db: Db, termId: number): Promise<TargetBook> {
  const rows = await db.criterionTarget.findMany({
    where: { criterion: { termId } },
    select: { target: true, criterion: { select: { code: true } }, unit: { select: { code: true } } },
  });
  const book = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const byUnit = book.get(r.criterion.code) ?? new Map<string, number>();
    byUnit.set(r.unit.code, r.target);
    book.set(r.criterion.code, byUnit);
  }
  return book;
}
