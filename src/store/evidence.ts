import type { Db } from './client.js';

/** An evidence file as listed (everything but its bytes). */
export interface EvidenceInfo {
  id: number;
  criterionId: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploaderId: number;
  createdAt: Date;
}

/** A new evidence file of one criterion of a sheet. */
export interface NewEvidence {
  sheetId: number;
  criterionId: number;
  fileName: string;
  mimeType: string;
  size: number;
  sha256: string;
  bytes: Uint8Array;
  uploaderId: number;
  at: Date;
}

const INFO = {
  id: true,
  criterionId: true,
  fileName: true,
  mimeType: true,
  size: true,
  sha256: true,
  uploaderId: true,
  createdAt: true,
} as const;

/**
 * Evidence files (minh chứng) live in the store itself, bytes included, so that any instance of
 * the bot serves them and a backup of the database is a backup of the dossier.
 */
export async function addEvidence(db: Db, e: NewEvidence): Promise<number> {
  const row = await db.evidence.create({
    data: {
      sheetId: e.sheetId,
      criterionId: e.criterionId,
      fileName: e.fileName,
      mimeType: e.mimeType,
      size: e.size,
      sha256: e.sha256,
      bytes: Buffer.from(e.bytes),
      uploaderId: e.uploaderId,
      createdAt: e.at,
    },
    select: { id: true },
  });
  return row.id;
}

/** A sheet's evidence files (of one criterion, or all), oldest first, without their bytes. */
export function listEvidence(db: Db, sheetId: number, criterionId?: number): Promise<EvidenceInfo[]> {
  return db.evidence.findMany({
    where: { sheetId, ...(criterionId !== undefined ? { criterionId } : {}) },
    select: INFO,
    orderBy: { id: 'asc' },
  });
}

/** One criterion's evidence files with their bytes, to send back. */
export function evidenceFiles(db: Db, sheetId: number, criterionId: number): Promise<(EvidenceInfo & { bytes: Uint8Array })[]> {
  return db.evidence.findMany({ where: { sheetId, criterionId }, select: { ...INFO, bytes: true }, orderBy: { id: 'asc' } });
}
