import type { Attachment } from '../../app/ports.js';

/** A file shared with a message, as the Events API describes it. */
export interface SlackFile {
  name?: string;
  title?: string;
  mimetype?: string;
  url_private_download?: string;
  url_private?: string;
}

/**
 * The files of a message as attachments the core downloads lazily (a message that is not a
 * command costs nothing): from `url_private_download`, with the bot token, as Slack requires.
 */
export function attachmentsOf(files: readonly SlackFile[] | undefined, token: string): Attachment[] {
  const attachments: Attachment[] = [];
  for (const file of files ?? []) {
    const url = file.url_private_download ?? file.url_private;
    if (!url) continue;
    attachments.push({
      fileName: file.name ?? file.title ?? 'file',
      ...(file.mimetype ? { mimeType: file.mimetype } : {}),
      download: async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        if (!response.ok) throw new Error(`slack: file download failed with ${response.status}`);
        return new Uint8Array(await response.arrayBuffer());
      },
    });
  }
  return attachments;
}
