import type { FileOut } from '../reply.js';
import { saveFile } from '../store/files.js';
import type { Tx } from '../store/tx.js';
import { DEFAULT_LINK_LIFETIME_MS, fileLink, signFileToken } from './signed-link.js';

/**
 * The signed-link maker `main.ts` hands the adapters when `PUBLIC_URL` is set (the shape of
 * the kit's `LinkMaker`): keeps the file in the store and returns `PUBLIC_URL/files/<token>`,
 * valid for 24 hours unless told otherwise.
 *
 * ```ts
 * const links = new StoredLinks({ store, publicUrl, secret });
 * const { url } = await links.link({ fileName: 'bang-tong-hop-2026.xlsx', mimeType, bytes });
 * ```
 */
export class StoredLinks {
  constructor(
    private readonly options: {
      store: { atomic<T>(now: Date, work: (tx: Tx) => Promise<T>): Promise<T> };
      publicUrl: string;
      secret: string;
      now?: () => Date;
      lifetimeMs?: number;
    },
  ) {}

  async link(file: FileOut): Promise<{ url: string; hours: number }> {
    const now = this.options.now?.() ?? new Date();
    const lifetime = this.options.lifetimeMs ?? DEFAULT_LINK_LIFETIME_MS;
    const expiresAt = new Date(now.getTime() + lifetime);
    const row = await this.options.store.atomic(now, (tx) =>
      saveFile(tx, { name: file.fileName, mimeType: file.mimeType, bytes: file.bytes, expiresAt }),
    );
    const url = fileLink(this.options.publicUrl, signFileToken({ fileId: row.id, expiresAt }, this.options.secret));
    return { url, hours: Math.round(lifetime / 3_600_000) };
  }
}
