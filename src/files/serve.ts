import type { RouteHandler } from '../http.js';
import { findLiveFile } from '../store/files.js';
import type { Reader } from '../store/tx.js';
import { verifyFileToken } from './signed-link.js';

/** The path prefix links are served under. */
export const FILES_PREFIX = '/files/';

/**
 * `Content-Disposition` for a download: an ASCII fallback name and the real one in RFC 5987's
 * `filename*=UTF-8''…`, so a Vietnamese file name (`bang-tong-hop…`, `Biên bản…`) survives.
 */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * `GET /files/<token>`: the stored file the token names, with its content type and name, when
 * the token's signature is right and neither it nor the file has expired; `403` and nothing
 * else otherwise (a wrong, changed, expired or unknown token all look the same). Nothing is
 * listed: `/files/` alone is a token that does not verify.
 */
export function fileRoute(reader: Reader, secret: string, now: () => Date = () => new Date()): RouteHandler {
  return async (req, res) => {
    const token = decodeURIComponent((req.url ?? '').split('?')[0]!.slice(FILES_PREFIX.length));
    const at = now();
    const grant = verifyFileToken(token, secret, at);
    const file = grant ? await findLiveFile(reader, grant.fileId, at) : undefined;
    if (!file) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('Forbidden');
      return;
    }
    res
      .writeHead(200, {
        'content-type': file.mimeType,
        'content-length': String(file.size),
        'content-disposition': contentDisposition(file.name),
        'cache-control': 'private, no-store',
        'x-content-type-options': 'nosniff',
      })
      .end(Buffer.from(file.bytes));
  };
}
