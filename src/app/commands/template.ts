import { inputText } from '../../domain/criterion-kinds.js';
import { assignedTo } from '../../domain/criteria.js';
import { scoreTemplateXlsx } from '../../reports/xlsx-template.js';
import { XLSX_MIME } from '../../reports/xlsx.js';
import { unitInActiveRound } from '../unit-round.js';
import { toRow } from '../lookups.js';
import type { Command } from '../registry.js';
import { loadSheetScores, NO_SCORES } from './sheet-view.js';

/**
 * `/template` (`/mau`): the unit's score sheet as an `.xlsx` to fill in Excel, with the
 * current self-scores and notes. Sent back attached to `/score`, it records every filled row.
 */
export const template: Command = {
  name: 'template',
  alias: 'mau',
  who: 'representative',
  scope: 'any',
  async run(ctx) {
    const { cluster, unit, term, round, sheet, criteria } = await unitInActiveRound(ctx);
    const scores = sheet ? await loadSheetScores(ctx, sheet.id, criteria) : NO_SCORES;
    const rows = criteria.map((c) => {
      const row = toRow(c);
      const self = scores.self.get(c.code);
      return {
        code: c.code,
        title: c.title,
        kind: row.kind,
        scoring: row.scoring,
        max: c.max,
        current: self ? inputText(self.input ?? { type: 'points', points: self.points }) : null,
        note: self?.note ?? null,
        assigned: assignedTo(row, unit.code),
      };
    });
    const t = ctx.i18n.translator(ctx.locale);
    const bytes = await scoreTemplateXlsx(
      {
        clusterName: cluster.name,
        termYear: term.year,
        roundKind: round.kind as 'midyear' | 'yearend',
        unitCode: unit.code,
        unitName: unit.name,
        rows,
      },
      t,
    );
    const fileName = `phieu-cham-${unit.code.toLowerCase()}-${term.year}-${round.kind === 'midyear' ? 'so-ket' : 'tong-ket'}.xlsx`;
    return [
      {
        text: [{ key: 'template-sent', args: { unit: unit.code } }],
        file: { fileName, mimeType: XLSX_MIME, bytes, caption: { key: 'template-caption', args: { unit: unit.code } } },
      },
    ];
  },
};
