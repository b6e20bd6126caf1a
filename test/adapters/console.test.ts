import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import type { Store } from '../../src/store/store.js';
import { Harness, i18n } from '../support/harness.js';
import { freshSqliteStore } from '../support/store.js';

describe('console adapter', () => {
  let store: Store;
  let close: () => Promise<void>;
  beforeEach(async () => ({ store, close } = await freshSqliteStore()));
  afterEach(async () => close());

  it('plays several people in one terminal, with multi-line bodies, files and 80 columns', async () => {
    const h = new Harness(store);
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => (printed += String(chunk)));
    const filesDir = mkdtempSync(join(tmpdir(), 'console-files-'));
    let closed!: () => void;
    const inputDone = new Promise<void>((resolve) => (closed = resolve));
    const adapter = new ConsoleAdapter({ core: h.core, i18n, locale: 'vi', input, output, filesDir, onClose: () => closed() });
    await adapter.start();
    const lines = [
      '/setup Khối thi đua Nội chính tỉnh Hà Nam',
      '/addunit SNV Sở Nội vụ\\',
      'CA Công an tỉnh',
      ':as Chuyên viên Công an',
      '/join CA',
      ':as Thư ký',
      '/approve CA',
      '/term 2026',
      `:attach ${resolve('examples/criteria-home-affairs.csv')}`,
      '/criteria',
      '/round yearend 10/12/2026',
      '/export csv',
      ':as Chuyên viên Công an',
      ':private',
      '/cuatoi',
    ];
    for (const line of lines) input.write(`${line}\n`);
    // The end of input closes the console once every line before it has been answered.
    input.end();
    await inputDone;
    await adapter.idle();
    await adapter.stop();
    expect(printed).toContain('Đã thêm 2 đơn vị: SNV, CA');
    expect(printed).toContain('Đã duyệt Chuyên viên Công an làm đại diện của CA');
    expect(printed).toContain('Đã cập nhật bảng tiêu chí năm 2026: 14 tiêu chí');
    expect(printed).toContain('Phiếu điểm CA – Công an tỉnh');
    const saved = /Tệp đã lưu tại:\n(.*\.csv)/.exec(printed)?.[1];
    expect(saved && existsSync(saved)).toBe(true);
    expect(readFileSync(saved!, 'utf8').charCodeAt(0)).toBe(0xfeff);
    const wide = printed.split('\n').filter((l) => !l.includes(' > ') && !l.startsWith('/') && [...l].length > 80);
    expect(wide).toEqual([]);
  });
});
