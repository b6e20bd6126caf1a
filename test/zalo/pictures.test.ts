import { beforeEach, describe, expect, it } from 'vitest';
import { pictureAttachments, pictureName, PICTURE_DOWNLOAD_LIMIT } from '../../src/adapters/zalo/pictures.js';
import { ZaloDownloadError } from '../../src/adapters/zalo/client.js';
import type { ZaloUpdate } from '../../src/adapters/zalo/update.js';
import { UserError } from '../../src/domain/errors.js';
import type { Store } from '../../src/store/store.js';
import { zaloPhoto, zaloText, type FakeZalo } from '../support/fake-zalo.js';
import { Harness, i18n, type Speaker } from '../support/harness.js';
import { storeProviders } from '../support/store.js';
import { zaloFixture } from './harness.js';

/**
 * Pictures sent to the bot on Zalo (`message.image.received`): with the caption
 * `/evidence CRITERION` a picture is evidence, fetched from its `photo_url` through our client,
 * its type read from its content, the cluster's limits (`/rules evidence`) applied by the core;
 * without a command it gets a hint and is never fetched. Through the real adapter, the real core
 * and a real store, against the fake Zalo Bot API.
 */
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a40000000049454e44ae426082',
  'hex',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0, 1, 0, 0, 0xff, 0xd9,
]);
const LS: Speaker & { id: string } = { id: '8462219034567812001', key: 'zalo:8462219034567812001', name: 'Chuyên viên Sở Nội vụ Lạng Sơn' };
const { setup, teardown } = zaloFixture();
const SENTINEL = 'Bot chỉ nhận lệnh bắt đầu bằng dấu gạch chéo';
const PROVIDERS = await storeProviders('the Zalo evidence pictures');

for (const provider of PROVIDERS) {
  describe.skipIf(provider.skip)(`Zalo pictures as evidence on ${provider.name}`, () => {
    let store: Store;
    let h: Harness;
    let fake: FakeZalo;
    const sec = { key: 'test:thu_ky', name: 'Thư ký Cụm' };

    beforeEach(async () => {
      const opened = await provider.open();
      store = opened.store;
      // Closed after the adapter stops (the fixture's teardown runs last pushed first).
      teardown.push(opened.close);
      h = new Harness(store, undefined, 'test:group');
      h.clock.set(new Date('2010-11-15T02:00:00Z'));
      await h.say(sec, '/setup Cụm thi đua Sở Nội vụ 7 tỉnh biên giới phía Bắc');
      await h.say(sec, '/addunit LS Sở Nội vụ Lạng Sơn\nCB Sở Nội vụ Cao Bằng');
      await h.say(LS, '/join LS');
      await h.say(sec, '/approve LS');
      await h.say(sec, '/term 2010');
      await h.say(
        sec,
        '/criteria\nI | Thi đua, khen thưởng\n5 | Thi đua, khen thưởng | 10 | evidence\n6 | Tôn giáo | 10 | criterion | none',
      );
      await h.say(sec, '/round yearend 20/12/2010');
      ({ fake } = await setup(h.core, { i18n }));
    });
    /**
     * LS sends a picture (or any message) on Zalo; resolves the bot's answer, all its messages.
     * A plain "xin chào" follows it as a sentinel: its hint comes after every answer to the first.
     */
    const send = async (message: Parameters<FakeZalo['push']>[0], eventName?: string): Promise<string> => {
      const before = fake.textsTo(LS.id).length;
      fake.push(message, eventName);
      fake.push(zaloText(LS, 'xin chào'));
      await fake.waitForCall(() =>
        fake
          .textsTo(LS.id)
          .slice(before)
          .some((t) => t.startsWith(SENTINEL)),
      );
      const texts = fake.textsTo(LS.id).slice(before);
      return texts
        .slice(
          0,
          texts.findIndex((t) => t.startsWith(SENTINEL)),
        )
        .join('\n\n');
    };
    const stored = () => store.db.evidence.findMany({ orderBy: { id: 'asc' } });

    it('stores a picture captioned /evidence as the criterion’s evidence, its type read from its content', async () => {
      const png = fake.photo(PNG, { mimeType: 'application/octet-stream', extension: 'bin' });
      const message = zaloPhoto(LS, png, '/minhchung 5');
      expect(await send(message)).toBe('Đã lưu 1 tệp minh chứng cho LS, tiêu chí 5 (tổng cộng 1 tệp).');
      const jpeg = zaloPhoto(LS, fake.photo(JPEG, { extension: 'jpg' }), '/evidence 5');
      expect(await send(jpeg)).toContain('(tổng cộng 2 tệp)');
      const rows = await stored();
      expect(rows.map((r) => [r.fileName, r.mimeType, r.size])).toEqual([
        [`photo-${message.message_id}.jpg`, 'image/png', PNG.byteLength],
        [`photo-${jpeg.message_id}.jpg`, 'image/jpeg', JPEG.byteLength],
      ]);
      expect(Buffer.from(rows[0]!.bytes).equals(PNG)).toBe(true);
      expect(fake.photoDownloads).toHaveLength(2);
      // The list and the reading of it work from Zalo too (the pictures themselves travel as links, or not at all).
      expect(await send(zaloText(LS, '/evidence 5'))).toContain('Minh chứng của LS, tiêu chí 5 (2 tệp)');
      // Lets the unit submit: the required evidence is there.
      await send(zaloText(LS, '/cham 5 9\n6 8'));
      expect(await send(zaloText(LS, '/nop'))).toMatch(/đã nộp phiếu tự chấm/);
    });

    it('applies the cluster’s limits and types, and stores nothing that fails them', async () => {
      expect(await send(zaloPhoto(LS, fake.photo(Buffer.from('not a picture at all')), '/evidence 5'))).toMatch(
        /^Tệp “photo-[0-9a-f]+\.jpg” không phải PDF, Word, Excel, JPG hay PNG/,
      );
      await h.say(sec, '/rules evidence 1 1');
      const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
      expect(await send(zaloPhoto(LS, fake.photo(big), '/evidence 5'))).toMatch(/vượt quá 1 MB\.$/);
      expect(await send(zaloPhoto(LS, fake.photo(PNG), '/evidence 6'))).toBe('Tiêu chí 6 không cần minh chứng.');
      expect(await stored()).toEqual([]);
      await send(zaloPhoto(LS, fake.photo(PNG), '/evidence 5'));
      expect(await send(zaloPhoto(LS, fake.photo(JPEG), '/evidence 5'))).toMatch(/mỗi tiêu chí có tối đa 1 tệp minh chứng/);
      expect(await stored()).toHaveLength(1);
    });

    it('tells how to send a picture without a command, a file Zalo does not pass on, or a picture gone; fetches nothing it need not', async () => {
      expect(await send(zaloPhoto(LS, fake.photo(PNG)))).toContain('gửi lại ảnh với chú thích /evidence MÃ_TIÊU_CHÍ');
      expect(await send(zaloPhoto(LS, fake.photo(PNG), 'ảnh hội nghị'))).toContain('ảnh chưa kèm lệnh');
      expect(await send(zaloPhoto(LS, fake.photo(PNG), '/cuatoi'))).toContain('LS');
      expect(fake.photoDownloads).toEqual([]);
      const file = { ...zaloText(LS, ''), text: undefined };
      expect(await send(file, 'message.unsupported.received')).toMatch(/^Zalo không chuyển loại tin nhắn này/);
      const gone = fake.photo(PNG);
      fake.forgetPhoto(gone);
      expect(await send(zaloPhoto(LS, gone, '/evidence 5'))).toMatch(/^Bot chưa tải được ảnh “photo-[0-9a-f]+\.jpg” từ Zalo/);
      expect(await stored()).toEqual([]);
      // In a group the bot stays quiet about pictures.
      const before = fake.calls.length;
      fake.push({ ...zaloPhoto(LS, fake.photo(PNG)), chat: { id: 'g00991122', chat_type: 'GROUP' } });
      await send(zaloText(LS, '/help'));
      expect(fake.calls.slice(before).filter((c) => c.body.chat_id === 'g00991122')).toEqual([]);
    });
  });
}

