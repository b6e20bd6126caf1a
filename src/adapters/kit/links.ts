import type { Capabilities } from '../../delivery.js';
import type { FileOut, Msg, Reply } from '../../reply.js';

/**
 * Turns a file into a signed download link (`PUBLIC_URL/files/<token>`). Built once by the
 * composition root when `PUBLIC_URL` is set and handed to the adapters; without it there is
 * none and a reply says so instead.
 */
export interface LinkMaker {
  /** Keeps the file and returns its public address, valid for `hours`. */
  link(file: FileOut): Promise<{ url: string; hours: number }>;
}

/**
 * Replaces in a reply what must travel as a link: a file the platform cannot carry (or one the
 * reply asks to send as a link, `/export link`), and a picture the platform cannot show. With a
 * link maker each becomes a sentence with its address; without one, a `reply.link` file
 * becomes the sentence that links are not set up, and anything else is left for the planner's
 * own degrade ("not on this platform"). Returns the reply unchanged when there is nothing to do.
 *
 * ```ts
 * const ready = await linkReply(reply, capabilities, links);
 * ```
 */
export async function linkReply(reply: Reply, can: Capabilities, links: LinkMaker | undefined): Promise<Reply> {
  const fileAsLink = reply.file && (reply.link || !can.files);
  const imageAsLink = reply.image && !can.images;
  if (!fileAsLink && !imageAsLink) return reply;
  const text: Msg[] = [...(reply.text ?? [])];
  const out: Reply = { ...reply };
  if (fileAsLink && reply.file) {
    if (links) {
      const { url, hours } = await links.link(reply.file);
      if (reply.file.caption && !reply.text?.length) text.push(reply.file.caption);
      text.push({ key: 'links-file', args: { file: reply.file.fileName, url, hours } });
      delete out.file;
    } else if (reply.link) {
      text.push({ key: 'links-unavailable', args: { file: reply.file.fileName } });
      delete out.file;
    }
  }
  if (imageAsLink && reply.image && links) {
    const { url, hours } = await links.link(reply.image);
    text.push({ key: 'links-image', args: { file: reply.image.fileName, url, hours } });
    delete out.image;
  }
  delete out.link;
  return { ...out, text };
}
