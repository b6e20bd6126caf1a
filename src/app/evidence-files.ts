import { createHash } from 'node:crypto';
import { fileTypeFromBuffer } from 'file-type';
import type { EvidenceType } from '../domain/evidence.js';

/** What the content of an evidence file says it is. */
export interface DetectedType {
  type: EvidenceType | null;
  /** The MIME type to store and send it back with. */
  mimeType: string;
}

const BY_MIME: Record<string, EvidenceType> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'word',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'excel',
  'image/jpeg': 'jpg',
  'image/png': 'png',
};

/**
 * Reads a file's type from its content (`file-type`), never from its name alone: a `.docx` and
 * an `.xlsx` are both zips and are told apart by what is inside. The old binary Word and Excel
 * formats share one container (`cfb`); only there does the name say which of the two it is.
 */
export async function detectEvidenceType(bytes: Uint8Array, fileName: string): Promise<DetectedType> {
  const found = await fileTypeFromBuffer(bytes);
  if (!found) return { type: null, mimeType: 'application/octet-stream' };
  const type = BY_MIME[found.mime];
  if (type) return { type, mimeType: found.mime };
  if (found.ext === 'cfb') {
    const name = fileName.toLowerCase();
    if (name.endsWith('.doc')) return { type: 'word', mimeType: 'application/msword' };
    if (name.endsWith('.xls')) return { type: 'excel', mimeType: 'application/vnd.ms-excel' };
  }
  return { type: null, mimeType: found.mime };
}

/** The SHA-256 of a file, hex: recorded with it, so a later copy can be checked. */
export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
