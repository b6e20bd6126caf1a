import type { Criterion, Round, Term, Unit } from '../../generated/sqlite/index.js';
import { parseStoredScoring, POINTS } from '../domain/criterion-kinds.js';
import { normaliseCode, type CriteriaTable, type CriterionKind, type CriterionRow, type EvidenceRule } from '../domain/criteria.js';
import { UserError } from '../domain/errors.js';
import type { Db } from '../store/client.js';

/** The cluster's open emulation year, or a reply telling the secretary to open one. */
export async function requireOpenTerm(db: Db, clusterId: number): Promise<Term> {
  const term = await db.term.findFirst({ where: { clusterId, state: 'open' }, orderBy: { year: 'desc' } });
  if (!term) throw new UserError('error-no-term');
  return term;
}

/** The states of a round still in progress. */
const ACTIVE_ROUND_STATES = ['open', 'review'] as const;

/** The round still in progress (open or in review) of a year, if any. */
export function findActiveRound(db: Db, termId: number): Promise<Round | null> {
  return db.round.findFirst({ where: { termId, state: { in: [...ACTIVE_ROUND_STATES] } }, orderBy: { id: 'desc' } });
}

/** The round in progress, or a reply saying there is none. */
export async function requireActiveRound(db: Db, termId: number): Promise<Round> {
  const round = await findActiveRound(db, termId);
  if (!round) throw new UserError('error-no-round');
  return round;
}

/** A unit of the cluster by code (case-insensitive), or a reply naming the unknown code. */
export async function requireUnit(db: Db, clusterId: number, code: string): Promise<Unit> {
  const unit = await db.unit.findUnique({ where: { clusterId_code: { clusterId, code: normaliseCode(code) } } });
  if (!unit) throw new UserError('error-unknown-unit', { code: code.trim() });
  return unit;
}

/** The year's criteria rows in their written order. */
export function loadCriteria(db: Db, termId: number): Promise<Criterion[]> {
  return db.criterion.findMany({ where: { termId }, orderBy: { position: 'asc' } });
}

/** Stored criteria rows as the domain's table. */
export function toTable(rows: Criterion[]): CriteriaTable {
  return { rows: rows.map(toRow) };
}

/** One stored criterion as the domain's row (kind, scoring, evidence rule, units not assigned). */
export function toRow(r: Criterion): CriterionRow {
  const scoring = parseStoredScoring(r.scoring);
  const notAssigned = r.notAssigned ? r.notAssigned.split(',').filter(Boolean) : [];
  return {
    code: r.code,
    title: r.title,
    kind: r.kind as CriterionKind,
    max: r.max,
    sectionCode: r.sectionCode,
    ...(scoring.type !== POINTS.type ? { scoring } : {}),
    ...(r.evidence !== 'optional' ? { evidence: r.evidence as EvidenceRule } : {}),
    ...(notAssigned.length ? { notAssigned } : {}),
  };
}

/** The year's criteria, or a reply telling the secretary to set them. */
export async function requireCriteria(db: Db, termId: number): Promise<Criterion[]> {
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
const ROUND_KINDS: Record<string, 'midyear' | 'yearend'> = {
  midyear: 'midyear',
  soket: 'midyear',
  sokey: 'midyear',
  yearend: 'yearend',
  tongket: 'yearend',
};

/** A round kind from what a user typed (`midyear`, `soket`, `yearend`, `tongket`), or `null`. */
export function parseRoundKind(text: string): 'midyear' | 'yearend' | null {
  return ROUND_KINDS[text.trim().toLowerCase()] ?? null;
}
