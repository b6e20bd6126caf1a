import type { Api } from 'grammy';
import type { Message } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { attachmentsOf } from '../../src/adapters/telegram/files.js';

const chat = { id: -1001, type: 'supergroup', title: 'Cụm' } as const;
const base = { message_id: 7, date: 0, chat, from: { id: 5, is_bot: false, first_name: 'Lan' } };
// The mapping never calls the API unless a download is asked for.
const api = {} as Api;

describe('Telegram attachments', () => {
  it('reads a document with its name and type', () => {
    const message = {
      ...base,
      document: { file_id: 'D1', file_unique_id: 'u1', file_name: 'ke-hoach.pdf', mime_type: 'application/pdf' },
    } as Message;
    const { attachments } = attachmentsOf(message, api, 'http://x/file/botT');
    expect(attachments?.map((a) => [a.fileName, a.mimeType])).toEqual([['ke-hoach.pdf', 'application/pdf']]);
  });

  it('reads a photo (evidence) as its largest size, named by its unique id', () => {
    const photo = [
      { file_id: 'S', file_unique_id: 'small', width: 90, height: 60 },
      { file_id: 'L', file_unique_id: 'large', width: 1280, height: 960, file_size: 120_000 },
    ];
    const message = { ...base, photo, caption: '/evidence 1.3' } as Message;
    const { attachments } = attachmentsOf(message, api, 'http://x/file/botT');
    expect(attachments?.map((a) => [a.fileName, a.mimeType])).toEqual([['photo-large.jpg', 'image/jpeg']]);
  });

  it('takes the file of the message a command answers, and nothing from a plain text', () => {
    const reply = { ...base, message_id: 6, photo: [{ file_id: 'P', file_unique_id: 'p', width: 10, height: 10 }] } as Message;
    expect(attachmentsOf({ ...base, text: '/evidence 1.3', reply_to_message: reply } as Message, api, '').attachments?.[0]?.fileName).toBe(
      'photo-p.jpg',
    );
    expect(attachmentsOf({ ...base, text: '/mine' } as Message, api, '')).toEqual({});
  });
});
