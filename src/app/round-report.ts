import { buildConsolidated, type ConsolidatedTable } from '../domain/consolidated.js';
import type { ScoreVersion } from '../domain/sheet.js';
import type { ClusterRecord as Cluster, RoundRecord as Round, TermRecord as Term } from '../store/records.js';
import { readRoundEntries } from '../store/score-entries.js';
import type { Tx } from '../store/tx.js';
import { readRoundAudit, readRoundUnits } from '../store/year-reads.js';
import type { AuditEntry, ReportInput, UnitDetail } from '../reports/types.js';
import { unitDetail } from '../reports/unit-detail.js';
import { rulesOf } from './context.js';
import { loadCriteria, toTable } from './lookups.js';

/** A round's criteria, units, sheets by unit and score versions by sheet. */
type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

/** Every unit's score versions in a round, read with one query per table (never per unit). */
async function loadRound(tx: Tx, cluster: Cluster, round: Round) {
  const [criteria, { units, sheets }, entries] = await Promise.all([
    loadCriteria(tx.db, round.termId),
    readRoundUnits(tx, { clusterId: cluster.id, roundId: round.id }),
    readRoundEntries(tx, { roundId: round.id }),
  ]);
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const versions = new Map<number, ScoreVersion[]>();
  for (const e of entries) {
    const list = versions.get(e.sheetId) ?? [];
    list.push({ id: e.id, criterionCode: codeOf.get(e.criterionId) ?? '', kind: e.kind, points: e.points, note: e.note });
    versions.set(e.sheetId, list);
  }
  const sheetOf = new Map(sheets.map((s) => [s.unitId, s]));
  return { criteria, units, sheetOf, versions };
}

/** The consolidated table from a loaded round (units without a counted sheet keep their row). */
function consolidate(cluster: Cluster, round: Round, { criteria, units, sheetOf, versions }: LoadedRound): ConsolidatedTable {
  return buildConsolidated(
    toTable(criteria),
    units.map((u) => {
      const sheet = sheetOf.get(u.id);
      const counted = sheet && sheet.state !== 'draft';
      return { unitCode: u.code, unitName: u.name, sheetState: sheet?.state ?? null, versions: counted ? versions.get(sheet.id) ?? [] : null };
    }),
    rulesOf(cluster, round),
  );
}

/**
 * The round's consolidated table, computed once by the domain. A unit without a submitted
 * sheet keeps its row, with empty scores and the last rank.
 */
export async function consolidatedFor(tx: Tx, cluster: Cluster, round: Round): Promise<ConsolidatedTable> {
  return consolidate(cluster, round, await loadRound(tx, cluster, round));
}

/** Everything the reports (CSV, XLSX, chart, text) need about a round. */
export async function reportInputFor(tx: Tx, cluster: Cluster, term: Term, round: Round, now: Date): Promise<ReportInput> {
  const loaded = await loadRound(tx, cluster, round);
  const { criteria, units, sheetOf, versions } = loaded;
  const table = consolidate(cluster, round, loaded);
  const criteriaTable = toTable(criteria);
  const details: UnitDetail[] = units.map((u) => {
    const sheet = sheetOf.get(u.id);
    return unitDetail({ unitCode: u.code, unitName: u.name, sheetState: sheet?.state ?? null }, criteriaTable, sheet ? versions.get(sheet.id) ?? [] : []);
  });
  const sheetIds = [...sheetOf.values()].map((s) => s.id);
  const { logs, actorNames: people } = await readRoundAudit(tx, { clusterId: cluster.id, roundId: round.id, sheetIds });
  const unitOfSheet = new Map([...sheetOf.values()].map((s) => [s.id, units.find((u) => u.id === s.unitId)?.code ?? '']));
  const audit: AuditEntry[] = logs.map((l) => ({
    at: l.createdAt,
    actor: l.actorId !== null ? people.get(l.actorId) ?? `#${l.actorId}` : '–',
    action: l.action,
    subject: l.subjectType === 'sheet' ? unitOfSheet.get(l.subjectId ?? -1) ?? '' : null,
    before: l.before,
    after: l.after,
  }));
  return { ...reportHeader(cluster, term, round, now), table, units: details, audit };
}

/** What every report says about its round: cluster, year, round, deadline, time of export. */
export function reportHeader(cluster: Cluster, term: Term, round: Round, now: Date): Omit<ReportInput, 'table' | 'units' | 'audit'> {
  return {
    clusterName: cluster.name,
    termYear: term.year,
    roundKind: round.kind,
    roundState: round.state,
    provisional: round.state !== 'closed',
    deadline: round.deadline,
    exportedAt: now,
    timezone: cluster.timezone,
  };
}
