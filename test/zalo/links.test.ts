import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeRouter } from '../../src/adapters/kit/router.js';
import { ManualClock } from '../../src/domain/clock.js';
import { StoredLinks } from '../../src/files/link-maker.js';
import { FILES_PREFIX, fileRoute } from '../../src/files/serve.js';
import { signFileToken } from '../../src/files/signed-link.js';
import { HttpServer } from '../../src/http.js';
import { sweepExpiredFiles } from '../../src/store/files.js';
import type { Store } from '../../src/store/store.js';
import { RecordingCore, result, startTelegram } from '../telegram/harness.js';
import { contractI18n } from '../contracts/support.js';
import { storeProviders } from '../support/store.js';
import { zaloText } from '../support/fake-zalo.js';
import { testLogger, zaloFixture } from './harness.js';

const SECRET = 'a-link-secret-for-the-tests-0123456789';
const AN = { id: '7462219034567812345', name: 'Nguyễn Văn An' };
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const providers = await storeProviders('the signed-link tests');
const { setup } = zaloFixture();

for (const provider of providers) {
  describe.skipIf(provider.skip)(`signed links through the real HTTP server (${provider.name})`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let http: HttpServer;
    let base: string;
    const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
    let links: StoredLinks;

    beforeAll(async () => {
      ({ store, close } = await provider.open());
      http = new HttpServer();
      http.routePrefix(
        'GET',
        FILES_PREFIX,
        fileRoute({ db: store.db }, SECRET, () => clock.now()),
      );
      const port = await http.listen(0, '127.0.0.1');
      base = `http://127.0.0.1:${port}`;
      links = new StoredLinks({ store, publicUrl: `${base}/`, secret: SECRET, now: () => clock.now() });
    });
    afterAll(async () => {
      await http.close();
      await close();
    });

    const bytesOf = (text: string) => new TextEncoder().encode(text);

    it('downloads the right bytes with the content type and the file name (RFC 5987)', async () => {
      const bytes = bytesOf('\uFEFFHạng,Mã,Đơn vị\n1,BL,Bạc Liêu\n');
      const { url, hours } = await links.link({ fileName: 'bảng-tổng-hợp-2026.csv', mimeType: 'text/csv', bytes });
      expect(hours).toBe(24);
      expect(url.startsWith(`${base}/files/`)).toBe(true);
      const response = await fetch(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv');
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="bang-tong-hop-2026.csv"; filename*=UTF-8''${encodeURIComponent('bảng-tổng-hợp-2026.csv')}`,
      );
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    });

    it('refuses a tampered, unknown or expired token, and lists nothing', async () => {
      const { url } = await links.link({ fileName: 'x.xlsx', mimeType: XLSX, bytes: bytesOf('PK…') });
      const token = url.slice(url.indexOf('/files/') + 7);
      const [id, expires, mac] = token.split('.') as [string, string, string];
      const flip = (c: string) => (c === 'A' ? 'B' : 'A');
      const tampered = [
        `${id}.${expires}.${flip(mac[0]!)}${mac.slice(1)}`,
        `${id}.${Number(expires) + 3600}.${mac}`,
        `${id.slice(0, -1)}${flip(id.at(-1)!)}.${expires}.${mac}`,
        signFileToken({ fileId: id, expiresAt: new Date(Number(expires) * 1000) }, 'another-secret-entirely-000000'),
        signFileToken({ fileId: '00000000-0000-4000-8000-000000000000', expiresAt: new Date(Number(expires) * 1000) }, SECRET),
      ];
      for (const bad of tampered) {
        const response = await fetch(`${base}/files/${bad}`);
        expect(response.status).toBe(403);
        expect(await response.text()).toBe('Forbidden');
      }
      for (const path of ['/files/', '/files', '/files/..']) expect((await fetch(`${base}${path}`)).status).not.toBe(200);
      expect((await fetch(url)).status).toBe(200);
      clock.advance(24 * 3600 * 1000 + 1000);
      expect((await fetch(url)).status).toBe(403);
      const swept = await store.atomic(clock.now(), sweepExpiredFiles);
      expect(swept).toBeGreaterThanOrEqual(2);
    });

    it('on Zalo, a file becomes a link and the chart goes by sendPhoto with its link', async () => {
      const core = new RecordingCore();
      const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
      core.answer = (i) =>
        i.command === 'export'
          ? result([
              {
                text: [{ key: 't-echo', args: { text: 'Bảng tổng hợp năm 2026' } }],
                file: { fileName: 'bang-tong-hop-2026.xlsx', mimeType: XLSX, bytes: bytesOf('xlsx bytes') },
              },
            ])
          : result([
              {
                text: [{ key: 't-echo', args: { text: 'Kết quả' } }],
                image: { fileName: 'xep-hang-2026.png', mimeType: 'image/png', bytes: png },
              },
            ]);
      const { fake, adapter } = await setup(core, { links });
      expect(adapter.capabilities).toMatchObject({ images: true, files: false, links: true });
      fake.push(zaloText(AN, '/export'));
      const [text] = await fake.waitForTexts(AN.id, 1);
      const url = /(http:\/\/\S+\/files\/\S+?) \(/.exec(text!)![1]!;
      expect(text).toMatch(/^Bảng tổng hợp năm 2026\nTải tệp “bang-tong-hop-2026\.xlsx” tại: http/);
      expect(Buffer.from(await (await fetch(url)).arrayBuffer()).toString()).toBe('xlsx bytes');
      fake.push(zaloText(AN, '/results'));
      const photo = await fake.waitForCall((c) => c.method === 'sendPhoto');
      expect(String(photo.body.caption)).toContain(String(photo.body.photo));
      expect(String(photo.body.caption)).toMatch(/^Kết quả\n\nXem biểu đồ “xep-hang-2026\.png” tại: /);
      const served = await fetch(String(photo.body.photo));
      expect(served.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await served.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
    });

    it('on Telegram, /export link answers with a link to forward instead of the document', async () => {
      const core = new RecordingCore();
      core.answer = () =>
        result([
          {
            text: [{ key: 't-echo', args: { text: 'Bảng tổng hợp năm 2026' } }],
            file: { fileName: 'bang-tong-hop-2026.xlsx', mimeType: XLSX, bytes: bytesOf('the xlsx') },
            link: true,
          },
        ]);
      const { i18n, dispose } = contractI18n();
      const telegram = await startTelegram(core, { links, i18n });
      try {
        const group = telegram.fake.group('Khối Nội chính');
        telegram.fake.say(group, telegram.fake.user('Lan'), '/export link');
        const reply = await telegram.fake.waitForMessage((m) => m.chatId === group.id);
        expect(telegram.fake.sent.some((m) => m.method === 'sendDocument')).toBe(false);
        const url = /(http:\/\/\S+\/files\/\S+?) \(/.exec(reply.text)![1]!;
        expect(reply.text).toContain('Tải tệp “bang-tong-hop-2026.xlsx” tại: ');
        expect(Buffer.from(await (await fetch(url)).arrayBuffer()).toString()).toBe('the xlsx');
      } finally {
        await telegram.stop();
        dispose();
      }
    });
  });
}

describe('signed links without PUBLIC_URL', () => {
  it('on Zalo, says a link cannot be made; pictures are not offered', async () => {
    const core = new RecordingCore();
    core.answer = () =>
      result([
        {
          text: [{ key: 't-echo', args: { text: 'Bảng' } }],
          file: { fileName: 'b.csv', mimeType: 'text/csv', bytes: new Uint8Array([1]) },
          link: true,
        },
      ]);
    const { fake, adapter } = await setup(core, { router: new NoticeRouter(testLogger) });
    expect(adapter.capabilities).toMatchObject({ images: false, files: false, links: false });
    fake.push(zaloText(AN, '/export link'));
    const [text] = await fake.waitForTexts(AN.id, 1);
    expect(text).toContain('Chưa tạo được liên kết tải tệp “b.csv” vì máy chủ của bot chưa có địa chỉ công khai (PUBLIC_URL)');
  });
});
