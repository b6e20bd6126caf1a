import { describe, expect, it } from 'vitest';
import { wellFormed, wellFormedDeep } from '../../src/adapters/kit/well-formed.js';

describe('well-formed text at the adapter boundary', () => {
  it('replaces lone surrogates with U+FFFD, keeps pairs, removes NUL', () => {
    expect(wellFormed('Lan \ud800 x')).toBe('Lan \ufffd x');
    expect(wellFormed('\udc00tail')).toBe('\ufffdtail');
    expect(wellFormed('end\ud83d')).toBe('end\ufffd');
    expect(wellFormed('Nguyễn 😀 Văn')).toBe('Nguyễn 😀 Văn');
    expect(wellFormed('a\u0000b\u0000')).toBe('ab');
    expect(wellFormed('\ud83d\ud83d\ude00')).toBe('\ufffd😀');
  });

  it('reaches every string of an Incoming, keeps functions and leaves the original alone', () => {
    const download = async () => new Uint8Array();
    const incoming = {
      platform: 'telegram',
      chat: { key: 'telegram:-1', kind: 'group', title: 'Nhóm\ud800' },
      sender: { key: 'telegram:1', displayName: 'Lan\udfff', username: 'lan' },
      command: 'join',
      args: 'BL\u0000',
      body: 'x\ud800',
      attachments: [{ fileName: 'a\ud800.csv', download }],
      mentions: [{ username: 'b\u0000' }],
    };
    const clean = wellFormedDeep(incoming);
    expect(clean).toMatchObject({
      chat: { title: 'Nhóm\ufffd' },
      sender: { displayName: 'Lan\ufffd' },
      args: 'BL',
      body: 'x\ufffd',
      attachments: [{ fileName: 'a\ufffd.csv' }],
      mentions: [{ username: 'b' }],
    });
    expect(clean.attachments[0]!.download).toBe(download);
    expect(incoming.args).toBe('BL\u0000');
  });
});
