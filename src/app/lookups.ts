import { parseStoredScoring, POINTS } from '../domain/criterion-kinds.js';
import { normaliseCode, type CriteriaTable, type CriterionRow, type EvidenceRule } from '../domain/criteria.js';
import { UserError } from '../domain/errors.js';
import type { RoundKind } from '../domain/states.js';
import type { Db } from '../store/client.js';
import type { CriterionRecord, RoundRecord, TermRecord, UnitRecord } from '../store/records.js';
import { findActiveRound as findActive, findOpenTerm, findUnit, readCriteria } from '../store/year-reads.js';

/** The cluster's open emulation year, or a reply telling the secretary to open one. */
export async function requireOpenTerm(db: Db, clusterId: number): Promise<TermRecord> {
  const term = await findOpenTerm({ db }, { clusterId });
  if (!term) throw new UserError('error-no-term');
  return term;
}

/** The round still in progress (open or in review) of a year, if any. */
export function findActiveRound(db: Db, termId: number): Promise<RoundRecord | null> {
  return findActive({ db }, { termId });
}

/** The round in progress, or a reply saying there is none. */
export async function requireActiveRound(db: Db, termId: number): Promise<RoundRecord> {
  const round = await findActiveRound(db, termId);
  if (!round) throw new UserError('error-no-round');
  return round;
}

/** A unit of the cluster by code (case-insensitive), or a reply naming the unknown code. */
export async function requireUnit(db: Db, clusterId: number, code: string): Promise<UnitRecord> {
  const unit = await findUnit({ db }, { clusterId, code: normaliseCode(code) });
  if (!unit) throw new UserError('error-unknown-unit', { code: code.trim() });
  return unit;
}

/** The year's criteria rows in their written order. */
export function loadCriteria(db: Db, termId: number): Promise<CriterionRecord[]> {
  return readCriteria({ db }, { termId });
}

/** Stored criteria rows as the domain's table. */
export function toTable(rows: CriterionRecord[]): CriteriaTable {
  return { rows: rows.map(toRow) };
}

/** One stored criterion as the domain's row (kind, scoring, evidence rule, units not assigned). */
export function toRow(r: CriterionRecord): CriterionRow {
  const scoring = parseStoredScoring(r.scoring);
  const notAssigned = r.notAssigned ? r.notAssigned.split(',').filter(Boolean) : [];
  return {
    code: r.code,
    title: r.title,
    kind: r.kind,
    max: r.max,
    sectionCode: r.sectionCode,
    ...(scoring.type !== POINTS.type ? { scoring } : {}),
    ...(r.evidence !== 'optional' ? { evidence: r.evidence as EvidenceRule } : {}),
    ...(notAssigned.length ? { notAssigned } : {}),
  };
}

/** The year's criteria, or a reply telling the secretary to set them. */
export async function requireCriteria(db: Db, termId: number): Promise<CriterionRecord[]> {
  const rows = await loadCriteria(db, termId);
  if (!rows.length) throw new UserError('error-no-criteria');
  return rows;
}

/** First word and the rest of a text: `"BL Bạc Liêu"` → `["BL", "Bạc Liêu"]`. */
export function splitFirst(text: string): [string, string] {
  const trimmed = text.trim();
  const at = trimmed.search(/\s/);
  return at < 0 ? [trimmed, ''] : [trimmed.slice(0, at), trimmed.slice(at).trim()];
}

/** The words accepted for a round's kind: the contract's, and the Vietnamese ones without marks. */
const ROUND_KINDS: Record<string, RoundKind> = {
  midyear: 'midyear',
  soket: 'midyear',
  sokey: 'midyear',
  yearend: 'yearend',
  tongket: 'yearend',
};

/** A round kind from what a user typed (`midyear`, `soket`, `yearend`, `tongket`), or `null`. */
export function parseRoundKind(text: string): RoundKind | null {
  return ROUND_KINDS[text.trim().toLowerCase()] ?? null;
}
