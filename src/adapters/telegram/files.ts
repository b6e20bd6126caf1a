import { readFile } from 'node:fs/promises';
import type { Api } from 'grammy';
import type { Message } from 'grammy/types';
import type { Attachment } from '../../app/ports.js';
import { UserError } from '../../domain/errors.js';

/** Telegram's Bot API lets bots download files up to 20 MB. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** A file Telegram holds for a message: a document, or the largest size of a photo. */
interface HeldFile {
  file_id: string;
  file_size?: number;
  fileName: string;
  mimeType?: string;
}

/** The document or photo of one message, as a held file (a photo has no name: it is given one). */
function heldFiles(message: Message | undefined): HeldFile[] {
  if (!message) return [];
  if (message.document)
    return [{ ...message.document, fileName: message.document.file_name ?? 'file', mimeType: message.document.mime_type }];
  const photo = message.photo?.at(-1);
  if (photo) return [{ ...photo, fileName: `photo-${photo.file_unique_id}.jpg`, mimeType: 'image/jpeg' }];
  return [];
}

/**
 * The files a command brings: the document or photo sent with it (evidence, a criteria table),
 * or the one it answers (`/criteria` as a reply to a file). Each is downloaded only when the core
 * asks for its bytes. An album arrives as one message per picture: one command per file.
 */
export function attachmentsOf(message: Message, api: Api, fileRoot: string): { attachments?: Attachment[] } {
  const files = [...heldFiles(message), ...heldFiles(message.reply_to_message)];
  if (!files.length) return {};
  return {
    attachments: files.map((file) => ({ fileName: file.fileName, mimeType: file.mimeType, download: () => download(file, api, fileRoot) })),
  };
}

/** Fetches a file's bytes; `fileRoot` is `<apiRoot>/file/bot<token>`. */
async function download(document: HeldFile, api: Api, fileRoot: string): Promise<Uint8Array> {
  if ((document.file_size ?? 0) > DOWNLOAD_LIMIT) {
    throw new UserError('telegram-file-too-big', { file: document.fileName, max: DOWNLOAD_LIMIT / 1024 / 1024 });
  }
  const file = await api.getFile(document.file_id);
  if (!file.file_path) throw new Error(`telegram: no file path for ${document.file_id}`);
  // A local Bot API server (--local) answers with a path on its own disk.
  if (file.file_path.startsWith('/')) return new Uint8Array(await readFile(file.file_path));
  const response = await fetch(`${fileRoot}/${file.file_path}`);
  if (!response.ok) throw new Error(`telegram: file download failed with HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
