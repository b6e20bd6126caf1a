import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOTE_RULES } from '../../src/domain/ballot-rules.js';
import { tally } from '../../src/domain/tally.js';
import { minutesDocx } from '../../src/reports/minutes/minutes-docx.js';
import { formatPercent, formatPoints } from '../../src/reports/minutes/format.js';
import type { MinutesInput } from '../../src/reports/minutes/types.js';
import { i18n } from '../support/harness.js';

/** The minutes builder on its own: plain data in, a Word file out, in either language. */
const candidates = [
  { code: 'SNV', name: 'Sở Nội vụ', score: 9625, rank: 1 },
  { code: 'CA', name: 'Công an tỉnh', score: 9550, rank: 2 },
];
const count = tally({
  candidates,
  seats: 1,
  rules: DEFAULT_VOTE_RULES,
  members: 9,
  present: 8,
  issued: 9,
  round: 1,
  papers: [['SNV'], ['SNV'], ['SNV'], ['SNV'], ['SNV'], ['CA'], ['CA'], []],
  presentCandidates: new Set(['SNV', 'CA']),
  votedCandidates: new Set(['SNV', 'CA']),
});

function input(locale: string): MinutesInput {
  return {
    locale,
    timezone: 'Asia/Ho_Chi_Minh',
    superior: 'Ủy ban nhân dân tỉnh Hà Nam',
    clusterName: 'Khối thi đua Nội chính tỉnh Hà Nam',
    numberSuffix: 'KTĐ',
    year: 2021,
    place: 'Phủ Lý',
    meetingAt: new Date('2021-12-15T01:00:00Z'),
    now: new Date('2021-12-15T04:30:00Z'),
    secretaryName: 'Trần Văn Thư',
    chairUnit: 'Sở Nội vụ',
    attendance: [
      { code: 'SNV', name: 'Sở Nội vụ', present: true },
      { code: 'CA', name: 'Công an tỉnh', present: true },
      { code: 'TA', name: 'Tòa án nhân dân tỉnh', present: false },
    ],
    ranking: [{ rank: 1, code: 'SNV', name: 'Sở Nội vụ', self: 9700, appraised: 9625, final: 9625, classification: 'excellent' }],
    rules: DEFAULT_VOTE_RULES,
    ballots: [
      {
        id: 1,
        kind: 'award',
        question: 'Đề nghị tặng Cờ thi đua của UBND tỉnh',
        round: 1,
        seats: 1,
        candidates,
        rules: DEFAULT_VOTE_RULES,
        tally: count,
        openedAt: new Date('2021-12-15T02:00:00Z'),
        closedAt: new Date('2021-12-15T02:20:00Z'),
      },
    ],
    election: { leader: 'CA', deputy: 'TA', mode: 'rotation' },
  };
}

async function documentText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('\n');
}

describe('the minutes document', () => {
  it('formats percentages with two decimals and points with a decimal comma', () => {
    expect(formatPercent(5556, 'vi')).toBe('55,56');
    expect(formatPercent(5000, 'en')).toBe('50.00');
    expect(formatPoints(9625, 'vi')).toBe('96,25');
    expect(formatPoints(9650, 'vi')).toBe('96,5');
    expect(formatPoints(-150, 'en')).toBe('-1.5');
  });

  it('reads in Vietnamese, with the body above the bloc and the bloc’s number line', async () => {
    const text = await documentText(await minutesDocx(input('vi'), i18n.translator('vi')));
    for (const s of [
      'ỦY BAN NHÂN DÂN TỈNH HÀ NAM',
      'KHỐI THI ĐUA NỘI CHÍNH TỈNH HÀ NAM',
      'Số: …/BB-KTĐ',
      'Phủ Lý, ngày 15 tháng 12 năm 2021',
      'Có mặt 2/3 đơn vị thành viên.',
      'Số phiếu phát ra: 9; số phiếu thu về: 8; hợp lệ: 8; không hợp lệ: 0.',
      'SNV – Sở Nội vụ: 5/9 phiếu đồng ý, đạt 55,56% – đủ ngưỡng, trúng.',
      'CA – Công an tỉnh: 2/9 phiếu đồng ý, đạt 22,22% – không đủ ngưỡng.',
      'Đề nghị tặng Cờ thi đua của UBND tỉnh: Sở Nội vụ.',
      'Cụm trưởng năm 2022: Công an tỉnh; Cụm phó năm 2022: Tòa án nhân dân tỉnh.',
      '97',
      '96,25',
      'Xuất sắc',
      'Mở phiếu: 15/12/2021 09:00; đóng hòm phiếu: 15/12/2021 09:20.',
      '55,56%',
      'Trúng',
      'Không đạt',
    ])
      expect(text).toContain(s);
    expect(text).toBe(text.normalize('NFC'));
  });

  it('reads in English', async () => {
    const text = await documentText(await minutesDocx(input('en'), i18n.translator('en')));
    for (const s of [
      'SOCIALIST REPUBLIC OF VIETNAM',
      'MINUTES',
      'Phủ Lý, 15/12/2021',
      'SNV – Sở Nội vụ: 5/9 agree, 55.56% – passed, elected.',
      'VOTE-COUNT RECORD',
      '96.25',
    ]) {
      expect(text).toContain(s);
    }
  });
});
