import JSZip from 'jszip';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseRules, serializeRules } from '../../src/domain/rules.js';
import { Harness } from '../support/harness.js';
import { freshSqliteStore } from '../support/store.js';
import { smallMeeting, type SmallMeeting } from './ballot-fixture.js';

/**
 * The minutes' header (Decree 30/2020, form 1.9): the issuing body the secretary sets with
 * `/rules issuer` stands above the cluster's name in the left column, read back from the .docx.
 */
describe('the issuing body in the minutes’ header', () => {
  let m: SmallMeeting;
  let close: () => Promise<void>;
  beforeEach(async () => {
    const fresh = await freshSqliteStore();
    close = fresh.close;
    m = await smallMeeting(new Harness(fresh.store));
  });
  afterEach(async () => close());

  /** The paragraphs' texts of the header's left column (the first table cell) of `/minutes`. */
  async function headerLeft(): Promise<string[]> {
    const result = await m.h.core.handle(m.h.incoming(m.sec, '/minutes'));
    const file = result.replies.find((r) => r.file)!.file!;
    const xml = await (await JSZip.loadAsync(file.bytes)).file('word/document.xml')!.async('string');
    const cell = /<w:tc>([\s\S]*?)<\/w:tc>/.exec(xml)![1]!;
    return [...cell.matchAll(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    );
  }

  it('is set, shown, printed above the cluster’s name, and removed', async () => {
    const { sec, reps, ok } = m;
    expect(await headerLeft()).toEqual(['CỤM THI ĐUA SỞ NỘI VỤ MIỀN TÂY NAM BỘ', 'Số: …/BB-CTĐ']);
    await ok(sec, '/rules', /Tiêu đề biên bản chỉ ghi tên Cụm/);
    await ok(reps.BL, '/rules issuer Bộ Nội vụ', /thư ký/i);
    const set = await ok(sec, '/quyche coquan   Bộ   Nội vụ ', /Đã cập nhật quy chế/);
    expect(set.text).toContain('Tên cơ quan chủ quản ghi trên tiêu đề biên bản (phía trên tên Cụm): Bộ Nội vụ.');
    expect(await headerLeft()).toEqual(['BỘ NỘI VỤ', 'CỤM THI ĐUA SỞ NỘI VỤ MIỀN TÂY NAM BỘ', 'Số: …/BB-CTĐ']);
    await ok(sec, `/rules issuer ${'x'.repeat(121)}`, /không quá 120 ký tự/);
    await ok(sec, '/rules issuer', /không quá 120 ký tự/);
    await ok(sec, '/rules', /Bộ Nội vụ/);
    await ok(sec, '/rules issuer none', /Tiêu đề biên bản chỉ ghi tên Cụm/);
    expect(await headerLeft()).toEqual(['CỤM THI ĐUA SỞ NỘI VỤ MIỀN TÂY NAM BỘ', 'Số: …/BB-CTĐ']);
  });

  it('is kept with the rest of the rules, and is none by default', () => {
    expect(parseRules('{}').minutesIssuer).toBeNull();
    const rules = { ...parseRules('{}'), minutesIssuer: 'Ủy ban nhân dân tỉnh Hà Nam' };
    expect(parseRules(serializeRules(rules)).minutesIssuer).toBe('Ủy ban nhân dân tỉnh Hà Nam');
  });
});
