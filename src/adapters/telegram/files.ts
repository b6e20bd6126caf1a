import { readFile } from 'node:fs/promises';
import type { Api } from 'grammy';
import type { Document, Message } from 'grammy/types';
import type { Attachment } from '../../app/ports.js';
import { UserError } from '../../domain/errors.js';

/** Telegram's Bot API lets bots download files up to 20 MB. */
const DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/**
 * The documents a command brings: the one sent with it, or the one it answers (`/criteria` as a
 * reply to a file). Each is downloaded only when the core asks for its bytes.
 */
export function attachmentsOf(message: Message, api: Api, fileRoot: string): { attachments?: Attachment[] } {
  const documents = [message.document, message.reply_to_message?.document].filter((d): d is Document => d !== undefined);
  if (!documents.length) return {};
  return {
    attachments: documents.map((document) => ({
      fileName: document.file_name ?? 'file',
      mimeType: document.mime_type,
      download: () => download(document, api, fileRoot),
    })),
  };
}

/** Fetches a document's bytes; `fileRoot` is `<apiRoot>/file/bot<token>`. */
async function download(document: Document, api: Api, fileRoot: string): Promise<Uint8Array> {
  if ((document.file_size ?? 0) > DOWNLOAD_LIMIT) {
    throw new UserError('telegram-file-too-big', { file: document.file_name ?? '', max: DOWNLOAD_LIMIT / 1024 / 1024 });
  }
  const file = await api.getFile(document.file_id);
  if (!file.file_path) throw new Error(`telegram: no file path for ${document.file_id}`);
  // A local Bot API server (--local) answers with a path on its own disk.
  if (file.file_path.startsWith('/')) return new Uint8Array(await readFile(file.file_path));
  const response = await fetch(`${fileRoot}/${file.file_path}`);
  if (!response.ok) throw new Error(`telegram: file download failed with HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
