import { createHash, randomUUID } from 'node:crypto';
import type { Reader, Tx } from './tx.js';

/**
 * Files kept for signed download links: what an export or a chart becomes on a platform that
 * cannot carry it. Stored in the database (not on one instance's disk), so whichever instance
 * a link reaches serves it; expired rows are swept.
 */

/** A file as it is kept and served. */
export interface StoredFileRow {
  id: string;
  name: string;
  mimeType: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Keeps a file until `expiresAt` under a fresh random id (a UUID) and returns the row. */
export async function saveFile(
  tx: Tx,
  file: { name: string; mimeType: string; bytes: Uint8Array; expiresAt: Date },
): Promise<StoredFileRow> {
  const bytes = Uint8Array.from(file.bytes);
  const row = {
    id: randomUUID(),
    name: file.name,
    mimeType: file.mimeType,
    bytes,
    size: bytes.byteLength,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    createdAt: tx.now,
    expiresAt: file.expiresAt,
  };
  await tx.db.storedFile.create({ data: row });
  return row;
}

/** The file with this id when it has not expired at `now`; `undefined` otherwise. */
export async function findLiveFile(reader: Reader, id: string, now: Date): Promise<StoredFileRow | undefined> {
  const row = await reader.db.storedFile.findUnique({ where: { id } });
  if (!row || row.expiresAt.getTime() <= now.getTime()) return undefined;
  return { ...row, bytes: new Uint8Array(row.bytes) };
}

/** Deletes files expired at the handle's `now`; returns how many went. */
export async function sweepExpiredFiles(tx: Tx): Promise<number> {
  const { count } = await tx.db.storedFile.deleteMany({ where: { expiresAt: { lte: tx.now } } });
  return count;
}
