import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/adapters/kit/lines.js';
import { escapeMrkdwn, sectionMessages, toMrkdwn } from '../../src/adapters/slack/format.js';
import { signatureValid } from '../../src/adapters/slack/receive.js';
import { chatKey, channelOf, mentionsOf, parseMentionText, parseSlashText } from '../../src/adapters/slack/incoming.js';

describe('Slack mrkdwn', () => {
  it('escapes only & < >', () => {
    expect(escapeMrkdwn('Sở KH&ĐT <b> *đậm* _nghiêng_')).toBe('Sở KH&amp;ĐT &lt;b&gt; *đậm* _nghiêng_');
  });

  it('renders table lines as one code block', () => {
    const lines: Line[] = [
      { text: 'Bảng', pre: false },
      { text: 'A  1', pre: true },
      { text: 'B  2', pre: true },
    ];
    expect(toMrkdwn(lines)).toBe('Bảng\n```\nA  1\nB  2\n```');
  });

  it('splits a long table under 3,000 characters a section and 50 blocks a message, never cutting a row', () => {
    const rows: Line[] = Array.from({ length: 5000 }, (_, i) => ({
      text: `${String(i + 1).padStart(4)}  SNV${i}  Sở số ${i} & cộng sự  ${(i % 100) / 10}`,
      pre: true,
    }));
    const messages = sectionMessages(rows);
    expect(messages.length).toBeGreaterThan(1);
    const seen: string[] = [];
    for (const m of messages) {
      expect(m.blocks.length).toBeLessThanOrEqual(50);
      for (const block of m.blocks) {
        const text = (block.text as { text: string }).text;
        expect(text.length).toBeLessThanOrEqual(3000);
        expect(text.startsWith('```\n') && text.endsWith('\n```')).toBe(true);
        seen.push(...text.split('\n').filter((l) => l !== '```'));
      }
    }
    expect(seen).toEqual(rows.map((r) => escapeMrkdwn(r.text)));
  });
});

describe('Slack commands', () => {
  it('takes the sub-command from the slash command text; nothing is help', () => {
    expect(parseSlashText('score 1.1 8,5 ghi chú')).toEqual({ command: 'score', args: '1.1 8,5 ghi chú', body: '' });
    expect(parseSlashText('cham 1.1 8,5')).toMatchObject({ command: 'cham', args: '1.1 8,5' });
    expect(parseSlashText('  ')).toEqual({ command: 'help', args: '', body: '' });
  });

  it('reads a message that starts by mentioning the bot, with its body', () => {
    expect(parseMentionText('<@UBOT> score 1.1 8,5\n1.2 9 &amp; hơn', 'UBOT')).toEqual({
      command: 'score',
      args: '1.1 8,5',
      body: '1.2 9 & hơn',
    });
    expect(parseMentionText('<@UBOT|thidua>: /addunit\nSNV Sở Nội vụ', 'UBOT')).toMatchObject({
      command: 'addunit',
      body: 'SNV Sở Nội vụ',
    });
    expect(parseMentionText('xin chào <@UBOT> score', 'UBOT')).toBeUndefined();
  });

  it('names people as Slack writes them, the workspace in the key', () => {
    expect(mentionsOf('<@U123> <@U456|hoa> @minh <@UBOT>', 'T1', 'UBOT')).toEqual([
      { key: 'slack:T1:U123' },
      { key: 'slack:T1:U456', username: 'hoa', displayName: 'hoa' },
      { username: 'minh' },
    ]);
  });

  it('keeps chat keys opaque but reversible', () => {
    expect(chatKey('T1', 'C9')).toBe('slack:T1:C9');
    expect(channelOf('slack:T1:C9')).toEqual({ team: 'T1', channel: 'C9' });
    expect(channelOf('telegram:-100')).toBeUndefined();
  });
});

describe('Slack request signatures (time passed in)', () => {
  const secret = 'shh';
  const body = 'token=x&team_id=T1&text=score+1.1+8%2C5';
  const sign = (ts: number, b = body, s = secret) => ({
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': `v0=${createHmac('sha256', s).update(`v0:${ts}:${b}`).digest('hex')}`,
  });
  const now = 1_800_000_000_000;

  it('accepts a fresh v0 HMAC of the raw body', () => {
    expect(signatureValid(secret, sign(now / 1000), body, now)).toBe(true);
  });

  it('refuses another body, another secret, no signature, and a timestamp over 5 minutes away', () => {
    expect(signatureValid(secret, sign(now / 1000), `${body}&x=1`, now)).toBe(false);
    expect(signatureValid(secret, sign(now / 1000, body, 'other'), body, now)).toBe(false);
    expect(signatureValid(secret, {}, body, now)).toBe(false);
    expect(signatureValid(secret, sign(now / 1000 - 301), body, now)).toBe(false);
    expect(signatureValid(secret, sign(now / 1000 + 301), body, now)).toBe(false);
    expect(signatureValid(secret, sign(now / 1000 - 299), body, now)).toBe(true);
  });
});
