import type { Attachment } from '../../app/ports.js';
import { UserError } from '../../domain/errors.js';
import { ZaloDownloadError, type ZaloClient } from './client.js';
import type { ZaloUpdate } from './update.js';

/**
 * The most the adapter fetches of one picture: 50 MB, the largest file any cluster's
 * `/rules evidence` can allow. The cluster's own limit (10 MB by default) is the core's to apply.
 */
export const PICTURE_DOWNLOAD_LIMIT = 50 * 1024 * 1024;

/** The name a picture gets (Zalo sends none): its message id, its extension from the address (`.jpg` when it says none). */
export function pictureName(update: Pick<ZaloUpdate, 'messageId' | 'photoUrl'>): string {
  let extension = 'jpg';
  try {
    const found = /\.(jpe?g|png)$/i.exec(new URL(update.photoUrl ?? '').pathname);
    if (found) extension = found[1]!.toLowerCase() === 'png' ? 'png' : 'jpg';
  } catch {
    // Not an address: the download will say so.
  }
  return `photo-${update.messageId}.${extension}`;
}

/**
 * The picture of a Zalo message (`message.image.received`, its `photo_url`) as an attachment:
 * fetched through our client only when the core asks for its bytes (`/evidence` with the
 * picture), at most `PICTURE_DOWNLOAD_LIMIT`; its type is read from its content by the core,
 * never from the name. A picture too big or no longer at its address is a `UserError` the
 * person is told (nothing is stored). Zalo delivers one picture a message: one command each.
 */
export function pictureAttachments(update: ZaloUpdate, client: Pick<ZaloClient, 'download'>): { attachments?: Attachment[] } {
  const url = update.photoUrl;
  if (!url) return {};
  const fileName = pictureName(update);
  const download = async (): Promise<Uint8Array> => {
    try {
      return await client.download(url, { maxBytes: PICTURE_DOWNLOAD_LIMIT });
    } catch (error) {
      if (!(error instanceof ZaloDownloadError)) throw error;
      if (error.reason === 'too-big')
        throw new UserError('zalo-picture-too-big', { file: fileName, max: PICTURE_DOWNLOAD_LIMIT / 1024 / 1024 });
      throw new UserError('zalo-picture-unavailable', { file: fileName });
    }
  };
  return { attachments: [{ fileName, download }] };
}
