import { buildConsolidated, type ConsolidatedTable } from '../domain/consolidated.js';
import { parseStoredInput, POINTS, usesTarget } from '../domain/criterion-kinds.js';
import type { CriteriaTable } from '../domain/criteria.js';
import type { FrozenPoints, TargetBook, UnitScores } from '../domain/round-scores.js';
import { currentScores, type ScoreVersion } from '../domain/sheet.js';
import type { ClusterRecord as Cluster, RoundRecord as Round, TermRecord as Term } from '../store/records.js';
import { readRoundEntries } from '../store/score-entries.js';
import { loadTargets } from '../store/targets.js';
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
  const [criteria, { units, sheets }, entries, targets] = await Promise.all([
    loadCriteria(tx.db, round.termId),
    readRoundUnits(tx, { clusterId: cluster.id, roundId: round.id }),
    readRoundEntries(tx, { roundId: round.id }),
    loadTargets(tx.db, round.termId),
  ]);
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const versions = new Map<number, ScoreVersion[]>();
  for (const e of entries) {
    const list = versions.get(e.sheetId) ?? [];
    list.push({
      id: e.id,
      criterionCode: codeOf.get(e.criterionId) ?? '',
      kind: e.kind,
      points: e.points,
      note: e.note,
      input: parseStoredInput(e.input),
    });
    versions.set(e.sheetId, list);
  }
  const sheetOf = new Map(sheets.map((s) => [s.unitId, s]));
  return { criteria, units, sheetOf, versions, targets };
}

/** The target points kept with a closed round, if any. */
export function frozenOf(round: Pick<Round, 'targetPoints'>): FrozenPoints | null {
  return round.targetPoints ? (JSON.parse(round.targetPoints) as FrozenPoints) : null;
}

/** The consolidated table from a loaded round (units without a counted sheet keep their row). */
function consolidate(cluster: Cluster, round: Round, { criteria, units, sheetOf, versions, targets }: LoadedRound): ConsolidatedTable {
  return buildConsolidated(
    toTable(criteria),
    units.map((u) => {
      const sheet = sheetOf.get(u.id);
      const counted = sheet && sheet.state !== 'draft';
      return {
        unitCode: u.code,
        unitName: u.name,
        sheetState: sheet?.state ?? null,
        versions: counted ? (versions.get(sheet.id) ?? []) : null,
      };
    }),
    rulesOf(cluster, round),
    targets,
    frozenOf(round),
  );
}

/**
 * Every counting unit's current scores in a round (sheets past draft) and the year's targets:
 * what the police formula of a quantitative criterion ranks a unit among.
 */
export async function countingScores(tx: Tx, cluster: Cluster, round: Round): Promise<{ units: UnitScores[]; targets: TargetBook }> {
  const { units, sheetOf, versions, targets } = await loadRound(tx, cluster, round);
  const counting = units.flatMap((u) => {
    const sheet = sheetOf.get(u.id);
    return sheet && sheet.state !== 'draft' ? [{ unitCode: u.code, scores: currentScores(versions.get(sheet.id) ?? []) }] : [];
  });
  return { units: counting, targets };
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
    const detail = unitDetail(
      { unitCode: u.code, unitName: u.name, sheetState: sheet?.state ?? null },
      criteriaTable,
      sheet ? (versions.get(sheet.id) ?? []) : [],
    );
    return withComputedTargets(detail, criteriaTable, table);
  });
  const sheetIds = [...sheetOf.values()].map((s) => s.id);
  await attachEvidenceNames(tx, details, criteria, sheetOf, units);
  const { logs, actorNames: people } = await readRoundAudit(tx, { clusterId: cluster.id, roundId: round.id, sheetIds });
  const unitOfSheet = new Map([...sheetOf.values()].map((s) => [s.id, units.find((u) => u.id === s.unitId)?.code ?? '']));
  const audit: AuditEntry[] = logs.map((l) => ({
    at: l.createdAt,
    actor: l.actorId !== null ? (people.get(l.actorId) ?? `#${l.actorId}`) : '–',
    action: l.action,
    subject: l.subjectType === 'sheet' ? (unitOfSheet.get(l.subjectId ?? -1) ?? '') : null,
    before: l.before,
    after: l.after,
  }));
  return { ...reportHeader(cluster, term, round, now), table, units: details, audit };
}

/** Adds the names of each row's evidence files to the unit sheets (one query for the round). */
async function attachEvidenceNames(
  { db }: Tx,
  details: UnitDetail[],
  criteria: LoadedRound['criteria'],
  sheetOf: LoadedRound['sheetOf'],
  units: LoadedRound['units'],
): Promise<void> {
  const files = await db.evidence.findMany({
    where: { sheetId: { in: [...sheetOf.values()].map((s) => s.id) } },
    select: { sheetId: true, criterionId: true, fileName: true },
    orderBy: { id: 'asc' },
  });
  if (!files.length) return;
  const unitOfSheet = new Map([...sheetOf.values()].map((s) => [s.id, units.find((u) => u.id === s.unitId)?.code]));
  const codeOf = new Map(criteria.map((c) => [c.id, c.code]));
  const names = new Map<string, string[]>();
  for (const f of files) {
    const key = `${unitOfSheet.get(f.sheetId)}|${codeOf.get(f.criterionId)}`;
    names.set(key, [...(names.get(key) ?? []), f.fileName]);
  }
  for (const d of details)
    for (const r of d.rows) {
      const list = names.get(`${d.unitCode}|${r.code}`);
      if (list) r.evidence = list;
    }
}

/**
 * A unit sheet's quantitative rows show the points the consolidated table counts (the stored
 * version holds what was reported, actual/target, and only the formula makes points of it): the
 * counted column (reviewed where reviewed, else self) gets them, so every export agrees.
 */
function withComputedTargets(detail: UnitDetail, criteriaTable: CriteriaTable, table: ConsolidatedTable): UnitDetail {
  const targetCodes = new Set(criteriaTable.rows.filter((r) => usesTarget(r.scoring ?? POINTS)).map((r) => r.code));
  if (!targetCodes.size) return detail;
  const row = table.rows.find((r) => r.unitCode === detail.unitCode);
  const column = new Map(table.criteria.map((c, i) => [c.code, i]));
  return {
    ...detail,
    rows: detail.rows.map((r) => {
      if (!targetCodes.has(r.code)) return r;
      const computed = row?.scores[column.get(r.code) ?? -1] ?? null;
      return r.reviewed !== null ? { ...r, self: null, reviewed: computed } : { ...r, self: r.self === null ? null : computed };
    }),
  };
}

/**
 * The points of the target kinds (police formula and linear) as a closed round's table counts
 * them, to keep with the round; null when the table has no such criterion.
 */
export async function frozenFromTable({ db }: Tx, round: Round, table: ConsolidatedTable): Promise<FrozenPoints | null> {
  const rows = toTable(await loadCriteria(db, round.termId)).rows.filter((r) => usesTarget(r.scoring ?? POINTS));
  if (!rows.length) return null;
  const column = new Map(table.criteria.map((c, i) => [c.code, i]));
  const frozen: FrozenPoints = {};
  for (const row of table.rows) {
    const kept: Record<string, number> = {};
    for (const r of rows) {
      const value = row.scores[column.get(r.code) ?? -1];
      if (value !== null && value !== undefined) kept[r.code] = value;
    }
    if (Object.keys(kept).length) frozen[row.unitCode] = kept;
  }
  return frozen;
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