describe('Zalo picture attachments', () => {
  const update: ZaloUpdate = {
    eventName: 'message.image.received',
    messageId: 'ab12',
    date: 0,
    from: { id: '1', displayName: 'A', isBot: false },
    chat: { id: '1', kind: 'private' },
    photoUrl: 'https://photo.zalo.example/p/ab12.PNG?sig=1',
    caption: '/evidence 5',
  };

  it('names a picture by its message and its address, and asks for no more than the largest limit', async () => {
    expect(pictureName(update)).toBe('photo-ab12.png');
    expect(pictureName({ ...update, photoUrl: 'not an address' })).toBe('photo-ab12.jpg');
    const asked: number[] = [];
    const { attachments } = pictureAttachments(update, {
      download: async (_url, options) => {
        asked.push(options.maxBytes);
        return PNG;
      },
    });
    expect(attachments?.map((a) => [a.fileName, a.mimeType])).toEqual([['photo-ab12.png', undefined]]);
    expect(asked).toEqual([]);
    expect(await attachments![0]!.download()).toBe(PNG);
    expect(asked).toEqual([PICTURE_DOWNLOAD_LIMIT]);
    expect(pictureAttachments({ ...update, photoUrl: undefined }, { download: async () => PNG })).toEqual({});
  });

  it('turns a picture too big into a sentence for the person', async () => {
    const { attachments } = pictureAttachments(update, {
      download: async () => {
        throw new ZaloDownloadError('too-big', 'over');
      },
    });
    const error = await attachments![0]!.download().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(i18n.format('vi', (error as UserError).key, (error as UserError).args)).toBe(
      'Ảnh “photo-ab12.png” quá lớn: bot chỉ tải được ảnh tối đa 50 MB. Xin gửi ảnh nhỏ hơn.',
    );
  });
});
