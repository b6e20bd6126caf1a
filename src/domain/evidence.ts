import { UserError } from './errors.js';

/** The kinds of evidence file a cluster accepts (DOMAIN.md: PDF, Word, Excel, JPG, PNG). */
export type EvidenceType = 'pdf' | 'word' | 'excel' | 'jpg' | 'png';

/** A cluster's limits on evidence files (minh chứng): settings, not constants. */
export interface EvidenceLimits {
  /** Largest file, in bytes (default 10 MB). */
  maxBytes: number;
  /** Most files per criterion of a sheet (default 5). */
  maxFiles: number;
  types: EvidenceType[];
}

/** The defaults DOMAIN.md gives: 10 MB a file, 5 per criterion, PDF/Word/Excel/JPG/PNG. */
export const DEFAULT_EVIDENCE_LIMITS: EvidenceLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  types: ['pdf', 'word', 'excel', 'jpg', 'png'],
};

/** A file to check, with the type read from its content (null when the content says nothing known). */
export interface EvidenceCandidate {
  fileName: string;
  size: number;
  type: EvidenceType | null;
}

/**
 * Checks one file against the limits, given how many the criterion already holds (those of the
 * same message before it included).
 *
 * @throws UserError `error-evidence-size`, `error-evidence-type` or `error-evidence-count`
 */
export function checkEvidence(limits: EvidenceLimits, file: EvidenceCandidate, already: number): void {
  if (already >= limits.maxFiles) throw new UserError('error-evidence-count', { name: file.fileName, max: limits.maxFiles });
  if (file.size > limits.maxBytes) throw new UserError('error-evidence-size', { name: file.fileName, max: limits.maxBytes / 1024 / 1024 });
  if (!file.type || !limits.types.includes(file.type)) throw new UserError('error-evidence-type', { name: file.fileName });
}
